import type { CalendarEntry, Field, Id, OpeningSession, PriorityPolicy, Procedure, RatingLevel } from '@qms/core';
import type { PrinterFaultView } from './views';

export interface AdminSite {
  id: Id;
  name: string;
  agencyCode: string;
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
  satisfaction: Record<RatingLevel, number>;
}

export type ReportGroupBy = 'all' | 'field' | 'counter' | 'officer' | 'day';

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

export interface DossierFigures {
  receivedCounter: number;
  receivedOnline: number;
  received: number;
  resolved: number;
  /** resolved / received, null with nothing received. */
  resolutionRate: number | null;
  resolvedOnTime: number;
  /** resolvedOnTime / resolved, null with nothing resolved. */
  onTimeRate: number | null;
  /** Unresolved, due today or later (as of `asOfDay`). */
  inProgressNotDue: number;
  /** Unresolved and past the due date (as of `asOfDay`). */
  overdue: number;
  rejected: number;
  returned: number;
}

export interface DossierRow extends DossierFigures {
  key: string;
  label: string;
}

export interface Report {
  range: { from: string; to: string; days: number };
  groupBy: ReportGroupBy;
  targetWaitMinutes: number;
  generatedAt: number;
  /** Local day the as-of-now dossier figures (in progress / overdue) were taken on. */
  asOfDay: string;
  rows: ReportRow[];
  totals: ReportRow;
  /** Tickets issued per local hour 0..23 over the range. */
  arrivalsByHour: number[];
  dossiers: {
    /** Dossier rows follow the grouping for field and day; otherwise one row for all. */
    groupBy: 'field' | 'day' | 'all';
    rows: DossierRow[];
    totals: DossierFigures;
  };
}
