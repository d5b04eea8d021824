import { randomBytes } from 'node:crypto';
import { PRIORITY_GROUPS, type Clock, type Counter, type Field, type Site } from '@qms/core';
import type { Store } from '@qms/store';
import { hashPassword, hashToken, newToken } from '../auth/secrets';
import { demoProcedures } from './demo-procedures';

export interface DemoCredentials {
  admin: { username: string; password: string };
  officers: Array<{ username: string; password: string; fullName: string }>;
  kioskToken: string;
  displayToken: string;
}

const FIELDS: Array<[string, string, string, string, string, string, number]> = [
  ['tu-phap-ho-tich', 'Tư pháp – Hộ tịch', 'Justice – Civil status', 'Khai sinh, kết hôn, khai tử', 'Birth, marriage, death', 'scale', 12],
  ['chung-thuc', 'Chứng thực', 'Certification', 'Sao y, chứng thực chữ ký, hợp đồng', 'Copies, signatures, contracts', 'stamp', 5],
  ['dat-dai-xay-dung', 'Đất đai – Xây dựng', 'Land – Construction', 'Đăng ký đất đai, giấy phép xây dựng', 'Land registration, building permits', 'house', 20],
  ['van-hoa-xa-hoi', 'Văn hóa – Xã hội', 'Culture – Social affairs', 'Lao động, y tế, giáo dục, bảo trợ', 'Labour, health, education, welfare', 'people', 12],
  ['kinh-doanh', 'Kinh doanh', 'Business', 'Đăng ký hộ kinh doanh', 'Household business registration', 'shop', 15],
  ['cu-tru', 'Cư trú', 'Residence', 'Đăng ký thường trú, tạm trú', 'Permanent and temporary residence', 'id-card', 10],
  ['huong-dan', 'Hướng dẫn', 'Guidance', 'Hỏi đáp, hướng dẫn thủ tục, nộp trực tuyến', 'Questions, help with online filing', 'info', 5],
  ['tra-ket-qua', 'Trả kết quả', 'Result pickup', 'Nhận kết quả hồ sơ đã nộp', 'Collect the result of a dossier', 'inbox', 3],
];

const COUNTERS: Array<[number, Counter['kind'], string[]]> = [
  [1, 'receiving', ['tu-phap-ho-tich', 'chung-thuc']],
  [2, 'receiving', ['chung-thuc', 'tu-phap-ho-tich']],
  [3, 'receiving', ['dat-dai-xay-dung', 'kinh-doanh']],
  [4, 'receiving', ['van-hoa-xa-hoi', 'cu-tru']],
  [5, 'receiving', ['cu-tru', 'van-hoa-xa-hoi']],
  [6, 'receiving', ['kinh-doanh', 'dat-dai-xay-dung', 'tra-ket-qua']],
  [7, 'guidance', ['huong-dan', 'tra-ket-qua']],
  [8, 'guidance', ['huong-dan']],
];

const OFFICER_NAMES = [
  'Nguyễn Thị Lan',
  'Trần Văn Minh',
  'Lê Thị Hương',
  'Phạm Quốc Tuấn',
  'Hoàng Thị Mai',
  'Vũ Đức Anh',
  'Đặng Thị Thu',
  'Bùi Văn Hải',
];

export const DEMO_SITE: Site = {
  id: 'demo',
  name: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
  agencyCode: '000.00.00.H26',
  place: 'Hà Nội',
  timeZone: 'Asia/Ho_Chi_Minh',
  openingHours: [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, open: '07:30', close: '20:00' }))
    .concat([{ weekday: 6, open: '07:30', close: '11:30' }]),
  priority: { enabledGroups: [...PRIORITY_GROUPS], maxConsecutivePriority: 2 },
};

export function demoFields(): Field[] {
  return FIELDS.map(([id, nameVi, nameEn, hintVi, hintEn, icon, minutes], i) => ({
    id,
    code: id,
    nameVi,
    nameEn,
    hintVi,
    hintEn,
    icon,
    numberFormat: { style: 'numeric', prefix: '', rangeStart: (i + 1) * 1000 + 1, rangeEnd: (i + 1) * 1000 + 999, pad: 3 },
    sortOrder: i + 1,
    enabled: true,
    defaultServiceMinutes: minutes,
  }));
}

function password(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * Seeds an empty database with a demo ward: 8 fields, 6 receiving + 2 guidance counters,
 * 8 officers, an admin, one kiosk and one display. Returns the generated secrets (stored hashed).
 */
export async function seedDemoSite(store: Store, clock: Clock): Promise<DemoCredentials> {
  const now = clock.now();
  const admin = { username: 'admin', password: password() };
  const officers = OFFICER_NAMES.map((fullName, i) => ({ username: `canbo${i + 1}`, password: password(), fullName }));
  const hashes = await Promise.all([admin, ...officers].map((o) => hashPassword(o.password)));
  const kioskToken = newToken();
  const displayToken = newToken();
  store.transaction(() => {
    store.config.saveSite(DEMO_SITE, now);
    for (const f of demoFields()) store.config.saveField(f);
    store.accounts.saveOfficer(
      { id: 'admin', username: 'admin', fullName: 'Quản trị viên', role: 'admin', enabled: true, passwordHash: hashes[0] ?? '', failedLogins: 0, lockedUntil: null },
      now,
    );
    officers.forEach((o, i) =>
      store.accounts.saveOfficer(
        { id: o.username, username: o.username, fullName: o.fullName, role: 'officer', enabled: true, passwordHash: hashes[i + 1] ?? '', failedLogins: 0, lockedUntil: null },
        now,
      ),
    );
    for (const [number, kind, fieldIds] of COUNTERS) {
      const name = kind === 'guidance' ? `Quầy hướng dẫn ${number}` : `Quầy ${number}`;
      store.config.saveCounter({ id: `q${number}`, number, name, kind, fieldIds, status: 'closed', officerId: null, consecutivePriorityCalls: 0, enabled: true });
    }
    demoProcedures().forEach((p, i) => store.dossiers.saveProcedure(p, i));
    store.config.setPickupFieldId('tra-ket-qua');
    store.accounts.saveDevice({ id: 'kiosk-1', kind: 'kiosk', name: 'Ki-ốt sảnh chính', settings: {}, createdAt: now, revokedAt: null }, hashToken(kioskToken));
    store.accounts.saveDevice({ id: 'display-1', kind: 'display', name: 'Màn hình phòng chờ', settings: {}, createdAt: now, revokedAt: null }, hashToken(displayToken));
  });
  return { admin, officers, kioskToken, displayToken };
}
