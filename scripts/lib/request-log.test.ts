import { once } from "node:events";
import { createServer, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { requestLogger, requestLogMode, routeMatcher } from "./request-log.mjs";

// The routes of a build, as Next's routes-manifest.json lists them.
const MANIFEST = {
  staticRoutes: [{ page: "/" }, { page: "/api/answers" }, { page: "/join" }],
  dynamicRoutes: [
    { page: "/api/students/[studentId]/export", regex: "^/api/students/([^/]+?)/export(?:/)?$" },
    { page: "/assignments/[assignmentId]", regex: "^/assignments/([^/]+?)(?:/)?$" },
  ],
};
const routeOf = routeMatcher(MANIFEST, ["/sw.js"]);

describe("requestLogMode", () => {
  it("is on in production and off in development unless LOG_REQUESTS says", () => {
    expect(requestLogMode({ NODE_ENV: "production" })).toBe("json");
    expect(requestLogMode({ NODE_ENV: "development" })).toBe("off");
    expect(requestLogMode({ NODE_ENV: "production", LOG_REQUESTS: "off" })).toBe("off");
    expect(requestLogMode({ NODE_ENV: "development", LOG_REQUESTS: "JSON" })).toBe("json");
  });

  it("refuses a value it does not know, so a typo does not silently log nothing", () => {
    expect(() => requestLogMode({ NODE_ENV: "production", LOG_REQUESTS: "yes" })).toThrow(
      'LOG_REQUESTS must be "json" or "off"; got "yes".',
    );
  });
});

describe("routeMatcher", () => {
  it("names the route's pattern, never the ids in the path", () => {
    expect(routeOf("/api/students/cm1student42/export")).toBe("/api/students/[studentId]/export");
    expect(routeOf("/assignments/cmx9/")).toBe("/assignments/[assignmentId]");
    expect(routeOf("/join")).toBe("/join");
    expect(routeOf("/")).toBe("/");
  });

  it("keeps the build's and public/ files, and hides every other path", () => {
    expect(routeOf("/_next/static/chunks/app.js")).toBe("/_next/static/chunks/app.js");
    expect(routeOf("/sw.js")).toBe("/sw.js");
    expect(routeOf("/reset-password-old/secret-token")).toBe("(unmatched)");
  });
});

describe("requestLogger on a real HTTP server", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(handler: (res: ServerResponse) => void) {
    const written: string[] = [];
    const log = requestLogger(routeOf, (text) => written.push(text));
    server = createServer((req, res) => {
      log(req, res);
      handler(res);
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    return { port: (server.address() as AddressInfo).port, written };
  }

  function send(port: number, path: string, headers: Record<string, string>, body?: string) {
    return new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method: body ? "POST" : "GET", headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  it("writes one JSON line per request with its method, route, status, time and process, and nothing personal", async () => {
    const { port, written } = await serve((res) => res.writeHead(201).end("{}"));
    const cookie = "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.secret-cookie";
    await send(port, "/api/students/cm1student42/export?token=reset-token-123&name=Ana", {
      cookie,
      "x-forwarded-for": "203.0.113.9",
    });
    await send(port, "/api/answers", { cookie, "content-type": "application/json" }, '{"displayName":"Ana Lopes"}');
    await new Promise((resolve) => setImmediate(resolve));

    const text = written.join("");
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      method: "GET",
      route: "/api/students/[studentId]/export",
      status: 201,
      ms: expect.any(Number),
      pid: process.pid,
    });
    expect(second).toMatchObject({ method: "POST", route: "/api/answers", status: 201 });
    for (const secret of [
      "secret-cookie",
      "authjs",
      "cm1student42",
      "reset-token",
      "token=",
      "?",
      "Ana",
      "203.0.113.9",
    ])
      expect(text).not.toContain(secret);
  });

  it("marks a request whose client went away before the response ended", async () => {
    const { port, written } = await serve((res) => {
      res.writeHead(200);
      res.write("partial");
      // Never ended: the client gives up.
    });
    await new Promise<void>((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: "/join" }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.end();
    });
    await expect.poll(() => written.join("")).toContain('"aborted":true');
    expect(JSON.parse(written.join(""))).toMatchObject({ route: "/join", status: 200, aborted: true });
  });
});
