import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/** Open dialogs, innermost last: only the innermost one answers Esc and keeps the focus. */
const open: Array<RefObject<HTMLElement | null>> = [];

/** True while any modal dialog is on screen (officer shortcuts are off then). */
export function anyDialogOpen(doc: Document = document): boolean {
  return doc.querySelector('[aria-modal="true"]') !== null;
}

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Where the focus goes when a dialog opens: `[data-autofocus]`, else its first field, else its box. */
function initialFocus(root: HTMLElement): HTMLElement {
  const wanted = root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>(FIELDS);
  if (wanted) return wanted;
  const box = root.querySelector<HTMLElement>('.modal-box') ?? root;
  if (!box.hasAttribute('tabindex')) box.setAttribute('tabindex', '-1');
  return box;
}

/**
 * Makes the element in `ref` own the keyboard while it is mounted: focus moves into it (and is
 * kept there), Esc calls `onClose`, and when it closes the focus goes back where it was.
 */
export function useDialogKeys(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    open.push(ref);
    initialFocus(root).focus();
    const innermost = (): boolean => open[open.length - 1] === ref;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || !innermost()) return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    const onFocus = (e: FocusEvent): void => {
      if (innermost() && e.target instanceof Node && !root.contains(e.target)) initialFocus(root).focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus);
      open.splice(open.indexOf(ref), 1);
      if (open.length === 0 && before?.isConnected) before.focus();
    };
  }, [ref]);
}

interface ModalProps {
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  label?: string;
}

/** A modal dialog (`.modal` backdrop) that owns the keyboard; see useDialogKeys. */
export function Modal({ onClose, children, className, testId, label }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogKeys(ref, onClose);
  return (
    <div ref={ref} className={`modal${className ? ` ${className}` : ''}`} role="dialog" aria-modal="true" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
