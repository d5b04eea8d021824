/**
 * Erasure erases: after `POST /api/admin/personal-data/erase` no table holds the person's name,
 * masked or not, and a kiosk retrying a result-pickup request gets none back; export and erasure
 * reach dossiers without a CCCD (imported online dossiers carry a name only), by dossier code or
 * by full name + birth date.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { allText } from './helpers/db';
import { httpRaw, sessionToken } from './helpers/http';
import { CITIZEN, buildScene } from './helpers/scene';

let h: TestHub | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const keyOf = (lookupPath: string): string => new URL(lookupPath, 'http://x').searchParams.get('k') ?? '';

async function admin(t: TestHub): Promise<(path: string, body: unknown) => Promise<{ status: number; json: unknown }>> {
  const token = await sessionToken(t.url, 'admin', t.creds.admin.password);
  return (path, body) =>
    httpRaw(t.url, 'POST', path, { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, JSON.stringify(body));
}

function holding(t: TestHub, text: string): string[] {
  return allText(t.store)
    .filter((line) => line.includes(text))
    .map((line) => line.slice(0, line.indexOf(':')));
}

describe('a result-pickup request retried after an erasure', () => {
  it('answers without the name, and no table holds the name or its masked form', async () => {
    h = await startTestHub();
    const scene = await buildScene(h);
    data(await scene.officer.send('dossier:setStatus', { dossierId: scene.dossier.id, status: 'result_ready' }));
    const request = { code: scene.dossier.code, key: keyOf(scene.dossier.lookupPath), idempotencyKey: 'pickup-before-erasure' };
    const first = data(await scene.kiosk.send('ticket:issuePickup', request));
    const masked = 'Nguyễn V** B';
    expect(first.dossier.maskedName).toBe(masked);
    const post = await admin(h);
    const erased = await post('/api/admin/personal-data/erase', { cccd: CITIZEN.cccd });
    expect(erased.status).toBe(200);
    expect(holding(h, masked)).toEqual([]);
    expect(holding(h, CITIZEN.fullName)).toEqual([]);
    // the kiosk did not get the first answer (a dropped connection) and sends the same request again
    const retry = data(await scene.kiosk.send('ticket:issuePickup', request));
    expect(retry.ticket.id).toBe(first.ticket.id);
    expect(JSON.stringify(retry)).not.toContain('Nguyễn');
    expect(retry.dossier.maskedName).toBe('');
  });
});

const IMPORT_CSV = [
  'Mã hồ sơ,Chủ hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái',
  '000.00.00.H26-240115-0001,Phạm Thị Hồng Nhung,KS,15/01/2024,18/01/2024,Đang xử lý',
  '000.00.00.H26-240115-0002,Phạm Thị Hồng Nhung,KS,15/01/2024,18/01/2024,Đã trả kết quả',
  '000.00.00.H26-240116-0003,Phạm Thị Hồng Nhung,KS,16/01/2024,19/01/2024,Đang xử lý',
  '000.00.00.H26-240116-0004,Lê Văn Cường,KS,16/01/2024,19/01/2024,Đang xử lý',
].join('\r\n');

async function importOnline(t: TestHub): Promise<void> {
  const token = await sessionToken(t.url, 'admin', t.creds.admin.password);
  const r = await httpRaw(t.url, 'POST', '/api/admin/dossiers/import?name=truc-tuyen.csv', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, IMPORT_CSV);
  expect(r.status, r.text).toBe(200);
}

type Exported = { data: { dossiers: Array<{ code: string; applicant: { fullName: string; cccd: string | null } }> } };
const codes = (r: { json: unknown }): string[] => (r.json as Exported).data.dossiers.map((d) => d.code);
const nameOf = (t: TestHub, code: string): string | undefined => t.store.dossiers.byCode(code)?.applicant.fullName;

describe('imported online dossiers (a name, no CCCD)', () => {
  it('are exported and erased by dossier code, the code in a POST body', async () => {
    h = await startTestHub();
    await importOnline(h);
    const post = await admin(h);
    const exported = await post('/api/admin/personal-data', { code: '000.00.00.H26-240115-0001' });
    expect(exported.status).toBe(200);
    expect(codes(exported)).toEqual(['000.00.00.H26-240115-0001']);
    expect((exported.json as Exported).data.dossiers[0]?.applicant).toMatchObject({ fullName: 'Phạm Thị Hồng Nhung', cccd: null });
    const erased = await post('/api/admin/personal-data/erase', { code: '000.00.00.H26-240115-0001' });
    expect((erased.json as { data: { erased: number } }).data.erased).toBe(1);
    expect(nameOf(h, '000.00.00.H26-240115-0001')).toBe('');
    expect(nameOf(h, '000.00.00.H26-240115-0002')).toBe('Phạm Thị Hồng Nhung');
    expect(h.store.dossiers.byCode('000.00.00.H26-240115-0001')?.status).toBe('processing'); // the dossier stays, for the statistics
  });

  it('are exported and erased by full name + birth date: NFC, any case, extra spaces', async () => {
    h = await startTestHub();
    await importOnline(h);
    const post = await admin(h);
    const typed = { fullName: '  phạm   THỊ hồng NHUNG '.normalize('NFD'), birthDate: '1991-05-20' };
    const exported = await post('/api/admin/personal-data', typed);
    expect(exported.status).toBe(200);
    expect(codes(exported)).toEqual(['000.00.00.H26-240115-0001', '000.00.00.H26-240115-0002', '000.00.00.H26-240116-0003']);
    const erased = await post('/api/admin/personal-data/erase', typed);
    expect((erased.json as { data: { erased: number } }).data.erased).toBe(3);
    expect(holding(h, 'Hồng Nhung')).toEqual([]);
    expect(nameOf(h, '000.00.00.H26-240116-0004')).toBe('Lê Văn Cường');
  });

  it('a name with another recorded birth date is someone else; a CCCD travels in a POST body too', async () => {
    h = await startTestHub();
    const scene = await buildScene(h);
    const post = await admin(h);
    const other = await post('/api/admin/personal-data', { fullName: CITIZEN.fullName, birthDate: '1985-03-03' });
    expect(codes(other)).toEqual([]);
    const same = await post('/api/admin/personal-data', { fullName: CITIZEN.fullName.toUpperCase(), birthDate: CITIZEN.birthDate });
    expect(codes(same)).toEqual([scene.dossier.code]);
    expect(codes(await post('/api/admin/personal-data', { cccd: CITIZEN.cccd }))).toEqual([scene.dossier.code]);
    const bad = await post('/api/admin/personal-data', { fullName: CITIZEN.fullName });
    expect(bad.status).toBe(400);
  });
});
