// The repository stands alone: no source, test, script or build file reads a path outside it
// (a clone in an empty folder must pass). Every relative path written in a tracked file's
// strings must land inside the repository (from the root that scripts and tests run in, or
// from the file's own folder where the line builds on it), and no absolute path may name a
// place in someone's home or work folder.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = /\.(ts|tsx|mts|mjs|js|cjs|json|sh)$|^\.ci\//;
/** Absolute paths the project may name: the system's own tools and files. */
const SYSTEM = /^\/(usr|bin|etc|tmp|dev|proc|sys|var\/run|run)\//;

const inside = (p: string) => p === root || p.startsWith(`${root}${path.sep}`);

/** Paths in a file's string literals that reach outside the repository, with their lines. */
export function outsidePaths(file: string, text: string): string[] {
  const found: string[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (/^\s*(import|export)\b.*\bfrom\b/.test(line) || /^\s*(\/\/|\*)/.test(line)) continue;
    for (const match of line.matchAll(/["'`]((?:\.\.\/|\/)[^"'`\s]*)["'`]/g)) {
      const literal = match[1]!;
      if (literal.startsWith("/")) {
        if (/^\/[\w.-]+\//.test(literal) && !SYSTEM.test(literal) && !/^\/(api|_next|quiz|student)\//.test(literal))
          if (literal.startsWith("/work/") || literal.startsWith("/root/") || literal.startsWith("/home/"))
            found.push(`${file}:${i + 1}: ${literal}`);
        continue;
      }
      // Scripts and tests run from the root; a path built on the file's own folder says so.
      // So does a module specifier, and any path in app/ or components/ (Next bundles them).
      const fileRelative =
        /import\.meta|__dirname|dirname\(|\bfrom\s*["'`]|import\(|require\(/.test(line) ||
        /^(app|components)\//.test(file);
      const resolved = path.resolve(root, fileRelative ? path.dirname(file) : ".", literal);
      if (!inside(resolved)) found.push(`${file}:${i + 1}: ${literal}`);
    }
  }
  return found;
}

describe("the repository stands alone", () => {
  it("finds a path outside the repository when one is written", () => {
    expect(outsidePaths("lib/x.test.ts", 'readFileSync("../beside/seed/a.txt")')).toHaveLength(1);
    expect(outsidePaths("scripts/x.ts", 'const p = "/work/beside/seed/a.txt";')).toHaveLength(1);
    expect(outsidePaths("lib/a/b.ts", 'new URL("../c/d.ts", import.meta.url)')).toEqual([]);
  });

  it("no tracked source, test or script reads outside it", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter(
        (f) =>
          SOURCE.test(f) &&
          !f.startsWith("node_modules/") &&
          f !== "package-lock.json" &&
          f !== "scripts/repo-boundary.test.ts",
      );
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => outsidePaths(file, readFileSync(path.join(root, file), "utf8")));
    expect(found).toEqual([]);
  });
});
