// Named things a question can ask for by name ("What was the name of the typhoon?"): a storm or
// an operation named after its class noun ("Typhoon Mirae", "Operation Lantern"), a rocket, an
// engine or a mission named before it ("the Vega-7 rocket"). The class noun is the subject, so it
// must name one thing in the article: a class noun with two names drafts none.
import { add, type Context } from "./draft";

/** "Typhoon Mirae", "Tropical Storm Ana", "Operation Lantern". */
const NAME_AFTER =
  /\b(Typhoon|Cyclone|Hurricane|Tropical Storm|Storm|Operation)\s+(\p{Lu}[\p{L}\d'’-]*(?:\s+\p{Lu}[\p{L}\d-]*)?)(?!['’]s\b)/gu;

/**
 * "the Vega-7 rocket", "the Geostationary Launch Vehicle Mk-III rocket": capitalised words before
 * a class noun, with a number in them (a model's name, not "the Indian satellite" or a maker's
 * "Space-X rocket").
 */
const NAME_BEFORE =
  /(?<![\p{L}\d'’-])((?:\p{Lu}[\p{L}\d.-]*|\d[\p{L}\d-]*)(?:\s+(?:\p{Lu}[\p{L}\d.-]*|\d[\p{L}\d-]*)){0,5})\s+(rocket|satellite|spacecraft|engine|mission|probe|telescope|capsule|launcher)\b/gu;
const CLASS_NOUNS =
  "rocket|satellite|spacecraft|engine|probe|telescope|capsule|launcher|vehicle|vessel|ship|aircraft|drone|missile";

/** "43.5-metre", "641-tonne": a measure, not a name. */
const MEASURE = /^\d[\d.,]*-\p{Ll}/u;
/** A model's name has a number in it: "Vega-7", "K-40", "Mk-III", "Lunaris-II" ("Space-X" is a maker). */
const MODEL = /\d|-(?:II|III|IV|VI|VII|VIII|IX)\b/;

const NOT_NAME = /^(The|A|An|Its|His|Her|Their|This|That|These|Our|In|On|At|As|For|Of|And|But|With)$/;

/** "the Orbis-4, an advanced weather satellite,": what kind of thing a model is. */
const MODEL_APPOSITIVE = new RegExp(
  `(?<![\\p{L}\\d-])(\\p{Lu}[\\p{L}]*-?\\d[\\p{L}\\d-]*), an? ((?:[\\p{Ll}-]+ ){0,3}(?:${CLASS_NOUNS}))(?=[,.;)]| into| to| for| that| which)`,
  "gu",
);

export function findNamedThings(ctx: Context): void {
  const found = new Map<string, { name: string; index: number }[]>();
  const note = (noun: string, name: string, index: number) => {
    const list = found.get(noun) ?? [];
    list.push({ name, index });
    found.set(noun, list);
  };
  ctx.sentences.forEach((sentence, index) => {
    for (const match of sentence.text.matchAll(NAME_AFTER)) {
      const head = match[1] ?? "";
      const noun = head === "Tropical Storm" ? "storm" : head.toLowerCase();
      note(noun, `${head} ${match[2]}`, index);
    }
    for (const match of sentence.text.matchAll(NAME_BEFORE)) {
      const words = (match[1] ?? "").split(/\s+/);
      // "The 641-tonne ... rocket": an article and a measure before the name are no part of it.
      while (words.length > 0 && (NOT_NAME.test(words[0] ?? "") || MEASURE.test(words[0] ?? ""))) words.shift();
      const name = words.join(" ");
      if (!name || !MODEL.test(name) || words.some((w) => MEASURE.test(w)) || /['’]s\b/.test(name)) continue;
      note(match[2] ?? "", name, index);
    }
  });
  const typed = new Set<string>();
  ctx.sentences.forEach((sentence, index) => {
    for (const match of sentence.text.matchAll(MODEL_APPOSITIVE)) {
      const name = match[1] ?? "";
      if (typed.has(name)) continue;
      typed.add(name);
      add(ctx, index, {
        kind: "relation",
        subject: name,
        relation: "type",
        answer: match[2] ?? "",
        type: "phrase",
        confidence: 0.6,
      });
    }
  });
  for (const [noun, mentions] of found) {
    const distinct = new Set(mentions.map((m) => m.name.toLowerCase()));
    const first = mentions[0];
    if (distinct.size !== 1 || !first) continue;
    add(ctx, first.index, {
      kind: "relation",
      subject: `the ${noun}`,
      relation: "name",
      answer: first.name,
      type: "phrase",
      confidence: 0.6,
    });
  }
}
