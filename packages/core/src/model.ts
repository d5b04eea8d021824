/**
 * Domain model of a service point (Điểm/Trung tâm Phục vụ hành chính công).
 * Plain data only: every value here can be stored, sent over the wire and rebuilt.
 * Times are epoch milliseconds; a "service day" is the local date `YYYY-MM-DD`
 * in the site's time zone (Asia/Ho_Chi_Minh).
 */

export type Id = string;
export type EpochMs = number;
/** Local calendar date `YYYY-MM-DD` in the site's time zone. */
export type ServiceDay = string;
export type Locale = 'vi' | 'en';

export const PRIORITY_GROUPS = ['elderly', 'disability', 'pregnant', 'young_child', 'meritorious'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export interface PriorityPolicy {
  /** Groups this site recognises (national law names the elderly; the rest is local practice). */
  enabledGroups: PriorityGroup[];
  /** Anti-starvation: at most this many priority calls in a row at a counter while normal tickets wait. */
  maxConsecutivePriority: number;
}

/** How a field's numbers look: `prefixed` -> `A-023`, `numeric` -> `1023`. */
export interface NumberFormat {
  style: 'prefixed' | 'numeric';
  /** Letter(s) for `prefixed`, ignored for `numeric`. */
  prefix: string;
  /** First number of the day (inclusive). */
  rangeStart: number;
  /** Last number of the day (inclusive). */
  rangeEnd: number;
  /** Zero padding of the digits for `prefixed` (3 -> `A-007`). */
  pad: number;
}

export interface OpeningSession {
  /** 0 = Sunday … 6 = Saturday, as Date#getDay in the site's time zone. */
  weekday: number;
  /** `HH:MM` local time. */
  open: string;
  /** `HH:MM` local time, exclusive. */
  close: string;
}

export interface Site {
  id: Id;
  name: string;
  /** Agency code per the national standard, e.g. `000.00.00.H26`. */
  agencyCode: string;
  /** Place printed before the date on the receipt ("Hà Nội, ngày …"); absent or empty = the date alone. */
  place?: string;
  timeZone: string;
  openingHours: OpeningSession[];
  priority: PriorityPolicy;
}

/** Lĩnh vực: a group of procedures with its own queue and numbering. */
export interface Field {
  id: Id;
  code: string;
  nameVi: string;
  nameEn: string;
  hintVi: string;
  hintEn: string;
  icon: string;
  numberFormat: NumberFormat;
  sortOrder: number;
  enabled: boolean;
  /** Used for wait estimates until real service times are known. */
  defaultServiceMinutes: number;
}

export const COUNTER_KINDS = ['receiving', 'guidance', 'result_pickup'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];
export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

export interface Counter {
  id: Id;
  /** The number shown and announced: "quầy số 3". */
  number: number;
  name: string;
  kind: CounterKind;
  /** Fields served, in the order the counter takes from them. */
  fieldIds: Id[];
  status: CounterStatus;
  officerId: Id | null;
  /** Priority calls made in a row (anti-starvation state). */
  consecutivePriorityCalls: number;
  enabled: boolean;
}

export const STAFF_ROLES = ['officer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Officer {
  id: Id;
  username: string;
  fullName: string;
  role: StaffRole;
  enabled: boolean;
}

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketSource = 'kiosk' | 'remote' | 'counter';

export interface Ticket {
  id: Id;
  serviceDay: ServiceDay;
  /** Field whose queue the ticket is in now (changes on transfer). */
  fieldId: Id;
  /** Field the number was drawn from (numbers are unique per field per day). */
  numberFieldId: Id;
  seq: number;
  /** Display form, e.g. `A-023` or `1023`; never changes, also across transfers. */
  number: string;
  priorityGroup: PriorityGroup | null;
  status: TicketStatus;
  /** Issue time; kept across transfers so the ticket keeps its place. */
  issuedAt: EpochMs;
  calledAt: EpochMs | null;
  servingAt: EpochMs | null;
  finishedAt: EpochMs | null;
  /** Counter that called / serves it. */
  counterId: Id | null;
  officerId: Id | null;
  callCount: number;
  /** When set, only this counter may call the ticket (transfer to a named counter). */
  targetCounterId: Id | null;
  transferCount: number;
  note: string | null;
  source: TicketSource;
  /** Device (kiosk) or officer that issued it. */
  issuedBy: Id | null;
}

export const ACTIVE_TICKET_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

/** Satisfaction levels a citizen can give (four levels, as many one-stop shops use). */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'neutral', 'unsatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
