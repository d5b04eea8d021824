import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/browser';

const script = 'build/check-chromium.mjs';
const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('pretest: Chromium for the browser tests', () => {
  it('runs before npm test', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.pretest).toBe(`node ${script}`);
  });

  it('passes when the browser the tests launch is there', () => {
    const r = run({ QMS_CHROMIUM: CHROMIUM_PATH });
    expect(r.status).toBe(0);
  });

  it('stops with the exact install command when it is missing (never installs for a custom path)', () => {
    const r = run({ QMS_CHROMIUM: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/nonexistent/chromium');
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stderr).toContain('QMS_CHROMIUM=');
  });
});
