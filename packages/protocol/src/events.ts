import type { DossierStatus, EpochMs, RatingLevel } from '@qms/core';
import type { CounterView, FieldStats, PrinterFaultView, TicketView } from './views';

/** What happened, as broadcast; every one is also a row of the hub's event log. */
export type HubEventBody =
  | { type: 'ticket:issued'; ticket: TicketView; stats: FieldStats[] }
  | { type: 'ticket:called'; ticket: TicketView; counterNumber: number; recall: boolean; stats: FieldStats[] }
  | {
      type: 'ticket:changed';
      action: 'start' | 'finish' | 'no_show' | 'transfer' | 'cancel' | 'expire';
      ticket: TicketView;
      stats: FieldStats[];
    }
  | { type: 'counter:changed'; counter: CounterView; stats: FieldStats[] }
  | {
      type: 'dossier:changed';
      /** 'updated': an import brought a stored dossier's status or dates up to date (or an undone import put them back). */
      action: 'created' | 'status' | 'documents' | 'linked' | 'imported' | 'updated' | 'erased';
      /** No personal data: code, status, field, ticket, due date. */
      dossier: { id: string; code: string; status: DossierStatus; fieldId: string; ticketId: string | null; dueDate: string } | null;
      /** 'updated': the status before. */
      from?: DossierStatus;
      count?: number;
    }
  | {
      type: 'config:changed';
      /** Clients fetch a fresh snapshot: names, fields, counters or their own device settings changed. */
      section: 'site' | 'holidays' | 'fields' | 'procedures' | 'counters' | 'officers' | 'devices';
    }
  | { type: 'ticket:rated'; ticketId: string; number: string; counterId: string | null; level: RatingLevel }
  | { type: 'printer:fault'; fault: PrinterFaultView }
  | { type: 'printer:restored'; deviceId: string; deviceName: string };

export type HubEventType = HubEventBody['type'];

/** Envelope: `seq` increases by exactly 1 per event; a client that sees a gap asks for a snapshot. */
export type HubEvent = HubEventBody & { seq: number; at: EpochMs };
