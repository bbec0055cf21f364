// npm run admin:create -- --email admin@school.org [--name "Ada Admin"]
// Creates the first admin (or makes an existing account an admin) with a generated
// password, printed once. Works on DATABASE_URL (SQLite by default).
import { parseArgs } from "node:util";

import { EmailSchema } from "../lib/accounts/schemas";
import { hashPassword } from "../lib/auth/password";
import { generatePassword } from "../lib/classes/codes";
import { createDb } from "../lib/db/client";
import { DEFAULT_DATABASE_URL } from "../lib/db-provider";
import { migrate } from "./lib/migrations";
import { runMain, UserFacingError } from "./lib/run-main";

await runMain(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const email = EmailSchema.safeParse(values.email ?? "");
  if (!email.success)
    throw new UserFacingError('Usage: npm run admin:create -- --email admin@school.org [--name "Ada Admin"]');
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await migrate(url);
  const db = createDb(url);
  try {
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const user = await db.user.upsert({
      where: { email: email.data },
      create: { role: "ADMIN", email: email.data, displayName: values.name ?? "Admin", passwordHash },
      update: { role: "ADMIN", passwordHash, disabledAt: null, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
    console.log(
      `Admin ready: ${user.email}\nPassword (shown once): ${password}\nSign in at /sign-in, then change it under Account.`,
    );
  } finally {
    await db.$disconnect();
  }
});
