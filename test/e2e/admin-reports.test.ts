import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

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
    await signIn(page, h, 'admin');
    await page.click('[data-nav=reports]');
    await page.fill('input[name=from]', '23/11/2026');
    await page.fill('input[name=to]', '23/11/2026');
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

describe('dossier figures as of a moment, in Chromium', () => {
  it('defaults to the end of a past range, takes an as-of moment, and every export names it', async () => {
    h = await startTestHub(); // the hub's clock: 23/11/2026 09:00
    const proc = h.store.dossiers.procedures()[0]!;
    const hanoi = (day: string, hh: number): number => Date.parse(`${day}T00:00:00Z`) + (hh - 7) * 3_600_000;
    h.store.db.prepare(`INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status, resolved_at)
      VALUES ('e2e-d1', '000.00.00.H26-261102-0001', ?, ?, 'post', ?, '2026-11-02', '2026-11-05', 'result_ready', ?)`)
      .run(proc.id, proc.fieldId, hanoi('2026-11-02', 9), hanoi('2026-11-20', 10));
    const { page } = await openPage(browser(), 1440, 900);
    await signIn(page, h, 'admin');
    await page.click('[data-nav=reports]');
    await page.fill('input[name=from]', '01/11/2026');
    await page.fill('input[name=to]', '05/11/2026');
    await page.click('[data-testid=run-report]');
    await page.waitForFunction(() => document.querySelector('[data-testid=as-of-line]')?.textContent?.includes('05/11/2026'));
    // by default as of the end of 05/11: received by post, in progress, not yet due
    expect(await page.textContent('[data-testid=as-of-line]')).toBe('Số liệu tính đến hết ngày 05/11/2026');
    const cell = (col: string): Promise<string | null> => page.textContent(`[data-testid=dossier-table] tfoot [data-col=${col}]`);
    expect(await cell('receivedPost')).toBe('1');
    expect(await cell('inProgressNotDue')).toBe('1');
    expect(await cell('resolvedLate')).toBe('0');

    await page.fill('[data-testid=as-of]', '21/11/2026');
    await page.fill('input[name=asOf-time]', '10:00');
    await page.click('[data-testid=run-report]');
    await page.waitForFunction(() => document.querySelector('[data-testid=as-of-line]')?.textContent?.includes('21/11/2026'));
    expect(await page.textContent('[data-testid=as-of-line]')).toBe('Số liệu tính đến 10:00 ngày 21/11/2026');
    expect(await cell('resolvedLate')).toBe('1');
    expect(await cell('resolutionRate')).toBe('100,00 %');

    const csv = page.waitForEvent('download');
    await page.click('[data-testid=export-csv-vn]');
    const got = await csv;
    expect(got.suggestedFilename()).toBe('bao-cao-2026-11-01_2026-11-05_tinh-den-2026-11-21-1000_excel-vn.csv');
    const text = readFileSync((await got.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Số liệu tính đến 10:00 ngày 21/11/2026');
    expect(text).toContain('Lĩnh vực;Kỳ trước chuyển qua;');

    const xlsx = page.waitForEvent('download');
    await page.click('[data-testid=export-xlsx]');
    const gotX = await xlsx;
    expect(gotX.suggestedFilename()).toBe('bao-cao-2026-11-01_2026-11-05_tinh-den-2026-11-21-1000.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await gotX.path())!);
    expect(wb.getWorksheet('Hồ sơ')!.getCell('A2').value).toBe('Số liệu tính đến 10:00 ngày 21/11/2026');
  });
});
