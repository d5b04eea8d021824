import { PRIORITY_GROUPS, RATING_LEVELS } from '@qms/core';
import { z } from 'zod';
import type { Role } from './roles';

import {
  changeDossierStatusInput,
  createDossierInput,
  dossierByCodeInput,
  dossierHistoryInput,
  dossierLookupInput,
  dossierSearchInput,
  dossiersForTicketInput,
  issuePickupInput,
  linkDossierInput,
  setDossierDocumentsInput,
  setDossierStatusInput,
} from './dossier-commands';
import { idSchema, idempotencyKeySchema } from './ids';
import {
  counterSaveInput,
  deviceRefInput,
  deviceSaveInput,
  fieldSaveInput,
  fieldsReorderInput,
  holidaysSetInput,
  officerSaveInput,
  procedureSaveInput,
  reportInput,
  siteUpdateInput,
} from './admin-commands';

export { idSchema, idempotencyKeySchema };

export const issueTicketInput = z.strictObject({
  fieldId: idSchema,
  priorityGroup: z.enum(PRIORITY_GROUPS).nullable().default(null),
  idempotencyKey: idempotencyKeySchema,
});
export const callNextInput = z.strictObject({ counterId: idSchema, idempotencyKey: idempotencyKeySchema });
/** Call out of turn, by ticket id or by the number the citizen holds (e.g. "1023", "A-023"). */
export const callTicketInput = z
  .strictObject({
    counterId: idSchema,
    ticketId: idSchema.optional(),
    number: z.string().min(1).max(12).regex(/^[A-Z]{0,3}-?\d{1,5}$/).optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((v) => (v.ticketId === undefined) !== (v.number === undefined), {
    message: 'ticketId or number is required (one of them)',
  });
/** Optional on commands whose repetition would be harmless but noisy (a second announcement, a double transfer). */
const optionalKey = idempotencyKeySchema.optional();

export const ticketRefInput = z.strictObject({ ticketId: idSchema, idempotencyKey: optionalKey });
export const transferInput = z
  .strictObject({
    ticketId: idSchema,
    toFieldId: idSchema.optional(),
    toCounterId: idSchema.optional(),
    note: z.string().max(500).optional(),
    idempotencyKey: optionalKey,
  })
  .refine((v) => v.toFieldId !== undefined || v.toCounterId !== undefined, {
    message: 'toFieldId or toCounterId is required',
  });
export const counterOpenInput = z.strictObject({
  counterId: idSchema,
  force: z.boolean().default(false),
  idempotencyKey: optionalKey,
});
export const counterRefInput = z.strictObject({ counterId: idSchema, idempotencyKey: optionalKey });
export const emptyInput = z.strictObject({});
export const printTicketInput = z.strictObject({
  ticketId: idSchema,
  locale: z.enum(['vi', 'en']).default('vi'),
  /** Address the kiosk reached the hub at; the ticket's QR code points there (http/https only). */
  baseUrl: z.url({ protocol: /^https?$/ }).max(200).optional(),
  idempotencyKey: optionalKey,
});
export const rateTicketInput = z.strictObject({
  ticketId: idSchema,
  level: z.enum(RATING_LEVELS),
});
export const printerReportInput = z.strictObject({
  ticketId: idSchema.optional(),
  code: z.string().min(1).max(40).regex(/^[A-Z_]+$/),
  message: z.string().max(300),
});

/**
 * Every client-to-server command: its input schema and the roles allowed to send it.
 * This table is the authorisation matrix; the hub enforces it before any handler runs.
 */
export const COMMANDS = {
  'ticket:issue': { input: issueTicketInput, roles: ['kiosk', 'officer', 'admin'] },
  'counter:callNext': { input: callNextInput, roles: ['officer', 'admin'] },
  'counter:callTicket': { input: callTicketInput, roles: ['officer', 'admin'] },
  'ticket:recall': { input: ticketRefInput, roles: ['officer', 'admin'] },
  'ticket:start': { input: ticketRefInput, roles: ['officer', 'admin'] },
  'ticket:finish': { input: ticketRefInput, roles: ['officer', 'admin'] },
  'ticket:noShow': { input: ticketRefInput, roles: ['officer', 'admin'] },
  'ticket:transfer': { input: transferInput, roles: ['officer', 'admin'] },
  'ticket:cancel': { input: ticketRefInput, roles: ['officer', 'admin'] },
  'counter:open': { input: counterOpenInput, roles: ['officer', 'admin'] },
  'counter:pause': { input: counterRefInput, roles: ['officer', 'admin'] },
  'counter:close': { input: counterRefInput, roles: ['officer', 'admin'] },
  'ticket:print': { input: printTicketInput, roles: ['kiosk'] },
  'printer:report': { input: printerReportInput, roles: ['kiosk'] },
  /** From the counter-facing rating tablet (a display device): one rating per finished ticket. */
  'ticket:rate': { input: rateTicketInput, roles: ['display'] },
  'dossier:create': { input: createDossierInput, roles: ['officer', 'admin'] },
  'dossier:link': { input: linkDossierInput, roles: ['officer', 'admin'] },
  'dossier:setStatus': { input: setDossierStatusInput, roles: ['officer', 'admin'] },
  'dossier:setDocuments': { input: setDossierDocumentsInput, roles: ['officer', 'admin'] },
  'dossier:get': { input: dossierByCodeInput, roles: ['officer', 'admin'] },
  'dossier:forTicket': { input: dossiersForTicketInput, roles: ['officer', 'admin'] },
  /** The dossier desk ("Sổ theo dõi hồ sơ"): list, history and status changes without a ticket in hand. */
  'dossier:search': { input: dossierSearchInput, roles: ['officer', 'admin'] },
  'dossier:history': { input: dossierHistoryInput, roles: ['officer', 'admin'] },
  'dossier:changeStatus': { input: changeDossierStatusInput, roles: ['officer', 'admin'] },
  /** The kiosk's "Nhận kết quả": a masked look-up (the citizen is at the kiosk with the receipt). */
  'dossier:lookup': { input: dossierLookupInput, roles: ['kiosk'] },
  'ticket:issuePickup': { input: issuePickupInput, roles: ['kiosk'] },
  'config:get': { input: emptyInput, roles: ['admin'] },
  'site:update': { input: siteUpdateInput, roles: ['admin'] },
  'holidays:set': { input: holidaysSetInput, roles: ['admin'] },
  'field:save': { input: fieldSaveInput, roles: ['admin'] },
  'field:reorder': { input: fieldsReorderInput, roles: ['admin'] },
  'procedure:save': { input: procedureSaveInput, roles: ['admin'] },
  'counter:save': { input: counterSaveInput, roles: ['admin'] },
  'officer:save': { input: officerSaveInput, roles: ['admin'] },
  'device:save': { input: deviceSaveInput, roles: ['admin'] },
  'device:rotateToken': { input: deviceRefInput, roles: ['admin'] },
  'device:revoke': { input: deviceRefInput, roles: ['admin'] },
  'dashboard:get': { input: emptyInput, roles: ['admin'] },
  'report:run': { input: reportInput, roles: ['admin'] },
  'sync:snapshot': { input: emptyInput, roles: ['kiosk', 'display', 'officer', 'admin'] },
} as const satisfies Record<string, { input: z.ZodType; roles: readonly Role[] }>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
export type CommandInput<C extends CommandName> = z.output<(typeof COMMANDS)[C]['input']>;
/** What a client sends (defaults may be omitted). */
export type CommandPayload<C extends CommandName> = z.input<(typeof COMMANDS)[C]['input']>;

/** Largest command payload accepted, as JSON; larger ones get PAYLOAD_TOO_LARGE. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
