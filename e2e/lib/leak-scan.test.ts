import { describe, expect, it } from "vitest";

import { scanResponse, type AnswerKey } from "./leak-scan";

const option = (position: number, text: string, more: Partial<AnswerKey["options"][number]> = {}) => ({
  position,
  text,
  isCorrect: false,
  matchText: null,
  correctPosition: null,
  ...more,
});
const key = (questionId: string, fields: Partial<AnswerKey> & Pick<AnswerKey, "type" | "stem">): AnswerKey => ({
  questionId,
  options: [],
  answerText: null,
  answerNumber: null,
  aliases: [],
  explanation: "",
  quote: "",
  ...fields,
});

// The seed article's questions, one of each type (ids as the database makes them).
const city = key("cmcity0000000000000000001", {
  type: "MULTIPLE_CHOICE",
  stem: "In which city were the Russia-Ukraine direct talks held?",
  options: [option(0, "Antalya"), option(1, "Ankara"), option(2, "Istanbul", { isCorrect: true })],
  explanation: "The Russia-Ukraine direct talks were held in Istanbul.",
  quote: "Russian and Ukrainian representatives finally held direct talks in Istanbul on Friday",
});
const palace = key("cmpalace00000000000000001", {
  type: "TRUE_FALSE",
  stem: "True or false? The Russia-Ukraine direct talks were held at the Dolmabahce Palace.",
  options: [option(0, "True", { isCorrect: true }), option(1, "False")],
  explanation: "True. The Russia-Ukraine direct talks were held at the Dolmabahce Palace.",
  quote: "at a presidential office at the Dolmabahce Palace, Istanbul, Turkey",
});
const leader = key("cmleader00000000000000001", {
  type: "FILL_BLANK",
  stem: "Fill in the blank: “…while the Ukrainian team was led by Defense Minister _____.”",
  answerText: "Rustem Umerov",
  aliases: ["Umerov"],
  explanation: "The Ukrainian delegation was led by Rustem Umerov.",
  quote: "the Ukrainian team was led by Defense Minister Rustem Umerov",
});
const prisoners = key("cmprisoners00000000000001", {
  type: "NUMERIC",
  stem: "How many prisoners of war were to be exchanged by each side?",
  answerText: "1,000 prisoners of war each",
  answerNumber: 1000,
  aliases: ["1000", "one thousand"],
  explanation: "1,000 prisoners of war were to be exchanged by each side.",
  quote: "The two sides agreed to exchange 1,000 prisoners of war (POWs) each",
});
const roles = key("cmroles000000000000000001", {
  type: "MATCHING",
  stem: "Match each person to the role the article gives them.",
  options: [
    option(0, "Vladimir Putin", { isCorrect: true, matchText: "Russian President" }),
    option(1, "Friedrich Merz", { isCorrect: true, matchText: "German Chancellor" }),
    option(2, "Vladimir Medinsky", { isCorrect: true, matchText: "Kremlin aide" }),
  ],
  explanation: "Vladimir Medinsky: Kremlin aide; Friedrich Merz: German Chancellor; Vladimir Putin: Russian President.",
  quote: "headed by Kremlin aide Vladimir Medinsky … German Chancellor Friedrich Merz",
});
const events = key("cmevents00000000000000001", {
  type: "ORDERING",
  stem: "Put these events in date order, earliest first.",
  options: [
    option(0, "The talks were held", { isCorrect: true, correctPosition: 2 }),
    option(1, "The ministry report was issued", { isCorrect: true, correctPosition: 1 }),
    option(2, "Merz's briefing was held", { isCorrect: true, correctPosition: 0 }),
  ],
  explanation: "In order: Merz's briefing (13 May); the ministry report (15 May); the talks (16 May).",
  quote: "At a news briefing with his Greek counterpart earlier on Tuesday",
});
const keys = [city, palace, leader, prisoners, roles, events];
const none = new Set<string>();
const all = new Set(keys.map((k) => k.questionId));

/** What the player is sent before any answer: the question views, as the app builds them. */
function questionView(k: AnswerKey) {
  const choices = k.type !== "FILL_BLANK" && k.type !== "NUMERIC";
  return {
    id: k.questionId,
    type: k.type,
    stem: k.stem,
    asOf: null,
    options: choices ? k.options.map(({ position, text }) => ({ position, text })) : [],
    matchTargets: k.type === "MATCHING" ? k.options.map((o) => o.matchText!).sort() : [],
  };
}

function rsc(props: unknown): string {
  return [
    '1:"$Sreact.fragment"',
    '2:I[3081,["/_next/static/chunks/0qq2g47hmf0.js"],"QuizPlayer"]',
    `0:["$","$L2",null,${JSON.stringify(props)}]`,
    ':HL["/_next/static/chunks/28m6irsu03qtw.css","style"]',
    "47:null",
  ].join("\n");
}
const state = (questions = keys.map(questionView), answered: unknown[] = []) => ({
  state: { attemptId: "cmattempt0000000000000001", title: "Istanbul talks", questions, answered },
  userId: "cmuser0000000000000000001",
});

function html(main: string, flight = ""): string {
  const push = flight ? `<script>self.__next_f.push(${JSON.stringify([1, flight])})</script>` : "";
  return `<!DOCTYPE html><html><head><script src="/_next/static/chunks/0a47b.js"></script></head><body><main>${main}</main>${push}</body></html>`;
}

const scan = (body: string, contentType: string, unanswered: ReadonlySet<string> = all, forQuestionId?: string) =>
  scanResponse({ url: "http://127.0.0.1/quiz/set", contentType, body, forQuestionId }, keys, unanswered);
const rules = (findings: { questionId: string; rule: string }[]) => findings.map((f) => `${f.questionId}: ${f.rule}`);

describe("scanResponse", () => {
  it("passes the quiz as the player gets it before any answer, RSC and HTML", () => {
    expect(scan(rsc(state()), "text/x-component")).toEqual([]);
    const card = `<p>Question 4 of 12 · 1 of 12 answered · due Fri 4 Dec, 13:47 UTC</p><section aria-labelledby="stem-${city.questionId}"><h2 id="stem-${city.questionId}">${city.stem}</h2><label class="border-line"><input type="radio" value="2"/><span>Istanbul</span></label><button>Check answer</button></section>`;
    expect(scan(html(card, rsc(state())), "text/html; charset=utf-8")).toEqual([]);
  });

  it("finds a choice marked right, in the data or in the markup", () => {
    const marked = questionView(city);
    marked.options = city.options.map(({ position, text, isCorrect }) => ({ position, text, isCorrect }));
    expect(rules(scan(rsc(state([marked])), "text/x-component"))).toEqual(
      expect.arrayContaining([
        `${city.questionId}: field "isCorrect"`,
        `${city.questionId}: choice with more than position and text`,
      ]),
    );
    const card = `<h2 id="stem-x">${city.stem}</h2><label class="border-good"><span>Istanbul</span></label>`;
    expect(rules(scan(html(card), "text/html"))).toEqual([`${city.questionId}: correctness mark after the stem`]);
  });

  it("finds a right choice named as an answer anywhere, and next to its question", () => {
    expect(rules(scan(JSON.stringify({ hint: { expected: "True" } }), "application/json"))).toEqual([
      `${palace.questionId}: field "expected" names the right choice`,
    ]);
    const view = { ...questionView(city), hint: "Istanbul" };
    expect(rules(scan(rsc(state([view])), "text/x-component"))).toEqual([
      `${city.questionId}: right choice outside the choices`,
    ]);
    // A results page's row, a React element keyed by the question.
    const row = [
      "$",
      "li",
      city.questionId,
      { children: [["$", "p", null, { children: ["Right answer: ", "Istanbul"] }]] },
    ];
    expect(rules(scan(`0:${JSON.stringify(row)}`, "text/x-component"))).toEqual(
      expect.arrayContaining([
        `${city.questionId}: correctness mark`,
        `${city.questionId}: right choice outside the choices`,
      ]),
    );
  });

  it("finds a typed answer or an alias anywhere, and a number in any writing", () => {
    const hidden = html(`<h2>${leader.stem}</h2><input type="hidden" value="umerov"/>`);
    expect(rules(scan(hidden, "text/html"))).toEqual([`${leader.questionId}: typed answer`]);
    expect(rules(scan(JSON.stringify({ check: "1 000" }), "application/json"))).toEqual(
      expect.arrayContaining([`${prisoners.questionId}: number`]),
    );
    const view = { ...questionView(prisoners), answerNumber: 1000 };
    expect(rules(scan(rsc(state([view])), "text/x-component"))).toEqual([
      `${prisoners.questionId}: field "answerNumber"`,
    ]);
  });

  it("finds a matching question's pairs: side by side, in one object, or the roles in the people's order", () => {
    expect(rules(scan("Friedrich Merz → German Chancellor", "text/plain"))).toEqual([`${roles.questionId}: pair`]);
    const pairs = { ...questionView(roles), matchTargets: roles.options.map((o) => o.matchText!) };
    expect(rules(scan(rsc(state([pairs])), "text/x-component"))).toEqual(
      expect.arrayContaining([`${roles.questionId}: pairs (roles in the people's order)`]),
    );
    const paired = {
      ...questionView(roles),
      options: [{ position: 0, text: "Vladimir Putin", role: "Russian President" }],
    };
    expect(rules(scan(rsc(state([paired])), "text/x-component"))).toEqual(
      expect.arrayContaining([`${roles.questionId}: pair (in one object)`]),
    );
  });

  it("finds an ordering question's right order: as a list, as positions, or as the choices' order", () => {
    const inOrder = ["Merz's briefing was held", "The ministry report was issued", "The talks were held"];
    expect(rules(scan(JSON.stringify({ next: inOrder }), "application/json"))).toEqual([`${events.questionId}: order`]);
    const positions = { ...questionView(events), solution: [2, 1, 0] };
    expect(rules(scan(rsc(state([positions])), "text/x-component"))).toEqual(
      expect.arrayContaining([`${events.questionId}: order (right positions)`]),
    );
  });

  it("finds the explanation or the source quote of a question not answered yet", () => {
    const text = `Did you know? ${palace.explanation}`;
    expect(rules(scan(text, "text/plain"))).toEqual([`${palace.questionId}: explanation`]);
    const quote = html(`<blockquote>“${city.quote}”</blockquote>`);
    expect(rules(scan(quote, "text/html"))).toEqual([`${city.questionId}: source quote`]);
  });

  it("lets an answered question's answer through, and says when its feedback gives another away", () => {
    const feedback = {
      isCorrect: false,
      expected: "Merz's briefing was held → The ministry report was issued → The talks were held",
      explanation: events.explanation,
      quote: `${events.quote} … during the talks ${palace.quote}, on May 16, 2025`,
    };
    const reply = JSON.stringify({ status: "saved", feedback });
    const unanswered = new Set([palace.questionId]);
    expect(
      scan(reply, "application/json", new Set([...all].filter((id) => id !== events.questionId)), events.questionId),
    ).toEqual([expect.objectContaining({ questionId: palace.questionId, rule: "source quote", inFeedback: true })]);
    expect(scan(reply, "application/json", none, events.questionId)).toEqual([]);
    const page = state(keys.map(questionView), [{ questionId: events.questionId, given: "…", feedback }]);
    expect(scan(rsc(page), "text/x-component", unanswered).map((f) => f.inFeedback)).toEqual([true]);
    // Beside the feedback but not part of it, it is a leak.
    const extra = state(keys.map(questionView), [{ questionId: events.questionId, given: "…", next: palace.quote }]);
    expect(scan(rsc(extra), "text/x-component", unanswered)).toEqual([
      expect.objectContaining({ questionId: palace.questionId, rule: "source quote", inFeedback: false }),
    ]);
  });
});
