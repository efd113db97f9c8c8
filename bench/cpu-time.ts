// CPU time a process spent (user + system), read from /proc/<pid>/stat (Linux): a figure of the
// work per flow that the machine's load changes far less than it changes wall-clock latency, so two
// builds compare on a shared machine (issue 26). Undefined where /proc is not there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;

/** The process's CPU time so far in ms, or undefined. */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (in parentheses, which may hold spaces): utime is the 14th field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
