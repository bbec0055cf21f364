// A named place or body described in apposition: "Exports to Veloria, Castria's biggest trading
// partner, rose" says Castria's biggest trading partner is Veloria; "in Port Alma, the
// island's capital," says the island's capital is Port Alma. The description is a definite noun
// phrase (an owner's "X's ..." or "the ..."), so it names one thing and stands as a subject:
// "What is Castria's biggest trading partner?". People in apposition have their roles found
// with the people ("Ana Lopes, the party's leader").
import { add, broken, isKnownPerson, loadNlp, lower, properRunEndingAt, textOf, type Context } from "./draft";
import type { Sentence } from "./text";
import { isInside } from "./text";

/** Words that make the phrase a clause or a list, not one noun phrase. */
const NOT_IN_PHRASE =
  /^(is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|did|does|do|said|says|say|told|added|and|or|but|which|who|whom|whose|that|while|as|if|because|when|where)$/;
/** Where the head of the phrase ends and its modifiers begin: "the largest city in the region". */
const PREPOSITION = /^(in|of|on|at|for|from|with|since|by|near|to)$/;
/** A description naming a person, not a place or body: found with the people. */
const PERSON_HEAD =
  /^(man|woman|boy|girl|son|daughter|wife|husband|mother|father|brother|sister|widow|spokesman|spokeswoman|spokesperson|leader|chief|head|minister|president|secretary|director|officer|official|lawyer|coach|player|champion|captain|chairman|chairwoman|chair|founder|author|actor|singer|star|analyst|professor|doctor|envoy|ambassador|adviser|advisor|deputy|candidate|winner|colleague|friend|counterpart)s?$/;

const MAX_WORDS = 9;

/** Whether compromise reads `word` as a verb inside `phrase`. */
function isVerb(phrase: string, word: string): boolean {
  const terms = (loadNlp()(phrase).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap((s) => s.terms);
  const term = terms.findLast((t) => t.text.toLowerCase() === word.toLowerCase());
  return !term || term.tags.includes("Verb");
}

/**
 * The definite noun phrase from token `from` to before `to` as a subject, or undefined: an
 * owner's phrase ("Castria's biggest trading partner") or "the" with lower-case nouns ("the
 * island's capital", "the Castrian capital", "the largest lake in the region"), no verb or
 * list inside, its head (the last word before a preposition) a lower-case noun.
 */
function definiteDescription(sentence: Sentence, from: number, to: number): string | undefined {
  const { tokens } = sentence;
  if (to - from < 2 || to - from > MAX_WORDS) return undefined;
  for (let k = from + 1; k < to; k++) if (broken(sentence, k)) return undefined;
  const first = tokens[from]?.text ?? "";
  const owner = /^\p{Lu}[\p{L}.-]*['’]s$/u.test(first);
  if (!owner && lower(tokens[from]) !== "the") return undefined;
  // "the capital" alone does not say of what.
  if (!owner && to - from < 3) return undefined;
  const words = tokens.slice(from, to).map((t) => t.text);
  if (words.some((w) => NOT_IN_PHRASE.test(w.toLowerCase()) || /^\d/.test(w))) return undefined;
  let headEnd = words.findIndex((w, k) => k > 1 && PREPOSITION.test(w));
  if (headEnd < 0) headEnd = words.length;
  const head = words[headEnd - 1] ?? "";
  if (headEnd < 2 || !/^\p{Ll}[\p{Ll}-]*$/u.test(head) || PERSON_HEAD.test(head)) return undefined;
  // A verb as head makes a clause ("the ministry announced", "the report found").
  const phrase = words.join(" ");
  if (/ly$/.test(head) || words.slice(1).some((w) => /^\p{Ll}/u.test(w) && isVerb(phrase, w))) return undefined;
  // Between "the" and the head: modifiers, lower-case or a demonym/owner ("the Castrian capital").
  const modifiers = words.slice(1, headEnd - 1);
  if (!owner && modifiers.some((w) => /^\p{Lu}/u.test(w) && !/['’]s$/.test(w)) && modifiers.length > 1)
    return undefined;
  return textOf(sentence, from, to);
}

/**
 * Whether the clause from token `from` (after a comma) is a noun phrase in apposition to what
 * comes before it ("in Larnos, the Castrian capital", "in Dunmore, a small port town"), not
 * the main clause ("On June 20, the council barred ...").
 */
export function isAppositionAt(sentence: Sentence, from: number): boolean {
  const { tokens } = sentence;
  if (!/^(the|a|an|\p{Lu}[\p{L}.-]*['’]s)$/iu.test(tokens[from]?.text ?? "")) return false;
  let end = from + 1;
  while (end < tokens.length && !broken(sentence, end)) end++;
  if (end - from > MAX_WORDS || (end < tokens.length && tokens[end]?.gap !== ",")) return false;
  const words = tokens.slice(from, end).map((t) => t.text);
  if (words.some((w) => NOT_IN_PHRASE.test(w.toLowerCase()))) return false;
  const phrase = words.join(" ");
  return !words.slice(1).some((w) => /^\p{Ll}/u.test(w) && isVerb(phrase, w));
}

export function findAppositiveNames(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let comma = 1; comma < tokens.length; comma++) {
    if (tokens[comma]?.gap !== ",") continue;
    if (isInside(sentence.quoted, tokens[comma]?.start ?? 0)) continue;
    const run = properRunEndingAt(sentence, comma - 1);
    if (!run) continue;
    const name = run.text.replace(/['’]s$/, "");
    if (name !== run.text) continue;
    if (ctx.people.has(name) || ctx.taggedPeople.has(name) || isKnownPerson(ctx, name)) continue;
    // "according to Tass, the delegations ...": a source, then the main clause.
    if (/^according$/i.test(tokens[run.from - 2]?.text ?? "") && lower(tokens[run.from - 1]) === "to") continue;
    // The name is one item, not the end of a list ("Castria, Veloria, the ...") or a place's region.
    if (run.from > 0 && tokens[run.from]?.gap === ",") continue;
    // The description runs to the next comma (then the sentence goes on) or to the sentence's end.
    let end = comma + 1;
    while (end < tokens.length && !broken(sentence, end)) end++;
    const closing = tokens[end]?.gap ?? "";
    if (end < tokens.length && closing !== ",") continue;
    // "Castria, the ..., and Veloria": a list, not a description.
    if (end < tokens.length && /^(and|or)$/.test(lower(tokens[end]))) continue;
    const description = definiteDescription(sentence, comma, end);
    if (!description) continue;
    const type = ctx.taggedOrganisations.has(name) ? "organisation" : ctx.taggedPlaces.has(name) ? "place" : "phrase";
    add(ctx, index, { kind: "relation", subject: description, relation: "is", answer: name, type, confidence: 0.6 });
    comma = end - 1;
  }
}
