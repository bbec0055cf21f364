// `import "server-only"` marks modules that must never reach a browser: Next fails the build
// when a client component imports one. Outside Next there is no browser bundle, and the marker
// package throws when loaded, so the other runners resolve it to its empty build, as Next does
// on the server: Playwright by loading this file (playwright.config.ts), tsx scripts with
// `--conditions=react-server` (package.json), Vitest with an alias (vitest.config.mts).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
