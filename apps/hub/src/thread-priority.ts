import { randomFill } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value given to the hub's helper threads (19 = the lowest priority a process can set itself). */
export const HELPER_THREAD_NICE = 19;

export interface ThreadPriorityResult {
  /** Thread ids whose priority was lowered. */
  lowered: number[];
  /** Thread ids that could not be changed (gone meanwhile, or not permitted), with the reason. */
  failed: Array<{ tid: number; error: string }>;
  /** Why nothing was done (not Linux, no /proc), or null. */
  skipped: string | null;
}

/**
 * Lets the event loop win the CPU over the hub's own helper threads.
 *
 * The hub does all its work on one thread: every command, its SQLite transaction with the
 * fsync'ed commit, and the broadcast. The same process has helper threads: V8's platform
 * workers (optimising compiler jobs, which come in bursts of 2-10 ms after each full GC
 * deoptimises code), libuv's pool (scrypt of logins) and the inspector's. On a 2-core ward PC
 * a burst of those can hold one core while something else holds the other, and the event loop,
 * woken by the end of its commit's fsync, then waits 2-4 ms in the run queue before it may
 * acknowledge (measured in the soak with /proc/self/schedstat, test/bench/README.md). With
 * the helpers at nice 19, the scheduler hands the event loop a core as soon as it wakes; the
 * helpers still run, on whatever time the event loop leaves.
 *
 * Linux applies nice per thread (setpriority on a thread id); raising one's own nice needs
 * no privilege. Threads started later inherit the priority of the thread that starts them
 * (the event loop, so normal priority): libuv starts its whole pool at its first task, so this
 * first gives the pool one small task. Elsewhere (or without /proc) it does nothing.
 */
export async function lowerHelperThreadPriority(opts: { nice?: number; taskDir?: string; mainTid?: number } = {}): Promise<ThreadPriorityResult> {
  const nice = opts.nice ?? HELPER_THREAD_NICE;
  const taskDir = opts.taskDir ?? '/proc/self/task';
  const mainTid = opts.mainTid ?? process.pid;
  if (process.platform !== 'linux') return { lowered: [], failed: [], skipped: `platform ${process.platform}` };
  // start libuv's thread pool now, so its threads exist to be lowered
  await new Promise<void>((resolve) => randomFill(Buffer.alloc(1), () => resolve()));
  let tids: number[];
  try {
    tids = readdirSync(taskDir).map(Number).filter((t) => Number.isInteger(t) && t > 0);
  } catch (e) {
    return { lowered: [], failed: [], skipped: `cannot list ${taskDir}: ${(e as Error).message}` };
  }
  const result: ThreadPriorityResult = { lowered: [], failed: [], skipped: null };
  for (const tid of tids) {
    if (tid === mainTid) continue;
    try {
      setPriority(tid, nice);
      result.lowered.push(tid);
    } catch (e) {
      result.failed.push({ tid, error: (e as Error).message });
    }
  }
  return result;
}
