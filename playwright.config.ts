import { existsSync } from "node:fs";

import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_FLAGS, CHROMIUM_PATH, E2E_BASE_URL } from "./e2e/env";
import "./scripts/lib/server-only-outside-next.mjs";

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `Chromium not found at ${CHROMIUM_PATH}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH). Playwright must not download browsers of its own.`,
  );
}

// Debian's Chromium, as root, on a machine with no outside network.
const launchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS };

// Students use phones, teachers laptops: each spec folder runs on the devices its users have.
const phones = /e2e\/(student|public)\//;
const desktop = /e2e\/(teacher|public|ops)\//;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", testMatch: desktop, use: { ...devices["Desktop Chrome"] } },
    { name: "pixel-7", testMatch: phones, use: { ...devices["Pixel 7"] } },
    {
      name: "iphone-14",
      // The second phone is a smaller screen for the same Chromium: it runs what its size can
      // change (the player's layout, the library's fit and contrast), not the server's behaviour
      // (leaks, faults, timers, sign-out, live games), which the Pixel 7 already proves.
      testMatch: /e2e\/student\/(quiz|library)\.spec\.ts$/,
      use: { ...devices["iPhone 14"], browserName: "chromium" },
    },
  ],
  webServer: {
    command: "npx tsx --import ./scripts/lib/server-only-outside-next.mjs scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
