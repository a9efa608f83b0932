import type { QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../features/auth/api/get-me';
import { dropSession } from '../features/auth/api/logout';
import { setUnauthorizedHandler } from '../lib/api-client';

/** Why the signed-in session ended, so the login page can say so (or not). */
export type SessionEndReason = 'expired' | 'logout' | null;

let endReason: SessionEndReason = null;

export function sessionEndReason(): SessionEndReason {
  return endReason;
}

export function markSessionEnded(reason: Exclude<SessionEndReason, null>) {
  endReason = reason;
}

export function clearSessionEndReason() {
  endReason = null;
}

/**
 * A 401 `unauthenticated` while we believed we were signed in means the server session
 * ended (timeout, restart, logout elsewhere): drop every cached answer and let the route
 * guard send the user to /login with a "session expired" message.
 */
export function installSessionExpiry(queryClient: QueryClient) {
  setUnauthorizedHandler(() => {
    if (!queryClient.getQueryData(meQueryKey)) return;
    markSessionEnded('expired');
    dropSession(queryClient);
  });
}
