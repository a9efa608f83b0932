import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { Dialog, DialogContent } from '../ui/dialog';
import { FormField } from '../ui/form-field';
import { Input } from '../ui/input';
import { Select } from '../ui/select';
import type { SafetyAlert } from '../../types/api';
import { overrideNeeds, type OverrideReason } from './severity';
import { SafetyAlertList } from './safety-alert-list';

/** What the user decided in the dialog: the coded reason, the comment, and whether they acknowledged an incomplete check. */
export interface OverrideDecision {
  reasonCode?: OverrideReason;
  comment: string;
  incompleteAcknowledged: boolean;
}

/**
 * The modal shown before going on despite safety alerts: lists the alerts and asks for exactly what the server's
 * OverridePolicy says in each alert's `override` — a coded reason out of the reasons offered, a comment for the
 * reasons that need one, and the explicit acknowledgement of an incomplete check. It re-implements no rule and calls
 * no server itself: it reports the decision through `onConfirm`.
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
  onConfirm: (decision: OverrideDecision) => void;
}) {
  const { t } = useTranslation();
  const needs = overrideNeeds(alerts);
  const [reason, setReason] = useState<OverrideReason | ''>('');
  const [comment, setComment] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string; comment?: string; acknowledge?: string }>({});
  const asksSomething = needs.reasonRequired || needs.acknowledgementRequired;
  const commentRequired = needs.commentAlwaysRequired || (reason !== '' && needs.commentRequiredFor.includes(reason));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      reason: needs.reasonRequired && !reason ? t('validation.required') : undefined,
      comment: commentRequired && !comment.trim() ? (needs.commentAlwaysRequired ? t('medsafety.dialog.commentRequiredHardStop') : t('medsafety.dialog.commentRequiredForReason')) : undefined,
      acknowledge: needs.acknowledgementRequired && !acknowledged ? t('medsafety.dialog.acknowledgeRequired') : undefined,
    };
    setErrors(next);
    if (next.reason || next.comment || next.acknowledge) return;
    onConfirm({ reasonCode: reason || undefined, comment: comment.trim(), incompleteAcknowledged: needs.acknowledgementRequired && acknowledged });
    onOpenChange(false);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t('medsafety.dialog.title')} description={t('medsafety.dialog.description')} className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="safety-alert-dialog">
          <SafetyAlertList alerts={alerts} />
          {asksSomething ? (
            <div className="space-y-3 border-t border-slate-200 pt-3">
              {needs.acknowledgementRequired ? (
                <div className="space-y-1">
                  <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
                    <input
                      type="checkbox"
                      className="mt-1"
                      data-testid="override-acknowledge-incomplete"
                      checked={acknowledged}
                      aria-describedby="override-acknowledge-error"
                      onChange={(event) => setAcknowledged(event.target.checked)}
                    />
                    {t('medsafety.dialog.acknowledgeIncomplete')}
                  </label>
                  {errors.acknowledge ? (
                    <p id="override-acknowledge-error" className="text-sm text-rose-700" aria-live="polite" data-testid="override-acknowledge-error">
                      {errors.acknowledge}
                    </p>
                  ) : null}
                </div>
              ) : null}
              {needs.reasonRequired ? (
                <FormField id="override-reason" label={t('medsafety.dialog.reason')} error={errors.reason}>
                  <Select id="override-reason" data-testid="override-reason" value={reason} aria-describedby="override-reason-error" onChange={(event) => setReason(event.target.value as OverrideReason | '')}>
                    <option value="">{t('medsafety.dialog.chooseReason')}</option>
                    {needs.reasons.map((code) => (
                      <option key={code} value={code}>
                        {t(`medsafety.override.${code}`)}
                        {needs.commentRequiredFor.includes(code) && !needs.commentAlwaysRequired ? ` ${t('medsafety.dialog.commentNeededMark')}` : ''}
                      </option>
                    ))}
                  </Select>
                </FormField>
              ) : null}
              <FormField id="override-comment" label={commentRequired ? t('medsafety.dialog.commentRequired') : t('medsafety.dialog.comment')} error={errors.comment}>
                <Input id="override-comment" data-testid="override-comment" value={comment} maxLength={1000} aria-describedby="override-comment-error" onChange={(event) => setComment(event.target.value)} />
              </FormField>
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t('medsafety.dialog.back')}
            </Button>
            <Button type="submit" variant={asksSomething ? 'danger' : 'primary'} data-testid="override-confirm">
              {needs.reasonRequired ? t('medsafety.dialog.override') : t('medsafety.dialog.continue')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
