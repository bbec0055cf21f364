import { describe, expect, it } from "vitest";

import { gluedHeadingLength, splitSentences } from "./text";

describe("splitSentences", () => {
  it("keeps offsets into the body and skips headings", () => {
    const body = "First sentence here. Second one, by Mr. Smith.\n\n## Heading\n\nLong waitThe third sentence.";
    const sentences = splitSentences(body);
    expect(sentences.map((s) => s.text)).toEqual([
      "First sentence here.",
      "Second one, by Mr. Smith.",
      "The third sentence.",
    ]);
    for (const s of sentences) expect(body.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it("finds glued headings but not names like MacDonald", () => {
    expect(gluedHeadingLength("Coalition arithmeticAt least 46 votes")).toBe("Coalition arithmetic".length);
    expect(gluedHeadingLength("MacDonald said the vote was close.")).toBe(0);
    expect(gluedHeadingLength("The result, announced on TuesdayIn the capital")).toBe(0);
  });
});

describe("datelines", () => {
  it("keeps an abbreviated state and the outlet with the sentence they open", () => {
    expect(splitSentences("SANTA ROSA, Calif. (AP) — Crews worked. They rested.").map((s) => s.text)).toEqual([
      "SANTA ROSA, Calif. (AP) — Crews worked.",
      "They rested.",
    ]);
  });
});

describe("bullet lists", () => {
  it("makes each item of a list a sentence of its own", () => {
    expect(
      splitSentences("Key points:\n\n- Polls closed early in the north\n- Turnout was high").map((s) => s.text),
    ).toEqual(["Key points:", "- Polls closed early in the north", "- Turnout was high"]);
  });
});

describe("quotations", () => {
  const quotedText = (body: string) =>
    splitSentences(body).flatMap((s) => s.quoted.map(([from, to]) => s.text.slice(from, to)));

  it("does not pair a closing mark whose opening was lost with the next quotation's opening", () => {
    const body =
      'Crews will stay on site all week," Mayor Ana Ruiz said. The port has so far recorded 14 spills. "We are ready."';
    expect(quotedText(body)).toEqual(['Crews will stay on site all week,"', '"We are ready."']);
  });

  it("still quotes across sentences from an opening mark to its closing one", () => {
    expect(quotedText('He said: "It rained. Then it stopped." Later it rained.')).toEqual([
      '"It rained.',
      'Then it stopped."',
    ]);
  });
});
