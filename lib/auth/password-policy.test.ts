import { describe, expect, it } from "vitest";

import { passwordProblem, studentSecretProblem } from "@/lib/auth/password-policy";

describe("passwords", () => {
  it("need at least 10 characters", () => {
    expect(passwordProblem("abc123xyz")).toBe("Use at least 10 characters.");
    expect(passwordProblem("amber-lantern-orbit")).toBeUndefined();
  });

  it("may not be common, whatever their case", () => {
    expect(passwordProblem("password123")).toMatch(/too common/);
    expect(passwordProblem("Password123")).toMatch(/too common/);
    expect(passwordProblem("qwertyuiop")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaa")).toMatch(/too common/);
  });
});

describe("student passwords and PINs", () => {
  it("accept a PIN of at least 6 digits that is not easy to guess", () => {
    expect(studentSecretProblem("480193")).toBeUndefined();
    expect(studentSecretProblem("48019")).toBe("A PIN needs at least 6 digits.");
    for (const pin of ["123456", "000000", "111111", "654321", "234567"])
      expect(studentSecretProblem(pin), pin).toMatch(/too easy/);
  });

  it("hold passwords to the same rules as everyone's", () => {
    expect(studentSecretProblem("short-pw")).toBe("Use at least 10 characters.");
    expect(studentSecretProblem("river-basket-cloud")).toBeUndefined();
  });
});
