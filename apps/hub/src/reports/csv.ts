import {
  DOSSIER_COLUMNS,
  HOURS_HEADERS,
  TICKETS_TITLE,
  dossierHeading,
  dossiersTitle,
  hourLabel,
  reportTitle,
  ticketColumns,
  ticketHeading,
  type Column,
} from './columns';
import { TOTAL_LABEL } from './labels';
import type { Report } from './types';

type Cell = string | number | null;

/** Text a spreadsheet would take for a formula (=, +, -, @) is prefixed with ' (CSV injection). */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function number(kind: Column<unknown>['kind'], value: number | null): Cell {
  if (value === null || !Number.isFinite(value)) return null;
  if (kind === 'count') return Math.round(value);
  if (kind === 'share') return Math.round(value * 1000) / 10;
  return Math.round(value * 10) / 10;
}

function line(cells: readonly Cell[]): string {
  return cells
    .map((c) => {
      if (c === null) return '';
      const s = String(c);
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
}

/**
 * The report as CSV: UTF-8 with a byte-order mark (so Excel reads the Vietnamese), comma
 * separated, CRLF lines, a dot for decimals. Sections: a title line, the tickets table with
 * its totals, tickets issued per hour, the dossiers table with its totals. Minutes have one
 * decimal; shares are percentages with one decimal.
 */
export function reportToCsv(report: Report): string {
  const tcols = ticketColumns(report);
  const lines: string[] = [
    line([reportTitle(report)]),
    line([`Thời gian chờ mục tiêu: ${report.targetWaitMinutes} phút`]),
    '',
    line([TICKETS_TITLE]),
    line([ticketHeading(report), ...tcols.map((c) => c.header)]),
    ...[...report.rows, report.totals].map((r) => line([text(r.label), ...tcols.map((c) => number(c.kind, c.value(r)))])),
    '',
    line([HOURS_HEADERS[0], HOURS_HEADERS[1]]),
    ...report.arrivalsByHour.map((n, h) => line([hourLabel(h), n])),
    '',
    line([dossiersTitle(report)]),
    line([dossierHeading(report), ...DOSSIER_COLUMNS.map((c) => c.header)]),
    ...report.dossiers.rows.map((d) => line([text(d.label), ...DOSSIER_COLUMNS.map((c) => number(c.kind, c.value(d)))])),
    line([TOTAL_LABEL, ...DOSSIER_COLUMNS.map((c) => number(c.kind, c.value(report.dossiers.totals)))]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
