import { useMe } from '../features/auth/api/get-me';
import { KnowledgePage } from '../features/knowledge/components/knowledge-page';
import { ADMIN_ROLES, hasAnyRole, KNOWLEDGE_AUTHOR_ROLES } from '../lib/roles';

// The knowledge feature learns from here whether the signed-in user may upload documents (features never import
// each other).
// A department's documents are published by its members (and administrators): the upload offers those departments.
export function KnowledgeRoute() {
  const me = useMe().data;
  const roles = me?.roles;
  const isAdmin = hasAnyRole(roles, ADMIN_ROLES);
  const ownDepartments = isAdmin ? undefined : (me?.departments ?? []).flatMap((d) => (d.id ? [d.id] : []));
  return (
    <KnowledgePage
      canUpload={hasAnyRole(roles, KNOWLEDGE_AUTHOR_ROLES)}
      isAdmin={isAdmin}
      uploadDepartments={ownDepartments}
    />
  );
}
