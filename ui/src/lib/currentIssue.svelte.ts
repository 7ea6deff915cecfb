// The issue being worked on, shared by the screens: the Composer reopens it after a
// visit elsewhere, and the Send view offers it first.
export const currentIssue = $state<{ id: number | null }>({ id: null });

/** The id to open among `ids`: the current one if it still exists, else the first. */
export function pick(ids: number[]): number | null {
  if (currentIssue.id !== null && ids.includes(currentIssue.id)) return currentIssue.id;
  return ids[0] ?? null;
}
