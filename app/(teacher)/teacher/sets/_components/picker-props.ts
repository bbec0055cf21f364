// The picker's props from the question bank and the page's query string: the filters, and
// what a browser without JavaScript picked before its last GET.
import { SHIPPED_KINDS } from "@/lib/questions/kinds";
import { pickedAfter } from "@/lib/sets/picker";
import type { QuestionBank } from "@/lib/sets/queries";
import type { PickerSearch } from "@/lib/sets/schemas";

import type { PickerMode, QuestionPickerProps } from "./question-picker";

export const PICKER_TYPES = SHIPPED_KINDS.map((kind) => ({ value: kind.type, label: kind.label }));

export function pickerPropsOf(
  bank: QuestionBank,
  search: PickerSearch,
  { mode, path, article }: { mode: PickerMode; path: string; article?: string },
): QuestionPickerProps {
  const filter = {
    q: search.q,
    type: PICKER_TYPES.some((t) => t.value === search.type) ? search.type : undefined,
    fact: bank.facts.some((f) => f.id === search.fact) ? search.fact : undefined,
    difficulty: search.difficulty,
  };
  const inSet = new Set(mode.kind === "add" ? mode.inSet : []);
  return {
    mode,
    path,
    article,
    articles: bank.articles,
    facts: bank.facts,
    questions: bank.questions,
    types: PICKER_TYPES,
    initial: {
      filter,
      selected: pickedAfter(bank.questions, bank.facts, filter, {
        picked: search.questionIds,
        selectFact: search.selectFact,
        exclude: inSet,
      }),
      articleSlugs: search.articleSlugs.filter((slug) => bank.articles.some((a) => a.slug === slug)),
    },
  };
}
