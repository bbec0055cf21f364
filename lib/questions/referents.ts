// Subjects that point back into the article. A drafted fact's subject is often the article's own
// short reference ("the election", "the change", "exports", "the three counties"): clear to a
// reader of the paragraph, but a student asked "On what date was the election held?" cannot tell
// which election is meant. Such a subject is given its owner where the fact's sentence, the
// headline or the opening sentence writes one ("Japan's exports"), and otherwise questions that
// name it are held back with the reason (the fill-in, which shows the article's sentence, stays).
import type { GeneratorArticle, GeneratorFact } from "@/lib/questions/types";
import { subjectWithoutNotes } from "@/lib/questions/wellformed";

/**
 * Heads that name something news reports many of (elections, changes, deals, shares, growth):
 * the bare noun does not say whose or which one.
 */
const VAGUE_HEADS = new Set(
  (
    "change changes loss losses gain gains move decision deal incident reopening increase decrease rise fall " +
    "drop cut hike plan proposal agreement announcement election elections vote trial sentence conversation " +
    "call meeting surplus deficit growth exports imports turnout share company firm authorities country nation " +
    "government ministry contract team exam examination event party project study report survey investigation " +
    "operation programme program campaign bill budget payment"
  ).split(" "),
);
/** Words that pin nothing down: articles, prepositions, and describing words of any such thing. */
const FILLER = new Set(
  "the a an this that these those its their his her of in on at for by to with from and or new latest".split(" "),
);
const TIME_WORDS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|spring|summer|autumn|winter|quarter|week|month|year)s?$/i;
/** "the three counties", "other areas", "such cases": a reference back to something named before ("the two sides" of a story are its two sides). */
const BACK_REFERENCE =
  /\b(?:the (?:three|four|five|six|seven|eight|nine|ten|\d{1,2})|other|these|those|such|the same|the latter|the former)\s+\p{L}+/iu;

/** "the state", "the country's", "the west African nation": a place referred back to by its kind. */
const PLACE_REFERENCE =
  /\bthe (?:[\p{L}-]+ ){0,2}(?:state|country|nation|city|province|region|island|town|county|district|village|capital)(?:['’]s)?(?![\p{L}-])/iu;

/** What may follow a place noun that heads its phrase: a preposition, a verb, a relative. */
const PLACE_FOLLOWERS =
  /^(?:of|in|on|at|to|for|from|with|by|since|during|after|before|near|and|or|but|that|which|who|where|is|are|was|were|has|have|had|will|would|can|could|\p{L}+ed)$/u;

/** The word that leaves the subject unresolved ("election", "the three counties"), or undefined. */
export function vagueReferent(subject: string, body = ""): string | undefined {
  const raw = subjectWithoutNotes(subject);
  if (!raw || /^["“‘']/.test(raw)) return undefined;
  const back = BACK_REFERENCE.exec(raw);
  if (back) return back[0];
  // "the west African nation", "the state's schools": a place named only by its kind.
  const place = PLACE_REFERENCE.exec(raw);
  if (place) {
    // "the city of Nagoya" says which; "the city council" is no place but a modifier of one.
    const next = raw
      .slice(place.index + place[0].length)
      .trim()
      .split(/\s+/);
    const modifier = !/['’]s$/.test(place[0]) && /^\p{Ll}+$/u.test(next[0] ?? "") && !PLACE_FOLLOWERS.test(next[0]!);
    const namedAfter = next[0] === "of" && /^(?:\p{Lu}|(?:al|el|ad|as|ash|az|ibn|bin)-)/u.test(next[1] ?? "");
    if (!namedAfter && !modifier) return place[0].replace(/['’]s$/, "");
  }
  // "The two sides' prisoners": which two sides, the question does not say.
  const sides = /\bthe two sides\b/i.exec(raw);
  if (sides) return sides[0];
  const words = raw.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d'’-]+$/gu, ""));
  const content = words.filter((w) => w && !FILLER.has(w.toLowerCase()));
  // A name, a figure or a time ("Labor's share", "the 2019 election", "growth in June") says which.
  // The subject's first word is capitalised as a sentence's would be: it is a name when it is a
  // possessive ("Japan's"), an acronym, or a word the article capitalises mid-sentence ("Ukrainian").
  const first = words.find(Boolean) ?? "";
  const named = (w: string) =>
    w === first
      ? (/['’]s$/.test(w) && !pointsBack(w)) ||
        w.split("-").some((part) => /^\p{Lu}{2,}/u.test(part) || capitalisedMidSentence(part, body))
      : /^\p{Lu}/u.test(w);
  if (content.some((w) => named(w) || /\d/.test(w) || TIME_WORDS.test(w))) return undefined;
  const lower = words.map((w) => w.toLowerCase());
  // "the change", "the authorities": a word that only ever refers back, unless a complement follows.
  // "the company's net loss": the owner is itself a reference back.
  for (let i = 1; i < lower.length; i++) {
    const word = lower[i]!.replace(/['’]s$/, "");
    if (lower[i - 1] === "the" && ANAPHORS.has(word) && !COMPLEMENT.test(lower[i + 1] ?? "")) return word;
  }
  // "The election", "Economic growth", "the joint meeting": the head with nothing that says which.
  const at = lower.findIndex((w) => VAGUE_HEADS.has(w));
  if (at < 0) return undefined;
  // "the share of the vote" says of what, not whose: a share of a whole every party has one of.
  if (lower[at] === "share" && /^of the (?:vote|votes|seats|market)$/.test(lower.slice(at + 1).join(" ")))
    return "share";
  if (COMPLEMENT.test(lower[at + 1] ?? "")) return undefined;
  const bare = content.every((w) => VAGUE_HEADS.has(w.toLowerCase()) || GENERIC_MODIFIERS.has(w.toLowerCase()));
  return bare ? lower[at] : undefined;
}

/** Words that only ever refer back to something the article named before. */
const ANAPHORS = new Set([
  "change",
  "authorities",
  "reopening",
  "incident",
  "move",
  "decision",
  "loss",
  "company",
  "firm",
  "group",
]);
/** "Company's", "group's": a possessive that names no one. */
function pointsBack(word: string): boolean {
  const stem = word.toLowerCase().replace(/['’]s$/, "");
  return ANAPHORS.has(stem) || VAGUE_HEADS.has(stem);
}

/** What follows a head to say which one: "the agreement to ...", "the deal between ...", "the rise in the lending rate". */
const COMPLEMENT = /^(?:to|that|between|with|on|over|against|among|of|in|for|by|from|at)$/;
/** Describing words that do not say which one: "the new deal", "the joint meeting", "the parliamentary elections". */
const GENERIC_MODIFIERS = new Set(
  (
    "new latest recent joint overall total final last next annual economic telephonic phone official general " +
    "parliamentary presidential legislative local national snap early key main big major trade first second " +
    "third research"
  ).split(" "),
);

/** A name: written with a capital after a lower-case word ("a Ukrainian delegation") and never in lower case. */
function capitalisedMidSentence(word: string, body: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(`(?<![\\p{L}-])${escaped.toLowerCase()}(?![\\p{L}-])`, "u").test(body)) return false;
  return new RegExp(`[\\p{Ll}\\d,;:]\\s+${escaped}\\b`, "u").test(body);
}

const NOT_OWNERS = new Set(["It", "This", "That", "The", "Its", "Their", "His", "Her", "Our", "Last", "Next"]);

/**
 * "Japan's exports" for "Exports" when `text` writes the head with a named owner before it: a
 * possessive of one to three capitalised words, then at most two lower-case words, then the head.
 */
function ownedIn(text: string, head: string): string | undefined {
  const pattern = new RegExp(
    `((?:\\p{Lu}[\\p{L}.-]*\\s+){0,2}\\p{Lu}[\\p{L}.-]*)['’]s\\s+((?:\\p{Ll}[\\p{L}-]*\\s+){0,2})${head}\\b`,
    "u",
  );
  const match = pattern.exec(text);
  if (!match) return undefined;
  const owner = match[1]!.trim();
  const first = owner.split(/\s+/)[0]!;
  if (NOT_OWNERS.has(first) || TIME_WORDS.test(owner)) return undefined;
  return owner;
}

/** The subject with its owner ("Japan's exports"), when the sentence, headline or opening names one. */
export function resolvedSubject(fact: GeneratorFact, article: GeneratorArticle): string | undefined {
  const referent = vagueReferent(fact.subject, article.body);
  if (!referent || referent.includes(" ")) return undefined;
  const raw = subjectWithoutNotes(fact.subject);
  const lede = article.body.split(/(?<=[.!?])\s+/)[0] ?? "";
  for (const text of [fact.quote, article.title, lede]) {
    const owner = ownedIn(text, referent.toLowerCase());
    if (!owner) continue;
    // "The share of the vote" -> "Ana Lee's share of the vote"; "Exports" -> "Japan's exports".
    const rest = raw.replace(/^(?:the|a|an|its|their)\s+/i, "");
    const resolved = `${owner}'s ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
    const notes = fact.subject.slice(fact.subject.indexOf(raw) + raw.length);
    return `${resolved}${notes}`;
  }
  return undefined;
}

/** Why a question naming the fact's subject could not be answered without the article, or undefined. */
export function referentProblem(fact: GeneratorFact, body: string): string | undefined {
  if (fact.type === "role") return undefined;
  const referent = vagueReferent(fact.subject, body);
  if (!referent) return undefined;
  const noun = referent.replace(/^(?:the|other|these|those|such)\s+/i, "");
  return `the subject “${subjectWithoutNotes(fact.subject)}” does not say which “${noun}” it means (“${referent}” points back into the article), so a student could not tell without it`;
}
