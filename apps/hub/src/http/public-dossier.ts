import type { ServerResponse } from 'node:http';
import type { CommandExecutor } from '../commands/executor';
import type { Actor } from '../domain/context';
import { checkLookupKey } from '../dossiers/lookup-key';
import { publicDossierView } from '../dossiers/views';
import { sendError, sendJson } from './json';

const PUBLIC: Actor = { role: 'system', id: 'public', name: 'public', deviceId: null };
const CODE = /^[A-Za-z0-9.\-_/]{5,60}$/;

/**
 * The receipt QR page's data: status and due date of one dossier, the name masked. It needs the
 * key printed with the code (an HMAC), so nobody can walk through codes and read other people's.
 */
export function handlePublicDossier(res: ServerResponse, executor: CommandExecutor, code: string, key: string | null): void {
  if (!CODE.test(code)) return sendError(res, 'VALIDATION_FAILED', 'Mã hồ sơ không hợp lệ');
  const ctx = executor.readContext(PUBLIC);
  const d = ctx.store.dossiers.byCode(code);
  if (!d || !key || !checkLookupKey(ctx.store, d.code, key)) {
    return sendError(res, 'NOT_FOUND', 'Không tìm thấy hồ sơ (hãy quét mã QR trên phiếu hẹn)');
  }
  sendJson(res, 200, { ok: true, data: publicDossierView(ctx, d, true) });
}
