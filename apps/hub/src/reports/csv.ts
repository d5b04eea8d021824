import {
  DOSSIER_COLUMNS,
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
} from './columns';
import { TOTAL_LABEL, viDate, viWeekday } from './labels';
import type { Report } from './types';

/**
 * `standard`: comma separated, a dot for decimals, dates `YYYY-MM-DD` (read as dates by Excel
 * in any language). `vn`: for Excel with Vietnamese regional settings: `;` separated, a
 * decimal comma, dates `dd/mm/yyyy`. Both UTF-8 with a byte-order mark, CRLF lines.
 */
export type CsvVariant = 'standard' | 'vn';

type Cell = string | number | null;

interface Style {
  sep: string;
  decimal: string;
  date(day: string): string;
}

const STYLES: Record<CsvVariant, Style> = {
  standard: { sep: ',', decimal: '.', date: (day) => day },
  vn: { sep: ';', decimal: ',', date: viDate },
};

/** Text a spreadsheet would take for a formula (=, +, -, @) is prefixed with ' (CSV injection). */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Counts whole; minutes one decimal; shares as percentages with one decimal; rates with two. */
function number(kind: Column<unknown>['kind'], value: number | null): Cell {
  if (value === null || !Number.isFinite(value)) return null;
  if (kind === 'count') return Math.round(value);
  if (kind === 'share') return Math.round(value * 1000) / 10;
  if (kind === 'rate') return Math.round(value * 10_000) / 100;
  return Math.round(value * 10) / 10;
}

function lineOf(style: Style): (cells: readonly Cell[]) => string {
  const special = new RegExp(`["\\r\\n${style.sep}]`);
  return (cells) =>
    cells
      .map((c) => {
        if (c === null) return '';
        const s = typeof c === 'number' ? String(c).replace('.', style.decimal) : c;
        return special.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
      })
      .join(style.sep);
}

/** The group's cells: its name, or for a day its date then its weekday. */
function groupCells(byDay: boolean, style: Style, key: string, label: string): Cell[] {
  if (!byDay) return [text(label)];
  return /^\d{4}-\d{2}-\d{2}$/.test(key) ? [style.date(key), viWeekday(key)] : [text(label), ''];
}

/**
 * The report as CSV (see CsvVariant). Sections: a title line, the as-of line, the tickets table
 * with its totals, tickets issued per hour, the dossiers table with its totals. Grouped by day,
 * the first column is the date and the second its weekday.
 */
export function reportToCsv(report: Report, variant: CsvVariant = 'standard'): string {
  const style = STYLES[variant];
  const line = lineOf(style);
  const tcols = ticketColumns(report);
  const ticketsByDay = report.ticketGroupBy === 'day';
  const dossiersByDay = report.dossiers.groupBy === 'day';
  const head = (byDay: boolean, heading: string): Cell[] => (byDay ? [heading, WEEKDAY_HEADING] : [heading]);
  const totalCells = (byDay: boolean): Cell[] => (byDay ? [TOTAL_LABEL, ''] : [TOTAL_LABEL]);
  const lines: string[] = [
    line([reportTitle(report)]),
    line([asOfLine(report)]),
    line([`Thời gian chờ mục tiêu: ${report.targetWaitMinutes} phút`]),
    '',
    line([TICKETS_TITLE]),
    line([...head(ticketsByDay, ticketHeading(report)), ...tcols.map((c) => c.header)]),
    ...report.rows.map((r) => line([...groupCells(ticketsByDay, style, r.key, r.label), ...tcols.map((c) => number(c.kind, c.value(r)))])),
    line([...totalCells(ticketsByDay), ...tcols.map((c) => number(c.kind, c.value(report.totals)))]),
    '',
    line([HOURS_HEADERS[0], HOURS_HEADERS[1]]),
    ...report.arrivalsByHour.map((n, h) => line([hourLabel(h), n])),
    '',
    line([dossiersTitle(report)]),
    line([...head(dossiersByDay, dossierHeading(report)), ...DOSSIER_COLUMNS.map((c) => c.header)]),
    ...report.dossiers.rows.map((d) => line([...groupCells(dossiersByDay, style, d.key, d.label), ...DOSSIER_COLUMNS.map((c) => number(c.kind, c.value(d)))])),
    line([...totalCells(dossiersByDay), ...DOSSIER_COLUMNS.map((c) => number(c.kind, c.value(report.dossiers.totals)))]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
