"use client";

import { useFormStatus } from "react-dom";

import { Button } from "@/components/ui/button";

/** A form's submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText,
  variant,
  className,
  disabled = false,
  ariaLabel,
  pending: pendingElsewhere = false,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  className?: string;
  disabled?: boolean;
  ariaLabel?: string;
  /** Working on a submission the form's own action does not see (a request its onSubmit sends). */
  pending?: boolean;
}) {
  const pending = useFormStatus().pending || pendingElsewhere;
  return (
    <Button
      type="submit"
      variant={variant}
      className={className}
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      aria-label={ariaLabel}
    >
      {pending ? (pendingText ?? "Working…") : children}
    </Button>
  );
}
