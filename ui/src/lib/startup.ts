// The first screen's questions, asked as the script starts, before anything is mounted
// (main.ts mounts once they are answered: one layout, with the data). Each answer is
// taken once, by the screen that needs it; later ones ask again.
import { api } from './api';
import type { AppInfo } from './bindings/AppInfo';
import type { ComposerStart } from './bindings/ComposerStart';

type Asked = { info?: Promise<AppInfo>; composer?: Promise<ComposerStart> };
const asked: Asked = {};

export function askEarly(): void {
  asked.info = api.appInfo();
  asked.composer = api.composerStart(null);
  // Whoever takes an answer sees its failure; one never taken is not an unhandled error.
  for (const p of Object.values(asked)) p.catch(() => {});
}

/** Resolves when the questions asked at start are answered (or failed), or after
 * `limit` ms: the first screen is then drawn once, with its data, rather than empty and
 * again a moment later. */
export function answered(limit: number): Promise<void> {
  const all = Promise.allSettled(Object.values(asked)).then(() => {});
  return Promise.race([all, new Promise<void>((done) => setTimeout(done, limit))]);
}

/** The answer asked for at start, once; undefined afterwards (ask again). */
export function takeEarly<K extends keyof Asked>(key: K): Asked[K] {
  const answer = asked[key];
  delete asked[key];
  return answer;
}
