// Writes prisma/<provider>/schema.prisma (datasource + shared models) and generates both
// Prisma clients. Runs after npm install; needs no network and no native engine.
import { execFileSync } from "node:child_process";
import path from "node:path";

import { PROVIDERS, schemaPathFor, writeSchemas } from "./lib/prisma-schemas";

writeSchemas();
for (const provider of PROVIDERS) {
  execFileSync(
    process.execPath,
    [path.resolve("node_modules/prisma/build/index.js"), "generate", "--schema", schemaPathFor(provider)],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        PRISMA_SCHEMA_ENGINE_BINARY: "prisma/no-schema-engine.sh",
      },
    },
  );
}
console.log("Prisma clients generated for SQLite and PostgreSQL.");
