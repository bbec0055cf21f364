import { describe, expect, it } from "vitest";

import { parseDate } from "@/lib/questions/dates";
import { generateQuestions } from "@/lib/questions/generate";
import { seededRandom, stableKey } from "@/lib/questions/hash";
import { normaliseAnswer, normaliseText } from "@/lib/questions/normalise";
import { parseNumber } from "@/lib/questions/numbers";
import {
  ELECTION_ARTICLE,
  ELECTION_ENTITIES,
  ELECTION_FACTS,
  makeEntity,
  makeFact,
  SEED_SLUG,
  seedInput,
} from "@/lib/questions/test-fixtures";
import {
  GENERATOR_VERSION,
  type GeneratedQuestion,
  type GeneratorArticle,
  type GeneratorEntity,
  type GeneratorFact,
  type QuestionTypeName,
} from "@/lib/questions/types";

const seed = seedInput();
const questions = generateQuestions(seed.article, seed.facts, seed.entities);
const served = questions.filter((q) => !q.heldBackReason);
const ALL_TYPES: QuestionTypeName[] = [
  "MULTIPLE_CHOICE",
  "TRUE_FALSE",
  "FILL_BLANK",
  "NUMERIC",
  "MATCHING",
  "ORDERING",
];

function correctText(q: GeneratedQuestion): string | undefined {
  return q.options.find((o) => o.isCorrect)?.text;
}

describe("the seed article", () => {
  it("yields at least 80 served questions covering all six types", () => {
    expect(served.length).toBeGreaterThanOrEqual(80);
    expect(new Set(served.map((q) => q.type))).toEqual(new Set(ALL_TYPES));
  });

  it("asks who led each delegation", () => {
    const russian = served.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "russian-delegation-head");
    const ukrainian = served.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "ukrainian-delegation-head");
    expect(correctText(russian!)).toBe("Vladimir Medinsky");
    expect(correctText(ukrainian!)).toBe("Rustem Umerov");
    expect(
      served.find((q) => q.type === "FILL_BLANK" && q.factKeys[0] === "ukrainian-delegation-head")?.answerText,
    ).toBe("Rustem Umerov");
  });

  it("asks how many prisoners of war each side agreed to exchange", () => {
    const numeric = served.find((q) => q.type === "NUMERIC" && q.factKeys[0] === "pow-exchange-count")!;
    expect(numeric.answerNumber).toBe(1000);
    expect(numeric.tolerance).toBe(0);
    const mc = served.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "pow-exchange-count")!;
    expect(correctText(mc)).toBe("1,000");
    expect(mc.stem).toMatch(/how many prisoners of war/);
  });

  it("asks who chaired the meeting", () => {
    const chair = served.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "meeting-chair")!;
    expect(correctText(chair)).toBe("Hakan Fidan");
    expect(chair.stem).toBe("According to CNN, who chaired the Russia-Ukraine meeting in Istanbul?");
  });

  it("gives every question an explanation and its verbatim quote", () => {
    for (const q of questions) {
      expect(q.explanation.length, q.key).toBeGreaterThan(10);
      expect(q.quote.length, q.key).toBeGreaterThan(0);
      for (const part of q.quote.split(" … "))
        expect(seed.article.body.replace(/\s+/g, " ")).toContain(part.replace(/\s+/g, " "));
    }
  });

  it("keeps every held-back question with a reason a teacher can read", () => {
    const held = questions.filter((q) => q.heldBackReason);
    expect(held.length).toBeGreaterThan(0);
    for (const q of held) expect(q.heldBackReason).toMatch(/^[a-z"“]/);
  });

  it("never shows the answer in a stem, except in a true statement", () => {
    for (const q of served) {
      if (q.type === "TRUE_FALSE" && q.options[0]?.isCorrect) continue;
      const stem = normaliseText(q.stem);
      for (const form of q.answerForms ?? [])
        expect(` ${stem} `.includes(` ${form} `), `${q.stem} shows ${form}`).toBe(false);
    }
  });

  it("gives true/false questions exactly True and False", () => {
    for (const q of questions.filter((q) => q.type === "TRUE_FALSE"))
      expect(q.options.map((o) => o.text)).toEqual(["True", "False"]);
  });

  it("marks a swap from the entity bank as the article's word, not the world's", () => {
    const swapped = served.find(
      (q) => q.type === "TRUE_FALSE" && q.factKeys[0] === "russian-delegation-head" && !q.options[0]?.isCorrect,
    )!;
    expect(swapped.stem).toMatch(/^True or false\? According to the article, the Russian delegation was headed by /);
    expect(swapped.explanation).toMatch(/^False\. The article names Vladimir Medinsky, not /);
  });

  it("writes a post's options alike: never only the right one with capitals", () => {
    const roleFacts = new Set(seed.facts.filter((f) => f.type === "role").map((f) => f.key));
    const posts = served.filter((q) => q.type === "MULTIPLE_CHOICE" && roleFacts.has(q.factKeys[0] ?? ""));
    expect(posts.length).toBeGreaterThan(3);
    const titled = (text: string) =>
      text.split(" ").every((w) => /^\p{Lu}/u.test(w) || /^(of|the|for|and|to|in|at|on|a|an)$/.test(w));
    for (const q of posts) expect(new Set(q.options.map((o) => titled(o.text))).size, q.stem).toBe(1);
  });
});

describe("determinism", () => {
  it("gives byte-identical output for the same input", () => {
    const again = generateQuestions(seedInput().article, seedInput().facts, seedInput().entities);
    expect(JSON.stringify(again)).toBe(JSON.stringify(questions));
  });

  it("does not depend on the order of the entity bank", () => {
    const reversed = generateQuestions(seed.article, seed.facts, [...seed.entities].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(questions));
  });

  it("keys questions by generator version, type, facts and variant: unique, and never by wording", () => {
    expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
    const mc = questions.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "talks-city")!;
    expect(mc.key).toBe(stableKey([GENERATOR_VERSION, "MULTIPLE_CHOICE", `${SEED_SLUG}#talks-city`, "mc"]));

    const edited = seed.facts.map((f) =>
      f.key === "talks-city"
        ? {
            ...f,
            subject: "Direct talks between Russia and Ukraine",
            aliases: ["Constantinople"],
            quote: "held direct talks in Istanbul on Friday",
          }
        : f,
    );
    const after = generateQuestions(seed.article, edited, seed.entities);
    const keysOf = (list: GeneratedQuestion[]) =>
      list.filter((q) => q.factKeys.includes("talks-city")).map((q) => `${q.type}:${q.key}`);
    expect(keysOf(after)).toEqual(keysOf(questions));
    expect(after.find((q) => q.key === mc.key)?.stem).not.toBe(mc.stem);
  });

  it("shuffles options by a seeded hash, so the right answer is not always in the same place", () => {
    const positions = served
      .filter((q) => q.type === "MULTIPLE_CHOICE")
      .map((q) => q.options.findIndex((o) => o.isCorrect));
    expect(new Set(positions).size).toBe(4);
  });
});

describe("superseded facts", () => {
  it("generate nothing, and leave other questions as they were", () => {
    const facts = seed.facts.map((f) => (f.key === "pow-exchange-count" ? { ...f, superseded: true } : f));
    const after = generateQuestions(seed.article, facts, seed.entities);
    expect(after.some((q) => q.factKeys.includes("pow-exchange-count"))).toBe(false);
    const before = new Map(questions.map((q) => [q.key, q]));
    const unchanged = after.filter((q) => q.factKeys[0] === "russian-delegation-head" && q.type === "MULTIPLE_CHOICE");
    expect(unchanged.map((q) => q.key)).toEqual(
      [...before.values()]
        .filter((q) => q.factKeys[0] === "russian-delegation-head" && q.type === "MULTIPLE_CHOICE")
        .map((q) => q.key),
    );
  });
});

// --- property: every multiple-choice question has exactly one right option -----------------------

function satisfies(fact: GeneratorFact, text: string, entities: GeneratorEntity[]): boolean {
  if (fact.type === "date") return parseDate(text) === fact.answer;
  if (fact.type === "number") return parseNumber(text) === parseNumber(fact.answer);
  const forms = new Set([fact.answer, ...fact.aliases].map(normaliseAnswer));
  const entity = entities.find(
    (e) => e.type === fact.type && [e.name, ...e.aliases].some((n) => forms.has(normaliseAnswer(n))),
  );
  if (entity) for (const n of [entity.name, ...entity.aliases]) forms.add(normaliseAnswer(n));
  return forms.has(normaliseAnswer(text));
}

function checkMultipleChoice(list: GeneratedQuestion[], facts: GeneratorFact[], entities: GeneratorEntity[]): number {
  const byKey = new Map(facts.map((f) => [f.key, f]));
  const stripNotes = (s: string) => normaliseText(s.replace(/\([^)]*\)/g, " "));
  let checked = 0;
  for (const q of list.filter((q) => q.type === "MULTIPLE_CHOICE" && q.options.length === 4)) {
    const fact = byKey.get(q.factKeys[0]!)!;
    const right = q.options.filter((o) => satisfies(fact, o.text, entities));
    expect(right, q.stem).toHaveLength(1);
    expect(right[0]?.isCorrect, q.stem).toBe(true);
    const sameQuestion = facts.filter(
      (g) => g !== fact && stripNotes(g.subject) === stripNotes(fact.subject) && g.relation === fact.relation,
    );
    for (const option of q.options.filter((o) => !o.isCorrect)) {
      for (const other of sameQuestion)
        expect(satisfies(other, option.text, entities), `${q.stem}: ${option.text}`).toBe(false);
    }
    checked++;
  }
  return checked;
}

describe("property: exactly one option satisfies the fact", () => {
  it("holds for every multiple-choice question of the seed article", () => {
    expect(checkMultipleChoice(questions, seed.facts, seed.entities)).toBeGreaterThanOrEqual(60);
  });

  it("holds for many synthetic articles with shared subjects and relations", () => {
    const people = [
      "Ada Byrne",
      "Bela Novak",
      "Cara Dunne",
      "Dev Patel",
      "Emil Roth",
      "Faye Lund",
      "Gus Moran",
      "Hana Ito",
      "Ivo Kral",
      "Jon Aas",
    ];
    const cities = ["Amberly", "Brisco", "Caldera", "Dunmore", "Eastwick", "Fairhaven", "Glenrock", "Harlow"];
    const events = ["summit", "trade fair", "peace conference", "film festival", "marathon", "chess final"];
    let checked = 0;
    for (let trial = 0; trial < 25; trial++) {
      const random = seededRandom(`trial-${trial}`);
      const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
      const entities: GeneratorEntity[] = [
        makeEntity("land", "Westland", "place", { kind: "country" }),
        ...cities.map((c, i) => makeEntity(`city-${i}`, c, "place", { kind: "city", within: "land" })),
        ...people.map((p, i) =>
          makeEntity(`person-${i}`, p, "person", {
            kind: i % 2 ? "mayor" : "minister",
            country: "Westland",
            aliases: [p.split(" ")[1]!],
          }),
        ),
      ];
      const sentences: string[] = [];
      const facts: GeneratorFact[] = [];
      events.forEach((event, i) => {
        const city = pick(cities);
        const host = pick(people);
        const guest = pick(people.filter((p) => p !== host));
        sentences.push(
          `The ${event} was held in ${city}.`,
          `It was opened by ${host}.`,
          `The ${event} was attended by ${host} and by ${guest}.`,
        );
        facts.push(
          makeFact({
            key: `e${i}-city`,
            subject: `${event} in Westland`,
            relation: "held in",
            answer: city,
            type: "place",
            kind: "city",
            quote: `The ${event} was held in ${city}.`,
          }),
          makeFact({
            key: `e${i}-opened`,
            subject: `${event} in Westland`,
            relation: "opened by",
            answer: host,
            kind: "minister",
            aliases: [host.split(" ")[1]!],
            quote: `It was opened by ${host}.`,
          }),
          makeFact({
            key: `e${i}-guest-a`,
            subject: `${event}`,
            relation: "attended by",
            answer: host,
            kind: "minister",
            quote: `attended by ${host}`,
          }),
          makeFact({
            key: `e${i}-guest-b`,
            subject: `${event}`,
            relation: "attended by",
            answer: guest,
            kind: "minister",
            quote: `and by ${guest}.`,
          }),
        );
      });
      const body = sentences.join(" ");
      const syntheticArticle: GeneratorArticle = {
        slug: `synthetic-${trial}`,
        title: "Events",
        outlet: "Test",
        publishedOn: "2024-06-01",
        body,
      };
      checked += checkMultipleChoice(generateQuestions(syntheticArticle, facts, entities), facts, entities);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("holds for the election article", () => {
    const list = generateQuestions(ELECTION_ARTICLE, ELECTION_FACTS, ELECTION_ENTITIES);
    expect(checkMultipleChoice(list, ELECTION_FACTS, ELECTION_ENTITIES)).toBeGreaterThanOrEqual(10);
  });
});

describe("another article on another subject", () => {
  const election = generateQuestions(ELECTION_ARTICLE, ELECTION_FACTS, ELECTION_ENTITIES);
  const electionServed = election.filter((q) => !q.heldBackReason);

  it("yields every type it has facts for", () => {
    expect(new Set(electionServed.map((q) => q.type))).toEqual(
      new Set(["MULTIPLE_CHOICE", "TRUE_FALSE", "FILL_BLANK", "NUMERIC", "ORDERING"]),
    );
    expect(electionServed.length).toBeGreaterThanOrEqual(40);
  });

  it("uses its own entity bank for distractors", () => {
    const court = electionServed.find(
      (q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "challenge-rejected-by",
    )!;
    expect(court.options.map((o) => o.text).sort()).toEqual([
      "Constitutional Court",
      "Court of Appeal",
      "High Court",
      "Supreme Court",
    ]);
  });

  it("grades figures with the tolerance their qualifier implies", () => {
    const turnout = electionServed.find((q) => q.type === "NUMERIC" && q.factKeys[0] === "turnout")!;
    expect([turnout.answerNumber, turnout.tolerance]).toEqual([61, 6]);
    const stations = electionServed.find((q) => q.type === "NUMERIC" && q.factKeys[0] === "polling-stations")!;
    expect([turnout.answerText, stations.answerNumber, stations.tolerance]).toEqual(["about 61 percent", 3200, 0]);
  });

  it("orders the election's dated events", () => {
    const ordering = electionServed.find((q) => q.type === "ORDERING")!;
    const inOrder = [...ordering.options].sort((a, b) => a.correctPosition! - b.correctPosition!).map((o) => o.text);
    expect(inOrder).toEqual([
      "The first round of the presidential election was held",
      "The Supreme Court ruling rejecting a challenge to the first-round results was issued",
      "The presidential run-off was held",
      "Marta Kessel's swearing-in",
    ]);
  });
});

describe("matching places to events", () => {
  it("pairs four events with the cities they were held in", () => {
    const events = [
      ["summit", "Amberly"],
      ["trade fair", "Brisco"],
      ["film festival", "Caldera"],
      ["chess final", "Dunmore"],
    ] as const;
    const body = events.map(([event, city]) => `The ${event} was held in ${city}.`).join(" ");
    const facts = events.map(([event, city], i) =>
      makeFact({
        key: `event-${i}`,
        subject: `${event} in Westland`,
        relation: "held in",
        answer: city,
        type: "place",
        kind: "city",
        quote: `The ${event} was held in ${city}.`,
      }),
    );
    const entities = [
      makeEntity("westland", "Westland", "place", { kind: "country" }),
      ...["Amberly", "Brisco", "Caldera", "Dunmore", "Eastwick", "Fairhaven"].map((c) =>
        makeEntity(c.toLowerCase(), c, "place", { kind: "city", within: "westland" }),
      ),
    ];
    const list = generateQuestions(
      { slug: "events", title: "Events", outlet: "Test", publishedOn: "2024-06-01", body },
      facts,
      entities,
    );
    const matching = list.find((q) => q.type === "MATCHING")!;
    expect(matching.heldBackReason).toBeUndefined();
    expect(matching.stem).toBe("Match each event to the city where it was held.");
    expect(Object.fromEntries(matching.options.map((o) => [o.text, o.matchText]))).toEqual({
      "The summit in Westland": "Amberly",
      "The trade fair in Westland": "Brisco",
      "The film festival in Westland": "Caldera",
      "The chess final in Westland": "Dunmore",
    });
  });
});
