import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useAddFeed, useDeactivateFeed, useFeedStatuses, useRefreshFeed } from '../api/feed-admin';

const KNOWN_ERRORS = ['TIMEOUT', 'NOT_A_FEED', 'UNREACHABLE', 'TOO_LARGE', 'INTERRUPTED', 'ADDRESS_REFUSED'];

/** Administrators: add a feed, see each feed's fetch state (failures, next fetch), fetch now, retire a feed. */
export function FeedAdmin() {
  const { t, i18n } = useTranslation();
  const statuses = useFeedStatuses(true);
  const add = useAddFeed();
  const refresh = useRefreshFeed();
  const deactivate = useDeactivateFeed();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { title: title.trim(), url: url.trim() },
      {
        onSuccess: (feed) => {
          setTitle('');
          setUrl('');
          if (feed.id) refresh.mutate(feed.id);
        },
      },
    );
  };
  const error = (code: string | undefined) => {
    if (!code) return '—';
    if (KNOWN_ERRORS.includes(code)) return t(`knowledge.feedAdmin.error.${code}`);
    return code.startsWith('HTTP_') ? t('knowledge.feedAdmin.error.HTTP', { status: code.slice(5) }) : code;
  };
  return (
    <Card data-testid="feed-admin">
      <CardHeader>
        <CardTitle>{t('knowledge.feedAdmin.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <div>
            <Label htmlFor="feed-title">{t('knowledge.feedAdmin.name')}</Label>
            <Input id="feed-title" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="feed-title" />
          </div>
          <div className="min-w-72 flex-1">
            <Label htmlFor="feed-url">{t('knowledge.feedAdmin.url')}</Label>
            <Input id="feed-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="feed-url" />
          </div>
          <Button type="submit" disabled={!title.trim() || !url.trim() || add.isPending} data-testid="feed-add">
            {t('knowledge.feedAdmin.add')}
          </Button>
        </form>
        {add.isError ? <Alert tone="error">{problemMessage(add.error, t)}</Alert> : null}
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('knowledge.feedAdmin.name')}</TableHeaderCell>
              <TableHeaderCell>{t('knowledge.feedAdmin.lastSuccess')}</TableHeaderCell>
              <TableHeaderCell>{t('knowledge.feedAdmin.state')}</TableHeaderCell>
              <TableHeaderCell>{t('knowledge.feedAdmin.next')}</TableHeaderCell>
              <TableHeaderCell>{t('knowledge.feedAdmin.items')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(statuses.data ?? [])
              .filter((feed) => feed.active)
              .map((feed) => (
                <TableRow key={feed.id} data-testid="feed-status">
                  <TableCell>{feed.title}</TableCell>
                  <TableCell>{feed.lastSuccessAt ? formatInstant(feed.lastSuccessAt, i18n.language) : '—'}</TableCell>
                  <TableCell>
                    {feed.failures ? t('knowledge.feedAdmin.failing', { count: feed.failures, error: error(feed.lastError) }) : t('knowledge.feedAdmin.ok')}
                  </TableCell>
                  <TableCell>{formatInstant(feed.nextFetchAt, i18n.language)}</TableCell>
                  <TableCell>{feed.items}</TableCell>
                  <TableCell className="space-x-2 text-right">
                    <Button size="sm" variant="secondary" onClick={() => feed.id && refresh.mutate(feed.id)}>
                      {t('knowledge.feedAdmin.refresh')}
                    </Button>
                    <ConfirmButton
                      size="sm"
                      variant="ghost"
                      title={t('confirm.deactivateFeed')}
                      description={t('confirm.deactivateFeedDescription')}
                      confirmLabel={t('knowledge.feedAdmin.remove')}
                      onConfirm={() => feed.id && deactivate.mutate(feed.id)}
                    >
                      {t('knowledge.feedAdmin.remove')}
                    </ConfirmButton>
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
