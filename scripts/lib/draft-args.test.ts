import { describe, expect, it } from "vitest";

import { parseDraftArgs } from "./draft-args";

// What the script receives from each way of calling it (checked against npm 10 and 11).
const npm = (vars: Record<string, string>) => ({ npm_lifecycle_event: "draft", ...vars });

describe("npm run draft", () => {
  it("takes the date after --published when npm's -- is given", () => {
    expect(parseDraftArgs(["a.txt", "--published", "2025-05-16"], npm({}))).toEqual({
      file: "a.txt",
      published: "2025-05-16",
      json: false,
    });
  });

  it("takes the date npm separated from --published when -- is left out", () => {
    // npm run draft a.txt --published 2025-05-16 --json
    expect(
      parseDraftArgs(["a.txt", "2025-05-16"], npm({ npm_config_published: "true", npm_config_json: "true" })),
    ).toEqual({ file: "a.txt", published: "2025-05-16", json: true });
  });

  it("takes --published=DATE that npm kept for itself", () => {
    expect(parseDraftArgs(["a.txt"], npm({ npm_config_published: "2025-05-16" }))).toEqual({
      file: "a.txt",
      published: "2025-05-16",
      json: false,
    });
  });

  it("ignores npm options when not run as npm run draft", () => {
    expect(parseDraftArgs(["a.txt"], { npm_config_published: "2025-05-16", npm_config_json: "true" })).toEqual({
      file: "a.txt",
      published: undefined,
      json: false,
    });
  });

  it("says how to write the date when it is not a date", () => {
    expect(() => parseDraftArgs(["a.txt", "--published", "16 May"])).toThrow(/write the date as YYYY-MM-DD/);
    expect(() => parseDraftArgs(["a.txt"], npm({ npm_config_published: "true" }))).toThrow(
      /--published needs a date written YYYY-MM-DD/,
    );
  });

  it("refuses two files or none, naming them", () => {
    expect(() => parseDraftArgs(["a.txt", "b.txt"])).toThrow(/one article file, not several \(a.txt, b.txt\)/);
    expect(() => parseDraftArgs([])).toThrow(/Give the article file/);
  });
});
