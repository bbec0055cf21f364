// Plain-text summaries printed by the scripts.
import type { SyncCounts, SyncReport } from "../../lib/content/sync";
import type { GeneratedQuestion } from "../../lib/questions/types";

function counts(name: string, c: SyncCounts): string {
  return `${name}: ${c.created} new, ${c.updated} updated, ${c.retired} retired, ${c.unchanged} unchanged`;
}

export function formatSyncReport(report: SyncReport): string {
  return [
    "Content loaded.",
    counts("  articles", report.articles),
    counts("  facts", report.facts),
    counts("  entities", report.entities),
    counts("  questions", report.questions),
  ].join("\n");
}

/** Per article: questions made of each type (served and held back), then each held-back one. */
export function formatQuestionReport(slug: string, questions: GeneratedQuestion[]): string {
  const types = [...new Set(questions.map((q) => q.type))].sort();
  const lines = [`${slug}: ${questions.length} questions`];
  for (const type of types) {
    const ofType = questions.filter((q) => q.type === type);
    const held = ofType.filter((q) => q.heldBackReason).length;
    lines.push(
      `  ${type.padEnd(16)} ${String(ofType.length - held).padStart(4)} served ${String(held).padStart(4)} held back`,
    );
  }
  const heldBack = questions.filter((q) => q.heldBackReason);
  if (heldBack.length > 0) {
    lines.push("  held back:");
    for (const q of heldBack) lines.push(`    ${q.type} [${q.factKeys.join(", ")}] ${q.heldBackReason}`);
  }
  return lines.join("\n");
}
