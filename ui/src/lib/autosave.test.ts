import { describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave.svelte';

describe('Autosaver', () => {
  it('saves only the last value of a burst, after the delay', async () => {
    vi.useFakeTimers();
    const saver = new Autosaver();
    const saved: string[] = [];
    for (const v of ['B', 'Bo', 'Bon']) saver.schedule('k', async () => void saved.push(v), 300);
    expect(saver.status).toBe('saving');
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(saved).toEqual(['Bon']);
    expect(saver.status).toBe('saved');
    vi.useRealTimers();
  });

  it('flush writes pending saves at once, in order per key', async () => {
    const saver = new Autosaver();
    const saved: string[] = [];
    saver.schedule('a', async () => void saved.push('a1'), 10_000);
    saver.schedule('b', async () => void saved.push('b1'), 10_000);
    await saver.flush();
    expect(saved.sort()).toEqual(['a1', 'b1']);
  });

  it('keeps the error of a refused save and clears it after a good one', async () => {
    const saver = new Autosaver();
    saver.schedule('k', async () => {
      throw { code: 'error-issue-invalid', args: {}, detail: 'bad link' };
    }, 0);
    await saver.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(saver.status).toBe('error');
    expect(saver.error?.code).toBe('error-issue-invalid');
    saver.schedule('k', async () => {}, 0);
    await saver.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(saver.status).toBe('saved');
    expect(saver.error).toBeNull();
  });
});
