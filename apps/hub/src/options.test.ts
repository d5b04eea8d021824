import { describe, expect, it } from 'vitest';
import { HELP, OptionsError, parseOptions } from './options';

describe('hub options', () => {
  it('defaults: 127.0.0.1:3000, ./data/qms.sqlite under the working folder, demo seed, info logs', () => {
    expect(parseOptions([], {}, '/srv/qms')).toEqual({
      port: 3000,
      host: '127.0.0.1',
      db: '/srv/qms/data/qms.sqlite',
      seed: 'demo',
      logLevel: 'info',
      alwaysOpen: false,
      printer: null,
      publicUrl: null,
      voiceDir: null,
      backupDir: '/srv/qms/data/backups',
      backupKeep: 14,
      backupAt: '22:30',
      allowedOrigins: [],
      trustProxy: [],
      rateLimitScale: 1,
      help: false,
    });
  });

  it('--trust-proxy / QMS_TRUST_PROXY: a comma list of IP addresses, the flag first', () => {
    expect(parseOptions([], { QMS_TRUST_PROXY: '127.0.0.1, ::1' }, '/').trustProxy).toEqual(['127.0.0.1', '::1']);
    expect(parseOptions(['--trust-proxy', '10.0.0.2'], { QMS_TRUST_PROXY: '127.0.0.1' }, '/').trustProxy).toEqual(['10.0.0.2']);
    expect(() => parseOptions(['--trust-proxy', 'proxy.local'], {}, '/')).toThrow(/trust-proxy/);
  });

  it('environment variables, then flags, override the defaults', () => {
    const env = { QMS_PORT: '3001', QMS_DB: './other.sqlite', QMS_HOST: '0.0.0.0', QMS_SEED: 'none', QMS_LOG_LEVEL: 'debug' };
    expect(parseOptions([], env, '/x')).toMatchObject({ port: 3001, db: '/x/other.sqlite', host: '0.0.0.0', seed: 'none', logLevel: 'debug' });
    const flags = ['--port', '3002', '--db', '/abs/q.sqlite', '--host', '::1', '--seed', 'demo', '--log-level', 'warn'];
    expect(parseOptions(flags, env, '/x')).toMatchObject({ port: 3002, db: '/abs/q.sqlite', host: '::1', seed: 'demo', logLevel: 'warn' });
  });

  it('printer, public URL and always-open come from flags or QMS_PRINTER / QMS_PUBLIC_URL / QMS_ALWAYS_OPEN', () => {
    const env = { QMS_PRINTER: 'tcp://127.0.0.1:9100', QMS_PUBLIC_URL: 'http://192.168.1.10:3000', QMS_ALWAYS_OPEN: '1' };
    expect(parseOptions([], env, '/')).toMatchObject({ printer: 'tcp://127.0.0.1:9100', publicUrl: 'http://192.168.1.10:3000', alwaysOpen: true });
    expect(parseOptions(['--printer', 'tcp://10.0.0.9:9100', '--always-open'], {}, '/')).toMatchObject({
      printer: 'tcp://10.0.0.9:9100',
      alwaysOpen: true,
    });
  });

  it('--voice-dir / QMS_VOICE_DIR resolve against the working folder', () => {
    expect(parseOptions(['--voice-dir', 'giong-doc'], {}, '/srv/qms').voiceDir).toBe('/srv/qms/giong-doc');
    expect(parseOptions([], { QMS_VOICE_DIR: '/data/voice' }, '/srv').voiceDir).toBe('/data/voice');
  });

  it('backup folder, days kept and daily time by flag or QMS_BACKUP_*', () => {
    expect(parseOptions(['--backup-dir', '/mnt/usb/qms', '--backup-keep', '30', '--backup-at', '12:15'], {}, '/x')).toMatchObject({
      backupDir: '/mnt/usb/qms',
      backupKeep: 30,
      backupAt: '12:15',
    });
    expect(parseOptions([], { QMS_BACKUP_KEEP: '7', QMS_BACKUP_AT: '23:00' }, '/x')).toMatchObject({ backupKeep: 7, backupAt: '23:00' });
    expect(() => parseOptions(['--backup-keep', '-1'], {}, '/')).toThrow(/backup-keep/);
    expect(parseOptions([], { QMS_BACKUP_DIR: 'sao-luu' }, '/x').backupDir).toBe('/x/sao-luu');
    expect(() => parseOptions(['--backup-at', '25:99'], {}, '/')).toThrow(/backup-at/);
  });

  it('the default backup folder is beside the database, wherever the hub is started from', () => {
    expect(parseOptions(['--db', '/var/lib/qms/hub.sqlite'], {}, '/home/op').backupDir).toBe('/var/lib/qms/backups');
    expect(parseOptions([], { QMS_DB: '../data2/q.sqlite' }, '/srv/qms/run').backupDir).toBe('/srv/qms/data2/backups');
    expect(parseOptions(['--db', '/var/lib/qms/hub.sqlite', '--backup-dir', 'b'], {}, '/home/op').backupDir).toBe('/home/op/b');
  });

  it('--allowed-origins / QMS_ALLOWED_ORIGINS: a comma list of http(s) origins, the flag first', () => {
    const env = { QMS_ALLOWED_ORIGINS: 'https://qms.phuong.gov.vn, http://10.0.0.5:8080' };
    expect(parseOptions([], env, '/').allowedOrigins).toEqual(['https://qms.phuong.gov.vn', 'http://10.0.0.5:8080']);
    expect(parseOptions(['--allowed-origins', 'HTTPS://Kiosk.local:443/'], env, '/').allowedOrigins).toEqual(['https://kiosk.local']);
    expect(() => parseOptions(['--allowed-origins', 'https://ok.example,*'], {}, '/')).toThrow(/allowed-origins/);
  });

  it('--rate-limit-scale / QMS_RATE_LIMIT_SCALE multiply the command rate limits; only a positive number', () => {
    expect(parseOptions([], { QMS_RATE_LIMIT_SCALE: '2.5' }, '/').rateLimitScale).toBe(2.5);
    expect(parseOptions(['--rate-limit-scale', '50'], { QMS_RATE_LIMIT_SCALE: '2' }, '/').rateLimitScale).toBe(50);
    for (const bad of ['0', '-1', 'abc', ' ', 'Infinity']) {
      expect(() => parseOptions(['--rate-limit-scale', bad], {}, '/')).toThrow(/rate-limit-scale/);
    }
  });

  it('rejects bad values and unknown flags with a clear message', () => {
    expect(() => parseOptions(['--port', 'abc'], {}, '/')).toThrow(OptionsError);
    expect(() => parseOptions(['--port', '70000'], {}, '/')).toThrow(/cổng/);
    expect(() => parseOptions(['--seed', 'all'], {}, '/')).toThrow(/demo hoặc none/);
    expect(() => parseOptions(['--log-level', 'loud'], {}, '/')).toThrow(/log-level/);
    expect(() => parseOptions(['--bogus'], {}, '/')).toThrow();
  });

  it('--help lists every option', () => {
    expect(parseOptions(['--help'], {}, '/').help).toBe(true);
    for (const flag of ['--port', '--host', '--db', '--seed', '--log-level', '--printer', '--public-url', '--always-open', '--rate-limit-scale', '--allowed-origins', '--trust-proxy', '--backup-dir', '--voice-dir', 'QMS_PRINTER', 'QMS_PORT', 'QMS_DB', 'QMS_RATE_LIMIT_SCALE']) expect(HELP).toContain(flag);
  });
});
