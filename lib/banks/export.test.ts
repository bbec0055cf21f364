import { describe, expect, it } from "vitest";

import { exportSet, omissionsByFormat } from "@/lib/banks/export";
import { EVERY_TYPE } from "@/lib/banks/test-fixtures";

describe("exportSet", () => {
  it("says for each format what it leaves out, as the file does", () => {
    const byFormat = omissionsByFormat(EVERY_TYPE);
    expect(Object.fromEntries(Object.entries(byFormat).map(([f, o]) => [f, o.map((x) => x.number)]))).toEqual({
      gift: [6, 7],
      "moodle-xml": [6],
      csv: [],
      kahoot: [3, 4, 5, 6, 7],
    });
    for (const [format, omitted] of Object.entries(byFormat))
      expect(exportSet(format as keyof typeof byFormat, "Cup final", EVERY_TYPE).omitted).toEqual(omitted);
  });

  it("names each file after the set, with the format's extension and type", () => {
    expect(
      (["gift", "moodle-xml", "csv", "kahoot"] as const).map((f) => {
        const file = exportSet(f, "Cup final", EVERY_TYPE);
        return [file.fileName, file.type, typeof file.body];
      }),
    ).toEqual([
      ["Cup final.gift.txt", "text/plain", "string"],
      ["Cup final.xml", "application/xml", "string"],
      ["Cup final.csv", "text/csv", "string"],
      ["Cup final (Kahoot).xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "object"],
    ]);
  });
});
