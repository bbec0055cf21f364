import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, newNonce } from "./security-headers";

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe("contentSecurityPolicy", () => {
  it("lets only the page's own nonced scripts run, and nothing frame the page", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", https: false, dev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("asks for https subresources only when the page came over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("allows eval and inline styles in development only (React's dev tools and Next's style injection)", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
