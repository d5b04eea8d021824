import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock, type Dossier } from '@qms/core';
import { dossierCodeSchema } from '@qms/protocol';
import type { Store } from '@qms/store';
import { z } from 'zod';
import type { CommandExecutor } from '../commands/executor';
import { adminActor, requireAdmin } from './admin-auth';
import { readJson, sendJson } from './json';

const cccdSchema = z.string().regex(/^\d{12}$/, 'CCCD gồm 12 chữ số');

/**
 * Whose data: a CCCD number, a dossier code (an imported online dossier has no CCCD), or a full
 * name with a birth date (a dossier without a recorded birth date matches on the name alone).
 */
const personSchema = z.union([
  z.strictObject({ cccd: cccdSchema }),
  z.strictObject({ code: dossierCodeSchema }),
  z.strictObject({
    fullName: z.string().trim().min(2).max(120),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày sinh dạng YYYY-MM-DD'),
  }),
]);
type Person = z.infer<typeof personSchema>;

const PERSON_HINT = 'Cần { "cccd": "12 chữ số" }, { "code": "mã hồ sơ" } hoặc { "fullName": "họ và tên", "birthDate": "YYYY-MM-DD" }';

function dossiersOf(store: Store, person: Person): Dossier[] {
  if ('cccd' in person) return store.dossiers.byCccd(person.cccd);
  if ('code' in person) {
    const d = store.dossiers.byCode(person.code) ?? store.dossiers.byCode(person.code.toUpperCase());
    return d ? [d] : [];
  }
  return store.dossiers.byNameAndBirth(person.fullName, person.birthDate);
}

/** The person asked for: a POST body, or `?cccd=` of the older GET export. */
async function readPerson(req: IncomingMessage): Promise<Person> {
  const input =
    req.method === 'GET'
      ? { cccd: new URL(req.url ?? '/', 'http://x').searchParams.get('cccd') ?? '' }
      : await readJson(req);
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', PERSON_HINT);
  return parsed.data;
}

/**
 * A person's data on request (Nghị định 13/2023 on personal data): an admin exports every dossier
 * held under a CCCD number, a dossier code or a name and birth date, or erases the personal
 * fields from them (the dossiers stay, anonymous, so the statistics do not change) together with
 * what the replay records of result pick-ups kept of them. The event log records the erasure
 * without the person.
 */
export async function handlePersonalData(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: Store; clock: Clock; executor: CommandExecutor },
  action: 'export' | 'erase',
): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  const person = await readPerson(req);
  if (action === 'export') {
    const dossiers = dossiersOf(deps.store, person).map((d) => ({ ...d, history: deps.store.dossiers.history(d.id) }));
    return sendJson(res, 200, { ok: true, data: { ...person, exportedAt: deps.clock.now(), dossiers } });
  }
  const actor = adminActor(admin);
  const erased = deps.executor.transact(actor, (ctx) => {
    const found = dossiersOf(ctx.store, person);
    const n = ctx.store.dossiers.eraseApplicant(found.map((d) => d.id), ctx.now);
    ctx.store.idempotency.reducePickupRecords(found.map((d) => d.code));
    ctx.emit({ type: 'dossier:changed', action: 'erased', dossier: null, count: n }, {});
    return n;
  });
  sendJson(res, 200, { ok: true, data: { erased } });
}
