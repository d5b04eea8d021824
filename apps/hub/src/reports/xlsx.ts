import ExcelJS from 'exceljs';
import {
  DOSSIER_COLUMNS,
  DOSSIERS_TITLE,
  HOURS_HEADERS,
  TICKETS_TITLE,
  dossierHeading,
  dossiersTitle,
  hourLabel,
  reportTitle,
  ticketColumns,
  ticketHeading,
  type Column,
  type ColumnKind,
} from './columns';
import { TOTAL_LABEL } from './labels';
import type { Report } from './types';

const NUM_FMT: Record<ColumnKind, string> = { count: '#,##0', minutes: '0.0', share: '0.0%' };

/** Row of the column headers in both sheets (row 1 is the title, row 2 a note or empty). */
export const XLSX_HEADER_ROW = 3;

function value(kind: ColumnKind, v: number | null): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  return kind === 'count' ? Math.round(v) : v;
}

/**
 * Writes one table at XLSX_HEADER_ROW: the group name column, the figure columns (numbers as
 * numbers, with a display format), its rows and a bold totals row. Returns the next free row.
 */
function table<R>(
  ws: ExcelJS.Worksheet,
  heading: string,
  columns: readonly Column<R>[],
  rows: ReadonlyArray<{ label: string; row: R }>,
  totals: R,
): number {
  const header = ws.getRow(XLSX_HEADER_ROW);
  header.values = [heading, ...columns.map((c) => c.header)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  ws.getColumn(1).width = 30;
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 2);
    col.width = Math.max(12, Math.min(24, c.header.length * 0.8));
    col.numFmt = NUM_FMT[c.kind];
  });
  let at = XLSX_HEADER_ROW + 1;
  for (const r of [...rows, { label: TOTAL_LABEL, row: totals }]) {
    const line = ws.getRow(at);
    line.values = [r.label, ...columns.map((c) => value(c.kind, c.value(r.row)))];
    if (r.row === totals) line.font = { bold: true };
    at += 1;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: XLSX_HEADER_ROW }];
  return at;
}

/**
 * The report as an XLSX workbook with two sheets: "Vé" (tickets per group with totals, then
 * tickets issued per hour) and "Hồ sơ" (dossiers per group with totals). Vietnamese headers;
 * counts and minutes are numbers, shares are fractions shown as percentages.
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
  const next = table(tickets, ticketHeading(report), columns, report.rows.map((r) => ({ label: r.label, row: r })), report.totals);
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
  table(dossiers, dossierHeading(report), DOSSIER_COLUMNS, report.dossiers.rows.map((d) => ({ label: d.label, row: d })), report.dossiers.totals);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
