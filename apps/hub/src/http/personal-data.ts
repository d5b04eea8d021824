import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { Store } from '@qms/store';
import { z } from 'zod';
import type { CommandExecutor } from '../commands/executor';
import { requireAdmin } from './admin-auth';
import { readJson, sendJson } from './json';

const cccdSchema = z.string().regex(/^\d{12}$/, 'CCCD gồm 12 chữ số');

/**
 * A person's data on request (Nghị định 13/2023 on personal data): an admin exports every dossier
 * held under a CCCD number, or erases the personal fields from them (the dossiers stay, anonymous,
 * so the statistics do not change). The event log records the erasure without the number.
 */
export async function handlePersonalData(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: Store; clock: Clock; executor: CommandExecutor },
  action: 'export' | 'erase',
): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  if (action === 'export') {
    const parsed = cccdSchema.safeParse(new URL(req.url ?? '/', 'http://x').searchParams.get('cccd') ?? '');
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'Cần số CCCD 12 chữ số (?cccd=…)');
    const dossiers = deps.store.dossiers.byCccd(parsed.data).map((d) => ({ ...d, history: deps.store.dossiers.history(d.id) }));
    return sendJson(res, 200, { ok: true, data: { cccd: parsed.data, exportedAt: deps.clock.now(), dossiers } });
  }
  const body = z.strictObject({ cccd: cccdSchema }).safeParse(await readJson(req));
  if (!body.success) throw new DomainError('VALIDATION_FAILED', 'Cần { "cccd": "12 chữ số" }');
  const actor = { role: 'admin' as const, id: admin.id, name: admin.fullName, deviceId: null };
  const erased = deps.executor.transact(actor, (ctx) => {
    const n = ctx.store.dossiers.eraseApplicant(body.data.cccd, ctx.now);
    ctx.emit({ type: 'dossier:changed', action: 'erased', dossier: null, count: n }, {});
    return n;
  });
  sendJson(res, 200, { ok: true, data: { erased } });
}
