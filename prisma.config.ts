// Prisma CLI configuration: the schema folder follows DATABASE_URL (SQLite by default).
// Prisma 7 does not read .env by itself; the scripts in scripts/ pass the environment on.
import { defineConfig } from "prisma/config";

import { DEFAULT_DATABASE_URL, providerOf } from "./lib/db-provider";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const provider = providerOf(url);

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
