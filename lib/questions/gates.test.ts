import { describe, expect, it } from "vitest";

import { buildContext } from "@/lib/questions/context";
import { buildDistractorPool, type Candidate } from "@/lib/questions/distractors";
import { checkDraft, givesAway, revealingForms, type QuestionDraft } from "@/lib/questions/gates";
import { generateQuestions } from "@/lib/questions/generate";
import { makeEntity, makeFact, generateSeedQuestions } from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion, GeneratorArticle, GeneratorEntity, GeneratorFact } from "@/lib/questions/types";

const seedQuestions = generateSeedQuestions();
const find = (type: string, key: string, trueStatement?: boolean) =>
  seedQuestions.find(
    (q) =>
      q.type === type &&
      q.factKeys.includes(key) &&
      (trueStatement === undefined || q.options[0]?.isCorrect === trueStatement),
  )!;

const article = (body: string): GeneratorArticle => ({
  slug: "gate-test",
  title: "Gate test",
  outlet: "Test Post",
  publishedOn: "2024-11-04",
  body,
});
const cities: GeneratorEntity[] = [
  makeEntity("turkey", "Turkey", "place", { kind: "country" }),
  makeEntity("istanbul", "Istanbul", "place", { kind: "city", within: "turkey" }),
  makeEntity("ankara", "Ankara", "place", { kind: "city", within: "turkey" }),
  makeEntity("izmir", "Izmir", "place", { kind: "city", within: "turkey" }),
  makeEntity("bursa", "Bursa", "place", { kind: "city", within: "turkey" }),
  makeEntity("kyiv", "Kyiv", "place", { kind: "city", aliases: ["Kiev"] }),
];

function questionsFor(body: string, facts: GeneratorFact[], entities = cities): GeneratedQuestion[] {
  return generateQuestions(article(body), facts, entities);
}

describe("a question that fails a gate is held back with a reason, never dropped", () => {
  it("holds back a stem that would show the answer", () => {
    const questions = questionsFor("The Istanbul talks were held in Istanbul on Friday.", [
      makeFact({
        key: "city",
        subject: "Istanbul talks",
        relation: "held in",
        answer: "Istanbul",
        type: "place",
        kind: "city",
        quote: "held in Istanbul",
      }),
    ]);
    const mc = questions.find((q) => q.type === "MULTIPLE_CHOICE");
    expect(mc?.stem).toBe("In which city were the Istanbul talks held?");
    expect(mc?.heldBackReason).toBe('stem contains the answer "Istanbul"');
    const falseStatement = questions.find((q) => q.type === "TRUE_FALSE" && !q.options[0]?.isCorrect);
    expect(falseStatement?.heldBackReason).toMatch(/stem contains the answer/);
    // A true statement states its answer on purpose.
    expect(questions.find((q) => q.type === "TRUE_FALSE" && q.options[0]?.isCorrect)?.heldBackReason).toBeUndefined();
  });

  it("holds back a question whose quote is not in the article", () => {
    const questions = questionsFor("The talks were held in Ankara.", [
      makeFact({
        key: "city",
        subject: "Talks",
        relation: "held in",
        answer: "Ankara",
        type: "place",
        kind: "city",
        quote: "held in the capital Ankara",
      }),
    ]);
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions)
      expect(q.heldBackReason).toMatch(/quote .* not in the article body|not in the article body/);
  });

  it("holds back multiple choice without three plausible wrong answers", () => {
    const questions = questionsFor(
      "The talks were held in Ankara.",
      [
        makeFact({
          key: "city",
          subject: "Talks",
          relation: "held in",
          answer: "Ankara",
          type: "place",
          kind: "city",
          quote: "held in Ankara",
        }),
      ],
      cities.filter((c) => c.key !== "izmir" && c.key !== "bursa" && c.key !== "kyiv"),
    );
    expect(questions.find((q) => q.type === "MULTIPLE_CHOICE")?.heldBackReason).toBe(
      "only 1 plausible wrong answer of the same kind (needs 3)",
    );
  });

  it("holds back a false statement that changing a one-sided figure cannot make false", () => {
    const statements = seedQuestions.filter(
      (q) => q.type === "TRUE_FALSE" && q.factKeys[0] === "ukrainian-troop-losses",
    );
    expect(statements.map((q) => q.heldBackReason ?? "served")).toEqual([
      "served",
      expect.stringMatching(/cannot be made false/),
    ]);
    expect(find("NUMERIC", "talks-duration").heldBackReason).toMatch(/“well under” gives no figure/);
  });
});

describe("checkDraft", () => {
  const ctx = buildContext(
    article("The talks were held in Kiev on Friday."),
    [
      makeFact({
        key: "city",
        subject: "Talks",
        relation: "held in",
        answer: "Kiev",
        type: "place",
        kind: "city",
        quote: "held in Kiev",
      }),
    ],
    cities,
  );
  const record = ctx.factByKey.get("city")!;
  const pool = buildDistractorPool(record, ctx, "In which city were the talks held?");
  const candidate = (text: string, kind = "city"): Candidate => ({
    text,
    forms: [text.toLowerCase()],
    type: "place",
    kind,
    factKeys: [],
    inArticle: false,
    source: "bank",
  });
  const draft = (distractors: Candidate[], stem = "In which city were the talks held?"): QuestionDraft => ({
    question: {
      key: "k",
      type: "MULTIPLE_CHOICE",
      factKeys: ["city"],
      stem,
      explanation: "The talks were held in Kiev.",
      quote: "held in Kiev",
      options: [{ text: "Kiev", isCorrect: true }, ...distractors.map((d) => ({ text: d.text, isCorrect: false }))],
    },
    records: [record],
    answerForms: revealingForms(record),
    distractors,
    kindNoun: "city",
  });

  it("passes a good question", () => {
    expect(checkDraft(draft(pool.ranked.slice(0, 3)), ctx)).toBeUndefined();
  });

  it("fails a distractor that is an alias of the answer", () => {
    expect(checkDraft(draft([candidate("Kyiv"), candidate("Izmir"), candidate("Bursa")]), ctx)).toMatch(
      /option "Kyiv" is the answer/,
    );
  });

  it("fails a distractor that contains the answer", () => {
    const turkeyCtx = buildContext(
      article("The talks were held in Istanbul."),
      [
        makeFact({
          key: "city",
          subject: "Talks",
          relation: "held in",
          answer: "Istanbul",
          type: "place",
          kind: "city",
          quote: "held in Istanbul",
        }),
      ],
      cities,
    );
    const istanbul = turkeyCtx.factByKey.get("city")!;
    const turkey = buildDistractorPool(istanbul, turkeyCtx, "").excluded.find(
      (e) => e.candidate.text === "Turkey",
    )!.candidate;
    const bad: QuestionDraft = {
      ...draft([turkey, candidate("Izmir"), candidate("Bursa")], "Where were the talks held?"),
      records: [istanbul],
      kindNoun: undefined,
    };
    bad.question = {
      ...bad.question,
      options: bad.question.options.map((o) => (o.isCorrect ? { ...o, text: "Istanbul" } : o)),
    };
    expect(checkDraft(bad, turkeyCtx)).toMatch(/option "Turkey" contains the answer/);
  });

  it("fails options that repeat each other", () => {
    expect(checkDraft(draft([candidate("Izmir"), candidate("izmir"), candidate("Bursa")]), ctx)).toMatch(
      /same after normalisation|appears twice/,
    );
  });

  it("fails an option of another kind under a 'Which city' stem", () => {
    expect(checkDraft(draft([candidate("Turkey", "country"), candidate("Izmir"), candidate("Bursa")]), ctx)).toMatch(
      /not a city/,
    );
  });

  it("fails a candidate named in the stem", () => {
    expect(
      checkDraft(
        draft(
          [candidate("Izmir"), candidate("Bursa"), candidate("Ankara")],
          "In which city, not Ankara, were the talks held?",
        ),
        ctx,
      ),
    ).toMatch(/named in the stem/);
  });

  it("fails a true/false question without exactly True and False", () => {
    const tf: QuestionDraft = {
      question: {
        key: "t",
        type: "TRUE_FALSE",
        factKeys: ["city"],
        stem: "True or false? The talks were held in Kiev.",
        explanation: "True.",
        quote: "held in Kiev",
        options: [
          { text: "Yes", isCorrect: true },
          { text: "No", isCorrect: false },
        ],
      },
      records: [record],
      answerForms: revealingForms(record),
      statesAnswer: true,
    };
    expect(checkDraft(tf, ctx)).toMatch(/exactly "True" and "False"/);
  });
});

describe("givesAway", () => {
  it("finds another question's answer in a stem", () => {
    expect(givesAway(find("MULTIPLE_CHOICE", "meeting-chair-source"), find("MULTIPLE_CHOICE", "meeting-chair"))).toBe(
      true,
    );
    expect(givesAway(find("MULTIPLE_CHOICE", "meeting-chair"), find("MULTIPLE_CHOICE", "meeting-chair-source"))).toBe(
      true,
    );
    expect(givesAway(find("MULTIPLE_CHOICE", "talks-city"), find("MULTIPLE_CHOICE", "talks-palace"))).toBe(false);
  });

  it("finds a number next to its unit, however it is written", () => {
    expect(givesAway(find("MULTIPLE_CHOICE", "talks-duration-source"), find("FILL_BLANK", "talks-duration"))).toBe(
      true,
    );
    expect(givesAway(find("MULTIPLE_CHOICE", "european-summit-city"), find("NUMERIC", "european-summit-length"))).toBe(
      true,
    );
    // "the two delegations" says nothing about "two years".
    expect(givesAway(find("MULTIPLE_CHOICE", "table-shape"), find("NUMERIC", "defense-plan-extension"))).toBe(false);
  });

  it("counts a true statement as giving its answer to every question on the same fact", () => {
    expect(
      givesAway(
        find("TRUE_FALSE", "russian-delegation-head", true),
        find("MULTIPLE_CHOICE", "russian-delegation-head"),
      ),
    ).toBe(true);
  });

  it("looks at the items of matching and ordering questions", () => {
    const matching = seedQuestions.find((q) => q.type === "MATCHING" && q.factKeys.includes("fidan-role"))!;
    expect(givesAway(matching, find("MULTIPLE_CHOICE", "meeting-chair"))).toBe(true);
  });

  it("never reads the decimals of another figure as a number: 11.9 percent does not give away 9 percent", () => {
    const body = [
      "Factory output grew 10.3 percent in the spring, down from 11.9 percent in the winter.",
      "Sales of bicycles rose 9 percent over the same months.",
    ].join("\n\n");
    const spring = makeFact({
      key: "output-spring",
      subject: "Factory output in the spring",
      relation: "grew by",
      answer: "10.3",
      unit: "percent",
      type: "number",
      quote: "Factory output grew 10.3 percent in the spring, down from 11.9 percent in the winter.",
    });
    const bicycles = makeFact({
      key: "bicycle-sales",
      subject: "Sales of bicycles",
      relation: "rose by",
      answer: "9",
      unit: "percent",
      type: "number",
      quote: "Sales of bicycles rose 9 percent over the same months.",
    });
    const questions = questionsFor(body, [spring, bicycles], []);
    const of = (key: string) => questions.filter((q) => q.factKeys.includes(key) && !q.heldBackReason);
    expect(of("output-spring").length).toBeGreaterThan(0);
    expect(of("bicycle-sales").length).toBeGreaterThan(0);
    for (const a of of("output-spring")) for (const b of of("bicycle-sales")) expect(givesAway(a, b)).toBe(false);
    // The same figure written on its own still gives it away, after a year or a list too.
    const told = { ...of("output-spring")[0]!, quote: "In 2019, 9 percent more bicycles were sold." };
    expect(givesAway(told, of("bicycle-sales")[0]!)).toBe(true);
  });

  it("counts a post as given away only where the text also names its holder", () => {
    const body = [
      "The appeal was lodged on Friday by lawyer Mira Solberg, who called the ruling unjust.",
      "A lawyer for the families said the fine of 40,000 euros was far too small.",
      "Solberg, a lawyer for twenty years, has won three appeals before.",
    ].join("\n\n");
    const post = makeFact({
      key: "solberg-post",
      subject: "Mira Solberg",
      relation: "role",
      answer: "lawyer",
      type: "role",
      kind: "legal title",
      quote: "lodged on Friday by lawyer Mira Solberg",
    });
    const fine = makeFact({
      key: "fine",
      subject: "Fine on the company",
      relation: "amounted to",
      answer: "40,000",
      unit: "euros",
      type: "number",
      quote: "A lawyer for the families said the fine of 40,000 euros was far too small.",
    });
    const questions = questionsFor(
      body,
      [post, fine],
      [
        makeEntity("judge", "judge", "role", { kind: "legal title" }),
        makeEntity("prosecutor", "prosecutor", "role", { kind: "legal title" }),
        makeEntity("notary", "notary", "role", { kind: "legal title" }),
        makeEntity("clerk", "court clerk", "role", { kind: "legal title" }),
      ],
    );
    const of = (key: string) => questions.filter((q) => q.factKeys.includes(key) && !q.heldBackReason);
    expect(of("solberg-post").length).toBeGreaterThan(0);
    expect(of("fine").length).toBeGreaterThan(0);
    // "A lawyer for the families" is someone else: it says nothing of Solberg's post.
    for (const a of of("fine")) for (const b of of("solberg-post")) expect(givesAway(a, b), a.stem).toBe(false);
    // Naming her next to the post gives it away, by her full name or her surname.
    const told = { ...of("fine")[0]!, quote: "Solberg, a lawyer for twenty years, has won three appeals before." };
    for (const b of of("solberg-post")) expect(givesAway(told, b), b.stem).toBe(true);
  });

  it("works on stored questions without answerForms", () => {
    const { answerForms: _forms, ...stored } = find("MULTIPLE_CHOICE", "meeting-chair");
    expect(givesAway(find("MULTIPLE_CHOICE", "meeting-chair-source"), stored)).toBe(true);
  });
});

describe("matching and ordering gates", () => {
  const matchings = seedQuestions.filter((q) => q.type === "MATCHING");

  it("never pair two people whose roles could be swapped", () => {
    for (const q of matchings) {
      const people = q.options.map((o) => o.text);
      expect(people.includes("Hakan Fidan") && people.includes("Andrii Sybiha"), q.key).toBe(false);
      expect(people.includes("Cui Heng") && people.includes("Zhang Hong"), q.key).toBe(false);
      expect(people.includes("Vladimir Medinsky") && people.includes("Andriy Yermak"), q.key).toBe(false);
      expect(q.options.length).toBeGreaterThanOrEqual(4);
      expect(q.options.length).toBeLessThanOrEqual(5);
    }
  });

  it("order only events on different dates, never shown in the right order", () => {
    for (const q of seedQuestions.filter((q) => q.type === "ORDERING")) {
      expect(q.heldBackReason).toBeUndefined();
      expect(q.options.map((o) => o.correctPosition).sort()).toEqual(q.options.map((_, i) => i));
      expect(q.options.every((o, i) => o.correctPosition === i)).toBe(false);
    }
  });

  it("hold back a word-for-word repeat of another question", () => {
    const repeat = seedQuestions.find((q) => q.heldBackReason?.startsWith("repeats another question"));
    expect(repeat?.stem).toBe(
      "True or false? Zhang Hong works at the China National Institute for SCO International Exchange and Judicial Cooperation.",
    );
  });
});
