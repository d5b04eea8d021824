import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@qms/store';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient, data } from '../support/client';
import { startHubProcess } from '../support/hub-process';
import { prepareDemoDb } from '../support/test-hub';

const dir = mkdtempSync(join(tmpdir(), 'qms-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hub killed with SIGKILL', () => {
  it('keeps every acknowledged ticket and continues numbering without a duplicate', async () => {
    const dbPath = join(dir, 'qms.sqlite');
    await prepareDemoDb(dbPath);
    const first = await startHubProcess(dbPath, ['--always-open', '--rate-limit-scale', '1000']);
    const kiosks = [0, 1, 2].map(() => new TestClient(first.url, { kind: 'device', token: first.creds.kioskToken }));
    await Promise.all(kiosks.map((k) => k.ready()));

    const acked: Array<{ id: string; number: string; fieldId: string }> = [];
    const fields = ['tu-phap-ho-tich', 'chung-thuc', 'cu-tru'];
    let killed = false;
    let n = 0;
    // three kiosks issue as fast as acks come back; the hub is killed right after the 150th ack
    const loops = kiosks.map(async (k, ki) => {
      while (!killed) {
        n += 1;
        const key = `crash-${ki}-${n}`;
        const ack = await k.send('ticket:issue', { fieldId: fields[n % 3] ?? 'cu-tru', idempotencyKey: key }).catch(() => null);
        if (!ack || !ack.ok) return;
        acked.push({ id: ack.data.ticket.id, number: ack.data.ticket.number, fieldId: ack.data.ticket.fieldId });
        if (acked.length >= 150 && !killed) {
          killed = true;
          await first.kill9();
        }
      }
    });
    await Promise.all(loops);
    kiosks.forEach((k) => k.close());
    expect(acked.length).toBeGreaterThanOrEqual(150);

    const db = openDatabase(dbPath);
    const rows = db.prepare('SELECT id, number, field_id AS fieldId FROM tickets').all() as typeof acked;
    db.close();
    const stored = new Map(rows.map((r) => [r.id, r]));
    const lost = acked.filter((t) => stored.get(t.id)?.number !== t.number);
    expect(lost).toEqual([]);

    const second = await startHubProcess(dbPath, ['--always-open', '--rate-limit-scale', '1000']);
    const kiosk = new TestClient(second.url, { kind: 'device', token: second.creds.kioskToken });
    await kiosk.ready();
    const after = [];
    for (const fieldId of fields) {
      after.push(data(await kiosk.send('ticket:issue', { fieldId, idempotencyKey: `after-${fieldId}` })).ticket);
    }
    kiosk.close();
    expect(await second.stop()).toBe(0);

    const check = openDatabase(dbPath);
    const dup = check
      .prepare('SELECT service_day, number_field_id, number, COUNT(*) AS n FROM tickets GROUP BY 1, 2, 3 HAVING n > 1')
      .all();
    // numbering is per field per service day: compare within the day of each new ticket (a run
    // that crosses local midnight starts the new day's numbers afresh, tested in packages/core)
    const dayOf = new Map((check.prepare('SELECT id, service_day AS day FROM tickets').all() as Array<{ id: string; day: string }>).map((r) => [r.id, r.day]));
    const rangeStart = new Map((check.prepare('SELECT id, range_start AS start FROM fields').all() as Array<{ id: string; start: number }>).map((f) => [f.id, f.start]));
    const sameDayBefore = (t: { id: string; fieldId: string }) => rows.filter((r) => r.fieldId === t.fieldId && dayOf.get(r.id) === dayOf.get(t.id));
    check.close();
    expect(dup).toEqual([]);
    for (const t of after) {
      const before = sameDayBefore(t).map((r) => Number(r.number));
      expect(Number(t.number)).toBe(before.length > 0 ? Math.max(...before) + 1 : rangeStart.get(t.fieldId));
    }
  });
});
