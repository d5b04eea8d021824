import type { CalendarEntry, Field, Procedure, RatingLevel } from '@qms/core';
import type { AdminConfig, AdminCounter, AdminDevice, AdminOfficer, AdminSite, Dashboard, DeviceWithToken, Report } from './admin-views';
import type { Ack } from './ack';
import type { CommandPayload } from './commands';
import type { HubEvent } from './events';
import type { Role } from './roles';
import type {
  CallResult,
  CounterView,
  DossierPage,
  DossierView,
  DossierWithHistory,
  IssueTicketResult,
  PickupResult,
  PrinterFaultView,
  PrintResult,
  PublicDossierView,
  Snapshot,
  TicketView,
} from './views';

/** Result type of each command. */
export interface CommandResults {
  'ticket:issue': IssueTicketResult;
  'counter:callNext': CallResult;
  'counter:callTicket': CallResult;
  'ticket:recall': CallResult;
  'ticket:start': TicketView;
  'ticket:finish': TicketView;
  'ticket:noShow': TicketView;
  'ticket:transfer': TicketView;
  'ticket:cancel': TicketView;
  'counter:open': CounterView;
  'counter:pause': CounterView;
  'counter:close': CounterView;
  'ticket:print': PrintResult;
  /** The recorded fault, or null for PRINTER_OK (faults of this kiosk resolved). */
  'printer:report': PrinterFaultView | null;
  'ticket:rate': { ticketId: string; level: RatingLevel };
  'dossier:create': DossierView;
  'dossier:link': DossierView;
  'dossier:setStatus': DossierView;
  'dossier:setDocuments': DossierView;
  'dossier:get': DossierView;
  'dossier:forTicket': DossierView[];
  'dossier:search': DossierPage;
  'dossier:history': DossierWithHistory;
  'dossier:changeStatus': DossierView;
  'dossier:lookup': PublicDossierView;
  'ticket:issuePickup': PickupResult;
  'config:get': AdminConfig;
  'site:update': AdminSite;
  'holidays:set': CalendarEntry[];
  'field:save': Field;
  'field:reorder': Field[];
  'procedure:save': Procedure;
  'counter:save': AdminCounter;
  'officer:save': AdminOfficer;
  'device:save': AdminDevice | DeviceWithToken;
  'device:rotateToken': DeviceWithToken;
  'device:revoke': AdminDevice;
  'dashboard:get': Dashboard;
  'report:run': Report;
  'sync:snapshot': Snapshot;
}

type CommandHandlers = {
  [C in keyof CommandResults]: (payload: CommandPayload<C>, ack: Ack<CommandResults[C]>) => void;
};

/** Socket.IO typing, used by the hub's Server and every client's socket. */
export interface ClientToServerEvents extends CommandHandlers {}

export interface ServerToClientEvents {
  'hub:snapshot': (snapshot: Snapshot) => void;
  /** The events of one committed command, in seq order (usually one; "Gọi tiếp" may finish one ticket and call the next). */
  'hub:events': (events: HubEvent[]) => void;
  /** The hub tells a session it was taken over or revoked; the client should show why. */
  'hub:notice': (notice: { code: 'SESSION_REPLACED' | 'SESSION_REVOKED' | 'COUNTER_TAKEN' | 'TOO_MANY_CONNECTIONS' | 'RATE_LIMITED'; message: string }) => void;
}

export interface InterServerEvents {}

export interface SocketData {
  role: Role;
  actorId: string;
  name: string;
  deviceId: string | null;
  sessionTokenHash: string | null;
  /** A staff socket: the account version it was granted under (null for a device). */
  accountVersion: number | null;
  /** A password-authenticated staff socket ends at this time (a session socket ends with its session). */
  expiresAt: number | null;
}
