import { describe, expect, it } from 'vitest';
import { currentIssue, pick } from './currentIssue.svelte';

describe('the current issue', () => {
  it('is reopened while it exists, else the first one is', () => {
    currentIssue.id = null;
    expect(pick([7, 3])).toBe(7);
    currentIssue.id = 3;
    expect(pick([7, 3])).toBe(3);
    expect(pick([7])).toBe(7);
    expect(pick([])).toBe(null);
  });
});
