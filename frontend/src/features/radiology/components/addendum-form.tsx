import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { FormField } from '../../../components/ui/form-field';
import { problemMessage } from '../../../lib/problem-message';
import { useAddAddendum } from '../api/report-mutations';

/** A signed addendum to a signed report (a correction or a supplement); it cannot be changed afterwards either. */
export function AddendumForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const add = useAddAddendum();
  const [body, setBody] = useState('');
  const [critical, setCritical] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    add.mutate(
      { id: reportId, body: body.trim(), critical },
      {
        onSuccess: () => {
          setBody('');
          setCritical(false);
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={submit} className="space-y-2" data-testid="addendum-form">
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
    </form>
  );
}
