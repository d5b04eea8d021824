// pretest: the browser tests need Debian's Chromium (never a downloaded browser).
// Finds it (QMS_CHROMIUM or /usr/bin/chromium); as root with apt-get, installs it the way .ci/run
// does; otherwise stops at once with the exact command to run.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.QMS_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium';

function runnable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

if (!runnable(path)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.QMS_CHROMIUM === undefined && root && hasCommand('apt-get')) {
    console.log('[pretest] Chromium is missing: installing Debian\'s chromium (apt-get) for the browser tests');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok =
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status === 0;
    if (!ok || !runnable(path)) {
      console.error(`[pretest] could not install Chromium. Run: ${INSTALL.replaceAll('sudo ', '')}`);
      process.exit(1);
    }
  } else {
    console.error(
      `[pretest] the browser tests need Chromium at ${path} and it is not there.\n` +
        `  Debian/Ubuntu: ${INSTALL}\n` +
        '  or point QMS_CHROMIUM at a Chromium/Chrome binary: QMS_CHROMIUM=/path/to/chrome npm test',
    );
    process.exit(1);
  }
}
