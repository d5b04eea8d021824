/**
 * Online dossiers brought in through the real import path (POST /api/admin/dossiers/import)
 * years after they happened are reported as of a moment in their own month: the import's
 * history row carries the import's time, the report reads the portal's own times
 * (docs/reports.md, "Dossiers"), with the hub's clock in November 2026.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/hub-process';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
let token = '';

beforeEach(async () => {
  h = await startTestHub();
  const catalog: Array<[string, string, string, string]> = [
    ['p-ks', 'tu-phap-ho-tich', '1.001193', 'Đăng ký khai sinh'],
    ['p-ctbs', 'chung-thuc', '2.000908', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
    ['p-ctck', 'chung-thuc', '1.004227', 'Chứng thực chữ ký trong giấy tờ, văn bản'],
  ];
  catalog.forEach(([id, fieldId, code, name]) => h.store.dossiers.saveProcedure({ id, fieldId, code, name, processingDays: 3, fee: 0, enabled: true }));
  h.hub.executor.config.invalidate();
  const res = await fetch(`${h.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: h.creds.admin.password }),
  });
  token = ((await res.json()) as { data: { token: string } }).data.token;
  const file = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'dossier-import', 'good.csv'));
  const imported = await fetch(`${h.url}/api/admin/dossiers/import?name=good.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: file,
  });
  expect(imported.status).toBe(200);
});
afterEach(async () => {
  await h.close();
});

async function report(query: string): Promise<{ asOf: number; dossiers: { totals: Record<string, number | null> } }> {
  const res = await fetch(`${h.url}/api/admin/reports/export?${query}&format=json`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { asOf: number; dossiers: { totals: Record<string, number | null> } } }).data;
}

describe('imported dossiers in a report as of their month, with the clock in 2026', () => {
  it('January 2024 as of its end: results by the portal\'s dates, open ones overdue by then', async () => {
    // 1 processing due 18/01; 2 returned, result 15/01 due 15/01; 3 result 18/01 due 19/01;
    // 4 needs supplement due 26/01; 5 refused 18/01 due 01/02
    const r = await report('from=2024-01-01&to=2024-01-31&groupBy=all');
    expect(r.asOf).toBe(Date.UTC(2024, 0, 31, 16, 59, 59, 999));
    expect(r.dossiers.totals).toMatchObject({
      carriedOver: 0, receivedCounter: 0, receivedOnline: 5, receivedPost: 0, received: 5, toResolve: 5,
      resolvedEarly: 2, resolvedOnTime: 1, resolvedLate: 0, resolved: 3, inProgress: 2, inProgressNotDue: 0, overdue: 2,
      onlineShare: 1, resolutionRate: 0.6, onTimeRate: 1,
    });
  });

  it('as of 09:00 on 16/01/2024: only what had arrived, nothing resolved after it', async () => {
    // received by then: 1 (15/01 08:30), 2 (15/01), 3 (16/01, no hour = 00:00); 4 arrived at 09:05
    const r = await report('from=2024-01-01&to=2024-01-31&groupBy=field&asOf=2024-01-16T09:00');
    expect(r.dossiers.totals).toMatchObject({ receivedOnline: 3, resolvedOnTime: 1, resolved: 1, inProgressNotDue: 2, overdue: 0 });
  });

  it('February 2024 carries over what January left open', async () => {
    const r = await report('from=2024-02-01&to=2024-02-29&groupBy=all');
    expect(r.dossiers.totals).toMatchObject({ carriedOver: 2, received: 0, toResolve: 2, resolved: 0, overdue: 2, resolutionRate: 0 });
  });
});
