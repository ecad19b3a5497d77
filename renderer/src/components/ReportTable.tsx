/**
 * The frame of a report's table (reconciliation, vessels, voyages): the scrolling wrapper, the
 * caption and one header row, numeric columns aligned right; the body is the caller's.
 */
import type { ReactNode } from 'react';

/** What a figure not known yet shows: a dash, hidden from screen readers. */
export const DASH = <span aria-hidden="true">—</span>;

export interface HeadColumn {
  label: string;
  numeric?: boolean;
}

/** Header columns of figures, each right-aligned. */
export function numericColumns(labels: readonly string[]): HeadColumn[] {
  return labels.map((label) => ({ label, numeric: true }));
}

export function ReportTable(props: {
  className: string;
  testId: string;
  caption: string;
  columns: readonly HeadColumn[];
  children: ReactNode;
}) {
  const { className, testId, caption, columns, children } = props;
  return (
    <div className="dash-table-wrap">
      <table className={className} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {/* By place: two columns may be worded alike in some language. */}
            {columns.map((column, place) => (
              <th key={place} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
