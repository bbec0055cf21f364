// General English word lists the drafting patterns rely on. Deliberately generic: no names of
// particular people, places or outlets (those come from the text and the tagger), so the rules
// behave the same on articles they were never tuned on.

/** Head words of a role or title ("minister", "aide", "striker"), lower case. */
export const ROLE_HEADS = new Set(
  `minister aide adviser advisor spokesperson spokesman spokeswoman president vice-president chancellor envoy negotiator
  premier secretary ambassador commissioner chief justice judge magistrate governor mayor senator congressman congresswoman
  lawmaker legislator mp general admiral commander coach manager captain striker defender midfielder goalkeeper forward winger
  referee umpire executive ceo director chairman chairwoman chairperson chair leader professor economist analyst official
  diplomat businessman businesswoman entrepreneur researcher scholar fellow editor lawyer attorney prosecutor scientist
  engineer pollster pundit officer fisherman farmer teacher doctor nurse journalist correspondent author activist campaigner
  founder head king queen prince princess pope sheikh emir monarch deputy speaker treasurer consul strategist historian
  physicist chemist biologist architect designer player champion athlete runner cyclist skipper investigator inspector
  superintendent attorney-general mediator arbitrator forecaster specialist host presenter anchor heir heiress
  councillor councilor commissioner administrator coordinator organiser organizer curator cs`.split(/\s+/),
);

/** Lower-case words that may stand inside a title before its head ("national security advisor"). */
export const TITLE_MODIFIERS = new Set(
  `former deputy acting vice national security foreign defense defence finance interior health energy economy economic
  trade natural resources head chief senior junior assistant associate research political law police environmental state
  federal prime executive general managing affairs press communications military team club interim first opposition
  party union presidential regional local city education culture justice transport agriculture labour labor environment
  climate digital science technology sports assistant principal lead senior associate previous outgoing
  incoming then`.split(/\s+/),
);

/** Roles of people whose words are comment, not fact. */
export const COMMENTATOR_ROLE =
  /\b(scholar|fellow|analyst|professor|researcher|pollster|pundit|scientist|expert|economist|commentator|strategist|historian)\b/i;

/**
 * Lower-case nouns for a body of people, as a name is described ("the German rail union Transnet")
 * or a post is held ("heads the state broadcaster"). The capitalised heads inside a name are
 * ORG_HEADS below.
 */
export const BODY_NOUNS = new Set(
  `agency alliance association bank board broadcaster bureau carmaker automaker chipmaker carrier charity club coalition
  commission committee company conglomerate council court daily federation firm foundation giant group hospital institute
  insurer lender airline militia ministry monitor movement network newspaper operator organisation organization party
  regulator retailer school team think-tank titan union university watchdog authority`.split(/\s+/),
);

/** What a person may head, lead or chair: a body, or an undertaking ("the talks", "the inquiry"). */
export const HEADED_BODIES = new Set([
  ...BODY_NOUNS,
  ...`office department government service police army delegation talks negotiations campaign inquiry investigation
  opposition panel unit division squad side`.split(/\s+/),
]);

/** Capitalised head words that make a name an organisation. */
export const ORG_HEADS = new Set(
  `Ministry Commission Council Assembly Agency Institute Institutes University Academy Party Union Movement Alliance Democrats
  Republicans Court Press News Times Post Sport Sports Association Group Company Bank Police Department Office Government
  Parliament Committee Federation League Club City United Rovers Athletic Centre Center Foundation Forum Organisation
  Organization Corporation Corp Inc Ltd Metals Mail Telegraph Guardian Facility Fund Nation Nations Band Board Service
  Services Authority Network School College Society Studies Cooperation Exchange Council Tribunal Senate Congress Cabinet
  Secretariat Bureau Industries Holdings Airlines Energy Media Television Radio Journal Herald Review Daily Agency Ltd
  Institution Trust Coalition Front Bloc Command Army Navy Force Forces Guard Act`.split(/\s+/),
);

/** Lower-case words after a name that make it an organisation ("the Mediana institute"). */
export const ORG_TAILS = new Set([
  "institute",
  "university",
  "newspaper",
  "agency",
  "daily",
  "broadcaster",
  "group",
  "party",
]);

/** Words after an outlet's name that describe it and are not part of the name. */
export const OUTLET_DESCRIPTORS = new Set([
  "newspaper",
  "daily",
  "broadcaster",
  "agency",
  "report",
  "reports",
  "website",
]);

/** Head words that make a name a place. */
export const PLACE_HEADS = new Set(
  `Palace Castle Stadium Arena Square Street Avenue Bridge Airport Port Harbour Harbor Island Islands Sea Ocean River Lake
  Mountain Mountains Creek Valley Bay Coast Peninsula Region Province County District Oblast Cathedral Hall Tower Gardens`.split(
    /\s+/,
  ),
);

/** Lower-case words after a name that make it a place ("the Pomurje region"). */
export const PLACE_TAILS = new Set([
  "region",
  "province",
  "county",
  "district",
  "oblast",
  "state",
  "island",
  "valley",
  "prefecture",
  "subcounty",
]);

export const DIRECTIONS = new Set([
  "northern",
  "southern",
  "eastern",
  "western",
  "central",
  "north-eastern",
  "north-western",
  "south-eastern",
  "south-western",
  "northwestern",
  "northeastern",
  "southwestern",
  "southeastern",
]);

/** Nouns whose "between A and B" names parties, not places ("talks between Moscow and Kiev"). */
export const PARTY_NOUNS = new Set(
  `talks meeting meetings dialogue negotiations relations gap balance differences difference war conflict confrontation
  tensions agreement deal engagement contact match final game rivalry trade cooperation ties dispute summit border
  fighting clashes exchange exchanges`.split(/\s+/),
);

/** Words before "in X" that make X a setting, not where something happened ("the war in Ukraine"). */
export const SETTING_NOUNS = new Set(
  "war crisis conflict spoken peace process situation role support interest investment presence stake".split(" "),
);

export { NUMBER_WORDS } from "@/lib/questions/numbers";

export const SCALES = new Set(["thousand", "million", "billion", "trillion"]);

export const CURRENCY_WORDS = new Set([
  "euro",
  "euros",
  "pound",
  "pounds",
  "dollar",
  "dollars",
  "yen",
  "yuan",
  "franc",
  "francs",
  "rouble",
  "roubles",
  "ruble",
  "rubles",
  "kronor",
  "kroner",
  "rupees",
  "pesos",
]);
export const CURRENCY_SIGNS: Record<string, string> = { $: "US dollars", "€": "euros", "£": "pounds" };

/** Qualifiers written before a number, longest first. */
export const QUALIFIERS_BEFORE = [
  "well under",
  "well over",
  "just under",
  "just over",
  "just above",
  "just below",
  "more than",
  "less than",
  "fewer than",
  "at least",
  "at most",
  "up to",
  "an estimated",
  "close to",
  "upwards of",
  "in excess of",
  "over",
  "under",
  "above",
  "below",
  "about",
  "around",
  "nearly",
  "almost",
  "roughly",
  "approximately",
  "some",
  "estimated",
];
export const QUALIFIERS_AFTER = ["each", "apiece", "a year", "a day", "a week", "a month", "per year", "per day"];

/** Words that end the noun a number counts. */
export const UNIT_STOP = new Set(
  `a an the of in on at to for from by with and or but while as than that which who whose where when was were is are be been
  being has have had will would could should may might can do does did not no its their his her our this these those it they
  he she we you i more most less least each apiece per worth after before since until during between among into onto over
  under about around against across through toward towards because if so such said says according also only just still
  above below along beyond near off`.split(/\s+/),
);

/** Words that open a clause of opinion, forecast or hedge. */
export const OPINION_MARKERS =
  /\b(could|might|is likely|are likely|likely to|appears? to|there appears|analysts expect|experts expect|is expected to|are expected to|we support|i think|i believe|believes?|should|seems? to|perhaps|probably)\b/i;
