// Converts between Tandem's rich-text model (Para/Span, from Rust) and the TipTap
// (ProseMirror) JSON the editor works with. Only what the model has survives: paragraphs,
// bold, italic, links and one level of lists; anything else becomes plain text.
import type { JSONContent } from '@tiptap/core';
import type { Para } from './bindings/Para';
import type { RichText } from './bindings/RichText';
import type { Span } from './bindings/Span';

function spansToNodes(spans: Span[]): JSONContent[] {
  return spans
    .filter((s) => s.text.length > 0)
    .map((s) => {
      const marks: JSONContent['marks'] = [];
      if (s.bold) marks.push({ type: 'bold' });
      if (s.italic) marks.push({ type: 'italic' });
      if (s.link) marks.push({ type: 'link', attrs: { href: s.link } });
      return marks.length ? { type: 'text', text: s.text, marks } : { type: 'text', text: s.text };
    });
}

export function toTiptap(rich: RichText): JSONContent {
  const content: JSONContent[] = rich.map((para) => {
    if (para.kind === 'paragraph') {
      return { type: 'paragraph', content: spansToNodes(para.content) };
    }
    const items = para.content.map((item) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: spansToNodes(item) }],
    }));
    return { type: para.kind === 'bullets' ? 'bulletList' : 'orderedList', content: items };
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function pushSpan(spans: Span[], span: Span): void {
  if (!span.text) return;
  const last = spans[spans.length - 1];
  if (
    last &&
    !!last.bold === !!span.bold &&
    !!last.italic === !!span.italic &&
    (last.link ?? null) === (span.link ?? null)
  ) {
    last.text += span.text;
  } else {
    spans.push(span);
  }
}

/** The spans of an inline container; nested blocks are flattened into text. */
function inlineSpans(node: JSONContent, spans: Span[] = []): Span[] {
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const marks = child.marks ?? [];
      const link = marks.find((m) => m.type === 'link')?.attrs?.href;
      const span: Span = { text: child.text ?? '' };
      if (marks.some((m) => m.type === 'bold')) span.bold = true;
      if (marks.some((m) => m.type === 'italic')) span.italic = true;
      if (typeof link === 'string' && link) span.link = link;
      pushSpan(spans, span);
    } else if (child.type === 'hardBreak') {
      pushSpan(spans, { text: ' ' });
    } else {
      if (spans.length) pushSpan(spans, { text: ' ' });
      inlineSpans(child, spans);
    }
  }
  return spans;
}

export function fromTiptap(doc: JSONContent): RichText {
  const out: Para[] = [];
  for (const node of doc.content ?? []) {
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      const items = (node.content ?? []).map((item) => inlineSpans(item)).filter((s) => s.length);
      if (items.length) out.push({ kind: node.type === 'bulletList' ? 'bullets' : 'numbered', content: items });
    } else {
      const spans = inlineSpans(node);
      if (spans.length) out.push({ kind: 'paragraph', content: spans });
    }
  }
  return out;
}

/** True when the text has no visible characters. */
export function isBlank(rich: RichText): boolean {
  return rich.every((p) =>
    p.kind === 'paragraph'
      ? p.content.every((s) => !s.text.trim())
      : p.content.every((i) => i.every((s) => !s.text.trim())),
  );
}
