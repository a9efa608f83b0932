import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogContent } from '../../../components/ui/dialog';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { bySeverity, cardText, offeredReasons, type BasketItem, type BasketOverride } from '../lib/basket';

/**
 * The alerts of one drug of the basket (our CDS Hooks cards): remove the drug, change it (back to the form with the
 * rest kept), or override — with a coded reason out of those the cards offer and a comment, or, for a check that
 * could not be completed, the acknowledgement. Closing it decides nothing: the drug waits in the basket.
 */
export function BasketAlertDialog({
  item,
  open,
  onClose,
  onRemove,
  onChange,
  onOverride,
}: {
  item?: BasketItem;
  open: boolean;
  onClose: () => void;
  onRemove: () => void;
  onChange: () => void;
  onOverride: (override: BasketOverride) => void;
}) {
  const { t } = useTranslation();
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const cards = bySeverity(item?.cards ?? []);
  const reasons = offeredReasons(cards);
  const reset = () => {
    setOverriding(false);
    setReason('');
    setComment('');
    setError(undefined);
  };
  const confirm = () => {
    if (reasons.length > 0 && !reason) {
      setError(t('validation.required'));
      return;
    }
    if (reason === 'OTHER' && !comment.trim()) {
      setError(t('medsafety.dialog.commentRequiredForReason'));
      return;
    }
    onOverride(reasons.length > 0 ? { reasonCode: reason, comment } : { comment, acknowledged: true });
    reset();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          reset();
          onClose();
        }
      }}
    >
      <DialogContent title={t('orders.basket.dialog.title', { drug: item?.values.medication.drugLabel ?? '' })} description={t('orders.basket.dialog.description')} className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <div className="space-y-4" data-testid="basket-alert-dialog">
          <ul className="space-y-3">
            {cards.map((card) => (
              <li key={card.uuid} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="basket-card">
                <p className="mb-1 font-semibold">
                  <Badge tone={card.indicator === 'critical' ? 'danger' : card.indicator === 'warning' ? 'warning' : 'info'}>{t(`orders.basket.indicator.${card.indicator}`, { defaultValue: card.indicator })}</Badge>{' '}
                  {card.summary}
                </p>
                <p className="whitespace-pre-wrap text-slate-700">{cardText(card.detail)}</p>
              </li>
            ))}
          </ul>
          {overriding ? (
            <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3">
              {reasons.length > 0 ? (
                <FormField id="basket-override-reason" label={t('orders.basket.dialog.reason')} error={error}>
                  <Select {...fieldProps('basket-override-reason', error)} data-testid="basket-override-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                    <option value="">{t('orders.basket.dialog.chooseReason')}</option>
                    {reasons.map((code) => (
                      <option key={code} value={code}>
                        {t(`medsafety.override.${code}`, { defaultValue: code })}
                      </option>
                    ))}
                  </Select>
                </FormField>
              ) : (
                <p className="text-sm">{t('orders.basket.dialog.acknowledge')}</p>
              )}
              <FormField id="basket-override-comment" label={t('orders.basket.dialog.comment')}>
                <Input id="basket-override-comment" data-testid="basket-override-comment" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
              </FormField>
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => setOverriding(false)}>
                  {t('common.cancel')}
                </Button>
                <Button variant="danger" data-testid="basket-override-confirm" onClick={confirm}>
                  {t('orders.basket.dialog.overrideConfirm')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap justify-end gap-2">
              <Button
                variant="danger"
                data-testid="basket-dialog-remove"
                onClick={() => {
                  reset();
                  onRemove();
                }}
              >
                {t('orders.basket.dialog.remove')}
              </Button>
              <Button
                variant="secondary"
                data-testid="basket-dialog-change"
                onClick={() => {
                  reset();
                  onChange();
                }}
              >
                {t('orders.basket.dialog.change')}
              </Button>
              <Button variant="ghost" data-testid="basket-dialog-override" onClick={() => setOverriding(true)}>
                {t('orders.basket.dialog.override')}
              </Button>
            </div>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
