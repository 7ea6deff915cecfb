import { describe, expect, it } from 'vitest';
import { asAppError } from './api';

describe('asAppError', () => {
  it('keeps an error that already has a code', () => {
    const e = { code: 'error-store-open', args: {}, detail: 'disk' };
    expect(asAppError(e)).toBe(e);
  });

  it('wraps anything else as error-unknown with its text as detail', () => {
    expect(asAppError('boom')).toEqual({ code: 'error-unknown', args: {}, detail: 'boom' });
    expect(asAppError(new Error('x')).code).toBe('error-unknown');
  });
});
