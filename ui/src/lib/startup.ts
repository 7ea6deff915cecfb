// The first screen's questions, asked as the script starts: their answers travel while
// the page lays itself out for the first time (tens of milliseconds in which no
// component runs yet). Each is taken once, by the first screen; later ones ask again.
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

/** The answer asked for at start, once; undefined afterwards (ask again). */
export function takeEarly<K extends keyof Asked>(key: K): Asked[K] {
  const answer = asked[key];
  delete asked[key];
  return answer;
}
