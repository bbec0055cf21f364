import { describe, expect, it } from "vitest";

import { writeMoodleXml } from "@/lib/banks/moodle-xml";
import { EVERY_TYPE } from "@/lib/banks/test-fixtures";

describe("writeMoodleXml", () => {
  it("writes each type as Moodle's question type, with the source in the general feedback", () => {
    const { text, omitted } = writeMoodleXml("Cup final", EVERY_TYPE);
    const types = [...text.matchAll(/<question type="(\w+)">/g)].map((m) => m[1]);
    expect(types).toEqual(["category", "multichoice", "truefalse", "shortanswer", "numerical", "matching", "ordering"]);
    expect(omitted.map((o) => [o.number, o.reason])).toEqual([
      [6, "Moodle's matching questions need at least three pairs"],
    ]);
    expect(text).toContain("<!-- Left out: Question 6 (“Match each town to its club.”)");
    expect(text).toContain(
      '<generalfeedback format="plain_text"><text>The final was played at Brackenfield Stadium.\n\nSource: The cup final was held at Brackenfield Stadium in Dorvale on Sunday. (Final report, Test Post)</text></generalfeedback>',
    );
    expect(text).toContain('<answer fraction="100" format="plain_text"><text>Brackenfield Stadium</text></answer>');
    expect(text).toContain('<answer fraction="100" format="plain_text"><text>Dorvale-on-Sea</text></answer>');
    expect(text).toContain("<tolerance>50</tolerance>");
    expect(text).toContain(
      '<subquestion format="plain_text"><text>Li Wei</text>\n      <answer><text>captain</text></answer>',
    );
    // An ordering answer's fraction is its place in the right order.
    expect(text).toContain('<answer fraction="2" format="plain_text"><text>Final</text></answer>');
  });

  it("escapes text so that the file stays well-formed", () => {
    const { text } = writeMoodleXml('A <b> & "quoted" -- set', [{ ...EVERY_TYPE[1]!, stem: "Is 1 < 2 & 3 > 2?" }]);
    expect(text).toContain("<text>Is 1 &lt; 2 &amp; 3 &gt; 2?</text>");
    expect(text).toContain('<!-- A <b> & "quoted" – set: exported');
  });
});
