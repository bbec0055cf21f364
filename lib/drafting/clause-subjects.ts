// A date or a place drafted for a whole clause ("Airstrikes killed 13 people" in al-Haas, "Japan's
// exports rose for the seventh straight month" in June) is split into the clause's subject and
// its predicate, so the question asks about the event as English does ("Where did airstrikes
// kill 13 people?", "When did Japan's exports rise for the seventh straight month?") instead of
// being held back for a subject that is not a noun phrase.
import { subjectProblem } from "@/lib/questions/wellformed";

import { loadNlp, type DraftFact } from "./draft";

interface Term {
  text: string;
  tags: Set<string>;
}

function termsOf(text: string): Term[] {
  const doc = loadNlp()(text).json() as Array<{ terms: Array<{ text: string; tags: string[]; post?: string }> }>;
  const terms: Term[] = [];
  let joinNext = false;
  for (const t of doc.flatMap((s) => s.terms)) {
    // compromise splits "three-day" in two; the words stay one ("a three-day strike").
    const previous = terms.at(-1);
    if (joinNext && previous) terms[terms.length - 1] = { text: `${previous.text}-${t.text}`, tags: new Set(t.tags) };
    else terms.push({ text: t.text, tags: new Set(t.tags) });
    joinNext = /^[-–]$/.test((t.post ?? "").trim());
  }
  return terms;
}

const HAVE = /^(has|have|had)$/i;

/** Irregular past forms compromise may read as nouns ("rose", "fell", "spread"). */
const IRREGULAR_PAST = new Set(
  `rose fell grew won lost began broke came went took gave made held led left met ran saw sent spent stood struck
  told sold bought brought built caught drew drove fought found flew hit kept knew paid put rode rang shot shut sang
  sank sat slept spoke spread stole swept threw tore wore wrote`.split(/\s+/),
);
const BE = /^(was|were|is|are)$/i;

/** Adverbs that sit between "has" and its participle. */
/** Prepositions a cut clause's last phrase may open with. */
const CUT_BEFORE = /^(on|in|at|from|to|for|with|into|over|under|near|across|along|after|of|by|through)$/;
const ADVERB_AFTER_HAVE = /^(?:so far|already|now|also|since|just|recently|previously)\s/i;

/**
 * "Airstrikes killed 13 people" -> { subject: "Airstrikes", predicate: "killed 13 people" }; a
 * perfect becomes a simple past ("Sudan has summoned" -> "Sudan summoned"). Undefined for a
 * clause in the future or a conditional ("would start"), one whose subject is not a noun phrase
 * that stands alone, or one whose verb cannot be found.
 */
export function splitClause(clause: string): { subject: string; predicate: string } | undefined {
  const terms = termsOf(clause);
  const verbAt = terms.findIndex(
    (t, i) =>
      i > 0 &&
      /^\p{Ll}/u.test(t.text) &&
      ((t.tags.has("Verb") &&
        (t.tags.has("PastTense") || t.tags.has("PresentTense") || t.tags.has("Auxiliary") || t.tags.has("Copula")) &&
        !t.tags.has("Gerund") &&
        !t.tags.has("Infinitive")) ||
        (IRREGULAR_PAST.has(t.text) && terms[i - 1]!.tags.has("Noun"))),
  );
  if (verbAt < 1) return undefined;
  const verb = terms[verbAt]!;
  // "will" and "would" say what is planned ("When will the ministry publish ...?"); "could",
  // "may" and the rest only what is possible, which is no fact to ask about.
  if (/^(could|should|may|might|can|must|shall)$/i.test(verb.text)) return undefined;
  if (/^(will|would)$/i.test(verb.text) && !terms[verbAt + 1]?.tags.has("Infinitive")) return undefined;
  const subject = terms
    .slice(0, verbAt)
    .map((t) => t.text)
    .join(" ")
    .replace(/[,;:]+$/, "");
  if (/^(it|he|she|they|we|i|you|this|that|there|these|those|which|who)$/i.test(subject)) return undefined;
  if (subjectProblem(subject)) return undefined;
  // "ended a three-day strike after the harbour authority agreed": the event is the main clause's.
  const subordinate = terms.findIndex(
    (t, i) =>
      i > verbAt + 1 &&
      /^(after|before|when|because|while|although|though|until)$/i.test(t.text) &&
      terms[i + 1] &&
      /^(the|a|an|its|their|his|her|\p{Lu})/u.test(terms[i + 1]!.text),
  );
  if (subordinate > 0) terms.length = subordinate;
  // "rejected the plan announced" on a date: the date is the participle's, not the clause's.
  const last = terms.at(-1)!;
  if (terms.length - verbAt > 2 && last.tags.has("Verb") && terms.at(-2)!.tags.has("Noun")) return undefined;
  let rest = terms.slice(verbAt).map((t) => t.text);
  // "has summoned" -> "summoned"; "have been affected" is a passive: "were affected".
  if (HAVE.test(rest[0] ?? "")) {
    if (/^been$/i.test(rest[1] ?? "")) {
      const plural = /^(have)$/i.test(rest[0] ?? "");
      rest = [plural ? "were" : "was", ...rest.slice(2)];
    } else {
      // "has so far recorded", "has already closed": the adverb goes after the verb's object.
      const adverb = ADVERB_AFTER_HAVE.exec(rest.slice(1).join(" "));
      const skip = adverb ? adverb[0].trim().split(/\s+/).length : 0;
      const next = terms[verbAt + 1 + skip];
      // compromise reads "so far recorded" as an adjective: after the adverb, "-ed" is the participle.
      const participle =
        next && /ed$/i.test(next.text) && (next.tags.has("Verb") || (skip > 0 && next.tags.has("Adjective")));
      if (!participle) return undefined;
      rest = [...rest.slice(1 + skip), ...(adverb ? [adverb[0].trim()] : [])];
    }
  }
  // A copula alone ("Clashes were in ...") says nothing to ask about.
  if (BE.test(rest[0] ?? "") && rest.length < 2) return undefined;
  const words = rest
    .join(" ")
    .replace(/\s+([,;:.])/g, "$1")
    .replace(/[,;:.]+$/, "")
    .split(/\s+/);
  // A clause cut at its length ends mid-phrase ("... along the town's"): it ends before the
  // phrase's preposition instead.
  if (/^\p{Ll}[\p{L}-]*['’]s$|^(the|a|an|its|their|his|her)$/u.test(words.at(-1) ?? "")) {
    const prep = words.findLastIndex((w, k) => k > 1 && CUT_BEFORE.test(w));
    if (prep < 0) return undefined;
    words.length = prep;
  }
  return { subject, predicate: words.join(" ") };
}

/** The drafts with their clause subjects split (see above); every other draft as it was. */
export function splitClauseSubjects(drafts: DraftFact[]): DraftFact[] {
  return drafts.map((draft) => {
    const isEvent = draft.kind === "date" && /^happened (on|in)$/.test(draft.relation);
    const isWhere = draft.kind === "place" && draft.relation === "in";
    if (!isEvent && !isWhere) return draft;
    // "Four people who died" in Kisumu: where they died ("Where did four people die?").
    const who = /^(.+?) who (died|[a-z]+ed)$/.exec(draft.subject);
    if (who && isWhere) return { ...draft, subject: who[1]!, relation: `${who[2]} in` };
    const problem = subjectProblem(draft.subject);
    // An event's date: any clause with its verb ("Cyclone Evan hit Samoa" on a day -> "On what date
    // did Cyclone Evan hit Samoa?"), which the shape checks may take for a noun phrase.
    if (!isEvent && (!problem || !/whole clause|is a clause/.test(problem))) return draft;
    const split = splitClause(draft.subject);
    if (!split) return draft;
    const preposition = draft.relation.split(" ").at(-1) ?? "in";
    return { ...draft, subject: split.subject, relation: `${split.predicate} ${preposition}` };
  });
}
