// One entry point for a set's download in each bank format: the file's bytes, name and type, and
// what the format leaves out (shown beside the download buttons too). Pure.
import { writeCsv } from "@/lib/banks/csv";
import { giftFits, writeGift } from "@/lib/banks/gift";
import { kahootFits, writeKahoot } from "@/lib/banks/kahoot";
import { moodleXmlFits, writeMoodleXml } from "@/lib/banks/moodle-xml";
import { omissionsOf, type BankFormat, type BankQuestion, type Fits, type Omission } from "@/lib/banks/types";

const FITS: Record<BankFormat, Fits> = {
  gift: giftFits,
  "moodle-xml": moodleXmlFits,
  csv: () => undefined,
  kahoot: kahootFits,
};

/** What each format would leave out of the set. */
export function omissionsByFormat(questions: readonly BankQuestion[]): Record<BankFormat, Omission[]> {
  return {
    gift: omissionsOf(questions, FITS.gift),
    "moodle-xml": omissionsOf(questions, FITS["moodle-xml"]),
    csv: omissionsOf(questions, FITS.csv),
    kahoot: omissionsOf(questions, FITS.kahoot),
  };
}

export interface ExportFile {
  body: string | Uint8Array;
  fileName: string;
  type: string;
  omitted: Omission[];
}

export function exportSet(format: BankFormat, title: string, questions: readonly BankQuestion[]): ExportFile {
  switch (format) {
    case "gift": {
      const { text, omitted } = writeGift(title, questions);
      return { body: text, fileName: `${title}.gift.txt`, type: "text/plain", omitted };
    }
    case "moodle-xml": {
      const { text, omitted } = writeMoodleXml(title, questions);
      return { body: text, fileName: `${title}.xml`, type: "application/xml", omitted };
    }
    case "csv":
      return { body: writeCsv(questions), fileName: `${title}.csv`, type: "text/csv", omitted: [] };
    case "kahoot": {
      const { bytes, omitted } = writeKahoot(title, questions);
      return {
        body: bytes,
        fileName: `${title} (Kahoot).xlsx`,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        omitted,
      };
    }
  }
}
