import { useMe } from '../features/auth/api/get-me';
import { KnowledgePage } from '../features/knowledge/components/knowledge-page';
import { ADMIN_ROLES, hasAnyRole, KNOWLEDGE_AUTHOR_ROLES } from '../lib/roles';

// The knowledge feature learns from here whether the signed-in user may upload documents (features never import
// each other).
export function KnowledgeRoute() {
  const roles = useMe().data?.roles;
  return <KnowledgePage canUpload={hasAnyRole(roles, KNOWLEDGE_AUTHOR_ROLES)} isAdmin={hasAnyRole(roles, ADMIN_ROLES)} />;
}
