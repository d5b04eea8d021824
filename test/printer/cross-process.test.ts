import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'print-child.ts');

let printer: FakePrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

async function printFromChild(url: string, number: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, url, number], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('printing from another process (as the kiosk main process does)', () => {
  it('prints, reports paper out, and prints again after the roll is changed', async () => {
    printer = await startFakePrinter();
    expect(await printFromChild(printer.url, '0001')).toMatchObject({ ok: true });
    printer.setMode('paper_out');
    expect(await printFromChild(printer.url, '0002')).toMatchObject({ ok: false, fault: 'paper_out' });
    printer.setMode('ok');
    expect(await printFromChild(`${printer.url}?paper=58`, '0003')).toMatchObject({ ok: true });
    const jobs = await printer.waitForJobs(2);
    expect(jobs.map((j) => j.image?.width)).toEqual([576, 384]);
    expect(jobs.every((j) => j.commands[0] === 'init' && j.commands.at(-1) === 'cut')).toBe(true);
  });
});
