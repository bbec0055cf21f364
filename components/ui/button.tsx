import { cn } from "@/components/ui/cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const variants: Record<Variant, string> = {
  primary: "bg-brand text-brand-ink hover:opacity-90",
  secondary: "border border-line bg-surface text-ink hover:border-brand",
  ghost: "text-brand hover:bg-surface",
  danger: "bg-bad text-canvas hover:opacity-90",
};

/** Class names for anything that should look like a button (also links). */
export function buttonClasses(variant: Variant = "primary", className?: string): string {
  return cn(
    // 44 px minimum tap target (WCAG 2.5.5 / 2.5.8).
    "inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-xl px-5 py-2.5 text-base font-semibold transition disabled:cursor-not-allowed disabled:opacity-50",
    variants[variant],
    className,
  );
}

export function Button({
  variant = "primary",
  className,
  type = "button",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
