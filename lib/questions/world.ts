// The world a post belongs to (politics, courts, sport, media...): a role's wrong options come from
// the same world as the right one, so a reporter is offered other newsroom posts and a mayor other
// local-government posts, never a scholar. The bank tags its entities (content/entities.yaml,
// `world`); a post written in an article, or an entity without the tag, is read from its words.
import { WORLDS, type World } from "@/lib/content/schemas";
import { containsWords, normaliseText } from "@/lib/questions/normalise";

export { WORLDS, type World };

/** First match wins: a "health minister" is a politician, a "central bank governor" no mayor. */
const RULES: [World, RegExp][] = [
  ["economy", /\b(?:central bank|reserve bank|federal reserve|monetary|imf|world bank)\b/],
  [
    "politics",
    /\b(?:minist\w*|cabinet secretary|cs|secretary of state|home secretary|foreign secretary|secretary general|general secretary|under secretary)\b/,
  ],
  [
    "law",
    /\b(?:attorney general|solicitor general|attorney|lawyer|prosecutor|judge|justice|magistrate|barrister|solicitor|counsel|court|public defender|jur(?:y|or))\b/,
  ],
  [
    "education",
    /\b(?:universit\w*|school|college|vice chancellor|headteacher|headmaster|principal|teacher|student|dean|lecturer|pupil)\b/,
  ],
  [
    "space",
    /\b(?:space\w*|nasa|isro|esa|jaxa|roscosmos|astronaut|cosmonaut|mission specialist|mission commander|flight engineer|flight director|payload specialist|crew|launch)\b/,
  ],
  [
    "science",
    /\b(?:scientist|research\w*|scholar|physicist|biologist|geologist|chemist|astronomer|climatologist|glaciologist|ecologist|laboratory|professor|engineer)\b/,
  ],
  [
    "health",
    /\b(?:health|doctor|physician|nurse|surgeon|epidemiolog\w*|virolog\w*|medical|medicine|hospital|clinic\w*|disease|pharmac\w*|paramedic)\b/,
  ],
  [
    "emergency",
    /\b(?:fire\w*|rescue|emergency|disaster|evacuation|civil defen[cs]e|incident commander|coast guard|lifeguard|meteorolog\w*|forecaster)\b/,
  ],
  [
    "police",
    /\b(?:police|policeman|policewoman|sheriff|constable|detective|officer in charge|commissioner of police)\b/,
  ],
  [
    "military",
    /\b(?:army|navy|naval|air force|military|soldier|troops?|colonel|general|admiral|defen[cs]e staff|defen[cs]e chief|brigadier|lieutenant|sergeant|commander|chief of staff|marine)\b/,
  ],
  [
    "sport",
    /\b(?:coach|player|captain|skipper|umpire|referee|striker|goalkeeper|midfielder|defender|champion|athlete|sprinter|cyclist|golfer|batsman|bowler|jockey|seed|olympian|tennis|football\w*|cricket\w*|club|team|tournament|manager of)\b/,
  ],
  [
    "media",
    /\b(?:journalist|reporter|correspondent|editor|anchor|presenter|host|broadcaster|columnist|photographer|cameraman|analyst|commentator|producer|blogger|newsreader)\b/,
  ],
  [
    "arts",
    /\b(?:actor|actress|singer|artist|author|novelist|poet|musician|composer|curator|director of the museum|film\w*|painter|dancer)\b/,
  ],
  ["religion", /\b(?:pope|bishop|archbishop|imam|cleric|priest|rabbi|cardinal|pastor|mufti)\b/],
  [
    "local-government",
    /\b(?:mayor|councillor|councilor|council member|council leader|city council|county council|town council|borough council|district council|parish council|alderman|governor|county|city manager|municipal\w*|district commissioner|town clerk)\b/,
  ],
  [
    "economy",
    /\b(?:economist|banker|ceo|chief executive|executive|founder|chairman of the board|businessman|businesswoman|entrepreneur|investor|trader|trade union|union leader|tycoon|financ\w*|market|stock|industr\w*)\b/,
  ],
  [
    "politics",
    /\b(?:president|premier|chancellor|senator|lawmaker|legislator|mp|congress\w*|parliament\w*|speaker|ambassador|diplomat|envoy|foreign|king|queen|prince|princess|monarch|head of state|opposition|party|candidate|politician|national security|political|kremlin|white house)\b/,
  ],
];

/** The world of a post as written ("Tuktoyaktuk Mayor" -> local-government), if its words tell. */
export function worldOfRole(text: string): World | undefined {
  const norm = ` ${normaliseText(text)} `;
  // A bare "spokesperson" or "adviser" tells nothing: the article's other posts may.
  for (const [world, pattern] of RULES) if (pattern.test(norm)) return world;
  return undefined;
}

/**
 * Words that describe a person without naming a post they hold: an heiress, a survivor, a fan.
 * Such a person is asked how the article describes them, and offered only other descriptions.
 */
const PERSONAL_DESCRIPTIONS =
  /^(?:heir|heiress|survivor|victim|widow|widower|resident|mother|father|son|daughter|wife|husband|brother|sister|relative|fan|supporter|billionaire|millionaire|socialite|hostage|witness|refugee|neighbou?r|friend|veteran|passenger|onlooker|bystander|eyewitness|local|owner|guest)s?$/;
/** Jobs a person does on a show or for a paper, which the article describes rather than a post held. */
const DESCRIBED_JOBS = /^(?:host|co-?host|presenter|anchor|commentator|columnist|pundit)s?$/;

const headOf = (text: string) => normaliseText(text).split(" ").at(-1) ?? "";

/** "cement heiress", "flood survivor": a description of a person that belongs to no world of posts. */
export function isPersonalDescription(role: string): boolean {
  return PERSONAL_DESCRIPTIONS.test(headOf(role));
}

/**
 * Whether the article describes someone this way rather than giving them a post: an heiress, a
 * survivor, a show's guest host ("How does the article describe ...?", never "What post did ... hold?").
 */
export function isDescription(role: string): boolean {
  const head = headOf(role);
  return PERSONAL_DESCRIPTIONS.test(head) || DESCRIBED_JOBS.test(head);
}

/**
 * Words that say where or how often someone does a job, not which job: a "radio host", a "guest
 * host" and "The Current's host" may all be one person.
 */
const JOB_SETTINGS = new Set(
  "radio tv television talk show news breakfast morning evening late night weekend podcast online guest regular longtime long time veteran stand in fill stand-in fill-in relief popular well known star celebrity".split(
    " ",
  ),
);

/**
 * Whether two descriptions may be true of one person: the same job (after synonyms) once who it is
 * for ("the station's") and its setting ("radio", "guest") are set aside.
 */
export function sameJobAnySetting(a: string, b: string): boolean {
  const ba = jobWithoutSetting(a);
  return ba.length > 0 && ba === jobWithoutSetting(b) && normaliseText(a) !== normaliseText(b);
}

/** "the station's guest host" -> "anchor": whose show it is and where say nothing about the job. */
function jobWithoutSetting(text: string): string {
  const withoutOwner = text.replace(/^.*['’]s?\s+/u, "");
  return canonical(withoutOwner)
    .split(" ")
    .filter((word) => word && !JOB_SETTINGS.has(word))
    .join(" ");
}

/** Words of one post that mean another post of the same person: a reporter is a journalist. */
const SYNONYM_GROUPS: string[][] = [
  ["reporter", "journalist", "correspondent", "newsman", "newswoman", "writer"],
  ["lawyer", "attorney", "counsel", "barrister", "solicitor", "advocate"],
  ["spokesperson", "spokesman", "spokeswoman", "press secretary", "representative"],
  ["scholar", "researcher", "research fellow", "academic", "scientist", "professor"],
  ["doctor", "physician"],
  ["chief executive", "ceo", "managing director", "executive"],
  ["lawmaker", "legislator", "mp", "member of parliament", "parliamentarian", "deputy"],
  ["coach", "manager", "trainer"],
  ["umpire", "referee", "official"],
  ["analyst", "commentator", "expert"],
  ["anchor", "presenter", "host", "newsreader"],
  ["police officer", "policeman", "policewoman", "officer", "constable"],
  ["firefighter", "fireman"],
  ["diplomat", "envoy", "ambassador"],
  ["councillor", "councilor", "council member", "alderman"],
];

/**
 * Posts that are true of everyone holding certain other posts: a prosecutor is a lawyer, an
 * elections analyst a journalist, a prime minister (in most parliaments) a lawmaker.
 */
const UMBRELLAS: [RegExp, RegExp][] = [
  [/^(?:journalist|reporter|media worker)$/, /./],
  [
    /^(?:lawyer|attorney|jurist|legal expert)$/,
    /\b(?:prosecutor|attorney|judge|justice|magistrate|counsel|defender|lawyer|solicitor|barrister)\b/,
  ],
  [/^magistrate$/, /\b(?:judge|prosecutor|justice)\b/],
  // A justice of a supreme court is a judge; a chief judge too.
  [/^judge$/, /\b(?:justice|judge)\b/],
  [
    /^(?:scholar|researcher|research fellow|scientist|academic)$/,
    /\b(?:research\w*|scientist|professor|scholar|fellow|\w+ologist|physicist|chemist)\b/,
  ],
  [
    /^(?:politician|lawmaker|legislator|member of parliament|mp)$/,
    /\b(?:minister|premier|speaker|senator|lawmaker|party|chairman|leader|secretary general|president)\b/,
  ],
  [/^(?:doctor|physician)$/, /\b(?:surgeon|medical officer|epidemiologist|virologist|physician)\b/],
  [/^(?:firefighter|fireman)$/, /\bfire\b/],
  [/^player$/, /\b(?:captain|skipper|champion|seed|striker|goalkeeper)\b/],
  [/^(?:police officer|officer)$/, /\b(?:police|detective|inspector|constable|sheriff)\b/],
  [/^military officer$/, /\b(?:general|colonel|admiral|commander|major|lieutenant|brigadier)\b/],
  [
    /^(?:business executive|executive|businessman|businesswoman)$/,
    /\b(?:chief executive|ceo|founder|chairman|director|heir\w*|president)\b/,
  ],
  [/^(?:space agency chief|space agency head)$/, /\b(?:nasa|isro|esa|jaxa|roscosmos|space agency)\b/],
  [/^(?:civil servant|official|government official)$/, /./],
];

/** Whether the post `general` is true of anyone holding the post `answer` of the world `world`. */
export function coversRole(general: string, answer: string, world: World | undefined): boolean {
  const g = normaliseText(general);
  const a = normaliseText(answer);
  return UMBRELLAS.some(([candidate, answers], index) => {
    if (!candidate.test(g)) return false;
    // "journalist" covers every newsroom post; the others only the posts their pattern names.
    if (index === 0) return world === "media";
    return answers.test(a);
  });
}

// Every candidate post of every role fact is compared with the answer: each writing is worked out once.
const canonicalCache = new Map<string, string>();

/** A post with every synonym written as its group's first word: "foreign journalist" -> "foreign reporter". */
function canonical(post: string): string {
  const known = canonicalCache.get(post);
  if (known !== undefined) return known;
  let text = ` ${normaliseText(post)} `;
  for (const group of SYNONYM_GROUPS)
    for (const word of group.slice(1)) text = text.replaceAll(` ${word} `, ` ${group[0]} `);
  if (canonicalCache.size > 20_000) canonicalCache.clear();
  canonicalCache.set(post, text.trim());
  return text.trim();
}

/**
 * Whether two posts may name the same job: one is the other with synonyms swapped, or a narrower
 * form of it ("reporter" and "journalist", "reporter" and "foreign correspondent"), not merely two
 * spokespeople of different ministries.
 */
export function synonymousRoles(a: string, b: string): boolean {
  const ca = canonical(a);
  const cb = canonical(b);
  if (ca === normaliseText(a) && cb === normaliseText(b) && ca !== cb) {
    // No synonym was swapped: containment is the general-form rule's business.
    return false;
  }
  return ca === cb || containsWords(ca, cb) || containsWords(cb, ca);
}

/**
 * Words of posts written with capitals in titles ("Interior Minister", "Under Secretary of State
 * for Economic Affairs", "National Assembly Speaker"): they name a job, not where it is held.
 */
const POST_WORDS = new Set(
  (
    "minister ministry secretary general president vice prime deputy assistant acting chief executive officer " +
    "director head leader chair chairman chairwoman chairperson speaker mayor governor senator representative " +
    "ambassador envoy consul spokesperson spokesman spokeswoman commissioner attorney judge justice prosecutor " +
    "lawyer king queen prince princess emperor pope bishop archbishop cardinal general admiral colonel major " +
    "captain commander marshal sergeant inspector superintendent constable foreign defence defense interior home " +
    "finance health education trade energy environment agriculture transport culture labour labor economy " +
    "economic affairs external internal justice security national state federal public chancellor premier " +
    "treasurer councillor councilor council cabinet parliament assembly congress senate house party member " +
    "secretary-general vice-president co-chairman co-chair managing editor correspondent analyst reporter " +
    "professor doctor dr nurse surgeon coach captain manager founder engineer scientist researcher deputy-head " +
    "of for the to and at in on with under high supreme first lord lady chief-of-staff staff"
  ).split(" "),
);
/** Short forms of posts, not of bodies: "Health CS" is a Cabinet Secretary. */
const POST_ACRONYMS = new Set(["CS", "CEO", "CFO", "COO", "MP", "MEP", "PM", "VP", "MLA", "MSP", "TD"]);

/**
 * The word that ties a post to one body, place or person ("ABC" in "ABC chief elections analyst",
 * "Nepal’s" in "spokesperson for Nepal’s ministry", "Tunisian", "Fareham"), or undefined for a
 * post anyone in its world could hold ("Finance Minister", "prosecutor").
 */
export function postAnchor(role: string): string | undefined {
  const words = role.trim().split(/\s+/);
  for (const raw of words) {
    const word = raw.replace(/^[^\p{L}\d]+|[^\p{L}\d'’]+$/gu, "");
    if (!word) continue;
    if (/['’]s?$/.test(word) && word.length > 2) return word;
    if (POST_ACRONYMS.has(word)) continue;
    if (/^\p{Lu}{2,}$/u.test(word.replace(/-/g, ""))) return word;
    const parts = word.toLowerCase().split("-");
    if (/^\p{Lu}/u.test(word) && !parts.every((p) => POST_WORDS.has(p))) return word;
  }
  return undefined;
}

/** "former", "ex-", "late": a description of a past post. */
export function isPastPost(role: string): boolean {
  return /^(?:former|ex-|one-time|late|previous|erstwhile)\b/i.test(role.trim());
}
