// A process and its children, read from Linux's /proc: the server's CPU time for the bench,
// and its worker processes for the test that kills one.
import { readdirSync, readFileSync } from "node:fs";

/** utime, stime and ppid of a process, from /proc/<pid>/stat (see proc(5)). */
function statOf(pid: number): { cpu: number; ppid: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // Fields 4, 14 and 15 of stat(5); times in clock ticks, 100 a second on Linux.
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
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

/**
 * CPU seconds a process and its children have used (user + system): the cost per request
 * holds on a busy machine where requests per second do not. Null where /proc is missing.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = statOf(pid);
  if (!own) return null;
  return childPids(pid).reduce((total, child) => total + (statOf(child)?.cpu ?? 0), own.cpu);
}
