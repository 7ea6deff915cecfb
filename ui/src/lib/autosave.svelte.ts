// Autosave: each edit is written to the database a moment after the last keystroke
// (one block = one row), so closing or killing the app loses at most that moment.
// Saves of the same target are serialised: a newer value never lands before an older one.
import { asAppError, type AppError } from './api';

// One save writes one row (well under a millisecond in WAL mode), so saving 50 ms after
// the last keystroke costs nothing and keeps the preview close behind the typing.
export const SAVE_DELAY_MS = 50;

type Job = { run: () => Promise<void>; timer: ReturnType<typeof setTimeout> | null };

export class Autosaver {
  status: 'saved' | 'saving' | 'error' = $state('saved');
  error: AppError | null = $state(null);
  #jobs = new Map<string, Job>();
  #chain = new Map<string, Promise<void>>();
  #inFlight = 0;

  /** Schedules `run` for `key`, replacing any not yet started save of the same key. */
  schedule(key: string, run: () => Promise<void>, delay = SAVE_DELAY_MS): void {
    const existing = this.#jobs.get(key);
    if (existing?.timer) clearTimeout(existing.timer);
    const job: Job = { run, timer: null };
    job.timer = setTimeout(() => this.#start(key, job), delay);
    this.#jobs.set(key, job);
    this.status = 'saving';
  }

  /** Whether a save of `key` is waiting or under way (what is on screen is newer than
   *  what is stored). */
  pending(key: string): boolean {
    return this.#jobs.has(key) || this.#chain.has(key);
  }

  /** Starts every scheduled save now (on blur, before switching issue, on close). */
  async flush(): Promise<void> {
    for (const [key, job] of [...this.#jobs]) {
      if (job.timer) clearTimeout(job.timer);
      this.#start(key, job);
    }
    await Promise.all([...this.#chain.values()]);
  }

  #start(key: string, job: Job): void {
    if (this.#jobs.get(key) === job) this.#jobs.delete(key);
    job.timer = null;
    this.#inFlight++;
    const previous = this.#chain.get(key) ?? Promise.resolve();
    const next = previous
      .then(job.run)
      .then(() => {
        if (this.error && this.#jobs.size === 0) this.error = null;
      })
      .catch((e) => {
        this.error = asAppError(e);
      })
      .finally(() => {
        this.#inFlight--;
        if (this.#chain.get(key) === next) this.#chain.delete(key);
        this.status = this.error ? 'error' : this.#inFlight || this.#jobs.size ? 'saving' : 'saved';
      });
    this.#chain.set(key, next);
  }
}
