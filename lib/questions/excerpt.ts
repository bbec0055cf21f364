// The part of a fact's quote that a question's feedback shows. A reporter often packs several
// facts into one sentence ("lifting the repo rate ... to 7.75 per cent, and increasing the
// reverse repo rate ... to 5.75 per cent"). Feedback that quoted the whole sentence would give
// away the answer of every other question on it, so no two of them could share a quiz, and an
// article whose facts come in such sentences could not fill one. Where the sentence holds
// another fact's answer, feedback quotes only its clauses that say this fact: from the first
// clause naming the subject to the end of the clause that gives the answer. The excerpt is
// still the article's own words, a part of the quote, so it is found in the article as it is.
import type { FactRecord, GenerationContext } from "@/lib/questions/context";
import { revealedIn, revealingForms } from "@/lib/questions/gates";
import { containsWords, normaliseText } from "@/lib/questions/normalise";
import { subjectWithoutNotes } from "@/lib/questions/wellformed";

/**
 * Where a new clause starts: after a semicolon, colon or dash, after a comma before a lower-case
 * word (a comma before a name, as in "the Institute of Russian, Eastern European ... Studies" or
 * "Britain, the US, Germany and France", is inside a phrase), or before "but", "while", "whereas".
 */
const CLAUSE_BREAK =
  /[;:]\s+|,\s+(?=\p{Ll})(?!(?:the|a|an)\s+\p{Lu})|\s+[—–]\s+|\s+-\s+|\s+(?=(?:but|while|whereas)\s)/gu;

/** A clause that says who gave the fact stays with it: "..., according to a BBC report". */
const ATTRIBUTION = /^(?:according to|said|says|reported|told|the [\p{L}\s]{1,40} said)\b/iu;

/** A clause that cannot open an excerpt: it goes on from the one before ("which saw him ...", "has won ..."). */
const CONTINUES =
  /^(?:or\s+(?=\p{Lu})|(?:which|who|whom|whose|that|has|have|had|is|are|was|were|will|would|said|says|told)\b)/iu;

/** Fewer words than this say too little to stand as the article's evidence. */
const MIN_WORDS = 6;

const LIGHT = new Set(
  "the a an of in on at to for from with by and or its their his her this that these those new number total".split(" "),
);

function clauseStarts(quote: string): number[] {
  const starts = [0];
  for (const match of quote.matchAll(CLAUSE_BREAK)) {
    const at = match.index + match[0].length;
    if (at < quote.length && at > starts.at(-1)!) starts.push(at);
  }
  return starts;
}

/**
 * The quote a question on `record` shows as feedback: the fact's quote, or, when that quote also
 * gives another fact's answer, the shortest run of its clauses that names the subject and gives
 * the answer, if that run gives fewer of the others away.
 */
export function feedbackQuote(record: FactRecord, ctx: GenerationContext): string {
  let quote = excerpts.get(record);
  if (quote === undefined) excerpts.set(record, (quote = excerptOf(record, ctx)));
  return quote;
}

const excerpts = new WeakMap<FactRecord, string>();

function excerptOf(record: FactRecord, ctx: GenerationContext): string {
  const quote = record.fact.quote.trim();
  const others = ctx.facts.filter(
    (other) => other !== record && normaliseText(other.fact.answer) !== normaliseText(record.fact.answer),
  );
  const shownIn = (text: string) => others.filter((other) => revealedIn(text, revealingForms(other)) !== undefined);
  const shownByQuote = shownIn(quote);
  if (shownByQuote.length === 0) return record.fact.quote;

  const own = revealingForms(record);
  const starts = clauseStarts(quote);
  if (starts.length < 2) return record.fact.quote;
  const span = (from: number, to: number) =>
    quote
      .slice(starts[from]!, to + 1 < starts.length ? starts[to + 1]! : quote.length)
      .trim()
      .replace(/^(?:and|but|or|while|whereas)\s+/i, "")
      .replace(/\s*[,;:—–-]$/, "");
  // The first run of clauses that gives the answer, as short as it can be.
  let found: [number, number] | undefined;
  for (let to = 0; to < starts.length && !found; to++)
    for (let from = to; from >= 0 && !found; from--) if (revealedIn(span(from, to), own)) found = [from, to];
  if (!found) return record.fact.quote;
  let [from, to] = found;
  // The whole answer as the fact writes it ("research fellow at the Institute of Russian, Eastern
  // European and Central Asian Studies" runs over a comma).
  const quoteNorm = normaliseText(quote);
  const answer = normaliseText(record.fact.answer);
  const hasAnswer = (text: string) => !containsWords(quoteNorm, answer) || containsWords(normaliseText(text), answer);
  while (to + 1 < starts.length && !hasAnswer(span(from, to))) to++;
  if (to + 1 < starts.length && ATTRIBUTION.test(span(to + 1, to + 1))) to++;
  // Back to the nearest clause that names the subject: every telling word of its noun phrase's
  // core that the quote has ("deposit rate" of "the Orvel Reserve's new deposit rate"), and at
  // least one telling word of the whole subject.
  const telling = (text: string) =>
    normaliseText(text)
      .split(" ")
      .filter((word) => word.length > 2 && !LIGHT.has(word) && containsWords(quoteNorm, word));
  const coreWords = telling(corePhrase(record.fact.subject));
  const subjectWords = telling(subjectWithoutNotes(record.fact.subject));
  // A name in the subject says whose figure it is ("people killed by the 2018 Camp Fire"): the
  // excerpt keeps one. (An owner before "'s" is usually the sentence's subject, said once.)
  const nameWords = (
    subjectWithoutNotes(record.fact.subject)
      .split(/['’]s\s/)
      .at(-1) ?? ""
  )
    .split(/\s+/)
    .slice(1)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map(normaliseText)
    .filter((word) => word.length > 1 && containsWords(quoteNorm, word));
  const namesSubject = (text: string) => {
    const norm = normaliseText(text);
    return (
      coreWords.every((word) => containsWords(norm, word)) &&
      (subjectWords.length === 0 || subjectWords.some((word) => containsWords(norm, word))) &&
      (nameWords.length === 0 || nameWords.some((word) => containsWords(norm, word)))
    );
  };
  while (from > 0 && (!namesSubject(span(from, to)) || CONTINUES.test(quote.slice(starts[from]!)))) from--;
  // The subject may come after the answer ("According to Tass, the delegations sat ...").
  while (to + 1 < starts.length && !namesSubject(span(from, to))) to++;
  if (!namesSubject(span(from, to))) return record.fact.quote;
  const excerpt = span(from, to);
  // A quotation cut in two would misquote.
  const marks = (excerpt.match(/["“”]/g) ?? []).length;
  if (marks % 2 !== 0 || /[‘’'](?=\s|$)/.test(excerpt.replace(/\p{L}[’']\p{L}|s[’'](?=\s)/gu, "")))
    return record.fact.quote;
  // Too short to say anything on its own ("reported CNN."): the whole quote.
  if (excerpt.split(/\s+/).length < MIN_WORDS || excerpt.length >= quote.length - 2 || !hasAnswer(excerpt))
    return record.fact.quote;
  return shownIn(excerpt).length < shownByQuote.length ? excerpt : record.fact.quote;
}

const CORE_END = /\s(?:of|in|on|at|for|by|from|with|to|during|after|before|since|among|between|who|which|that)\s.*$/i;

/** A subject's noun phrase without what follows its head or who owns it: "the Orvel Reserve's new deposit rate" -> "new deposit rate". */
function corePhrase(subject: string): string {
  const core = subjectWithoutNotes(subject).replace(CORE_END, "");
  const owned = core.split(/['’]s\s/);
  return owned.at(-1) ?? core;
}
