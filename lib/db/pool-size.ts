// How many connections a server process keeps to PostgreSQL. Several app servers, each with
// several processes, share one PostgreSQL, whose max_connections (100 by default) bounds them
// all: past it, connecting fails instead of waiting. So each app server takes a share.

/** The connections one app server (all its processes) keeps to PostgreSQL, unless told. */
export const DEFAULT_DATABASE_CONNECTIONS = 10;

/**
 * How many connections each server process keeps to PostgreSQL: DATABASE_POOL_SIZE when set,
 * else the app server's DATABASE_CONNECTIONS (default 10, pg's own default for one pool) shared among its WEB_CONCURRENCY
 * processes. Every app server's total must stay under PostgreSQL's max_connections (see the
 * README): past it, connecting fails instead of waiting.
 */
export function postgresPoolSize(source: Record<string, string | undefined> = process.env): number {
  const whole = (name: string) => {
    const value = source[name];
    if (value === undefined || value === "") return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}".`);
    return n;
  };
  const processes = whole("WEB_CONCURRENCY") ?? 1;
  return (
    whole("DATABASE_POOL_SIZE") ??
    Math.max(1, Math.floor((whole("DATABASE_CONNECTIONS") ?? DEFAULT_DATABASE_CONNECTIONS) / processes))
  );
}
