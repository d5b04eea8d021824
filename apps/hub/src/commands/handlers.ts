import type { CommandInput, CommandName, CommandResults, DossierView, PickupResult, Role } from '@qms/protocol';
import { closeCounter, openCounter, pauseCounter } from '../domain/counter-commands';
import type { CommandContext } from '../domain/context';
import { revokeDevice, rotateDeviceToken, saveDevice } from '../admin/account-commands';
import { getConfig, reorderFields, saveCounter, saveField, saveProcedure, setHolidays, updateSite } from '../admin/config-commands';
import { dashboard } from '../admin/dashboard';
import { rateTicket } from '../domain/rating-commands';
import {
  createDossier,
  dossierAnswer,
  dossiersForTicket,
  getDossier,
  issuePickup,
  linkDossier,
  lookupDossier,
  pickupAnswer,
  savedPickup,
  setDossierDocuments,
  setDossierStatus,
  type SavedPickup,
} from '../dossiers/commands';
import { changeDossierStatus, dossierHistory, searchDossiers } from '../dossiers/desk';
import { buildSnapshot } from '../domain/snapshot';
import { callNext, callSpecific, changeTicket, issueTicket, recall, transfer } from '../domain/ticket-commands';

/** Commands that wait on IO are registered as async handlers instead (see PrintService). */
export type AsyncCommandName = 'ticket:print' | 'printer:report' | 'officer:save' | 'report:run';
type SyncCommandName = Exclude<CommandName, AsyncCommandName>;
type Handlers = { [C in SyncCommandName]: (ctx: CommandContext, input: CommandInput<C>) => CommandResults[C] };

/** Command name -> domain operation. Runs inside the command's transaction. */
export const HANDLERS: Handlers = {
  'ticket:issue': issueTicket,
  'counter:callNext': callNext,
  'counter:callTicket': callSpecific,
  'ticket:recall': recall,
  'ticket:start': (ctx, i) => changeTicket(ctx, 'start', i),
  'ticket:finish': (ctx, i) => changeTicket(ctx, 'finish', i),
  'ticket:noShow': (ctx, i) => changeTicket(ctx, 'no_show', i),
  'ticket:cancel': (ctx, i) => changeTicket(ctx, 'cancel', i),
  'ticket:transfer': transfer,
  'counter:open': openCounter,
  'counter:pause': pauseCounter,
  'counter:close': closeCounter,
  'ticket:rate': rateTicket,
  'dossier:create': createDossier,
  'dossier:link': linkDossier,
  'dossier:setStatus': setDossierStatus,
  'dossier:setDocuments': setDossierDocuments,
  'dossier:get': getDossier,
  'dossier:forTicket': dossiersForTicket,
  'dossier:search': searchDossiers,
  'dossier:history': dossierHistory,
  'dossier:changeStatus': changeDossierStatus,
  'dossier:lookup': lookupDossier,
  'ticket:issuePickup': issuePickup,
  'config:get': getConfig,
  'site:update': updateSite,
  'holidays:set': setHolidays,
  'field:save': saveField,
  'field:reorder': reorderFields,
  'procedure:save': saveProcedure,
  'counter:save': saveCounter,
  'device:save': saveDevice,
  'device:rotateToken': rotateDeviceToken,
  'device:revoke': revokeDevice,
  'dashboard:get': dashboard,
  'sync:snapshot': (ctx) => buildSnapshot(ctx, ctx.actor.role as Role),
};

/** Commands that only read: no transaction, no event. */
export const READ_ONLY: ReadonlySet<CommandName> = new Set([
  'sync:snapshot',
  'dossier:get',
  'dossier:forTicket',
  'dossier:search',
  'dossier:history',
  'dossier:lookup',
  'config:get',
  'dashboard:get',
]);

export function isSyncCommand(name: CommandName): name is SyncCommandName {
  return Object.prototype.hasOwnProperty.call(HANDLERS, name);
}

/**
 * Commands whose answer holds personal data keep only a reference in the idempotency table
 * (personal data lives in the dossier table alone); a retry rebuilds the answer from it.
 */
const BY_DOSSIER_ID = {
  save: (value: unknown) => ({ dossierId: (value as DossierView).id }),
  load: (ctx: CommandContext, saved: unknown) => dossierAnswer(ctx, (saved as { dossierId: string }).dossierId),
};

export const IDEMPOTENCY_RECORDS: Partial<
  Record<CommandName, { save: (value: unknown) => unknown; load: (ctx: CommandContext, saved: unknown) => unknown }>
> = {
  'dossier:create': BY_DOSSIER_ID,
  'dossier:setStatus': BY_DOSSIER_ID,
  'dossier:setDocuments': BY_DOSSIER_ID,
  'dossier:changeStatus': BY_DOSSIER_ID,
  // the ticket part and the dossier's code; the masked name and procedure are rebuilt on a retry
  'ticket:issuePickup': {
    save: (value: unknown) => savedPickup(value as PickupResult),
    load: (ctx: CommandContext, saved: unknown) => pickupAnswer(ctx, saved as SavedPickup),
  },
};
