// Checks a pasted article before drafting: every problem a teacher can fix, each with a clear
// message next to its field. Cheap on purpose: no tagger, no network.

export interface ArticleTextInput {
  title: string;
  outlet: string;
  url?: string;
  /** YYYY-MM-DD */
  publishedOn: string;
  body: string;
}

export interface TextProblem {
  field: string;
  message: string;
}

export const MAX_ARTICLE_CHARACTERS = 100_000;

/** Common English function words: a plain English article uses them in a fifth or more of its words. */
const ENGLISH_STOP_WORDS = new Set(
  `the of and to a in is was that for on with as by at from it its are were be been has have had not but or an this
  which who their they he she his her will would said after before over than also more about into up out no there`.split(
    /\s+/,
  ),
);
const MIN_ENGLISH_RATIO = 0.15;

const PASTED_MARKUP: Array<{ pattern: RegExp; what: string }> = [
  {
    pattern: /<\/?(p|span|div|br|b|i|em|strong|a|font|table|tr|td|h[1-6]|ul|ol|li|o:p)(\s[^>]*)?\/?>/i,
    what: "HTML tags",
  },
  { pattern: /\bmso-[a-z-]+\s*:/i, what: "Word formatting (mso- styles)" },
  {
    pattern: /&(nbsp|amp|quot|lt|gt|rsquo|lsquo|rdquo|ldquo|mdash|ndash|#\d+);/i,
    what: "HTML entities such as &nbsp;",
  },
];

function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Share of the words that are common English function words (0..1). */
export function englishStopWordRatio(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((word) => ENGLISH_STOP_WORDS.has(word)).length / words.length;
}

/** The text a browser would show: tags, Word styles and entities removed. */
function withoutMarkup(body: string): string {
  return body.replace(/<[^>]*>/g, " ").replace(/&(#\d+|[a-z]+);/gi, " ");
}

/** Problems with a pasted article, by field; empty when it can be drafted from. */
export function articleTextProblems(input: ArticleTextInput, now: Date): TextProblem[] {
  const problems: TextProblem[] = [];
  if (!input.title.trim()) problems.push({ field: "title", message: "Give the article's headline." });
  if (!input.outlet.trim())
    problems.push({ field: "outlet", message: "Name the outlet that published the article (e.g. Reuters)." });

  if (input.url !== undefined && input.url.trim() !== "") {
    let ok = false;
    try {
      const url = new URL(input.url.trim());
      ok = (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
    } catch {
      ok = false;
    }
    if (!ok)
      problems.push({
        field: "url",
        message: "The link must be a full web address starting with https:// (or leave it empty).",
      });
  }

  if (!isRealIsoDate(input.publishedOn)) {
    problems.push({ field: "publishedOn", message: "The publication date must be a real date written YYYY-MM-DD." });
  } else {
    const today = now.toISOString().slice(0, 10);
    if (input.publishedOn > today) {
      problems.push({
        field: "publishedOn",
        message: `The publication date ${input.publishedOn} is in the future (today is ${today}).`,
      });
    }
  }

  const body = input.body;
  if (!body.trim()) {
    problems.push({ field: "body", message: "Paste the article's text: it is empty." });
    return problems;
  }
  if (body.length > MAX_ARTICLE_CHARACTERS) {
    problems.push({
      field: "body",
      message: `The text is ${body.length.toLocaleString("en-GB")} characters long; the limit is ${MAX_ARTICLE_CHARACTERS.toLocaleString("en-GB")}. Paste one article at a time.`,
    });
  }
  const markup = PASTED_MARKUP.filter(({ pattern }) => pattern.test(body)).map(({ what }) => what);
  if (markup.length > 0) {
    problems.push({
      field: "body",
      message: `The text contains ${markup.join(" and ")}: it was pasted from a web page or Word document. Paste it as plain text (e.g. Ctrl+Shift+V, or through a plain text editor).`,
    });
  }
  // Judged on the words a reader sees: tag names, styles and entities are not the article's
  // language, so pasted HTML gets the one message above.
  const prose = markup.length > 0 ? withoutMarkup(body) : body;
  const words = prose.match(/\p{L}+/gu) ?? [];
  if (words.length >= 20 && englishStopWordRatio(prose) < MIN_ENGLISH_RATIO) {
    problems.push({
      field: "body",
      message: "The text does not look like English. Quizwire drafts facts from English articles only.",
    });
  }
  return problems;
}
