// Wrong answers: where they come from (other facts of the same article, the entity bank, or made
// from the answer itself for numbers, dates and a few kinds of phrase), which ones may never be
// used (another right answer in disguise), and which are most plausible.
import type { EntityRecord, FactRecord, GenerationContext } from "@/lib/questions/context";
import { addDays, daysBetween, formatMonthYear, isIsoDate, parseMonthYear } from "@/lib/questions/dates";
import { hash32 } from "@/lib/questions/hash";
import { containsWords, listItems, normaliseAnswer, normaliseText } from "@/lib/questions/normalise";
import { distractorStep, formatNumberLike, parseNumber, qualifierSense } from "@/lib/questions/numbers";
import type { AnswerTypeName } from "@/lib/content/schemas";
import {
  coversRole,
  isDescription,
  isPersonalDescription,
  sameJobAnySetting,
  synonymousRoles,
  worldOfRole,
  type World,
} from "@/lib/questions/world";

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
    // A news agency or paper the article credits ("told AFP") is its source, not its subject.
    const kind = lower(record.entity.kind);
    if (record.entity.type === "organisation" && kind && ORG_FAMILIES[kind] === "media") continue;
    if (record.entity.country) countries.add(record.entity.country);
    if (record.entity.type === "place" && record.entity.kind === "country") countries.add(record.entity.name);
    for (const key of record.ancestors) {
      const ancestor = ctx.entityByKey.get(key)?.entity;
      if (ancestor?.kind === "country") countries.add(ancestor.name);
    }
  }
  return countries;
}

/** Keys of the countries a place's own words name ("northwestern Syria" -> Syria). */
function countriesNamedIn(text: string, ctx: GenerationContext): string[] {
  const words = normaliseText(text).split(" ").filter(Boolean);
  const keys: string[] = [];
  for (let from = 0; from < words.length; from++) {
    for (let to = Math.min(words.length, from + 3); to > from; to--) {
      const found = (ctx.entityByForm.get(words.slice(from, to).join(" ")) ?? []).find(
        (e) => e.entity.type === "place" && e.entity.kind === "country",
      );
      if (found) keys.push(found.entity.key);
    }
  }
  return keys;
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
    areas.size === 0 &&
    candidate.ancestors.length > 0 &&
    countries.size > 0
  ) {
    // Nothing locates the answer (a dateline the bank lacks): a city the bank locates only if in a
    // country the article is about (Shanghai is no option for a report from Da Nang).
    return candidate.ancestors.some((key) => {
      const ancestor = ctx.entityByKey.get(key)?.entity;
      return ancestor?.kind === "country" && countries.has(ancestor.name);
    });
  }
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
    // "northwestern Syria", a place the bank does not know: its options lie in the country it
    // names, not in any country the article mentions (no San Francisco for an airstrike in Syria).
    const named = record.entity ? [] : countriesNamedIn(record.fact.answer, ctx);
    if (named.length > 0) return candidate.ancestors.some((key) => named.includes(key)) || named.includes(entity.key);
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

/** "percent", "per cent", "%", "percentage points" is not a share of a whole and may pass 100. */
export function isPercentUnit(unit: string | undefined): boolean {
  return /^(?:%|percent|per cent|pc)$/i.test((unit ?? "").trim());
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
  // A share of a whole ("90 percent of the vote") never passes 100: "120 percent" gives itself away.
  const ceiling = isPercentUnit(fact.unit) && value <= 100 ? 100 : Infinity;
  const valid = (k: number) => {
    const v = value + k * step;
    if (v <= 0 || v > ceiling || inArticle.has(v)) return false;
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

// --- where places lie -------------------------------------------------------------------------

/** Kinds of place that hold towns and venues: a dateline the bank does not locate may lie in any of them. */
const CONTAINER_KINDS = new Set(
  "country continent region state province county territory district oblast prefecture island peninsula".split(" "),
);
/** Kinds of place that lie inside no country: seas, oceans, continents. */
const WIDE_KINDS = new Set(["sea", "ocean", "continent", "gulf", "strait", "river", "lake", "mountains"]);
/** Head words of places that are venues or sites, never a city or a country. */
const SITE_WORDS =
  /\b(?:stadium|arena|hall|palace|centre|center|park|hotel|building|airport|square|street|road|avenue|boulevard|lane|spaceport|base|port|harbour|harbor|court|cathedral|church|mosque|temple|museum|ground|field|theatre|theater|station|campus|university|school|hospital|prison|embassy|bridge|plant|mine|dam|camp|complex|venue|club|house|tower|headquarters|office|compound|launchpad|pad|range)$/;

/** Relations that place their subject inside their answer: "lies in", "located in", "based in". */
const INSIDE_RELATION =
  /^(?:(?:is|was|are|were|lies|lay|sits|stands|located|situated|based|found|set|which is|that is)\s+)*(?:in|inside|within)$|^(?:located|situated|based)\b/;

const placeLinksOf = new WeakMap<GenerationContext, Map<string, Set<string>>>();

/**
 * For each place the article or the bank names, the places it lies within (normalised writings):
 * from the bank's `within`, from the article's own facts ("Brackenfield Stadium lies in Dorvale")
 * and from its sentences ("held at Brackenfield Stadium in Dorvale").
 */
export function placeContainers(ctx: GenerationContext): Map<string, Set<string>> {
  const known = placeLinksOf.get(ctx);
  if (known) return known;
  const direct = new Map<string, Set<string>>();
  const link = (inner: string, outer: string) => {
    if (!inner || !outer || inner === outer) return;
    const set = direct.get(inner) ?? new Set<string>();
    set.add(outer);
    direct.set(inner, set);
  };
  const placeForms = new Map<string, string[]>();
  const addPlace = (forms: string[]) => {
    for (const form of forms) placeForms.set(form, [...new Set([...(placeForms.get(form) ?? []), ...forms])]);
  };
  for (const record of ctx.entitiesByType.get("place") ?? []) {
    addPlace(record.forms);
    for (const key of record.ancestors) {
      const ancestor = ctx.entityByKey.get(key);
      if (ancestor) for (const inner of record.forms) for (const outer of ancestor.forms) link(inner, outer);
    }
  }
  const placeFacts = ctx.facts.filter((r) => r.fact.type === "place");
  for (const record of placeFacts) addPlace(record.answerForms);
  for (const record of placeFacts) {
    const relation = normaliseText(record.fact.relation.replace(/\([^)]*\)/g, " "));
    if (!INSIDE_RELATION.test(relation)) continue;
    const subject = record.subjectKey.replace(/^(the|a|an) /, "");
    const named =
      placeForms.has(subject) ||
      record.fact.subject
        .replace(/\([^)]*\)/g, " ")
        .trim()
        .split(/\s+/)
        .every((word) => ctx.isProperWord(word) || /^(of|the|de|la|al)$/i.test(word));
    if (!named) continue;
    for (const outer of record.answerForms)
      for (const inner of placeForms.get(subject) ?? [subject]) link(inner, outer);
  }
  // "held at Brackenfield Stadium in Dorvale", "from Sriharikota, India": a place the bank does not
  // locate, written where something happens and followed by the place that holds it. ("advisers
  // from Britain and France in Istanbul" places no country in a city: the bank locates France.)
  const kindsOf = (form: string) => [
    ...(ctx.entityByForm.get(form) ?? []).map((e) => lower(e.entity.kind) ?? ""),
    ...placeFacts.filter((r) => r.answerForms.includes(form)).map((r) => lower(r.fact.kind) ?? ""),
  ];
  const named = [...placeForms.keys()].filter((form) => form.length > 2 && containsWords(ctx.bodyNorm, form));
  // Sentence by sentence, commas kept as a word: "at Kestrel Point. Norland ..." places nothing.
  const sentences = ctx.bodySpaced
    .split(/(?<=\p{L}{3}|\d)[.!?;:]\s+/u)
    .map((sentence) => normaliseText(sentence.replace(/,/g, " qqcomma ")));
  for (const inner of named) {
    if ((ctx.entityByForm.get(inner) ?? []).some((e) => e.ancestors.length > 0)) continue;
    if (kindsOf(inner).some((kind) => CONTAINER_KINDS.has(kind))) continue;
    const holding = sentences.filter((sentence) => containsWords(sentence, inner));
    for (const outer of named) {
      if (inner === outer || containsWords(inner, outer) || containsWords(outer, inner)) continue;
      // "Sriharikota, India" only where the second is a country or region.
      const joiners = kindsOf(outer).some((kind) => CONTAINER_KINDS.has(kind)) ? ["in", "qqcomma"] : ["in"];
      const written = joiners.some((joiner) =>
        ["at", "in", "on", "from", "inside", "near"].some((prep) =>
          holding.some((sentence) => containsWords(sentence, `${prep} ${inner} ${joiner} ${outer}`)),
        ),
      );
      if (written) link(inner, outer);
    }
  }
  // Everything each place lies within, however many steps away.
  const closed = new Map<string, Set<string>>();
  for (const inner of direct.keys()) {
    const all = new Set<string>();
    const queue = [...(direct.get(inner) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (all.has(next) || next === inner) continue;
      all.add(next);
      for (const form of placeForms.get(next) ?? []) all.add(form);
      for (const form of [next, ...(placeForms.get(next) ?? [])]) queue.push(...(direct.get(form) ?? []));
    }
    closed.set(inner, all);
  }
  placeLinksOf.set(ctx, closed);
  return closed;
}

function containersOf(forms: readonly string[], ctx: GenerationContext): Set<string> {
  const links = placeContainers(ctx);
  return new Set(forms.flatMap((form) => [...(links.get(form) ?? [])]));
}

/** A place's kind as recorded, or as its name says ("Butte County", "Donetsk region"). */
const kindOf = (candidate: Candidate) =>
  candidate.kind ??
  lower(candidate.entity?.entity.kind) ??
  (candidate.type === "place"
    ? /\b(county|province|region|state|district|oblast|prefecture|territory)$/i
        .exec(candidate.text.trim())?.[1]
        ?.toLowerCase()
    : undefined);

/**
 * Why a place candidate could be as true as the answer: it lies within it or holds it (by the bank
 * or the article), or nothing says where one of them lies and the other is a country or region
 * that could hold it (a dateline "Sriharikota" against "India").
 */
function containmentReason(record: FactRecord, candidate: Candidate, ctx: GenerationContext): string | undefined {
  if (record.fact.type !== "place") return undefined;
  const answer = record.fact.answer;
  const answerContainers = containersOf(record.answerForms, ctx);
  if (candidate.forms.some((f) => answerContainers.has(f))) return `contains the answer (${answer} lies within it)`;
  const candidateContainers = containersOf(candidate.forms, ctx);
  if (record.answerForms.some((f) => candidateContainers.has(f))) return `lies inside the answer (${answer})`;
  // "in the Dundrum area of Dublin", "Butte County communities such as Paradise": a place the
  // fact's own sentence names beside the answer may hold it or lie within it, however it says so.
  const quoteNorm = normaliseText(record.fact.quote);
  if (candidate.forms.some((f) => f.length > 1 && containsWords(quoteNorm, f)))
    return `is named beside the answer in the fact's own sentence, so it may hold ${answer} or lie within it`;
  const answerKind = lower(record.fact.kind) ?? lower(record.entity?.entity.kind);
  const candidateKind = kindOf(candidate);
  if (candidateKind === answerKind) return undefined;
  // Only something smaller than a country or region lies in one: never a sea, a continent or another region.
  const canLieInside = (kind: string | undefined) => !kind || !(CONTAINER_KINDS.has(kind) || WIDE_KINDS.has(kind));
  if (answerContainers.size === 0 && canLieInside(answerKind) && candidateKind && CONTAINER_KINDS.has(candidateKind))
    return `may contain the answer: nothing says where ${answer} lies, and a ${candidateKind} could hold it`;
  if (candidateContainers.size === 0 && canLieInside(candidateKind) && answerKind && CONTAINER_KINDS.has(answerKind))
    return `may lie inside the answer: nothing says where ${candidate.text} lies, and ${answer} is a ${answerKind}`;
  return undefined;
}

/** The article's other answers for the same subject, of the same type (and verb, for all but places). */
function sameSubjectFacts(record: FactRecord, ctx: GenerationContext): FactRecord[] {
  const verb = (r: FactRecord) => r.relationRoot.split(" ")[0];
  return ctx.facts.filter(
    (other) =>
      other !== record &&
      other.fact.type === record.fact.type &&
      other.subjectKey === record.subjectKey &&
      (record.fact.type === "place" || record.fact.type === "role" || verb(other) === verb(record)),
  );
}

/**
 * Whether the article makes the candidate true of the fact's subject as well: another fact gives it
 * (or, for places, a place it lies within or holds) for the same subject.
 */
function alsoTrueReason(record: FactRecord, candidate: Candidate, ctx: GenerationContext): string | undefined {
  for (const other of sameSubjectFacts(record, ctx)) {
    const forms = other.answerForms;
    if (candidate.factKeys.includes(other.fact.key) || candidate.forms.some((f) => forms.includes(f)))
      return `is also right: fact "${other.fact.key}" gives it for ${record.fact.subject}`;
    if (record.fact.type !== "place") continue;
    // Held in Dorvale, so also held in the country holding Dorvale (not at every venue in Dorvale).
    const holders = containersOf(forms, ctx);
    if (candidate.forms.some((f) => holders.has(f)))
      return `is also right: fact "${other.fact.key}" gives ${other.fact.answer} for ${record.fact.subject}, which lies within it`;
  }
  return undefined;
}

/** "Kennedy Space Center" -> "center": a site's kind from its name, so that no city is offered against it. */
export function siteKind(name: string): string | undefined {
  // "Pad 39-A", "Hall 4", "Gate B": a site's number or letter follows its kind.
  const words = normaliseText(name).split(" ");
  while (words.length > 1 && /^(?:\d[\w]*|[a-z])$/.test(words.at(-1) ?? "")) words.pop();
  return SITE_WORDS.exec(words.join(" "))?.[0];
}

/** The kind of place a relation names its answer as ("held in the city of" -> city), if any. */
export function relationPlaceKind(relation: string): string | undefined {
  const match = /\b(?:the|a)\s+(city|town|village|country|region|state|province|capital)\s+of$/i.exec(
    relation.replace(/\([^)]*\)/g, " ").trim(),
  );
  return match?.[1]?.toLowerCase();
}

/**
 * Why a place fact cannot be asked or stated as its relation words it: "held in the city of
 * Brackenfield Stadium" names a venue (or a place the article puts inside a town) as a city.
 */
export function placeKindProblem(record: FactRecord, ctx: GenerationContext): string | undefined {
  const { fact } = record;
  if (fact.type !== "place") return undefined;
  const named = relationPlaceKind(fact.relation);
  if (!named) return undefined;
  const kind = lower(fact.kind) ?? lower(record.entity?.entity.kind);
  const answer = fact.answer.trim();
  const tooSmall = (why: string) => `“${answer}” is not a ${named} (${why}), so it cannot be asked as one`;
  if (kind && kind !== named && !(named === "city" && ["town", "capital"].includes(kind)))
    return tooSmall(`it is a ${kind}`);
  if (siteKind(answer)) return tooSmall("it names a site");
  if (named === "city" || named === "town" || named === "village") {
    const within = [...containersOf(record.answerForms, ctx)].find(
      (form) => !(ctx.entityByForm.get(form) ?? []).some((e) => CONTAINER_KINDS.has(lower(e.entity.kind) ?? "")),
    );
    if (within) return tooSmall(`the article places it in ${within}`);
  }
  return undefined;
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

const ROLE_FILLER = new Set(["of", "the", "a", "an", "for", "and", "s"]);

/** Whether every word of the post `part` (two or more) is a word of the post `whole`. */
function wordsWithin(part: string, whole: string): boolean {
  const words = part.split(" ").filter((w) => !ROLE_FILLER.has(w));
  if (words.length < 2) return false;
  const have = new Set(whole.split(" ").map((w) => w.replace(/s$/, "")));
  return words.every((w) => have.has(w.replace(/s$/, "")));
}

function overlaps(a: string, b: string): boolean {
  return a.length > 0 && b.length > 0 && (containsWords(a, b) || containsWords(b, a));
}

/** "Ana Lee and Tom Rye", "A, B and C": a person answer that names more than one person. */
function namesSeveral(text: string): boolean {
  return /\s(?:and|&)\s|,\s*\p{Lu}/u.test(text.trim());
}

/** "his Pakistani counterpart", "counterpart of the Prime Minister". */
function isCounterpart(role: string): boolean {
  return /\bcounterparts?\b/i.test(role);
}

/**
 * Why `candidate` must not be offered as a wrong answer for `record`, or undefined if it may.
 * `stemNorm` is the normalised text the question shows besides its options.
 */
/** Posts at the head of a government or state: "Prime Minister", "Turkey's Prime Minister", "President". */
function headsGovernment(post: string): boolean {
  const text = post.toLowerCase();
  if (/\b(vice|deputy|former|ex-|acting|assistant|adviser|advisor|aide|spokes\w*|office|secretary)\b/.test(text))
    return false;
  return /\b(prime minister|president|chancellor|premier|head of (?:state|government)|king|queen|emir|sultan)\b/.test(
    text,
  );
}

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
  const contained = containmentReason(record, candidate, ctx);
  if (contained !== undefined) return contained;
  const alsoTrue = alsoTrueReason(record, candidate, ctx);
  if (alsoTrue !== undefined) return alsoTrue;
  // "Laurent Gbagbo and Tidjane Thiam" among single people (or one person among pairs) is of
  // another kind at a glance: the odd one out is guessed without reading the article.
  if (fact.type === "person" && namesSeveral(fact.answer) !== namesSeveral(candidate.text))
    return namesSeveral(fact.answer)
      ? "names one person, and the answer several"
      : "names several people, and the answer one";
  if (fact.type === "role") {
    // A head of government's wrong options are other heads (a president, a chancellor) or the
    // posts of this article's own people: a minister's post from the bank is of another rank.
    if (headsGovernment(fact.answer) && !headsGovernment(candidate.text) && candidate.factKeys.length === 0)
      return "is a minister's or official's post, and the answer heads a government or state";
    // "Pakistani counterpart of Prime Minister X" says who the person is by another's post: it is
    // no post of its own to offer against one, nor one to offer against it.
    if (isCounterpart(candidate.text) || isCounterpart(fact.answer))
      return "is a counterpart of another person's post, not a post to choose among others";
    // An heiress is offered other descriptions of a person, never posts; a post never a description.
    const describedAnswer = isPersonalDescription(fact.answer);
    if (describedAnswer && !isPersonalDescription(candidate.text))
      return "is a post, and the answer describes a person without giving a post";
    if (!describedAnswer && isPersonalDescription(candidate.text))
      return "describes a person without giving a post, and the answer is a post";
    // "Foreign Minister" is true of Turkey's Foreign Minister; "Russian Defense Minister" may be
    // true of a "Defense Minister" whose country the answer does not say.
    const general = candidate.forms.find((f) => answerForms.some((a) => containsWords(a, f)));
    if (general !== undefined) return `is a more general form of the answer ("${general}"), so it is also right`;
    // "council leader" of the "Executive Leader of Fareham Borough Council": every word of it is the answer's.
    const scattered = candidate.forms.find((f) => answerForms.some((a) => wordsWithin(f, a)));
    if (scattered !== undefined) return `names the answer's post in other words ("${scattered}"), so it is also right`;
    if (!countryOfRole(fact.answer)) {
      const specific = candidate.forms.find((f) => answerForms.some((a) => containsWords(f, a)));
      if (specific !== undefined)
        return `is a more specific form of the answer ("${specific}"), so it could also be right`;
    }
    if (candidate.forms.some((f) => answerForms.some((a) => synonymousRoles(a, f))))
      return "may name the same job as the answer (a reporter is also a journalist), so it could also be right";
    const world = answerWorld(record, ctx);
    if (
      (world === "media" || isDescription(fact.answer)) &&
      [candidate.text, ...candidate.forms].some((f) =>
        [fact.answer, ...answerForms].some((a) => sameJobAnySetting(a, f)),
      )
    )
      return "is the same job in another setting (a guest host may also be a radio host), so it could also be right";
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
  // "Chinese Foreign Minister" from the bank, when the article also gives Wang Yi that post.
  for (const other of ctx.factByKey.values()) {
    if (other === record || other.relationRoot !== record.relationRoot || other.subjectKey !== record.subjectKey)
      continue;
    if (other.answerForms.some((a) => candidate.forms.includes(a)))
      return `is also right: fact "${other.fact.key}" gives it for the same subject and relation`;
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
  // Every word of the name: "Wang Yi" puts the family name first, and "Yi" is short.
  const surnames = new Set(names.flatMap((n) => n.split(" ")).filter((w) => w.length >= 2));
  const forms = candidate.forms.filter((f) => f.length >= 3);
  if (surnames.size === 0 || forms.length === 0) return undefined;
  const windows = wordWindows(ctx);
  for (const surname of surnames)
    for (const near of windows.get(surname) ?? [])
      if (forms.some((f) => containsWords(near, f))) return record.fact.subject;
  return undefined;
}

const wordWindowsOf = new WeakMap<GenerationContext, Map<string, string[]>>();

/** For each word of the article, the six words either side of each place it is written (within its sentence). */
function wordWindows(ctx: GenerationContext): Map<string, string[]> {
  const known = wordWindowsOf.get(ctx);
  if (known) return known;
  const windows = new Map<string, string[]>();
  for (const sentence of ctx.bodySpaced.split(/(?<=[.!?])\s+/)) {
    const words = normaliseText(sentence).split(" ");
    for (const [at, word] of words.entries()) {
      if (word.length < 3) continue;
      const list = windows.get(word) ?? [];
      list.push(words.slice(Math.max(0, at - 6), at + 7).join(" "));
      windows.set(word, list);
    }
  }
  wordWindowsOf.set(ctx, windows);
  return windows;
}

const PERSON_KIND_LENIENT = true;

/** Whether a candidate is of the answer's kind closely enough to be offered at all. */
function kindReason(record: FactRecord, candidate: Candidate, answerKind: string | undefined): string | undefined {
  // A place the article names without a kind is still a site by its name ("International Space Station").
  const kind = candidate.kind ?? (record.fact.type === "place" ? siteKind(candidate.text) : undefined);
  if (!answerKind || !kind || candidate.source === "generated") return undefined;
  if (kind === answerKind) return undefined;
  switch (record.fact.type) {
    case "place":
    case "role":
      return `is another kind (${kind}, not ${answerKind})`;
    case "organisation": {
      const family = ORG_FAMILIES[answerKind];
      return family && ORG_FAMILIES[kind] === family ? undefined : `is another kind (${kind}, not ${answerKind})`;
    }
    case "person":
      // Anyone the article names is a plausible "who"; an unrelated official from the bank is not.
      return PERSON_KIND_LENIENT && candidate.inArticle ? undefined : `is another kind (${kind}, not ${answerKind})`;
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

/** A place in the same wider region as the answer (its continent): Damascus before Atlanta for Beirut. */
function nearby(record: FactRecord, candidate: Candidate): boolean {
  if (record.fact.type !== "place") return false;
  const wider = record.entity?.ancestors.slice(1) ?? [];
  return wider.some((key) => candidate.entity?.ancestors.includes(key));
}

/** All candidates for a fact, split into usable (ranked) and excluded (with reasons). */
const COMPASS: Record<string, string[]> = {
  northern: ["n"],
  southern: ["s"],
  eastern: ["e"],
  western: ["w"],
  northeastern: ["n", "e"],
  northwestern: ["n", "w"],
  southeastern: ["s", "e"],
  southwestern: ["s", "w"],
};
const OPPOSITE: Record<string, string> = { n: "s", s: "n", e: "w", w: "e" };

/**
 * "northwestern Syria": the other parts of the same country that cannot hold the answer
 * (southern, eastern and southeastern Syria). A city of the country might lie in the part named,
 * and a city elsewhere would not be of the question's world: so only these.
 */
function compassCandidates(answer: string): Candidate[] | undefined {
  const match =
    /^(north|south)?-?(east|west)?ern\s+(\p{Lu}.*)$|^(northern|southern|eastern|western)\s+(\p{Lu}.*)$/iu.exec(
      answer.trim(),
    );
  if (!match) return undefined;
  const direction = (match[4] ?? `${match[1] ?? ""}${match[2] ?? ""}ern`).toLowerCase();
  const place = match[3] ?? match[5] ?? "";
  const own = COMPASS[direction];
  if (!own || !place) return undefined;
  return Object.entries(COMPASS)
    .filter(
      ([, parts]) => parts.every((p) => !own.includes(p)) && parts.some((p) => own.some((o) => OPPOSITE[o] === p)),
    )
    .map(([name], i) => generated(`${name} ${place}`, "place", i));
}

export function buildDistractorPool(record: FactRecord, ctx: GenerationContext, stemText: string): DistractorPool {
  const { fact } = record;
  // "held in the city of": the options are cities, whatever else the article names.
  const answerKind =
    lower(fact.kind) ??
    lower(record.entity?.entity.kind) ??
    (fact.type === "place" ? (relationPlaceKind(fact.relation) ?? siteKind(fact.answer)) : undefined);
  let candidates: Candidate[];
  const compass = fact.type === "place" ? compassCandidates(fact.answer) : undefined;
  if (compass) candidates = compass;
  else
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
    // "Deir Sharki" against "northwestern Syria": the region may hold the place, so both may be true.
    const region =
      fact.type === "place" && !compass && compassCandidates(candidate.text)
        ? "a part of a country that may hold the answer"
        : undefined;
    const reason =
      region ?? exclusionReason(record, candidate, ctx, stemNorm) ?? kindReason(record, candidate, answerKind);
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
    relatedTo(record, c) ? 0 : nearby(record, c) ? 1 : 2,
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
