/** Builders shared by the dossier unit tests (not exported from the package). */
import type { Dossier } from './model';

/** 2026-11-23 (Monday) 08:00 in Hanoi. */
export const RECEIVED = Date.UTC(2026, 10, 23, 1, 0, 0);

/** Epoch ms of a local Hanoi (UTC+7) wall time. */
export function hanoi(date: string, time = '08:00'): number {
  return Date.parse(`${date}T${time}:00+07:00`);
}

export function makeDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd1',
    code: '000.00.00.H26-261123-0001',
    procedureId: 'p-birth',
    fieldId: 'f-civil',
    channel: 'counter',
    ticketId: 't1',
    applicant: {
      fullName: 'Nguyễn Văn An',
      cccd: '001090012345',
      phone: '0912345678',
      birthDate: '1990-01-01',
      address: 'Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội',
    },
    receivedAt: RECEIVED,
    dueDate: '2026-11-26',
    status: 'processing',
    resolvedAt: null,
    returnedAt: null,
    counterId: 'c1',
    officerId: 'o1',
    note: null,
    ...overrides,
  };
}
