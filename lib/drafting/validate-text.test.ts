import { describe, expect, it } from "vitest";

import { loadFixtures } from "./evaluate";
import { articleTextProblems, type ArticleTextInput } from "./validate-text";

const now = new Date("2025-12-01T12:00:00Z");
const ok: ArticleTextInput = {
  title: "Talks in Istanbul",
  outlet: "Global Times",
  url: "https://example.com/a",
  publishedOn: "2025-05-16",
  body: "Russian and Ukrainian representatives finally held direct talks in Istanbul on Friday, marking the first direct engagement between the two sides since their meeting in the Turkish city in March 2022.",
};
const fields = (input: Partial<ArticleTextInput>) => articleTextProblems({ ...ok, ...input }, now).map((p) => p.field);

describe("articleTextProblems", () => {
  it("accepts a plain English article, and every fixture article", () => {
    expect(articleTextProblems(ok, now)).toEqual([]);
    for (const f of loadFixtures()) {
      expect(articleTextProblems({ ...ok, title: f.title, publishedOn: f.publishedOn, body: f.body }, now)).toEqual([]);
    }
  });

  it("rejects empty and over-long text", () => {
    expect(articleTextProblems({ ...ok, body: "  \n " }, now)).toEqual([
      { field: "body", message: expect.stringMatching(/empty/) },
    ]);
    const long = articleTextProblems({ ...ok, body: `${ok.body} `.repeat(600) }, now);
    expect(long.map((p) => p.message).join()).toMatch(/limit is 100,000/);
  });

  it("asks for plain text when HTML or Word markup is pasted", () => {
    for (const body of [
      `<p>${ok.body}</p>`,
      `<span style="mso-bidi-font-family:Arial">${ok.body}</span>`,
      ok.body.replace(/ /, "&nbsp;"),
    ]) {
      const problems = articleTextProblems({ ...ok, body }, now);
      expect(problems.map((p) => p.message).join()).toMatch(/plain text/);
    }
    expect(fields({ body: `${ok.body} Prices rose 5% <-> 6% in a year.` })).toEqual([]);
  });

  it("gives a page pasted as HTML one message, not also 'does not look like English'", () => {
    const styled = (text: string) =>
      `<p class="MsoNormal" style="mso-bidi-font-family:Calibri;font-size:11pt;line-height:normal"><span style="font-family:Arial;color:black">${text}</span></p>`;
    const body = ok.body
      .split(/(?<=,) /)
      .map(styled)
      .join("\n");
    const problems = articleTextProblems({ ...ok, body }, now);
    expect(problems).toEqual([{ field: "body", message: expect.stringMatching(/plain text/) }]);
  });

  it("rejects text that is not English", () => {
    const french =
      "Les représentants russes et ukrainiens ont finalement tenu des pourparlers directs à Istanbul vendredi, marquant le premier engagement direct entre les deux parties depuis leur rencontre dans la ville turque en mars 2022.";
    const german =
      "Russische und ukrainische Vertreter haben am Freitag in Istanbul erstmals direkte Gespräche geführt. Es war das erste direkte Treffen der beiden Seiten seit ihrem Treffen in der türkischen Stadt im März 2022.";
    expect(articleTextProblems({ ...ok, body: french }, now)).toEqual([
      { field: "body", message: expect.stringMatching(/English/) },
    ]);
    expect(fields({ body: german })).toEqual(["body"]);
  });

  it("rejects a future or impossible publication date", () => {
    expect(articleTextProblems({ ...ok, publishedOn: "2025-12-02" }, now)).toEqual([
      { field: "publishedOn", message: expect.stringMatching(/future/) },
    ]);
    expect(fields({ publishedOn: "2025-12-01" })).toEqual([]);
    expect(fields({ publishedOn: "2025-02-30" })).toEqual(["publishedOn"]);
    expect(fields({ publishedOn: "16/05/2025" })).toEqual(["publishedOn"]);
  });

  it("rejects a bad url and a missing title or outlet", () => {
    expect(fields({ url: "example.com/article" })).toEqual(["url"]);
    expect(fields({ url: "ftp://example.com/a" })).toEqual(["url"]);
    expect(fields({ url: undefined })).toEqual([]);
    expect(fields({ title: " ", outlet: "" })).toEqual(["title", "outlet"]);
  });
});
