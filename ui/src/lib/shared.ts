/**
 * One run at a time of an async job, shared by every caller: a call made while a run
 * is in flight gets that run's promise instead of starting another or returning at
 * once. (Sending waits for the mailbox check the Send view started as it opened, so
 * an unsubscribe that just came back is honoured before the audience is taken.)
 */
export function shared<T>(job: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= job().finally(() => {
      running = null;
    });
    return running;
  };
}
