import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { Dialog, DialogContent } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';
import type { SafetyAlert } from '../../types/api';
import { needsOverrideReason, OVERRIDE_REASONS, type OverrideReason } from './severity';
import { SafetyAlertList } from './safety-alert-list';

/**
 * The modal the order form shows before sending: lists the alerts; for HARD_STOP or
 * INTERRUPTIVE ones it asks for a coded override reason (and a comment, required for OTHER
 * and for any HARD_STOP, as the server requires). It only reports the decision through
 * `onConfirm`; it calls no server itself.
 */
export function SafetyAlertDialog({
  alerts,
  open,
  onOpenChange,
  onConfirm,
}: {
  alerts: readonly SafetyAlert[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (reasonCode: OverrideReason | undefined, comment: string) => void;
}) {
  const { t } = useTranslation();
  const needsReason = needsOverrideReason(alerts);
  const hardStop = alerts.some((alert) => alert.tier === 'HARD_STOP');
  const [reason, setReason] = useState<OverrideReason | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; comment?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (needsReason) {
      const next = {
        reason: reason ? undefined : t('validation.required'),
        comment:
          (reason === 'OTHER' || hardStop) && !comment.trim()
            ? hardStop
              ? t('medsafety.dialog.commentRequiredHardStop')
              : t('validation.required')
            : undefined,
      };
      setErrors(next);
      if (next.reason || next.comment) return;
    }
    onConfirm(reason || undefined, comment.trim());
    onOpenChange(false);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t('medsafety.dialog.title')} description={t('medsafety.dialog.description')} className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="safety-alert-dialog">
          <SafetyAlertList alerts={alerts} />
          {needsReason ? (
            <div className="space-y-3 border-t border-slate-200 pt-3">
              <FormField id="override-reason" label={t('medsafety.dialog.reason')} error={errors.reason}>
                <Select id="override-reason" data-testid="override-reason" value={reason} aria-describedby="override-reason-error" onChange={(event) => setReason(event.target.value as OverrideReason | '')}>
                  <option value="">{t('medsafety.dialog.chooseReason')}</option>
                  {OVERRIDE_REASONS.map((code) => (
                    <option key={code} value={code}>
                      {t(`medsafety.override.${code}`)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField id="override-comment" label={t('medsafety.dialog.comment')} error={errors.comment}>
                <Input id="override-comment" data-testid="override-comment" value={comment} maxLength={500} aria-describedby="override-comment-error" onChange={(event) => setComment(event.target.value)} />
              </FormField>
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t('medsafety.dialog.back')}
            </Button>
            <Button type="submit" variant={needsReason ? 'danger' : 'primary'} data-testid="override-confirm">
              {needsReason ? t('medsafety.dialog.override') : t('medsafety.dialog.continue')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
