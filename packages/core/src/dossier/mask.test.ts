import { describe, expect, it } from 'vitest';
import { maskCccd, maskName, maskPhone } from './mask';

describe('maskName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V** A'],
    ['Trần Thị Thu Hà', 'Trần T** T** H'],
    ['Lê Hà', 'Lê H'],
    ['An', 'A'],
    ['Đỗ Ánh Dương', 'Đỗ Á** D'],
    ['Ưng Hoàng Phúc', 'Ưng H** P'],
    ['Phạm Thị Ngọc Ánh', 'Phạm T** N** Á'],
    ['Nguyễn Đức Ưng', 'Nguyễn Đ** Ư'],
    ['  Nguyễn   Văn\tAn  ', 'Nguyễn V** A'],
    ['', ''],
    ['   ', ''],
  ])('%s -> %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('treats decomposed letters as one letter and answers in NFC', () => {
    const masked = maskName('Ông Ễnh Ứng'.normalize('NFD'));
    expect(masked).toBe('Ông Ễ** Ứ'.normalize('NFC'));
    expect(masked).toBe(masked.normalize('NFC'));
  });

  it('keeps combining marks that have no precomposed form with their letter', () => {
    expect(maskName('Nguyễn X\u0301uân Hà')).toBe('Nguyễn X\u0301** H');
    expect(maskName('Lê Hà X\u0301')).toBe('Lê H** X\u0301');
  });
});

describe('maskCccd', () => {
  it('keeps the province code and the last three digits', () => {
    expect(maskCccd('001090012345')).toBe('001******345');
    expect(maskCccd(' 079303004567 ')).toBe('079******567');
    expect(maskCccd('025123456')).toBe('025***456');
  });

  it('masks everything of a short value', () => {
    expect(maskCccd('12345')).toBe('*****');
    expect(maskCccd('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('keeps the network prefix and the last three digits', () => {
    expect(maskPhone('0912345678')).toBe('0912***678');
    expect(maskPhone('0912 345 678')).toBe('0912***678');
    expect(maskPhone('0912.345.678')).toBe('0912***678');
    expect(maskPhone('02438123456')).toBe('0243****456');
  });

  it('masks everything of a short value', () => {
    expect(maskPhone('1234567')).toBe('*******');
  });
});
