import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../../components/ui/dialog';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { useVoidEncounter, voidEncounterSchema } from '../api/void-encounter';

/**
 * A doctor marks a visit recorded by mistake as entered in error: the dialog asks for the (required) reason; what
 * was recorded stays, nothing more can be. A refusal (409: voided already) is said in the dialog.
 */
export function VoidEncounterButton({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation();
  const voiding = useVoidEncounter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const problem = voiding.error ? toApiProblem(voiding.error) : null;
  const reasonError = error ?? problemFieldErrors(problem).reason;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setReason('');
      setError(undefined);
      voiding.reset();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = voidEncounterSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).reason);
      return;
    }
    setError(undefined);
    voiding.mutate({ id: encounterId, reason: parsed.data.reason }, { onSuccess: () => onOpenChange(false) });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="void-encounter">
          {t('records.void.action')}
        </Button>
      </DialogTrigger>
      <DialogContent title={t('records.void.title')} description={t('records.void.description')}>
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          {problem && !problemFieldErrors(problem).reason ? (
            <Alert tone="error" data-testid="void-encounter-error">
              {problemMessage(voiding.error, t)}
            </Alert>
          ) : null}
          <FormField id="void-reason" label={t('records.void.reason')} error={reasonError}>
            <Input
              {...fieldProps('void-reason', reasonError)}
              data-testid="void-reason"
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </FormField>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {t('common.cancel')}
              </Button>
            </DialogClose>
            <Button type="submit" variant="danger" data-testid="void-submit" disabled={voiding.isPending}>
              {t('records.void.submit')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
