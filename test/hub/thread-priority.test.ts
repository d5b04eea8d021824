import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELPER_THREAD_NICE } from '@qms/hub';
import { afterAll, describe, expect, it } from 'vitest';
import { startHubProcess } from '../support/hub-process';
import { prepareDemoDb } from '../support/test-hub';

const dir = mkdtempSync(join(tmpdir(), 'qms-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Name and nice value of every thread of a process (/proc/<pid>/task/<tid>/stat, field 19). */
function threads(pid: number): Array<{ tid: number; name: string; nice: number }> {
  return readdirSync(`/proc/${pid}/task`).map((t) => {
    const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { tid: Number(t), name, nice: Number(fields[16]) };
  });
}

describe.runIf(process.platform === 'linux')('the hub process (npm start) and its threads', () => {
  it('keeps its event loop at the priority it was started with and puts every helper thread at nice 19', async () => {
    const dbPath = join(dir, 'qms.sqlite');
    await prepareDemoDb(dbPath);
    const hub = await startHubProcess(dbPath, ['--always-open', '--log-level', 'info']);
    try {
      const pid = hub.child.pid ?? 0;
      const all = threads(pid);
      const main = all.find((t) => t.tid === pid);
      const helpers = all.filter((t) => t.tid !== pid);
      // the event loop keeps the priority the hub was started with (this test runner's)
      const ownNice = threads(process.pid).find((t) => t.tid === process.pid)?.nice;
      expect(main?.nice).toBe(ownNice);
      // V8's platform workers, libuv's pool (started on purpose before lowering), the loader's thread
      expect(helpers.length).toBeGreaterThanOrEqual(4);
      expect(helpers.filter((t) => t.nice !== HELPER_THREAD_NICE)).toEqual([]);
      // pino writes asynchronously: the line may follow the banner the start waited for
      expect(await hub.waitForOutput('helper threads at low priority')).toContain('"lowered"');
    } finally {
      await hub.stop();
    }
  });
});
