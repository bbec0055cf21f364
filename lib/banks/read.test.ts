import { describe, expect, it } from "vitest";

import { writeCsv } from "@/lib/banks/csv";
import { writeGift } from "@/lib/banks/gift";
import { answerInWords, problemLine, readBankFile } from "@/lib/banks/read";
import { EVERY_TYPE } from "@/lib/banks/test-fixtures";

describe("readBankFile", () => {
  it("reads a file by its name's extension, with each question's right answer in words", () => {
    const gift = readBankFile("Cup final.gift", writeGift("Cup final", EVERY_TYPE).text);
    if (!("format" in gift)) throw new Error("not read");
    expect(gift.format).toBe("gift");
    expect(gift.checked.map((c) => answerInWords(c.question.type, c.content))).toEqual([
      "Brackenfield Stadium",
      "True",
      "Dorvale",
      "1200 (±50)",
      "Ana Ruiz: coach; Sam Okafor: referee; Li Wei: captain",
    ]);
    const csv = readBankFile("cup.CSV", writeCsv(EVERY_TYPE));
    expect("format" in csv && csv.format).toBe("csv");
    expect("format" in csv && answerInWords("ORDERING", csv.checked[6]!.content)).toBe("Semi-final → Final → Parade");
  });

  it("orders a matching question's pairs so that no row sits beside its match on screen", () => {
    // The file lists the pairs so that their right-hand items are alphabetical, as students see them.
    const file = readBankFile(
      "rivers.gift",
      "Match each town with its river. {=Ash -> Alder =Birch -> Beech =Cedar -> Cherry}",
    );
    if (!("format" in file)) throw new Error("not read");
    const options = file.checked[0]!.content.options;
    const targets = options.map((o) => o.matchText!).sort((a, b) => a.localeCompare(b));
    expect(options.map((o) => [o.position, o.text, o.matchText])).toEqual([
      [0, "Birch", "Beech"],
      [1, "Cedar", "Cherry"],
      [2, "Ash", "Alder"],
    ]);
    expect(options.every((o, row) => o.matchText !== targets[row])).toBe(true);
  });

  it("refuses another kind of file, and a file with nothing Quizwire can ask", () => {
    expect(readBankFile("bank.docx", "x").problems.map(problemLine)).toEqual([
      "Choose a GIFT file (.gift or .txt) or a CSV file (.csv).",
    ]);
    expect(readBankFile("essays.gift", "Describe the river. {}").problems.map(problemLine)).toEqual([
      "None of the file's questions is of a type Quizwire asks (see the list of skipped questions).",
    ]);
    expect(readBankFile("bad.gift", "\n\nWhich? {~a ~b}").problems.map(problemLine)).toEqual([
      "Line 3: No answer is marked right: mark one with =.",
    ]);
  });
});
