/**
 * Checks a voice pack folder before a site uses it:
 *   npx tsx build/voice/check-voice-pack.ts <folder>     (the folder holding vi/manifest.json,
 *                                                        as given to the hub's --voice-dir)
 * Prints errors (fix them) and warnings; exits 1 when there is an error.
 * Files the site pack lacks are served from the default pack, so they are looked up there too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVoicePack } from '../../apps/display/src/voice/manifest';
import { checkPackFiles } from '../../apps/display/src/voice/pack-check';

const DEFAULT_PACK = fileURLToPath(new URL('../../apps/display/voice/vi/', import.meta.url));

function main(folder: string | undefined): number {
  if (!folder) {
    process.stderr.write('usage: npx tsx build/voice/check-voice-pack.ts <folder containing vi/manifest.json>\n');
    return 2;
  }
  const packDir = join(resolve(folder), 'vi');
  const manifestPath = join(packDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    process.stderr.write(`${manifestPath}: not found\n`);
    return 1;
  }
  let pack;
  try {
    pack = parseVoicePack(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (e) {
    process.stderr.write(`${manifestPath}: ${(e as Error).message}\n`);
    return 1;
  }
  const fromDefault: string[] = [];
  const report = checkPackFiles(pack, (file) => {
    for (const dir of [packDir, DEFAULT_PACK]) {
      const path = join(dir, file);
      if (existsSync(path)) {
        if (dir === DEFAULT_PACK) fromDefault.push(file);
        return readFileSync(path);
      }
    }
    return null;
  });
  if (fromDefault.length > 0) report.warnings.push(`taken from the default pack: ${fromDefault.join(', ')}`);
  process.stdout.write(`${pack.name} (${Object.keys(pack.clips).length} clips in ${packDir})\n`);
  for (const e of report.errors) process.stdout.write(`  error:   ${e}\n`);
  for (const w of report.warnings) process.stdout.write(`  warning: ${w}\n`);
  if (report.errors.length === 0) process.stdout.write('  ok\n');
  return report.errors.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv[2]);
