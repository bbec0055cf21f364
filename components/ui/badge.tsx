import { cn } from "@/components/ui/cn";

type Tone = "neutral" | "good" | "bad" | "warn" | "brand";

const tones: Record<Tone, string> = {
  neutral: "border-line text-muted",
  good: "border-transparent bg-good-soft text-good",
  bad: "border-transparent bg-bad-soft text-bad",
  warn: "border-transparent bg-warn-soft text-warn",
  brand: "border-brand text-brand",
};

export function Badge({
  tone = "neutral",
  className,
  ...props
}: React.HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-medium",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
