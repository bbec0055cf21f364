// Kahoot!'s sheet: a real .xlsx (a zip of Office Open XML parts) with the template's columns,
// only the questions Kahoot! can ask, and the others listed on a second sheet.
import { inflateRawSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { KAHOOT_HEADER, kahootRows, writeKahoot } from "@/lib/banks/kahoot";
import { EVERY_TYPE } from "@/lib/banks/test-fixtures";
import { columnName } from "@/lib/banks/xlsx";

/** The files of a zip archive, read through its central directory (as a spreadsheet program does). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(bytes);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let n = 0; n < count; n++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const offset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    files.set(name, inflateRawSync(buffer.subarray(dataAt, dataAt + size)).toString("utf8"));
    at += 46 + nameLength;
  }
  return files;
}

describe("Kahoot! export", () => {
  it("puts multiple choice and true/false under the template's header, and notes the rest", () => {
    const { rows, omitted } = kahootRows(EVERY_TYPE);
    expect(rows).toEqual([
      [...KAHOOT_HEADER],
      [1, "Where was the cup final held?", "Rivertown Park", "Brackenfield Stadium", "Colne Arena", null, 30, 2],
      [2, "The winners paraded through Marlow on Monday.", "True", "False", null, null, 30, 1],
    ]);
    expect(omitted.map((o) => o.number)).toEqual([3, 4, 5, 6, 7]);
    expect(omitted[0]!.reason).toBe("Kahoot! quizzes take multiple-choice and true/false questions only");
  });

  it("leaves out what breaks Kahoot!'s limits", () => {
    const long = { ...EVERY_TYPE[0]!, stem: `${"Which one ".repeat(13)}?` };
    const many = {
      ...EVERY_TYPE[0]!,
      answer: { type: "MULTIPLE_CHOICE" as const, options: ["a1", "b2", "c3", "d4", "e5"], correct: "0" },
    };
    expect(kahootRows([long, many]).omitted.map((o) => o.reason)).toEqual([
      "Kahoot! questions are at most 120 characters",
      "Kahoot! takes at most 4 answers",
    ]);
  });

  it("is a real .xlsx: a zip with the workbook, its sheets and their cells", () => {
    const { bytes } = writeKahoot("Cup final", EVERY_TYPE);
    expect(Buffer.from(bytes.subarray(0, 4)).toString("latin1")).toBe("PK\u0003\u0004");
    const files = unzip(bytes);
    expect([...files.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    expect(files.get("xl/workbook.xml")).toContain(
      '<sheet name="Quiz" sheetId="1" r:id="rId1"/><sheet name="Left out"',
    );
    const quiz = files.get("xl/worksheets/sheet1.xml")!;
    expect(quiz).toContain(
      '<c r="B2" t="inlineStr"><is><t xml:space="preserve">Where was the cup final held?</t></is></c>',
    );
    expect(quiz).toContain('<c r="G3"><v>30</v></c>');
    expect(files.get("xl/worksheets/sheet2.xml")).toContain("Left out: Question 7");
  });

  it("names columns as spreadsheets do", () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "H", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});
