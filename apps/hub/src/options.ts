import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTimeOfDay } from './backup/local-time';
import { normalizeOrigin } from './http/origin';
import { parseTrustedProxies } from './auth/client-address';

export interface HubCliOptions {
  port: number;
  host: string;
  db: string;
  seed: 'demo' | 'none';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  alwaysOpen: boolean;
  printer: string | null;
  publicUrl: string | null;
  voiceDir: string | null;
  backupDir: string;
  backupKeep: number;
  backupAt: string;
  /** Other web origins whose pages may open a socket or log in (besides the hub's own). */
  allowedOrigins: string[];
  /** Proxies whose X-Forwarded-For names the client of a login (empty: none). */
  trustProxy: string[];
  /** Multiplies every command rate limit (1 = the documented defaults). */
  rateLimitScale: number;
  help: boolean;
}

export const HELP = `Hệ thống xếp hàng – máy chủ (hub)

Cách dùng: npm start -- [tuỳ chọn]

  --port <n>        cổng HTTP (mặc định 3000)                  env QMS_PORT
  --host <addr>     địa chỉ lắng nghe (mặc định 127.0.0.1;
                    dùng 0.0.0.0 để các máy trong mạng LAN kết nối) env QMS_HOST
  --db <path>       tệp SQLite (mặc định ./data/qms.sqlite)    env QMS_DB
  --seed <demo|none> nạp điểm phục vụ mẫu khi CSDL còn trống
                    (mặc định demo)                             env QMS_SEED
  --log-level <lvl> fatal|error|warn|info|debug|trace|silent
                    (mặc định info)                             env QMS_LOG_LEVEL
  --printer <url>   máy in của ki-ốt chưa cấu hình máy in, vd.
                    tcp://192.168.1.50:9100 (thêm ?paper=58)    env QMS_PRINTER
  --public-url <u>  địa chỉ in trong mã QR của vé, vd.
                    http://192.168.1.10:3000; điện thoại phải mở
                    được (cùng Wi-Fi/LAN). Mặc định: địa chỉ LAN
                    của máy chủ; không có thì vé không in mã QR env QMS_PUBLIC_URL
  --always-open     ki-ốt cấp số cả ngoài giờ làm việc          env QMS_ALWAYS_OPEN=1
  --allowed-origins <o1,o2> trang web ở địa chỉ khác được phép kết
                    nối và đăng nhập, vd. https://qms.phuong.gov.vn
                    (mặc định: chỉ trang của chính máy chủ)     env QMS_ALLOWED_ORIGINS
  --voice-dir <dir> bộ giọng đọc riêng của điểm phục vụ
                    (thư mục chứa vi/manifest.json)             env QMS_VOICE_DIR
  --backup-dir <d>  thư mục sao lưu (mặc định thư mục backups
                    cạnh tệp --db)                              env QMS_BACKUP_DIR
  --backup-keep <n> giữ bản sao lưu n ngày (mặc định 14)       env QMS_BACKUP_KEEP
  --backup-at <hh:mm> giờ sao lưu hằng ngày (mặc định 22:30)   env QMS_BACKUP_AT
  --trust-proxy <ip,...> địa chỉ IP của proxy (vd. proxy TLS trên cùng
                    máy: 127.0.0.1,::1); chỉ từ các địa chỉ này mới tin
                    X-Forwarded-For khi giới hạn đăng nhập sai
                    (mặc định: không tin proxy nào)            env QMS_TRUST_PROXY
  --rate-limit-scale <k> nhân mọi giới hạn tốc độ gửi lệnh của
                    thiết bị và tài khoản lên k lần (mặc định 1) env QMS_RATE_LIMIT_SCALE
  -h, --help        hiện hướng dẫn này
`;

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class OptionsError extends Error {}

/** Flags win over environment variables, which win over defaults. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, cwd: string): HubCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
      printer: { type: 'string' },
      'public-url': { type: 'string' },
      'always-open': { type: 'boolean' },
      'voice-dir': { type: 'string' },
      'backup-dir': { type: 'string' },
      'backup-keep': { type: 'string' },
      'backup-at': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'rate-limit-scale': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const portText = values.port ?? env.QMS_PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OptionsError(`--port: cổng không hợp lệ: ${portText}`);
  const seed = values.seed ?? env.QMS_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new OptionsError(`--seed: chỉ nhận demo hoặc none, không phải ${seed}`);
  const logLevel = values['log-level'] ?? env.QMS_LOG_LEVEL ?? 'info';
  if (!(LEVELS as readonly string[]).includes(logLevel)) throw new OptionsError(`--log-level: ${logLevel} không hợp lệ`);
  const keepText = values['backup-keep'] ?? env.QMS_BACKUP_KEEP ?? '14';
  const backupKeep = Number(keepText);
  if (!Number.isInteger(backupKeep) || backupKeep < 0) throw new OptionsError(`--backup-keep: số ngày không hợp lệ: ${keepText}`);
  const backupAt = values['backup-at'] ?? env.QMS_BACKUP_AT ?? '22:30';
  if (!parseTimeOfDay(backupAt)) throw new OptionsError(`--backup-at: giờ không hợp lệ (HH:MM): ${backupAt}`);
  const allowedOrigins = parseOrigins(values['allowed-origins'] ?? env.QMS_ALLOWED_ORIGINS ?? '');
  const proxyText = values['trust-proxy'] ?? env.QMS_TRUST_PROXY ?? '';
  const trustProxy = parseTrustedProxies(proxyText);
  if (!trustProxy) throw new OptionsError(`--trust-proxy: cần danh sách địa chỉ IP cách nhau bởi dấu phẩy, không phải ${proxyText}`);
  const db = resolve(cwd, values.db ?? env.QMS_DB ?? './data/qms.sqlite');
  const scaleText = values['rate-limit-scale'] ?? env.QMS_RATE_LIMIT_SCALE ?? '1';
  const rateLimitScale = Number(scaleText);
  if (!Number.isFinite(rateLimitScale) || rateLimitScale <= 0 || scaleText.trim() === '') {
    throw new OptionsError(`--rate-limit-scale: hệ số không hợp lệ (số dương): ${scaleText}`);
  }
  return {
    trustProxy,
    // default: beside the database (its folder is the hub's own), wherever the hub was started from
    backupDir: resolve(cwd, values['backup-dir'] ?? env.QMS_BACKUP_DIR ?? join(dirname(db), 'backups')),
    backupKeep,
    backupAt,
    rateLimitScale,
    port,
    host: values.host ?? env.QMS_HOST ?? '127.0.0.1',
    db,
    seed,
    logLevel: logLevel as HubCliOptions['logLevel'],
    alwaysOpen: values['always-open'] ?? ['1', 'true', 'yes'].includes((env.QMS_ALWAYS_OPEN ?? '').toLowerCase()),
    printer: values.printer ?? env.QMS_PRINTER ?? null,
    publicUrl: values['public-url'] ?? env.QMS_PUBLIC_URL ?? null,
    voiceDir: (values['voice-dir'] ?? env.QMS_VOICE_DIR) ? resolve(cwd, values['voice-dir'] ?? env.QMS_VOICE_DIR ?? '') : null,
    allowedOrigins,
    help: values.help ?? false,
  };
}

function parseOrigins(text: string): string[] {
  const list = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return list.map((entry) => {
    const origin = normalizeOrigin(entry);
    if (!origin) throw new OptionsError(`--allowed-origins: ${entry} không phải địa chỉ http(s)://máy[:cổng]`);
    return origin;
  });
}
