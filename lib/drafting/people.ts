// People in word orders the title-before-name patterns of draft.ts do not read: a role named by
// example ("former mayors such as Chile's Tomas Vidal"), the people a group is made of ("X's two
// main rivals, A and B,") and a person someone sent or appointed ("Canada sent Paul Girard").
import { HEADED_BODIES, TITLE_MODIFIERS } from "./lexicon";
import {
  add,
  addRole,
  broken,
  isKnownPerson,
  isRoleHead,
  looksLikePerson,
  lower,
  nameRunAt,
  personAfter,
  properRunEndingAt,
  resolveShortName,
  rolePhraseAt,
  textOf,
  type Context,
} from "./draft";
import { isInside, type Sentence } from "./text";

/** "leaders" -> "leader", "secretaries" -> "secretary"; undefined when the word is not a plural. */
function singular(word: string): string | undefined {
  if (/ies$/.test(word)) return word.replace(/ies$/, "y");
  if (/(sses|shes|ches)$/.test(word)) return word.replace(/es$/, "");
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return undefined;
}

/** A plural post ending at token `last`, with its lower-case modifiers: "former leaders" -> "former leader". */
function pluralPostEndingAt(sentence: Sentence, last: number): string | undefined {
  const word = lower(sentence.tokens[last]);
  const one = singular(word);
  if (!one || !/^\p{Ll}/u.test(sentence.tokens[last]?.text ?? "")) return undefined;
  if (!isRoleHead({ text: one, start: 0, end: 0, gap: "" })) return undefined;
  let from = last;
  while (
    from > 0 &&
    !broken(sentence, from) &&
    TITLE_MODIFIERS.has(lower(sentence.tokens[from - 1])) &&
    last - from < 3
  )
    from--;
  const modifiers = from < last ? `${textOf(sentence, from, last)} ` : "";
  return `${modifiers}${one}`;
}

/**
 * "former leaders such as Niger's Amadou Sani", "coaches, including Marta Lindqvist": the person
 * holds the plural post; a country's possessive before the name says where.
 */
export function findRolesByExample(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let i = 1; i < tokens.length - 2; i++) {
    let nameFrom: number;
    if (lower(tokens[i]) === "such" && lower(tokens[i + 1]) === "as" && !broken(sentence, i + 1)) nameFrom = i + 2;
    else if (/^(including|like)$/.test(lower(tokens[i]))) nameFrom = i + 1;
    else continue;
    // "coaches such as", "coaches, including": a comma may stand before "including" only.
    if (broken(sentence, i) && !(lower(tokens[i]) === "including" && tokens[i]?.gap === ",")) continue;
    if (broken(sentence, nameFrom)) continue;
    const post = pluralPostEndingAt(sentence, i - 1);
    if (!post) continue;
    let where = "";
    const possessive = /^(\p{Lu}[\p{L}-]*)['’]s$/u.exec(tokens[nameFrom]?.text ?? "");
    if (possessive) {
      where = ` of ${possessive[1]}`;
      nameFrom++;
      if (broken(sentence, nameFrom)) continue;
    }
    const end = nameRunAt(sentence, nameFrom);
    if (end - nameFrom < 2) continue;
    // The name ends its phrase: "Tomas Vidal Park" is no person.
    if (end < tokens.length && !broken(sentence, end) && !/^(and|or)$/.test(lower(tokens[end]))) continue;
    const name = textOf(sentence, nameFrom, end);
    if (!looksLikePerson(ctx, name)) continue;
    addRole(ctx, index, name, `${post}${where}`, 0.7);
    i = end - 1;
  }
}

/**
 * "Lena Ortiz's two closest rivals, Pablo Ruiz and Marta Gil, were barred": a named owner's
 * plural noun phrase, a comma, and two people joined by "and" who make up the group.
 */
export function findGroupMembers(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let comma = 2; comma < tokens.length - 3; comma++) {
    if (tokens[comma]?.gap !== ",") continue;
    const head = tokens[comma - 1]?.text ?? "";
    if (!/^\p{Ll}{3,}s$/u.test(head) || /ss$/.test(head)) continue;
    // Back to the owner's possessive through lower-case words (numbers and adjectives).
    let owner = comma - 1;
    while (owner > 0 && comma - owner < 5 && !broken(sentence, owner) && /^\p{Ll}/u.test(tokens[owner - 1]?.text ?? ""))
      owner--;
    const possessive = tokens[owner - 1];
    if (!possessive || broken(sentence, owner) || !/^\p{Lu}[\p{L}-]*['’]s$/u.test(possessive.text)) continue;
    const ownerRun = properRunEndingAt(sentence, owner - 1);
    if (!ownerRun) continue;
    const firstEnd = nameRunAt(sentence, comma);
    if (firstEnd - comma < 2 || lower(tokens[firstEnd]) !== "and" || broken(sentence, firstEnd)) continue;
    const secondEnd = nameRunAt(sentence, firstEnd + 1);
    if (secondEnd - (firstEnd + 1) < 2 || (secondEnd < tokens.length && !broken(sentence, secondEnd))) continue;
    const first = textOf(sentence, comma, firstEnd);
    const second = textOf(sentence, firstEnd + 1, secondEnd);
    if (!looksLikePerson(ctx, first) || !looksLikePerson(ctx, second)) continue;
    add(ctx, index, {
      kind: "relation",
      subject: textOf(sentence, ownerRun.from, comma),
      relation: "included",
      answer: `${first} and ${second}`,
      type: "person",
      confidence: 0.65,
    });
    comma = secondEnd;
  }
}

/** Verbs whose object is a person a question can ask for: "Who did Canada send?". */
const PERSON_OBJECT_VERBS = /^(sent|dispatched|appointed|nominated)$/;

/** "Canada sent Paul Girard, Deputy Minister of Trade,": the named sender, the verb and the person. */
export function findPeopleSent(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let i = 1; i < tokens.length - 1; i++) {
    const verb = lower(tokens[i]);
    if (!PERSON_OBJECT_VERBS.test(verb) || broken(sentence, i) || broken(sentence, i + 1)) continue;
    let agentLast = i - 1;
    while (agentLast > 0 && /^(has|have|had)$/.test(lower(tokens[agentLast])) && !broken(sentence, agentLast + 1))
      agentLast--;
    const run = properRunEndingAt(sentence, agentLast);
    if (!run || isRoleHead(tokens[agentLast])) continue;
    const person = personAfter(ctx, sentence, i + 1);
    if (!person || !isKnownPerson(ctx, person.name)) continue;
    const the = run.from > 0 && lower(tokens[run.from - 1]) === "the" && !broken(sentence, run.from) ? "the " : "";
    add(ctx, index, {
      kind: "relation",
      subject: `${the}${run.text}`,
      relation: verb,
      answer: person.name,
      type: "person",
      confidence: 0.65,
    });
    i = person.end - 1;
  }
}

/** "who heads the X": the post the verb says its subject holds, as a role noun before "of". */
const HOLDING_VERBS: Record<string, string> = {
  heads: "head",
  headed: "head",
  leads: "leader",
  led: "leader",
  chairs: "chair",
  chaired: "chair",
  runs: "head",
  directs: "director",
  manages: "manager",
  coaches: "coach",
  founded: "founder",
  "co-founded": "co-founder",
};

/** Verbs that put a person in a post: "was elected president", "was sworn in as", "replaced X as". */
const PUT_IN_POST = /^(elected|re-elected|appointed|named|installed|chosen|sworn|confirmed)$/;

/** The name whose last token is `last`, when it is a person's. */
function personEndingAt(ctx: Context, sentence: Sentence, last: number): string | undefined {
  const run = properRunEndingAt(sentence, last);
  if (!run || run.to - run.from < 2) return undefined;
  return looksLikePerson(ctx, run.text) ? run.text : undefined;
}

/**
 * A post said with a verb: "X, who heads the Vesi Harbour Authority," -> head of the Vesi Harbour
 * Authority; "X was elected president of Vesi", "X was sworn in as president", "X replaced Y as
 * finance minister", "X will succeed Y as chief executive of Z" -> the post, with its complement.
 */
export function findRolesByVerb(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let i = 1; i < tokens.length - 1; i++) {
    const word = lower(tokens[i]);
    // "X, who heads the Y,"
    const holding = HOLDING_VERBS[word];
    // "X, who heads the Y," or, as a clause of its own, "X heads the Y".
    const relative = lower(tokens[i - 1]) === "who" && tokens[i - 1]?.gap.startsWith(",");
    const main = !relative && /^(heads|leads|chairs|runs|directs|manages|coaches)$/.test(word);
    if (holding && (relative || main) && !broken(sentence, i)) {
      const name = personEndingAt(ctx, sentence, relative ? i - 2 : i - 1);
      if (!name || !/^(the|a|an)$/i.test(tokens[i + 1]?.text ?? "")) continue;
      let end = i + 2;
      while (end < tokens.length && end - i < 10 && !broken(sentence, end) && !CHARGE_STOP.test(lower(tokens[end])))
        end++;
      if (end === i + 2) continue;
      const object = textOf(sentence, i + 1, end);
      // As a clause of its own, only a body: "heads the national health agency", not "leads the way".
      if (
        main &&
        (lower(tokens[i + 1]) !== "the" ||
          !(HEADED_BODIES.has(lower(tokens[end - 1])) || /^\p{Lu}/u.test(tokens[end - 1]?.text ?? "")))
      )
        continue;
      addRole(
        ctx,
        index,
        name,
        `${holding} of ${lower(tokens[i + 1])}${object.slice(tokens[i + 1]!.text.length)}`,
        0.7,
      );
      continue;
    }
    // "Paul Amis is the mayor of Arlo", "Ana Lopes became the first woman to lead ...": a post after
    // the copula, when it is a role phrase with its complement.
    if (
      /^(is|was|became|remains)$/.test(word) &&
      /^(the|a|an)$/i.test(tokens[i + 1]?.text ?? "") &&
      !broken(sentence, i + 1)
    ) {
      const name = personEndingAt(ctx, sentence, i - 1);
      const phrase = name && !broken(sentence, i) ? rolePhraseAt(sentence, i + 1) : undefined;
      // Only a post of somewhere or something ("the mayor of Arlo", "the head of the agency"): "is a
      // lawyer" alone says little a teacher would ask.
      if (
        name &&
        phrase &&
        phrase.start === i + 2 &&
        phrase.end > phrase.head + 1 &&
        !isInside(sentence.quoted, tokens[i]?.start ?? 0)
      ) {
        addRole(ctx, index, name, textOf(sentence, phrase.start, phrase.end), 0.7);
        continue;
      }
    }
    // "X was elected president of Y", "X was sworn in as president", "X replaced Y as minister".
    const put = PUT_IN_POST.test(word);
    const replaced = /^(replaced|succeeded|succeeds|succeed|replaces|replace)$/.test(word);
    if (!put && !replaced) continue;
    let nameLast = i - 1;
    while (
      nameLast > 0 &&
      /^(was|were|is|has|have|had|been|be|will|would|formally|officially|also|later)$/.test(lower(tokens[nameLast])) &&
      !broken(sentence, nameLast + 1)
    )
      nameLast--;
    if (put && nameLast === i - 1) continue; // "elected" with no auxiliary is the voters' verb
    // "will succeed Y as chief executive": a post not yet taken.
    const future = tokens.slice(nameLast + 1, i).some((t) => /^(will|would)$/i.test(t.text));
    // "X, who was sworn in as president,"
    if (lower(tokens[nameLast]) === "who" && broken(sentence, nameLast)) nameLast--;
    const name = personEndingAt(ctx, sentence, nameLast);
    if (!name) continue;
    let k = i + 1;
    if (word === "sworn" && lower(tokens[k]) === "in" && !broken(sentence, k)) k++;
    if (replaced) {
      // Past the person replaced, to "as".
      const replacedRun = nameRunAt(sentence, k);
      if (replacedRun - k < 2) continue;
      k = replacedRun;
      if (lower(tokens[k]) !== "as" || broken(sentence, k)) continue;
      k++;
    } else if (lower(tokens[k]) === "as" && !broken(sentence, k)) k++;
    else if (word === "sworn") continue;
    if (broken(sentence, k)) continue;
    const phrase = rolePhraseAt(sentence, k);
    if (!phrase || phrase.start > k + 1) continue;
    const role = textOf(sentence, phrase.start, phrase.end);
    addRole(ctx, index, name, future && !/^(incoming|future)\b/i.test(role) ? `incoming ${role}` : role, 0.7);
  }
}

const CHARGE_STOP =
  /^(which|who|that|after|before|in|on|at|when|while|to|since|during|as|by|from|over|but|because|following|and)$/;

/** The charge from token `from`: a noun phrase up to the clause's end ("bribery and fraud"); not a clause ("hiding the money"). */
function chargeAt(sentence: Sentence, from: number): { text: string; end: number } | undefined {
  const { tokens } = sentence;
  const first = tokens[from]?.text ?? "";
  if (!/^\p{Ll}/u.test(first) || /ing$/.test(first) || /^(him|her|them|it|his|their|being|having)$/.test(first))
    return undefined;
  let end = from;
  while (end < tokens.length && end - from < 8 && (end === from || !broken(sentence, end))) {
    const word = lower(tokens[end]);
    // "bribery and fraud": "and" joins two charges, not a new clause ("and was jailed").
    if (
      word === "and" &&
      end > from &&
      /^\p{Ll}/u.test(tokens[end + 1]?.text ?? "") &&
      !/^(was|were|is|has|had|will|then)$/.test(lower(tokens[end + 1])) &&
      !/ed$/.test(lower(tokens[end + 1]))
    ) {
      end++;
      continue;
    }
    if (end > from && CHARGE_STOP.test(word)) break;
    if (/^\p{Lu}/u.test(tokens[end]?.text ?? "") || /^\d/.test(tokens[end]?.text ?? "")) break;
    end++;
  }
  if (end - from >= 8 && end < tokens.length && !broken(sentence, end)) return undefined;
  return { text: textOf(sentence, from, end), end };
}

/** The person a name run at tokens from..to names: the full name, or the one person with that surname. */
function personNamed(ctx: Context, sentence: Sentence, from: number, to: number): string | undefined {
  const text = textOf(sentence, from, to);
  if (ctx.people.has(text)) return text;
  return resolveShortName(ctx, text.split(" ").at(-1) ?? "");
}

/** The first person of the article named in the sentence before token `before` (who "his" is). */
function firstPersonBefore(ctx: Context, sentence: Sentence, before: number): string | undefined {
  const text = sentence.text.slice(0, sentence.tokens[before]?.start ?? 0);
  let best: string | undefined;
  let at = Infinity;
  for (const person of ctx.people) {
    const surname = person.split(" ").at(-1) ?? "";
    if ((ctx.surnames.get(surname.toLowerCase())?.size ?? 0) > 1) continue;
    const position = new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).exec(text)?.index;
    if (position !== undefined && position < at) {
      at = position;
      best = person;
    }
  }
  return best;
}

/**
 * What a named person was convicted of, charged with or found guilty of: "his conviction for
 * bribery", "Bell was charged with assault", "found Bell guilty of perjury". A clause after
 * "accused of" ("accused of hiding the money") is no charge a question can name.
 */
export function findCharges(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const addCharge = (person: string | undefined, relation: string, from: number): number | undefined => {
    if (!person) return undefined;
    const charge = chargeAt(sentence, from);
    if (!charge) return undefined;
    add(ctx, index, {
      kind: "relation",
      subject: person,
      relation,
      answer: charge.text,
      type: "phrase",
      confidence: 0.6,
    });
    return charge.end;
  };
  for (let i = 1; i < tokens.length - 2; i++) {
    const word = lower(tokens[i]);
    let end: number | undefined;
    // "his conviction for bribery", "Lind's conviction for bribery"
    if (word === "conviction" && lower(tokens[i + 1]) === "for" && !broken(sentence, i + 1)) {
      const owner = tokens[i - 1]?.text ?? "";
      const person = /^(his|her)$/i.test(owner)
        ? firstPersonBefore(ctx, sentence, i - 1)
        : /['’]s$/u.test(owner)
          ? resolveShortName(
              ctx,
              owner
                .replace(/['’]s$/u, "")
                .split(" ")
                .at(-1) ?? "",
            )
          : undefined;
      end = addCharge(person, "convicted of", i + 2);
    }
    // "Bell was charged with assault", "Lind has been convicted of fraud"
    else if (/^(convicted|charged|accused|acquitted)$/.test(word) && /^(of|with)$/.test(lower(tokens[i + 1]))) {
      let nameEnd = i;
      while (nameEnd > 0 && /^(was|were|is|has|had|been|being)$/.test(lower(tokens[nameEnd - 1]))) nameEnd--;
      if (nameEnd === i || broken(sentence, nameEnd)) continue;
      const run = properRunEndingAt(sentence, nameEnd - 1);
      if (!run) continue;
      end = addCharge(personNamed(ctx, sentence, run.from, run.to), `${word} ${lower(tokens[i + 1])}`, i + 2);
    }
    // "found Bell guilty of perjury", "found Bell guilty on charges of perjury"
    else if (word === "found" && !broken(sentence, i + 1)) {
      const nameEnd = nameRunAt(sentence, i + 1) > i + 1 ? nameRunAt(sentence, i + 1) : i + 2;
      if (lower(tokens[nameEnd]) !== "guilty" || broken(sentence, nameEnd)) continue;
      let of = nameEnd + 1;
      if (lower(tokens[of]) === "on" && lower(tokens[of + 1]) === "charges") of += 2;
      if (lower(tokens[of]) !== "of") continue;
      end = addCharge(personNamed(ctx, sentence, i + 1, nameEnd), "found guilty of", of + 1);
    }
    if (end !== undefined) i = end - 1;
  }
}

/**
 * "the WHO's Dr. Amina Diallo": an acronym's possessive (a body, not a country: "Britain's Ana
 * Lopes" drafts none) before a name makes the person an official of that body. A reporter's
 * outlet ("The BBC's Tom Reed reported") is no post.
 */
export function findOrganisationPeople(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length - 2; i++) {
    const body = /^(\p{Lu}{2,6})['’]s$/u.exec(tokens[i]?.text ?? "")?.[1];
    if (!body) continue;
    let nameFrom = i + 1;
    if (broken(sentence, nameFrom)) continue;
    if (/^(Dr|Prof|Mr|Mrs|Ms)$/.test(tokens[nameFrom]?.text ?? "") && tokens[nameFrom + 1]?.gap === ".") nameFrom++;
    else if (broken(sentence, nameFrom)) continue;
    const end = nameRunAt(sentence, nameFrom);
    if (end - nameFrom < 2) continue;
    if (/^(reported|reports|wrote|writes|reporting)$/.test(lower(tokens[end]))) continue;
    const name = textOf(sentence, nameFrom, end);
    if (!looksLikePerson(ctx, name)) continue;
    if (ctx.drafts.some((d) => d.kind === "person-role" && d.subject === name && d.quote === sentence.text)) continue;
    addRole(ctx, index, name, `${body} official`, 0.6);
    i = end - 1;
  }
}
