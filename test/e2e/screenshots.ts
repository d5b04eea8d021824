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

const SHOTS: Shot[] = [kioskShots];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const printer = await startFakePrinter();
  const h = await startTestHub({ hubOptions: { defaultPrinter: printerFromUrl(printer.url) } });
  await h.officerAt('canbo1', 'q1');
  await h.officerAt('canbo4', 'q4');
  const kiosk = h.kiosk();
  await kiosk.ready();
  for (let i = 0; i < 6; i += 1) {
    data(await kiosk.send('ticket:issue', { fieldId: i % 2 ? 'tu-phap-ho-tich' : 'van-hoa-xa-hoi', idempotencyKey: `shot-${i}-000` }));
  }
  const b = await launchBrowser();
  try {
    for (const shot of SHOTS) await shot(h, b);
    // the printed ticket, decoded back from the bytes the fake printer received
    const [job] = await printer.waitForJobs(1);
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
