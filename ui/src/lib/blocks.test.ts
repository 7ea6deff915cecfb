import { describe, expect, it } from 'vitest';
import type { Problem } from './bindings/Problem';
import { translateFrom, translationSteps } from './blocks';

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
