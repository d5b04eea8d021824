import { randomUUID } from 'node:crypto';
import { COMMAND_NAMES, type CommandName, type DossierView, type Role, type TicketView } from '@qms/protocol';
import { TestClient, data } from '../../support/client';
import type { TestHub } from '../../support/test-hub';

/** A citizen whose personal data must never leave the dossier table and staff screens. */
export const CITIZEN = {
  fullName: 'Nguyễn Văn Bình',
  cccd: '001090012345',
  phone: '0912345678',
  birthDate: '1990-01-01',
  address: 'Số 7 Hàng Bạc, Hoàn Kiếm, Hà Nội',
} as const;

export const TRANSFER_NOTE = 'Ghi chú nội bộ: công dân thiếu giấy khai sinh bản gốc';

/**
 * A working service point: a kiosk and a display connected, canbo1 holding counter 1 with a
 * called ticket, a finished ticket (ratable), waiting tickets, a dossier being processed and one
 * whose result is ready, and a spare kiosk device to revoke or rotate.
 */
export interface Scene {
  h: TestHub;
  kiosk: TestClient;
  display: TestClient;
  officer: TestClient;
  admin: TestClient;
  done: TicketView;
  called: TicketView;
  waiting: TicketView[];
  dossier: DossierView;
  readyDossier: DossierView;
  spareDeviceId: string;
  clients: Record<Role, TestClient>;
}

const key = (): string => `k-${randomUUID()}`;

export async function buildScene(h: TestHub): Promise<Scene> {
  const kiosk = h.kiosk();
  const display = h.display();
  const admin = h.admin();
  await Promise.all([kiosk.ready(), display.ready(), admin.ready()]);
  const officer = await h.officerAt('canbo1', 'q1');
  const issued: TicketView[] = [];
  for (let i = 0; i < 8; i += 1) {
    issued.push(data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: key() })).ticket);
  }
  const first = data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: key() })).ticket;
  if (!first) throw new Error('scene: nothing called');
  const dossier = data(
    await officer.send('dossier:create', { ticketId: first.id, procedureId: 'tt-xntthn', applicant: { ...CITIZEN }, idempotencyKey: key() }),
  );
  const readyDossier = data(
    await officer.send('dossier:create', {
      ticketId: first.id,
      procedureId: 'tt-ks',
      applicant: { fullName: 'Trần Thị Thu Hà', cccd: null, phone: null, birthDate: null, address: null },
      idempotencyKey: key(),
    }),
  );
  data(await officer.send('dossier:setStatus', { dossierId: readyDossier.id, status: 'result_ready' }));
  const second = data(await officer.send('counter:callNext', { counterId: 'q1', idempotencyKey: key() })).ticket;
  if (!second) throw new Error('scene: no second call');
  const done = h.store.tickets.byId(first.id);
  if (done?.status !== 'done') throw new Error('scene: first ticket not done');
  const spare = data(await admin.send('device:save', { kind: 'kiosk', name: 'Kiosk dự phòng', settings: {} }));
  const spareDeviceId = 'device' in spare ? spare.device.id : spare.id;
  return {
    h,
    kiosk,
    display,
    officer,
    admin,
    done: { ...first, status: 'done' },
    called: second,
    waiting: issued.filter((t) => t.id !== first.id && t.id !== second.id),
    dossier,
    readyDossier,
    spareDeviceId,
    clients: { kiosk, display, officer, admin },
  };
}

/**
 * A payload that passes COMMANDS[name].input and that the scene can carry out for an allowed
 * role (idempotency keys fresh on every call). Every command needs one: a new command without
 * a sample fails the authorisation-matrix test until it is added here.
 */
export function validPayload(s: Scene, name: CommandName): Record<string, unknown> {
  const w = s.waiting;
  const at = (i: number): string => w[i % w.length]?.id ?? 'missing';
  const samples: Record<CommandName, () => Record<string, unknown>> = {
    'ticket:issue': () => ({ fieldId: 'cu-tru', priorityGroup: null, idempotencyKey: key() }),
    'counter:callNext': () => ({ counterId: 'q1', idempotencyKey: key() }),
    'counter:callTicket': () => ({ counterId: 'q1', ticketId: at(0), idempotencyKey: key() }),
    'ticket:recall': () => ({ ticketId: s.called.id }),
    'ticket:start': () => ({ ticketId: s.called.id }),
    'ticket:finish': () => ({ ticketId: s.called.id }),
    'ticket:noShow': () => ({ ticketId: s.called.id }),
    'ticket:transfer': () => ({ ticketId: at(1), toFieldId: 'chung-thuc', note: TRANSFER_NOTE }),
    'ticket:cancel': () => ({ ticketId: at(2) }),
    'counter:open': () => ({ counterId: 'q1', force: false }),
    'counter:pause': () => ({ counterId: 'q1' }),
    'counter:close': () => ({ counterId: 'q1' }),
    'ticket:print': () => ({ ticketId: at(3), locale: 'vi' }),
    'printer:report': () => ({ code: 'PAPER_OUT', message: 'Hết giấy' }),
    'ticket:rate': () => ({ ticketId: s.done.id, level: 'satisfied' }),
    'dossier:create': () => ({
      ticketId: s.called.id,
      procedureId: 'tt-ks',
      applicant: { fullName: 'Lê Văn Cường', cccd: null, phone: null, birthDate: null, address: null },
      idempotencyKey: key(),
    }),
    'dossier:link': () => ({ ticketId: s.called.id, code: s.dossier.code }),
    'dossier:setStatus': () => ({ dossierId: s.dossier.id, status: 'needs_supplement', note: 'Thiếu bản sao' }),
    'dossier:setDocuments': () => ({ dossierId: s.dossier.id, documents: [{ name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1 }] }),
    'dossier:get': () => ({ code: s.dossier.code }),
    'dossier:forTicket': () => ({ ticketId: s.done.id }),
    'dossier:search': () => ({ applicant: 'Hà', statuses: ['result_ready'], pageSize: 20 }),
    'dossier:history': () => ({ dossierId: s.dossier.id }),
    // admin after officer: result_ready -> returned fails ILLEGAL_TRANSITION for the second, never FORBIDDEN
    'dossier:changeStatus': () => ({ dossierId: s.readyDossier.id, status: 'returned', idempotencyKey: key() }),
    'dossier:lookup': () => ({ code: s.dossier.code }),
    'ticket:issuePickup': () => ({ code: s.readyDossier.code, idempotencyKey: key() }),
    'config:get': () => ({}),
    'site:update': () => {
      const site = s.admin.snapshots.at(-1)?.site;
      return {
        name: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
        agencyCode: site?.agencyCode ?? '000.00.00.H26',
        openingHours: site?.openingHours ?? [],
        priority: site?.priority ?? { enabledGroups: [], maxConsecutivePriority: 2 },
        pickupFieldId: 'tra-ket-qua',
      };
    },
    'holidays:set': () => ({ holidays: [{ day: '2026-12-31', name: 'Nghỉ cuối năm' }] }),
    'field:save': () => ({
      code: `fz-${randomUUID().slice(0, 8)}`,
      nameVi: 'Lĩnh vực thử',
      nameEn: 'Test field',
      hintVi: '',
      hintEn: '',
      icon: 'info',
      numberFormat: { style: 'prefixed', prefix: 'Z', rangeStart: 1, rangeEnd: 999, pad: 3 },
      sortOrder: 50,
      enabled: true,
      defaultServiceMinutes: 5,
    }),
    'field:reorder': () => ({ ids: (s.admin.snapshots.at(-1)?.fields ?? []).map((f) => f.id) }),
    'procedure:save': () => ({
      fieldId: 'cu-tru',
      code: `P${randomUUID().slice(0, 8)}`,
      name: 'Thủ tục thử',
      processingDays: 2,
      fee: 0,
      enabled: true,
    }),
    'counter:save': () => ({ number: 100 + Math.floor(Math.random() * 800), name: 'Quầy thử', kind: 'receiving', fieldIds: ['huong-dan'], enabled: true }),
    'officer:save': () => ({
      username: `nv${randomUUID().slice(0, 8)}`,
      fullName: 'Nhân viên thử',
      role: 'officer',
      enabled: true,
      password: 'mat-khau-thu-1',
    }),
    'device:save': () => ({ kind: 'display', name: 'Màn hình thử', settings: { notice: 'Xin chào' } }),
    'device:rotateToken': () => ({ id: s.spareDeviceId }),
    'device:revoke': () => ({ id: s.spareDeviceId }),
    'dashboard:get': () => ({}),
    'report:run': () => ({ from: '2026-11-01', to: '2026-11-23', groupBy: 'field' }),
    'sync:snapshot': () => ({}),
  };
  const make = samples[name] as (() => Record<string, unknown>) | undefined;
  if (!make) throw new Error(`no sample payload for ${name}: add one to test/security/helpers/scene.ts`);
  return make();
}

/** Command names in a stable order (every entry of COMMANDS). */
export const ALL_COMMANDS: readonly CommandName[] = [...COMMAND_NAMES];
