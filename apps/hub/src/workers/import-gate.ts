/**
 * One bulk import at a time (dossiers or the procedure catalog): a second one while the first
 * is read, checked or applied is refused with BUSY, so two imports never interleave their chunks.
 */
import { DomainError } from '@qms/core';

export type ImportKind = 'dossiers' | 'procedures';

const LABEL: Record<ImportKind, string> = { dossiers: 'hồ sơ trực tuyến', procedures: 'danh mục thủ tục' };

export class ImportGate {
  private current: ImportKind | null = null;

  get running(): ImportKind | null {
    return this.current;
  }

  async run<T>(kind: ImportKind, fn: () => Promise<T>): Promise<T> {
    if (this.current) {
      throw new DomainError('BUSY', `Đang nhập một tệp ${LABEL[this.current]}; hãy thử lại khi việc đó xong.`, { running: this.current });
    }
    this.current = kind;
    try {
      return await fn();
    } finally {
      this.current = null;
    }
  }
}

/** Gives the event loop a turn (sockets, timers, other requests) between two chunks of work. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
