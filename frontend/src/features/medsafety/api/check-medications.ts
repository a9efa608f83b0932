import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import type { MedicationCheckRequest, MedicationCheckResult } from '../../../types/api';

const drugRef = {
  ingredientId: z.string().max(20).optional(),
  name: z.string().max(200).optional(),
};

/** Mirrors MedicationCheckRequest (sizes and ranges); the server decides what is safe. */
export const medicationCheckSchema = z.object({
  patientId: z.guid().optional(),
  proposed: z
    .array(
      z.object({
        ...drugRef,
        dose: z.number().positive('validation.positive').optional(),
        unit: z.string().max(20).optional(),
        frequencyPerDay: z.number().int().min(1, 'validation.frequency').max(48, 'validation.frequency').optional(),
      }),
    )
    .min(1, 'validation.proposedRequired')
    .max(100),
  activeMedications: z.array(z.object(drugRef)).max(200).optional(),
  allergies: z.array(z.object({ allergenId: z.string().max(60).optional(), text: z.string().max(200).optional() })).max(100).optional(),
  ageYears: z.number().int('validation.age').min(0, 'validation.age').max(150, 'validation.age').optional(),
  weightKg: z.number().positive('validation.weight').max(500, 'validation.weight').optional(),
}) satisfies z.ZodType<MedicationCheckRequest>;

/** POST /api/medsafety/check: alerts for the proposed drugs against the active ones and the allergies. */
export async function checkMedications(request: MedicationCheckRequest): Promise<MedicationCheckResult> {
  const { data } = await apiClient.post<MedicationCheckResult>('/api/medsafety/check', request);
  return data;
}

export function useCheckMedications() {
  return useMutation({ mutationFn: checkMedications });
}
