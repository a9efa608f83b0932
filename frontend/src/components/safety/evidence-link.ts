import { evidencePath } from '../../lib/evidence';
import type { SafetyAlert } from '../../types/api';

/**
 * Where one click from an alert leads: the knowledge hub's evidence page with a ready PubMed query (both drugs +
 * "interaction" for an interaction, the drug + adverse effects otherwise) and the hospital documents on them.
 * Undefined when the alert names no drug.
 */
export function evidenceHref(alert: SafetyAlert): string | undefined {
  const names = [...new Set((alert.drugs ?? []).map((drug) => drug.name?.trim()).filter((name): name is string => Boolean(name)))];
  return evidencePath(alert.type === 'INTERACTION' && names.length > 1 ? 'INTERACTION' : 'DRUG', names);
}
