// WEB_CONCURRENCY=2: two server processes share the port; one that dies is replaced and the
// app keeps answering, and stopping the server stops them all.
import { expect, test } from "@playwright/test";

import { childPids } from "../../scripts/lib/processes";
import { startAppServer } from "../lib/app-server";

test("with two server processes, one that dies is replaced and the app keeps answering", async ({ request }) => {
  test.setTimeout(90_000);
  const server = await startAppServer({ WEB_CONCURRENCY: "2" });
  try {
    const primary = server.pid()!;
    const workers = childPids(primary);
    expect(workers).toHaveLength(2);
    // Connections are shared out among the processes: every request is answered.
    for (let i = 0; i < 6; i++) expect((await request.get(`${server.url}/api/health`)).status()).toBe(200);

    process.kill(workers[0]!, "SIGKILL");
    await expect
      .poll(() => childPids(primary).filter((pid) => !workers.includes(pid)), { timeout: 30_000 })
      .toHaveLength(1);
    await expect.poll(async () => (await request.get(`${server.url}/api/health`)).status()).toBe(200);
    expect(childPids(primary)).toContain(workers[1]);
  } finally {
    const primary = server.pid()!;
    await server.stop();
    // No process of the server outlives it.
    expect(childPids(primary)).toEqual([]);
  }
});
