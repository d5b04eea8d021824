import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/hub-process';
import { startTestHub, type TestHub } from '../support/test-hub';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'dossier-import');
let h: TestHub;
let token = '';

beforeEach(async () => {
  h = await startTestHub();
  // the catalog as the portal names it (national procedure codes), as an admin would import it
  const catalog: Array<[string, string, string, string]> = [
    ['p-ks', 'tu-phap-ho-tich', '1.001193', 'Đăng ký khai sinh'],
    ['p-ctbs', 'chung-thuc', '2.000908', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
    ['p-ctck', 'chung-thuc', '1.004227', 'Chứng thực chữ ký trong giấy tờ, văn bản'],
  ];
  catalog.forEach(([id, fieldId, code, name]) =>
    h.store.dossiers.saveProcedure({ id, fieldId, code, name, processingDays: 3, fee: 0, enabled: true }),
  );
  h.hub.executor.config.invalidate();
  const res = await fetch(`${h.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: h.creds.admin.password }),
  });
  token = ((await res.json()) as { data: { token: string } }).data.token;
});
afterEach(async () => {
  await h.close();
});

async function upload(file: string, auth = token): Promise<{ status: number; body: any }> {
  const res = await fetch(`${h.url}/api/admin/dossiers/import?name=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/octet-stream' },
    body: readFileSync(join(FIXTURES, file)),
  });
  return { status: res.status, body: await res.json() };
}

const count = (): number => (h.store.db.prepare("SELECT COUNT(*) AS n FROM dossiers WHERE channel = 'online'").get() as { n: number }).n;

describe('importing the portal’s online dossiers', () => {
  it.each(['good.csv', 'good-semicolon.csv', 'good.xlsx'])('%s: every row is stored as an online dossier', async (file) => {
    const r = await upload(file);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ imported: 5, created: 5, updated: 0, unchanged: 0 });
    expect(count()).toBe(5);
    const statuses = h.store.db.prepare("SELECT status FROM dossiers ORDER BY code").all().map((x) => (x as { status: string }).status);
    expect(statuses.sort()).toEqual(['needs_supplement', 'processing', 'rejected', 'result_ready', 'returned'].sort());
  });

  it('a file imported twice changes nothing the second time: every row unchanged, no history or event added', async () => {
    expect((await upload('good.csv')).body.data).toEqual({ imported: 5, created: 5, updated: 0, unchanged: 0 });
    const history = (): unknown => h.store.db.prepare('SELECT COUNT(*) AS n FROM dossier_history').get();
    const before = { history: history(), seq: h.store.events.lastSeq() };
    const again = await upload('good.csv');
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ imported: 5, created: 0, updated: 0, unchanged: 5 });
    expect(count()).toBe(5);
    expect(history()).toEqual(before.history);
    // only the run's own 'imported' event
    expect(h.store.events.lastSeq()).toBe(before.seq + 1);
  });

  it.each(['mixed.csv', 'mixed.xlsx', 'bad-header.csv', 'not-utf8.csv'])('%s: bad rows reported by line, nothing half-imported', async (file) => {
    const r = await upload(file);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.issues.length).toBeGreaterThan(0);
    for (const issue of r.body.issues) {
      expect(typeof issue.line).toBe('number');
      expect(issue.message).toMatch(/\S/);
    }
    expect(count()).toBe(0);
  });

  it('only an admin may import; a non-CSV/XLSX body is refused', async () => {
    const officer = await fetch(`${h.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo1', password: h.creds.officers[0]?.password }),
    });
    const officerToken = ((await officer.json()) as { data: { token: string } }).data.token;
    expect((await upload('good.csv', officerToken)).status).toBe(403);
    expect((await upload('good.csv', 'not-a-token-at-all-xxxxxxxx')).status).toBe(401);
    const junk = await fetch(`${h.url}/api/admin/dossiers/import?name=photo.png`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    expect(junk.status).toBe(400);
    expect(count()).toBe(0);
  });
});
