import { describe, expect, it } from 'vitest';
import { parseCode, parseCutoff, parseDays, parseFee, parseStatus } from './values';

describe('Thời hạn giải quyết (working days)', () => {
  it.each([
    [3, 3],
    [0, 0],
    ['3', 3],
    ['03 ngày làm việc', 3],
    ['03 ngày', 3],
    ['3ngày', 3],
    ['15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', 15],
    ['Trong 05 ngày làm việc', 5],
    ['Không quá 10 ngày làm việc', 10],
    ['Trong ngày', 0],
    ['trong ngày', 0],
    ['TRONG NGÀY LÀM VIỆC', 0],
    ['Trong ngày tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo', 0],
    ['Ngay trong ngày', 0],
    ['Trong ngay', 0],
    ['  07   ngày  làm việc ', 7],
  ])('%j -> %j', (cell, days) => {
    expect(parseDays(cell)).toBe(days);
  });

  it.each([['ba ngày'], ['1,5 ngày'], ['1.5'], [2.5], [-3], ['-3'], ['04 giờ'], [''], ['Theo quy định'], [400], ['1000 ngày'], [true]])('%j is refused', (cell) => {
    expect(parseDays(cell)).toBeNull();
  });
});

describe('Lệ phí (VND)', () => {
  it.each([
    [50000, 50000],
    [0, 0],
    ['50000', 50000],
    ['50.000 đồng', 50000],
    ['50.000đ', 50000],
    ['50,000 VNĐ', 50000],
    ['50 000 ₫', 50000],
    ['1.000.000 đồng', 1_000_000],
    ['2.000 đồng/trang', 2000],
    ['10.000 đồng / trường hợp', 10000],
    ['0 đồng', 0],
    ['Không', 0],
    ['không.', 0],
    ['Miễn phí', 0],
    ['MIỄN LỆ PHÍ', 0],
    ['Không thu phí', 0],
    ['-', 0],
  ])('%j -> %j', (cell, fee) => {
    expect(parseFee(cell)).toBe(fee);
  });

  it.each([['năm mươi nghìn đồng'], ['50.000,5 đồng'], ['1.5'], ['-20.000 đồng'], [-50000], [12.5], ['50.00 đồng'], ['1.000,000'], ['Lệ phí: 50.000 đồng'], ['']])(
    '%j is refused',
    (cell) => {
      expect(parseFee(cell)).toBeNull();
    },
  );
});

describe('Trạng thái', () => {
  it('Đang áp dụng / Ngừng and their usual spellings; blank is not given', () => {
    for (const t of ['Đang áp dụng', 'đang áp dụng', 'Áp dụng', 'Còn hiệu lực', 'x', 'active']) expect(parseStatus(t)).toBe(true);
    for (const t of ['Ngừng', 'NGỪNG', 'Ngừng áp dụng', 'Tạm ngừng', 'Hết hiệu lực', 'Bãi bỏ', 'disabled']) expect(parseStatus(t)).toBe(false);
    expect(parseStatus('')).toBeNull();
    expect(parseStatus(null)).toBeNull();
    expect(parseStatus(undefined)).toBeNull();
    expect(parseStatus('Chờ duyệt')).toBeUndefined();
  });
});

describe('Mã thủ tục', () => {
  it('keeps text codes as written and gives a number typed in Excel its six decimals back', () => {
    expect(parseCode('1.001193')).toBe('1.001193');
    expect(parseCode('  2.000908 ')).toBe('2.000908');
    expect(parseCode('KS')).toBe('KS');
    expect(parseCode('1.004227.000.00.00.H26')).toBe('1.004227.000.00.00.H26');
    expect(parseCode(1.001193)).toBe('1.001193');
    expect(parseCode(1.00119)).toBe('1.001190');
    expect(parseCode(2.00149)).toBe('2.001490');
    expect(parseCode(1234)).toBe('1234');
  });

  it('refuses spaces, other characters and formulas', () => {
    for (const bad of ['1.001 193', 'mã 1', '=CMD()', '.001193', '', 'x'.repeat(61), '<b>1</b>']) expect(parseCode(bad)).toBeNull();
  });
});

describe('Giờ chốt nhận hồ sơ', () => {
  it('HH:MM, “15h”, “15 giờ 30”, an Excel time; blank is not given; anything else is refused', () => {
    for (const t of ['15:00', '15h', '15h00', '15 giờ', '15:00:00', ' 15 : 00 ']) expect(parseCutoff(t), t).toBe('15:00');
    expect(parseCutoff('9h30')).toBe('09:30');
    expect(parseCutoff('16 giờ 30 phút')).toBe('16:30');
    expect(parseCutoff(0.625)).toBe('15:00'); // an Excel time cell
    expect(parseCutoff(new Date(Date.UTC(1899, 11, 30, 15, 0)))).toBe('15:00');
    expect(parseCutoff('')).toBeNull();
    expect(parseCutoff(null)).toBeNull();
    expect(parseCutoff(undefined)).toBeNull();
    for (const bad of ['25:00', '15:75', 'chiều', '3pm', 1.5]) expect(parseCutoff(bad), String(bad)).toBeUndefined();
  });
});
