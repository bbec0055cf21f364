import { cn } from "@/components/ui/cn";

/** A labelled progress bar; value and max are counts (3 of 10) or a share (0.3 of 1). */
export function ProgressBar({
  value,
  max = 1,
  label,
  className,
}: {
  value: number;
  max?: number;
  label: string;
  className?: string;
}) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className={cn("h-2.5 w-full overflow-hidden rounded-full bg-line", className)}
    >
      <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${share * 100}%` }} />
    </div>
  );
}
