import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogClose, DialogContent } from '../../../components/ui/dialog';

/**
 * The confirmation before signing a report or an addendum (neither can be changed afterwards): says what signing does
 * and, for a critical finding, that the ordering doctor gets an urgent notification.
 */
export function SignConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  critical,
  busy,
  testId,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  critical: boolean;
  busy?: boolean;
  /** The confirm button's test id. */
  testId: string;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={title} description={description}>
        {critical ? <Alert tone="warning" className="mb-3">{t('radiology.signConfirm.critical')}</Alert> : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{t('common.cancel')}</Button>
          </DialogClose>
          <Button
            data-testid={testId}
            disabled={busy}
            onClick={() => {
              onOpenChange(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
