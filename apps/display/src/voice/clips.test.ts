import { numberToVietnameseWords } from '@qms/core';
import { describe, expect, it } from 'vitest';
import manifestJson from '../../voice/vi/manifest.json';
import { callClips, callSentence, callUtterance, readTicketNumber, ticketWords } from './clips';
import { parseVoicePack, VoicePackError } from './manifest';
import type { VoicePack } from './manifest';

const pack = parseVoicePack(manifestJson);
const OPEN = ['chime.wav', 'moi-cong-dan.wav'];
const TO = 'den-quay-so.wav';
const wavs = (names: string): string[] => names.split(' ').map((n) => `${n}.wav`);

describe('callClips with the default pack', () => {
  it.each([
    ['5', 'nam'],
    ['10', 'muoi'],
    ['15', 'muoi lam'],
    ['21', 'hai muoi-ngang mot-sac'],
    ['105', 'mot tram linh nam'],
    ['1000', 'mot nghin'],
    ['1023', 'mot nghin khong tram hai muoi-ngang ba'],
    ['2024', 'hai nghin khong tram hai muoi-ngang tu'],
  ])('ticket %s at counter 3', (ticket, words) => {
    expect(callClips(pack, ticket, 3)).toEqual([...OPEN, ...wavs(words), TO, 'ba.wav']);
  });

  it.each([
    [1, 'mot'], [2, 'hai'], [3, 'ba'], [4, 'bon'], [5, 'nam'], [6, 'sau'], [7, 'bay'],
    [8, 'tam'], [9, 'chin'], [10, 'muoi'], [11, 'muoi mot'], [12, 'muoi hai'], [13, 'muoi ba'],
    [14, 'muoi bon'], [15, 'muoi lam'], [16, 'muoi sau'], [17, 'muoi bay'], [18, 'muoi tam'],
    [19, 'muoi chin'], [20, 'hai muoi-ngang'],
  ])('counter %i', (counter, words) => {
    expect(callClips(pack, '5', counter)).toEqual([...OPEN, 'nam.wav', TO, ...wavs(words)]);
  });

  it('reads a prefixed number as its letter, then the digits without leading zeros', () => {
    expect(callClips(pack, 'A-023', 2)).toEqual([...OPEN, ...wavs('letter-a hai muoi-ngang ba'), TO, 'hai.wav']);
    expect(callClips(pack, 'B-007', 1)).toEqual([...OPEN, ...wavs('letter-b bay'), TO, 'mot.wav']);
    expect(callClips(pack, 'XY-100', 12)).toEqual([
      ...OPEN, ...wavs('letter-x letter-y mot tram'), TO, ...wavs('muoi hai'),
    ]);
    expect(callClips(pack, 'C-000', 1)).toEqual([...OPEN, ...wavs('letter-c khong'), TO, 'mot.wav']);
  });

  it('has a clip for every letter A–Z', () => {
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      expect(callClips(pack, `${letter}-1`, 1)[2]).toBe(`letter-${letter.toLowerCase()}.wav`);
    }
  });

  it('has a clip for every word of 0..2000 and of every multiple of 37 up to 99 999', () => {
    const numbers = Array.from({ length: 2001 }, (_, i) => i);
    for (let n = 37; n <= 99_999; n += 37) numbers.push(n);
    numbers.push(99_999);
    for (const n of numbers) {
      const files = callClips(pack, String(n), 1);
      expect(files).toHaveLength(numberToVietnameseWords(n).split(' ').length + 4);
    }
  });

  it('throws a clear error for a word the pack lacks', () => {
    const small: VoicePack = { ...pack, words: { ...pack.words } };
    delete small.words['nghìn'];
    expect(() => callClips(small, '1023', 1)).toThrow(VoicePackError);
    expect(() => callClips(small, '1023', 1)).toThrow('no clip for the word "nghìn" (in 1023)');
    expect(() => callClips(pack, '1000000', 1)).toThrow('no clip for the word "triệu"');
  });

  it('throws a clear error for a letter the pack lacks', () => {
    const clips = { ...pack.clips };
    delete clips['letter-q'];
    expect(() => callClips({ ...pack, clips }, 'Q-1', 1)).toThrow('no clip "letter-q" (letter Q)');
  });

  it('refuses what is not a ticket number or a counter number', () => {
    expect(() => callClips(pack, 'A--1', 1)).toThrow('Cannot read ticket number "A--1"');
    expect(() => callClips(pack, '', 1)).toThrow(VoicePackError);
    expect(() => callClips(pack, '1', 1.5)).toThrow('Cannot read counter number 1.5');
    expect(() => callClips(pack, '1', -1)).toThrow(VoicePackError);
  });

  it('follows the phrase of the pack, so a site can reorder or drop the chime', () => {
    const site: VoicePack = { ...pack, phrases: { call: ['{number}', 'den-quay-so', '{counter}'] } };
    expect(callClips(site, '7', 2)).toEqual(['bay.wav', TO, 'hai.wav']);
  });
});

describe('readTicketNumber', () => {
  it('splits the prefix from the value', () => {
    expect(readTicketNumber('1023')).toEqual({ letters: [], value: 1023 });
    expect(readTicketNumber('A-023')).toEqual({ letters: ['A'], value: 23 });
    expect(readTicketNumber(' ab007 ')).toEqual({ letters: ['A', 'B'], value: 7 });
  });
});

describe('callSentence', () => {
  it('is the whole call in Vietnamese', () => {
    expect(callSentence('1023', 3)).toBe(
      'Mời công dân có số thứ tự một nghìn không trăm hai mươi ba đến quầy số ba',
    );
    expect(callSentence('2024', 15)).toBe(
      'Mời công dân có số thứ tự hai nghìn không trăm hai mươi tư đến quầy số mười lăm',
    );
  });

  it('names the letters of a prefix', () => {
    expect(ticketWords('A-023')).toBe('a hai mươi ba');
    expect(callSentence('W-5', 21)).toBe('Mời công dân có số thứ tự đúp-lờ-vê năm đến quầy số hai mươi mốt');
  });

  it('says the same words as the default pack’s clips', () => {
    const texts = pack.texts ?? {};
    const fileToText = new Map(Object.entries(pack.clips).map(([key, file]) => [file, texts[key] ?? '']));
    for (const [ticket, counter] of [['1023', 3], ['A-023', 15], ['ZQ-105', 20], ['99999', 1]] as const) {
      const spoken = callClips(pack, ticket, counter).map((f) => fileToText.get(f)).filter((t) => t !== '');
      expect(spoken.join(' ')).toBe(callSentence(ticket, counter));
    }
  });

  it('comes with the clips in one utterance', () => {
    expect(callUtterance(pack, '5', 1)).toEqual({
      files: [...OPEN, 'nam.wav', TO, 'mot.wav'],
      text: 'Mời công dân có số thứ tự năm đến quầy số một',
    });
  });
});
