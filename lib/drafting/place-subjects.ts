// A place's subject must stand on its own: a teacher reads "Where ...?" from it without the
// article. The clause around a place is often no such subject ("He also said they don't expect
// it to move farther", "Across the country with the Government faring better than expected",
// "Their talks will be preceded by … SAARC"); these patterns repair it from the sentence's own
// grammar, or say there is none, so the place is not drafted.
import { broken, lower, textOf } from "./draft";
import { CAPITALISED_FUNCTION_WORDS, type Sentence } from "./text";

const PRONOUN = /^(he|she|it|they|we|i|you|his|her|its|their|our|my|your|us|them|him|let|this|these|those)$/i;

/** Words a subject never opens with: a preposition, an auxiliary, a reporting or bare verb. */
const NO_OPENER =
  /^(of|with|across|from|for|to|by|into|through|during|on|at|in|near|said|says|told|has|have|had|is|are|was|were|will|would|could|can|may|might|go|goes|be|been|being|and|but|or|as|than|which|who|that|where|while|because|including)$/i;

/** A finite verb, crudely: enough to tell a clause from a name or a bare noun phrase. */
const FINITE =
  /\b(?:is|are|was|were|has|have|had|will|would|could|can|told|said|says|met|held|won|lost|took|made|hit|struck|killed|[a-z]{3,}ed)\b/;

/** Whether a place's subject reads on its own (see the file's comment). */
export function standsAlone(subject: string): boolean {
  if (subject.includes("…")) return false;
  // "... as we have just had reports of": a speaker's own words, whose "we" the reader cannot place.
  if (
    /\b(?:we|us|our|I|me|my|you|your)\b/i.test(
      subject.replace(/\bus\b(?=\s+(?:dollars?|troops|forces|officials|states?)\b)/gi, ""),
    )
  )
    return false;
  // "The latest wave of cases to be identified is": a copula whose complement was the place.
  if (/\s(?:is|are|was|were|be|been)$/i.test(subject)) return false;
  const first = subject.split(/\s+/)[0] ?? "";
  // "Speaking at a joint news conference": what the sentence's subject was doing, not a thing.
  if (
    /^(speaking|talking|writing|addressing|visiting|arriving|returning|travell?ing|standing|referring|responding|commenting|appearing)$/i.test(
      first,
    )
  )
    return false;
  // "At least 78 have been killed": a bound, not a preposition.
  if (PRONOUN.test(first) || (NO_OPENER.test(first) && !/^at least\b/i.test(subject))) return false;
  return true;
}

/**
 * "HEAD … REST" where REST is a clause of its own that opens with a name ("Let us hope … Krishna
 * told reporters after the call" -> "Krishna told reporters after the call"); else none.
 */
export function clauseAfterEllipsis(subject: string): string | undefined {
  const rest = subject.split(" … ").at(-1)?.trim() ?? "";
  const first = rest.split(/\s+/)[0] ?? "";
  if (!/^\p{Lu}/u.test(first) || CAPITALISED_FUNCTION_WORDS.has(first) || PRONOUN.test(first)) return undefined;
  if (rest.split(/\s+/).length < 3 || !FINITE.test(rest)) return undefined;
  return rest;
}

/** A participle or an "-ing" form: what an absolute construction's noun is doing or had done. */
const PARTICIPLE = /^(?:[a-z]{2,}(?:ing|ed)|cut|hit|left|struck|shut|sent|held|kept|lost|torn|broken|taken|given)$/;

/**
 * "..., with the Government faring better than expected in Queensland" -> "the Government faring
 * better than expected"; "with several districts in the states of A and B cut off from aid" ->
 * "several districts cut off from aid": the noun of a "with" absolute and what it is doing, on
 * either side of the place.
 */
export function absoluteWith(sentence: Sentence, preposition: number, placeEnd: number): string | undefined {
  const { tokens } = sentence;
  let w = preposition - 1;
  while (w > 0 && preposition - w <= 10 && !broken(sentence, w + 1) && lower(tokens[w]) !== "with") w--;
  if (lower(tokens[w]) !== "with" || w === preposition - 1) return undefined;
  const before = tokens.slice(w + 1, preposition).map((t) => t.text);
  if (before.some((word) => PRONOUN.test(word))) return undefined;
  if (before.some((word) => PARTICIPLE.test(word)) && before.length >= 3) return textOf(sentence, w + 1, preposition);
  // The participle after the place: "several districts in A and B cut off from aid".
  if (placeEnd < tokens.length && !broken(sentence, placeEnd) && PARTICIPLE.test(tokens[placeEnd]?.text ?? "")) {
    let end = placeEnd + 1;
    while (end < tokens.length && !broken(sentence, end) && end - placeEnd < 6) end++;
    const cut = before.findIndex((word) => /^(in|at|of|near)$/.test(word));
    const noun = cut < 0 ? before : before.slice(0, cut);
    if (noun.length >= 1 && noun.length <= 4)
      return `${noun.join(" ")} ${textOf(sentence, placeEnd, end)}`.replace(/\s+(?:and|or|but)$/, "");
  }
  return undefined;
}

/** Common nouns that name what is at a place: a building, a gathering, a report of something. */
const LOCATED =
  /^(spaceport|base|station|office|offices|embassy|consulate|headquarters|camp|prison|jail|port|harbour|harbor|factory|plant|mine|bases|conference|summit|meeting|talks|rally|ceremony|festival|reports|landslides|clashes|protests|fighting)$/;

/** "the U.S. military bases": the full stop of an abbreviation is no break in the phrase. */
const afterAbbreviation = (sentence: Sentence, k: number): boolean =>
  sentence.tokens[k]?.gap === "." && /^\p{Lu}(?:\.\p{Lu})+$/u.test(sentence.tokens[k - 1]?.text ?? "");

/**
 * The noun phrase right before the place preposition, when its head names what is there: "from
 * the spaceport at X" -> "the spaceport"; "a conference of Home Ministers of the Y in X" -> "a
 * conference of Home Ministers of the Y"; "reports of landslides in X" -> "reports of landslides".
 * The leftmost such head of an "of" chain, from its article.
 */
export function locatedNounPhrase(sentence: Sentence, preposition: number): string | undefined {
  const { tokens } = sentence;
  let head = -1;
  for (let k = preposition - 1; k >= 0 && preposition - k <= 16; k--) {
    const word = tokens[k]?.text ?? "";
    const lowerCase = /^\p{Ll}/u.test(word);
    if (lowerCase && LOCATED.test(word)) head = k;
    else if (lowerCase && (/^(a|an|the)$/.test(word) || PRONOUN.test(word))) {
      if (head >= 0) break;
    } else if (
      lowerCase &&
      ((NO_OPENER.test(word) && !/^(of|for)$/.test(word)) ||
        // A verb ends the phrase; a gerund after "of" is inside it ("reports of flooding").
        (/(?:ed|ing)$/.test(word) && !/^(of|the|a|an|for)$/.test(lower(tokens[k - 1]))))
    )
      break;
    else if (!lowerCase && CAPITALISED_FUNCTION_WORDS.has(word)) break;
    // Punctuation ends the phrase, except the brackets of an acronym: "... Cooperation (SAARC)".
    if (
      k < preposition &&
      broken(sentence, k) &&
      !/^[()]+$/.test(tokens[k]?.gap ?? "") &&
      !afterAbbreviation(sentence, k)
    )
      break;
  }
  if (head < 0) return undefined;
  // Back over the head's modifiers ("ruling", "party's") to its article.
  let from = head;
  while (
    from > 0 &&
    head - from < 4 &&
    (!broken(sentence, from) || afterAbbreviation(sentence, from)) &&
    /^[\p{L}'’.-]+$/u.test(tokens[from - 1]?.text ?? "") &&
    !CAPITALISED_FUNCTION_WORDS.has(tokens[from - 1]?.text ?? "") &&
    !NO_OPENER.test(lower(tokens[from - 1])) &&
    !PRONOUN.test(lower(tokens[from - 1]))
  ) {
    from--;
    if (/^(a|an|the)$/.test(lower(tokens[from]))) break;
  }
  if (!/^(a|an|the|its|their)$/.test(lower(tokens[from])) && from < head) from = head;
  const phrase = textOf(sentence, from, preposition)
    .replace(/\s*\([^)]*\)?$/, "")
    .trim();
  // "the spaceport" alone names no particular one: a modifier or an "of" complement must.
  const words = phrase.split(/\s+/);
  if (words.length > 14 || words.length === 1 || (words.length === 2 && from < head)) return undefined;
  return phrase;
}

/**
 * "... comparisons to the 2018 Camp Fire that tore through X" -> the 2018 Camp Fire, "tore
 * through": the noun phrase a relative clause describes, with its verb, when the place
 * follows that verb.
 */
export function relativeClauseSubject(
  sentence: Sentence,
  preposition: number,
): { subject: string; relation: string } | undefined {
  const { tokens } = sentence;
  const verb = tokens[preposition - 1]?.text ?? "";
  if (!/^\p{Ll}+$/u.test(verb) || !/^(that|which)$/.test(lower(tokens[preposition - 2]))) return undefined;
  if (broken(sentence, preposition - 1) || broken(sentence, preposition)) return undefined;
  let from = preposition - 3;
  while (
    from > 0 &&
    preposition - from <= 9 &&
    !broken(sentence, from + 1) &&
    !/^(the|a|an)$/i.test(lower(tokens[from]))
  )
    from--;
  if (!/^(the|a|an)$/.test(lower(tokens[from])) || from >= preposition - 3) return undefined;
  return {
    subject: textOf(sentence, from, preposition - 2),
    relation: `${verb} ${lower(tokens[preposition])}`,
  };
}

/** Past forms that are also the participle, besides "-ed": what a pronoun's clause did to its object. */
const PAST_PARTICIPLE =
  /^(?:[a-z]{2,}ed|found|held|sent|made|built|caught|brought|bought|sold|kept|left|lost|hit|cut|shut|set|put|spotted)$/;

/**
 * "We found two more boats near X" -> "two more boats found": a clause whose subject is a pronoun
 * the reader cannot place, said of its object instead.
 */
export function objectOfPronounClause(sentence: Sentence, preposition: number): string | undefined {
  const { tokens } = sentence;
  let k = preposition - 1;
  while (k > 0 && preposition - k <= 8 && !broken(sentence, k) && !PRONOUN.test(tokens[k - 1]?.text ?? "")) k--;
  const pronoun = k - 1;
  if (!/^(we|they|i|he|she)$/i.test(tokens[pronoun]?.text ?? "")) return undefined;
  if (pronoun > 0 && !broken(sentence, pronoun)) return undefined;
  const verb = lower(tokens[pronoun + 1]);
  if (!PAST_PARTICIPLE.test(verb) || pronoun + 2 >= preposition) return undefined;
  const object = tokens.slice(pronoun + 2, preposition).map((t) => t.text);
  if (
    object.some(
      (word) =>
        !/^[\p{Ll}\d][\p{L}\d,.-]*$/u.test(word) || PRONOUN.test(word) || (NO_OPENER.test(word) && word !== "of"),
    )
  )
    return undefined;
  return `${object.join(" ")} ${verb}`;
}

/**
 * Whether the clause kept around a place starts inside a phrase of the sentence ("... political
 * ethics and its failure ..." kept from "ethics"): a lower-case word right before it, no comma.
 */
export function startsMidPhrase(sentence: Sentence, clause: string): boolean {
  const opening = clause.split(" … ")[0]?.split(/\s+/).slice(0, 3).join(" ") ?? "";
  const at = opening ? sentence.text.indexOf(opening) : -1;
  if (at <= 0) return false;
  const k = sentence.tokens.findIndex((token) => token.start === at);
  if (k <= 0 || broken(sentence, k)) return false;
  const previous = sentence.tokens[k - 1]?.text ?? "";
  return (
    /^\p{L}/u.test(previous) &&
    !CAPITALISED_FUNCTION_WORDS.has(previous) &&
    !/^(the|a|an|its|their|and|but|or|that|said|says|while|as|because|when|after|before|where)$/.test(previous)
  );
}
