"use client";

// "Problem with this question?": one tap reports it to the teacher (POST /api/reports).
import { useState } from "react";

export function ReportButtons({ questionId }: { questionId: string }) {
  const [sent, setSent] = useState<string | null>(null);
  const report = async (reason: "WRONG" | "UNCLEAR" | "OUT_OF_DATE", label: string) => {
    const response = await fetch("/api/reports", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ questionId, reason }),
    }).catch(() => null);
    setSent(
      response?.ok ? `Thanks: reported as ${label.toLowerCase()}.` : "Could not send the report; try again later.",
    );
  };
  if (sent)
    return (
      <p role="status" className="text-sm text-muted">
        {sent}
      </p>
    );
  return (
    <div className="flex flex-wrap items-center gap-1 text-sm">
      <span className="text-muted">Problem with this question?</span>
      {(
        [
          ["WRONG", "Wrong"],
          ["UNCLEAR", "Unclear"],
          ["OUT_OF_DATE", "Out of date"],
        ] as const
      ).map(([reason, label]) => (
        <button
          key={reason}
          type="button"
          onClick={() => void report(reason, label)}
          className="min-h-11 rounded-lg px-3 font-medium text-brand underline underline-offset-4"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
