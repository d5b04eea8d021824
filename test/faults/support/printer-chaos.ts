/**
 * The fake printer's condition over time: it flips ok → a fault → ok → another fault … on its
 * own schedule (every fault kind in turn, shuffled), and remembers when, so each print can be
 * judged against the conditions it met.
 */
import type { FakePrinter, FakePrinterMode } from '../../support/fake-printer';
import { between, sleep } from './hubs';

export interface PrintOutcome {
  ticketId: string;
  number: string;
  /** 'ok', the PRINTER_FAULT's fault code, 'no answer', or another error code. */
  answer: string;
  ms: number;
  /** Printer modes in force at any moment of the print. */
  modes: FakePrinterMode[];
}

/** What a print must answer when the printer stayed in one mode throughout. */
export const EXPECTED_ANSWER: Readonly<Record<string, string>> = { ok: 'ok', offline: 'offline', paper_out: 'paper_out', silent: 'timeout' };
export const FAULT_ANSWERS: ReadonlySet<string> = new Set(['offline', 'paper_out', 'timeout', 'cover_open', 'error']);

export class PrinterChaos {
  readonly timeline: Array<{ at: number; mode: FakePrinterMode }> = [{ at: Date.now(), mode: 'ok' }];
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly fake: FakePrinter) {}

  get mode(): FakePrinterMode {
    return this.timeline[this.timeline.length - 1]?.mode ?? 'ok';
  }

  set(mode: FakePrinterMode): void {
    this.fake.setMode(mode);
    this.timeline.push({ at: Date.now(), mode });
  }

  /** Faults last 250–700 ms; a silent printer 2–3 s, long enough for whole prints to time out against it. */
  start(): void {
    this.running = true;
    this.loop = (async () => {
      let faults: FakePrinterMode[] = [];
      while (this.running) {
        await sleep(this.mode === 'silent' ? between(2000, 3000) : between(250, 700));
        if (!this.running) break;
        if (faults.length === 0) faults = shuffle<FakePrinterMode>(['offline', 'paper_out', 'silent']);
        this.set(this.mode === 'ok' ? (faults.shift() ?? 'offline') : 'ok');
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  during(t0: number, t1: number): FakePrinterMode[] {
    const before = this.timeline.filter((x) => x.at <= t0).pop()?.mode ?? 'ok';
    return [...new Set([before, ...this.timeline.filter((x) => x.at > t0 && x.at <= t1).map((x) => x.mode)])];
  }
}

function shuffle<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, r: Math.random() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.item);
}

/** printer:restored events the hub owes: one per good print that follows one or more faults. */
export function expectedRestored(prints: readonly PrintOutcome[]): number {
  let open = false;
  let restored = 0;
  for (const p of prints) {
    if (p.answer === 'ok' && open) restored += 1;
    open = p.answer !== 'ok';
  }
  return restored;
}
