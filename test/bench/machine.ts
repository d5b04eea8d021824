/**
 * Machine-wide CPU time from /proc/stat, so a round can say how much CPU went to processes other
 * than the bench's own (other test runs on a shared 2-core box make latencies unreliable).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** USER_HZ is 100 on Linux. */
const TICK_MS = 10;

export interface CpuSnapshot {
  busyMs: number;
  stealMs: number;
}

export function machineCpu(): CpuSnapshot {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    // irq / softirq left out: loopback traffic of the bench itself lands there
    const [user = 0, nice = 0, system = 0, , , , , steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
    return { busyMs: (user + nice + system) * TICK_MS, stealMs: steal * TICK_MS };
  } catch {
    return { busyMs: Number.NaN, stealMs: Number.NaN };
  }
}

export const CORES = cpus().length;
