import { describe, expect, it } from "vitest";

import { allowedHostProblem, isAllowedHost, isPrivateAddress } from "./addresses";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.8",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.20",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.251",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::10.0.0.1",
    "2002:c0a8:0101::1",
    "fe80::1%eth0",
    "not an address",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "192.169.0.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "2002:0808:0808::1",
  ])("allows the public address %s", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("isAllowedHost", () => {
  it("matches a host with or without its port, nothing else", () => {
    const url = new URL("http://127.0.0.1:3321/page");
    expect(isAllowedHost(url, ["127.0.0.1"])).toBe(true);
    expect(isAllowedHost(url, ["127.0.0.1:3321"])).toBe(true);
    expect(isAllowedHost(url, ["127.0.0.1:80"])).toBe(false);
    expect(isAllowedHost(url, ["127.0.0.2", "localhost"])).toBe(false);
    expect(isAllowedHost(new URL("https://Intranet.School.org/x"), ["intranet.school.org:443"])).toBe(true);
    expect(isAllowedHost(new URL("http://[::1]:8080/"), ["[::1]:8080"])).toBe(true);
    expect(isAllowedHost(new URL("http://[::1]:8080/"), ["::1"])).toBe(true);
    expect(isAllowedHost(new URL("http://evil.test/"), [])).toBe(false);
  });

  it("says what is wrong with an entry that is not a host", () => {
    expect(allowedHostProblem("intranet.school.org")).toBeUndefined();
    expect(allowedHostProblem("10.0.0.5:8080")).toBeUndefined();
    expect(allowedHostProblem("::1")).toBeUndefined();
    expect(allowedHostProblem("http://x/y")).toMatch(/not a host name/);
    expect(allowedHostProblem("a b")).toMatch(/not a host name/);
  });
});
