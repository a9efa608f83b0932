import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Checkbox } from '../../../components/ui/checkbox';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { cn } from '../../../lib/cn';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useFeedItems, useFeeds, useMarkFeedItemRead } from '../api/feeds';

/** Medical feeds (safety communications, journals, the hospital's own) with each user's unread state. */
export function FeedReader() {
  const { t, i18n } = useTranslation();
  const feeds = useFeeds();
  const [feedId, setFeedId] = useState<string | undefined>();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const items = useFeedItems(feedId, unreadOnly);
  const markRead = useMarkFeedItemRead();
  if (feeds.isPending) return <Spinner />;
  if (feeds.isError && !feeds.data) return <Alert tone="error">{problemMessage(feeds.error, t)}</Alert>;
  if (!feeds.data?.length) return <EmptyState title={t('knowledge.feeds.none')} description={t('knowledge.feeds.noneHint')} />;
  return (
    <div className="grid gap-4 md:grid-cols-[16rem_1fr]" data-testid="feed-reader">
      <nav aria-label={t('knowledge.tabs.feeds')}>
        <ul className="space-y-1">
          <li>
            <button type="button" className={cn('w-full rounded px-2 py-1 text-left text-sm', !feedId && 'bg-sky-50 font-semibold')} onClick={() => setFeedId(undefined)}>
              {t('knowledge.feeds.all')}
            </button>
          </li>
          {feeds.data.map((feed) => (
            <li key={feed.id}>
              <button
                type="button"
                className={cn('flex w-full justify-between rounded px-2 py-1 text-left text-sm', feedId === feed.id && 'bg-sky-50 font-semibold')}
                onClick={() => setFeedId(feed.id)}
                data-testid="feed"
              >
                <span>{feed.title}</span>
                {feed.unread ? (
                  <span className="rounded-full bg-sky-700 px-2 text-xs text-white" aria-label={t('knowledge.feeds.unreadCount', { count: feed.unread })}>
                    {feed.unread}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-3">
        <Checkbox label={t('knowledge.feeds.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        {items.isPending ? <Spinner /> : null}
        {items.isError ? <Alert tone="error">{problemMessage(items.error, t)}</Alert> : null}
        {items.data && items.data.items?.length === 0 ? <EmptyState title={t('knowledge.feeds.noItems')} /> : null}
        <ul className="space-y-2">
          {(items.data?.items ?? []).map((item) => (
            <li key={item.id} className={cn('rounded-md border border-slate-200 bg-white p-3', !item.read && 'border-l-4 border-l-sky-600')} data-testid="feed-item" data-read={item.read}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                {item.link ? (
                  <a
                    href={item.link}
                    target="_blank"
                    rel="noopener noreferrer"
                    className={cn('text-sky-800 hover:underline', !item.read && 'font-semibold')}
                    onClick={() => item.id && !item.read && markRead.mutate(item.id)}
                  >
                    {item.title}
                  </a>
                ) : (
                  <span className={cn(!item.read && 'font-semibold')}>{item.title}</span>
                )}
                {!item.read && item.id ? (
                  <button type="button" className="text-xs text-slate-600 underline" onClick={() => markRead.mutate(item.id ?? '')}>
                    {t('knowledge.feeds.markRead')}
                  </button>
                ) : null}
              </div>
              <p className="text-xs text-slate-500">
                {item.feedTitle} · {formatInstant(item.publishedAt ?? item.fetchedAt, i18n.language)}
              </p>
              {item.summary ? <p className="mt-1 line-clamp-3 text-sm text-slate-700">{item.summary}</p> : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
