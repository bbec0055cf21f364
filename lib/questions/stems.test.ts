import { describe, expect, it } from "vitest";

import { buildContext } from "@/lib/questions/context";
import { generateQuestions } from "@/lib/questions/generate";
import { analyseRelation, buildPhrasing, isPluralPhrase, roleInText, withUnitOnce } from "@/lib/questions/stems";
import {
  ELECTION_ARTICLE,
  ELECTION_ENTITIES,
  ELECTION_FACTS,
  makeFact,
  seedInput,
  generateSeedQuestions,
  generateElectionQuestions,
} from "@/lib/questions/test-fixtures";
import type { GeneratedQuestion } from "@/lib/questions/types";

const seed = seedInput();
const seedQuestions = generateSeedQuestions();
const electionQuestions = generateElectionQuestions();

const stemOf = (questions: GeneratedQuestion[], factKey: string, type = "MULTIPLE_CHOICE") =>
  questions.find((q) => q.type === type && q.factKeys.length === 1 && q.factKeys[0] === factKey)?.stem;

describe("stems for every relation of the seed article", () => {
  // One question per relation shape in facts.yaml: each reads as a natural question.
  const expected: Record<string, string> = {
    "talks-city": "In which city were the Russia-Ukraine direct talks held?",
    "talks-date": "On what date were the Russia-Ukraine direct talks held?",
    "talks-palace": "At which palace were the Russia-Ukraine direct talks held?",
    "last-direct-meeting": "When did Russia and Ukraine last meet directly before these talks?",
    "failed-negotiation-day": "On what date did the scheduled Russia-Ukraine negotiation fail to materialize?",
    "russian-delegation-head": "Who headed the Russian delegation?",
    "ukrainian-delegation-head": "Who led the Ukrainian delegation?",
    "medinsky-role": "As of 16 May 2025, what post did Vladimir Medinsky hold?",
    "meeting-chair": "According to CNN, who chaired the Russia-Ukraine meeting in Istanbul?",
    "meeting-chair-source": "Which broadcaster reported that Hakan Fidan chaired the meeting?",
    "pow-exchange-count":
      "According to Russian and Ukrainian media, how many prisoners of war were to be exchanged by each side in the prisoner exchange agreed at the talks?",
    "truce-visions": "According to Sputnik, what did the Russian and Ukrainian sides agree to outline?",
    "new-round-announced-by": "Who announced the agreement to hold a new round of negotiations?",
    "new-round-source": "Which news agency reported the agreement to hold a new round of negotiations?",
    "table-shape": "According to Tass, what shape was the table the two delegations sat around?",
    "table-source": "Which news agency reported the delegations sitting around a horseshoe table?",
    "room-flags": "The room where the talks were held was adorned with the flags of which countries?",
    "talks-duration": "What figure did Reuters give for how long the Russia-Ukraine talks lasted?",
    "no-handshakes-source": "Which broadcaster reported that there were no handshakes between the delegations?",
    "camouflage-share":
      "According to the BBC, what share of the Ukrainian side at the talks was in camouflage military fatigues?",
    interpreter: "According to CNN, what does the Ukrainian team speak to the Russian side through?",
    "patience-call": "Who made the call for patience in the Ukraine peace process?",
    "patience-call-source": "Which news agency reported Erdogan's call for patience?",
    "china-position-speaker": "Who made China's statement supporting direct talks between Russia and Ukraine?",
    "cui-heng-role": "How does the article describe Cui Heng?",
    "cui-heng-institute": "Where does Cui Heng work?",
    "sco-institute-city":
      "In which city is the China National Institute for SCO International Exchange and Judicial Cooperation based?",
    "main-purpose-said-by": "Who said, “The main purpose of this meeting is to reestablish direct contact”?",
    "cui-heng-outlet": "To which newspaper was Cui Heng's comment on the main purpose of the meeting given?",
    "zhang-hong-institute": "At which institute does Zhang Hong work?",
    "balance-of-power-said-by":
      "Who said that the balance of power between Russia and Ukraine is likely to remain relatively even through 2025?",
    "trilateral-meeting-city": "In which city was the Ukrainian-US-Turkish trilateral meeting before the talks held?",
    "trump-wants-meeting-with": "According to the BBC, who does Donald Trump want a meeting with?",
    "yermak-role": "How does the article describe Andriy Yermak?",
    "security-advisors-meeting-countries":
      "According to the BBC, which countries did the national security advisors met by Yermak, Sybiha and Umerov in Istanbul come from?",
    "tirana-summit-participants":
      "According to the AP, what was the number of European countries and organizations whose leaders gathered at the European security summit in Tirana?",
    "tirana-capital-of": "Tirana is the capital of which country?",
    "european-summit-length": "How many days did the European leaders' summit in Tirana last?",
    "european-summit-source": "Which news agency reported the European leaders' summit in Tirana?",
    "ceasefire-call-length":
      "What was the length of the end to hostilities called for in the joint call by Zelensky's European guests in Kiev?",
    "kiev-meeting-host": "Who hosted last weekend's meeting with Macron, Starmer, Merz and Tusk in Kiev?",
    "kiev-meeting-city": "In which city was last weekend's meeting of Zelensky with European leaders held?",
    "eu-sanctions-warning-by":
      "According to Reuters, who warned that the EU is ready to impose tougher sanctions on Russia?",
    "eu-sanctions-warning-date": "On what date was Merz's news briefing with his Greek counterpart held?",
    "donetsk-settlements-count":
      "According to Russia's Defense Ministry, how many settlements did Russian troops take control of over the past day?",
    "donetsk-settlements-region":
      "According to Russia's Defense Ministry, in which region are the settlements Russian troops took control of over the past day located?",
    "ukrainian-troop-losses":
      "What figure did Russia's Defense Ministry give for the Ukrainian troop losses in all frontline areas over the past day?",
    "defense-ministry-report-date":
      "On what date was Russia's Defense Ministry report on two more settlements in Donetsk region issued?",
    "defense-plan-decree-signer": "Who signed the executive order extending Russia's defense plan?",
    "defense-plan-extension": "By how many years was Russia's 2021-2025 defense plan extended?",
    "defense-plan-original-period": "What period did Russia's defense plan before the extension cover?",
    "defense-plan-new-period": "What period does Russia's defense plan after the extension cover?",
    "defense-plan-decree-date": "On what date was Putin's executive order extending the defense plan signed?",
    "photo-credit": "To which news outlet was the photo of officials at the talks credited?",
    contributor: "Who contributed to the Global Times story on the Istanbul talks?",
  };

  for (const [key, stem] of Object.entries(expected)) {
    it(`asks about "${key}" naturally`, () => {
      expect(stemOf(seedQuestions, key)).toBe(stem);
    });
  }

  it("states facts as natural sentences in true/false questions", () => {
    const statements = seedQuestions
      .filter((q) => q.type === "TRUE_FALSE" && q.options[0]?.isCorrect)
      .map((q) => q.stem);
    expect(statements).toEqual(
      expect.arrayContaining([
        "True or false? The Russian delegation was headed by Vladimir Medinsky.",
        "True or false? As of 16 May 2025, Hakan Fidan was Turkey's Foreign Minister.",
        "True or false? According to Tass, the table the two delegations sat around was horseshoe-shaped.",
        "True or false? Tirana is the capital of Albania.",
        "True or false? Russia and Ukraine last met directly before these talks in March 2022.",
        "True or false? The European leaders' summit in Tirana lasted one day.",
        "True or false? According to Russia's Defense Ministry, the number of settlements Russian troops took control of over the past day was two.",
        "True or false? Zhang Hong said that the balance of power between Russia and Ukraine is likely to remain relatively even through 2025.",
        "True or false? The article describes Cui Heng as a scholar.",
      ]),
    );
  });

  it("uses the generic noun-phrase frame only where the relation is itself a noun phrase", () => {
    const ctx = buildContext(seed.article, seed.facts, seed.entities);
    const generic = ctx.facts.filter((r) => analyseRelation(r.fact).kind === "noun").map((r) => r.fact.key);
    expect(generic).toEqual(["ceasefire-call-length"]);
  });

  it("keeps one-sided claims attributed in every question about them", () => {
    for (const q of seedQuestions.filter(
      (q) => q.factKeys.length === 1 && q.factKeys[0]?.startsWith("donetsk-settlements"),
    )) {
      expect(q.stem + q.explanation, q.key).toMatch(/Russia's Defense Ministry/);
    }
  });

  it("dates time-sensitive questions", () => {
    const role = seedQuestions.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "fidan-role");
    expect(role?.asOf).toBe("2025-05-16");
    const count = seedQuestions.find((q) => q.type === "NUMERIC" && q.factKeys[0] === "pow-exchange-count");
    expect(count?.asOf).toBe("2025-05-16");
    const who = seedQuestions.find((q) => q.type === "MULTIPLE_CHOICE" && q.factKeys[0] === "russian-delegation-head");
    expect(who?.asOf).toBeUndefined();
  });
});

describe("stems for another article", () => {
  it("read naturally with the same rules", () => {
    expect(stemOf(electionQuestions, "runoff-winner")).toBe("Who won the presidential run-off in Valdoria?");
    expect(stemOf(electionQuestions, "defeated-incumbent")).toBe("Who did Marta Kessel defeat?");
    expect(stemOf(electionQuestions, "results-announced-by")).toBe(
      "Which election authority announced the run-off result?",
    );
    expect(stemOf(electionQuestions, "concession-city")).toBe(
      "In which city was Tomas Rehn's concession speech given?",
    );
    expect(stemOf(electionQuestions, "challenge-rejected-by")).toBe(
      "Which court rejected the challenge to the first-round results?",
    );
    expect(stemOf(electionQuestions, "unity-party-since")).toBe("Since when had the Unity Party governed Valdoria?");
    expect(stemOf(electionQuestions, "turnout", "NUMERIC")).toBe(
      "What was the approximate turnout of Valdoria's presidential run-off? Give the answer in percent.",
    );
    expect(stemOf(electionQuestions, "kessel-described-as")).toBe("How does the article describe Marta Kessel?");
  });
});

describe("relations written with a copula", () => {
  it("read like the same relation without it", () => {
    const body = "Lindmark is the capital of Valdoria. Marta Kessel was elected in 2024.";
    const facts = [
      makeFact({
        key: "capital",
        subject: "Lindmark",
        relation: "is the capital of",
        answer: "Valdoria",
        type: "place",
        kind: "country",
        quote: "Lindmark is the capital of Valdoria.",
      }),
      makeFact({
        key: "elected",
        subject: "Marta Kessel",
        relation: "was elected in",
        answer: "2024",
        type: "phrase",
        quote: "Marta Kessel was elected in 2024.",
      }),
    ];
    const list = generateQuestions({ ...ELECTION_ARTICLE, body }, facts, ELECTION_ENTITIES);
    expect(stemOf(list, "capital")).toBe("Lindmark is the capital of which country?");
    expect(stemOf(list, "elected")).toBe("When was Marta Kessel elected?");
  });
});

describe("grammar of every generated text", () => {
  const all = [...seedQuestions, ...electionQuestions];
  const texts = all.flatMap((q) => [q.stem, q.explanation, ...q.options.map((o) => o.text)]);

  it("has no doubled words, stray spaces or placeholders", () => {
    for (const text of texts) {
      expect(text, text).not.toMatch(
        / {2}| [,.;:?!](?!\S)|,,|\.\.(?!\.)|\b(the|a|an) (the|a|an)\b|\bundefined\b|\bnull\b|\[object/i,
      );
      expect(text, text).not.toMatch(/\bNaN\b/);
      expect(text.trim(), text).toBe(text);
    }
  });

  it("starts each stem and explanation with a capital letter and ends it properly", () => {
    for (const q of all) {
      expect(q.stem, q.stem).toMatch(/^[A-Z“]/);
      expect(q.explanation, q.explanation).toMatch(/^[A-Z]/);
      expect(q.explanation, q.explanation).toMatch(/[.”]$/);
      if (q.type === "MULTIPLE_CHOICE" || q.type === "NUMERIC")
        expect(q.stem, q.stem).toMatch(/\?$|\? Give the answer in [^.]+\.$/);
      if (q.type === "TRUE_FALSE") expect(q.stem, q.stem).toMatch(/^True or false\? [A-Z“].*\.$/);
      if (q.type === "FILL_BLANK") expect(q.stem.split("_____")).toHaveLength(2);
    }
  });

  it("never falls back to a 'subject — relation: ?' template", () => {
    for (const q of all) expect(q.stem).not.toMatch(/ — |: \?|\?\?/);
  });
});

describe("helpers", () => {
  it("find plural subjects by their head noun", () => {
    expect(isPluralPhrase("Russia-Ukraine direct talks")).toBe(true);
    expect(isPluralPhrase("Russian delegation")).toBe(false);
    expect(isPluralPhrase("Prisoner exchange agreed at the talks")).toBe(false);
    expect(isPluralPhrase("Russian and Ukrainian sides")).toBe(true);
    expect(isPluralPhrase("National security advisors met by Yermak")).toBe(true);
  });

  it("put an article before a role only where English wants one", () => {
    expect(roleInText("Kremlin aide")).toBe("a Kremlin aide");
    expect(roleInText("Defense Minister")).toBe("Defense Minister");
    expect(roleInText("Turkey's Foreign Minister")).toBe("Turkey's Foreign Minister");
    expect(roleInText("interpreter")).toBe("an interpreter");
    expect(roleInText("former finance minister")).toBe("a former finance minister");
  });

  it("phrase a fact in any article with the context's capitalisation", () => {
    const ctx = buildContext(ELECTION_ARTICLE, ELECTION_FACTS, ELECTION_ENTITIES);
    const record = ctx.factByKey.get("campaign-manager")!;
    const phrasing = buildPhrasing(record, ctx);
    expect(phrasing.statement("Ilse Varga")).toBe("Marta Kessel's campaign was managed by Ilse Varga");
    expect(phrasing.question()).toBe("Who managed Marta Kessel's campaign?");
  });
});

describe("a number with its unit", () => {
  it("says the unit once, whether or not the value already carries it or its scale word", () => {
    expect(withUnitOnce("1,400", "troops")).toBe("1,400 troops");
    expect(withUnitOnce("2.7 billion US dollars", "billion US dollars")).toBe("2.7 billion US dollars");
    expect(withUnitOnce("2.7 billion", "billion US dollars")).toBe("2.7 billion US dollars");
    expect(withUnitOnce("40", "per cent")).toBe("40 per cent");
    expect(withUnitOnce("12", "")).toBe("12");
  });
});
