// Which network addresses an imported link may reach. A teacher's link is fetched by the
// server, inside the school's network: without these checks a link (or a redirect, or a name
// that resolves to an inside address) could read the school's intranet, the cloud's metadata
// service or the server itself. Pure: the fetcher (fetch-page.ts) resolves names and asks here.
import { isIP } from "node:net";

/** IPv4 ranges that are not the public internet (RFC 6890 and friends), as [first, prefix length]. */
const PRIVATE_V4: Array<[string, number]> = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata services live here)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
];

function v4ToNumber(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function inV4Range(address: string, [first, bits]: [string, number]): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(v4ToNumber(address) / size) === Math.floor(v4ToNumber(first) / size);
}

/** The eight 16-bit groups of an IPv6 address (with any IPv4 tail converted). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const n = v4ToNumber(v4Tail[1]!);
    text = `${text.slice(0, -v4Tail[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? (text.split("::") as [string, string]) : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...tailGroups];
  return groups.map((g) => parseInt(g || "0", 16));
}

function v4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function isPrivateV6(address: string): boolean {
  const g = v6Groups(address);
  const [a, b] = g as [number, number];
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return true; // ::
  if (zeroUpTo(7) && g[7] === 1) return true; // ::1
  // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d)
  // and 6to4 (2002:aabb:ccdd::): judged by the IPv4 address they carry.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return isPrivateAddress(v4FromGroups(g[6]!, g[7]!));
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return isPrivateAddress(v4FromGroups(g[6]!, g[7]!));
  if (a === 0x2002) return isPrivateAddress(v4FromGroups(g[1]!, g[2]!));
  if ((a & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80 || (a & 0xffc0) === 0xfec0) return true; // link-local, old site-local
  if ((a & 0xff00) === 0xff00) return true; // multicast
  if (a === 0x2001 && b === 0x0db8) return true; // documentation
  if (a === 0x2001 && b === 0) return true; // Teredo: tunnels to an address we cannot check
  if (a === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return true; // discard-only
  return false;
}

/** Whether an IP address is not on the public internet (loopback, private, link-local, reserved...). */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address.replace(/%.*$/, ""));
  if (version === 4) return PRIVATE_V4.some((range) => inV4Range(address, range));
  if (version === 6) return isPrivateV6(address);
  // Not an address at all: refuse rather than guess.
  return true;
}

/**
 * Whether an admin allowed this host to be fetched on a private address: an entry is a host
 * name or address, optionally with a port ("intranet.school.org", "127.0.0.1:3321").
 */
export function isAllowedHost(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return allowed.some((entry) => {
    const text = entry.trim().toLowerCase();
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
    const [entryHost, entryPort] = bracketed
      ? [bracketed[1]!, bracketed[2]]
      : isIP(text) === 6
        ? [text, undefined]
        : (text.split(":") as [string, string | undefined]);
    return entryHost === host && (entryPort === undefined || entryPort === port);
  });
}

/** An allow-list entry as an admin types it, checked: a host name or address, optional port. */
export function allowedHostProblem(entry: string): string | undefined {
  const text = entry.trim();
  if (!text) return undefined;
  try {
    const url = new URL(`http://${isIP(text) === 6 ? `[${text}]` : text}/`);
    if (url.pathname !== "/" || url.username || url.search) throw new Error("not a host");
    return undefined;
  } catch {
    return `"${text}" is not a host name or address (for example intranet.school.org or 10.0.0.5:8080).`;
  }
}
