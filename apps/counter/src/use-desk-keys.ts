import { anyDialogOpen } from '@qms/ui/dialog';
import { useEffect, useRef, type RefObject } from 'react';
import { DeskKeys } from './desk-keys';

const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** Shortcuts work only from the desk itself: focus on the page or on the desk, in no field, no dialog open. */
function deskHasKeyboard(desk: HTMLElement | null): boolean {
  if (!desk || anyDialogOpen()) return false;
  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return true;
  return desk.contains(active) && active.closest(EDITABLE) === null;
}

interface Handlers {
  shortcuts: ReadonlySet<string>;
  onShortcut: (letter: string) => void;
  onScan: (text: string) => void;
}

/**
 * The desk's keyboard (see DeskKeys): one listener on the window, in the capture phase so a scan's
 * keys are stopped before a focused button or select sees them. While a dialog is open the desk
 * ignores the keyboard entirely: the dialog owns it.
 */
export function useDeskKeys(desk: RefObject<HTMLElement | null>, handlers: Handlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const keys = new DeskKeys({
      shortcuts: latest.current.shortcuts,
      onShortcut: (l) => latest.current.onShortcut(l),
      onScan: (text) => latest.current.onScan(text),
      schedule: (fn, ms) => {
        const id = window.setTimeout(fn, ms);
        return () => window.clearTimeout(id);
      },
    });
    const allowed = (): boolean => deskHasKeyboard(desk.current);
    const onKey = (e: KeyboardEvent): void => {
      if (anyDialogOpen()) {
        keys.cancel();
        return;
      }
      const modified = e.ctrlKey || e.altKey || e.metaKey || e.getModifierState('AltGraph');
      const swallow = keys.keydown({ key: e.key, at: e.timeStamp, modified, repeat: e.repeat, composing: e.isComposing }, allowed);
      if (swallow) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const drop = (): void => keys.cancel();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', drop);
    return () => {
      keys.cancel();
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', drop);
    };
  }, [desk]);
}
