import { describe, expect, it } from 'vitest';
import { authorizeTarget } from './login-page';

describe('authorizeTarget (SMART app launch, ADR 0048)', () => {
  it('follows an authorization request back after signing in', () => {
    const next = '/oauth2/authorize?response_type=code&client_id=app&code_challenge=x';
    expect(authorizeTarget(`?next=${encodeURIComponent(next)}`)).toBe(next);
  });

  it('follows nothing else (no open redirect)', () => {
    expect(authorizeTarget('')).toBeNull();
    expect(authorizeTarget('?next=https%3A%2F%2Fevil.example%2F')).toBeNull();
    expect(authorizeTarget('?next=%2F%2Fevil.example%2Foauth2%2Fauthorize%3F')).toBeNull();
    expect(authorizeTarget('?next=%2Fpatients')).toBeNull();
    expect(authorizeTarget('?next=%2Foauth2%2Ftoken%3Fx')).toBeNull();
  });
});
