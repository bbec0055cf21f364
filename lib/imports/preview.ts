// What each draft fact will become: the generator's questions, grouped by the fact they test,
// in the shape the review page shows (no server-only fields such as answerForms). Pure: the
// draft's facts are generated elsewhere (lib/imports/mutations.ts) and handed in.
import type { GeneratedQuestion } from "@/lib/questions/types";

export interface PreviewQuestion {
  key: string;
  type: string;
  stem: string;
  /** MULTIPLE_CHOICE: the options in the order a student sees them; otherwise empty. */
  options: string[];
  /** The right answer, as a teacher checks it. */
  answer: string;
  /** Why the question would not be served; null when it would be. */
  heldBackReason: string | null;
}

export interface FactPreview {
  factId: string;
  /** The questions on this fact alone (questions across facts are in DraftPreview.across). */
  questions: PreviewQuestion[];
  served: number;
  heldBack: number;
  /** Why the fact cannot be published as it stands (its fields or its quote). */
  problem?: string;
  /** Set when not one question on this fact would be served: the reason, for the teacher to fix. */
  noneServed?: string;
}

export interface DraftPreview {
  facts: FactPreview[];
  /** Questions on several facts (matching, ordering), shown once. */
  across: PreviewQuestion[];
}

function rightAnswer(question: GeneratedQuestion): string {
  const { options } = question;
  switch (question.type) {
    case "MATCHING":
      return options.map((o) => `${o.text}: ${o.matchText ?? ""}`).join("; ");
    case "ORDERING":
      return [...options]
        .sort((a, b) => (a.correctPosition ?? 0) - (b.correctPosition ?? 0))
        .map((o) => o.text)
        .join(" → ");
    case "NUMERIC": {
      const written = question.answerText ?? String(question.answerNumber ?? "");
      return question.tolerance ? `${written} (±${question.tolerance})` : written;
    }
    case "FILL_BLANK":
      return question.answerText ?? "";
    default:
      return (
        options
          .filter((o) => o.isCorrect)
          .map((o) => o.text)
          .join(", ") ||
        question.answerText ||
        ""
      );
  }
}

export function toPreviewQuestion(question: GeneratedQuestion): PreviewQuestion {
  return {
    key: question.key,
    type: question.type,
    stem: question.stem,
    options: question.type === "MULTIPLE_CHOICE" ? question.options.map((o) => o.text) : [],
    answer: rightAnswer(question),
    heldBackReason: question.heldBackReason ?? null,
  };
}

/** The commonest reason among held-back questions (the first met on a tie). */
function commonestReason(questions: readonly GeneratedQuestion[]): string | undefined {
  const counts = new Map<string, number>();
  for (const q of questions)
    if (q.heldBackReason) counts.set(q.heldBackReason, (counts.get(q.heldBackReason) ?? 0) + 1);
  let best: string | undefined;
  for (const [reason, count] of counts) if (best === undefined || count > counts.get(best)!) best = reason;
  return best;
}

/**
 * Groups the questions generated from a draft by fact, in the draft's order. `problems` holds
 * the facts left out of generation because they cannot be published as they stand.
 */
export function draftPreviewOf(
  factIds: readonly string[],
  questions: readonly GeneratedQuestion[],
  problems: ReadonlyMap<string, string>,
): DraftPreview {
  const facts = factIds.map((factId): FactPreview => {
    const own = questions.filter((q) => q.factKeys.length === 1 && q.factKeys[0] === factId);
    const touching = questions.filter((q) => q.factKeys.includes(factId));
    const served = own.filter((q) => !q.heldBackReason).length;
    const preview: FactPreview = {
      factId,
      questions: own.map(toPreviewQuestion),
      served,
      heldBack: own.length - served,
    };
    const problem = problems.get(factId);
    if (problem) {
      preview.problem = problem;
      preview.noneServed = problem;
    } else if (touching.length === 0) {
      preview.noneServed = "no question can be made from this fact as it stands";
    } else if (touching.every((q) => q.heldBackReason)) {
      preview.noneServed = commonestReason(touching);
    }
    return preview;
  });
  const across = questions.filter((q) => q.factKeys.length > 1).map(toPreviewQuestion);
  return { facts, across };
}

/** "3 served · 1 held back" */
export function servedLabel(questions: readonly Pick<PreviewQuestion, "heldBackReason">[]): string {
  const heldBack = questions.filter((q) => q.heldBackReason).length;
  return `${questions.length - heldBack} served · ${heldBack} held back`;
}

/** The box a teacher ticks to publish with facts still to review (the review page shows it too). */
export function leaveOutLabel(pending: number): string {
  return `Leave out the ${pending} ${pending === 1 ? "fact" : "facts"} still to review`;
}
