import { apiClient } from '../../../lib/api-client';
import type { CdsCard, CdsPrefetch } from '../lib/basket';

const FHIR_JSON = { Accept: 'application/fhir+json' };

async function fhir(path: string): Promise<unknown> {
  const { data } = await apiClient.get<unknown>(`/fhir/${path}`, { headers: FHIR_JSON });
  return data;
}

/** One collection Bundle of the entries of several searchset Bundles (their resources only). */
export function mergeBundles(...bundles: unknown[]): Record<string, unknown> {
  const entry = bundles.flatMap((b) => ((b as { entry?: { resource?: unknown }[] } | null)?.entry ?? []).map((e) => ({ resource: e.resource })));
  return { resourceType: 'Bundle', type: 'collection', entry };
}

/**
 * The prefetch our CDS Hooks services ask for in their discovery, filled from our own FHIR endpoint with the
 * doctor's session (the same access rules and audit as every FHIR read): the patient, their allergies, active
 * medication orders and latest weight. The weight is optional for the service: `null` when it cannot be read.
 */
export async function fetchPrefetch(patientId: string): Promise<CdsPrefetch> {
  const id = encodeURIComponent(patientId);
  const [patient, allergies, orders, statements, weight] = await Promise.all([
    fhir(`Patient/${id}`),
    fhir(`AllergyIntolerance?patient=${id}`),
    fhir(`MedicationRequest?patient=${id}&status=active`),
    fhir(`MedicationStatement?patient=${id}&status=active`),
    fhir(`Observation?patient=${id}&code=${encodeURIComponent('http://loinc.org|29463-7')}`).catch(() => null),
  ]);
  return { patient, allergies, medications: mergeBundles(orders, statements), weight };
}

/** POST /cds-services/{id}: our medication-safety service's cards for the request. */
export async function callCdsService(serviceId: string, body: Record<string, unknown>): Promise<CdsCard[]> {
  const { data } = await apiClient.post<{ cards?: CdsCard[] }>(`/cds-services/${encodeURIComponent(serviceId)}`, body);
  return data.cards ?? [];
}

/**
 * The patient-view service's summary card of a patient (open orders overdue, results pending, safety overrides), in
 * the UI language; the prefetched Patient comes from our FHIR endpoint like the basket's prefetch.
 */
export async function fetchPatientViewCards(patientId: string): Promise<CdsCard[]> {
  const patient = await fhir(`Patient/${encodeURIComponent(patientId)}`);
  return callCdsService('cdss-patient-view', {
    hook: 'patient-view',
    hookInstance: crypto.randomUUID(),
    context: { userId: 'Practitioner/me', patientId },
    prefetch: { patient },
  });
}
