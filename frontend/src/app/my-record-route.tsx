import { useMe } from '../features/auth/api/get-me';
import { MyRecordPage } from '../features/patients/components/my-record-page';

/** Hands the signed-in patient's own patient id to the patients feature. */
export function MyRecordRoute() {
  const me = useMe();
  return <MyRecordPage patientId={me.data?.patientId} />;
}
