// Whether the production build in .next/ was made from the current sources, so a second
// `npm start` skips the build and starts in seconds.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/models.prisma",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP = ".next/quizwire-sources.sha256";

function walk(entry: string, files: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) {
      if (name === "generated" || name === "node_modules" || name.endsWith(".test.ts")) continue;
      walk(path.join(entry, name), files);
    }
  } else {
    files.push(entry);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(source, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceHash();
}

/** Records the sources a finished build was made from: their hash as taken before it started. */
export function markBuildCurrent(hashBeforeBuild: string): void {
  writeFileSync(STAMP, hashBeforeBuild);
}
