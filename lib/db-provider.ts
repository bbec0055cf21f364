// Which database a URL names. Pure, so scripts, config and the app agree.

export type DbProvider = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/quizwire.db";

export function providerOf(url: string): DbProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:..."`,
  );
}

export function isDatabaseUrl(url: string): boolean {
  return /^(file:|postgres(ql)?:\/\/)/.test(url);
}

/** The file path of a SQLite URL, relative to the working directory unless absolute. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
