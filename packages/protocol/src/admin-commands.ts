import { CALENDAR_ENTRY_KINDS, COUNTER_KINDS, CUTOFF_TIME_PATTERN, PRIORITY_GROUPS, STAFF_ROLES } from '@qms/core';
import { z } from 'zod';
import { documentListSchema } from './dossier-commands';
import { idSchema } from './ids';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'giờ dạng HH:MM');

export const siteUpdateInput = z.strictObject({
  name: text(2, 200),
  agencyCode: z.string().trim().regex(/^[A-Z0-9.]{3,30}$/, 'mã cơ quan: chữ in hoa, số và dấu chấm'),
  /** Written before the receipt's date ("Hà Nội, ngày …"); absent = unchanged, '' = the date alone. */
  place: z.string().trim().max(60).optional(),
  openingHours: z.array(z.strictObject({ weekday: z.number().int().min(0).max(6), open: hhmm, close: hhmm })).max(21),
  priority: z.strictObject({
    enabledGroups: z.array(z.enum(PRIORITY_GROUPS)).max(PRIORITY_GROUPS.length),
    maxConsecutivePriority: z.number().int().min(0).max(10),
  }),
  pickupFieldId: idSchema.nullable(),
});

/**
 * The site's calendar entries over Vietnam's default holidays: 'off' an extra day off, 'work' a
 * working day (a worked Saturday, a cancelled default holiday), 'open' a holiday on which the
 * kiosk issues tickets. An entry without a kind is a day off (clients before the calendar).
 */
export const holidaysSetInput = z.strictObject({
  holidays: z.array(z.strictObject({ day, name: text(1, 120), kind: z.enum(CALENDAR_ENTRY_KINDS).default('off') })).max(400),
});

export const numberFormatSchema = z.strictObject({
  style: z.enum(['prefixed', 'numeric']),
  prefix: z.string().max(3),
  rangeStart: z.number().int().min(0).max(99999),
  rangeEnd: z.number().int().min(0).max(99999),
  pad: z.number().int().min(1).max(6),
});

export const fieldSaveInput = z.strictObject({
  id: idSchema.optional(),
  code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'mã lĩnh vực: chữ thường, số, gạch nối'),
  nameVi: text(2, 120),
  nameEn: text(2, 120),
  hintVi: z.string().trim().max(200),
  hintEn: z.string().trim().max(200),
  icon: z.string().trim().max(30),
  numberFormat: numberFormatSchema,
  sortOrder: z.number().int().min(0).max(1000),
  enabled: z.boolean(),
  defaultServiceMinutes: z.number().int().min(1).max(240),
});

export const fieldsReorderInput = z.strictObject({ ids: z.array(idSchema).min(1).max(100) });

export const procedureSaveInput = z.strictObject({
  id: idSchema.optional(),
  fieldId: idSchema,
  code: z.string().trim().regex(/^[A-Za-z0-9.\-_]{1,40}$/),
  name: text(2, 300),
  processingDays: z.number().int().min(0).max(3650),
  /** Local hour after which a dossier counts from the next working day; null = none. */
  cutoffTime: z.string().regex(CUTOFF_TIME_PATTERN, 'giờ dạng HH:MM').nullable().default(null),
  fee: z.number().int().min(0).max(1_000_000_000),
  enabled: z.boolean(),
  /** Thành phần hồ sơ (the receipt's checklist starts from it); absent = unchanged. */
  documents: documentListSchema.optional(),
});

export const counterSaveInput = z.strictObject({
  id: idSchema.optional(),
  number: z.number().int().min(1).max(999),
  name: text(1, 80),
  kind: z.enum(COUNTER_KINDS),
  fieldIds: z.array(idSchema).min(1).max(20),
  enabled: z.boolean(),
});

export const officerSaveInput = z.strictObject({
  id: idSchema.optional(),
  username: z.string().trim().regex(/^[a-z0-9._-]{3,40}$/, 'tên đăng nhập: chữ thường, số, . _ -'),
  fullName: text(2, 120),
  role: z.enum(STAFF_ROLES),
  enabled: z.boolean(),
  /** Required for a new account; set it again to reset a password. */
  password: z.string().min(8).max(200).optional(),
});

const settingsSchema = z
  .record(z.string().max(40), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 4096, 'cài đặt thiết bị quá dài (tối đa 4 KB)');

export const deviceSaveInput = z.strictObject({
  id: idSchema.optional(),
  kind: z.enum(['kiosk', 'display']),
  name: text(2, 80),
  settings: settingsSchema,
});
export const deviceRefInput = z.strictObject({ id: idSchema });

const realDay = day.refine((d) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}, 'ngày không có thật');

/** Reports cover at most three years. */
export const reportInput = z
  .strictObject({
    from: realDay,
    to: realDay,
    groupBy: z.enum(['all', 'field', 'counter', 'officer', 'day', 'procedure']),
    /** The moment the dossier figures are taken at (epoch ms); default: the end of the range, or now. */
    asOf: z.number().int().positive().optional(),
  })
  .refine((v) => v.from <= v.to, { message: 'from phải trước hoặc bằng to' })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) < 3 * 366 * 86_400_000, { message: 'tối đa 3 năm' });
