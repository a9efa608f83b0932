import { useMe } from '../features/auth/api/get-me';
import { OrderDetailPage } from '../features/orders/components/order-detail-page';
import { OrderEntryPage } from '../features/orders/components/order-entry-page';
import { OrderStatisticsPage } from '../features/orders/components/order-statistics-page';
import { OrdersPage } from '../features/orders/components/orders-page';
import { RoutingPage } from '../features/orders/components/routing-page';
import { WorklistPage } from '../features/orders/components/worklist-page';

// The orders feature learns the signed-in user's roles and departments from here (features never import each other).
function useRoles(): readonly string[] {
  return useMe().data?.roles ?? [];
}

export function OrdersRoute() {
  return <OrdersPage mine={useRoles().includes('DOCTOR')} />;
}

export function OrderEntryRoute() {
  return <OrderEntryPage />;
}

export function OrderDetailRoute() {
  return <OrderDetailPage roles={useRoles()} />;
}

export function WorklistRoute() {
  const me = useMe().data;
  return <WorklistPage roles={me?.roles ?? []} ownDepartments={me?.departments ?? []} />;
}

export function OrderStatisticsRoute() {
  return <OrderStatisticsPage />;
}

export function RoutingRoute() {
  return <RoutingPage />;
}
