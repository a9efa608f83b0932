/** Drops empty values so that `?q=&role=` is never sent. */
export function compactParams<T extends Record<string, unknown>>(params: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(params) as [keyof T, T[keyof T]][]) {
    if (value !== undefined && value !== null && value !== '') result[key] = value;
  }
  return result;
}

/** A 0-based page number from a URL search parameter. */
export function pageParam(value: string | null): number {
  const page = Number.parseInt(value ?? '', 10);
  return Number.isFinite(page) && page > 0 ? page : 0;
}

export const PAGE_SIZE = 20;
