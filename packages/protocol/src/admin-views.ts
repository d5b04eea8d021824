import type { CalendarEntry, EpochMs, Field, Id, OpeningSession, PriorityPolicy, Procedure, RatingLevel } from '@qms/core';
import type { PrinterFaultView } from './views';

export interface AdminSite {
  id: Id;
  name: string;
  agencyCode: string;
  place?: string;
  timeZone: string;
  openingHours: OpeningSession[];
  priority: PriorityPolicy;
  pickupFieldId: Id | null;
}

export interface AdminCounter {
  id: Id;
  number: number;
  name: string;
  kind: 'receiving' | 'guidance' | 'result_pickup';
  fieldIds: Id[];
  enabled: boolean;
  status: 'open' | 'paused' | 'closed';
  officerName: string | null;
}

export interface AdminOfficer {
  id: Id;
  username: string;
  fullName: string;
  role: 'officer' | 'admin';
  enabled: boolean;
  /** Locked after repeated wrong passwords, until this time. */
  lockedUntil: number | null;
}

export interface AdminDevice {
  id: Id;
  kind: 'kiosk' | 'display';
  name: string;
  settings: Record<string, unknown>;
  createdAt: number;
  revokedAt: number | null;
  /** Sockets of this device connected now. */
  online: number;
}

export interface AdminConfig {
  site: AdminSite;
  /** The site's own entries; the defaults come from defaultHolidays() in core. */
  holidays: CalendarEntry[];
  fields: Field[];
  procedures: Procedure[];
  counters: AdminCounter[];
  officers: AdminOfficer[];
  devices: AdminDevice[];
}

/** A device with its bearer token: returned once, when created or rotated. Only the hash is stored. */
export interface DeviceWithToken {
  device: AdminDevice;
  token: string;
}

export interface Dashboard {
  now: number;
  fields: Array<{ fieldId: Id; nameVi: string; waiting: number; longestWaitMin: number; estimatedWaitMinutes: number | null; openCounters: number }>;
  longestWaitMin: number;
  counters: Array<{ id: Id; number: number; name: string; status: 'open' | 'paused' | 'closed'; officerName: string | null; currentNumber: string | null }>;
  today: { issued: number; served: number; noShow: number; avgWaitMin: number | null; avgServiceMin: number | null };
  printerFaults: PrinterFaultView[];
  /** Today's printer fault history (open and resolved), one row per device and kind. */
  faultHistory: PrinterFaultGroupView[];
  satisfaction: Record<RatingLevel, number>;
  /** Base of the ticket QR link phones open; null: tickets print no QR (the dashboard warns: set --public-url). */
  phoneLinkBase: string | null;
}

/** One device's printer faults of one kind over a period: a count and the first and last time. */
export interface PrinterFaultGroupView {
  deviceId: Id;
  deviceName: string;
  /** The fault kind: `offline`, `paper_out`, `cover_open`, `timeout`, `error` (or a kiosk's own code). */
  fault: string;
  count: number;
  firstAt: EpochMs;
  lastAt: EpochMs;
  /** Separate spells: a good print ends one, the next failure opens another. */
  spells: number;
  openNow: boolean;
  /** When the last spell ended; null while one is open. */
  resolvedAt: EpochMs | null;
  /** The latest message (Vietnamese, then the technical detail in parentheses). */
  message: string;
}

export type ReportGroupBy = 'all' | 'field' | 'counter' | 'officer' | 'day' | 'procedure';
/** Grouping of the ticket tables: by procedure they group by field (tickets have no procedure). */
export type TicketGroupBy = Exclude<ReportGroupBy, 'procedure'>;

export interface TicketFigures {
  issued: number;
  /** Calls announced (first calls, recalls, calls after a no-show or transfer). */
  calls: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
}

/** Minutes; null when nothing was measured. Median and p90 come from the histogram (docs/reports.md). */
export interface WaitFigures {
  /** Tickets whose wait was measured (called at least once). */
  n: number;
  avgMin: number | null;
  medianMin: number | null;
  p90Min: number | null;
  /** Share (0..1) of the measured waits of at most targetWaitMinutes. */
  withinTargetShare: number | null;
}

export interface ServiceFigures {
  n: number;
  avgMin: number | null;
  medianMin: number | null;
  p90Min: number | null;
}

export type Satisfaction = Record<RatingLevel, number>;

export interface ReportRow {
  /** Field/counter/officer id ('' = none yet), the day `YYYY-MM-DD`, or '' for all. */
  key: string;
  /** Vietnamese name of the field/counter/officer, the day as dd/mm/yyyy with its weekday, … */
  label: string;
  tickets: TicketFigures;
  wait: WaitFigures;
  service: ServiceFigures;
  satisfaction: Satisfaction;
}

/**
 * Dossier figures of a group as of `Report.asOf` (docs/reports.md defines each one exactly).
 * carriedOver + received = resolved + inProgress, always.
 */
export interface DossierFigures {
  /** Received before the range and not resolved by its first instant (kỳ trước chuyển qua). */
  carriedOver: number;
  receivedCounter: number;
  receivedOnline: number;
  receivedPost: number;
  /** Received in the range (by asOf): in person + online + by post. */
  received: number;
  /** carriedOver + received: the dossiers to resolve (tổng số hồ sơ phải giải quyết). */
  toResolve: number;
  /** Resolved by asOf, on a local day before the due date. */
  resolvedEarly: number;
  /** Resolved by asOf, on the due date. */
  resolvedOnTime: number;
  /** Resolved by asOf, after the due date. */
  resolvedLate: number;
  resolved: number;
  /** Not resolved at asOf: total, due on asOf's day or later, due before it. */
  inProgress: number;
  inProgressNotDue: number;
  overdue: number;
  /** receivedOnline / received, null with nothing received. */
  onlineShare: number | null;
  /** resolved / toResolve, rounded to 4 decimals (a percentage with 2), null with nothing to resolve. */
  resolutionRate: number | null;
  /** (resolvedEarly + resolvedOnTime) / resolved, rounded like resolutionRate, null with nothing resolved. */
  onTimeRate: number | null;
}

export interface DossierRow extends DossierFigures {
  key: string;
  label: string;
}

export interface Report {
  range: { from: string; to: string; days: number };
  groupBy: ReportGroupBy;
  /** The tickets' grouping: groupBy, except 'field' for 'procedure'. */
  ticketGroupBy: TicketGroupBy;
  targetWaitMinutes: number;
  generatedAt: number;
  /** The moment the dossier figures are taken at (epoch ms): "Số liệu tính đến". */
  asOf: number;
  /** Local day of asOf: a dossier due before it and not resolved at asOf is overdue. */
  asOfDay: string;
  rows: ReportRow[];
  totals: ReportRow;
  /** Tickets issued per local hour 0..23 over the range. */
  arrivalsByHour: number[];
  dossiers: {
    groupBy: ReportGroupBy;
    rows: DossierRow[];
    totals: DossierFigures;
  };
}
