/** A generated password, shown once after a reset (it is stored only as a hash). */
export function OneTimePassword({ name, password }: { name: string; password: string }) {
  return (
    <p role="status" className="rounded-xl bg-good-soft px-3 py-2 text-good">
      New password for {name}: <span className="font-mono font-bold">{password}</span> (shown once)
    </p>
  );
}
