import { z } from 'zod';

// Mirrors of the server's rules so that users hear about mistakes before a round trip;
// the server still checks everything. Messages are i18n keys.

export const requiredText = () => z.string().trim().min(1, 'validation.required');

/** Password policy: 10–128 characters (the server also refuses common passwords). */
export const password = () =>
  z.string().min(10, 'validation.passwordLength').max(128, 'validation.passwordLength');

/** The password must not contain the username (compared without case). */
export function passwordFreeOfUsername(value: { username?: string; password?: string }): boolean {
  const username = value.username?.trim().toLowerCase();
  return !username || !(value.password ?? '').toLowerCase().includes(username);
}

export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');
