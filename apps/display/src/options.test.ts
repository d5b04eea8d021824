import { describe, expect, it } from 'vitest';
import { displayOptions, showsCounter, showsField } from './options';

describe('display options', () => {
  it('defaults: everything, voice clips at full volume', () => {
    expect(displayOptions({}, new URLSearchParams())).toEqual({ counters: null, fields: null, notice: '', voice: 'clips', volume: 1 });
  });

  it('device settings, overridden by URL parameters', () => {
    const settings = { counters: [1, 2, 3], fields: ['cu-tru'], notice: 'Thông báo', voice: 'speech', volume: 0.5 };
    expect(displayOptions(settings, new URLSearchParams())).toMatchObject({ counters: [1, 2, 3], fields: ['cu-tru'], voice: 'speech', volume: 0.5 });
    const o = displayOptions(settings, new URLSearchParams('counters=4,5&voice=off&volume=80'));
    expect(o).toMatchObject({ counters: [4, 5], fields: ['cu-tru'], voice: 'off', volume: 0.8, notice: 'Thông báo' });
    expect(showsCounter(o, 4)).toBe(true);
    expect(showsCounter(o, 1)).toBe(false);
    expect(showsField(o, 'cu-tru')).toBe(true);
    expect(showsField(o, 'chung-thuc')).toBe(false);
  });

  it('ignores nonsense: bad numbers, hostile field ids, out-of-range volume', () => {
    const o = displayOptions({}, new URLSearchParams('counters=a,-1,2.5&fields=<script>&volume=900&voice=loud'));
    expect(o).toEqual({ counters: null, fields: null, notice: '', voice: 'clips', volume: 1 });
  });
});
