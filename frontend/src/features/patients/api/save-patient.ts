import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { hospitalDay } from '../../../lib/time';
import { isoDate, requiredText } from '../../../lib/validation';
import type { PatientView, RegisterPatientRequest, UpdatePatientRequest } from '../../../types/api';

// Mirrors PatientRequests.PHONE and PatientRequests.RRN on the server.
export const PHONE_PATTERN =
  /^(01[016789]-?\d{3,4}-?\d{4}|02-?\d{3,4}-?\d{4}|0[3-6][1-5]-?\d{3,4}-?\d{4}|070-?\d{4}-?\d{4}|1[568]\d{2}-?\d{4})$/;
export const RRN_PATTERN = /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-?[1-8]\d{6}$/;

export const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;

const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').optional();
const optionalPhone = () =>
  z.string().trim().regex(PHONE_PATTERN, 'patients.validation.phone').optional().or(z.literal(''));

export const patientFormSchema = z.object({
  name: requiredText().pipe(z.string().max(100, 'validation.tooLong')),
  nameLatin: optionalText(100),
  birthDate: isoDate().refine((d) => d <= hospitalDay(), 'patients.validation.notFuture'),
  sex: z.enum(['M', 'F', 'O', 'U'], 'validation.required'),
  phone: optionalPhone(),
  address: optionalText(300),
  bloodType: z.enum(BLOOD_TYPES).optional(),
  emergencyContactName: optionalText(100),
  emergencyContactPhone: optionalPhone(),
  rrn: z.string().trim().regex(RRN_PATTERN, 'patients.validation.rrn').optional().or(z.literal('')),
});

export type PatientForm = z.infer<typeof patientFormSchema>;

/** Empty strings become absent fields (the server treats them alike). */
function clean<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== '' && v !== undefined)) as T;
}

/** POST /api/patients: the new patient with a generated MRN (201). */
export async function registerPatient(body: RegisterPatientRequest): Promise<PatientView> {
  const { data } = await apiClient.post<PatientView>('/api/patients', clean(body));
  return data;
}

/** PUT /api/patients/{id}: 409 stale-version when someone else saved first (nothing is overwritten). */
export async function updatePatient({ id, body }: { id: string; body: UpdatePatientRequest }): Promise<PatientView> {
  const { data } = await apiClient.put<PatientView>(`/api/patients/${encodeURIComponent(id)}`, clean(body));
  return data;
}

export function useRegisterPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerPatient,
    meta: { successMessage: 'toast.patientRegistered' },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients', 'search'] }),
  });
}

export function useUpdatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePatient,
    meta: { successMessage: 'toast.patientSaved' },
    onSuccess: (patient, { id }) => {
      queryClient.setQueryData(['patients', 'detail', id], patient);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'history', id] });
      void queryClient.invalidateQueries({ queryKey: ['patients', 'search'] });
    },
  });
}
