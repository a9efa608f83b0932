import { useMe } from '../features/auth/api/get-me';
import { ModelsPage } from '../features/ai/components/models-page';
import { AI_DASHBOARD_ROLES, hasAnyRole } from '../lib/roles';

// The ai feature learns the signed-in user's roles from here (features never import each other).
export function ModelsRoute() {
  return <ModelsPage canSeeDashboards={hasAnyRole(useMe().data?.roles, AI_DASHBOARD_ROLES)} />;
}
