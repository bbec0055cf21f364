import { describe, expect, it } from "vitest";

import { clientIpOf, declaresBodyOver, MAX_REQUEST_BODY_BYTES, protoOf } from "./server.mjs";

const request = (remoteAddress: string, forwarded?: string) => ({
  headers: forwarded ? { "x-forwarded-for": forwarded } : {},
  socket: { remoteAddress },
});

describe("clientIpOf", () => {
  it("uses the socket address and ignores a forwarding header nobody asked us to trust", () => {
    expect(clientIpOf(request("::ffff:192.168.1.20", "1.2.3.4"), 0)).toBe("192.168.1.20");
  });

  it("with TRUST_PROXY=1 takes the address the proxy appended, not what the client wrote", () => {
    expect(clientIpOf(request("10.0.0.2", "6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("with two proxies takes the entry two from the right", () => {
    expect(clientIpOf(request("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1"), 2)).toBe("203.0.113.9");
  });

  it("falls back to the socket when the header is missing", () => {
    expect(clientIpOf(request("10.0.0.2"), 1)).toBe("10.0.0.2");
  });
});

const withProto = (proto?: string, encrypted = false) => ({
  headers: proto ? { "x-forwarded-proto": proto } : {},
  socket: { encrypted },
});

describe("protoOf", () => {
  it("is the socket's on a plain LAN server, whatever the client claims", () => {
    expect(protoOf(withProto("https"), 0)).toBe("http");
    expect(protoOf(withProto(undefined, true), 0)).toBe("https");
  });

  it("with TRUST_PROXY takes the proxy's X-Forwarded-Proto", () => {
    expect(protoOf(withProto("https"), 1)).toBe("https");
    expect(protoOf(withProto("http"), 1)).toBe("http");
    expect(protoOf(withProto("https, http"), 1)).toBe("http");
    expect(protoOf(withProto("http, https, http"), 2)).toBe("https");
    expect(protoOf(withProto(), 1)).toBe("http");
  });
});

describe("declaresBodyOver", () => {
  it("refuses a declared body over the server's cap, before reading it", () => {
    const headers = (length: number) => ({ headers: { "content-length": String(length) } });
    expect(declaresBodyOver(headers(300 * 1024 * 1024))).toBe(true);
    expect(declaresBodyOver(headers(MAX_REQUEST_BODY_BYTES + 1))).toBe(true);
    expect(declaresBodyOver(headers(MAX_REQUEST_BODY_BYTES))).toBe(false);
    expect(declaresBodyOver({ headers: {} })).toBe(false);
  });
});
