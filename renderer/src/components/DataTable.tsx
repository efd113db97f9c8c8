// A loaded list as the ERP shows it: its error (if any), then either the sentence for "none" or the
// table with its column heads. Nothing while the list is still loading (rows undefined or null).
import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/result';
import { ColumnHeads } from './ColumnHeads';
import { ErrorMessage } from './ErrorMessage';

interface Props<T> {
  error: AppError | null;
  rows: readonly T[] | null | undefined;
  /** The sentence when the list is empty, and its class ('hint' in a panel, 'empty' in a tab). */
  empty: string;
  emptyClass: string;
  className: string;
  label: string;
  columns: string[];
  /** One <tr> per row, with its key. */
  row(item: T, index: number): ReactNode;
}

export function DataTable<T>({ error, rows, empty, emptyClass, className, label, columns, row }: Props<T>) {
  return (
    <>
      <ErrorMessage error={error} />
      {rows && rows.length === 0 && <p className={emptyClass}>{empty}</p>}
      {rows && rows.length > 0 && (
        <table className={className} aria-label={label}>
          <ColumnHeads labels={columns} />
          <tbody>{rows.map(row)}</tbody>
        </table>
      )}
    </>
  );
}
