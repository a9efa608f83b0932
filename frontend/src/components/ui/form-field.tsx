import type { ReactNode } from 'react';
import { Label } from './label';

/** A label, its control and the control's error message, bound together for screen readers. */
export function FormField({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="min-h-0 text-sm text-rose-700" aria-live="polite" data-testid={`${id}-error`}>
        {error}
      </p>
    </div>
  );
}

/** Props that bind an input to its FormField's error message. */
export function fieldProps(id: string, error?: string) {
  return {
    id,
    name: id,
    invalid: Boolean(error),
    'aria-describedby': `${id}-error`,
  };
}
