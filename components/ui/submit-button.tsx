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
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  className?: string;
  disabled?: boolean;
  ariaLabel?: string;
}) {
  const { pending } = useFormStatus();
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
