import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELPER_THREAD_NICE, lowerHelperThreadPriority } from './thread-priority';

/** The nice value of one thread, from /proc/<pid>/task/<tid>/stat (field 19; the name in parentheses may hold spaces). */
function niceOf(pid: number, tid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 19 (nice) is fields[16]
  return Number(fields[16]);
}

function threadsOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map(Number);
}

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

/** A plain node process with its usual helper threads (V8 platform workers, libuv's pool once used), idling. */
async function nodeWithThreads(): Promise<number> {
  child = spawn(process.execPath, ['-e', "require('node:crypto').randomFill(Buffer.alloc(1), () => console.log('ready')); setInterval(() => {}, 1000)"], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child?.stdout?.once('data', () => resolve());
    child?.once('exit', (code) => reject(new Error(`node exited ${code}`)));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

describe.runIf(process.platform === 'linux')('lowerHelperThreadPriority', () => {
  it('lowers every thread of the process but the event loop to nice 19, and nothing else', async () => {
    const pid = await nodeWithThreads();
    const before = threadsOf(pid);
    // V8's platform workers and libuv's pool: a node process always has helper threads
    expect(before.length).toBeGreaterThan(3);
    // every thread starts at the priority the child inherited (0, or more when the tests run under `nice`)
    const base = niceOf(pid, pid);
    expect(base).toBeLessThan(HELPER_THREAD_NICE);
    for (const tid of before) expect(niceOf(pid, tid)).toBe(base);
    const runner = new Map(threadsOf(process.pid).map((t) => [t, niceOf(process.pid, t)]));

    const result = await lowerHelperThreadPriority({ taskDir: `/proc/${pid}/task`, mainTid: pid });

    expect(result.skipped).toBeNull();
    expect(result.failed).toEqual([]);
    expect(result.lowered.sort()).toEqual(before.filter((t) => t !== pid).sort());
    expect(niceOf(pid, pid)).toBe(base);
    for (const tid of before.filter((t) => t !== pid)) expect(niceOf(pid, tid)).toBe(HELPER_THREAD_NICE);
    // the test runner's own threads were not touched
    for (const [tid, nice] of runner) if (threadsOf(process.pid).includes(tid)) expect(niceOf(process.pid, tid)).toBe(nice);
  });

  it('takes another nice value', async () => {
    const pid = await nodeWithThreads();
    const base = niceOf(pid, pid);
    // between the inherited priority and 19 (raising nice needs no privilege)
    const nice = Math.min(base + 5, HELPER_THREAD_NICE - 1);
    const result = await lowerHelperThreadPriority({ taskDir: `/proc/${pid}/task`, mainTid: pid, nice });
    expect(result.lowered.length).toBeGreaterThan(0);
    for (const tid of result.lowered) expect(niceOf(pid, tid)).toBe(nice);
    expect(niceOf(pid, pid)).toBe(base);
  });

  it('says why it did nothing when it cannot list the threads', async () => {
    const result = await lowerHelperThreadPriority({ taskDir: '/proc/no-such-process/task', mainTid: 1 });
    expect(result.lowered).toEqual([]);
    expect(result.skipped).toMatch(/cannot list \/proc\/no-such-process\/task/);
  });

  it('reports a thread that is gone instead of throwing', async () => {
    // a task directory listing thread ids that no longer exist: setPriority fails with ESRCH for each
    const dir = mkdtempSync(join(tmpdir(), 'qms-tasks-'));
    for (const tid of ['2000000001', '2000000002']) writeFileSync(join(dir, tid), '');
    const result = await lowerHelperThreadPriority({ taskDir: dir, mainTid: 2000000001 });
    expect(result.lowered).toEqual([]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.tid).toBe(2000000002);
    expect(result.failed[0]?.error).toMatch(/ESRCH|no such process/i);
    rmSync(dir, { recursive: true, force: true });
  });
});
