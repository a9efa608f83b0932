import { useMe } from '../features/auth/api/get-me';
import { ModelsPage } from '../features/ai/components/models-page';
import { AI_DASHBOARD_ROLES, AI_RUNNER_ROLES, hasAnyRole } from '../lib/roles';

// The ai feature learns the signed-in user's roles from here (features never import each other).
export function ModelsRoute() {
  const roles = useMe().data?.roles;
  return (
    <ModelsPage canSeeDashboards={hasAnyRole(roles, AI_DASHBOARD_ROLES)} canRunModels={hasAnyRole(roles, AI_RUNNER_ROLES)} />
  );
}
