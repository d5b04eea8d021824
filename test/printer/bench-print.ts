/**
 * Timing of the print path: `npx tsx test/printer/bench-print.ts [runs]`.
 * renderTicketImage, buildTicketJob, and printTicket end to end (status check + render + send,
 * until the fake printer on loopback has taken the last byte and closed).
 */
import { buildTicketJob, printerFromUrl, printTicket, renderTicketImage, SAMPLE_TICKET } from '@qms/printer';
import { startFakePrinter } from '../support/fake-printer';

const runs = Number(process.argv[2] ?? 50);

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`;
}

async function time(fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1); // warm-up: font registration, JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return ms;
}

const data = (i: number) => ({ ...SAMPLE_TICKET, number: String(1000 + i) });
const printer = await startFakePrinter();
try {
  for (const paper of [80, 58] as const) {
    const config = printerFromUrl(`${printer.url}?paper=${paper}`);
    console.log(`${paper} mm, ${runs} runs`);
    console.log(`  renderTicketImage  ${summary(await time((i) => renderTicketImage(data(i), paper)))}`);
    console.log(`  buildTicketJob     ${summary(await time((i) => buildTicketJob(data(i), config)))}`);
    console.log(`  printTicket (e2e)  ${summary(await time((i) => printTicket(data(i), config)))}`);
  }
} finally {
  await printer.close();
}
