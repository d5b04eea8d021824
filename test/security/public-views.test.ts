/**
 * What the public sees. The ticket status page (/t/<id>), the receipt look-up (/d/<code>?k=)
 * and everything kiosks and displays receive (snapshots, events, acks) carry no officer name,
 * no transfer note, no CCCD, phone, address or birth date, and no unmasked applicant name. The
 * look-up needs the key printed on the receipt; codes cannot be walked through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { TestClient, data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { httpRaw } from './helpers/http';
import { CITIZEN, TRANSFER_NOTE, buildScene, type Scene } from './helpers/scene';

const browser = useBrowser();
let h: TestHub;
let scene: Scene;
/** Everything the kiosk and display sockets received while the scene and a busy hour ran. */
const publicTraffic: unknown[] = [];
let transferred = '';

/** Strings that must never reach a public screen. */
function forbidden(): Record<string, string> {
  const out: Record<string, string> = {
    'applicant full name': CITIZEN.fullName,
    CCCD: CITIZEN.cccd,
    phone: CITIZEN.phone,
    address: CITIZEN.address,
    'birth date': CITIZEN.birthDate,
    'transfer note': TRANSFER_NOTE,
    'dossier note': 'Ghi chú hồ sơ bí mật',
  };
  h.creds.officers.forEach((o) => (out[`officer ${o.username}`] = o.fullName));
  out['admin name'] = 'Quản trị viên';
  return out;
}

function expectClean(label: string, value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const [what, s] of Object.entries(forbidden())) expect(text.includes(s), `${label} shows the ${what}`).toBe(false);
}

beforeAll(async () => {
  h = await startTestHub();
  // public sockets listening from the very start
  const kiosk = h.kiosk();
  const display = h.display();
  for (const c of [kiosk, display]) {
    c.socket.on('hub:snapshot', (s) => publicTraffic.push(s));
    c.socket.on('hub:events', (e) => publicTraffic.push(e));
    c.socket.on('hub:notice', (n) => publicTraffic.push(n));
  }
  await Promise.all([kiosk.ready(), display.ready()]);
  scene = await buildScene(h);
  const o = scene.officer;
  const other = await h.officerAt('canbo2', 'q2');
  // a busy hour: transfers with notes, dossier notes, status changes, ratings, pauses
  const t = scene.waiting[0];
  if (!t) throw new Error('no waiting ticket');
  data(await o.send('ticket:transfer', { ticketId: t.id, toCounterId: 'q2', note: TRANSFER_NOTE }));
  transferred = t.id;
  data(await o.send('dossier:setStatus', { dossierId: scene.dossier.id, status: 'needs_supplement', note: 'Ghi chú hồ sơ bí mật' }));
  data(await other.send('counter:callTicket', { counterId: 'q2', ticketId: t.id, idempotencyKey: 'pub-call-0001' }));
  data(await other.send('ticket:start', { ticketId: t.id }));
  data(await o.send('counter:pause', { counterId: 'q1' }));
  data(await o.send('counter:open', { counterId: 'q1' }));
  data(await scene.display.send('ticket:rate', { ticketId: scene.done.id, level: 'neutral' }));
  for (const c of [kiosk, display, scene.kiosk, scene.display]) publicTraffic.push(data(await c.send('sync:snapshot', {})));
  publicTraffic.push(data(await kiosk.send('dossier:lookup', { code: scene.dossier.code })));
  publicTraffic.push(data(await kiosk.send('ticket:issuePickup', { code: scene.readyDossier.code, idempotencyKey: 'pub-pickup-01' })));
  await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
  await h.close();
});

describe('kiosk and display sockets', () => {
  it('receive no officer names, notes or personal data in snapshots, events or acks', () => {
    expect(publicTraffic.length).toBeGreaterThan(10);
    expectClean('kiosk/display traffic', publicTraffic);
    // and the projected fields are really null
    const text = JSON.stringify(publicTraffic);
    expect(text).not.toMatch(/"officerId":"(?!null)[^"]+"/);
    expect(text).not.toMatch(/"officerName":"[^"]+"/);
    expect(text).not.toMatch(/"note":"[^"]+"/);
  });

  it('the kiosk’s dossier look-up shows the name masked, and only with the receipt’s key', async () => {
    const key = new URL(scene.dossier.lookupPath, 'http://x').searchParams.get('k') ?? '';
    const r = data(await scene.kiosk.send('dossier:lookup', { code: scene.dossier.code, key }));
    expect(r.maskedName).toBe('Nguyễn V** B');
    expect(Object.keys(r).sort()).toEqual(['code', 'dueDate', 'maskedName', 'overdue', 'procedureName', 'receivedAt', 'resolvedAt', 'status']);
    const bare = data(await scene.kiosk.send('dossier:lookup', { code: scene.dossier.code }));
    expect(bare).toMatchObject({ code: scene.dossier.code, maskedName: null, procedureName: null });
  });
});

describe('/api/public/tickets/<id> and /t/<id>', () => {
  const KEYS = ['calledAt', 'counterNumber', 'estimatedWaitMinutes', 'fieldNameEn', 'fieldNameVi', 'id', 'issuedAt', 'now', 'number', 'peopleAhead', 'priority', 'serviceDay', 'siteName', 'status', 'timeZone', 'today'];

  it('show only the documented public fields, for waiting, called, served, transferred and finished tickets', async () => {
    for (const id of [scene.waiting[2]?.id, scene.called.id, scene.done.id, transferred]) {
      const r = await httpRaw(h.url, 'GET', `/api/public/tickets/${id}`);
      expect(r.status).toBe(200);
      const body = r.json as { data: Record<string, unknown> };
      expect(Object.keys(body.data).sort()).toEqual(KEYS);
      expectClean(`/api/public/tickets/${id}`, r.text);
    }
  });

  it('the status page in Chromium shows none of it either', async () => {
    const { page } = await openPage(browser(), 390, 844);
    for (const id of [transferred, scene.done.id]) {
      await page.goto(`${h.url}/t/${id}`);
      await page.waitForFunction(() => (document.body.textContent ?? '').length > 30);
      await page.waitForTimeout(300);
      expectClean(`/t/${id}`, await page.content());
    }
    await page.context().close();
  });
});

describe('/api/public/dossiers/<code>?k= and /d/<code>?k=', () => {
  const keyOf = (lookupPath: string): string => new URL(lookupPath, 'http://x').searchParams.get('k') ?? '';

  it('with the receipt’s key: status, due date, procedure and the masked name only', async () => {
    const k = keyOf(scene.dossier.lookupPath);
    const r = await httpRaw(h.url, 'GET', `/api/public/dossiers/${encodeURIComponent(scene.dossier.code)}?k=${k}`);
    expect(r.status).toBe(200);
    const d = (r.json as { data: Record<string, unknown> }).data;
    expect(Object.keys(d).sort()).toEqual(['code', 'dueDate', 'maskedName', 'overdue', 'procedureName', 'receivedAt', 'resolvedAt', 'status']);
    expect(d.maskedName).toBe('Nguyễn V** B');
    expectClean('/api/public/dossiers', r.text);
  });

  it('without the key, with a wrong key or with another dossier’s key: 404, the same answer as an unknown code', async () => {
    const code = encodeURIComponent(scene.dossier.code);
    const other = keyOf(scene.readyDossier.lookupPath);
    const unknown = await httpRaw(h.url, 'GET', `/api/public/dossiers/000.00.00.H26-261123-9999?k=${other}`);
    expect(unknown.status).toBe(404);
    for (const q of ['', '?k=', `?k=${other}`, '?k=AAAAAAAAAAAA', `?k=${keyOf(scene.dossier.lookupPath).toLowerCase()}`, `?k=${keyOf(scene.dossier.lookupPath)}x`, '?k[]=1']) {
      const r = await httpRaw(h.url, 'GET', `/api/public/dossiers/${code}${q}`);
      expect(r.status, q).toBe(404);
      expect(r.json, q).toEqual(unknown.json);
    }
  });

  it('codes cannot be walked through: neighbouring codes with guessed keys all answer 404', async () => {
    const base = scene.dossier.code.slice(0, -4);
    let found = 0;
    for (let i = 1; i <= 60; i += 1) {
      const code = `${base}${String(i).padStart(4, '0')}`;
      const r = await httpRaw(h.url, 'GET', `/api/public/dossiers/${encodeURIComponent(code)}?k=${Buffer.from(code).toString('base64url').slice(0, 12)}`);
      if (r.status === 200) found += 1;
    }
    expect(found).toBe(0);
  });

  it('the look-up page in Chromium shows the masked name and nothing personal', async () => {
    const { page } = await openPage(browser(), 390, 844);
    await page.goto(`${h.url}${scene.dossier.lookupPath}`);
    await page.waitForSelector('[data-testid=dossier-status]');
    expect(await page.textContent('[data-testid=dossier-name]')).toBe('Nguyễn V** B');
    expectClean('/d/ page', await page.content());
    await page.context().close();
  });
});

describe('the kiosk channel of the look-up', () => {
  /**
   * The receipt key stops anyone from walking through codes over HTTP; the kiosk's look-up takes
   * a bare code (the citizen types it). Whoever holds a kiosk token (a browser kiosk keeps it in
   * localStorage, the Electron kiosk in its config file) must not be able to walk through every
   * code of a day and read each dossier's procedure, status and masked name.
   */
  it('a burst of look-ups from one kiosk is rate limited', async () => {
    const base = scene.dossier.code.slice(0, -4);
    const codes: string[] = [];
    for (let i = 1; i <= 40; i += 1) {
      const ack = (await scene.kiosk.sendRaw('dossier:lookup', { code: `${base}${String(i).padStart(4, '0')}` })) as { ok: boolean; error?: { code: string } };
      codes.push(ack.ok ? 'ok' : (ack.error?.code ?? '?'));
    }
    expect(codes, `40 look-ups in a row from one kiosk: ${codes.join(' ')}`).toContain('RATE_LIMITED');
  });

  it('so is a burst of result-pickup requests (their refusals tell whether a code exists and its status)', async () => {
    h.clock.advance(2 * 60_000); // a fresh minute for this kiosk
    const base = scene.dossier.code.slice(0, -4);
    const codes: string[] = [];
    for (let i = 1; i <= 40; i += 1) {
      const ack = (await scene.kiosk.sendRaw('ticket:issuePickup', { code: `${base}${String(i).padStart(4, '0')}`, idempotencyKey: `walk-${String(i).padStart(4, '0')}` })) as { ok: boolean; error?: { code: string } };
      codes.push(ack.ok ? 'ok' : (ack.error?.code ?? '?'));
    }
    expect(codes, `40 pick-up requests in a row from one kiosk: ${codes.join(' ')}`).toContain('RATE_LIMITED');
  });
});

describe('staff sockets (the contrast)', () => {
  it('do get officer names and notes, so the public projection above is a real filter', async () => {
    const staff = new TestClient(h.url, { kind: 'password', username: 'canbo1', password: h.creds.officers[0]?.password ?? '' });
    const snap = await staff.ready();
    expect(JSON.stringify(snap)).toContain(h.creds.officers[0]?.fullName ?? '?');
    expect(JSON.stringify(snap.tickets)).toContain(TRANSFER_NOTE);
    staff.close();
  });
});
