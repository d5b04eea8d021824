/**
 * Reference screenshots of the product for docs/screenshots/ (`npm run docs:screenshots`).
 * Real hub, real Chromium, the fake printer; look at them after any UI change.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { printerFromUrl } from '@qms/printer';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { data } from '../support/client';
import { startFakePrinter } from '../support/fake-printer';
import { REPO_ROOT } from '../support/hub-process';
import { startTestHub, type TestHub } from '../support/test-hub';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');

type Shot = (h: TestHub, b: Browser) => Promise<void>;

async function kioskShots(h: TestHub, b: Browser): Promise<void> {
  for (const [w, hh, name] of [[1920, 1080, 'landscape'], [1080, 1920, 'portrait']] as const) {
    const { page } = await openPage(b, w, hh);
    await page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
    await page.waitForSelector('.field-btn:not([disabled])');
    await page.screenshot({ path: join(OUT, `kiosk-home-${name}.png`) });
    if (name === 'landscape') {
      await page.click('text=Ưu tiên');
      await page.screenshot({ path: join(OUT, 'kiosk-priority.png') });
      await page.click('[data-group=elderly]');
      await page.click('[data-field="tu-phap-ho-tich"]');
      await page.waitForSelector('[data-print=printed]');
      await page.screenshot({ path: join(OUT, 'kiosk-ticket.png') });
    }
    await page.context().close();
  }
}

async function counterShots(h: TestHub, b: Browser): Promise<void> {
  const { page } = await openPage(b, 1440, 900);
  await page.goto(`${h.url}/counter/`);
  await page.fill('input[name=username]', 'canbo2');
  await page.fill('input[name=password]', h.creds.officers[1]?.password ?? '');
  await page.screenshot({ path: join(OUT, 'counter-login.png') });
  await page.click('button[type=submit]');
  await page.waitForSelector('.counter-card');
  await page.screenshot({ path: join(OUT, 'counter-choose.png') });
  await page.click('[data-counter=q2]');
  await page.waitForSelector('[data-action=callNext]:not([disabled])');
  await page.click('[data-action=callNext]');
  await page.waitForSelector('[data-testid=current-number]');
  await page.screenshot({ path: join(OUT, 'counter-desk.png') });
  await page.waitForSelector('[data-action=transfer]:not([disabled])');
  await page.click('[data-action=transfer]');
  await page.screenshot({ path: join(OUT, 'counter-transfer.png') });
  await page.context().close();
  const tablet = await openPage(b, 1280, 800);
  await tablet.page.goto(`${h.url}/counter/rate.html?counter=1&token=${h.creds.displayToken}`);
  await tablet.page.waitForSelector('.rate-idle');
  const o = h.officer('canbo1');
  await o.ready();
  const called = data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'shot-rate-call' })).ticket;
  if (called) data(await o.send('ticket:finish', { ticketId: called.id }));
  await tablet.page.waitForSelector('[data-testid=rate-number]');
  await tablet.page.screenshot({ path: join(OUT, 'rating-tablet.png') });
  await tablet.page.context().close();
}

async function displayShots(h: TestHub, b: Browser): Promise<void> {
  const o5 = await h.officerAt('canbo5', 'q5');
  data(await o5.send('counter:pause', { counterId: 'q5' }));
  const o4 = h.officer('canbo4');
  await o4.ready();
  for (const [w, hh, name] of [[1920, 1080, 'landscape'], [1080, 1920, 'portrait']] as const) {
    const { page } = await openPage(b, w, hh);
    await page.goto(`${h.url}/display/?token=${h.creds.displayToken}&voice=off&notice=${encodeURIComponent('Trung tâm làm việc từ 7 giờ 30 đến 20 giờ các ngày trong tuần, sáng thứ Bảy đến 11 giờ 30.')}`);
    await page.waitForSelector('[data-testid=now-calling]');
    data(await o4.send('counter:callNext', { counterId: 'q4', idempotencyKey: `shot-display-${name}` }));
    await page.waitForTimeout(1200);
    await page.screenshot({ path: join(OUT, `display-${name}.png`) });
    await page.context().close();
  }
}

async function dossierShots(h: TestHub, b: Browser): Promise<void> {
  const { page } = await openPage(b, 1440, 900);
  await page.goto(`${h.url}/counter/`);
  await page.fill('input[name=username]', 'canbo6');
  await page.fill('input[name=password]', h.creds.officers[5]?.password ?? '');
  await page.click('button[type=submit]');
  await page.click('[data-counter=q6]');
  await page.waitForSelector('[data-action=callNext]:not([disabled])');
  const kiosk = h.kiosk();
  await kiosk.ready();
  data(await kiosk.send('ticket:issue', { fieldId: 'kinh-doanh', idempotencyKey: 'shot-dossier-ticket' }));
  await page.click('[data-action=callNext]');
  await page.waitForSelector('[data-testid=create-dossier]');
  await page.click('[data-testid=create-dossier]');
  await page.focus('input[name=cccd-scan]');
  await page.keyboard.type('001090012345||Nguyễn Văn An|01011990|Nam|Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội|15032021', { delay: 1 });
  await page.keyboard.press('Enter');
  await page.fill('input[name=phone]', '0912345678');
  await page.screenshot({ path: join(OUT, 'counter-dossier-form.png') });
  await page.click('[data-testid=dossier-dialog] button[type=submit]');
  await page.waitForSelector('[data-testid=receipt] svg');
  await page.screenshot({ path: join(OUT, 'counter-receipt.png') });
  const code = (await page.textContent('[data-testid=receipt-code]')) ?? '';
  await page.click('[data-testid=receipt] button:has-text("Đóng")');
  await page.screenshot({ path: join(OUT, 'counter-dossier-panel.png') });
  await page.context().close();
  const k = await openPage(b, 1920, 1080);
  await k.page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
  await k.page.waitForSelector('.field-btn:not([disabled])');
  await k.page.click('[data-field="tra-ket-qua"]');
  for (const key of code.slice(-11).replace('-', '')) await k.page.click(`[data-key="${key}"]`);
  await k.page.screenshot({ path: join(OUT, 'kiosk-pickup-keypad.png') });
  await k.page.click('[data-key="OK"]');
  await k.page.waitForSelector('[data-testid=pickup-found]');
  await k.page.screenshot({ path: join(OUT, 'kiosk-pickup-status.png') });
  await k.page.context().close();
}

/** The counter app's Hồ sơ tab: dossiers received without a ticket, one result ready, one refused. */
async function deskShots(h: TestHub, b: Browser): Promise<void> {
  const o = h.officer('canbo2');
  await o.ready();
  const people = ['Trần Thị Bích Ngọc', 'Đặng Văn Hùng', 'Lê Thị Mai', 'Phạm Quốc Toàn'];
  const made = [];
  for (const [i, fullName] of people.entries()) {
    const applicant = { fullName, cccd: null, phone: null, birthDate: null, address: null };
    const procedureId = ['tt-hkd', 'tt-xntthn', 'tt-ks', 'tt-xnct'][i] ?? 'tt-ks';
    made.push(data(await o.send('dossier:create', { procedureId, applicant, idempotencyKey: `shot-desk-${i}-000` })));
  }
  data(await o.send('dossier:changeStatus', { dossierId: made[0]?.id ?? '', status: 'result_ready', idempotencyKey: 'shot-desk-ready' }));
  data(await o.send('dossier:changeStatus', { dossierId: made[1]?.id ?? '', status: 'needs_supplement', note: 'Bổ sung bản sao sổ hộ khẩu', idempotencyKey: 'shot-desk-supp' }));
  o.close();
  const { page } = await openPage(b, 1440, 900);
  await page.goto(`${h.url}/counter/#/dossiers`);
  await page.fill('input[name=username]', 'canbo2');
  await page.fill('input[name=password]', h.creds.officers[1]?.password ?? '');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=desk-table]');
  await page.screenshot({ path: join(OUT, 'counter-dossier-desk.png') });
  await page.context().close();
}

const SHOTS: Shot[] = [kioskShots, counterShots, displayShots, dossierShots, deskShots];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const printer = await startFakePrinter();
  const h = await startTestHub({ hubOptions: { defaultPrinter: printerFromUrl(printer.url), publicUrl: 'http://192.168.1.10:3000' } });
  await h.officerAt('canbo1', 'q1');
  await h.officerAt('canbo4', 'q4');
  const kiosk = h.kiosk();
  await kiosk.ready();
  for (let i = 0; i < 9; i += 1) {
    const fieldId = ['tu-phap-ho-tich', 'van-hoa-xa-hoi', 'chung-thuc'][i % 3] ?? 'chung-thuc';
    data(await kiosk.send('ticket:issue', { fieldId, priorityGroup: i === 5 ? 'elderly' : null, idempotencyKey: `shot-${i}-000` }));
  }
  h.clock.advance(12 * 60_000);
  const b = await launchBrowser();
  try {
    // `tsx test/e2e/screenshots.ts deskShots` takes only the named ones
    const only = process.argv.slice(2);
    for (const shot of SHOTS) if (only.length === 0 || only.includes(shot.name)) await shot(h, b);
    // the printed ticket, decoded back from the bytes the fake printer received
    const [job] = only.length === 0 || only.includes(kioskShots.name) ? await printer.waitForJobs(1) : [];
    if (job) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(OUT, 'printed-ticket-decoded.png'), printer.toPng(job));
    }
  } finally {
    await b.close();
    await h.close();
    await printer.close();
  }
  process.stdout.write(`screenshots written to ${OUT}\n`);
}

void main();
