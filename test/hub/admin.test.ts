import { PROTOCOL_VERSION } from '@qms/protocol';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
let admin: TestClient;
beforeEach(async () => {
  h = await startTestHub();
  admin = h.admin();
  await admin.ready();
});
afterEach(async () => {
  await h.close();
});

async function refused(token: string): Promise<string | undefined> {
  const s = io(h.url, { auth: { protocolVersion: PROTOCOL_VERSION, kind: 'device', token }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    return await new Promise((resolve) => {
      s.on('connect_error', (e) => resolve((e as Error & { data?: { code: string } }).data?.code));
      s.on('connect', () => resolve('CONNECTED'));
    });
  } finally {
    s.close();
  }
}

describe('admin configuration', () => {
  it('config:get has everything but secrets; officers and devices cannot ask', async () => {
    const cfg = data(await admin.send('config:get', {}));
    expect(cfg.fields).toHaveLength(8);
    expect(cfg.counters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(cfg.procedures.length).toBeGreaterThan(10);
    expect(cfg.site.pickupFieldId).toBe('tra-ket-qua');
    expect(cfg.devices.find((d) => d.id === 'kiosk-1')?.online).toBe(0);
    const kiosk = h.kiosk();
    await kiosk.ready();
    expect(data(await admin.send('config:get', {})).devices.find((d) => d.id === 'kiosk-1')?.online).toBe(1);
    const text = JSON.stringify(cfg);
    expect(text).not.toMatch(/scrypt\$|passwordHash|token_?hash/i);
    const officer = h.officer('canbo1');
    await officer.ready();
    expect((await officer.sendRaw('config:get', {}) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('renaming a field reaches a connected kiosk live, and the change is logged with who did it', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    const field = data(await admin.send('config:get', {})).fields.find((f) => f.id === 'cu-tru');
    if (!field) throw new Error('no field');
    data(await admin.send('field:save', { ...field, nameVi: 'Cư trú – Căn cước' }));
    // clients are told at once, and a fresh snapshot has the new name
    await waitFor(() => kiosk.events.some((e) => e.type === 'config:changed' && e.section === 'fields'));
    expect(data(await kiosk.send('sync:snapshot', {})).fields.find((f) => f.id === 'cu-tru')?.nameVi).toBe('Cư trú – Căn cước');
    const row = h.store.db.prepare("SELECT actor_id AS who, data_json AS d FROM events WHERE type = 'config:changed'").get() as { who: string; d: string };
    expect(row.who).toBe('admin');
    expect(JSON.parse(row.d)).toEqual({ type: 'config:changed', section: 'fields' });
  });

  it('validates: a bad number range, a duplicate counter number, an unknown field in a counter', async () => {
    const field = data(await admin.send('config:get', {})).fields[0];
    if (!field) throw new Error('no field');
    const bad = await admin.send('field:save', { ...field, numberFormat: { ...field.numberFormat, rangeStart: 500, rangeEnd: 100 } });
    expect(!bad.ok && bad.error.code).toBe('INVALID_NUMBER_FORMAT');
    const dup = await admin.send('counter:save', { number: 2, name: 'Quầy mới', kind: 'receiving', fieldIds: ['cu-tru'], enabled: true });
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    expect(h.store.config.counters().find((c) => c.id === 'q2')?.name).toBe('Quầy 2'); // untouched
    const move = await admin.send('counter:save', { id: 'q3', number: 4, name: 'Quầy 3', kind: 'receiving', fieldIds: ['cu-tru'], enabled: true });
    expect(!move.ok && move.error.code).toBe('CONFLICT');
    const unknown = await admin.send('counter:save', { number: 9, name: 'Quầy 9', kind: 'receiving', fieldIds: ['nope'], enabled: true });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const created = data(await admin.send('counter:save', { number: 9, name: 'Quầy 9', kind: 'receiving', fieldIds: ['cu-tru', 'kinh-doanh'], enabled: true }));
    expect(created).toMatchObject({ id: 'q9', fieldIds: ['cu-tru', 'kinh-doanh'], status: 'closed' });
  });

  it('officers: create with a password, reset it, disable (their sockets end)', async () => {
    data(await admin.send('officer:save', { username: 'canbo9', fullName: 'Đỗ Thị Nga', role: 'officer', enabled: true, password: 'mat-khau-9-dai' }));
    const nga = new TestClient(h.url, { kind: 'password', username: 'canbo9', password: 'mat-khau-9-dai' });
    expect((await nga.ready()).identity.name).toBe('Đỗ Thị Nga');
    data(await admin.send('officer:save', { id: 'canbo9', username: 'canbo9', fullName: 'Đỗ Thị Nga', role: 'officer', enabled: false }));
    await waitFor(() => !nga.socket.connected);
    nga.close();
    // a password reset ends the officer's sessions: the old session token no longer connects
    const res = await fetch(`${h.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'canbo1', password: h.creds.officers[0]?.password }),
    });
    const sessionToken = ((await res.json()) as { data: { token: string } }).data.token;
    const lan = new TestClient(h.url, { kind: 'session', token: sessionToken });
    await lan.ready();
    data(await admin.send('officer:save', { id: 'canbo1', username: 'canbo1', fullName: 'Nguyễn Thị Lan', role: 'officer', enabled: true, password: 'mat-khau-moi-cua-lan' }));
    await waitFor(() => !lan.socket.connected);
    const again = new TestClient(h.url, { kind: 'session', token: sessionToken });
    await expect(again.ready()).rejects.toThrow();
    again.close();
    lan.close();
    const noPassword = await admin.send('officer:save', { username: 'canbo10', fullName: 'Không mật khẩu', role: 'officer', enabled: true });
    expect(!noPassword.ok && noPassword.error.code).toBe('VALIDATION_FAILED');
    const self = await admin.send('officer:save', { id: 'admin', username: 'admin', fullName: 'Quản trị viên', role: 'officer', enabled: true });
    expect(!self.ok && self.error.code).toBe('FORBIDDEN');
  });

  it('devices: create shows a token once; rotate ends the old one; revoke ends and refuses the display', async () => {
    const created = data(await admin.send('device:save', { kind: 'display', name: 'Màn hình tầng 2', settings: { counters: [5, 6] } }));
    if (!('token' in created)) throw new Error('a new device must come with its token');
    const floor2 = new TestClient(h.url, { kind: 'device', token: created.token });
    expect((await floor2.ready()).device?.settings).toEqual({ counters: [5, 6] });
    const rotated = data(await admin.send('device:rotateToken', { id: created.device.id }));
    await waitFor(() => !floor2.socket.connected);
    expect(await refused(created.token)).toBe('UNAUTHENTICATED');
    expect(await refused(rotated.token)).toBe('CONNECTED');
    const lobby = h.display();
    await lobby.ready();
    data(await admin.send('device:revoke', { id: 'display-1' }));
    await waitFor(() => !lobby.socket.connected);
    expect(await refused(h.creds.displayToken)).toBe('UNAUTHENTICATED');
    floor2.close();
  });

  it('the dashboard shows waiting per field, counters and who is at them, today’s totals', async () => {
    const kiosk = h.kiosk();
    await kiosk.ready();
    for (let i = 0; i < 3; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `dash-000${i}` }));
    h.clock.advance(6 * 60_000);
    const o = await h.officerAt('canbo2', 'q2');
    data(await o.send('counter:callNext', { counterId: 'q2', idempotencyKey: 'dash-call-1' }));
    const dash = data(await admin.send('dashboard:get', {}));
    expect(dash.fields.find((f) => f.fieldId === 'chung-thuc')).toMatchObject({ waiting: 2, longestWaitMin: 6, openCounters: 1 });
    expect(dash.counters.find((c) => c.id === 'q2')).toMatchObject({ status: 'open', officerName: 'Trần Văn Minh', currentNumber: '2001' });
    expect(dash.today).toMatchObject({ issued: 3, served: 0, noShow: 0, avgWaitMin: 6 });
  });
});
