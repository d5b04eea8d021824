/**
 * A backup taken while a kiosk keeps issuing tickets, restored with the restore CLI's code into
 * a fresh file, and served by a fresh hub: nothing acknowledged before the backup is lost, and
 * numbering continues after the last backed-up number.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub } from '@qms/hub';
import { migrate, openDatabase, Store } from '@qms/store';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../apps/hub/src/backup';
import { runRestoreCli } from '../../apps/hub/src/restore';
import { TestClient, data } from '../support/client';
import { FakeClock } from '../support/fake-clock';
import { startTestHub, type TestHub } from '../support/test-hub';

const silent = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Acked {
  id: string;
  number: string;
  fieldId: string;
}

describe('backup while tickets are being issued', () => {
  it('keeps every ticket acknowledged before the backup started; a restored hub continues the numbering', async () => {
    // one kiosk issues as fast as the hub answers (a rush of many kiosks): its command limit is lifted
    const h: TestHub = await startTestHub({ hubOptions: { rateLimits: { scale: 1000 } } });
    cleanups.push(() => h.close());
    const backups = new BackupService({
      store: h.store,
      dir: join(h.dir, 'backups'),
      keepDays: 14,
      at: '22:30',
      clock: h.clock,
      logger: silent,
      catchUp: false,
      pagesPerStep: 2, // a slow copy, so that tickets are issued between its steps
    });
    backups.start();
    cleanups.push(() => backups.stop());

    const fields = ['tu-phap-ho-tich', 'chung-thuc', 'cu-tru'];
    const kiosks = [h.kiosk(), h.kiosk()];
    await Promise.all(kiosks.map((k) => k.ready()));
    const acked: Acked[] = [];
    let backupRunning = false;
    let ackedDuringBackup = 0;
    let stop = false;
    let failure: unknown = null;
    let n = 0;
    const loops = kiosks.map(async (k, ki) => {
      try {
        while (!stop) {
          n += 1;
          const ack = await k.send('ticket:issue', { fieldId: fields[n % fields.length] ?? 'cu-tru', idempotencyKey: `backup-${ki}-${n}` });
          const t = data(ack).ticket;
          acked.push({ id: t.id, number: t.number, fieldId: t.fieldId });
          if (backupRunning) ackedDuringBackup += 1;
        }
      } catch (e) {
        failure = e;
        stop = true;
      }
    });
    const waitForAcks = async (count: number): Promise<void> => {
      while (acked.length < count) {
        if (failure) throw failure;
        await new Promise((r) => setTimeout(r, 5));
      }
    };

    await waitForAcks(150);
    const before = [...acked];
    backupRunning = true;
    const backup = await backups.backupNow('manual');
    backupRunning = false;
    const target = acked.length + 50;
    await waitForAcks(target);
    stop = true;
    await Promise.all(loops);
    expect(failure).toBeNull();

    expect(backup.file).toMatch(/^qms-\d{8}-\d{6}\.sqlite$/);
    expect(backup.bytes).toBeGreaterThan(0);
    // the hub kept acknowledging tickets while the pages were being copied
    expect(ackedDuringBackup).toBeGreaterThan(0);

    // restore with the CLI's code into a fresh folder
    const restoreDir = mkdtempSync(join(tmpdir(), 'qms-restore-'));
    cleanups.push(() => rmSync(restoreDir, { recursive: true, force: true }));
    const restored = join(restoreDir, 'qms.sqlite');
    let out = '';
    let err = '';
    const code = runRestoreCli(['--from', backup.path, '--db', restored], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Đã khôi phục cơ sở dữ liệu');
    expect(out).toContain('integrity_check): ok');

    // a fresh hub on the restored file
    const db = openDatabase(restored);
    migrate(db);
    const store = new Store(db);
    const hub = createHub({ store, clock: new FakeClock(h.clock.now()), logger: silent, alwaysOpen: true, webRoot: null });
    const { url } = await hub.listen(0, '127.0.0.1');
    cleanups.push(async () => {
      await hub.close();
      store.close();
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const rows = db.prepare('SELECT id, number, field_id AS fieldId, seq FROM tickets').all() as Array<Acked & { seq: number }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const lost = before.filter((t) => byId.get(t.id)?.number !== t.number);
    expect(lost).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(before.length);
    expect(new Set(rows.map((r) => `${r.fieldId}#${r.number}`)).size).toBe(rows.length);

    const kiosk = new TestClient(url, { kind: 'device', token: h.creds.kioskToken });
    cleanups.push(() => kiosk.close());
    await kiosk.ready();
    for (const fieldId of fields) {
      const inField = rows.filter((r) => r.fieldId === fieldId);
      const lastSeq = Math.max(...inField.map((r) => r.seq));
      const t = data(await kiosk.send('ticket:issue', { fieldId, idempotencyKey: `after-restore-${fieldId}` })).ticket;
      const seq = (db.prepare('SELECT seq FROM tickets WHERE id = ?').get(t.id) as { seq: number }).seq;
      expect(seq).toBe(lastSeq + 1);
      expect(inField.map((r) => r.number)).not.toContain(t.number);
    }
  });
});
