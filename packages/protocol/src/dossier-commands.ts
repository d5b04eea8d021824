import { DOCUMENT_FORMS, DOSSIER_STATUSES, MAX_DOCUMENT_NAME, MAX_DOCUMENT_QUANTITY, MAX_DOCUMENTS } from '@qms/core';
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

/** Thành phần hồ sơ: one document of a procedure's list or of those received with a dossier. */
export const receivedDocumentSchema = z.strictObject({
  name: z.string().trim().min(1).max(MAX_DOCUMENT_NAME).transform((s) => s.normalize('NFC')),
  form: z.enum(DOCUMENT_FORMS),
  quantity: z.number().int().min(1).max(MAX_DOCUMENT_QUANTITY),
});
export const documentListSchema = z.array(receivedDocumentSchema).max(MAX_DOCUMENTS);

export const createDossierInput = z.strictObject({
  ticketId: idSchema.optional(),
  procedureId: idSchema,
  applicant: applicantSchema,
  note: z.string().max(500).optional(),
  /** The documents received (the receipt's list); absent = not recorded yet. */
  documents: documentListSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
});
/** The receipt's checklist, saved before it is printed (or reprinted). */
export const setDossierDocumentsInput = z.strictObject({
  dossierId: idSchema,
  documents: documentListSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
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

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');

/** The dossier desk's list ("Sổ theo dõi hồ sơ"): filters, sort and one bounded page. */
export const dossierSearchInput = z
  .strictObject({
    /** Part of the code (any case), e.g. "251006-0001". */
    code: z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9.\-_/]+$/, 'mã hồ sơ: chữ, số và . - _ /').optional(),
    /** Words of the applicant's name, each matched as a word prefix, any case, with or without diacritics. */
    applicant: z.string().trim().min(1).max(120).optional(),
    procedureId: idSchema.optional(),
    statuses: z.array(z.enum(DOSSIER_STATUSES)).min(1).max(DOSSIER_STATUSES.length).optional(),
    /** Received on or after / on or before these local days. */
    receivedFrom: dayString.optional(),
    receivedTo: dayString.optional(),
    /** Not resolved and due from today to today + N calendar days. */
    dueWithinDays: z.number().int().min(0).max(366).optional(),
    /** Not resolved and past the due date (as of now). */
    overdue: z.literal(true).optional(),
    sort: z.enum(['newest', 'overdue_first']).default('newest'),
    /** Pages beyond the 1,000th are not served: narrow the filters instead. */
    page: z.number().int().min(1).max(1000).default(1),
    pageSize: z.number().int().min(1).max(100).default(50),
  })
  .refine((v) => !v.receivedFrom || !v.receivedTo || v.receivedFrom <= v.receivedTo, {
    message: 'receivedFrom must not be after receivedTo',
  });
export const dossierHistoryInput = z.strictObject({ dossierId: idSchema });

/** Statuses the desk moves a dossier to; supplement and refusal need their note (what to add, the reason). */
export const DESK_STATUSES = ['processing', 'needs_supplement', 'rejected', 'result_ready', 'returned'] as const;
export const changeDossierStatusInput = z
  .strictObject({
    dossierId: idSchema,
    status: z.enum(DESK_STATUSES),
    note: z.string().trim().max(500).optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((v) => (v.status !== 'needs_supplement' && v.status !== 'rejected') || (v.note !== undefined && v.note.length > 0), {
    message: 'note is required for needs_supplement (what to add) and rejected (the reason)',
    path: ['note'],
  });
