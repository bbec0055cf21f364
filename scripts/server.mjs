// The production (and dev) HTTP server: Next.js behind a plain Node server that records the
// client's address in a header the app can trust (Next.js does not expose the socket), so
// rate limits can count per address. Run by scripts/start.ts, scripts/dev.ts and the e2e
// suite; plain JavaScript so Node runs it without a loader.
//
//   node scripts/server.mjs [--dev] --port 3000 --host 0.0.0.0
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import next from "next";

export const CLIENT_IP_HEADER = "x-quizwire-client-ip";

/**
 * The client's address. TRUST_PROXY=N: N proxies in front of us each append to
 * X-Forwarded-For, so the client is the entry N places from the right. Otherwise (unset or
 * 0) the socket's address: a forwarding header from an untrusted client is ignored.
 * @param {{ headers: import("node:http").IncomingHttpHeaders, socket: { remoteAddress?: string } }} request
 * @param {number} trustProxy
 * @returns {string | undefined}
 */
export function clientIpOf(request, trustProxy) {
  if (trustProxy > 0) {
    const forwarded = request.headers["x-forwarded-for"];
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const client = hops[hops.length - trustProxy];
    if (client) return client;
  }
  return request.socket.remoteAddress?.replace(/^::ffff:/, "");
}

async function main() {
  const { values } = parseArgs({
    options: {
      dev: { type: "boolean", default: false },
      port: { type: "string", default: "3000" },
      host: { type: "string", default: "0.0.0.0" },
    },
  });
  const port = Number(values.port);
  const trustProxy = Number(process.env.TRUST_PROXY ?? 0);
  const app = next({ dev: values.dev, hostname: values.host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const ip = clientIpOf(req, trustProxy);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, values.host, () => console.log(`✓ Ready on http://${values.host}:${port}`));
  // Finish the requests in flight, then exit; idle keep-alive connections close at once.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
