import { spawn } from 'node:child_process';
import { PrinterFault } from './faults';

/** Output of a finished command; `code` null when it was killed. */
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CUPS client command (`lpstat`, `lp`) with the C locale so its output can be parsed,
 * feeding `input` on stdin; a missing binary is an error, running past timeoutMs a timeout.
 */
function run(command: string, args: string[], timeoutMs: number, input?: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const where = `${command} ${args.join(' ')}`;
    const child = spawn(command, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PrinterFault('timeout', `${where}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => undefined); // the exit code tells what happened
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new PrinterFault('error', `${where}: ${error.message} (is CUPS installed?)`, { cause: error }));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/** `lpstat -p NAME`: a queue that is missing or disabled is offline. Resolves `null` when ready. */
export async function queryCupsStatus(name: string, timeoutMs: number): Promise<PrinterFault | null> {
  const r = await run('lpstat', ['-p', name], timeoutMs);
  const text = `${r.stdout}\n${r.stderr}`.trim();
  if (r.code !== 0 || !r.stdout.includes(`printer ${name} `)) {
    return new PrinterFault('offline', `printer:${name}: no such CUPS queue (${text || `exit ${String(r.code)}`})`);
  }
  if (/\bdisabled\b/.test(r.stdout)) return new PrinterFault('offline', `printer:${name}: queue is disabled (${text})`);
  return null;
}

/** `lp -d NAME -o raw`, the job on stdin: CUPS passes the ESC/POS bytes through untouched. */
export async function sendCups(name: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  const r = await run('lp', ['-d', name, '-o', 'raw'], timeoutMs, bytes);
  if (r.code !== 0) {
    throw new PrinterFault('error', `printer:${name}: lp failed (${`${r.stderr}${r.stdout}`.trim() || `exit ${String(r.code)}`})`);
  }
}
