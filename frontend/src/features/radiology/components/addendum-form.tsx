import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { problemMessage } from '../../../lib/problem-message';
import { useAddAddendum } from '../api/report-mutations';
import { SignConfirmDialog } from './sign-confirm-dialog';

/** A signed addendum to a signed report (a correction or a supplement); it cannot be changed afterwards either. */
export function AddendumForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const add = useAddAddendum();
  const [body, setBody] = useState('');
  const [critical, setCritical] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  // like the report, the addendum is signed only after a confirmation that says so (and names a critical finding)
  const askToSign = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    setConfirming(true);
  };
  const sign = () =>
    add.mutate(
      { id: reportId, body: body.trim(), critical },
      {
        onSuccess: () => {
          setBody('');
          setCritical(false);
        },
      },
    );
  return (
    <form noValidate onSubmit={askToSign} className="space-y-2" data-testid="addendum-form">
      <FormField id="addendum-body" label={t('radiology.addendum.label')} error={error} hint={t('radiology.addendum.hint')}>
        <textarea
          id="addendum-body"
          data-testid="addendum-body"
          rows={3}
          maxLength={10000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
        />
      </FormField>
      <div>
        <Checkbox id="addendum-critical" label={t('radiology.criticalFlag')} checked={critical} onChange={(e) => setCritical(e.target.checked)} />
      </div>
      {add.isError ? <Alert tone="error">{problemMessage(add.error, t)}</Alert> : null}
      <Button type="submit" disabled={add.isPending} data-testid="addendum-submit">
        {t('radiology.addendum.submit')}
      </Button>
      <SignConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('radiology.addendum.confirmTitle')}
        description={t('radiology.addendum.confirmDescription')}
        confirmLabel={t('radiology.addendum.confirm')}
        critical={critical}
        busy={add.isPending}
        testId="addendum-sign-confirm"
        onConfirm={sign}
      />
    </form>
  );
}
