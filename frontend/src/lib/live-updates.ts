import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** Query keys (prefixes) refetched when the server pushes a change of that kind. */
const REFETCH_ON: Record<string, readonly (readonly string[])[]> = {
  appointment: [['appointments'], ['dashboard']],
  // a stored notification is about an order (a result, a cancellation): its lists and details may have changed too
  notification: [['notifications'], ['orders'], ['ris']],
  // worklists, my orders, order details and statistics all live under ['orders']; the reading worklist under ['ris']
  // (a study acquired or a report signed moves an imaging order)
  order: [['orders'], ['ris']],
  // an AI job (batch inference) progressed or finished: its view, the ledger-based lists and dashboards
  'ai-job': [['ai']],
};

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Keeps one server-sent event stream (/api/notifications/stream) open while signed in and refetches the affected
 * queries when a change is pushed. Every push reaches every instance's browsers (one fan-out, RabbitMQ with several
 * instances; ADR 0007). The browser reconnects by itself after a network drop; payloads carry ids only,
 * so what is shown always comes from the (audited) API.
 */
export function useLiveUpdates(enabled: boolean): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource('/api/notifications/stream', { withCredentials: true });
    source.addEventListener('ready', () => setStatus('live'));
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    for (const [event, keys] of Object.entries(REFETCH_ON)) {
      source.addEventListener(event, () => {
        for (const key of keys) void queryClient.invalidateQueries({ queryKey: [...key] });
      });
    }
    return () => source.close();
  }, [enabled, queryClient]);
  return enabled ? status : 'offline';
}
