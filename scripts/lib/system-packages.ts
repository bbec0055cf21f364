// What npm test needs from the machine besides npm: Debian's Chromium for the end-to-end tests
// and a PostgreSQL server for the PostgreSQL integration tests. On a fresh Debian machine, as
// root with apt, npm test installs what is missing itself and says so (as .ci/run does);
// anywhere else it prints the one command to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

import { findPostgresBin } from "./postgres";

export interface SystemNeeds {
  chromium: boolean;
  postgres: boolean;
}

/** The Debian packages missing for what this run needs. */
export function missingPackages(needs: SystemNeeds, chromiumPath: string): string[] {
  const missing: string[] = [];
  if (needs.chromium && !existsSync(chromiumPath)) missing.push("chromium");
  if (needs.postgres && !process.env.TEST_DATABASE_URL && !findPostgresBin()) missing.push("postgresql");
  return missing;
}

export function installCommand(packages: string[]): string {
  return `apt-get update && apt-get install -y ${packages.join(" ")}`;
}

/**
 * Installs the missing packages when this process may (root, apt-get present). Returns what is
 * still missing afterwards, with the reason, so the caller can say what to run.
 */
export function installMissing(packages: string[]): { ok: true } | { ok: false; message: string } {
  if (packages.length === 0) return { ok: true };
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall)
    return { ok: false, message: `Missing: ${packages.join(", ")}. Install with: sudo ${installCommand(packages)}` };
  console.log(`\nInstalling from Debian what the tests need: ${packages.join(" ")} (${installCommand(packages)})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", ...packages],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (result.status !== 0)
      return { ok: false, message: `apt-get ${args[0]} failed. Install by hand: ${installCommand(packages)}` };
  }
  return { ok: true };
}
