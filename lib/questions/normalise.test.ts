import { describe, expect, it } from "vitest";

import {
  containsWords,
  editDistance,
  foldAccents,
  listItems,
  normaliseAnswer,
  normaliseText,
  typoBudget,
} from "@/lib/questions/normalise";

/** Plain optimal-string-alignment distance, to check the banded one against. */
function naiveDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("normaliseText", () => {
  it("ignores case, accents, punctuation and spacing", () => {
    expect(normaliseText("  Dolmabahçe   PALACE! ")).toBe("dolmabahce palace");
    expect(normaliseText("Çırağan")).toBe("ciragan");
    expect(normaliseText("Radosław Sikorski")).toBe("radoslaw sikorski");
    expect(normaliseText("horseshoe-shaped")).toBe("horseshoe shaped");
  });

  it("drops possessives and joins thousands separators", () => {
    expect(normaliseText("Turkey's Foreign Minister")).toBe("turkey foreign minister");
    expect(normaliseText("Turkey’s Foreign Minister")).toBe("turkey foreign minister");
    expect(normaliseText("1,000 prisoners")).toBe("1000 prisoners");
    expect(normaliseText("R&D")).toBe("r and d");
  });

  it("treats a leading article as optional for answers", () => {
    expect(normaliseAnswer("The BBC")).toBe("bbc");
    expect(normaliseAnswer("an interpreter")).toBe("interpreter");
    expect(normaliseAnswer("Theresa")).toBe("theresa");
  });

  it("keeps case with foldAccents", () => {
    expect(foldAccents("Erdoğan")).toBe("Erdogan");
  });
});

describe("containsWords", () => {
  it("matches whole words only", () => {
    expect(containsWords("the talks were held in istanbul", "istanbul")).toBe(true);
    expect(containsWords("who headed the russian delegation", "russia")).toBe(false);
    expect(containsWords("a b c", "b c")).toBe(true);
    expect(containsWords("abc", "")).toBe(false);
  });
});

describe("editDistance", () => {
  it("counts edits, with a swap of neighbours as one", () => {
    expect(editDistance("istanbul", "istanbul")).toBe(0);
    expect(editDistance("istanbul", "instanbul")).toBe(1);
    expect(editDistance("medinsky", "mednisky")).toBe(1);
    expect(editDistance("kiev", "kyiv")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("gives up early above max, and agrees with the plain algorithm below it", () => {
    expect(editDistance("reuters", "xinhua", 2)).toBe(3);
    const words = [
      "umerov",
      "umarov",
      "medinsky",
      "medinski",
      "fidan",
      "fiden",
      "tass",
      "taas",
      "sputnik",
      "spuntik",
      "ab",
      "ba",
    ];
    for (const a of words) {
      for (const b of words) {
        const exact = naiveDistance(a, b);
        for (const max of [0, 1, 2, 5]) expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
      }
    }
  });
});

describe("typoBudget", () => {
  it("scales with the answer's length: none up to 4 letters, one up to 8, two beyond", () => {
    expect(typoBudget("tass")).toBe(0);
    expect(typoBudget("fidan")).toBe(1);
    expect(typoBudget("istanbul")).toBe(1);
    expect(typoBudget("hakan fidan")).toBe(2);
  });
});

describe("listItems", () => {
  it("splits a list answer into sorted normalised items", () => {
    expect(listItems("Russia, Turkey, and Ukraine")).toEqual(["russia", "turkey", "ukraine"]);
    expect(listItems("Britain, the US, Germany and France")).toEqual(["britain", "france", "germany", "us"]);
    expect(listItems("Istanbul")).toBeUndefined();
  });
});
