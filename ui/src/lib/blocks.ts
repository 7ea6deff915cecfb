// Helpers about blocks shared by the composer's components.
import type { Block } from './bindings/Block';
import type { Problem } from './bindings/Problem';
import type { StoredIssue } from './bindings/StoredIssue';

export const BLOCK_KINDS: Block['kind'][] = [
  'article',
  'heading',
  'image',
  'event',
  'button',
  'divider',
];

/** Languages in which `field` of block `index` is missing. */
export function missingLangs(problems: Problem[], index: number | null, field: string): string[] {
  return problems
    .filter((p) => p.block === index && p.field === field && p.kind.code === 'missing' && p.lang)
    .map((p) => p.lang as string);
}

/** The languages a block still misses, for its status badge. */
export function blockMissing(problems: Problem[], index: number): Set<string> {
  const langs = new Set<string>();
  for (const p of problems) if (p.block === index && p.lang) langs.add(p.lang);
  return langs;
}

/**
 * The language a translation draft of this block (or of the issue's own fields, with
 * `index` null) would come from: the one written when only the other is missing.
 */
export function translateFrom(problems: Problem[], index: number | null): 'fr' | 'nl' | null {
  const langs = new Set<string>();
  for (const p of problems) if (p.block === index && p.lang) langs.add(p.lang);
  if (langs.has('nl') && !langs.has('fr')) return 'fr';
  if (langs.has('fr') && !langs.has('nl')) return 'nl';
  return null;
}

/** An event's start (RFC 3339, "2026-12-10T19:00:00+01:00") moved to another day
 * (YYYY-MM-DD), at the same time and offset. */
export function withDay(starts: string, day: string): string {
  return `${day}${starts.slice(10)}`;
}

/** An event's start at another time (HH:MM) of the same day, keeping its offset. */
export function withTime(starts: string, time: string): string {
  const offset = starts.match(/([+-]\d\d:\d\d|Z)$/)?.[1] ?? '+01:00';
  return `${starts.slice(0, 10)}T${time}:00${offset}`;
}

/**
 * What "translate every missing side" does, in order: the subject and preheader
 * ('meta'), then each block with one side written and the other missing (a block shown
 * in one language only is left alone).
 */
export function translationSteps(
  problems: Problem[],
  blocks: { only?: 'fr' | 'nl' | null }[],
): ['meta' | number, 'fr' | 'nl'][] {
  const steps: ['meta' | number, 'fr' | 'nl'][] = [];
  const meta = translateFrom(problems, null);
  if (meta) steps.push(['meta', meta]);
  blocks.forEach((b, i) => {
    const from = translateFrom(problems, i);
    if (from && !b.only) steps.push([i, from]);
  });
  return steps;
}

/**
 * After a translation step: the issue as stored (`answer`), with everything but the
 * translated text (`target`: a block's position, or 'meta' for the subject and
 * preheader) taken from what is on screen, since typing went on meanwhile. Blocks are
 * matched by id.
 */
export function withTranslated(screen: StoredIssue, answer: StoredIssue, target: number | 'meta'): StoredIssue {
  const byId = new Map(screen.block_ids.map((id, i) => [id, screen.issue.blocks[i]]));
  const targetId = target === 'meta' ? null : answer.block_ids[target];
  const blocks = answer.issue.blocks.map((b, i) => {
    const id = answer.block_ids[i];
    return id === targetId ? b : (byId.get(id) ?? b);
  });
  const meta =
    target === 'meta'
      ? {}
      : {
          subject: screen.issue.subject,
          preheader: screen.issue.preheader,
          machine_draft: screen.issue.machine_draft,
        };
  return { ...answer, issue: { ...answer.issue, ...meta, blocks } };
}
