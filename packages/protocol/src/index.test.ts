import { describe, expect, it } from 'vitest';
import * as protocol from './index';
import { PROTOCOL_VERSION, fail, ok, type AckResult } from './index';

describe('public surface', () => {
  it('exports the version, the ack helpers, the command table and the handshake schema', () => {
    expect(Object.keys(protocol).sort()).toEqual(
      [
        'COMMANDS',
        'COMMAND_NAMES',
        'MAX_PAYLOAD_BYTES',
        'PROTOCOL_VERSION',
        'ROLES',
        'RECENT_CALLS',
        'isStaffRole',
        'callNextInput',
        'callTicketInput',
        'counterOpenInput',
        'counterRefInput',
        'emptyInput',
        'fail',
        'handshakeAuthSchema',
        'idSchema',
        'idempotencyKeySchema',
        'issueTicketInput',
        'ok',
        'printTicketInput',
        'printerReportInput',
        'rateTicketInput',
        'applicantSchema',
        'createDossierInput',
        'dossierByCodeInput',
        'dossierCodeSchema',
        'dossierLookupInput',
        'lookupKeySchema',
        'dossiersForTicketInput',
        'issuePickupInput',
        'linkDossierInput',
        'setDossierStatusInput',
        'receivedDocumentSchema',
        'documentListSchema',
        'setDossierDocumentsInput',
        'DESK_STATUSES',
        'changeDossierStatusInput',
        'dossierHistoryInput',
        'dossierSearchInput',
        'counterSaveInput',
        'deviceRefInput',
        'deviceSaveInput',
        'fieldSaveInput',
        'fieldsReorderInput',
        'holidaysSetInput',
        'numberFormatSchema',
        'officerSaveInput',
        'procedureSaveInput',
        'reportInput',
        'siteUpdateInput',
        'ticketRefInput',
        'transferInput',
      ].sort(),
    );
  });

  it('PROTOCOL_VERSION is a positive integer', () => {
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
    expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('ROLES are the four socket roles', () => {
    expect([...protocol.ROLES]).toEqual(['kiosk', 'display', 'officer', 'admin']);
  });

  it('staff are officers and admins; devices and the system are not', () => {
    expect([...protocol.ROLES, 'system' as const].filter((r) => protocol.isStaffRole(r))).toEqual(['officer', 'admin']);
  });
});

describe('acks', () => {
  it('ok wraps data', () => {
    const r: AckResult<{ n: number }> = ok({ n: 1 });
    expect(r).toEqual({ ok: true, data: { n: 1 } });
    expect(ok(null)).toEqual({ ok: true, data: null });
  });

  it('fail carries a stable code and a message, and details only when given', () => {
    const plain = fail('NOT_FOUND', 'Không có vé t9');
    expect(plain).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không có vé t9' } });
    expect(plain.ok === false && 'details' in plain.error).toBe(false);
    expect(fail('VALIDATION_FAILED', 'bad', { path: ['fieldId'] })).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'bad', details: { path: ['fieldId'] } },
    });
  });

  it('acks survive a JSON round trip (what Socket.IO sends) unchanged', () => {
    for (const r of [ok({ a: [1, 'b'] }), fail('FORBIDDEN', 'no'), fail('CONFLICT', 'x', { key: 'k' })]) {
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });
});
