import type { Counter, EpochMs, Field, Id } from '@qms/core';
import type { ReportGroupBy, TicketGroupBy } from '@qms/protocol';

export type { ReportGroupBy, TicketGroupBy };

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
  /** The hub's clock when the report is asked for. */
  now: EpochMs;
  /** The moment the dossier figures are taken at; default: the end of the range, or `now` if earlier. */
  asOf?: EpochMs;
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
