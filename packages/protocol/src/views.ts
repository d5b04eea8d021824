import type {
  DossierChannel,
  DossierStatus,
  Procedure,
  CounterKind,
  CounterStatus,
  EpochMs,
  Field,
  Id,
  OpeningSession,
  PriorityGroup,
  PriorityPolicy,
  ReceivedDocument,
  ServiceDay,
  TicketStatus,
} from '@qms/core';
import type { Role } from './roles';

/**
 * A ticket as clients see it. No personal data ever: a ticket is a number, a field and a counter.
 * Staff also get the officer and the transfer note; kiosks and displays get `officerId: null, note: null`.
 */
export interface TicketView {
  id: Id;
  number: string;
  /** Sequence of the number in its field today (breaks ties in queue order). */
  seq: number;
  fieldId: Id;
  status: TicketStatus;
  priorityGroup: PriorityGroup | null;
  issuedAt: EpochMs;
  calledAt: EpochMs | null;
  servingAt: EpochMs | null;
  finishedAt: EpochMs | null;
  counterId: Id | null;
  targetCounterId: Id | null;
  callCount: number;
  transferCount: number;
  officerId: Id | null;
  note: string | null;
}

export interface CounterView {
  id: Id;
  number: number;
  name: string;
  kind: CounterKind;
  fieldIds: Id[];
  status: CounterStatus;
  /** Staff only (null for kiosks and displays). */
  officerId: Id | null;
  officerName: string | null;
  /** Ticket called or being served at this counter now. */
  currentTicketId: Id | null;
  /** Priority calls in a row (the anti-starvation rule's state; lets clients predict the next call). */
  consecutivePriorityCalls: number;
}

export interface FieldStats {
  fieldId: Id;
  waiting: number;
  openCounters: number;
  /** Minutes a ticket issued now would wait; null when no counter serving the field is open. */
  estimatedWaitMinutes: number | null;
}

export interface SiteView {
  id: Id;
  name: string;
  agencyCode: string;
  /** Written before the receipt's date ("Hà Nội, ngày …"); absent = the date alone. */
  place?: string;
  timeZone: string;
  openingHours: OpeningSession[];
  priority: PriorityPolicy;
}

export interface Identity {
  role: Role;
  id: Id;
  name: string;
}

/** Everything a client needs to rebuild its screen; sent on every (re)connect and on request. */
export interface Snapshot {
  protocolVersion: number;
  /** Sequence number of the last event included; events with a higher seq follow. */
  seq: number;
  serviceDay: ServiceDay;
  now: EpochMs;
  identity: Identity;
  site: SiteView;
  fields: Field[];
  counters: CounterView[];
  /** Today's waiting, called and serving tickets. */
  tickets: TicketView[];
  /** Most recent calls first. */
  recentCalls: TicketView[];
  stats: FieldStats[];
  /** Whether the hub refuses kiosk tickets outside `site.openingHours` (off with --always-open). */
  hoursEnforced: boolean;
  /**
   * Holidays from today through the next 14 days on which the kiosk stays closed (no admin
   * "open" entry); empty when hours are not enforced. The kiosk shows the holiday's name.
   */
  kioskClosedDays: Array<{ day: string; name: string }>;
  /** The kiosk or display itself and its settings (filters, notice line, voice); null for staff. */
  device: DeviceView | null;
  /** Today's figures of the signed-in officer (staff only; null for devices). */
  myStats: OfficerDayStats | null;
  /** The field result pickups join ("Trả kết quả"); its kiosk button asks for the dossier code. */
  pickupFieldId: Id | null;
  /** The procedure catalog (thủ tục) with statutory processing days. */
  procedures: Procedure[];
  /** Printer faults not yet resolved (staff only; empty for kiosks and displays). */
  printerFaults: PrinterFaultView[];
}

export interface DeviceView {
  id: Id;
  kind: 'kiosk' | 'display';
  name: string;
  /** Free-form per-device settings set by the admin (display: counters, fields, notice, voice). */
  settings: Record<string, unknown>;
}

export interface OfficerDayStats {
  served: number;
  noShow: number;
  /** Mean time from "Bắt đầu" to "Hoàn thành" of the tickets served today; null before the first. */
  avgServiceMs: number | null;
}

export interface PrinterFaultView {
  id: number;
  deviceId: Id;
  deviceName: string;
  ticketId: Id | null;
  fault: string;
  message: string;
  /** First seen; a kiosk has one open fault per kind, its repeats are counted in `count`. */
  at: EpochMs;
  count: number;
  lastSeenAt: EpochMs;
}

export interface PrintResult {
  bytes: number;
  ms: number;
}

export interface IssueTicketResult {
  ticket: TicketView;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  /** Numbers of the counters that serve the field (open or not). */
  counterNumbers: number[];
  fieldNameVi: string;
  fieldNameEn: string;
  /**
   * The status page for the ticket's QR (`<base>/t/<id>`), on an address phones can reach:
   * `--public-url`, else the hub's LAN address; null when there is none (show and print no QR).
   */
  statusUrl: string | null;
}

export interface CallResult {
  /** null when nobody is waiting for this counter. */
  ticket: TicketView | null;
  counterNumber: number;
}

/** A dossier as staff see it (the applicant's data included; never broadcast). */
export interface DossierView {
  id: Id;
  code: string;
  procedureId: Id;
  procedureName: string;
  fieldId: Id;
  channel: DossierChannel;
  ticketId: Id | null;
  ticketNumber: string | null;
  applicant: { fullName: string; cccd: string | null; phone: string | null; birthDate: string | null; address: string | null };
  receivedAt: EpochMs;
  dueDate: string;
  status: DossierStatus;
  resolvedAt: EpochMs | null;
  returnedAt: EpochMs | null;
  /** Derived from the due date, never typed in. */
  overdue: boolean;
  note: string | null;
  /** The documents received (the receipt's numbered list); empty = not recorded. */
  documents: ReceivedDocument[];
  /** Tickets the dossier was handled with (reception, visits, result pickup). */
  links: Array<{ ticketId: Id; number: string; kind: 'reception' | 'visit' | 'pickup' }>;
  /** Link for the receipt's QR code: the public look-up page with its key. */
  lookupPath: string;
}

/** One row of the dossier desk's list (staff only: the applicant's name, as the dossier panel shows it). */
export interface DossierListItem {
  id: Id;
  code: string;
  procedureId: Id;
  procedureName: string;
  fieldId: Id;
  channel: DossierView['channel'];
  applicantName: string;
  receivedAt: EpochMs;
  dueDate: string;
  status: DossierStatus;
  resolvedAt: EpochMs | null;
  returnedAt: EpochMs | null;
  /** Not resolved and past the due date, as of the hub's now. */
  overdue: boolean;
}

/** A page of the desk's list; `total` counts every match of the filters. */
export interface DossierPage {
  items: DossierListItem[];
  page: number;
  pageSize: number;
  total: number;
  /** The local day "today", "overdue" and "due within" were computed for. */
  asOfDay: string;
}

/** One status change: who (role, account id and name at the time of reading) and when. */
export interface DossierHistoryView {
  at: EpochMs;
  from: DossierStatus | null;
  to: DossierStatus;
  actorKind: string;
  actorId: Id | null;
  actorName: string | null;
  note: string | null;
}

export interface DossierWithHistory {
  dossier: DossierView;
  history: DossierHistoryView[];
}

/**
 * What a citizen may see of a dossier: no ID number, no phone, the name masked. Procedure and
 * masked name only with the receipt's key (the QR link, or a kiosk scan of it); a code typed at
 * the kiosk without it gets null for both (status and dates only).
 */
export interface PublicDossierView {
  code: string;
  procedureName: string | null;
  status: DossierStatus;
  dueDate: string;
  maskedName: string | null;
  receivedAt: EpochMs;
  resolvedAt: EpochMs | null;
  overdue: boolean;
}

export interface PickupResult extends IssueTicketResult {
  dossier: PublicDossierView;
}
