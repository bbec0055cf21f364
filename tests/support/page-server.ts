// A local web server of pages and feeds written for the tests (tests/fixtures/links/), so the
// link importer and the feed reader are tested against HTTP as it is, never against the
// internet: wire copy, a feature with JSON-LD, a paywalled page, a page in German, a list of
// stories, a PDF, a huge page, a slow page, redirects (one to a private address, one that
// never ends) and two feeds. Used by the unit tests of lib/links, the integration tests and e2e.
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "links");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".pdf": "application/pdf",
};

export interface Override {
  status?: number;
  type?: string;
  body?: string;
}

export interface PageServer {
  /** http://127.0.0.1:PORT */
  base: string;
  host: string;
  port: number;
  /** Request paths served so far, in order. */
  hits: string[];
  /** Serves this instead of the file at a path (a feed that changes or breaks); undefined restores it. */
  override(pathname: string, override: Override | undefined): void;
  close(): Promise<void>;
}

export const HUGE_PAGE_BYTES = 6 * 1024 * 1024;

export async function startPageServer(): Promise<PageServer> {
  const overrides = new Map<string, Override>();
  const hits: string[] = [];
  let base = "";
  const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8").replaceAll("{{base}}", base);
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    hits.push(url.pathname);
    const override = overrides.get(url.pathname);
    if (override)
      return send(res, override.status ?? 200, override.type ?? "text/html; charset=utf-8", override.body ?? "");
    const redirect = (location: string) => {
      res.writeHead(302, { Location: location });
      res.end();
    };
    switch (url.pathname) {
      case "/moved":
        return redirect("/wire.html");
      case "/moved-far":
        return redirect(`${base}/moved`);
      case "/to-intranet":
        return redirect("http://intranet.test/staff-list.html");
      case "/to-metadata":
        return redirect("http://169.254.169.254/latest/meta-data/");
      case "/to-ftp":
        return redirect("ftp://files.test/report.txt");
      case "/loop":
        return redirect("/loop");
      case "/gzip/wire.html": {
        const body = zlib.gzipSync(fixture("wire.html"));
        res.writeHead(200, { "Content-Type": TYPES[".html"], "Content-Encoding": "gzip" });
        return res.end(body);
      }
      case "/huge.html": {
        // No Content-Length: the reader must count what it reads.
        res.writeHead(200, { "Content-Type": TYPES[".html"] });
        const chunk = `<p>${"Filler text for a page far larger than any article. ".repeat(1000)}</p>\n`;
        let sent = 0;
        const write = () => {
          while (sent < HUGE_PAGE_BYTES) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once("drain", write);
          }
          res.end();
        };
        res.on("error", () => undefined);
        return write();
      }
      case "/slow.html": {
        const timer = setTimeout(() => send(res, 200, TYPES[".html"]!, fixture("wire.html")), 5_000);
        res.on("close", () => clearTimeout(timer));
        return;
      }
      case "/photo.png":
        return send(res, 200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      case "/not-a-feed.rss":
        return send(res, 200, TYPES[".rss"]!, "<html><body>Oops, this is not a feed.</body></html>");
    }
    const name = url.pathname.replace(/^\/+/, "");
    const type = TYPES[path.extname(name)];
    if (!type || name.includes("/") || name.includes("..")) return send(res, 404, "text/plain", "Not found");
    try {
      return send(res, 200, type, name.endsWith(".pdf") ? readFileSync(path.join(FIXTURES, name)) : fixture(name));
    } catch {
      return send(res, 404, "text/plain", "Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    host: "127.0.0.1",
    port,
    hits,
    override: (pathname, override) => (override ? overrides.set(pathname, override) : overrides.delete(pathname)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
