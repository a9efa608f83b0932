import type { SafetyAlert } from '../../types/api';

/**
 * Where one click from an alert leads: the knowledge hub's evidence page with a ready PubMed query (both drugs +
 * "interaction" for an interaction, the drug + adverse effects otherwise) and the hospital documents on them.
 * Undefined when the alert names no drug.
 */
export function evidenceHref(alert: SafetyAlert): string | undefined {
  const names = [...new Set((alert.drugs ?? []).map((drug) => drug.name?.trim()).filter((name): name is string => Boolean(name)))];
  if (names.length === 0) return undefined;
  const params = new URLSearchParams();
  params.set('context', alert.type === 'INTERACTION' && names.length > 1 ? 'INTERACTION' : 'DRUG');
  for (const name of names) params.append('terms', name);
  return `/knowledge/evidence?${params.toString()}`;
}
