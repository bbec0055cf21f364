// What SQL would bring a live database to the models in prisma/models.prisma. Empty when
// they agree. Used to write new migrations and to test that the migrations are complete.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import pg from "pg";

import { providerOf, sqliteFilePath } from "../../lib/db-provider";
import { schemaFor, schemaPathFor } from "./prisma-schemas";
import { createSchemaEngine } from "./schema-engine";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The schema engine's introspection reads catalog columns of Postgres's internal "char"
 * type, which adapter-pg cannot map; a one-byte "char" reads fine as text.
 */
class CharAsTextClient extends pg.Client {
  override query(...args: unknown[]) {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => {
        if (result) charAsText(result);
        (last as (e: Error | null, r: pg.QueryResult) => void)(error, result);
      };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const returned = (super.query as any)(...args);
    return returned instanceof Promise ? returned.then(charAsText) : returned;
  }
}

function charAsText(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return result;
}

export async function diffDatabaseToModels(url: string): Promise<string> {
  const provider = providerOf(url);
  const schemaPath = schemaPathFor(provider);
  const schema = schemaFor(provider);
  // Prisma leaves a pool it is given open: it is ended here, before anyone drops the database.
  const pool = provider === "sqlite" ? null : new pg.Pool({ connectionString: url, Client: CharAsTextClient });
  const adapter = pool ? new PrismaPg(pool) : new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}` });
  const engine = await createSchemaEngine(schemaPath, schema, adapter);
  try {
    const files = [{ path: schemaPath, content: schema }];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    engine.free();
    await pool?.end();
  }
}
