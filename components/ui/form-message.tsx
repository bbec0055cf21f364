import { cn } from "@/components/ui/cn";

/** The message a form shows after submitting: announced to screen readers. */
export function FormMessage({
  tone,
  children,
  className,
}: {
  tone: "error" | "success";
  children: React.ReactNode;
  className?: string;
}) {
  if (!children) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-xl px-4 py-3 font-medium",
        tone === "error" ? "bg-bad-soft text-bad" : "bg-good-soft text-good",
        className,
      )}
    >
      {children}
    </p>
  );
}
