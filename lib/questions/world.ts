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
    /\b(?:mayor|councillor|councilor|council member|council leader|city council|county council|town council|alderman|governor|county|city manager|municipal\w*|district commissioner|town clerk)\b/,
  ],
  [
    "economy",
    /\b(?:economist|banker|ceo|chief executive|executive|founder|chairman of the board|businessman|businesswoman|entrepreneur|investor|trader|trade union|union leader|heir(?:ess)?|tycoon|financ\w*|market|stock|industr\w*)\b/,
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

/** A post with every synonym written as its group's first word: "foreign journalist" -> "foreign reporter". */
function canonical(post: string): string {
  let text = ` ${normaliseText(post)} `;
  for (const group of SYNONYM_GROUPS)
    for (const word of group.slice(1)) text = text.replaceAll(` ${word} `, ` ${group[0]} `);
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
