/** What the knowledge hub's evidence page is asked for (the server's `Evidence.Context`). */
export type EvidenceKind = 'INTERACTION' | 'DRUG' | 'DIAGNOSIS' | 'ORDER';

/**
 * The knowledge hub's evidence page for a clinical context: a ready PubMed query and the hospital documents on the
 * same terms. Undefined when there is no term.
 */
export function evidencePath(context: EvidenceKind, terms: readonly (string | undefined | null)[]): string | undefined {
  const clean = [...new Set(terms.map((term) => term?.trim()).filter((term): term is string => Boolean(term)))];
  if (clean.length === 0) return undefined;
  const params = new URLSearchParams();
  params.set('context', context);
  for (const term of clean) params.append('terms', term);
  return `/knowledge/evidence?${params.toString()}`;
}

/** The name part of an order's one-line summary ("Amoxicillin 500 mg PO TID" → "Amoxicillin"). */
export function orderEvidenceTerm(summary: string | undefined | null): string | undefined {
  const name = (summary ?? '').split(/\s+\d|[·,(]/)[0]?.trim();
  return name || undefined;
}
