// One JSON line per request on stdout, for an operator's log collector: when it ended, the
// method, the route it reached, the status, how long it took and which process served it.
// Nothing personal: the route is the app's pattern ("/api/students/[studentId]/export"),
// never the path with its ids, and no query string, cookie, address, user or body is read.
// Plain JavaScript beside scripts/server.mjs, which runs without a loader.
//
//   LOG_REQUESTS=json  on (the default in production)
//   LOG_REQUESTS=off   off (the default in development)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Whether to log requests, from LOG_REQUESTS; a value it does not know stops the server at
 * start rather than silently logging nothing.
 * @param {NodeJS.ProcessEnv} env
 * @returns {"json" | "off"}
 */
export function requestLogMode(env) {
  const value = env.LOG_REQUESTS?.trim().toLowerCase();
  if (!value) return env.NODE_ENV === "production" ? "json" : "off";
  if (value === "json" || value === "off") return value;
  throw new Error(`LOG_REQUESTS must be "json" or "off"; got "${env.LOG_REQUESTS}".`);
}

/**
 * The route a path reached, from the build's routes (Next's routes-manifest.json): a page
 * or handler's pattern, a file of the build (/_next/...) or of public/ as itself, and
 * "(unmatched)" for anything else (a 404's path is whatever the client wrote).
 * @param {{ staticRoutes: { page: string }[], dynamicRoutes: { page: string, regex: string }[] }} manifest
 * @param {string[]} publicFiles paths under public/, each starting with "/"
 * @returns {(path: string) => string}
 */
export function routeMatcher(manifest, publicFiles) {
  const exact = new Set([...manifest.staticRoutes.map((route) => route.page), ...publicFiles]);
  const dynamic = manifest.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
    if (exact.has(trimmed)) return trimmed;
    if (trimmed.startsWith("/_next/")) return trimmed;
    return dynamic.find((route) => route.regex.test(pathname))?.page ?? "(unmatched)";
  };
}

/**
 * The matcher for the production build in `dir` (the project's root). The development server
 * builds routes as they are visited, so there every page reads "(unmatched)" unless built.
 * @param {string} dir
 */
export function buildRouteMatcher(dir) {
  const manifestPath = path.join(dir, ".next", "routes-manifest.json");
  const manifest = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, "utf8"))
    : { staticRoutes: [], dynamicRoutes: [] };
  const publicDir = path.join(dir, "public");
  const publicFiles = existsSync(publicDir)
    ? readdirSync(publicDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map(
          (entry) => `/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`,
        )
    : [];
  return routeMatcher(manifest, publicFiles);
}

/**
 * The log line of one request.
 * @param {{ time: Date, method: string, route: string, status: number, ms: number, pid: number, aborted: boolean }} entry
 */
export function requestLogLine({ time, method, route, status, ms, pid, aborted }) {
  return JSON.stringify({
    time: time.toISOString(),
    method,
    route,
    status,
    ms: Math.round(ms * 10) / 10,
    pid,
    // The client went away before the response ended (a phone that lost its network).
    ...(aborted ? { aborted: true } : {}),
  });
}

/**
 * A logger that writes each request's line once its response ends. Lines are gathered and
 * written once per turn of the event loop: one write for many requests under load.
 * @param {(path: string) => string} routeOf
 * @param {(text: string) => void} write
 */
export function requestLogger(routeOf, write = (text) => process.stdout.write(text)) {
  /** @type {string[]} */
  let pending = [];
  const flush = () => {
    const text = pending.join("");
    pending = [];
    if (text) write(text);
  };
  process.on("exit", flush);
  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  return (req, res) => {
    const started = performance.now();
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const route = routeOf(query === -1 ? url : url.slice(0, query));
    res.once("close", () => {
      if (pending.length === 0) setImmediate(flush);
      pending.push(
        `${requestLogLine({
          time: new Date(),
          method: req.method ?? "GET",
          route,
          status: res.statusCode,
          ms: performance.now() - started,
          pid: process.pid,
          aborted: !res.writableFinished,
        })}\n`,
      );
    });
  };
}
