// What Quizwire keeps on disk (the SQLite database and its -wal and -shm files, the outbox of
// mailed reset links, the generated secret) is for the account that runs it only: files 0600,
// their directories 0700. New files are made so; an install made before is tightened at start.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { providerOf, sqliteFilePath } from "../../lib/db-provider";

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Makes the directory (and any missing parents) readable by this account only. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

function tighten(file: string, mode: number): void {
  if (existsSync(file) && (statSync(file).mode & 0o777) !== mode) chmodSync(file, mode);
}

/**
 * Before SQLite opens the file: a new database is made 0600 (SQLite would make it 0644), in a
 * private directory. SQLite gives the -wal and -shm files it makes the database's own mode.
 */
export function createPrivateSqliteFile(file: string): void {
  if (existsSync(file)) return;
  makePrivateDir(path.dirname(path.resolve(file)));
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
}

/** The database file and its -wal, -shm and -journal files, 0600 wherever they are. */
export function securePrivateSqliteFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) tighten(`${file}${suffix}`, PRIVATE_FILE_MODE);
}

/**
 * At start: the data directory 0700, the SQLite files of the database URL, the secret and the
 * mail outbox (SMTP_URL=file:..., or data/outbox) with each message in it.
 */
export function securePrivateData(dataDir: string, databaseUrl: string): void {
  tighten(dataDir, PRIVATE_DIR_MODE);
  tighten(path.join(dataDir, "auth-secret"), PRIVATE_FILE_MODE);
  if (providerOf(databaseUrl) === "sqlite") securePrivateSqliteFiles(sqliteFilePath(databaseUrl));
  const smtp = process.env.SMTP_URL;
  const outbox = smtp?.startsWith("file:") ? smtp.slice("file:".length) : path.join(dataDir, "outbox");
  if (existsSync(outbox)) {
    tighten(outbox, PRIVATE_DIR_MODE);
    for (const name of readdirSync(outbox)) tighten(path.join(outbox, name), PRIVATE_FILE_MODE);
  }
}
