import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printerFromUrl } from '@qms/printer/config';
import { migrate, openDatabase, Store } from '@qms/store';
import pino from 'pino';
import { BackupService } from './backup';
import { createHub, systemClock } from './create-hub';
import { HELP, OptionsError, parseOptions } from './options';
import { seedDemoSite, type DemoCredentials } from './seed/demo-site';
import { lowerHelperThreadPriority } from './thread-priority';

/** dist/web beside the bundle (dist/hub/main.mjs) or at the repo root when run from source. */
function findWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'web'), join(here, '..', '..', '..', 'dist', 'web')];
  return candidates.find((p) => existsSync(p)) ?? null;
}

function credentialsPath(db: string): string {
  return `${db}.demo-credentials.json`;
}

function banner(url: string, db: string, creds: DemoCredentials | null, phoneLink: string | null): string {
  const lines = [
    `\nHệ thống xếp hàng đang chạy tại ${url}`,
    `  CSDL: ${db}`,
    phoneLink === null
      ? '  Mã QR trên vé: TẮT (điện thoại không mở được địa chỉ này); đặt --public-url, vd. http://192.168.1.10:3000'
      : `  Mã QR trên vé: ${phoneLink}/t/… (điện thoại phải truy cập được địa chỉ này)`,
    `  Kiểm tra: ${url}/api/health`,
    `  Ki-ốt: ${url}/kiosk/   Quầy: ${url}/counter/   Màn hình: ${url}/display/   Quản trị: ${url}/admin/`,
  ];
  if (creds) {
    lines.push(
      '  Tài khoản điểm phục vụ mẫu (chỉ để thử nghiệm):',
      `    quản trị   ${creds.admin.username} / ${creds.admin.password}`,
      ...creds.officers.map((o) => `    cán bộ     ${o.username} / ${o.password}  (${o.fullName})`),
      `    ki-ốt      mã thiết bị ${creds.kioskToken}`,
      `               mở ${url}/kiosk/?token=${creds.kioskToken}`,
      `    màn hình   mã thiết bị ${creds.displayToken}`,
      `  (lưu tại ${credentialsPath(db)})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env, process.cwd());
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    process.exit(e instanceof OptionsError ? 2 : 2);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const logger = pino({ level: options.logLevel });
  const db = openDatabase(options.db);
  const applied = migrate(db);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  // fault tests only: cap the database size to simulate a full disk (SQLite answers SQLITE_FULL)
  const maxPages = Number(process.env.QMS_TEST_MAX_PAGE_COUNT ?? '');
  if (Number.isInteger(maxPages) && maxPages > 0) {
    db.pragma(`max_page_count = ${maxPages}`);
    logger.warn({ maxPages }, 'QMS_TEST_MAX_PAGE_COUNT: database size capped (fault tests only)');
  }
  const store = new Store(db);
  if (!store.config.site() && options.seed === 'demo') {
    const creds = await seedDemoSite(store, systemClock);
    writeFileSync(credentialsPath(options.db), JSON.stringify(creds, null, 2), { mode: 0o600 });
    logger.info('demo site seeded');
  }
  if (!store.config.site()) {
    logger.fatal('database has no site configured; start with --seed demo or configure one');
    process.exit(1);
  }
  const defaultPrinter = options.printer ? printerFromUrl(options.printer) : null;
  const backups = new BackupService({
    store,
    dir: options.backupDir,
    keepDays: options.backupKeep,
    at: options.backupAt,
    clock: systemClock,
    logger: logger.child({ module: 'backup' }),
  });
  const hub = createHub({
    backups,
    store,
    clock: systemClock,
    logger,
    webRoot: findWebRoot(),
    alwaysOpen: options.alwaysOpen,
    defaultPrinter,
    publicUrl: options.publicUrl,
    voiceDir: options.voiceDir,
    allowedOrigins: options.allowedOrigins,
    trustProxy: options.trustProxy,
    rateLimits: { scale: options.rateLimitScale },
  });
  hub.executor.rollDayIfNeeded();
  const { url, phoneLink } = await hub.listen(options.port, options.host);
  // the event loop first: V8's compiler jobs and libuv's pool yield to it (thread-priority.ts)
  const helpers = await lowerHelperThreadPriority();
  if (helpers.failed.length > 0 || helpers.skipped) logger.warn({ helpers }, 'helper threads keep their priority');
  else logger.info({ lowered: helpers.lowered.length }, 'helper threads at low priority');
  const credsFile = credentialsPath(options.db);
  const creds = existsSync(credsFile) ? (JSON.parse(readFileSync(credsFile, 'utf8')) as DemoCredentials) : null;
  backups.start();
  process.stdout.write(banner(url, options.db, creds, phoneLink.url));
  logger.info({ url, pid: process.pid }, 'hub listening');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    void Promise.all([backups.stop(), hub.close()]).then(() => {
      store.close();
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

