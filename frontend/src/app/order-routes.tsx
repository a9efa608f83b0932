import { useMe } from '../features/auth/api/get-me';
import { OrderChangePage } from '../features/orders/components/order-change-page';
import { OrderDetailPage } from '../features/orders/components/order-detail-page';
import { OrderEntryPage } from '../features/orders/components/order-entry-page';
import { OrderStatisticsPage } from '../features/orders/components/order-statistics-page';
import { OrdersPage } from '../features/orders/components/orders-page';
import { RoutingPage } from '../features/orders/components/routing-page';
import { OrderSetsPage } from '../features/orders/components/order-sets-page';
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
  const me = useMe().data;
  return <OrderDetailPage roles={me?.roles ?? []} userId={me?.id} />;
}

export function OrderEditRoute() {
  const me = useMe().data;
  return <OrderChangePage mode="edit" roles={me?.roles ?? []} userId={me?.id} />;
}

export function OrderReviseRoute() {
  const me = useMe().data;
  return <OrderChangePage mode="revise" roles={me?.roles ?? []} userId={me?.id} />;
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

export function OrderSetsRoute() {
  return <OrderSetsPage />;
}
