import type { Field, Id, OpeningSession, PriorityPolicy, Procedure, RatingLevel } from '@qms/core';
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
  holidays: Array<{ day: string; name: string }>;
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

export interface ReportFigures {
  tickets: { issued: number; served: number; noShow: number; cancelled: number; transferred: number };
  /** Minutes; null when nothing was measured. Medians and P90 come from 1-minute histograms. */
  wait: { avgMin: number | null; medianMin: number | null; p90Min: number | null; withinTargetShare: number | null };
  service: { avgMin: number | null; medianMin: number | null; p90Min: number | null };
  satisfaction: Record<RatingLevel, number>;
}

export interface ReportRow extends ReportFigures {
  key: string;
  label: string;
}

export interface DossierFigures {
  receivedCounter: number;
  receivedOnline: number;
  received: number;
  resolved: number;
  resolutionRate: number | null;
  resolvedOnTime: number;
  onTimeRate: number | null;
  inProgressNotDue: number;
  overdue: number;
  rejected: number;
  returned: number;
}

export interface Report {
  range: { from: string; to: string };
  groupBy: 'all' | 'field' | 'counter' | 'officer' | 'day';
  targetWaitMinutes: number;
  rows: ReportRow[];
  totals: ReportFigures;
  arrivalsByHour: number[];
  dossiers: DossierFigures & { byField: Array<DossierFigures & { fieldId: string; label: string }> };
}
