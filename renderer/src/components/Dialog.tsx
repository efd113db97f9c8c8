// A modal dialog: focus moves inside, Escape closes, focus returns to where it was.
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A footer button; `kind` is its class (the default action, or one that destroys). With `submits` it is
 * the submit button of the dialog's form of that id (Enter in a field does the same).
 */
export type DialogAction = {
  label: string;
  kind?: 'primary' | 'danger';
  disabled?: boolean;
  /** Focused when the dialog opens (else its first field or button). */ focus?: boolean;
} & ({ onClick(): void } | { submits: string });

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** The footer's buttons in order. */
  footer: DialogAction[];
}

/** The form inside a dialog: laid out as label/field rows, submitted by Enter or the footer's `submits` button. */
export function DialogForm({
  id,
  onSubmit,
  children,
  autoComplete,
}: {
  id: string;
  onSubmit(): void;
  children: ReactNode;
  autoComplete?: 'off';
}) {
  return (
    <form
      id={id}
      className="form-grid"
      autoComplete={autoComplete}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export function Dialog({ title, onClose, children, footer }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first =
      ref.current?.querySelector<HTMLElement>('[data-focus]') ??
      ref.current?.querySelector<HTMLElement>('input, select, button, [tabindex="0"]');
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
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title">
        <div className="dialog-title" id="dialog-title">
          {title}
        </div>
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">
          {footer.map((a) =>
            'submits' in a ? (
              <button key={a.label} type="submit" form={a.submits} className={a.kind} disabled={a.disabled}>
                {a.label}
              </button>
            ) : (
              <button
                key={a.label}
                type="button"
                className={a.kind}
                disabled={a.disabled}
                onClick={a.onClick}
                data-focus={a.focus || undefined}
              >
                {a.label}
              </button>
            ),
          )}
        </div>
      </div>
    </div>
  );
}
