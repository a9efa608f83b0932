import { useMe } from '../features/auth/api/get-me';
import { ImagingPage } from '../features/imaging/components/imaging-page';
import { IMAGING_UPLOADER_ROLES, hasAnyRole } from '../lib/roles';

// The imaging feature learns the signed-in user's roles from here (features never import each other).
export function ImagingRoute() {
  return <ImagingPage canUpload={hasAnyRole(useMe().data?.roles, IMAGING_UPLOADER_ROLES)} />;
}
