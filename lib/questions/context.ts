// Everything generation needs to know about one article, computed once: the entity bank indexed
// by every writing of every name, each fact's answer resolved to an entity where it names one,
// and which words the article itself capitalises (so "Russian delegation" becomes "the Russian
// delegation" but "Scheduled negotiation" becomes "the scheduled negotiation").
import { isIsoDate } from "@/lib/questions/dates";
import { analyseVerb, ADVERBS } from "@/lib/questions/english";
import { containsWords, normaliseAnswer, normaliseText } from "@/lib/questions/normalise";
import type { GeneratorArticle, GeneratorEntity, GeneratorFact } from "@/lib/questions/types";

export interface EntityRecord {
  entity: GeneratorEntity;
  /** Normalised name and aliases. */
  forms: string[];
  /** Keys of the places this one lies within, nearest first. */
  ancestors: string[];
  /** The article names it. */
  inArticle: boolean;
}

export interface FactRecord {
  fact: GeneratorFact;
  /** Position in the facts file: earlier facts are the article's main points. */
  index: number;
  /** Normalised answer and aliases, plus the resolved entity's name and aliases. */
  answerForms: string[];
  /** The entity the answer names, if the bank has it. */
  entity?: EntityRecord;
  /** The entity the subject names ("Hakan Fidan" for his role), if any. */
  subjectEntity?: EntityRecord;
  /** The relation reduced to its verb base and preposition: "headed by" and "led by" -> "lead by". */
  relationRoot: string;
  /** The subject without its notes, normalised: two facts with the same key ask about the same thing. */
  subjectKey: string;
}

export interface GenerationContext {
  article: GeneratorArticle;
  /** The body with runs of blank lines collapsed (paragraphs stay apart). */
  body: string;
  /** The body as one line, single-spaced. */
  bodySpaced: string;
  /** The paragraphs, each single-spaced. */
  paragraphs: string[];
  bodyNorm: string;
  /** Normalised answers of all facts. */
  answerNorms: Set<string>;
  entities: EntityRecord[];
  /** The entities of each type. */
  entitiesByType: Map<string, EntityRecord[]>;
  entityByKey: Map<string, EntityRecord>;
  /** Entities by each normalised writing of their name. */
  entityByForm: Map<string, EntityRecord[]>;
  /** The facts that generate questions (not superseded), in file order. */
  facts: FactRecord[];
  factByKey: Map<string, FactRecord>;
  /** Whether the article writes this word with a capital letter (a name, or a word like "Russian"). */
  isProperWord(word: string): boolean;
  /** A name as it reads in running text: "the BBC", "the Dolmabahce Palace", "CNN". */
  runningName(name: string): string;
}

/** Synonymous relation verbs: asking who "headed" or who "led" something is the same question. */
const SYNONYMS: Record<string, string> = { head: "lead", chair: "lead", helm: "lead" };

export function relationRoot(relation: string): string {
  const words = relation
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && ADVERBS.has(words[0] ?? "")) words.shift();
  // "works at the academy" and "works at the institute" ask the same thing.
  if (words.length >= 3 && words.at(-2) === "the") words.splice(-2, 2);
  return words
    .map((word) => {
      const verb = analyseVerb(word);
      const base = verb?.base ?? word;
      return SYNONYMS[base] ?? base;
    })
    .join(" ");
}

function ancestorsOf(entity: GeneratorEntity, byKey: Map<string, GeneratorEntity>): string[] {
  const chain: string[] = [];
  const seen = new Set([entity.key]);
  for (let at = entity.within ? byKey.get(entity.within) : undefined; at && !seen.has(at.key);) {
    chain.push(at.key);
    seen.add(at.key);
    at = at.within ? byKey.get(at.within) : undefined;
  }
  return chain;
}

const THE_WORDS = new Set(
  (
    "times post institute institutes academy university ministry council organisation organization union nations " +
    "agency commission court party group club bank fund department committee assembly parliament senate community " +
    "office guardian kremlin pentagon palace complex sea ocean region republic kingdom states emirates netherlands " +
    "philippines federation alliance association forum foundation centre center service corporation observatory " +
    "cathedral museum square bridge river lake mountains islands gulf strait peninsula oblast province"
  ).split(" "),
);

/** Counts how the body capitalises each word away from the start of a sentence. */
function capitalisation(body: string): { proper: Set<string>; common: Set<string> } {
  const proper = new Set<string>();
  const common = new Set<string>();
  const pattern = /[\p{L}][\p{L}'’]*/gu;
  for (const paragraph of body.split(/\n\s*\n/)) {
    for (const match of paragraph.matchAll(pattern)) {
      const start = match.index;
      const before = paragraph.slice(Math.max(0, start - 3), start);
      const sentenceStart = start === 0 || /(?:[.!?:]["”’)]?\s+|^\s*|["“(]\s*)$/.test(before) || /^#+\s*$/.test(before);
      const word = match[0].replace(/['’]s?$/, "");
      const lower = word.toLowerCase();
      for (const part of [lower, ...lower.split("-")]) {
        if (!part) continue;
        if (word.charAt(0) === word.charAt(0).toLowerCase()) common.add(part);
        else if (!sentenceStart) proper.add(part);
      }
    }
  }
  return { proper, common };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function buildContext(
  article: GeneratorArticle,
  facts: readonly GeneratorFact[],
  entities: readonly GeneratorEntity[],
): GenerationContext {
  const body = article.body.replace(/[ \t]+/g, " ").replace(/\s*\n\s*\n\s*/g, "\n\n");
  const bodyNorm = normaliseText(body);
  const rawByKey = new Map(entities.map((e) => [e.key, e]));
  const records: EntityRecord[] = entities.map((entity) => {
    const forms = [...new Set([entity.name, ...entity.aliases].map(normaliseAnswer).filter(Boolean))];
    return {
      entity,
      forms,
      ancestors: ancestorsOf(entity, rawByKey),
      inArticle: forms.some((form) => form.length > 2 && containsWords(bodyNorm, form)),
    };
  });
  const entityByKey = new Map(records.map((r) => [r.entity.key, r]));
  const entityByForm = new Map<string, EntityRecord[]>();
  for (const record of records) {
    for (const form of record.forms) {
      const list = entityByForm.get(form) ?? [];
      list.push(record);
      entityByForm.set(form, list);
    }
  }

  const { proper, common } = capitalisation(article.body);
  const nameWords = new Set<string>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      for (const word of name.split(/[\s-]+/))
        if (/^\p{Lu}/u.test(word)) nameWords.add(word.toLowerCase().replace(/['’]s?$/, ""));
    }
  }
  const isProperWord = (word: string): boolean => {
    const lower = word.toLowerCase().replace(/['’]s?$/, "");
    if (!/^\p{L}/u.test(lower)) return false;
    if (/^\p{Lu}{2,}/u.test(word)) return true;
    const parts = lower.split("-");
    const head = parts[0] ?? lower;
    if (common.has(lower) || (parts.length > 1 && common.has(head) && !proper.has(head))) return false;
    return proper.has(lower) || proper.has(head) || nameWords.has(lower) || nameWords.has(head);
  };

  const runningName = (name: string): string => {
    const trimmed = name.trim();
    if (/^the\s/i.test(trimmed)) return `the ${trimmed.slice(4)}`;
    const norm = normaliseAnswer(trimmed);
    const matches = entityByForm.get(norm) ?? [];
    const withThe = new RegExp(`\\bthe ${trimmed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`);
    for (const match of matches) {
      if (match.entity.type === "person" || match.entity.type === "role") return trimmed;
      // Only organisations: "the Ukraine crisis" does not make the country "the Ukraine".
      if (match.entity.type !== "organisation") continue;
      const hasTheAlias = [match.entity.name, ...match.entity.aliases].some((a) => /^the\s/i.test(a.trim()));
      const isAcronym = /^[A-Z]{2,5}$/.test(trimmed);
      if ((hasTheAlias && isAcronym) || withThe.test(body)) return `the ${trimmed}`;
    }
    const words = trimmed.split(/\s+/);
    if (/['’]s?$/.test(words[0] ?? "")) return trimmed;
    const isNamedPlace = matches.some((m) => m.entity.type === "place" || m.entity.type === "organisation");
    if ((isNamedPlace || words.length > 1) && words.some((w) => THE_WORDS.has(w.toLowerCase())))
      return `the ${trimmed}`;
    return trimmed;
  };

  const factRecords: FactRecord[] = [];
  facts.forEach((fact, index) => {
    if (fact.superseded) return;
    const answerForms = new Set([fact.answer, ...fact.aliases].map(normaliseAnswer).filter(Boolean));
    let entity: EntityRecord | undefined;
    if (!["number", "date", "phrase"].includes(fact.type)) {
      for (const form of [...answerForms]) {
        const found = (entityByForm.get(form) ?? []).find((r) => r.entity.type === fact.type);
        if (found) {
          entity = found;
          break;
        }
      }
    }
    if (entity) for (const form of entity.forms) answerForms.add(form);
    if (fact.type === "date" && isIsoDate(fact.answer)) answerForms.add(normaliseText(fact.answer));
    const subjectKey = normaliseText(fact.subject.replace(/\([^)]*\)/g, " "));
    const subjectEntity = (entityByForm.get(subjectKey.replace(/^(the|a|an) /, "")) ?? [])[0];
    factRecords.push({
      fact,
      index,
      answerForms: [...answerForms],
      entity,
      subjectEntity,
      relationRoot: relationRoot(fact.relation),
      subjectKey,
    });
  });

  return {
    article,
    body,
    bodySpaced: body.replace(/\s+/g, " ").trim(),
    paragraphs: body.split("\n\n").map((p) => p.replace(/\s+/g, " ").trim()),
    bodyNorm,
    answerNorms: new Set(factRecords.map((r) => normaliseText(r.fact.answer))),
    entities: records,
    entitiesByType: groupBy(records, (r) => r.entity.type),
    entityByKey,
    entityByForm,
    facts: factRecords,
    factByKey: new Map(factRecords.map((r) => [r.fact.key, r])),
    isProperWord,
    runningName,
  };
}
