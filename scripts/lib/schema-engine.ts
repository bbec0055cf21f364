// The Prisma schema engine as WebAssembly, driven over a driver adapter, so migrations are
// written and checked without the native engine the Prisma CLI would download.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";

type WasmBindings = typeof SchemaEngineWasm;
export type SchemaEngine = Awaited<ReturnType<WasmBindings["SchemaEngine"]["new"]>>;

let bindings: Promise<WasmBindings> | undefined;

/** Node 20 cannot import .wasm as an ES module, so instantiate it by hand. */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(pathToFileURL(glueFile).href)) as WasmBindings & {
      __wbg_set_wasm(w: unknown): void;
    };
    const dir = path.dirname(glueFile);
    const wasmModule = new WebAssembly.Module(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
    const imports: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(glue)) if (typeof value === "function") imports[name] = value;
    const instance = new WebAssembly.Instance(wasmModule, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  return bindings;
}

export async function createSchemaEngine(
  schemaPath: string,
  schema: string,
  adapterFactory: unknown,
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  return SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => {
      if (process.env.QUIZWIRE_DEBUG_SCHEMA_ENGINE) console.error(log);
    },
    bindMigrationAwareSqlAdapterFactory(adapterFactory as never),
  );
}
