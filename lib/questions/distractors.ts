// Wrong answers: where they come from (other facts of the same article, the entity bank, or made
// from the answer itself for numbers, dates and a few kinds of phrase), which ones may never be
// used (another right answer in disguise), and which are most plausible.
import type { EntityRecord, FactRecord, GenerationContext } from "@/lib/questions/context";
import { addDays, daysBetween, formatMonthYear, isIsoDate, parseMonthYear } from "@/lib/questions/dates";
import { hash32 } from "@/lib/questions/hash";
import { containsWords, listItems, normaliseAnswer, normaliseText } from "@/lib/questions/normalise";
import { distractorStep, formatNumberLike, parseNumber, qualifierSense } from "@/lib/questions/numbers";
import type { AnswerTypeName } from "@/lib/content/schemas";
import { coversRole, synonymousRoles, worldOfRole, type World } from "@/lib/questions/world";

export interface Candidate {
  /** As an option shows it. */
  text: string;
  /** Normalised writings: name and aliases. */
  forms: string[];
  type: AnswerTypeName;
  kind?: string;
  country?: string;
  /** Roles: the field the post belongs to (politics, media, law...). */
  world?: World;
  entity?: EntityRecord;
  /** Facts of the article whose answer this is. */
  factKeys: string[];
  /** The article names it. */
  inArticle: boolean;
  source: "article" | "bank" | "generated";
  /** Generated candidates: lower is more plausible. */
  closeness?: number;
  /** Numbers: the value; dates: days from the answer. */
  value?: number;
}

export interface Exclusion {
  candidate: Candidate;
  reason: string;
}

export interface DistractorPool {
  /** Usable wrong answers, most plausible first. */
  ranked: Candidate[];
  /** Candidates that must not be offered, and why. */
  excluded: Exclusion[];
  /** The answer's kind ("city", "news agency"), when known. */
  answerKind?: string;
}

const lower = (text: string | undefined) => text?.trim().toLowerCase() || undefined;

const ORG_FAMILIES: Record<string, string> = {
  "news agency": "media",
  broadcaster: "media",
  newspaper: "media",
  "photo agency": "media",
  magazine: "media",
  website: "media",
  "news website": "media",
  "tv channel": "media",
  "radio station": "media",
  "think tank": "research",
  institute: "research",
  "research institute": "research",
  university: "research",
  academy: "research",
  ministry: "government",
  "government agency": "government",
  department: "government",
};

const FAMILY_NOUNS: Record<string, string> = {
  media: "news outlet",
  research: "institution",
  government: "government body",
};

/** The noun a "which ...?" question may use for these candidates, if they share one. */
export function commonNoun(type: AnswerTypeName, kinds: (string | undefined)[]): string | undefined {
  const first = kinds[0];
  if (first && kinds.every((k) => k === first)) return first;
  if (type === "organisation") {
    const families = kinds.map((k) => (k ? ORG_FAMILIES[k] : undefined));
    const family = families[0];
    if (family && families.every((f) => f === family)) {
      if (kinds.every((k) => k?.endsWith("agency"))) return "agency";
      return FAMILY_NOUNS[family];
    }
    return "organisation";
  }
  return undefined;
}

const DEMONYMS: Record<string, string> = {
  russian: "Russia",
  russia: "Russia",
  kremlin: "Russia",
  ukrainian: "Ukraine",
  ukraine: "Ukraine",
  turkish: "Turkey",
  turkey: "Turkey",
  us: "United States",
  american: "United States",
  "u s": "United States",
  uk: "United Kingdom",
  british: "United Kingdom",
  britain: "United Kingdom",
  french: "France",
  france: "France",
  german: "Germany",
  germany: "Germany",
  polish: "Poland",
  poland: "Poland",
  chinese: "China",
  china: "China",
  italian: "Italy",
  italy: "Italy",
  greek: "Greece",
  greece: "Greece",
  albanian: "Albania",
  belarusian: "Belarus",
};

/** The country a role names ("Turkish President" -> Turkey), if any. */
export function countryOfRole(text: string): string | undefined {
  for (const word of normaliseText(text).split(" ")) if (DEMONYMS[word]) return DEMONYMS[word];
  if (/\bu\.?s\.?\b/i.test(text)) return "United States";
  return undefined;
}

// --- candidates from entities and other facts -----------------------------------------------

// What the article says that every fact's distractors consult, worked out once per generation.
const countriesOf = new WeakMap<GenerationContext, Set<string>>();
const figuresOf = new WeakMap<GenerationContext, Set<number>>();

/** The countries an article's world spans: those it names, and those of the entities it names. */
export function articleCountries(ctx: GenerationContext): Set<string> {
  const known = countriesOf.get(ctx);
  if (known) return known;
  const countries = new Set<string>();
  countriesOf.set(ctx, countries);
  for (const word of ctx.bodyNorm.split(" ")) if (DEMONYMS[word]) countries.add(DEMONYMS[word]);
  for (const record of ctx.entities) {
    if (!record.inArticle) continue;
    if (record.entity.country) countries.add(record.entity.country);
    if (record.entity.type === "place" && record.entity.kind === "country") countries.add(record.entity.name);
    for (const key of record.ancestors) {
      const ancestor = ctx.entityByKey.get(key)?.entity;
      if (ancestor?.kind === "country") countries.add(ancestor.name);
    }
  }
  return countries;
}

/**
 * Whether an entity of the bank that the article does not name belongs to its world: a post, person
 * or organisation of a country the article is about; a place in the same region as the answer.
 * Anything else would be padding from an unrelated story.
 */
function inWorld(record: FactRecord, candidate: EntityRecord, countries: Set<string>, ctx: GenerationContext): boolean {
  if (candidate.inArticle) return true;
  const { entity } = candidate;
  // A place or organisation of the answer's own kind ("court", "city") is of its world; the
  // ranking prefers those of the same country or region.
  const answerKind = lower(record.fact.kind) ?? lower(record.entity?.entity.kind);
  const sameKind = answerKind !== undefined && lower(entity.kind) === answerKind;
  // Where the bank locates both, a city must also lie near the answer: in a country the article
  // names, or in the answer's continent (Brisbane is no option for a dateline in Turkey).
  const areas = new Set(record.entity?.ancestors ?? []);
  if (
    sameKind &&
    entity.type === "place" &&
    answerKind === "city" &&
    areas.size > 0 &&
    candidate.ancestors.length > 0
  ) {
    if (candidate.ancestors.some((key) => areas.has(key))) return true;
  } else if (sameKind && (entity.type === "place" || entity.type === "organisation")) return true;
  if (entity.type === "place") {
    // The answer's own region stays a candidate, to be excluded with its reason.
    if (record.entity?.ancestors.includes(entity.key)) return true;
    const parent = record.entity?.ancestors[0];
    if (parent && candidate.ancestors[0] === parent) return true;
    return candidate.ancestors.some((key) => {
      const ancestor = ctx.entityByKey.get(key)?.entity;
      return ancestor?.kind === "country" && countries.has(ancestor.name);
    });
  }
  const country = entity.country ?? (entity.type === "role" ? countryOfRole(entity.name) : undefined);
  if (entity.type === "person") {
    // Someone from the bank only if of the answer's world: no foreign minister among tennis players.
    const world = personWorld(record, ctx);
    if (world === undefined || entityWorld(entity) !== world) return false;
    return country !== undefined && countries.has(country);
  }
  if (entity.type === "role") {
    // A post of the bank is offered only within the answer's world: a mayor gets other
    // local-government posts, a reporter other newsroom posts.
    const world = answerWorld(record, ctx);
    // A post whose world nothing tells gets no posts from the bank: only the article's own.
    if (world === undefined || entityWorld(entity) !== world) return false;
    return country === undefined || countries.has(country);
  }
  // A general occupation ("scholar", "journalist") belongs to no one country.
  if (country === undefined) return false;
  return countries.has(country);
}

/**
 * The world of a role fact's answer: the bank's tag for it, what its words tell, or else (a bare
 * "spokesperson") the world most of the article's other posts belong to.
 */
export function answerWorld(record: FactRecord, ctx: GenerationContext): World | undefined {
  if (record.fact.type !== "role") return undefined;
  const own = record.entity?.entity.world ?? worldOfRole(record.fact.answer);
  if (own !== undefined) return own;
  const counts = new Map<World, number>();
  for (const other of ctx.facts) {
    if (other === record || other.fact.type !== "role") continue;
    const world = other.entity?.entity.world ?? worldOfRole(other.fact.answer);
    if (world) counts.set(world, (counts.get(world) ?? 0) + 1);
  }
  const [best, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  // Two other posts of one world, and no other world as common: one alone is too thin a clue.
  return best && best[1] >= 2 && (!second || second[1] < best[1]) ? best[0] : undefined;
}

/** The world of a bank entity: its tag, or what its name (a post's) or its post and kind tell. */
function entityWorld(entity: EntityRecord["entity"]): World | undefined {
  if (entity.world) return entity.world;
  if (entity.type === "person") return worldOfRole(entity.role ?? "") ?? worldOfRole(entity.kind ?? "");
  return worldOfRole(entity.name) ?? (lower(entity.kind) === "political title" ? "politics" : undefined);
}

/**
 * The world of a person fact's answer: that of the post the article gives them (a role fact about
 * them), or else the bank's record of them.
 */
export function personWorld(record: FactRecord, ctx: GenerationContext): World | undefined {
  if (record.fact.type !== "person") return undefined;
  const names = new Set(record.answerForms);
  for (const other of ctx.facts) {
    if (other.fact.type !== "role") continue;
    const about =
      (record.entity !== undefined && other.subjectEntity === record.entity) ||
      names.has(other.subjectKey.replace(/^(the|a|an) /, ""));
    if (!about) continue;
    const world = other.entity?.entity.world ?? worldOfRole(other.fact.answer);
    if (world) return world;
  }
  return record.entity ? entityWorld(record.entity.entity) : undefined;
}

function entityCandidates(record: FactRecord, ctx: GenerationContext): Candidate[] {
  const { fact } = record;
  const byEntity = new Map<string, Candidate>();
  const loose: Candidate[] = [];
  const answerIsOneWord = !fact.answer.trim().includes(" ");
  const countries = articleCountries(ctx);
  for (const entityRecord of ctx.entitiesByType.get(fact.type) ?? []) {
    const { entity } = entityRecord;
    if (!inWorld(record, entityRecord, countries, ctx)) continue;
    let text = entity.name;
    if (answerIsOneWord && fact.type === "person") {
      const surname = entity.aliases.find((a) => !a.includes(" ") && entity.name.endsWith(a));
      if (surname) text = surname;
    }
    byEntity.set(entity.key, {
      text,
      forms: entityRecord.forms,
      type: fact.type,
      kind: lower(entity.kind),
      country: entity.country,
      ...(fact.type === "role" ? { world: entityWorld(entity) } : {}),
      entity: entityRecord,
      factKeys: [],
      inArticle: entityRecord.inArticle,
      source: "bank",
    });
  }
  for (const other of ctx.facts) {
    if (other === record || other.fact.type !== fact.type) continue;
    if (other.entity && byEntity.has(other.entity.entity.key)) {
      const candidate = byEntity.get(other.entity.entity.key)!;
      // Places and organisations as the article writes them ("Kiev"); people in the answer's format.
      if (candidate.source === "bank" && fact.type !== "person") candidate.text = other.fact.answer;
      candidate.factKeys.push(other.fact.key);
      candidate.source = "article";
      candidate.inArticle = true;
      candidate.kind ??= lower(other.fact.kind);
      continue;
    }
    const forms = [...new Set([other.fact.answer, ...other.fact.aliases].map(normaliseAnswer))];
    const same = loose.find((c) => c.forms.some((f) => forms.includes(f)));
    if (same) {
      same.factKeys.push(other.fact.key);
      continue;
    }
    const world = fact.type === "role" ? worldOfRole(other.fact.answer) : undefined;
    loose.push({
      text: other.fact.answer,
      forms,
      type: fact.type,
      kind: lower(other.fact.kind),
      ...(world ? { world } : {}),
      factKeys: [other.fact.key],
      inArticle: true,
      source: "article",
    });
  }
  return [...byEntity.values(), ...loose];
}

// --- candidates made from the answer ---------------------------------------------------------

function generated(text: string, type: AnswerTypeName, closeness: number, value?: number): Candidate {
  return {
    text,
    forms: [normaliseAnswer(text)],
    type,
    factKeys: [],
    inArticle: false,
    source: "generated",
    closeness,
    value,
  };
}

const OFFSET_PATTERNS = [
  [1, 2, 3],
  [-1, 1, 2],
  [-2, -1, 1],
  [-1, 1, 3],
  [-1, 2, 3],
  [-3, -2, -1],
];

/** Every figure the article writes, in digits or words ("twelve", "1,130", "2.5 million"). */
function figuresIn(body: string): Set<number> {
  const figures = new Set<number>();
  const pattern =
    /\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion))?|\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)[\s-]*)+/gi;
  for (const match of body.matchAll(pattern)) {
    const value = parseNumber(match[0].replace(/[.,]$/, "").trim());
    if (value !== undefined) figures.add(value);
  }
  return figures;
}

function numberCandidates(record: FactRecord, ctx: GenerationContext): Candidate[] {
  const { fact } = record;
  const value = parseNumber(fact.answer);
  if (value === undefined) return [];
  const step = distractorStep(value);
  const sense = qualifierSense(fact.qualifier);
  // A figure the article gives elsewhere may be true of this subject too ("12 deaths" beside "9
  // deaths"); under a bound, a figure on the bound's near side is also true ("at least 900" when
  // the article says "at least 1,000"); "about 400" is also true of anything within a tenth of it.
  const inArticle = figuresOf.get(ctx) ?? figuresIn(ctx.bodySpaced);
  figuresOf.set(ctx, inArticle);
  const qualifier = (fact.qualifier ?? "").toLowerCase();
  const valid = (k: number) => {
    const v = value + k * step;
    if (v <= 0 || inArticle.has(v)) return false;
    if (sense === "at-least" || (sense === "vague" && /over|more|above|upwards/.test(qualifier))) return k > 0;
    if (sense === "at-most" || (sense === "vague" && /under|less|fewer|below/.test(qualifier))) return k < 0;
    if (sense === "approximate") return Math.abs(v - value) > 0.1 * Math.abs(value);
    return true;
  };
  const patterns = OFFSET_PATTERNS.filter((p) => p.every(valid));
  const preferred =
    sense === "at-least"
      ? [1, 2, 3]
      : sense === "at-most"
        ? [-1, -2, -3]
        : (patterns[hash32(`${fact.key}|offsets`) % Math.max(1, patterns.length)] ?? []);
  const offsets = [...new Set([...preferred, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6])].filter(valid);
  return offsets.map((k, index) => {
    const v = value + k * step;
    return generated(formatNumberLike(v, fact.answer), "number", index, v);
  });
}

function dateCandidates(record: FactRecord, ctx: GenerationContext): Candidate[] {
  const answer = record.fact.answer;
  if (!isIsoDate(answer)) return [];
  const result: Candidate[] = [];
  const seen = new Set<string>([answer]);
  for (const other of ctx.facts) {
    const date = other.fact.answer;
    if (other.fact.type !== "date" || !isIsoDate(date)) continue;
    const existing = result.find((c) => c.text === date);
    if (existing) {
      existing.factKeys.push(other.fact.key);
      continue;
    }
    if (seen.has(date)) {
      // The same date as the answer: never a distractor, but remember it is another fact's.
      continue;
    }
    seen.add(date);
    const days = daysBetween(answer, date);
    result.push({
      ...generated(date, "date", Math.abs(days), days),
      factKeys: [other.fact.key],
      source: "article",
      inArticle: true,
    });
  }
  for (const days of [1, -1, 2, -2, 3, -3, 7, -7]) {
    const date = addDays(answer, days);
    if (seen.has(date)) continue;
    seen.add(date);
    result.push(generated(date, "date", 100 + Math.abs(days), days));
  }
  return result;
}

const FRACTIONS = ["a quarter", "a third", "half", "two thirds", "three quarters", "most", "all", "none"];
const FRACTION_SYNONYMS: Record<string, string> = {
  "one half": "half",
  "a half": "half",
  "one third": "a third",
  "one quarter": "a quarter",
};
const SHAPES = [
  "round",
  "square",
  "rectangular",
  "oval",
  "triangular",
  "horseshoe",
  "circular",
  "u-shaped",
  "l-shaped",
  "hexagonal",
];
const SAME_SHAPE: Record<string, string[]> = {
  horseshoe: ["u-shaped", "u shaped"],
  round: ["circular", "oval"],
  circular: ["round", "oval"],
  "u-shaped": ["horseshoe"],
};

function phraseCandidates(record: FactRecord, ctx: GenerationContext): Candidate[] {
  const { fact } = record;
  const answer = fact.answer.trim();
  const norm = normaliseAnswer(answer);

  const monthYear = parseMonthYear(answer);
  if (monthYear) {
    const order = [
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
      [-2, 0],
      [2, 0],
    ];
    return order.map(([months = 0, years = 0], index) =>
      generated(formatMonthYear(monthYear.year + years, monthYear.month + months), "phrase", index),
    );
  }

  const range = /^(\d{4})(\s*[-–]\s*|\s+to\s+)(\d{4})$/.exec(answer);
  if (range) {
    const start = Number(range[1]);
    const end = Number(range[3]);
    const separator = range[2] ?? "-";
    const fromArticle = ctx.facts
      .filter(
        (other) =>
          other !== record && other.fact.type === "phrase" && /^\d{4}\s*[-–]\s*\d{4}$/.test(other.fact.answer.trim()),
      )
      .map((other) => ({
        ...generated(other.fact.answer.trim(), "phrase", 0),
        factKeys: [other.fact.key],
        source: "article" as const,
        inArticle: true,
      }));
    const variants = [
      [start, end + 1],
      [start, end - 1],
      [start - 1, end],
      [start + 1, end],
      [start, end + 2],
      [start - 2, end],
    ].filter(([a = 0, b = 0]) => a < b);
    return [...fromArticle, ...variants.map(([a, b], index) => generated(`${a}${separator}${b}`, "phrase", index + 1))];
  }

  const year = /^(\d{4})$/.exec(answer);
  if (year) {
    const value = Number(year[1]);
    const fromArticle = ctx.facts
      .filter((other) => other !== record && other.fact.type === "phrase" && /^\d{4}$/.test(other.fact.answer.trim()))
      .map((other) => ({
        ...generated(other.fact.answer.trim(), "phrase", 0),
        factKeys: [other.fact.key],
        source: "article" as const,
        inArticle: true,
      }));
    const offsets = [-1, 1, -2, 2, -4, 4, -5, 5];
    const start = hash32(`${fact.key}|years`) % 2;
    const ordered = [...offsets.slice(start), ...offsets.slice(0, start)];
    return [...fromArticle, ...ordered.map((k, index) => generated(String(value + k), "phrase", index + 1))];
  }

  const fraction = FRACTION_SYNONYMS[norm] ?? norm;
  if (FRACTIONS.includes(fraction)) {
    return FRACTIONS.filter((f) => f !== fraction).map((f, index) =>
      generated(f, "phrase", Math.abs(index - FRACTIONS.indexOf(fraction))),
    );
  }

  const isShape = /^shape$/i.test(fact.relation.trim()) || SHAPES.includes(norm.replace(/ shaped$/, "-shaped"));
  if (isShape) {
    const same = SAME_SHAPE[norm] ?? [];
    return SHAPES.filter((s) => s !== norm && !same.includes(s)).map((s, index) => generated(s, "phrase", index));
  }

  return placeListCandidates(record, ctx);
}

/** "Britain, the US, Germany and France" -> the same list with one country swapped. */
function placeListCandidates(record: FactRecord, ctx: GenerationContext): Candidate[] {
  const answer = record.fact.answer.trim();
  const match = /^(.+?)(,? and |, )(.+)$/.exec(answer);
  if (!match) return [];
  const items = answer.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  if (items.length < 2) return [];
  const oxford = /, and /.test(answer);
  const resolved = items.map((item) =>
    (ctx.entityByForm.get(normaliseAnswer(item)) ?? []).find((e) => e.entity.type === "place"),
  );
  if (resolved.some((r) => !r)) return [];
  const kind = resolved[0]?.entity.kind;
  if (!resolved.every((r) => r?.entity.kind === kind)) return [];
  const used = new Set(resolved.map((r) => r?.entity.key));
  const replacements = ctx.entities
    .filter((e) => e.entity.type === "place" && e.entity.kind === kind && !used.has(e.entity.key))
    .sort(
      (a, b) =>
        Number(b.inArticle) - Number(a.inArticle) ||
        hash32(`${record.fact.key}|${a.entity.key}`) - hash32(`${record.fact.key}|${b.entity.key}`),
    );
  const join = (list: string[]) =>
    list.length === 2
      ? `${list[0]} and ${list[1]}`
      : `${list.slice(0, -1).join(", ")}${oxford ? "," : ""} and ${list.at(-1)}`;
  const result: Candidate[] = [];
  const base = hash32(record.fact.key);
  replacements.slice(0, 6).forEach((replacement, index) => {
    const position = (base + index) % items.length;
    const list = [...items];
    list[position] = ctx.runningName(replacement.entity.name);
    const candidate = generated(join(list), "phrase", index);
    candidate.inArticle = replacement.inArticle;
    result.push(candidate);
  });
  return result;
}

/** The noun for a list of places ("countries"), when the answer is one. */
export function placeListNoun(record: FactRecord, ctx: GenerationContext): string | undefined {
  const items = record.fact.answer.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  if (items.length < 2) return undefined;
  const kinds = items.map(
    (item) => (ctx.entityByForm.get(normaliseAnswer(item)) ?? []).find((e) => e.entity.type === "place")?.entity.kind,
  );
  if (kinds.some((k) => !k) || !kinds.every((k) => k === kinds[0])) return undefined;
  return kinds[0] === "country" ? "countries" : kinds[0] === "city" ? "cities" : undefined;
}

// --- exclusion and ranking -------------------------------------------------------------------

function sameList(a: string, b: string, ctx: GenerationContext): boolean {
  const key = (text: string) =>
    listItems(text)
      ?.map((item) => (ctx.entityByForm.get(item) ?? [])[0]?.entity.key ?? item)
      .sort()
      .join("|");
  const ka = key(a);
  return ka !== undefined && ka === key(b);
}

function overlaps(a: string, b: string): boolean {
  return a.length > 0 && b.length > 0 && (containsWords(a, b) || containsWords(b, a));
}

/**
 * Why `candidate` must not be offered as a wrong answer for `record`, or undefined if it may.
 * `stemNorm` is the normalised text the question shows besides its options.
 */
export function exclusionReason(
  record: FactRecord,
  candidate: Candidate,
  ctx: GenerationContext,
  stemNorm: string,
): string | undefined {
  const { fact } = record;
  const answerForms = record.answerForms;
  if (candidate.entity && record.entity && candidate.entity === record.entity) return "is the answer itself";
  const alias = candidate.forms.find((f) => answerForms.includes(f));
  if (alias !== undefined) return `is the answer or one of its aliases ("${alias}")`;
  if (
    fact.type === "phrase" &&
    /,| and /.test(candidate.text) &&
    [fact.answer, ...fact.aliases].some((a) => sameList(a, candidate.text, ctx))
  ) {
    return "is the same list as the answer in another order or writing";
  }
  if (fact.type === "number" && candidate.value !== undefined && candidate.value === parseNumber(fact.answer)) {
    return "is the answer written differently";
  }
  if (record.entity && candidate.entity) {
    if (record.entity.ancestors.includes(candidate.entity.entity.key))
      return `contains the answer (${fact.answer} lies within it)`;
    if (candidate.entity.ancestors.includes(record.entity.entity.key)) return `lies inside the answer (${fact.answer})`;
  }
  if (fact.type === "role") {
    // "Foreign Minister" is true of Turkey's Foreign Minister; "Russian Defense Minister" may be
    // true of a "Defense Minister" whose country the answer does not say.
    const general = candidate.forms.find((f) => answerForms.some((a) => containsWords(a, f)));
    if (general !== undefined) return `is a more general form of the answer ("${general}"), so it is also right`;
    if (!countryOfRole(fact.answer)) {
      const specific = candidate.forms.find((f) => answerForms.some((a) => containsWords(f, a)));
      if (specific !== undefined)
        return `is a more specific form of the answer ("${specific}"), so it could also be right`;
    }
    if (candidate.forms.some((f) => answerForms.some((a) => synonymousRoles(a, f))))
      return "may name the same job as the answer (a reporter is also a journalist), so it could also be right";
    const world = answerWorld(record, ctx);
    if (answerForms.some((a) => coversRole(candidate.text, a, world)))
      return "is true of anyone holding the answer's post (a prosecutor is a lawyer), so it is also right";
    const also = alsoGivenTo(record, candidate, ctx);
    if (also !== undefined) return `is also said of ${also} in the article, so it could also be right`;
    if (world !== undefined && candidate.world !== undefined && candidate.world !== world)
      return `is a post of another world (${candidate.world}, not ${world})`;
  } else if (fact.type !== "number" && fact.type !== "date") {
    const overlap = candidate.forms.find((f) => answerForms.some((a) => overlaps(a, f)));
    if (overlap !== undefined) return `overlaps the answer ("${overlap}"), so it could also be right`;
  }
  for (const key of candidate.factKeys) {
    const other = ctx.factByKey.get(key);
    if (other && other.relationRoot === record.relationRoot && other.subjectKey === record.subjectKey) {
      return `is also right: fact "${key}" gives it for the same subject and relation`;
    }
  }
  if (fact.type !== "number" && fact.type !== "date") {
    const named = candidate.forms.find((f) => f.length >= 2 && containsWords(stemNorm, f));
    if (named !== undefined) return `is named in the stem ("${named}")`;
  }
  return undefined;
}

/**
 * The person a role fact is about, when the article writes the candidate post within a few words
 * of their name ("Ilse Warrender, a former judge"): that post is true of them too, or may be.
 */
function alsoGivenTo(record: FactRecord, candidate: Candidate, ctx: GenerationContext): string | undefined {
  const names = record.subjectEntity?.forms ?? [normaliseText(record.fact.subject)];
  const surnames = new Set(names.map((n) => n.split(" ").at(-1) ?? "").filter((w) => w.length >= 3));
  const forms = candidate.forms.filter((f) => f.length >= 3);
  if (surnames.size === 0 || forms.length === 0) return undefined;
  for (const sentence of ctx.bodySpaced.split(/(?<=[.!?])\s+/)) {
    const words = normaliseText(sentence).split(" ");
    for (const [at, word] of words.entries()) {
      if (!surnames.has(word)) continue;
      const near = words.slice(Math.max(0, at - 6), at + 7).join(" ");
      if (forms.some((f) => containsWords(near, f))) return record.fact.subject;
    }
  }
  return undefined;
}

const PERSON_KIND_LENIENT = true;

/** Whether a candidate is of the answer's kind closely enough to be offered at all. */
function kindReason(record: FactRecord, candidate: Candidate, answerKind: string | undefined): string | undefined {
  if (!answerKind || !candidate.kind || candidate.source === "generated") return undefined;
  if (candidate.kind === answerKind) return undefined;
  switch (record.fact.type) {
    case "place":
    case "role":
      return `is another kind (${candidate.kind}, not ${answerKind})`;
    case "organisation": {
      const family = ORG_FAMILIES[answerKind];
      return family && ORG_FAMILIES[candidate.kind] === family
        ? undefined
        : `is another kind (${candidate.kind}, not ${answerKind})`;
    }
    case "person":
      // Anyone the article names is a plausible "who"; an unrelated official from the bank is not.
      return PERSON_KIND_LENIENT && candidate.inArticle
        ? undefined
        : `is another kind (${candidate.kind}, not ${answerKind})`;
    default:
      return undefined;
  }
}

function relatedTo(record: FactRecord, candidate: Candidate): boolean {
  const answer = record.entity?.entity;
  switch (record.fact.type) {
    case "person":
    case "organisation":
      return Boolean(answer?.country && candidate.country === answer.country);
    case "place": {
      const parent = record.entity?.ancestors[0];
      return Boolean(parent && candidate.entity?.ancestors[0] === parent);
    }
    case "role": {
      const country = record.subjectEntity?.entity.country ?? countryOfRole(record.fact.answer);
      return Boolean(country && countryOfRole(candidate.text) === country);
    }
    default:
      return false;
  }
}

/** All candidates for a fact, split into usable (ranked) and excluded (with reasons). */
export function buildDistractorPool(record: FactRecord, ctx: GenerationContext, stemText: string): DistractorPool {
  const { fact } = record;
  const answerKind = lower(fact.kind) ?? lower(record.entity?.entity.kind);
  let candidates: Candidate[];
  switch (fact.type) {
    case "number":
      candidates = numberCandidates(record, ctx);
      break;
    case "date":
      candidates = dateCandidates(record, ctx);
      break;
    case "phrase":
      candidates = phraseCandidates(record, ctx);
      break;
    default:
      candidates = entityCandidates(record, ctx);
  }
  const stemNorm = normaliseText(stemText);
  const eligible: Candidate[] = [];
  const excluded: Exclusion[] = [];
  for (const candidate of candidates) {
    const reason = exclusionReason(record, candidate, ctx, stemNorm) ?? kindReason(record, candidate, answerKind);
    if (reason) excluded.push({ candidate, reason });
    else eligible.push(candidate);
  }
  const answerHead = fact.answer.trim().split(/\s+/).at(-1)?.toLowerCase();
  const answerCapital = /^\p{Lu}/u.test(fact.answer.trim());
  const world = answerWorld(record, ctx);
  const score = (c: Candidate): number[] => [
    world !== undefined && c.world !== world ? 1 : 0,
    answerKind && c.kind === answerKind ? 0 : 1,
    // Roles: written alike (a lower-case description among capitalised titles stands out).
    fact.type === "role" && /^\p{Lu}/u.test(c.text) !== answerCapital ? 1 : 0,
    relatedTo(record, c) ? 0 : 1,
    fact.type === "role" && c.text.split(/\s+/).at(-1)?.toLowerCase() !== answerHead ? 1 : 0,
    c.inArticle ? 0 : 1,
    c.source === "generated" ? (c.closeness ?? 0) : 0,
    hash32(`${fact.key}|${c.forms[0] ?? c.text}`),
  ];
  const scores = new Map(eligible.map((c) => [c, score(c)]));
  const byScore = (a: Candidate, b: Candidate) => {
    const sa = scores.get(a) ?? [];
    const sb = scores.get(b) ?? [];
    for (let i = 0; i < sa.length; i++) if ((sa[i] ?? 0) !== (sb[i] ?? 0)) return (sa[i] ?? 0) - (sb[i] ?? 0);
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  };
  eligible.sort(byScore);
  // After ranking, so that the more plausible of two look-alikes is the one kept.
  const ranked: Candidate[] = [];
  const seen = new Set<string>();
  const seenList: string[] = [];
  for (const candidate of eligible) {
    if (candidate.forms.some((f) => seen.has(f))) {
      excluded.push({ candidate, reason: "duplicates a more plausible candidate" });
      continue;
    }
    if (fact.type === "role" && candidate.forms.some((f) => seenList.some((g) => overlaps(f, g)))) {
      excluded.push({ candidate, reason: "overlaps a more plausible candidate" });
      continue;
    }
    for (const form of candidate.forms) {
      seen.add(form);
      seenList.push(form);
    }
    ranked.push(candidate);
  }
  if (fact.type === "date") ranked.sort((a, b) => Number(a.source === "generated") - Number(b.source === "generated"));
  return { ranked, excluded, answerKind };
}
