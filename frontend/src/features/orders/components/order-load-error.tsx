import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { isApiProblem } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-message';

/** Why an order could not be loaded: "not found" (404, also what the server answers for an order one may not see) or the problem. */
export function OrderLoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isApiProblem(error) && error.status === 404;
  return <Alert tone={notFound ? 'warning' : 'error'}>{notFound ? t('orders.detail.notFound') : problemMessage(error, t)}</Alert>;
}
