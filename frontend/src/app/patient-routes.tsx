import { LungRiskSection } from '../features/ai/components/lung-risk-section';
import { useMe } from '../features/auth/api/get-me';
import { PatientViewCard } from '../features/orders/components/patient-view-card';
import { NewPatientPage } from '../features/patients/components/new-patient-page';
import { PatientDetailPage } from '../features/patients/components/patient-detail-page';
import { PatientsPage } from '../features/patients/components/patients-page';
import { EncounterList } from '../features/records/components/encounter-list';
import { TimelineSection } from '../features/records/components/timeline-section';
import { AI_RUNNER_ROLES, CHART_ROLES, DRUG_CHECK_ROLES, hasAnyRole } from '../lib/roles';
import { useParams } from 'react-router-dom';

// The patients feature learns the signed-in user's roles from here (features never import each other).
const REGISTER_ROLES = ['ADMIN_STAFF', 'DOCTOR', 'NURSE'];

export function PatientsRoute() {
  return <PatientsPage canRegister={hasAnyRole(useMe().data?.roles, REGISTER_ROLES)} />;
}

export function NewPatientRoute() {
  return <NewPatientPage />;
}

export function PatientDetailRoute() {
  const roles = useMe().data?.roles;
  const { id = '' } = useParams();
  return (
    <PatientDetailPage roles={roles}>
      {hasAnyRole(roles, DRUG_CHECK_ROLES) ? <PatientViewCard patientId={id} /> : null}
      <EncounterList patientId={id} linked={hasAnyRole(roles, CHART_ROLES)} />
      {hasAnyRole(roles, AI_RUNNER_ROLES) ? <LungRiskSection patientId={id} /> : null}
      {hasAnyRole(roles, CHART_ROLES) ? <TimelineSection patientId={id} /> : null}
    </PatientDetailPage>
  );
}
