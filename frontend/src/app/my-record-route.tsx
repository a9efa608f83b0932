import { useMe } from '../features/auth/api/get-me';
import { MyRecordPage } from '../features/patients/components/my-record-page';
import { PortalReports } from '../features/radiology/components/portal-reports';
import { EncounterList } from '../features/records/components/encounter-list';

/**
 * Hands the signed-in patient's own patient id to the patients feature, with the visit history from records and the
 * signed imaging reports from radiology.
 */
export function MyRecordRoute() {
  const me = useMe();
  const patientId = me.data?.patientId;
  return (
    <MyRecordPage patientId={patientId}>
      {patientId ? (
        <>
          <EncounterList patientId={patientId} />
          <PortalReports />
        </>
      ) : null}
    </MyRecordPage>
  );
}
