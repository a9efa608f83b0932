import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/select';
import { problemMessage } from '../../../lib/problem-message';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Input } from '../../../components/ui/input';
import { useDepartmentOrderSets, useFavourites, useRemoveFavourite, useRenameFavourite } from '../api/order-templates';
import type { OrderTemplate } from '../../../types/api';
import type { BasketItem } from '../lib/basket';
import { basketDrafts, templateName } from '../lib/order-templates';

/**
 * The basket's pickers (ADR 0038): the doctor's favourites (one order each) and the department's order sets (all
 * their orders at once). Picked templates become basket drafts; the basket checks each drug with order-select.
 */
export function BasketTemplates({ patientId, disabled, onAdd }: { patientId: string; disabled: boolean; onAdd: (items: BasketItem[]) => void }) {
  const { t, i18n } = useTranslation();
  const favourites = useFavourites();
  const sets = useDepartmentOrderSets();
  const removeFavourite = useRemoveFavourite();
  const renameFavourite = useRenameFavourite();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [favouriteId, setFavouriteId] = useState('');
  const [setId, setSetId] = useState('');
  const [skipped, setSkipped] = useState(0);

  const apply = (templates: readonly { itemName?: string; itemNameKo?: string; template?: OrderTemplate }[]) => {
    const drafts = basketDrafts(
      patientId,
      templates.map((entry) => ({ itemName: templateName(entry, i18n.language), template: entry.template })),
    );
    setSkipped(drafts.skipped);
    if (drafts.items.length > 0) onAdd(drafts.items);
  };
  const favourite = (favourites.data ?? []).find((f) => f.id === favouriteId);
  const orderSet = (sets.data ?? []).find((s) => s.id === setId);

  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="basket-templates">
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label={t('orders.templates.favourites')}
          data-testid="basket-favourite-select"
          value={favouriteId}
          onChange={(e) => {
            setFavouriteId(e.target.value);
            setRenaming(null);
          }}
        >
          <option value="">{t('orders.templates.pickFavourite', { count: favourites.data?.length ?? 0 })}</option>
          {(favourites.data ?? []).map((f) => (
            <option key={f.id} value={f.id}>
              {t(`orders.type.${f.template?.type ?? 'MEDICATION'}`)} · {f.label ? `${f.label} (${templateName(f, i18n.language)})` : templateName(f, i18n.language)}
            </option>
          ))}
        </Select>
        <Button size="sm" data-testid="basket-favourite-add" disabled={disabled || !favourite} onClick={() => favourite && apply([favourite])}>
          {t('orders.templates.addOne')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          data-testid="basket-favourite-rename"
          disabled={!favourite || renameFavourite.isPending}
          onClick={() => favourite && setRenaming(favourite.label ?? templateName(favourite, i18n.language))}
        >
          {t('orders.templates.renameFavourite')}
        </Button>
        <ConfirmButton
          size="sm"
          variant="ghost"
          data-testid="basket-favourite-remove"
          disabled={!favourite || removeFavourite.isPending}
          title={t('confirm.removeFavourite')}
          confirmLabel={t('orders.templates.removeFavourite')}
          onConfirm={() => favourite && removeFavourite.mutate(favourite.id ?? '', { onSuccess: () => setFavouriteId('') })}
        >
          {t('orders.templates.removeFavourite')}
        </ConfirmButton>
      </div>
      {favourite && renaming !== null ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            renameFavourite.mutate({ id: favourite.id ?? '', label: renaming.trim() }, { onSuccess: () => setRenaming(null) });
          }}
        >
          <Input
            aria-label={t('orders.templates.favouriteName')}
            data-testid="basket-favourite-name"
            maxLength={120}
            value={renaming}
            className="min-w-0 flex-1"
            onChange={(e) => setRenaming(e.target.value)}
          />
          <Button type="submit" size="sm" data-testid="basket-favourite-name-save" disabled={renameFavourite.isPending}>
            {t('orders.templates.saveName')}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setRenaming(null)}>
            {t('common.cancel')}
          </Button>
        </form>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Select aria-label={t('orders.templates.orderSets')} data-testid="basket-order-set-select" value={setId} onChange={(e) => setSetId(e.target.value)}>
          <option value="">{t('orders.templates.pickOrderSet', { count: sets.data?.length ?? 0 })}</option>
          {(sets.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({t('orders.templates.itemCount', { count: s.items?.length ?? 0 })})
            </option>
          ))}
        </Select>
        <Button size="sm" data-testid="basket-order-set-add" disabled={disabled || !orderSet} onClick={() => orderSet && apply(orderSet.items ?? [])}>
          {t('orders.templates.addSet')}
        </Button>
      </div>
      {skipped > 0 ? <Alert tone="warning">{t('orders.templates.skipped', { count: skipped })}</Alert> : null}
      {removeFavourite.isError ? <Alert tone="error">{problemMessage(removeFavourite.error, t)}</Alert> : null}
      {renameFavourite.isError ? <Alert tone="error">{problemMessage(renameFavourite.error, t)}</Alert> : null}
    </div>
  );
}
