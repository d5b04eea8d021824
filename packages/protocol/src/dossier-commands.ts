import { DOSSIER_STATUSES } from '@qms/core';
import { z } from 'zod';
import { idSchema, idempotencyKeySchema } from './ids';

export const dossierCodeSchema = z
  .string()
  .trim()
  .min(5)
  .max(60)
  .regex(/^[A-Za-z0-9.\-_/]+$/, 'mã hồ sơ: chữ, số và . - _ /');

export const applicantSchema = z.strictObject({
  fullName: z.string().trim().min(2).max(120),
  cccd: z.string().regex(/^\d{12}$/, 'CCCD gồm 12 chữ số').nullable().default(null),
  phone: z.string().regex(/^(\+84|0)\d{9,10}$/, 'số điện thoại không hợp lệ').nullable().default(null),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  address: z.string().trim().max(300).nullable().default(null),
});

export const createDossierInput = z.strictObject({
  ticketId: idSchema.optional(),
  procedureId: idSchema,
  applicant: applicantSchema,
  note: z.string().max(500).optional(),
  idempotencyKey: idempotencyKeySchema,
});
export const linkDossierInput = z.strictObject({ ticketId: idSchema, code: dossierCodeSchema });
export const setDossierStatusInput = z.strictObject({
  dossierId: idSchema,
  status: z.enum(DOSSIER_STATUSES),
  note: z.string().max(500).optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export const dossierByCodeInput = z.strictObject({ code: dossierCodeSchema });
/** The key printed in the receipt's QR link (`/d/<code>?k=<key>`): with it the kiosk shows procedure and masked name. */
export const lookupKeySchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'khoá tra cứu không hợp lệ');
export const dossierLookupInput = z.strictObject({ code: dossierCodeSchema, key: lookupKeySchema.optional() });
export const dossiersForTicketInput = z.strictObject({ ticketId: idSchema });
export const issuePickupInput = z.strictObject({ code: dossierCodeSchema, key: lookupKeySchema.optional(), idempotencyKey: idempotencyKeySchema });
