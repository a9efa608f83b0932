import { useMe } from '../features/auth/api/get-me';
import { OrderBasket } from '../features/orders/components/order-basket';
import { ConsultationPage } from '../features/records/components/consultation-page';
import { EncounterPage } from '../features/records/components/encounter-page';
import { NotFoundPage } from './error-pages';

// The records feature learns the signed-in user's roles from here (features never import each other).
export function EncounterRoute() {
  const me = useMe().data;
  return (
    <EncounterPage
      roles={me?.roles}
      notFound={<NotFoundPage />}
      orderBasket={(patientId) => <OrderBasket patientId={patientId} userId={me?.id} />}
    />
  );
}

export function ConsultationRoute() {
  return <ConsultationPage />;
}
