// Just enough English grammar to turn a fact's subject and relation into natural questions:
// verb forms (for "Who headed ...?" and "When did ... meet?"), plurals (was/were),
// articles (a/an) and capitalisation. Deliberately small and rule-based: the generator's tests
// read every stem of the seed article, so a rule that misfires shows up there.

export const PREPOSITIONS = new Set([
  "about",
  "above",
  "across",
  "after",
  "against",
  "along",
  "amid",
  "among",
  "around",
  "as",
  "at",
  "before",
  "behind",
  "below",
  "beside",
  "between",
  "beyond",
  "by",
  "during",
  "for",
  "from",
  "in",
  "inside",
  "into",
  "near",
  "of",
  "off",
  "on",
  "onto",
  "outside",
  "over",
  "per",
  "since",
  "through",
  "throughout",
  "to",
  "toward",
  "towards",
  "under",
  "until",
  "upon",
  "with",
  "within",
  "without",
]);

export const ADVERBS = new Set([
  "last",
  "first",
  "also",
  "jointly",
  "later",
  "previously",
  "recently",
  "formally",
  "officially",
  "directly",
  "reportedly",
  "allegedly",
  "still",
  "then",
  "once",
  "again",
  "finally",
  "initially",
  "originally",
  "publicly",
  "personally",
  "briefly",
  "successfully",
  "unanimously",
]);

export function capitaliseFirst(text: string): string {
  const index = text.search(/[\p{L}\p{N}]/u);
  if (index < 0) return text;
  return text.slice(0, index) + text.charAt(index).toUpperCase() + text.slice(index + 1);
}

/** Collapses spaces and fixes spacing around punctuation left by joining optional parts. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:?!])/g, "$1")
    .replace(/([“(])\s+/g, "$1")
    .replace(/\s+([”)])/g, "$1")
    .trim();
}

const IRREGULAR_VERBS: [base: string, past: string, participle: string][] = [
  ["bear", "bore", "born"],
  ["tear", "tore", "torn"],
  ["sweep", "swept", "swept"],
  ["flee", "fled", "fled"],
  ["beat", "beat", "beaten"],
  ["become", "became", "become"],
  ["begin", "began", "begun"],
  ["break", "broke", "broken"],
  ["bring", "brought", "brought"],
  ["build", "built", "built"],
  ["buy", "bought", "bought"],
  ["catch", "caught", "caught"],
  ["choose", "chose", "chosen"],
  ["come", "came", "come"],
  ["cut", "cut", "cut"],
  ["do", "did", "done"],
  ["draw", "drew", "drawn"],
  ["drive", "drove", "driven"],
  ["eat", "ate", "eaten"],
  ["fall", "fell", "fallen"],
  ["feed", "fed", "fed"],
  ["feel", "felt", "felt"],
  ["fight", "fought", "fought"],
  ["find", "found", "found"],
  ["fly", "flew", "flown"],
  ["forget", "forgot", "forgotten"],
  ["get", "got", "got"],
  ["give", "gave", "given"],
  ["go", "went", "gone"],
  ["grow", "grew", "grown"],
  ["have", "had", "had"],
  ["hear", "heard", "heard"],
  ["hide", "hid", "hidden"],
  ["hit", "hit", "hit"],
  ["hold", "held", "held"],
  ["keep", "kept", "kept"],
  ["know", "knew", "known"],
  ["lay", "laid", "laid"],
  ["lead", "led", "led"],
  ["leave", "left", "left"],
  ["lend", "lent", "lent"],
  ["let", "let", "let"],
  ["lose", "lost", "lost"],
  ["make", "made", "made"],
  ["mean", "meant", "meant"],
  ["meet", "met", "met"],
  ["oversee", "oversaw", "overseen"],
  ["pay", "paid", "paid"],
  ["put", "put", "put"],
  ["read", "read", "read"],
  ["ride", "rode", "ridden"],
  ["rise", "rose", "risen"],
  ["run", "ran", "run"],
  ["say", "said", "said"],
  ["see", "saw", "seen"],
  ["seek", "sought", "sought"],
  ["sell", "sold", "sold"],
  ["send", "sent", "sent"],
  ["set", "set", "set"],
  ["shake", "shook", "shaken"],
  ["shoot", "shot", "shot"],
  ["show", "showed", "shown"],
  ["shut", "shut", "shut"],
  ["sing", "sang", "sung"],
  ["sit", "sat", "sat"],
  ["sleep", "slept", "slept"],
  ["speak", "spoke", "spoken"],
  ["spend", "spent", "spent"],
  ["stand", "stood", "stood"],
  ["steal", "stole", "stolen"],
  ["strike", "struck", "struck"],
  ["swear", "swore", "sworn"],
  ["take", "took", "taken"],
  ["teach", "taught", "taught"],
  ["tell", "told", "told"],
  ["think", "thought", "thought"],
  ["throw", "threw", "thrown"],
  ["understand", "understood", "understood"],
  ["undertake", "undertook", "undertaken"],
  ["wake", "woke", "woken"],
  ["wear", "wore", "worn"],
  ["win", "won", "won"],
  ["withdraw", "withdrew", "withdrawn"],
  ["write", "wrote", "written"],
];

const IRREGULAR_BY_FORM = new Map<
  string,
  { base: string; past: string; participle: string; form: "past" | "participle" | "both" }
>();
for (const [base, past, participle] of IRREGULAR_VERBS) {
  IRREGULAR_BY_FORM.set(participle, { base, past, participle, form: past === participle ? "both" : "participle" });
  IRREGULAR_BY_FORM.set(past, { base, past, participle, form: past === participle ? "both" : "past" });
}

/** -ed words whose base the spelling rules below would get wrong. */
const ED_EXCEPTIONS: Record<string, string> = {
  abandoned: "abandon",
  added: "add",
  budgeted: "budget",
  cancelled: "cancel",
  compelled: "compel",
  competed: "compete",
  completed: "complete",
  controlled: "control",
  created: "create",
  deleted: "delete",
  developed: "develop",
  enrolled: "enrol",
  excited: "excite",
  expelled: "expel",
  focused: "focus",
  fuelled: "fuel",
  ignited: "ignite",
  incited: "incite",
  invited: "invite",
  labelled: "label",
  modelled: "model",
  patrolled: "patrol",
  propelled: "propel",
  recited: "recite",
  targeted: "target",
  travelled: "travel",
  united: "unite",
  cited: "cite",
  used: "use",
};

const VOWELS = "aeiou";

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

/** The last letter is a consonant after a single vowel ("declar", "decid", "nam"). */
function singleVowelBeforeLast(stem: string, vowels = "aiou"): boolean {
  const vowel = stem.at(-2);
  return vowel !== undefined && vowels.includes(vowel) && !isVowel(stem.at(-3));
}

/** The base of a regular past form: "headed" -> "head", "announced" -> "announce", "stopped" -> "stop". */
export function regularBase(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!/^[a-z]+ed$/.test(w) || w.length < 4) return undefined;
  const exception = ED_EXCEPTIONS[w];
  if (exception) return exception;
  if (w.endsWith("eed")) return w.slice(0, -1);
  if (w.endsWith("ied")) return w.length <= 5 ? w.slice(0, -1) : `${w.slice(0, -3)}y`;
  const stem = w.slice(0, -2);
  const last = stem.at(-1) ?? "";
  const beforeLast = stem.at(-2) ?? "";
  if (last === beforeLast && !isVowel(last)) return /(ll|ss|ff|zz)$/.test(stem) ? stem : stem.slice(0, -1);
  if ("cgvzu".includes(last)) return `${stem}e`;
  if (last === "s") return `${stem}e`;
  if (last === "l") return !isVowel(beforeLast) || singleVowelBeforeLast(stem) ? `${stem}e` : stem;
  if (last === "r") return singleVowelBeforeLast(stem) ? `${stem}e` : stem;
  if (last === "t") return singleVowelBeforeLast(stem, "aou") ? `${stem}e` : stem;
  if (last === "d") return singleVowelBeforeLast(stem) ? `${stem}e` : stem;
  if (last === "n") return singleVowelBeforeLast(stem, "i") ? `${stem}e` : stem;
  if ("mkpb".includes(last)) return singleVowelBeforeLast(stem) ? `${stem}e` : stem;
  return stem;
}

/** Verbs recognised in the present tense ("works at", "wants a meeting with", "covers the period"). */
const PRESENT_VERBS = new Set(
  (
    "advise appear argue attend back become believe belong border broadcast call chair cite claim coach command " +
    "contain control cost count cover deny describe direct earn edit employ estimate expect face feature fund get " +
    "give govern head hold hope host house include join keep know last lead lie list live lose make manage mark mean " +
    "meet mention name need operate oppose own pay plan play predict produce publish quote rank receive remain report " +
    "represent run say see seek seem serve show sit span speak sponsor stand study support take talk teach think " +
    "urge use visit want warn weigh win work write"
  ).split(" "),
);

export interface VerbForms {
  base: string;
  past: string;
  participle: string;
  /** The form the word was written in. */
  form: "past" | "participle" | "both" | "present";
}

function pastOf(base: string): string {
  const irregular = IRREGULAR_VERBS.find(([b]) => b === base);
  if (irregular) return irregular[1];
  if (base.endsWith("e")) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

/** Recognises a finite verb or participle: "headed", "held", "given", "works", "covers". */
export function analyseVerb(word: string): VerbForms | undefined {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_BY_FORM.get(w);
  if (irregular) return irregular;
  // "upheld", "overtaken", "forgiven", "withdrawn": an irregular verb behind a prefix.
  const prefix = /^(up|over|under|out|for|with|re|mis|be)(?=[a-z]{3,})/.exec(w)?.[1];
  const behind = prefix ? IRREGULAR_BY_FORM.get(w.slice(prefix.length)) : undefined;
  // Only a form other than the base: "outcome", "outlet", "output" are nouns.
  if (prefix && behind && w.slice(prefix.length) !== behind.base)
    return {
      base: prefix + behind.base,
      past: prefix + behind.past,
      participle: prefix + behind.participle,
      form: behind.form,
    };
  const base = regularBase(w);
  if (base) return { base, past: w, participle: w, form: "both" };
  if (w.endsWith("s") && w.length > 3) {
    const candidates = [w.slice(0, -1)];
    if (/(s|sh|ch|x|z|o)es$/.test(w)) candidates.push(w.slice(0, -2));
    if (w.endsWith("ies")) candidates.push(`${w.slice(0, -3)}y`);
    if (w === "has") candidates.push("have");
    if (w === "does") candidates.push("do");
    for (const candidate of candidates) {
      if (PRESENT_VERBS.has(candidate)) {
        const forms = IRREGULAR_VERBS.find(([b]) => b === candidate);
        return {
          base: candidate,
          past: forms ? forms[1] : pastOf(candidate),
          participle: forms ? forms[2] : pastOf(candidate),
          form: "present",
        };
      }
    }
  }
  return undefined;
}

/** Participles that describe a lasting state: "is based in", "are located in". */
export const STATIVE_PARTICIPLES = new Set([
  "based",
  "located",
  "headquartered",
  "situated",
  "known",
  "called",
  "named",
]);

/** Verbs that take no object, so "met in" or "died on" is active, not passive. */
export const INTRANSITIVE_VERBS = new Set([
  "agree",
  "appear",
  "arrive",
  "come",
  "die",
  "fail",
  "fall",
  "go",
  "happen",
  "last",
  "live",
  "meet",
  "occur",
  "remain",
  "rise",
  "sit",
  "speak",
  "stand",
  "stay",
  "take",
  "talk",
  "travel",
  "vote",
  "work",
]);

const IRREGULAR_PLURALS: Record<string, string> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  police: "police",
  media: "media",
  staff: "staff",
  feet: "foot",
  teeth: "tooth",
};

const NOT_PLURAL = /(ss|us|is|ics|news|series|species|ous|sis)$/;

export function isPluralNoun(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]$/, "");
  if (IRREGULAR_PLURALS[w] !== undefined) return w !== "staff";
  return w.length > 2 && w.endsWith("s") && !NOT_PLURAL.test(w);
}

export function singularise(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR_PLURALS[lower]) return IRREGULAR_PLURALS[lower];
  if (!isPluralNoun(word)) return word;
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|z)es$/.test(lower)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** "days" -> "day", "prisoners of war" -> "prisoner of war": the unit for a count of one. */
export function singularUnit(unit: string): string {
  const words = unit.split(" ");
  const headIndex = words.findIndex((w) => PREPOSITIONS.has(w.toLowerCase()) || w === "and" || w === "or");
  const index = headIndex <= 0 ? words.length - 1 : headIndex - 1;
  if (headIndex > 0 && words.slice(headIndex).some((w) => w === "and" || w === "or")) return unit;
  words[index] = singularise(words[index] ?? "");
  return words.join(" ");
}

const AN_ACRONYM = /^[AEFHILMNORSX][A-Z]*\b/;

/** "a" or "an" for the phrase that follows. */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word = phrase.trim().split(/[\s-]/)[0] ?? "";
  if (/^[A-Z]{2,}$/.test(word)) return AN_ACRONYM.test(word) ? "an" : "a";
  const lower = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return "an";
  if (/^(uni|use|usu|ura|eu|one|once|u[bcfhjkqrst][aeiou])/.test(lower)) return "a";
  return /^[aeiou]/.test(lower) ? "an" : "a";
}
