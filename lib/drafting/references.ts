// A draft whose subject is only "the typhoon", "the trial" or "the joint meeting" reads well in
// the article, where the sentence before says which, and badly in a quiz ("On what date did the
// typhoon make landfall?"). Articles name a thing fully once and then refer back to it with its
// bare noun, so the fuller mention is looked for in the title and the body: a name built on the
// noun ("Typhoon Roke", "the Park Fire", "the SAARC summit"), an owner ("Sarkozy's trial") or a
// complement ("the visit of Qureshi to India"). The subject takes it only when the article gives
// exactly one such thing: with two fires in the article, "the fire" stays as it is.
import type { DraftFact } from "./draft";
import { CAPITALISED_FUNCTION_WORDS, isCalendarWord } from "./text";

/** "The typhoon", "the joint meeting": an article, at most one lower-case modifier and a noun. */
const BARE = /^([Tt]he)\s+(?:([a-z][a-z-]+)\s+)?([a-z][a-z-]{2,})$/;

/** Nouns for people and for the article itself: "the man" is never another thing's name. */
const NOT_A_THING = new Set(
  `man woman men women person people boy girl child children official officials minister president spokesman
  spokeswoman spokesperson leader leaders police government article report reporter statement country city
  state region area town village year month week day time number figure rate`.split(/\s+/),
);

/** Prepositions after the noun that say which one: "the trial of", "talks between", "the motion against". */
const COMPLEMENT = "of|between|against|by|to|on|for|with";

/** A capitalised word; a full stop only inside a short form ("U.S."), never a sentence's end. */
const NAME_WORD = String.raw`\p{Lu}(?:[\p{L}\d'’&-]|\.(?=\p{Lu}|[ \t]+\p{Ll}))*`;
const NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:of[ \t]+|de[ \t]+|al-)?${NAME_WORD}){0,4}`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The noun as it stands, capitalised or not ("the fire", "the Park Fire"); "talks" never finds one "talk". */
function nounPattern(noun: string): string {
  return `[${noun[0]!.toUpperCase()}${noun[0]}]${escape(noun.slice(1))}`;
}

/** The capitalised words of a mention, as the key that tells two mentions of one thing apart. */
function properKey(mention: string): string {
  return mention
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !CAPITALISED_FUNCTION_WORDS.has(w))
    .map((w) => w.replace(/['’]s$/, "").toLowerCase())
    .sort()
    .join(" ");
}

const COUNT_WORDS = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Some|Many|Few|All|No)$/;

/** A run of names that opens a sentence with a function word ("The", "In") is not part of a name. */
function trimRun(run: string): string {
  const words = run.trim().split(/\s+/);
  while (
    words.length &&
    (CAPITALISED_FUNCTION_WORDS.has(words[0]!) || isCalendarWord(words[0]!) || COUNT_WORDS.test(words[0]!))
  )
    words.shift();
  return words.join(" ");
}

/** The fuller mentions of "the [modifier] noun" in the text, each with its key. */
export function fullerMentions(text: string, noun: string, modifier?: string): string[] {
  const head = nounPattern(noun);
  const mod = modifier ? `${escape(modifier)}\\s+` : "";
  const found: string[] = [];
  const push = (mention: string) => {
    const cleaned = mention
      .replace(/\s+/g, " ")
      .replace(/[,;:.]+$/, "")
      .trim();
    if (cleaned.split(" ").length <= 12 && properKey(cleaned)) found.push(cleaned);
  };
  // "the SAARC summit", "the 2018 Camp Fire", "the Park Fire": names (and a year) before the noun.
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b((?:${NAME_WORD}|\d{4})(?:[ \t]+(?:${NAME_WORD}|\d{4})){0,5})[ \t]+${mod}(${head})\b`,
      "gu",
    ),
  )) {
    const run = trimRun(m[1]!);
    if (!run || /['’]s$/.test(run) || /^\d{4}$/.test(run)) continue;
    if (m[1]!.endsWith(".") && !/^\p{Lu}(?:\.\p{Lu})+\.?$/u.test(run.split(" ").at(-1) ?? "")) continue;
    push(`the ${run} ${modifier ? `${modifier} ` : ""}${m[2]}`);
  }
  // "Typhoon Roke", "Operation Tara", "Cyclone Gaja": the noun as a title before a name.
  if (!modifier)
    for (const m of text.matchAll(new RegExp(String.raw`\b(${head})\s+(${NAME})`, "gu"))) {
      if (!/^\p{Lu}/u.test(m[1]!)) continue;
      const name = trimRun(m[2]!);
      if (name && name === m[2]!.trim()) push(`${m[1]} ${name}`);
    }
  // "Sarkozy's trial", "India's joint meeting".
  for (const m of text.matchAll(new RegExp(String.raw`\b(${NAME})['’]s\s+${mod}(${head})\b`, "gu"))) {
    const owner = trimRun(m[1]!);
    if (owner) push(`${owner}'s ${modifier ? `${modifier} ` : ""}${m[2]}`);
  }
  // "UARSoM and HiDiPSAM convened a joint meeting": the meeting of those who held it.
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b((?:the\s+)?${NAME}(?:,?\s+and\s+(?:the\s+)?${NAME})?)\s+(?:convened|held|called|organised|organized|hosted|staged|opened)\s+(?:a|an)\s+${mod}(${head})\b`,
      "gu",
    ),
  )) {
    // "Representatives of UARSoM and HiDiPSAM": those they represent.
    const holders = trimRun(m[1]!.replace(/^(?:Representatives|Members|Leaders|Delegates|Officials) of\s+/, ""));
    if (holders) push(`the ${modifier ? `${modifier} ` : ""}${m[2]} of ${holders}`);
  }
  // "the visit of Qureshi to New Delhi", "talks between India and Pakistan".
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b(?:[Tt]he|[Aa]n?)\s+${mod}(${head})\s+(${COMPLEMENT})\s+((?:the\s+)?${NAME}(?:\s+(?:and|to|in)\s+(?:the\s+)?${NAME})?)(?![\p{L}]*[ \t]*\d)`,
      "gu",
    ),
  )) {
    if (!/^\p{Ll}/u.test(m[1]!)) continue;
    const complement = m[3]!.trim();
    if (isCalendarWord(complement.replace(/^the\s+/i, "").split(" ")[0]!)) continue;
    // "a grant of CNY700 million": an amount, not a name.
    if (/\d/.test(complement)) continue;
    push(`the ${modifier ? `${modifier} ` : ""}${m[1]} ${m[2]} ${complement}`);
  }
  return found;
}

/** One thing's mentions: each holds the names of the one with fewest ("the SAARC summit", "the SAARC summit in Thimphu"). */
function oneThing(mentions: string[]): string | undefined {
  if (!mentions.length) return undefined;
  const sorted = [...new Set(mentions.map(properKey))].sort((a, b) => a.split(" ").length - b.split(" ").length);
  const core = sorted[0]!.split(" ");
  if (sorted.some((key) => !core.every((w) => key.split(" ").includes(w)))) return undefined;
  // The first mention of the fewest names: how the article itself introduced the thing.
  return mentions.find((m) => properKey(m) === sorted[0]);
}

/** How far back from the fact's sentence a reader looks for what "the party" means. */
const NEARBY_CHARS = 300;

/**
 * The one fuller mention of "the [modifier] noun": the article's only such thing, else the only
 * one named in the few sentences before `at` (where the fact's sentence starts), as a reader
 * takes "the party" to be the party just mentioned. Undefined when neither is one thing.
 */
export function resolveBareSubject(subject: string, text: string, at = -1): string | undefined {
  const bare = BARE.exec(subject.trim());
  if (!bare) return undefined;
  const [, article, modifier, noun] = bare;
  if ([noun!, modifier ?? ""].some((w) => NOT_A_THING.has(w.toLowerCase())) || isCalendarWord(noun!)) return undefined;
  // "the man arrested": a participle after the noun, not a noun.
  if (/(?:ed|en)$/.test(noun!) && modifier) return undefined;
  const whole = fullerMentions(text, noun!.toLowerCase(), modifier?.toLowerCase());
  const nearby =
    at >= 0
      ? fullerMentions(text.slice(Math.max(0, at - NEARBY_CHARS), at), noun!.toLowerCase(), modifier?.toLowerCase())
      : [];
  const chosen = oneThing(whole) ?? (nearby.length ? oneThing(nearby) : undefined);
  if (!chosen) return undefined;
  return /^T/.test(article!) ? chosen.replace(/^the\b/, "The") : chosen;
}

/** "Seats won by the party": a subject that ends on a bare "the noun" after a preposition. */
const TRAILING =
  /^(.+\s(?:of|by|in|for|to|at|from|on|with|against|after|before|during))\s+(the\s+(?:[a-z][a-z-]+\s+)?[a-z][a-z-]{2,})$/;

/** The drafts with bare subjects resolved (see above); a draft whose answer the mention names is left alone. */
export function resolveBareSubjects(drafts: DraftFact[], title: string, body: string): DraftFact[] {
  // A headline in title case capitalises every word ("Quake Kills Almost 100"): its capitals name nothing.
  const words = title.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  const titleCase = words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.8 * words.length;
  const text = titleCase ? body : `${title}.\n${body}`;
  return drafts.map((draft) => {
    if (draft.kind === "person-role" || draft.relation === "name" || draft.relation === "role") return draft;
    const quoteAt = draft.quote ? text.indexOf(draft.quote) : -1;
    const trailing = TRAILING.exec(draft.subject.trim());
    const head = trailing ? trailing[2]! : draft.subject;
    const fuller = resolveBareSubject(head, text, quoteAt);
    if (!fuller) return draft;
    // "Which party won 317 seats?" must not name the party in its own subject.
    const answerWords = new Set(draft.answer.toLowerCase().split(/[^\p{L}\d]+/u));
    if (
      properKey(fuller)
        .split(" ")
        .some((w) => answerWords.has(w))
    )
      return draft;
    return { ...draft, subject: trailing ? `${trailing[1]} ${fuller.replace(/^The\b/, "the")}` : fuller };
  });
}
