/**
 * Tết Nguyên đán (1 tháng Giêng) and Giỗ Tổ Hùng Vương (10 tháng Ba) by solar year, on the
 * Vietnamese lunar calendar (new moons reckoned at UTC+7). See docs/decisions/0003.
 */
export const LUNAR_HOLIDAYS: Readonly<Record<number, { tet: string; hungKings: string }>> = {
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
  2036: { tet: '2036-01-28', hungKings: '2036-04-06' },
  2037: { tet: '2037-02-15', hungKings: '2037-04-24' },
  2038: { tet: '2038-02-04', hungKings: '2038-04-13' },
  2039: { tet: '2039-01-24', hungKings: '2039-04-03' },
  2040: { tet: '2040-02-12', hungKings: '2040-04-20' },
};
