"use client";

// The question picker: search, filters, "select all on this fact", each question's choices and
// answer. With JavaScript it filters as the teacher types; without, the same form filters by a
// GET of this page (carrying the title and the questions picked so far) and creates or adds
// by its POST. Questions that do not match stay in the form, hidden, so a filter never
// unpicks them.
import { memo, useActionState, useCallback, useDeferredValue, useMemo, useState, useSyncExternalStore } from "react";

import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { field } from "@/lib/form-state";
import {
  DIFFICULTIES,
  DIFFICULTY_MIN_ANSWERS,
  type Difficulty,
  factLabel,
  groupByFact,
  matchesFilter,
  type PickerFact,
  type PickerFilter,
  type PickerQuestion,
  searchTextOf,
} from "@/lib/sets/picker";

import { addToSetAction, createSetAction } from "../actions";
import { QuestionChoices } from "./question-preview";

export type PickerMode =
  { kind: "create"; title: string; shared: boolean } | { kind: "add"; setId: string; inSet: string[] };

export interface QuestionPickerProps {
  mode: PickerMode;
  /** This page's address: a browser without JavaScript filters by a GET of it. */
  path: string;
  /** The one article the picker was opened on, if any (kept across filtering). */
  article?: string;
  articles: { slug: string; title: string; served: number }[];
  facts: PickerFact[];
  questions: PickerQuestion[];
  types: { value: string; label: string }[];
  initial: { filter: PickerFilter; selected: string[]; articleSlugs: string[] };
}

const noSubscribe = () => () => undefined;
const select = "min-h-11 w-full rounded-xl border border-line bg-canvas px-3";

function difficultyText(q: PickerQuestion): string {
  if (q.difficulty === "unanswered") return `Not yet answered (${q.answered} of ${DIFFICULTY_MIN_ANSWERS} answers)`;
  const label = DIFFICULTIES.find((d) => d.value === q.difficulty)!.label;
  return `${label}: ${Math.round((q.shareRight ?? 0) * 100)}% right of ${q.answered}`;
}

const QuestionRow = memo(function QuestionRow({
  question,
  typeLabel,
  checked,
  inSet,
  shown,
  onToggle,
}: {
  question: PickerQuestion;
  typeLabel: string;
  checked: boolean;
  inSet: boolean;
  shown: boolean;
  onToggle: (id: string) => void;
}) {
  return (
    <li
      hidden={!shown}
      data-testid="picker-question"
      className="flex flex-col gap-1.5 border-t border-line py-2 first:border-t-0"
    >
      <label className="flex min-h-11 cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          name="questionIds"
          value={question.id}
          checked={checked || inSet}
          disabled={inSet}
          onChange={() => onToggle(question.id)}
          className="mt-1 size-5 shrink-0 accent-brand"
        />
        <span className="flex min-w-0 flex-col">
          <span className="text-sm text-muted">
            {typeLabel} · {difficultyText(question)}
          </span>
          <span>{question.stem}</span>
        </span>
      </label>
      <div className="flex flex-col gap-1.5 pl-8">
        {inSet && (
          <Badge tone="brand" className="self-start">
            In this set
          </Badge>
        )}
        <QuestionChoices preview={question} />
      </div>
    </li>
  );
});

export function QuestionPicker({
  mode,
  path,
  article,
  articles,
  facts,
  questions,
  types,
  initial,
}: QuestionPickerProps) {
  const [state, action] = useActionState(mode.kind === "add" ? addToSetAction : createSetAction, null);
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [q, setQ] = useState(initial.filter.q ?? "");
  const [type, setType] = useState(initial.filter.type ?? "");
  const [fact, setFact] = useState(initial.filter.fact ?? "");
  const [difficulty, setDifficulty] = useState<Difficulty | "">(initial.filter.difficulty ?? "");
  const [selected, setSelected] = useState(() => new Set(initial.selected));
  const [wholeArticles, setWholeArticles] = useState(() => new Set(initial.articleSlugs));
  const search = useDeferredValue(q);

  const inSet = useMemo(() => new Set(mode.kind === "add" ? mode.inSet : []), [mode]);
  const typeLabel = useMemo(() => new Map(types.map((t) => [t.value, t.label])), [types]);
  const texts = useMemo(() => {
    const factsById = new Map(facts.map((f) => [f.id, f]));
    return new Map(questions.map((question) => [question.id, searchTextOf(question, factsById)]));
  }, [facts, questions]);
  const shown = useMemo(() => {
    const filter: PickerFilter = { q: search, type, fact, difficulty: difficulty || undefined };
    return new Set(questions.filter((x) => matchesFilter(x, texts.get(x.id)!, filter)).map((x) => x.id));
  }, [questions, texts, search, type, fact, difficulty]);
  const groups = useMemo(
    () =>
      articles.map((a) => ({
        article: a,
        groups: groupByFact(
          facts.filter((f) => f.articleSlug === a.slug),
          questions.filter((x) => x.articleSlug === a.slug),
        ),
      })),
    [articles, facts, questions],
  );

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const setAll = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const clearFilters = () => {
    setQ("");
    setType("");
    setFact("");
    setDifficulty("");
  };

  const filtering = Boolean(search.trim() || type || fact || difficulty);
  const count = selected.size;
  const error = state && !state.ok ? (state.fieldErrors?.questionIds ?? state.error) : undefined;
  const submitLabel = mode.kind === "add" ? "Add to set" : "Create set";

  return (
    <form action={action} className="flex flex-col gap-4">
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {mode.kind === "create" ? (
        <>
          <Input
            label="Title"
            {...field(state, "title", mode.title)}
            placeholder="Istanbul talks: key facts"
            required
          />
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="shared" defaultChecked={mode.shared} className="size-5 accent-brand" />
            Share with every teacher on this server
          </label>
        </>
      ) : (
        <input type="hidden" name="setId" value={mode.setId} />
      )}
      {article && <input type="hidden" name="article" value={article} />}

      <fieldset className="flex flex-col gap-3 rounded-2xl border border-line p-4">
        <legend className="px-1 font-semibold">Find questions</legend>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="picker-search" className="font-medium">
            Search
          </label>
          <input
            id="picker-search"
            type="search"
            name="q"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            // With JavaScript the list filters as one types: Enter must not reload the page.
            onKeyDown={(e) => {
              if (e.key === "Enter" && hydrated) e.preventDefault();
            }}
            placeholder="Words of a question, an answer, an option or the article"
            className="min-h-11 rounded-xl border border-line bg-canvas px-3 py-2 text-base"
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1.5">
            <label htmlFor="picker-type" className="font-medium">
              Type
            </label>
            <select
              id="picker-type"
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value)}
              className={select}
            >
              <option value="">All types</option>
              {types.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="picker-fact" className="font-medium">
              Fact
            </label>
            <select
              id="picker-fact"
              name="fact"
              value={fact}
              onChange={(e) => setFact(e.target.value)}
              className={select}
            >
              <option value="">All facts</option>
              {articles.map((a) => (
                <optgroup key={a.slug} label={a.title}>
                  {facts
                    .filter((f) => f.articleSlug === a.slug)
                    .map((f) => (
                      <option key={f.id} value={f.id}>
                        {factLabel(f)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="picker-difficulty" className="font-medium">
              Difficulty
            </label>
            <select
              id="picker-difficulty"
              name="difficulty"
              value={difficulty}
              onChange={(e) => setDifficulty(e.target.value as Difficulty | "")}
              className={select}
              aria-describedby="difficulty-meaning"
            >
              <option value="">Any difficulty</option>
              {DIFFICULTIES.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label} ({d.meaning})
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id="difficulty-meaning" className="text-sm text-muted">
          Difficulty is the share of right answers to the question so far, from every class and student on this server
          (part marks count in part), once it has {DIFFICULTY_MIN_ANSWERS} answers.
        </p>
        <div className="flex flex-wrap gap-2">
          {/* Without JavaScript, filtering is a GET of this page with the whole form. */}
          <button
            type="submit"
            formAction={path}
            formMethod="get"
            hidden={hydrated}
            className={buttonClasses("secondary")}
          >
            Show matching questions
          </button>
          {filtering &&
            (hydrated ? (
              <Button variant="ghost" onClick={clearFilters}>
                Clear filters
              </Button>
            ) : (
              <a href={article ? `${path}?article=${article}` : path} className={buttonClasses("ghost")}>
                Clear filters
              </a>
            ))}
        </div>
      </fieldset>

      <p aria-live="polite" className="text-muted">
        Showing {shown.size} of {questions.length} questions
      </p>

      {groups.map(({ article: a, groups: factGroups }) => (
        <section
          key={a.slug}
          aria-label={a.title}
          className="flex flex-col gap-3 rounded-2xl border border-line p-3 sm:p-4"
        >
          <h2 className="text-lg font-semibold">{a.title}</h2>
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input
              type="checkbox"
              name="articleSlugs"
              value={a.slug}
              checked={wholeArticles.has(a.slug)}
              onChange={(e) =>
                setWholeArticles((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.add(a.slug);
                  else next.delete(a.slug);
                  return next;
                })
              }
              className="size-5 accent-brand"
            />
            All {a.served} served questions of this article
          </label>
          {factGroups.map(({ fact: f, questions: list }) => {
            const visible = list.filter((x) => shown.has(x.id) && !inSet.has(x.id)).map((x) => x.id);
            const allOn = visible.length > 0 && visible.every((id) => selected.has(id));
            const shownHere = list.filter((x) => shown.has(x.id)).length;
            const pickedHere = list.filter((x) => selected.has(x.id)).length;
            const name = f ? factLabel(f) : "several facts";
            const key = f?.id ?? `several-${a.slug}`;
            return (
              <div key={key} hidden={shownHere === 0} className="flex flex-col gap-1">
                <div className="flex flex-col gap-1 border-b border-line pb-1 sm:flex-row sm:items-center sm:justify-between">
                  <h3 className="font-semibold">
                    {f ? (
                      <>
                        <span className="text-sm font-normal text-muted">Fact:</span> {name}
                      </>
                    ) : (
                      "Questions on several facts (matching, ordering)"
                    )}
                  </h3>
                  {visible.length > 0 && (
                    <button
                      type="submit"
                      name="selectFact"
                      value={f?.id ?? `several:${a.slug}`}
                      formAction={path}
                      formMethod="get"
                      onClick={(e) => {
                        if (!hydrated) return;
                        e.preventDefault();
                        setAll(visible, !allOn);
                      }}
                      aria-label={`${allOn ? "Unselect" : "Select"} all ${visible.length} on this fact: ${name}`}
                      className={buttonClasses("ghost", "self-start px-3")}
                    >
                      {allOn ? "Unselect" : "Select"} all {visible.length} on this fact
                    </button>
                  )}
                </div>
                {/* Closed until the teacher opens it or filters: 290 questions with their
                    options at once are a long page on a phone. */}
                <details open={filtering || undefined}>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand">
                    {shownHere} {shownHere === 1 ? "question" : "questions"}
                    {pickedHere > 0 && `, ${pickedHere} selected`}
                  </summary>
                  <ul className="flex flex-col">
                    {list.map((x) => (
                      <QuestionRow
                        key={x.id}
                        question={x}
                        typeLabel={typeLabel.get(x.type) ?? x.type}
                        checked={selected.has(x.id)}
                        inSet={inSet.has(x.id)}
                        shown={shown.has(x.id)}
                        onToggle={toggle}
                      />
                    ))}
                  </ul>
                </details>
              </div>
            );
          })}
        </section>
      ))}

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-canvas py-3">
        <p aria-live="polite" className="font-semibold">
          {count} selected
          {wholeArticles.size > 0 &&
            ` and ${wholeArticles.size === 1 ? "a whole article" : `${wholeArticles.size} whole articles`}`}
        </p>
        <SubmitButton pendingText={mode.kind === "add" ? "Adding…" : "Creating…"}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
