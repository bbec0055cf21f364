// A process and its children, read from Linux's /proc: the server's and the database's CPU
// time for the bench, and the server's worker processes for the test that kills one.
import { readdirSync, readFileSync } from "node:fs";

/**
 * utime + stime, the same for the children it has reaped (cutime + cstime), and ppid of a
 * process, from /proc/<pid>/stat (see proc(5)). Times in seconds.
 */
function statOf(pid: number): { cpu: number; reaped: number; ppid: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // Fields 4 and 14 to 17 of stat(5); times in clock ticks, 100 a second on Linux.
    return {
      ppid: Number(fields[1]),
      cpu: (Number(fields[11]) + Number(fields[12])) / 100,
      reaped: (Number(fields[13]) + Number(fields[14])) / 100,
    };
  } catch {
    return null;
  }
}

/** The processes whose parent is `pid`. */
export function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => statOf(child)?.ppid === pid);
}

/** The parent of a process, or null where /proc does not have it. */
export function parentPid(pid: number): number | null {
  return statOf(pid)?.ppid ?? null;
}

/**
 * CPU seconds a process and its children have used (user + system): the cost per request
 * holds on a busy machine where requests per second do not. Children that have exited count
 * too (the parent reaped them), so a PostgreSQL backend whose connection closed during a
 * phase keeps its share. Null where /proc is missing.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = statOf(pid);
  if (!own) return null;
  return childPids(pid).reduce((total, child) => total + (statOf(child)?.cpu ?? 0), own.cpu + own.reaped);
}
