import { describe, expect, it } from "vitest";

import {
  CODE_ALPHABET,
  formatJoinCode,
  generateJoinCode,
  generatePassword,
  JOIN_CODE_LENGTH,
  normaliseJoinCode,
  usernameFor,
} from "@/lib/classes/codes";

describe("join codes", () => {
  it("carry at least 40 bits of randomness", () => {
    expect(JOIN_CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it("never use characters that look alike", () => {
    for (let i = 0; i < 200; i++) expect(generateJoinCode()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });

  it("read back whatever way a student types them", () => {
    const code = generateJoinCode();
    expect(normaliseJoinCode(` ${formatJoinCode(code).toLowerCase()} `)).toBe(code);
  });
});

describe("usernames", () => {
  it("come from the display name, without accents or spaces, plus digits", () => {
    expect(usernameFor("Zoë Müller-Smith")).toMatch(/^zoe-muller-smith-\d{4}$/);
    expect(usernameFor("!!!")).toMatch(/^student-\d{4}$/);
  });
});

describe("generated passwords", () => {
  it("are long and differ each time", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
