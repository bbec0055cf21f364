// Plain-text summaries printed by the scripts.
import type { SyncCounts, SyncReport } from "../../lib/content/sync";

function counts(name: string, c: SyncCounts): string {
  return `${name}: ${c.created} new, ${c.updated} updated, ${c.retired} retired, ${c.unchanged} unchanged`;
}

export function formatSyncReport(report: SyncReport): string {
  return [
    "Content loaded.",
    counts("  articles", report.articles),
    counts("  facts", report.facts),
    counts("  entities", report.entities),
  ].join("\n");
}
