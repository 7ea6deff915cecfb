import { describe, expect, it } from 'vitest';
import { shared } from './shared';

describe('shared', () => {
  it('a call during a run waits for that run instead of starting another', async () => {
    const events: string[] = [];
    let release!: () => void;
    const check = shared(async () => {
      events.push('start');
      await new Promise<void>((r) => (release = r));
      events.push('end');
    });
    const first = check();
    const second = check().then(() => events.push('second resolved'));
    expect(events).toEqual(['start']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['start', 'end', 'second resolved']);
  });

  it('a call after a run (even a failed one) starts a new run', async () => {
    let runs = 0;
    const check = shared(async () => {
      runs += 1;
      if (runs === 1) throw new Error('server down');
    });
    await expect(check()).rejects.toThrow('server down');
    await check();
    expect(runs).toBe(2);
  });
});
