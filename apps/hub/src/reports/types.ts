import type { Counter, EpochMs, Field, Id } from '@qms/core';
import type { ReportGroupBy } from '@qms/store';

export type { ReportGroupBy };

/** What a report needs to name fields, counters and officers (the hub's ConfigCache fits). */
export interface ReportDirectory {
  fields(): readonly Field[];
  counters(): readonly Counter[];
  officerName(id: Id): string | null;
}

export interface ReportOptions {
  /** First service day `YYYY-MM-DD`, included. */
  from: string;
  /** Last service day, included. */
  to: string;
  groupBy: ReportGroupBy;
  /** "Served within the target wait" counts tickets called within this many minutes (1..180). */
  targetWaitMinutes: number;
  /** As of when: decides which unresolved dossiers are overdue. */
  now: EpochMs;
}

export type {
  DossierFigures,
  DossierRow,
  Report,
  ReportRow,
  Satisfaction,
  ServiceFigures,
  TicketFigures,
  WaitFigures,
} from '@qms/protocol';
