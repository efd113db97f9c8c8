// A modal dialog: focus moves inside, Escape closes, focus returns to where it was.
import { useEffect, useRef, type ReactNode } from 'react';

/** A footer button; `kind` is its class (the default action, or one that destroys). */
interface DialogAction {
  label: string;
  onClick(): void;
  kind?: 'primary' | 'danger';
  disabled?: boolean;
}

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** The footer: buttons in order, or (a form's submit and cancel) any markup. */
  footer: ReactNode | DialogAction[];
}

function isActions(footer: ReactNode | DialogAction[]): footer is DialogAction[] {
  return Array.isArray(footer) && footer.every((a) => typeof a === 'object' && a !== null && 'onClick' in a);
}

export function Dialog({ title, onClose, children, footer }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, button, [tabindex="0"]');
    first?.focus();
    // Escape closes even when focus has left the dialog (e.g. a button became disabled).
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCloseRef.current();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, []);
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
      >
        <div className="dialog-title" id="dialog-title">
          {title}
        </div>
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">
          {isActions(footer)
            ? footer.map((a) => (
                <button key={a.label} type="button" className={a.kind} disabled={a.disabled} onClick={a.onClick}>
                  {a.label}
                </button>
              ))
            : footer}
        </div>
      </div>
    </div>
  );
}
