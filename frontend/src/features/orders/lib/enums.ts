import type {
  CancelCause,
  LabFlag,
  Laterality,
  MedicationFrequency,
  MedicationRoute,
  Modality,
  OrderPriority,
  OrderStatus,
  OrderType,
} from '../../../types/api';

// The server's enums, in display order; `satisfies` keeps them in step with the generated types.
export const ORDER_TYPES = ['MEDICATION', 'LAB_TEST', 'IMAGING', 'TISSUE_EXAM'] as const satisfies readonly OrderType[];
/** Most urgent first, as worklists sort. */
export const PRIORITIES = ['EMERGENCY', 'STAT', 'URGENT', 'ROUTINE'] as const satisfies readonly OrderPriority[];
export const STATUSES = ['PENDING', 'SENT', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const satisfies readonly OrderStatus[];
export const ROUTES = ['PO', 'SL', 'IV', 'IM', 'SC', 'INH', 'TOP', 'PR', 'NAS', 'OPH'] as const satisfies readonly MedicationRoute[];
export const FREQUENCIES = ['ONCE', 'QD', 'BID', 'TID', 'QID', 'Q4H', 'Q6H', 'Q8H', 'Q12H', 'QHS', 'QW', 'PRN'] as const satisfies readonly MedicationFrequency[];
export const DOSE_UNITS = ['mg', 'g', 'mcg', 'mL', 'IU', 'unit', 'tablet', 'capsule', 'puff', 'drop'] as const;
export const MODALITIES = ['CT', 'MR', 'CR', 'DX', 'US', 'MG'] as const satisfies readonly Modality[];
export const LATERALITIES = ['NOT_APPLICABLE', 'LEFT', 'RIGHT', 'BILATERAL'] as const satisfies readonly Laterality[];
export const SPECIMENS = ['BLOOD', 'SERUM', 'PLASMA', 'URINE', 'CSF', 'SWAB', 'OTHER'] as const;
export const CANCEL_CAUSES = ['REQUESTED', 'WITHDRAWN', 'REPLACED', 'RETURNED'] as const satisfies readonly CancelCause[];
export const LAB_FLAGS = ['NORMAL', 'LOW', 'HIGH', 'CRITICAL_LOW', 'CRITICAL_HIGH', 'NOT_NUMERIC'] as const satisfies readonly LabFlag[];

export const PRIORITY_TONE: Record<OrderPriority, 'danger' | 'warning' | 'info' | 'neutral'> = {
  EMERGENCY: 'danger',
  STAT: 'danger',
  URGENT: 'warning',
  ROUTINE: 'neutral',
};

export const STATUS_TONE: Record<OrderStatus, 'neutral' | 'info' | 'warning' | 'success' | 'danger'> = {
  PENDING: 'neutral',
  SENT: 'info',
  IN_PROGRESS: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'danger',
};
