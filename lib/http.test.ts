import { describe, expect, it } from "vitest";

import { isCrossSite, jsonResponse, MAX_JSON_BODY_BYTES, readBody, readJsonBody } from "@/lib/http";

const request = (headers: Record<string, string>) =>
  new Request("http://quiz.school.org/api/x", { method: "POST", headers });

describe("jsonResponse", () => {
  it("keeps a small reply from being gzipped (no-transform) and lets a large one be, never cached", async () => {
    const small = jsonResponse({ status: "received", duplicate: false });
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(await small.json()).toEqual({ status: "received", duplicate: false });
    const large = jsonResponse({ rows: Array.from({ length: 200 }, (_, i) => `row ${i}`) }, 201);
    expect(large.status).toBe(201);
    expect(large.headers.get("cache-control")).toBe("no-store");
  });
});

describe("isCrossSite", () => {
  it("trusts the browser's Sec-Fetch-Site", () => {
    expect(isCrossSite(request({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSite(request({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(request({ "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("falls back to comparing Origin with Host", () => {
    expect(isCrossSite(request({ origin: "http://quiz.school.org", host: "quiz.school.org" }))).toBe(false);
    expect(isCrossSite(request({ origin: "https://evil.example", host: "quiz.school.org" }))).toBe(true);
    expect(isCrossSite(request({ origin: "null", host: "quiz.school.org" }))).toBe(true);
  });

  it("lets a non-browser client without either header through", () => {
    expect(isCrossSite(request({}))).toBe(false);
  });
});

/** A chunked body (no Content-Length) that counts how much of it was pulled. */
function endlessBody(chunkBytes: number, chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x5b)); // "[[[[..."
    },
  });
  return { stream, pulled: () => pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://quiz.school.org/api/answers", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);

describe("readJsonBody", () => {
  it("parses a body within the limit", async () => {
    const read = await readJsonBody(post(JSON.stringify({ a: 1 })), MAX_JSON_BODY_BYTES);
    expect(read).toEqual({ ok: true, value: { a: 1 } });
  });

  it("refuses a declared Content-Length over the limit with 413, reading nothing", async () => {
    const body = endlessBody(64 * 1024, 1_000);
    const read = await readJsonBody(
      post(body.stream, { "content-length": String(300 * 1024 * 1024) }),
      MAX_JSON_BODY_BYTES,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.response.status).toBe(413);
    expect(await read.response.json()).toMatchObject({ error: "too_large", message: expect.stringMatching(/16 KB/) });
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const body = endlessBody(4 * 1024, 10_000); // 40 MB if read to the end
    const read = await readJsonBody(post(body.stream), MAX_JSON_BODY_BYTES);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.response.status).toBe(413);
    expect(body.pulled()).toBeLessThan(10);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const read = await readJsonBody(post("{nope"), MAX_JSON_BODY_BYTES);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.response.status).toBe(400);
  });
});

describe("readBody", () => {
  it("returns the bytes of a body within the limit", async () => {
    const read = await readBody(post("email=a%40b.org&password=x"), 1024);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe("email=a%40b.org&password=x");
  });
});
