// What Quizwire writes to disk (the database, its WAL files, mailed reset links, the secret)
// is readable by the account that runs it only: other users of the machine see nothing.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createDb } from "@/lib/db/client";
import { sendMail } from "@/lib/mail";
import { migrate } from "@/scripts/lib/migrations";
import { resolveAuthSecret } from "@/scripts/lib/secrets";
import { securePrivateData } from "@/scripts/lib/private-files";

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("data files are private to the server's account", () => {
  let root: string;
  let umask: number;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "quizwire-files-"));
    // A typical shell's umask, under which new files are readable by everyone.
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    delete process.env.SMTP_URL;
  });

  it("a new SQLite database: data/ is 0700, the file and its -wal and -shm are 0600", async () => {
    const file = path.join(root, "fresh", "data", "quizwire.db");
    await migrate(`file:${file}`);
    const db = createDb(`file:${file}`);
    try {
      await db.rateLimitCounter.create({ data: { key: "k", windowStart: new Date(), count: 1 } });
      expect(modeOf(path.dirname(file)).toString(8)).toBe("700");
      for (const name of readdirSync(path.dirname(file))) {
        expect([name, modeOf(path.join(path.dirname(file), name)).toString(8)]).toEqual([name, "600"]);
      }
      expect(readdirSync(path.dirname(file)).sort()).toEqual(["quizwire.db", "quizwire.db-shm", "quizwire.db-wal"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("an existing install made readable by everyone is tightened at start", async () => {
    const dir = path.join(root, "old", "data");
    const file = path.join(dir, "quizwire.db");
    await migrate(`file:${file}`);
    const db = createDb(`file:${file}`);
    await db.rateLimitCounter.create({ data: { key: "k", windowStart: new Date(), count: 1 } });
    const outbox = path.join(dir, "outbox");
    process.env.SMTP_URL = `file:${outbox}`;
    await sendMail({ to: "a@quizwire.test", subject: "s", text: "t" });
    for (const name of readdirSync(dir)) chmodSync(path.join(dir, name), name === "outbox" ? 0o755 : 0o644);
    for (const name of readdirSync(outbox)) chmodSync(path.join(outbox, name), 0o644);
    chmodSync(dir, 0o755);
    securePrivateData(dir, `file:${file}`);
    await migrate(`file:${file}`);
    try {
      expect(modeOf(dir).toString(8)).toBe("700");
      expect(modeOf(outbox).toString(8)).toBe("700");
      for (const name of ["quizwire.db", "quizwire.db-wal", "quizwire.db-shm"])
        expect([name, modeOf(path.join(dir, name)).toString(8)]).toEqual([name, "600"]);
      for (const name of readdirSync(outbox)) expect(modeOf(path.join(outbox, name)).toString(8)).toBe("600");
    } finally {
      await db.$disconnect();
    }
  });

  it("a mailed reset link is written 0600 in an outbox that is 0700", async () => {
    const outbox = path.join(root, "mail", "data", "outbox");
    process.env.SMTP_URL = `file:${outbox}`;
    await sendMail({ to: "a@quizwire.test", subject: "Reset", text: "https://example.test/reset-password?token=x" });
    expect(modeOf(outbox).toString(8)).toBe("700");
    const [message] = readdirSync(outbox);
    expect(modeOf(path.join(outbox, message!)).toString(8)).toBe("600");
  });

  it("the generated secret is 0600 in a data directory that is 0700", () => {
    const dir = path.join(root, "secret", "data");
    const previous = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      resolveAuthSecret("sqlite", dir);
    } finally {
      if (previous !== undefined) process.env.AUTH_SECRET = previous;
    }
    expect(modeOf(dir).toString(8)).toBe("700");
    expect(modeOf(path.join(dir, "auth-secret")).toString(8)).toBe("600");
  });
});
