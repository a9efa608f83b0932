import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { TableHeaderCell } from './table';

export type SortDirection = 'asc' | 'desc';

/** Parses a `field,asc|desc` sort parameter. */
export function parseSort(sort: string | null | undefined): { field?: string; direction: SortDirection } {
  const [field, direction] = (sort ?? '').split(',');
  return { field: field || undefined, direction: direction === 'desc' ? 'desc' : 'asc' };
}

/** A column header that sorts the table when activated, announcing the order with aria-sort. */
export function SortHeader({
  field,
  sort,
  onSort,
  children,
  className,
}: {
  field: string;
  sort: string | null | undefined;
  onSort: (sort: string) => void;
  children: ReactNode;
  className?: string;
}) {
  const current = parseSort(sort);
  const active = current.field === field;
  const next = active && current.direction === 'asc' ? 'desc' : 'asc';
  return (
    <TableHeaderCell
      className={className}
      aria-sort={active ? (current.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        data-testid={`sort-${field}`}
        onClick={() => onSort(`${field},${next}`)}
        className={cn(
          'inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-slate-900',
          'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500',
          active && 'text-slate-900',
        )}
      >
        {children}
        <span aria-hidden="true" className="text-[10px]">
          {active ? (current.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </TableHeaderCell>
  );
}
