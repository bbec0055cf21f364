import { describe, expect, it } from "vitest";

import { analyseVerb, indefiniteArticle, isPluralNoun, regularBase, singularUnit, tidy } from "@/lib/questions/english";

describe("verbs", () => {
  it("find the base of regular past forms", () => {
    const cases: Record<string, string> = {
      headed: "head",
      chaired: "chair",
      announced: "announce",
      signed: "sign",
      hosted: "host",
      issued: "issue",
      extended: "extend",
      covered: "cover",
      contributed: "contribute",
      credited: "credit",
      failed: "fail",
      agreed: "agree",
      lasted: "last",
      located: "locate",
      based: "base",
      adorned: "adorn",
      reported: "report",
      stopped: "stop",
      called: "call",
      carried: "carry",
      declared: "declare",
      decided: "decide",
      managed: "manage",
      rejected: "reject",
      defeated: "defeat",
      governed: "govern",
      scheduled: "schedule",
      named: "name",
      ruled: "rule",
      settled: "settle",
      added: "add",
      created: "create",
    };
    for (const [word, base] of Object.entries(cases)) expect(regularBase(word), word).toBe(base);
  });

  it("recognise irregular and present forms", () => {
    expect(analyseVerb("held")).toMatchObject({ base: "hold", form: "both" });
    expect(analyseVerb("given")).toMatchObject({ base: "give", past: "gave", form: "participle" });
    expect(analyseVerb("met")).toMatchObject({ base: "meet" });
    // "Who beat Anna Lind?" from "beaten by", not "What was the beaten by ...".
    expect(analyseVerb("beaten")).toMatchObject({ base: "beat", past: "beat", form: "participle" });
    expect(analyseVerb("upheld")).toMatchObject({ base: "uphold", form: "both" });
    expect(analyseVerb("overtaken")).toMatchObject({ base: "overtake", form: "participle" });
    // A prefixed base form is no verb here: "outcome", "outlet" and "output" are nouns.
    expect(analyseVerb("outcome")).toBeUndefined();
    expect(analyseVerb("output")).toBeUndefined();
    expect(analyseVerb("works")).toMatchObject({ base: "work", form: "present" });
    expect(analyseVerb("covers")).toMatchObject({ base: "cover", form: "present" });
    expect(analyseVerb("role")).toBeUndefined();
    expect(analyseVerb("prisoners")).toBeUndefined();
  });
});

describe("nouns and articles", () => {
  it("tell plural nouns", () => {
    expect(isPluralNoun("talks")).toBe(true);
    expect(isPluralNoun("delegations")).toBe(true);
    expect(isPluralNoun("delegation")).toBe(false);
    expect(isPluralNoun("news")).toBe(false);
    expect(isPluralNoun("status")).toBe(false);
  });

  it("make a unit singular for a count of one", () => {
    expect(singularUnit("days")).toBe("day");
    expect(singularUnit("prisoners of war")).toBe("prisoner of war");
    expect(singularUnit("settlements")).toBe("settlement");
  });

  it("choose a or an by sound", () => {
    expect(indefiniteArticle("Kremlin aide")).toBe("a");
    expect(indefiniteArticle("interpreter")).toBe("an");
    expect(indefiniteArticle("university")).toBe("a");
    expect(indefiniteArticle("hour")).toBe("an");
    expect(indefiniteArticle("MP")).toBe("an");
    expect(indefiniteArticle("US envoy")).toBe("a");
  });

  it("tidy spacing around punctuation", () => {
    expect(tidy("Who  headed the delegation ?")).toBe("Who headed the delegation?");
  });
});
