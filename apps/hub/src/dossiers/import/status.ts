/** Dossier status words as offices and the national portal write them, mapped to ImportStatus. */
import { foldText } from './sheet';
import type { ImportStatus } from './types';

const WORDS: Record<ImportStatus, readonly string[]> = {
  processing: ['dang xu ly', 'dang giai quyet', 'processing', 'in progress'],
  needs_supplement: ['can bo sung', 'bo sung ho so', 'yeu cau bo sung', 'yeu cau bo sung ho so', 'yeu cau bo sung giay to', 'needs supplement'],
  rejected: ['tu choi', 'tra lai', 'tra lai tu choi', 'rejected'],
  result_ready: ['co ket qua', 'da co ket qua', 'da giai quyet', 'da xu ly xong', 'result ready'],
  returned: ['da tra ket qua', 'returned', 'result returned'],
};

const BY_WORD = new Map<string, ImportStatus>(
  (Object.entries(WORDS) as Array<[ImportStatus, readonly string[]]>).flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);

/** The status a cell names (any case, with or without diacritics, `_` or spaces), or null. */
export function parseStatus(text: string): ImportStatus | null {
  return BY_WORD.get(foldText(text)) ?? null;
}
