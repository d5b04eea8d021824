/** Channel words (hình thức nộp) as one-stop systems and the national portal write them. */
import { foldText } from './sheet';
import type { ImportChannel } from './types';

const WORDS: Record<ImportChannel, readonly string[]> = {
  counter: [
    'truc tiep', 'nop truc tiep', 'truc tiep tai bo phan mot cua', 'tai bo phan mot cua', 'tai quay', 'mot cua', 'nop tai quay',
    'counter', 'in person', 'direct',
  ],
  online: [
    'truc tuyen', 'nop truc tuyen', 'truc tuyen toan trinh', 'truc tuyen mot phan', 'dich vu cong truc tuyen', 'dvc truc tuyen',
    'dvctt', 'qua mang', 'online', 'internet',
  ],
  post: [
    'buu chinh', 'dich vu buu chinh', 'buu chinh cong ich', 'dich vu buu chinh cong ich', 'bcci', 'qua buu dien', 'qua buu chinh',
    'buu dien', 'gui qua buu dien', 'post', 'by post', 'mail',
  ],
};

const BY_WORD = new Map<string, ImportChannel>(
  (Object.entries(WORDS) as Array<[ImportChannel, readonly string[]]>).flatMap(([channel, words]) => words.map((w) => [w, channel] as const)),
);

/** The channel a cell names (any case, with or without diacritics), or null: never a guess. */
export function parseChannel(text: string): ImportChannel | null {
  return BY_WORD.get(foldText(text)) ?? null;
}
