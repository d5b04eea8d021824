import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupName, backupsToPrune, isPartialName, listBackups, takenAtOf } from './backup-files';

const HCM = 'Asia/Ho_Chi_Minh';
const DAY = 24 * 3600_000;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('backup file names', () => {
  it('are qms-YYYYMMDD-HHMMSS.sqlite in local time, with a suffix for a second backup in the same second', () => {
    const at = Date.parse('2026-11-23T15:30:00Z');
    expect(backupName(at, HCM)).toBe('qms-20261123-223000.sqlite');
    expect(backupName(at, HCM, 2)).toBe('qms-20261123-223000-2.sqlite');
    expect(takenAtOf('qms-20261123-223000.sqlite', HCM)).toEqual({ takenAt: at, attempt: 1 });
    expect(takenAtOf('qms-20261123-223000-2.sqlite', HCM)).toEqual({ takenAt: at, attempt: 2 });
  });

  it('anything else is not a backup', () => {
    for (const name of [
      'qms.sqlite',
      'qms-20261123-223000.sqlite.partial',
      'qms-20261123-223000.sqlite-wal',
      'QMS-20261123-223000.sqlite',
      'qms-20261323-223000.sqlite',
      'qms-20261123-253000.sqlite',
      'notes.txt',
      'qms-2026112-223000.sqlite',
    ]) {
      expect(takenAtOf(name, HCM)).toBeNull();
    }
    expect(isPartialName('qms-20261123-223000.sqlite.partial')).toBe(true);
    expect(isPartialName('qms-20261123-223000.sqlite.partial-journal')).toBe(true);
    expect(isPartialName('qms-20261123-223000.sqlite')).toBe(false);
  });

  it('lists only backups, newest first, with sizes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qms-bk-list-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'qms-20261120-223000.sqlite'), 'a');
    writeFileSync(join(dir, 'qms-20261122-223000.sqlite'), 'bbb');
    writeFileSync(join(dir, 'qms-20261122-223000-2.sqlite'), 'cc');
    writeFileSync(join(dir, 'qms-20261123-223000.sqlite.partial'), 'x');
    writeFileSync(join(dir, 'readme.txt'), 'keep me');
    mkdirSync(join(dir, 'qms-20261124-223000.sqlite'));
    const list = listBackups(dir, HCM);
    expect(list.map((b) => [b.file, b.bytes])).toEqual([
      ['qms-20261122-223000-2.sqlite', 2],
      ['qms-20261122-223000.sqlite', 3],
      ['qms-20261120-223000.sqlite', 1],
    ]);
  });
});

describe('which backups pruning deletes', () => {
  const now = Date.parse('2026-11-30T15:30:00Z');
  const at = (daysAgo: number): { takenAt: number; name: string } => ({ takenAt: now - daysAgo * DAY, name: `${daysAgo}d` });

  it('those older than keepDays, newest first in, oldest out', () => {
    const list = [at(0), at(1), at(13), at(14), at(15), at(40)];
    expect(backupsToPrune(list, now, 14).map((b) => b.name)).toEqual(['15d', '40d']);
  });

  it('never the newest one, however old', () => {
    expect(backupsToPrune([at(100), at(200)], now, 14).map((b) => b.name)).toEqual(['200d']);
    expect(backupsToPrune([at(100)], now, 14)).toEqual([]);
    expect(backupsToPrune([], now, 14)).toEqual([]);
  });

  it('keepDays 0 keeps only the newest', () => {
    expect(backupsToPrune([at(0), at(0.5), at(1)], now, 0).map((b) => b.name)).toEqual(['0.5d', '1d']);
  });
});
