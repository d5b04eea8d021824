/**
 * No injected script runs in any UI. Hostile strings go in through the real admin and officer
 * paths (the Socket.IO commands the admin and counter apps send, the import endpoint, a kiosk's
 * printer report): a site name, a field, a counter, a procedure, an officer's full name, a kiosk
 * name, a holiday, a display's notice line, a dossier applicant, a transfer note, an imported
 * applicant name. Then every page opens in Chromium: kiosk, display, counter (signed in, with a
 * current ticket carrying the note and the dossier), rating tablet, /t/<id>, /d/<code>?k= and
 * every admin page. `window.__pwned` must stay undefined, no dialog may open, no element may
 * carry an event-handler attribute or a javascript: URL, and the hostile text shows as text.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, scanBurst, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { XSS_IMG, XSS_SCRIPT } from './helpers/hostile';
import { httpRaw, sessionToken } from './helpers/http';

const browser = useBrowser();
let h: TestHub;

const SITE_NAME = `Phường ${XSS_IMG}`;
const FIELD_VI = XSS_IMG;
const FIELD_EN = XSS_SCRIPT;
const COUNTER_NAME = XSS_SCRIPT;
const PROCEDURE_NAME = `Thủ tục ${XSS_IMG} ${XSS_SCRIPT}`;
const OFFICER_NAME = `Cán bộ ${XSS_IMG}`;
const APPLICANT_NAME = `${XSS_IMG} Văn An`;
const NOTE = `Chuyển ${XSS_SCRIPT} ${XSS_IMG}`;
const NOTICE = `Thông báo ${XSS_SCRIPT} ${XSS_IMG}`;
const URL_NOTICE = '<svg/onload=window.__pwned=1>';
const KIOSK_NAME = `Kiosk ${XSS_IMG}`;
const IMPORTED_NAME = `${XSS_SCRIPT}<img src=x onerror=window.__pwned=1>`;
const FAULT_MESSAGE = `${XSS_IMG} ${XSS_SCRIPT}`;

let ticketWithNote = '';
let xssTicket = '';
let lookupPath = '';

beforeAll(async () => {
  h = await startTestHub();
  const admin = h.admin();
  const kiosk = h.kiosk();
  await Promise.all([admin.ready(), kiosk.ready()]);
  const site = admin.snapshots.at(-1)?.site;
  if (!site) throw new Error('no snapshot');
  data(await admin.send('site:update', { name: SITE_NAME, agencyCode: site.agencyCode, openingHours: site.openingHours, priority: site.priority, pickupFieldId: 'tra-ket-qua' }));
  data(await admin.send('field:save', {
    code: 'xss-field', nameVi: FIELD_VI, nameEn: FIELD_EN, hintVi: XSS_SCRIPT, hintEn: XSS_IMG, icon: '<svg/onload=window.__pwned=1>',
    numberFormat: { style: 'prefixed', prefix: 'X', rangeStart: 1, rangeEnd: 999, pad: 3 }, sortOrder: 0, enabled: true, defaultServiceMinutes: 5,
  }));
  data(await admin.send('counter:save', { id: 'q1', number: 1, name: COUNTER_NAME, kind: 'receiving', fieldIds: ['tu-phap-ho-tich', 'xss-field'], enabled: true }));
  data(await admin.send('procedure:save', { fieldId: 'tu-phap-ho-tich', code: 'XSS1', name: PROCEDURE_NAME, processingDays: 3, fee: 1000, enabled: true }));
  data(await admin.send('officer:save', { id: 'canbo1', username: 'canbo1', fullName: OFFICER_NAME, role: 'officer', enabled: true }));
  data(await admin.send('device:save', { id: 'display-1', kind: 'display', name: `Màn hình ${XSS_SCRIPT}`, settings: { notice: NOTICE } }));
  data(await admin.send('device:save', { id: 'kiosk-1', kind: 'kiosk', name: KIOSK_NAME, settings: { maxTicketsPerMinute: 1000 } }));
  data(await admin.send('holidays:set', { holidays: [{ day: '2026-12-31', name: XSS_IMG }] }));
  // a stolen kiosk can send free text to the staff screens
  const kioskAgain = h.kiosk();
  await kioskAgain.ready();
  data(await kioskAgain.send('printer:report', { code: 'PAPER_OUT', message: FAULT_MESSAGE }));

  // the ticket that reaches counter 1 with a note and a dossier
  const t = data(await kioskAgain.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'xss-ticket-01' })).ticket;
  ticketWithNote = t.id;
  xssTicket = data(await kioskAgain.send('ticket:issue', { fieldId: 'xss-field', idempotencyKey: 'xss-ticket-02' })).ticket.id;
  const o2 = await h.officerAt('canbo2', 'q2');
  data(await o2.send('counter:callTicket', { counterId: 'q2', ticketId: t.id, idempotencyKey: 'xss-call-0001' }));
  const procedureId = (admin.snapshots.at(-1)?.procedures ?? []).find((p) => p.code === 'XSS1')?.id ?? 'tt-xss1';
  const d = data(await o2.send('dossier:create', {
    ticketId: t.id,
    procedureId,
    applicant: { fullName: APPLICANT_NAME, cccd: '001090012345', phone: '0912345678', birthDate: '1990-01-01', address: XSS_SCRIPT },
    note: NOTE,
    idempotencyKey: 'xss-dossier-01',
  }));
  lookupPath = d.lookupPath;
  data(await o2.send('ticket:transfer', { ticketId: t.id, toCounterId: 'q1', note: NOTE }));
  o2.close();

  // an online dossier imported with a hostile applicant name (admin dossier pages show it)
  const token = await sessionToken(h.url, 'admin', h.creds.admin.password);
  const csv = `Mã hồ sơ,Chủ hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái\n000.00.00.H26-261120-0001,"${IMPORTED_NAME.replace(/"/g, '""')}",XSS1,20/11/2026,25/11/2026,Đang xử lý\n`;
  const imported = await httpRaw(h.url, 'POST', '/api/admin/dossiers/import?name=x.csv', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, csv);
  if (imported.status !== 200) throw new Error(`import: ${imported.status} ${imported.text}`);
});
afterAll(async () => {
  await h.close();
});

interface Opened {
  page: Page;
  dialogs: string[];
}

async function open(width = 1440, height = 900): Promise<Opened> {
  const { page } = await openPage(browser(), width, height);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { page, dialogs };
}

/** Nothing ran, nothing was turned into markup; `shown` must appear as text. */
async function expectInert(o: Opened, label: string, shown: readonly string[] = []): Promise<void> {
  // the hostile text is on screen first (a page shows "loading" until its data arrives) ...
  await o.page
    .waitForFunction((list) => list.every((x) => (document.body.textContent ?? '').includes(x)), [...shown], { timeout: 10_000 })
    .catch(() => undefined); // a missing text is reported by the assertion below
  await o.page.waitForTimeout(400); // ... then an <img onerror> fires after its failed load
  const report = await o.page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown };
    const handlers: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) handlers.push(`${el.tagName} ${a.name}`);
        if (/^\s*javascript:/i.test(a.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)) handlers.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    return {
      pwned: w.__pwned,
      handlers,
      inlineScripts: Array.from(document.querySelectorAll('script:not([src])')).map((s) => s.textContent ?? ''),
      hostileImgs: document.querySelectorAll('img[src="x"], iframe').length,
      text: document.body.textContent ?? '',
    };
  });
  expect(report.pwned, `${label}: injected script ran`).toBeUndefined();
  expect(o.dialogs, `${label}: a dialog opened`).toEqual([]);
  expect(report.handlers, `${label}: event-handler attributes or javascript: URLs in the DOM`).toEqual([]);
  expect(report.inlineScripts.filter((s) => s.includes('__pwned')), `${label}: an injected inline script`).toEqual([]);
  expect(report.hostileImgs, `${label}: an injected <img src=x> or <iframe>`).toBe(0);
  for (const s of shown) expect(report.text, `${label} should show ${JSON.stringify(s)} as text`).toContain(s);
}

describe('hostile strings are shown as text, never run', () => {
  it('kiosk: home, the hostile field, the ticket screen and the result pick-up', async () => {
    const o = await open(1920, 1080);
    await o.page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
    await o.page.waitForSelector('.field-btn:not([disabled])');
    await expectInert(o, 'kiosk home', [SITE_NAME, FIELD_VI]);
    await o.page.click('[data-field="xss-field"]');
    // no counter of that field is open: the kiosk asks first, naming the field
    await o.page.waitForSelector('.modal');
    await expectInert(o, 'kiosk: no open counter', [FIELD_VI]);
    await o.page.click('text=Vẫn lấy số');
    await o.page.waitForSelector('[data-testid=ticket]');
    await expectInert(o, 'kiosk ticket', [FIELD_VI]);
    await o.page.click('text=Xong');
    // result pick-up by the receipt's QR (its key shows the procedure): the hostile procedure and the masked hostile name
    await scanBurst(o.page, `${h.url}${lookupPath}`);
    await o.page.waitForSelector('[data-testid=pickup-found]');
    await expectInert(o, 'kiosk pick-up', [PROCEDURE_NAME]);
    await o.page.goto(`${h.url}/kiosk/?lang=en`);
    await o.page.waitForSelector('.field-btn');
    await expectInert(o, 'kiosk home (en)', [FIELD_EN]);
    await o.page.context().close();
  });

  it('display: device notice, then a notice from the URL', async () => {
    const o = await open(1920, 1080);
    await o.page.goto(`${h.url}/display/?token=${h.creds.displayToken}`);
    await o.page.waitForSelector('[data-testid=notice]');
    await expectInert(o, 'display', [NOTICE]);
    await o.page.goto(`${h.url}/display/?notice=${encodeURIComponent(URL_NOTICE)}`);
    await o.page.waitForSelector('[data-testid=notice]');
    await expectInert(o, 'display with ?notice=', [URL_NOTICE]);
    await o.page.context().close();
  });

  it('counter: signed in at counter 1 with a current ticket carrying the note and the dossier; transfer and dossier dialogs', async () => {
    const o = await open();
    await o.page.goto(`${h.url}/counter/`);
    await o.page.fill('input[name=username]', 'canbo1');
    await o.page.fill('input[name=password]', h.creds.officers[0]?.password ?? '');
    await o.page.click('button[type=submit]');
    await o.page.waitForSelector('[data-counter=q1]');
    await expectInert(o, 'counter: choose', [COUNTER_NAME]);
    await o.page.click('[data-counter=q1]');
    await o.page.waitForSelector('[data-action=callNext]:not([disabled])');
    await o.page.click('[data-action=callNext]');
    await o.page.waitForSelector(`[data-testid=current][data-ticket="${ticketWithNote}"]`);
    await o.page.waitForSelector('[data-testid=dossiers] li');
    await expectInert(o, 'counter: desk', [OFFICER_NAME, NOTE, APPLICANT_NAME]);
    await o.page.click('[data-action=transfer]');
    await o.page.waitForSelector('[data-testid=transfer-dialog]');
    await expectInert(o, 'counter: transfer dialog');
    await o.page.keyboard.press('Escape');
    await o.page.click('[data-testid=transfer-dialog] button:has-text("Huỷ"), [data-testid=transfer-dialog] button:has-text("Hủy"), [data-testid=transfer-dialog] .btn:not(.primary)').catch(() => undefined);
    await o.page.waitForSelector('[data-testid=transfer-dialog]', { state: 'detached', timeout: 3000 }).catch(() => undefined);
    if (await o.page.isVisible('[data-testid=create-dossier]')) {
      await o.page.click('[data-testid=create-dossier]');
      await o.page.waitForSelector('[data-testid=dossier-dialog]');
      await expectInert(o, 'counter: dossier dialog');
    }
    await o.page.context().close();
  });

  it('rating tablet, /t/<id> and /d/<code>?k=', async () => {
    const o = await open(1024, 768);
    await o.page.goto(`${h.url}/counter/rate.html?counter=1&token=${h.creds.displayToken}`);
    await o.page.waitForSelector('.rate-idle');
    await expectInert(o, 'rating tablet');
    await o.page.goto(`${h.url}/t/${xssTicket}`);
    await o.page.waitForFunction(() => (document.body.textContent ?? '').includes('X-'));
    await expectInert(o, '/t/<id>', [FIELD_VI]);
    await o.page.goto(`${h.url}${lookupPath}`);
    await o.page.waitForSelector('[data-testid=dossier-status]');
    await expectInert(o, '/d/<code>?k=', [PROCEDURE_NAME]);
    await o.page.context().close();
  });

  it('every admin page', async () => {
    const o = await open();
    await o.page.goto(`${h.url}/admin/`);
    await o.page.fill('input[name=username]', 'admin');
    await o.page.fill('input[name=password]', h.creds.admin.password);
    await o.page.click('button[type=submit]');
    await o.page.waitForSelector('[data-testid=page-dashboard]');
    const pages = await o.page.$$eval('[data-nav]', (els) => els.map((e) => e.getAttribute('data-nav') ?? ''));
    expect(pages.length).toBeGreaterThan(3);
    const expected: Record<string, string[]> = { dashboard: [FAULT_MESSAGE, KIOSK_NAME], fields: [FIELD_VI], counters: [COUNTER_NAME], procedures: [PROCEDURE_NAME], officers: [OFFICER_NAME], devices: [KIOSK_NAME] };
    for (const p of pages) {
      await o.page.goto(`${h.url}/admin/#/${p}`);
      await o.page.waitForSelector(`[data-testid=page-${p}]`);
      await o.page.waitForTimeout(600);
      await expectInert(o, `admin #/${p}`, expected[p] ?? []);
    }
    await o.page.context().close();
  });
});
