import ExcelJS from 'exceljs';
import {
  DOSSIER_COLUMNS,
  DOSSIERS_TITLE,
  HOURS_HEADERS,
  TICKETS_TITLE,
  WEEKDAY_HEADING,
  asOfLine,
  dossierHeading,
  dossiersTitle,
  hourLabel,
  reportTitle,
  ticketColumns,
  ticketHeading,
  type Column,
  type ColumnKind,
} from './columns';
import { TOTAL_LABEL, viWeekday } from './labels';
import type { Report } from './types';

const NUM_FMT: Record<ColumnKind, string> = { count: '#,##0', minutes: '0.0', share: '0.0%', rate: '0.00%' };
export const DATE_FMT = 'dd/mm/yyyy';

/** Row of the column headers in both sheets (row 1 is the title, row 2 the as-of line or a note). */
export const XLSX_HEADER_ROW = 3;

function value(kind: ColumnKind, v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  return kind === 'count' ? Math.round(v) : v;
}

interface TableRow<R> {
  key: string;
  label: string;
  row: R;
}

/** The group's cells: its name, or grouped by day a real date (sortable) and its weekday as text. */
function groupCells(byDay: boolean, r: { key: string; label: string }): Array<string | Date> {
  if (!byDay) return [r.label];
  return /^\d{4}-\d{2}-\d{2}$/.test(r.key) ? [new Date(`${r.key}T00:00:00Z`), viWeekday(r.key)] : [r.label, ''];
}

/** Landscape A4, fitted to one page wide, the header row repeated on every printed page. */
function pageSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
  };
}

/**
 * Writes one table at XLSX_HEADER_ROW: the group column(s), the figure columns (numbers as
 * numbers, with a display format), its rows and a bold totals row. Returns the next free row.
 */
function table<R>(ws: ExcelJS.Worksheet, heading: string, byDay: boolean, columns: readonly Column<R>[], rows: ReadonlyArray<TableRow<R>>, totals: R): number {
  const lead = byDay ? 2 : 1;
  const header = ws.getRow(XLSX_HEADER_ROW);
  header.values = [heading, ...(byDay ? [WEEKDAY_HEADING] : []), ...columns.map((c) => c.header)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  ws.getColumn(1).width = byDay ? 14 : 30;
  if (byDay) {
    ws.getColumn(1).numFmt = DATE_FMT;
    ws.getColumn(2).width = 10;
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1 + lead);
    col.width = Math.max(12, Math.min(24, c.header.length * 0.8));
    col.numFmt = NUM_FMT[c.kind];
  });
  let at = XLSX_HEADER_ROW + 1;
  for (const r of [...rows, { key: '', label: TOTAL_LABEL, row: totals }]) {
    const line = ws.getRow(at);
    const isTotal = r.row === totals;
    line.values = [...(isTotal ? (byDay ? [TOTAL_LABEL, ''] : [TOTAL_LABEL]) : groupCells(byDay, r)), ...columns.map((c) => value(c.kind, c.value(r.row)))];
    if (isTotal) line.font = { bold: true };
    at += 1;
  }
  ws.views = [{ state: 'frozen', xSplit: lead, ySplit: XLSX_HEADER_ROW }];
  pageSetup(ws);
  return at;
}

/**
 * The report as an XLSX workbook with two sheets: "Vé" (tickets per group with totals, then
 * tickets issued per hour) and "Hồ sơ" (dossiers per group with totals, as of report.asOf).
 * Vietnamese headers; counts and minutes are numbers, shares and rates fractions shown as
 * percentages, days real Excel dates (dd/mm/yyyy) with the weekday in the next column.
 */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'QMS';
  wb.created = new Date(report.generatedAt);

  const tickets = wb.addWorksheet(TICKETS_TITLE);
  tickets.getCell('A1').value = reportTitle(report);
  tickets.getCell('A1').font = { bold: true, size: 13 };
  tickets.getCell('A2').value = `Thời gian chờ mục tiêu: ${report.targetWaitMinutes} phút`;
  const columns = ticketColumns(report);
  const ticketRows = report.rows.map((r) => ({ key: r.key, label: r.label, row: r }));
  const next = table(tickets, ticketHeading(report), report.ticketGroupBy === 'day', columns, ticketRows, report.totals);
  const hoursAt = next + 1;
  const hoursHeader = tickets.getRow(hoursAt);
  hoursHeader.values = [...HOURS_HEADERS];
  hoursHeader.font = { bold: true };
  report.arrivalsByHour.forEach((n, h) => {
    tickets.getRow(hoursAt + 1 + h).values = [hourLabel(h), n];
  });

  const dossiers = wb.addWorksheet(DOSSIERS_TITLE);
  dossiers.getCell('A1').value = dossiersTitle(report);
  dossiers.getCell('A1').font = { bold: true, size: 13 };
  dossiers.getCell('A2').value = asOfLine(report);
  const dossierRows = report.dossiers.rows.map((d) => ({ key: d.key, label: d.label, row: d }));
  table(dossiers, dossierHeading(report), report.dossiers.groupBy === 'day', DOSSIER_COLUMNS, dossierRows, report.dossiers.totals);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
