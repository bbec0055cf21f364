// Who did what, for any verb: a named person, organisation or country as the subject of a
// clause, its verb and its object ("The Indian Space Research Organisation launched a weather
// satellite" -> the satellite, launched by ISRO; "Greenpeace criticised the launch"), and who
// said what ("Mission director Priya Raman said the satellite would reach orbit in three weeks").
// draft.ts reads a few deeds of people in detail (led, chaired, won ...); this reads the rest,
// with compromise's part-of-speech tags deciding what is a verb.
import {
  add,
  broken,
  clauseEnd,
  clauseStart,
  isKnownPerson,
  isOrganisationName,
  isRoleHead,
  looksLikePerson,
  loadNlp,
  lower,
  ownSubject,
  properRunEndingAt,
  resolveShortName,
  textOf,
  type Context,
  type DraftAnswerType,
} from "./draft";
import { CAPITALISED_FUNCTION_WORDS, isInside, type Sentence } from "./text";

/** Verbs whose object is not a deed a question can ask about: states, attempts, beginnings, being. */
const NOT_DEEDS = new Set(
  `was were is are be been being has have had did does do got get seemed appeared remained became
  wanted needed hoped expected tried decided planned continued started began stopped refused declined agreed
  believed thought felt knew saw looked used managed failed helped let made kept went came took gave put called
  named dubbed termed labelled labeled considered
  faced included includes ranked marked said says told added asked stated noted explained warned claimed argued
  insisted replied reported urged described recalled mentioned predicted estimated confirmed acknowledged admitted
  stressed emphasised emphasized suggested denied wrote`.split(/\s+/),
);

/** A verb and its preposition that make one deed: "called for", "voted against", "appealed for". */
const PHRASAL_DEEDS = /^(called|appealed|pushed|pressed|asked|voted|campaigned|argued|lobbied|fought) (for|against)$/;

/** Verbs that report speech: "X said (that) ..." or "..., X said." */
const SAYING = new Set(["said", "says", "added", "stated", "warned", "claimed"]);
/** Verbs that report a claim only when "that" follows: "announced that ...", not "announced the arrests". */
const SAYING_THAT = new Set([
  "announced",
  "confirmed",
  "explained",
  "insisted",
  "noted",
  "argued",
  "stressed",
  "revealed",
  "acknowledged",
  "admitted",
  "predicted",
  "believes",
  "believed",
]);
/** Whom a speaker "told": "told reporters", "told the BBC", "told a news conference". */
const LISTENERS =
  /^(reporters|journalists|lawmakers|parliament|senators|legislators|students|supporters|residents|parents|viewers|delegates|investors|analysts)$/;

/** Words that end a verb's object: a new clause, a time, a reason. */
const OBJECT_STOP = new Set(
  `and but while which who whom whose as after before since when because saying adding until during though although
  where if amid despite following than so yet nor or whereas by back`.split(/\s+/),
);

const PRONOUN_OBJECTS =
  /^(on|in|at|to|for|with|from|into|onto|upon|about|against|through|by|of|it|him|them|us|me|her|this|these|those|that|to|up|out|off|down|back|not|also|himself|herself|itself|themselves|there)$/;

interface Doer {
  name: string;
  type: DraftAnswerType;
  /** First token of the doer's name (or of its "The"). */
  from: number;
}

/** The named subject ending at token `last`: a known person, an organisation or a place the article names. */
function doerEndingAt(
  ctx: Context,
  sentence: Sentence,
  last: number,
  tagsOf: (i: number) => Set<string>,
): Doer | undefined {
  const run = properRunEndingAt(sentence, last);
  if (!run) return undefined;
  let from = run.from;
  if (/^the$/i.test(sentence.tokens[from - 1]?.text ?? "") && !broken(sentence, from)) from--;
  const text = run.text.replace(/['’]s$/u, "");
  if (text !== run.text) return undefined;
  const start = clauseStart(sentence, from);
  // A person, after their title ("Mayor Ana Brightwater", "Harbour master Joel Penn"): a name
  // the article knows, or one compromise reads as a person's from its first to its last word.
  const names = Array.from({ length: last - run.from + 1 }, (_, n) => run.from + n);
  const known = names.find((k) => {
    const name = textOf(sentence, k, last + 1);
    return resolveShortName(ctx, name) !== undefined || ctx.people.has(name);
  });
  const tagged = names.find(
    (k) =>
      last > k &&
      !isRoleHead(sentence.tokens[k]) &&
      names.filter((j) => j >= k).every((j) => tagsOf(j).has("Person")) &&
      looksLikePerson(ctx, textOf(sentence, k, last + 1)),
  );
  const k = known ?? tagged;
  if (k !== undefined) {
    const name = textOf(sentence, k, last + 1);
    const person = resolveShortName(ctx, name) ?? name;
    // The subject opens its clause, its title aside: not "the boat Ana Brightwater bought".
    // (compromise tags "harbour" in "harbour master" as a verb: only a verb's finite forms count.)
    const title = Array.from({ length: k - start }, (_, j) => start + j);
    const titled =
      title.length <= 5 &&
      title.every((j) => {
        const tags = tagsOf(j);
        return (
          !["PastTense", "Auxiliary", "Modal", "Copula", "Gerund"].some((t) => tags.has(t)) &&
          !/^(and|or|who|that|which)$/i.test(sentence.tokens[j]?.text ?? "")
        );
      });
    return titled ? { name: person, type: "person", from: k } : undefined;
  }
  // Not "On Monday, the rocket NASA launched": the subject opens its clause.
  if (start !== from) return undefined;
  if (ctx.taggedPlaces.has(text) && !text.includes(" and ")) return { name: text, type: "place", from };
  if (/^\p{Lu}{2,}$/u.test(text) || isOrganisationName(ctx, text)) return { name: text, type: "organisation", from };
  return undefined;
}

/** The doer before the verb at `verb`, skipping an appositive ("Greenpeace, an environmental group, said"). */
function doerBefore(
  ctx: Context,
  sentence: Sentence,
  verb: number,
  tagsOf: (i: number) => Set<string>,
): Doer | undefined {
  const { tokens } = sentence;
  // "successfully launched": an adverb between the doer and the verb.
  while (verb > 1 && /ly$/.test(lower(tokens[verb - 1])) && !broken(sentence, verb)) verb--;
  // "the Indian Space Research Organisation (Isro) launched": the name before its short form.
  if (tokens[verb]?.gap === ")" && tokens[verb - 1]?.gap === "(") {
    const full = doerEndingAt(ctx, sentence, verb - 2, tagsOf);
    if (full) return full;
  }
  if (!broken(sentence, verb)) return doerEndingAt(ctx, sentence, verb - 1, tagsOf);
  if (tokens[verb]?.gap !== ",") return undefined;
  // ", an environmental group," : walk back to the comma that opened it.
  for (let open = verb - 1; open > 0 && verb - open <= 12; open--) {
    if (!broken(sentence, open)) continue;
    if (tokens[open]?.gap !== ",") return undefined;
    if (
      !/^(the|a|an|its|his|her|their|who|which|\p{Ll}+)$/u.test(lower(tokens[open])) &&
      !/^\p{Ll}/u.test(tokens[open]?.text ?? "")
    )
      return undefined;
    if (/^(who|which)$/i.test(tokens[open]?.text ?? "")) return undefined;
    return doerEndingAt(ctx, sentence, open - 1, tagsOf);
  }
  return undefined;
}

/** The verb's object, from token `from` to token `end` (not included): to the end of its clause, cut at a new clause or a time. */
function objectFrom(
  ctx: Context,
  index: number,
  sentence: Sentence,
  from: number,
  isAdverb: (i: number) => boolean,
): { text: string; end: number } | undefined {
  const { tokens } = sentence;
  const dates = ctx.datesBySentence[index] ?? [];
  const inDate = (k: number) =>
    dates.some((d) => (tokens[k]?.start ?? -1) >= d.start && (tokens[k]?.start ?? -1) < d.end);
  let end = from;
  while (
    end < tokens.length &&
    (end === from || !broken(sentence, end)) &&
    !inDate(end) &&
    !(
      /^(on|in|at|by|last|this|next|early|late)$/i.test(tokens[end]?.text ?? "") &&
      (inDate(end + 1) || /^(1[89]|20)\d\d$/.test(tokens[end + 1]?.text ?? ""))
    ) &&
    !OBJECT_STOP.has(lower(tokens[end])) &&
    !isAdverb(end)
  )
    end++;
  if (end === from) return undefined;
  if (end - from > 10) {
    // Too long to ask about whole: keep its noun phrase, up to the first preposition after it.
    let cut = from + 1;
    while (
      cut < end &&
      cut - from <= 8 &&
      !/^(on|in|at|from|to|for|with|into|over|under|near|across|after)$/.test(lower(tokens[cut]))
    )
      cut++;
    if (cut - from > 8) return undefined;
    end = cut;
  }
  // A trailing preposition or article means the phrase was cut mid-way.
  while (end > from && /^(the|a|an|of|on|in|at|from|to|for|with|its|their|his|her)$/i.test(tokens[end - 1]?.text ?? ""))
    end--;
  if (end === from) return undefined;
  return { text: textOf(sentence, from, end), end };
}

/** The participle a passive question needs: "took" -> "taken", "launched" -> "launched". */
const participles = new Map<string, string | undefined>();

function participleOf(verb: string): string | undefined {
  if (participles.has(verb)) return participles.get(verb);
  const forms = (
    loadNlp()(`they ${verb} it`) as unknown as {
      verbs: () => { conjugate: () => Array<{ PastTense?: string; Participle?: string }> };
    }
  )
    .verbs()
    .conjugate()[0];
  const participle =
    forms?.PastTense && forms.PastTense.toLowerCase() === verb
      ? (forms.Participle ?? forms.PastTense).toLowerCase()
      : undefined;
  participles.set(verb, participle);
  return participle;
}

/** The claim a speaker made: the rest of the sentence after "said (that)", when it stands as a statement. */
function claimAfter(sentence: Sentence, verb: number): string | undefined {
  const { tokens } = sentence;
  let from = verb + 1;
  if (lower(tokens[from]) === "on" || lower(tokens[from]) === "in") return undefined;
  if (lower(tokens[from]) === "that") from++;
  if (broken(sentence, from) || from >= tokens.length) return undefined;
  // "... in Estonia, but gave no figures": the claim ends where the speaker goes on.
  let to = from + 1;
  while (
    to < tokens.length &&
    !(broken(sentence, to) && /^(but|and|while|as|although|though)$/i.test(tokens[to]?.text ?? ""))
  )
    to++;
  if (isInside(sentence.quoted, tokens[from]?.start ?? 0)) return undefined;
  return standingClaim(textOf(sentence, from, to).replace(/[.!?"”]+$/u, ""));
}

/** The claim as a statement that stands alone: whole, not too long, about someone it names. */
function standingClaim(claim: string): string | undefined {
  const words = claim.split(/\s+/).length;
  if (words < 5 || words > 20) return undefined;
  // A claim about "he" or "it" does not say whom it is about.
  if (/\b(he|she|they|it|we|i|you|him|them|us|his|her|their|its|our)\b/i.test(claim)) return undefined;
  // A whole clause: not "at a press briefing on Friday, ...", nor a quotation's capital ("Both sides ...").
  if (/^(this|there|that|at|in|on|for|with|after|before|during|from|to|by|as|of|according)\b/i.test(claim))
    return undefined;
  if (/^\p{Lu}/u.test(claim) && CAPITALISED_FUNCTION_WORDS.has(claim.split(" ")[0] ?? "")) return undefined;
  return claim;
}

/**
 * Where whom a speaker told ends: "told reporters", "told the BBC", "told a news conference" (the
 * index of the word after them), or undefined when "told" names no listener ("told him to go").
 */
function listenerEnd(sentence: Sentence, from: number): number | undefined {
  const { tokens } = sentence;
  if (broken(sentence, from)) return undefined;
  if (LISTENERS.test(lower(tokens[from]))) return from + 1;
  let k = from;
  if (/^(the|a)$/.test(lower(tokens[k]))) k++;
  // "a news conference", "a press briefing".
  if (/^(news|press)$/.test(lower(tokens[k])) && /^(conference|briefing|agency)$/.test(lower(tokens[k + 1])))
    return k + 2;
  // An outlet or a body by its name: "told the BBC", "told Reuters".
  let end = k;
  while (end < tokens.length && end - k < 4 && /^\p{Lu}/u.test(tokens[end]?.text ?? "") && !broken(sentence, end))
    end++;
  return end > k && (end === tokens.length || !/^\p{Lu}/u.test(tokens[end]?.text ?? "")) ? end : undefined;
}

/** "The quay will reopen within two weeks, harbour master Joel Penn said.": the claim before the speaker. */
function claimBefore(sentence: Sentence, doerFrom: number, verb: number): string | undefined {
  const { tokens } = sentence;
  // The speaker's clause, their title included, follows the claim's comma.
  const start = clauseStart(sentence, doerFrom);
  if (tokens[start]?.gap !== "," || start < 5) return undefined;
  // Nothing after the verb but a time ("said on Monday").
  const rest = sentence.text
    .slice(tokens[verb]?.end ?? 0)
    .replace(/[.!?"”\s]+$/u, "")
    .trim();
  if (
    rest &&
    !/^(on|in|late|early|last|this)?\s*(\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+|today|yesterday|night|morning|afternoon|evening)?$/u.test(
      rest,
    )
  )
    return undefined;
  if (isInside(sentence.quoted, tokens[0]?.start ?? 0)) return undefined;
  // "The quay will ..." -> "the quay will ..." after "that"; a name keeps its capital.
  return standingClaim(
    textOf(sentence, 0, start).replace(/^(The|A|An|Its|Their|Our|Some|Most|All|Many)\b/, (w) => w.toLowerCase()),
  );
}

/** "According to Lin, the meeting lasted two hours": the claim of a person the article has named. */
function accordingToPerson(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  if (lower(tokens[0]) !== "according" || lower(tokens[1]) !== "to") return;
  const run = properRunEndingAt(sentence, clauseEnd(sentence, 2) - 1);
  if (!run || run.from !== 2 || tokens[run.to]?.gap !== ",") return;
  if (!isKnownPerson(ctx, run.text)) return;
  const name = resolveShortName(ctx, run.text) ?? run.text;
  if (isInside(sentence.quoted, tokens[run.to]?.start ?? 0)) return;
  const claim = standingClaim(
    textOf(sentence, run.to, tokens.length)
      .replace(/[.!?"”]+$/u, "")
      .replace(/^(The|A|An|Its|Their|Our|Some|Most|All|Many)\b/, (w) => w.toLowerCase()),
  );
  if (!claim) return;
  add(ctx, index, {
    kind: "relation",
    subject: `statement that ${claim}`,
    relation: "made by",
    answer: name,
    type: "person",
    confidence: 0.55,
  });
}

/** `claimsOnly`: a sentence of opinion, whose claims are attributed but whose deeds are not taken as facts. */
export function findDoers(ctx: Context, index: number, claimsOnly = false): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  // Cheap test first: a capitalised word before a lower-case one somewhere past the start.
  if (!tokens.some((t, i) => i > 0 && /^\p{Ll}+$/u.test(t.text) && /^\p{Lu}/u.test(tokens[i - 1]?.text ?? ""))) return;
  accordingToPerson(ctx, index);
  const none = new Set<string>();
  const tagsOf = (i: number) => ctx.termTags.get(sentence.start + (tokens[i]?.start ?? -1)) ?? none;
  for (let i = 1; i < tokens.length; i++) {
    let verbAt = i;
    const word = lower(tokens[i]);
    if (!/^\p{Ll}+$/u.test(tokens[i]?.text ?? "")) continue;
    if (isInside(sentence.quoted, tokens[i]?.start ?? 0)) continue;
    // "has launched": the doer is before the auxiliary.
    let doerEnd = i - 1;
    if (/^(has|have|had)$/.test(word) && !broken(sentence, i + 1)) {
      verbAt = i + 1;
      doerEnd = i - 1;
    }
    const verb = lower(tokens[verbAt]);
    const verbTags = tagsOf(verbAt);
    if (!verbTags.has("Verb") || !(verbTags.has("PastTense") || verbTags.has("Participle"))) continue;
    const doer = verbAt === i ? doerBefore(ctx, sentence, i, tagsOf) : doerEndingAt(ctx, sentence, doerEnd, tagsOf);
    if (!doer) continue;
    const told = verb === "told" ? listenerEnd(sentence, verbAt + 1) : undefined;
    const sayingThat = SAYING_THAT.has(verb) && lower(tokens[verbAt + 1]) === "that" && !broken(sentence, verbAt + 1);
    if (SAYING.has(verb) || sayingThat || told !== undefined) {
      if (doer.type !== "person") continue;
      // "told reporters (that) ...": the claim after whom they told.
      const claim =
        told !== undefined
          ? claimAfter(sentence, told - 1)
          : (claimAfter(sentence, verbAt) ?? (sayingThat ? undefined : claimBefore(sentence, doer.from, verbAt)));
      if (!claim) continue;
      add(ctx, index, {
        kind: "relation",
        subject: `statement that ${claim}`,
        relation: "made by",
        answer: doer.name,
        type: "person",
        confidence: 0.55,
      });
      continue;
    }
    // "called for more flights", "voted against the plan": the verb and its preposition are the deed.
    const phrasal =
      PHRASAL_DEEDS.test(`${verb} ${lower(tokens[verbAt + 1])}`) && !broken(sentence, verbAt + 1)
        ? lower(tokens[verbAt + 1])
        : undefined;
    if (claimsOnly || (NOT_DEEDS.has(verb) && !phrasal)) continue;
    if (phrasal) verbAt++;
    const first = lower(tokens[verbAt + 1]);
    if (!first || PRONOUN_OBJECTS.test(first) || broken(sentence, verbAt + 1)) continue;
    // "scored twice", "acted quickly": no object.
    if (/^(twice|once|again)$/.test(first) || (/ly$/.test(first) && tagsOf(verbAt + 1).has("Adverb"))) continue;
    const isAdverb = (k: number) => /ly$/.test(lower(tokens[k])) && tagsOf(k).has("Adverb");
    const found = objectFrom(ctx, index, sentence, verbAt + 1, isAdverb);
    const participle = participleOf(verb) && (phrasal ? `${participleOf(verb)} ${phrasal}` : participleOf(verb));
    if (!found || !participle) continue;
    // "dismissed the petition filed by two officials": the object ends before its participle.
    if (
      lower(tokens[found.end]) === "by" &&
      found.end - 1 > verbAt + 1 &&
      tagsOf(found.end - 1).has("Verb") &&
      /ed$/.test(lower(tokens[found.end - 1]))
    ) {
      found.end--;
      found.text = textOf(sentence, verbAt + 1, found.end);
    }
    // "voted the motion down": the particle is the verb's ("voted down"), not the object's.
    let particle = "";
    if (found.end - 1 > verbAt + 1 && /^(down|up|out|off|back|away|aside)$/.test(lower(tokens[found.end - 1]))) {
      particle = ` ${lower(tokens[found.end - 1])}`;
      found.end--;
      found.text = textOf(sentence, verbAt + 1, found.end);
    }
    const object = found.text;
    const objectEnd = tokens[found.end - 1]!.end;
    // "called the verdict \"severe\"": what follows the object belongs to the deed.
    if (/^\s*["“]/u.test(sentence.text.slice(objectEnd))) continue;
    // "an area greater than ...": the object was cut inside a comparison.
    if (/\b(greater|more|less|fewer|larger|bigger|smaller|higher|lower)$/i.test(object)) continue;
    // The answer must not be in the question.
    if (object.toLowerCase().includes(doer.name.toLowerCase())) continue;
    // A person sent or appointed, or a deed draft.ts already read: theirs.
    if (isKnownPerson(ctx, object.split(/,/)[0] ?? "")) continue;
    if (ctx.drafts.some((d) => d.quote === sentence.text && d.answer === doer.name && d.relation.endsWith(" by")))
      continue;
    add(ctx, index, {
      kind: doer.type === "organisation" ? "organisation" : "relation",
      subject: ownSubject(object),
      relation: `${participle}${particle} by`,
      answer: doer.name,
      type: doer.type,
      confidence: 0.55,
    });
    // "... launched its heaviest rocket into space on Wednesday": when the deed was done.
    // "rejected the plan announced on 29 April": the date is the participle's, not the deed's.
    const dated = !tagsOf(found.end - 1).has("Verb");
    const when = (ctx.datesBySentence[index] ?? []).find((d) => {
      if (d.start < objectEnd || isInside(sentence.quoted, d.start)) return false;
      const between = sentence.text.slice(objectEnd, d.start);
      return /^\s*(?:on|in|at|early|late|last|this)?\s*(?:on|in)?\s*$/i.test(between);
    });
    if (
      when &&
      dated &&
      !ctx.drafts.some((d) => d.kind === "date" && d.answer === when.value && d.quote === sentence.text)
    ) {
      add(ctx, index, {
        kind: "date",
        // "The Indian Space Research Organisation": with the article the sentence gives it.
        subject: /^the$/i.test(tokens[doer.from]?.text ?? "") ? `the ${doer.name}` : doer.name,
        relation: `${verb}${phrasal ? ` ${phrasal}` : ""} ${object} ${when.type === "date" ? "on" : "in"}`,
        answer: when.value,
        type: when.type,
        confidence: 0.6,
      });
    }
  }
}
