import { RATING_LABELS, RATING_LEVELS } from '@qms/core';
import { GROUP_HEADINGS, asOfLabel, viDate } from './labels';
import type { DossierFigures, Report, ReportRow } from './types';

/**
 * How a figure is written: a count, minutes (one decimal), a share (a percentage with one
 * decimal) or a rate (a percentage with two decimals, as offices file their dossier rates).
 */
export type ColumnKind = 'count' | 'minutes' | 'share' | 'rate';

export interface Column<R> {
  header: string;
  kind: ColumnKind;
  value(row: R): number | null;
}

/** The ticket table's figure columns (after the group's name), shared by the CSV and XLSX. */
export function ticketColumns(report: Report): Column<ReportRow>[] {
  return [
    { header: 'Số vé cấp', kind: 'count', value: (r) => r.tickets.issued },
    { header: 'Lượt gọi', kind: 'count', value: (r) => r.tickets.calls },
    { header: 'Đã phục vụ', kind: 'count', value: (r) => r.tickets.served },
    { header: 'Vắng mặt', kind: 'count', value: (r) => r.tickets.noShow },
    { header: 'Đã hủy', kind: 'count', value: (r) => r.tickets.cancelled },
    { header: 'Chuyển', kind: 'count', value: (r) => r.tickets.transferred },
    { header: 'Chờ TB (phút)', kind: 'minutes', value: (r) => r.wait.avgMin },
    { header: 'Chờ trung vị (phút)', kind: 'minutes', value: (r) => r.wait.medianMin },
    { header: 'Chờ P90 (phút)', kind: 'minutes', value: (r) => r.wait.p90Min },
    {
      header: `Tỷ lệ phục vụ trong thời gian chờ mục tiêu ≤ ${report.targetWaitMinutes} phút (%)`,
      kind: 'share',
      value: (r) => r.wait.withinTargetShare,
    },
    { header: 'Phục vụ TB (phút)', kind: 'minutes', value: (r) => r.service.avgMin },
    { header: 'Phục vụ trung vị (phút)', kind: 'minutes', value: (r) => r.service.medianMin },
    { header: 'Phục vụ P90 (phút)', kind: 'minutes', value: (r) => r.service.p90Min },
    ...RATING_LEVELS.map((level): Column<ReportRow> => ({
      header: RATING_LABELS.vi[level],
      kind: 'count',
      value: (r) => r.satisfaction[level],
    })),
  ];
}

/** The dossier table's figure columns, in the order of the offices' form (docs/reports.md). */
export const DOSSIER_COLUMNS: Column<DossierFigures>[] = [
  { header: 'Kỳ trước chuyển qua', kind: 'count', value: (d) => d.carriedOver },
  { header: 'Tiếp nhận trực tiếp', kind: 'count', value: (d) => d.receivedCounter },
  { header: 'Tiếp nhận trực tuyến', kind: 'count', value: (d) => d.receivedOnline },
  { header: 'Tiếp nhận qua bưu chính', kind: 'count', value: (d) => d.receivedPost },
  { header: 'Tổng tiếp nhận trong kỳ', kind: 'count', value: (d) => d.received },
  { header: 'Tổng số phải giải quyết', kind: 'count', value: (d) => d.toResolve },
  { header: 'Giải quyết trước hạn', kind: 'count', value: (d) => d.resolvedEarly },
  { header: 'Giải quyết đúng hạn', kind: 'count', value: (d) => d.resolvedOnTime },
  { header: 'Giải quyết quá hạn', kind: 'count', value: (d) => d.resolvedLate },
  { header: 'Tổng đã giải quyết', kind: 'count', value: (d) => d.resolved },
  { header: 'Đang giải quyết', kind: 'count', value: (d) => d.inProgress },
  { header: 'Đang giải quyết chưa đến hạn', kind: 'count', value: (d) => d.inProgressNotDue },
  { header: 'Đang giải quyết quá hạn', kind: 'count', value: (d) => d.overdue },
  { header: 'Tỷ lệ tiếp nhận trực tuyến (%)', kind: 'rate', value: (d) => d.onlineShare },
  { header: 'Tỷ lệ giải quyết (%)', kind: 'rate', value: (d) => d.resolutionRate },
  { header: 'Tỷ lệ giải quyết trước hạn và đúng hạn (%)', kind: 'rate', value: (d) => d.onTimeRate },
];

export const TICKETS_TITLE = 'Vé';
export const DOSSIERS_TITLE = 'Hồ sơ';
export const HOURS_HEADERS = ['Giờ', 'Số vé cấp'] as const;

/** `7` -> `07:00–07:59`. */
export function hourLabel(hour: number): string {
  const h = String(hour).padStart(2, '0');
  return `${h}:00–${h}:59`;
}

export function ticketHeading(report: Report): string {
  return GROUP_HEADINGS[report.ticketGroupBy];
}

/** Heading of the weekday column that follows a date column ("Thứ Hai"). */
export const WEEKDAY_HEADING = 'Thứ';

export function dossierHeading(report: Report): string {
  return GROUP_HEADINGS[report.dossiers.groupBy];
}

const GROUPING_VI = { field: 'lĩnh vực', counter: 'quầy', officer: 'cán bộ', day: 'ngày', all: 'toàn điểm phục vụ', procedure: 'thủ tục' } as const;

export function reportTitle(report: Report): string {
  return `Báo cáo theo ${GROUPING_VI[report.groupBy]} từ ${viDate(report.range.from)} đến ${viDate(report.range.to)}`;
}

export function dossiersTitle(report: Report): string {
  return `Hồ sơ từ ${viDate(report.range.from)} đến ${viDate(report.range.to)}. ${asOfLine(report)}`;
}

/** "Số liệu tính đến hết ngày 31/03/2025" or "Số liệu tính đến 10:30 ngày 15/03/2025". */
export function asOfLine(report: Report): string {
  return `Số liệu tính đến ${asOfLabel(report.asOf)}`;
}
