import { useMe } from '../features/auth/api/get-me';
import { ConsultationPage } from '../features/records/components/consultation-page';
import { EncounterPage } from '../features/records/components/encounter-page';
import { NotFoundPage } from './error-pages';

// The records feature learns the signed-in user's roles from here (features never import each other).
export function EncounterRoute() {
  return <EncounterPage roles={useMe().data?.roles} notFound={<NotFoundPage />} />;
}

export function ConsultationRoute() {
  return <ConsultationPage />;
}
