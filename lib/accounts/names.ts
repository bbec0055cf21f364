// Display names a class sees: refused when a word of the name is an English swear word or slur,
// however it is spelled out (leetspeak, repeated letters, letters spaced apart). Whole words
// only, so real names that merely contain such letters (Dikshit, Cumming, Hancock, Bích,
// Analise, Wankhede) pass: a child's real name is never refused. The app is English-only for
// now; a list per language joins this one when it is not.

/**
 * Words never accepted as a word of a name, each with its common endings. Slurs that are also
 * surnames (Coon, Dyke) are left out: a teacher renames a student who misuses one.
 */
const OFFENSIVE_ROOTS = `
arse arsehole ass asshole asshat bastard bellend bitch bollock bollocks boner bugger bullshit
butthole buttplug chink clit cock cocksucker crap cum cumshot cunt dick dickhead dildo
dipshit douche douchebag fag faggot fanny fellatio fuck fucker fuckface fuckhead fuckwit
gook goddamn handjob horseshit jackass jizz kike knob knobhead minge motherfucker muff nazi
nigga nigger nonce paki pedo paedo pecker penis piss poof poofter porn prick pube pussy queef
rape rapist retard scrote scum shag shit shite shithead shitface skank slag slut smeg spastic
shitty bitchy spaz spunk tit tits titty tosser tranny turd twat vagina wank wanker wetback whore willy
`
  .split(/\s+/)
  .filter(Boolean);

/** Given names (and surnames) that are also slang: as a word on their own they are a child's name. */
const ALSO_NAMES = new Set(["dick", "dicks", "fanny", "willy"]);

/** Endings that keep a word's meaning; no "-er" or "-y", which would make surnames (Cocker, Dicker). */
const ENDINGS = ["", "s", "es", "ing", "ed", "head", "heads", "face", "hole", "bag", "wit"];

const OFFENSIVE = new Set(
  OFFENSIVE_ROOTS.flatMap((root) => ENDINGS.map((ending) => root + ending)).filter((word) => !ALSO_NAMES.has(word)),
);

/** Look-alike characters and the letters they stand for. */
const LOOK_ALIKES: Record<string, string> = {
  "0": "o",
  "1": "i",
  "!": "i",
  "|": "i",
  "3": "e",
  "4": "a",
  "@": "a",
  "5": "s",
  $: "s",
  "7": "t",
  "+": "t",
  "8": "b",
  "9": "g",
};

/** Lower case, accents off, look-alikes read as letters. */
function plain(name: string): string {
  return [...name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()].map((c) => LOOK_ALIKES[c] ?? c).join("");
}

/** The words of a name, with letters spelled out one at a time ("f u c k", "f.u.c.k") joined. */
function wordsOf(name: string): string[] {
  const tokens = plain(name)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  const words: string[] = [];
  let run = "";
  for (const token of tokens) {
    if (token.length === 1) {
      run += token;
      continue;
    }
    if (run.length > 1) words.push(run);
    run = "";
    words.push(token);
  }
  if (run.length > 1) words.push(run);
  return words;
}

/**
 * A word as written, and with a letter held for three or more squeezed to one or two
 * ("fuuuck" -> "fuck", "asssss" -> "ass"). Doubled letters are ordinary spelling (Cumming).
 */
function spellings(word: string): string[] {
  return [word, word.replace(/(\p{L})\1{2,}/gu, "$1"), word.replace(/(\p{L})\1{2,}/gu, "$1$1")];
}

/** Why a display name cannot be used, or undefined when it can. */
export function displayNameProblem(name: string): string | undefined {
  const offensive = wordsOf(name).some((word) => spellings(word).some((spelling) => OFFENSIVE.has(spelling)));
  return offensive ? "Choose another name: this one has a word that is not allowed in class." : undefined;
}
