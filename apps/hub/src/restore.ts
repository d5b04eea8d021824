/**
 * Restore CLI: `npm run restore -- --from <backup file> --db <database file> [--force]`.
 * Stop the hub first. Exit codes: 0 restored, 2 bad arguments, 1 refused or failed.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RestoreError, restoreDatabase, type RestoreOptions, type RestoreReport } from './backup/restore-db';
import { formatLocal } from './backup/local-time';

export const RESTORE_HELP = `Khôi phục cơ sở dữ liệu từ bản sao lưu (restore a backup)

Cách dùng (usage): npm run restore -- --from <tệp sao lưu> --db <tệp CSDL> [--force]

  --from <file>   bản sao lưu, vd. data/backups/qms-20261123-223000.sqlite (the backup file)
  --db <file>     cơ sở dữ liệu của máy chủ, vd. data/qms.sqlite (the hub's database file)
  --force         thay thế CSDL đang có; bản cũ được giữ lại thành <db>.before-restore-<thời điểm>
                  (replace an existing database; the old one is kept beside it)
  -h, --help      hiện hướng dẫn này (this help)

Hãy dừng máy chủ trước khi khôi phục (stop the hub first); lệnh từ chối khi CSDL đang được dùng.
Mã thoát (exit codes): 0 thành công (ok), 2 sai tham số (bad arguments), 1 bị từ chối/thất bại (refused/failed).
`;

export interface RestoreCliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: RestoreCliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

class UsageError extends Error {}

function parse(argv: string[], cwd: string): (RestoreOptions & { help: false }) | { help: true } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, db: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`Tham số không hợp lệ (bad arguments): ${(e as Error).message}`);
  }
  if (values.help) return { help: true };
  if (!values.from) throw new UsageError('Thiếu --from <tệp sao lưu> (missing --from)');
  if (!values.db) throw new UsageError('Thiếu --db <tệp CSDL> (missing --db)');
  const from = resolve(cwd, values.from);
  const db = resolve(cwd, values.db);
  if (from === db) throw new UsageError('--from và --db là cùng một tệp (--from and --db name the same file)');
  return { help: false, from, db, force: values.force ?? false };
}

export function formatReport(r: RestoreReport): string {
  const schema =
    r.applied.length === 0
      ? `phiên bản ${r.toVersion}, không cần nâng cấp (schema ${r.toVersion}, no migration needed)`
      : `phiên bản ${r.fromVersion} → ${r.toVersion} (migrations applied: ${r.applied.join(', ')})`;
  const lines = [
    'Đã khôi phục cơ sở dữ liệu (database restored).',
    `  Bản sao lưu (backup):              ${r.from}`,
    `  Cơ sở dữ liệu (database):          ${r.db}  (${r.bytes} byte)`,
    `  Kiểm tra toàn vẹn (integrity_check): ${r.integrity}`,
    `  Lược đồ (schema):                  ${schema}`,
    `  Dữ liệu (data):                    ${r.tickets} vé (tickets); sự kiện cuối (last event): ${r.lastEventAt === null ? 'không có (none)' : formatLocal(r.lastEventAt)}`,
  ];
  if (r.keptPrevious) lines.push(`  CSDL cũ được giữ tại (previous database kept as): ${r.keptPrevious}`);
  for (const p of r.removed) lines.push(`  Đã xoá tệp phụ cũ (removed stale file): ${p}`);
  lines.push(`Bây giờ hãy khởi động máy chủ (now start the hub): npm start -- --db ${r.db}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the restore command; returns the exit code (never calls process.exit). */
export function runRestoreCli(argv: string[], io: RestoreCliIo = processIo, cwd: string = process.cwd()): number {
  let options;
  try {
    options = parse(argv, cwd);
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${RESTORE_HELP}`);
    return 2;
  }
  if (options.help) {
    io.out(RESTORE_HELP);
    return 0;
  }
  try {
    io.out(`Đang khôi phục (restoring) ${options.from} → ${options.db} …\n`);
    io.out(formatReport(restoreDatabase(options)));
    return 0;
  } catch (e) {
    if (e instanceof RestoreError) {
      const unchanged = e.code === 'IO_FAILED' ? '' : `Không có thay đổi nào với ${options.db} (nothing was changed).\n`;
      io.err(`Không khôi phục được (restore refused): ${e.vi}\n  (${e.code}: ${e.en})\n${unchanged}`);
    } else {
      io.err(`Không khôi phục được (restore failed): ${(e as Error).stack ?? String(e)}\n`);
    }
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runRestoreCli(process.argv.slice(2));
}
