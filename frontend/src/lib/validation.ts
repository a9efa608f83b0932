import { z } from 'zod';

// Mirrors of the server's rules so that users hear about mistakes before a round trip;
// the server still checks everything. Messages are i18n keys.

export const requiredText = () => z.string().trim().min(1, 'validation.required');

/** Password policy: 10–72 characters and at most 72 bytes (bcrypt's limit; the server also refuses common passwords). */
export const password = () =>
  z
    .string()
    .min(10, 'validation.passwordLength')
    .max(72, 'validation.passwordLength')
    .refine((value) => new TextEncoder().encode(value).length <= 72, 'validation.passwordBytes');

/** The password must not contain the username (compared without case). */
export function passwordFreeOfUsername(value: { username?: string; password?: string }): boolean {
  const username = value.username?.trim().toLowerCase();
  return !username || !(value.password ?? '').toLowerCase().includes(username);
}

/** A `YYYY-MM-DD` date; an empty field says "required", not "wrong format" (issue 15 item 6). */
export const isoDate = () => z.string().min(1, 'validation.required').regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');

/** A `HH:mm` time; an empty field says "required". */
export const wallTime = () => z.string().min(1, 'validation.required').regex(/^\d{2}:\d{2}$/, 'validation.time');
