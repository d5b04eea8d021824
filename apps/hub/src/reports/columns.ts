import { RATING_LABELS, RATING_LEVELS } from '@qms/core';
import { GROUP_HEADINGS, viDate } from './labels';
import type { DossierFigures, Report, ReportRow } from './types';

/** How a figure is written: a count, minutes (one decimal), or a share (a percentage). */
export type ColumnKind = 'count' | 'minutes' | 'share';

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

export const DOSSIER_COLUMNS: Column<DossierFigures>[] = [
  { header: 'Tiếp nhận trực tiếp', kind: 'count', value: (d) => d.receivedCounter },
  { header: 'Tiếp nhận trực tuyến', kind: 'count', value: (d) => d.receivedOnline },
  { header: 'Tổng tiếp nhận', kind: 'count', value: (d) => d.received },
  { header: 'Đã giải quyết', kind: 'count', value: (d) => d.resolved },
  { header: 'Tỷ lệ giải quyết (%)', kind: 'share', value: (d) => d.resolutionRate },
  { header: 'Đúng hạn', kind: 'count', value: (d) => d.resolvedOnTime },
  { header: 'Tỷ lệ đúng hạn (%)', kind: 'share', value: (d) => d.onTimeRate },
  { header: 'Đang giải quyết chưa đến hạn', kind: 'count', value: (d) => d.inProgressNotDue },
  { header: 'Quá hạn', kind: 'count', value: (d) => d.overdue },
  { header: 'Từ chối', kind: 'count', value: (d) => d.rejected },
  { header: 'Đã trả kết quả', kind: 'count', value: (d) => d.returned },
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
  return GROUP_HEADINGS[report.groupBy];
}

export function dossierHeading(report: Report): string {
  return GROUP_HEADINGS[report.dossiers.groupBy];
}

const GROUPING_VI = { field: 'lĩnh vực', counter: 'quầy', officer: 'cán bộ', day: 'ngày', all: 'toàn điểm phục vụ' } as const;

export function reportTitle(report: Report): string {
  return `Báo cáo theo ${GROUPING_VI[report.groupBy]} từ ${viDate(report.range.from)} đến ${viDate(report.range.to)}`;
}

export function dossiersTitle(report: Report): string {
  return `Hồ sơ tiếp nhận từ ${viDate(report.range.from)} đến ${viDate(report.range.to)}, tình trạng đến ngày ${viDate(report.asOfDay)}`;
}
