import { numberToVietnameseWords } from '@qms/core';
import { COUNTER_SLOT, NUMBER_SLOT, letterKey, VoicePackError } from './manifest';
import type { VoicePack } from './manifest';

/** Vietnamese names of the letters of a ticket prefix, as they are spoken. */
export const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: 'a', B: 'bê', C: 'xê', D: 'dê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi',
  K: 'ca', L: 'e-lờ', M: 'em-mờ', N: 'en-nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e-rờ', S: 'ét',
  T: 'tê', U: 'u', V: 'vê', W: 'đúp-lờ-vê', X: 'ích', Y: 'i dài', Z: 'dét',
};

const CALL_OPENING = 'Mời công dân có số thứ tự';
const CALL_TO_COUNTER = 'đến quầy số';

/** What one announcement says: the clip files in order, and the same sentence as text. */
export interface Utterance {
  readonly files: readonly string[];
  readonly text: string;
}

export interface TicketReading {
  /** Prefix letters, uppercase (`A-023` -> ['A']); empty for numeric tickets. */
  letters: string[];
  /** The digits as a number, leading zeros dropped (`A-023` -> 23). */
  value: number;
}

/** `1023` -> no letters, 1023; `A-023` -> A, 23; `AB-7` and `a023` are read too. */
export function readTicketNumber(ticketNumber: string): TicketReading {
  const match = /^([A-Za-z]{0,3})-?(\d{1,9})$/.exec(ticketNumber.trim());
  if (!match) throw new VoicePackError(`Cannot read ticket number "${ticketNumber}" aloud`);
  const [, prefix = '', digits = ''] = match;
  return { letters: [...prefix.toUpperCase()], value: Number.parseInt(digits, 10) };
}

function assertCounter(counterNumber: number): void {
  if (!Number.isInteger(counterNumber) || counterNumber < 0) {
    throw new VoicePackError(`Cannot read counter number ${counterNumber} aloud`);
  }
}

function clipFile(pack: VoicePack, key: string, what: string): string {
  const file = Object.hasOwn(pack.clips, key) ? pack.clips[key] : undefined;
  if (file === undefined) throw new VoicePackError(`Voice pack "${pack.name}" has no clip "${key}" (${what})`);
  return file;
}

function wordFiles(pack: VoicePack, n: number): string[] {
  return numberToVietnameseWords(n)
    .split(' ')
    .map((word) => {
      const key = Object.hasOwn(pack.words, word) ? pack.words[word] : undefined;
      if (key === undefined) {
        throw new VoicePackError(`Voice pack "${pack.name}" has no clip for the word "${word}" (in ${n})`);
      }
      return clipFile(pack, key, `word "${word}"`);
    });
}

function ticketFiles(pack: VoicePack, ticketNumber: string): string[] {
  const { letters, value } = readTicketNumber(ticketNumber);
  const letterFiles = letters.map((l) => clipFile(pack, letterKey(l), `letter ${l}`));
  return [...letterFiles, ...wordFiles(pack, value)];
}

/**
 * The clip files announcing a call, in order, following the pack's `call` phrase:
 * `1023` at counter 3 -> chime, "Mời công dân có số thứ tự", một nghìn không trăm hai mươi ba,
 * "đến quầy số", ba. Throws VoicePackError when the pack lacks a clip it needs.
 */
export function callClips(pack: VoicePack, ticketNumber: string, counterNumber: number): string[] {
  assertCounter(counterNumber);
  return pack.phrases.call.flatMap((part) => {
    if (part === NUMBER_SLOT) return ticketFiles(pack, ticketNumber);
    if (part === COUNTER_SLOT) return wordFiles(pack, counterNumber);
    return [clipFile(pack, part, 'phrases.call')];
  });
}

/** The words of a ticket number as spoken: `A-023` -> "a hai mươi ba". */
export function ticketWords(ticketNumber: string): string {
  const { letters, value } = readTicketNumber(ticketNumber);
  const names = letters.map((l) => LETTER_NAMES[l] ?? l);
  return [...names, numberToVietnameseWords(value)].join(' ');
}

/** The whole call as one sentence, for speech synthesis and for showing what is said. */
export function callSentence(ticketNumber: string, counterNumber: number): string {
  assertCounter(counterNumber);
  return `${CALL_OPENING} ${ticketWords(ticketNumber)} ${CALL_TO_COUNTER} ${numberToVietnameseWords(counterNumber)}`;
}

export function callUtterance(pack: VoicePack, ticketNumber: string, counterNumber: number): Utterance {
  return { files: callClips(pack, ticketNumber, counterNumber), text: callSentence(ticketNumber, counterNumber) };
}
