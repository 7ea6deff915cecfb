import { describe, expect, it } from 'vitest';
import type { Problem } from './bindings/Problem';
import type { StoredIssue } from './bindings/StoredIssue';
import { translateFrom, translationSteps, withDay, withTime, withTranslated } from './blocks';

const missing = (block: number | null, lang: 'fr' | 'nl', field = 'title'): Problem =>
  ({ block, field, lang, kind: { code: 'missing-translation' } }) as unknown as Problem;

describe('translation drafts', () => {
  it('translate from the side that is written, only when the other is missing', () => {
    expect(translateFrom([missing(0, 'nl')], 0)).toBe('fr');
    expect(translateFrom([missing(0, 'fr')], 0)).toBe('nl');
    expect(translateFrom([missing(0, 'fr'), missing(0, 'nl', 'body')], 0)).toBeNull();
    expect(translateFrom([], 0)).toBeNull();
  });

  it('every missing side: subject first, then blocks in order, one-language blocks left alone', () => {
    const problems = [missing(null, 'nl', 'subject'), missing(0, 'nl'), missing(1, 'fr'), missing(2, 'nl')];
    expect(translationSteps(problems, [{}, { only: null }, { only: 'fr' }])).toEqual([
      ['meta', 'fr'],
      [0, 'fr'],
      [1, 'nl'],
    ]);
  });
});

describe('a translation step put in place', () => {
  const stored = (blocks: string[], ids: number[], subject = 'S'): StoredIssue =>
    ({
      id: 1,
      block_ids: ids,
      issue: {
        number: 1,
        date: '2027-01-01',
        subject: { fr: subject, nl: '' },
        preheader: { fr: '', nl: '' },
        blocks: blocks.map((text) => ({ kind: 'heading', text: { fr: text, nl: '' } })),
      },
    }) as unknown as StoredIssue;

  it('takes only the translated block from the answer, the rest from the screen', () => {
    const screen = stored(['typed meanwhile', 'b'], [10, 11], 'Objet tapé');
    const answer = stored(['old', 'b translated'], [10, 11], 'Objet');
    const merged = withTranslated(screen, answer, 1);
    expect(merged.issue.blocks[0]).toBe(screen.issue.blocks[0]);
    expect(merged.issue.blocks[1]).toBe(answer.issue.blocks[1]);
    expect(merged.issue.subject.fr).toBe('Objet tapé');
  });

  it('takes the subject and preheader for a meta step, and matches blocks by id', () => {
    const screen = stored(['x', 'y'], [11, 10]);
    const answer = stored(['y stored', 'x stored', 'new'], [10, 11, 12], 'Translated');
    const merged = withTranslated(screen, answer, 'meta');
    expect(merged.issue.subject.fr).toBe('Translated');
    expect(merged.issue.blocks.map((b) => (b as { text: { fr: string } }).text.fr)).toEqual(['y', 'x', 'new']);
  });
});

describe("an event's start", () => {
  it('moves to another day or time keeping the rest', () => {
    expect(withDay('2026-12-10T19:00:00+01:00', '2027-03-15')).toBe('2027-03-15T19:00:00+01:00');
    expect(withTime('2026-12-10T19:00:00+01:00', '09:30')).toBe('2026-12-10T09:30:00+01:00');
    expect(withTime('2026-06-10T19:00:00.000Z', '20:15')).toBe('2026-06-10T20:15:00Z');
  });
});
