import { describe, expect, it } from 'vitest';
import { type KeyInput, classifyShortcut, shouldBlockInput } from './shortcuts';

/** "Ctrl+Shift+R" → modifiers and key (the key itself may be "+"). */
function key(combo: string, type = 'keyDown'): KeyInput {
  const mods: string[] = [];
  let rest = combo;
  for (let m = /^(Ctrl|Cmd|Shift|Alt)\+(.+)$/.exec(rest); m; m = /^(Ctrl|Cmd|Shift|Alt)\+(.+)$/.exec(rest)) {
    mods.push(m[1] ?? '');
    rest = m[2] ?? '';
  }
  const has = (m: string) => mods.includes(m);
  return { key: rest, control: has('Ctrl'), meta: has('Cmd'), shift: has('Shift'), alt: has('Alt'), type };
}

describe('shouldBlockInput in production', () => {
  it.each([
    // reload
    ['F5', 'reload'],
    ['Ctrl+F5', 'reload'],
    ['Ctrl+r', 'reload'],
    ['Cmd+r', 'reload'],
    ['Ctrl+Shift+R', 'reload'],
    ['BrowserRefresh', 'reload'],
    // devtools
    ['F12', 'devtools'],
    ['Ctrl+Shift+I', 'devtools'],
    ['Ctrl+Shift+J', 'devtools'],
    ['Ctrl+Shift+C', 'devtools'],
    ['Cmd+Alt+i', 'devtools'],
    // zoom
    ['Ctrl+=', 'zoom'],
    ['Ctrl+Shift++', 'zoom'],
    ['Ctrl+-', 'zoom'],
    ['Ctrl+0', 'zoom'],
    ['Cmd+=', 'zoom'],
    ['ZoomIn', 'zoom'],
    // close / quit
    ['Alt+F4', 'close'],
    ['Ctrl+w', 'close'],
    ['Ctrl+Shift+W', 'close'],
    ['Ctrl+q', 'close'],
    ['Cmd+q', 'close'],
    ['Ctrl+F4', 'close'],
    // history
    ['Alt+ArrowLeft', 'history'],
    ['Alt+ArrowRight', 'history'],
    ['BrowserBack', 'history'],
    ['Cmd+[', 'history'],
    // browser chrome
    ['Ctrl+p', 'browser'],
    ['Ctrl+s', 'browser'],
    ['Ctrl+o', 'browser'],
    ['Ctrl+n', 'browser'],
    ['Ctrl+u', 'browser'],
  ])('%s is blocked (%s)', (combo, reason) => {
    expect(classifyShortcut(key(combo))).toBe(reason);
    expect(shouldBlockInput(key(combo), true)).toBe(true);
    expect(shouldBlockInput(key(combo, 'keyUp'), true)).toBe(true);
  });

  it.each(['a', 'Shift+A', '1', 'Enter', 'Backspace', 'Escape', 'ArrowLeft', 'Tab', ' ', 'Ctrl+c', 'Ctrl+v', 'Ctrl+a', 'Shift+I', 'Alt+r', 'F1'])(
    '%s passes through to the page',
    (combo) => {
      expect(classifyShortcut(key(combo))).toBeNull();
      expect(shouldBlockInput(key(combo), true)).toBe(false);
    },
  );

  it('only key presses are judged, not other input types', () => {
    expect(shouldBlockInput(key('F5', 'char'), true)).toBe(false);
    expect(shouldBlockInput(key('F5', 'rawKeyDown'), true)).toBe(true);
  });
});

describe('shouldBlockInput in development', () => {
  it.each(['F5', 'F12', 'Ctrl+Shift+I', 'Ctrl+r', 'Alt+F4', 'Ctrl+=', 'Ctrl+w'])('%s is allowed', (combo) => {
    expect(shouldBlockInput(key(combo), false)).toBe(false);
  });
});
