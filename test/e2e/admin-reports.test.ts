import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

describe('admin reports in Chromium', () => {
  it('runs a report for today and exports it as XLSX; the file reads back with Vietnamese headers and the same figures', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    for (let i = 0; i < 4; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `rep-issue-${i}` }));
    const o = await h.officerAt('canbo2', 'q2');
    for (let i = 0; i < 3; i += 1) {
      h.clock.advance(5 * 60_000);
      const t = data(await o.send('counter:callNext', { counterId: 'q2', idempotencyKey: `rep-call-0${i}` })).ticket;
      if (i === 2 && t) data(await o.send('ticket:noShow', { ticketId: t.id }));
    }
    const { page } = await openPage(browser(), 1440, 900);
    await page.goto(`${h.url}/admin/`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', h.creds.admin.password);
    await page.click('button[type=submit]');
    await page.click('[data-nav=reports]');
    await page.fill('input[name=from]', '2026-11-23');
    await page.fill('input[name=to]', '2026-11-23');
    await page.click('[data-testid=run-report]');
    await page.waitForSelector('[data-testid=report-table]');
    expect(await page.textContent('[data-testid=report-table]')).toContain('Chứng thực');

    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-xlsx]');
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Vé');
    if (!sheet) throw new Error('no "Vé" sheet');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const flat = rows.map((r) => r.join('|')).join('\n');
    expect(flat).toContain('Số vé cấp');
    const line = rows.find((r) => r.includes('Chứng thực'));
    expect(line).toBeDefined();
    expect(line).toContain('4'); // issued
    expect(wb.getWorksheet('Hồ sơ')).toBeDefined();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a real XLSX (zip)
  });
});
