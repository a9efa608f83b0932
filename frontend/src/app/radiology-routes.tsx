import { useMe } from '../features/auth/api/get-me';
import { ReadingPage } from '../features/radiology/components/reading-page';
import { OrderReportPage, ReportPage } from '../features/radiology/components/report-page';
import { RisWorklistPage } from '../features/radiology/components/ris-worklist-page';

// The radiology feature learns the signed-in user's roles from here (features never import each other).
export function RisWorklistRoute() {
  return <RisWorklistPage />;
}

export function ReadingRoute() {
  return <ReadingPage canWrite={(useMe().data?.roles ?? []).includes('RADIOLOGIST')} />;
}

export function ReportRoute() {
  return <ReportPage />;
}

export function OrderReportRoute() {
  return <OrderReportPage />;
}
