// An article body is plain paragraphs separated by blank lines, with "## " headings.
// Each block gets a stable anchor so feedback can link to the sentence it quotes.

export type BodyBlock = { kind: "heading" | "paragraph"; text: string; anchor: string };

export function splitBody(body: string): BodyBlock[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block, index) =>
      block.startsWith("## ")
        ? { kind: "heading" as const, text: block.slice(3).trim(), anchor: `p${index + 1}` }
        : { kind: "paragraph" as const, text: block.replace(/\s*\n\s*/g, " "), anchor: `p${index + 1}` },
    );
}

/** The anchor of the block that contains the quote, if any. */
export function anchorOfQuote(blocks: BodyBlock[], quote: string): string | undefined {
  const needle = quote.replace(/\s+/g, " ").trim();
  return blocks.find((block) => block.text.includes(needle))?.anchor;
}

export function wordCount(body: string): number {
  return body.split(/\s+/).filter(Boolean).length;
}
