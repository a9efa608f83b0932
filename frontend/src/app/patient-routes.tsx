import { useMe } from '../features/auth/api/get-me';
import { NewPatientPage } from '../features/patients/components/new-patient-page';
import { PatientDetailPage } from '../features/patients/components/patient-detail-page';
import { PatientsPage } from '../features/patients/components/patients-page';
import { hasAnyRole } from '../lib/roles';

// The patients feature learns the signed-in user's roles from here (features never import each other).
const REGISTER_ROLES = ['ADMIN_STAFF', 'DOCTOR', 'NURSE'];

export function PatientsRoute() {
  return <PatientsPage canRegister={hasAnyRole(useMe().data?.roles, REGISTER_ROLES)} />;
}

export function NewPatientRoute() {
  return <NewPatientPage />;
}

export function PatientDetailRoute() {
  return <PatientDetailPage roles={useMe().data?.roles} />;
}
