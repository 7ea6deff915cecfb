import { describe, expect, it } from 'vitest';
import type { RichText } from './bindings/RichText';
import { fromTiptap, isBlank, toTiptap } from './richtext';

describe('rich text ⇄ TipTap', () => {
  it('round-trips paragraphs, marks, links and lists', () => {
    const rich: RichText = [
      {
        kind: 'paragraph',
        content: [
          { text: 'Un ' },
          { text: 'mot', bold: true },
          { text: ' et ' },
          { text: 'un lien', italic: true, link: 'https://example.org' },
        ],
      },
      { kind: 'bullets', content: [[{ text: 'un' }], [{ text: 'deux', bold: true }]] },
      { kind: 'numbered', content: [[{ text: 'premier' }]] },
    ];
    expect(fromTiptap(toTiptap(rich))).toEqual(rich);
  });

  it('flattens what the model does not have into text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Titre' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cité' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: '<script>x</script>', marks: [{ type: 'code' }] }] },
      ],
    };
    expect(fromTiptap(doc)).toEqual([
      { kind: 'paragraph', content: [{ text: 'Titre' }] },
      { kind: 'paragraph', content: [{ text: 'cité' }] },
      { kind: 'paragraph', content: [{ text: '<script>x</script>' }] },
    ]);
  });

  it('knows a blank text and gives an empty editor a paragraph', () => {
    expect(isBlank([])).toBe(true);
    expect(isBlank([{ kind: 'paragraph', content: [{ text: '  ' }] }])).toBe(true);
    expect(isBlank([{ kind: 'paragraph', content: [{ text: 'x' }] }])).toBe(false);
    expect(toTiptap([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
