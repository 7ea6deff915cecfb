//! The newsletter's own small rich-text model: paragraphs and lists of text spans, each
//! span optionally bold, italic and/or a link. Never raw HTML: text that looks like
//! markup is kept as text, and the renderer escapes it.
//!
//! In files and over IPC it is written as CommonMark limited to paragraphs, emphasis,
//! strong emphasis, links and (one level of) lists; anything else in the input
//! (headings, quotes, code, images, HTML) is kept as plain text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A run of text with the same marks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub italic: bool,
    /// The link target, as typed; checked by validation (http, https, mailto only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
            link: None,
        }
    }
}

/// A paragraph or a list; list items are lines of spans.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
#[ts(export)]
pub enum Para {
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    Numbered(Vec<Vec<Span>>),
}

/// Rich text: a sequence of paragraphs and lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RichText(pub Vec<Para>);

impl RichText {
    /// True when there is no visible text.
    pub fn is_blank(&self) -> bool {
        self.spans().all(|s| s.text.trim().is_empty())
    }

    /// Every span, in reading order.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        self.0
            .iter()
            .flat_map(|p| -> Box<dyn Iterator<Item = &Span>> {
                match p {
                    Para::Paragraph(spans) => Box::new(spans.iter()),
                    Para::Bullets(items) | Para::Numbered(items) => {
                        Box::new(items.iter().flat_map(|i| i.iter()))
                    }
                }
            })
    }

    /// The text without marks, paragraphs separated by blank lines (for previews,
    /// completeness checks and search).
    pub fn plain_text(&self) -> String {
        let line = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
        self.0
            .iter()
            .map(|p| match p {
                Para::Paragraph(spans) => line(spans),
                Para::Bullets(items) | Para::Numbered(items) => {
                    items.iter().map(|i| line(i)).collect::<Vec<_>>().join("\n")
                }
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Parses the limited CommonMark described in the module docs. Never fails:
    /// whatever is not part of the model becomes text.
    pub fn from_markdown(source: &str) -> RichText {
        MarkdownReader::default().read(source)
    }

    /// Writes CommonMark that [`RichText::from_markdown`] reads back to the same value
    /// (for normalised text: adjacent spans with the same marks merged).
    pub fn to_markdown(&self) -> String {
        let mut out = Vec::new();
        for para in &self.0 {
            match para {
                Para::Paragraph(spans) => out.push(write_spans(spans)),
                Para::Bullets(items) => out.push(
                    items
                        .iter()
                        .map(|i| format!("- {}", write_spans(i)))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                Para::Numbered(items) => out.push(
                    items
                        .iter()
                        .enumerate()
                        .map(|(n, i)| format!("{}. {}", n + 1, write_spans(i)))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            }
        }
        out.join("\n\n")
    }
}

/// Merges adjacent spans that carry the same marks (the normal form).
fn push_span(spans: &mut Vec<Span>, span: Span) {
    if span.text.is_empty() {
        return;
    }
    if let Some(last) = spans.last_mut() {
        if last.bold == span.bold && last.italic == span.italic && last.link == span.link {
            last.text.push_str(&span.text);
            return;
        }
    }
    spans.push(span);
}

#[derive(Default)]
struct MarkdownReader {
    paras: Vec<Para>,
    spans: Vec<Span>,
    list: Option<(bool, Vec<Vec<Span>>)>, // (numbered, items)
    list_depth: u32,
    bold: u32,
    italic: u32,
    link: Option<String>,
    /// Text of an image's alt, or of a link inside a link, etc. kept as text.
    verbatim_depth: u32,
}

impl MarkdownReader {
    fn read(mut self, source: &str) -> RichText {
        let options = Options::empty(); // no tables, footnotes, strikethrough, …
        for event in Parser::new_ext(source, options) {
            self.event(event);
        }
        self.end_paragraph();
        self.end_list();
        RichText(self.paras)
    }

    fn text(&mut self, text: &str) {
        let span = Span {
            text: text.to_owned(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            link: self.link.clone(),
        };
        push_span(&mut self.spans, span);
    }

    fn end_paragraph(&mut self) {
        if self.spans.is_empty() {
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        match &mut self.list {
            Some((_, items)) => items.push(spans),
            None => self.paras.push(Para::Paragraph(spans)),
        }
    }

    fn end_list(&mut self) {
        if let Some((numbered, items)) = self.list.take() {
            if !items.is_empty() {
                self.paras.push(if numbered {
                    Para::Numbered(items)
                } else {
                    Para::Bullets(items)
                });
            }
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_)) => {}
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_))
                if self.list.is_none() =>
            {
                self.end_paragraph();
            }
            Event::Start(Tag::List(start)) => {
                self.end_paragraph();
                self.list_depth += 1;
                if self.list.is_none() {
                    self.list = Some((start.is_some(), Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                // Nested lists are flattened into the outer one.
                self.end_paragraph();
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    self.end_list();
                }
            }
            Event::Start(Tag::Item) => self.end_paragraph(),
            Event::End(TagEnd::Item) => self.end_paragraph(),
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if self.link.is_none() {
                    self.link = Some(dest_url.into_string());
                } else {
                    self.verbatim_depth += 1;
                }
            }
            Event::End(TagEnd::Link) => {
                if self.verbatim_depth > 0 {
                    self.verbatim_depth -= 1;
                } else {
                    self.link = None;
                }
            }
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
                self.end_paragraph();
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.text(&t)
            }
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Rule => self.end_paragraph(),
            _ => {}
        }
    }
}

/// Escapes the characters CommonMark would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' | '|' | '~' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // "1. " or "1) " at the start would begin a list.
    if let Some(pos) = out.find(|c: char| !c.is_ascii_digit()) {
        if pos > 0 && (out[pos..].starts_with('.') || out[pos..].starts_with(')')) {
            out.insert(pos, '\\');
        }
    }
    out
}

fn write_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        // Emphasis markers cannot hug whitespace: move it outside.
        let lead = &s.text[..s.text.len() - s.text.trim_start().len()];
        let trail = &s.text[s.text.trim_end().len()..];
        let core = s.text.trim();
        if core.is_empty() {
            out.push_str(&escape(&s.text));
            continue;
        }
        let mut inner = escape(core);
        if s.italic {
            inner = format!("*{inner}*");
        }
        if s.bold {
            inner = format!("**{inner}**");
        }
        if let Some(url) = &s.link {
            inner = format!("[{inner}](<{}>)", url.replace(['<', '>', '\n', '\r'], ""));
        }
        out.push_str(&escape(lead));
        out.push_str(&inner);
        out.push_str(&escape(trail));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
            link: link.map(Into::into),
        }
    }

    #[test]
    fn reads_the_supported_subset() {
        let rt = RichText::from_markdown(
            "Un **mot** et *un autre* [lien](https://example.org).\n\n- un\n- deux\n\n1. premier\n2. second",
        );
        assert_eq!(
            rt.0,
            vec![
                Para::Paragraph(vec![
                    span("Un ", false, false, None),
                    span("mot", true, false, None),
                    span(" et ", false, false, None),
                    span("un autre", false, true, None),
                    span(" ", false, false, None),
                    span("lien", false, false, Some("https://example.org")),
                    span(".", false, false, None),
                ]),
                Para::Bullets(vec![
                    vec![span("un", false, false, None)],
                    vec![span("deux", false, false, None)]
                ]),
                Para::Numbered(vec![
                    vec![span("premier", false, false, None)],
                    vec![span("second", false, false, None)]
                ]),
            ]
        );
    }

    #[test]
    fn markup_outside_the_model_is_kept_as_text() {
        let rt = RichText::from_markdown(
            "# Titre\n\n<script>alert(1)</script>\n\n> cité\n\n`code` ![photo](x.png)",
        );
        let text = rt.plain_text();
        assert!(text.contains("Titre"), "{text}");
        assert!(text.contains("<script>alert(1)</script>"), "{text}");
        assert!(
            text.contains("cité") && text.contains("code") && text.contains("photo"),
            "{text}"
        );
        assert!(rt.spans().all(|s| s.link.is_none()));
    }

    #[test]
    fn text_that_looks_like_markdown_survives_a_round_trip() {
        let tricky = RichText(vec![
            Para::Paragraph(vec![span(
                "1. pas une liste *ni* [un](lien) \\ <b> & 50 % # _x_",
                false,
                false,
                None,
            )]),
            Para::Paragraph(vec![span("- tiret", false, false, None)]),
            Para::Paragraph(vec![
                span("gras", true, false, None),
                span(" ", false, false, None),
                span("fin", false, true, Some("https://example.org/a_(b)")),
            ]),
        ]);
        let md = tricky.to_markdown();
        assert_eq!(RichText::from_markdown(&md), tricky, "{md}");
        // Whitespace inside marks moves outside them (markers cannot hug spaces).
        let spaced = RichText(vec![Para::Paragraph(vec![
            span("a", false, false, None),
            span(" b ", true, false, None),
            span("c", false, false, None),
        ])]);
        let read = RichText::from_markdown(&spaced.to_markdown());
        assert_eq!(
            read.0,
            vec![Para::Paragraph(vec![
                span("a ", false, false, None),
                span("b", true, false, None),
                span(" c", false, false, None)
            ])]
        );
    }

    fn arb_span() -> impl Strategy<Value = Span> {
        (
            "[a-zA-Z0-9éèàç€ .,;:!?*_\\[\\]()<>&#`\\\\-]{1,12}",
            any::<bool>(),
            any::<bool>(),
            prop::option::of(prop::sample::select(vec![
                "https://example.org/",
                "https://example.org/a?b=c&d=e",
                "mailto:info@example.be",
            ])),
        )
            .prop_map(|(text, bold, italic, link)| Span {
                text,
                bold,
                italic,
                link: link.map(str::to_owned),
            })
    }

    fn normalise(spans: Vec<Span>) -> Vec<Span> {
        let mut out = Vec::new();
        for s in spans {
            push_span(&mut out, s);
        }
        out
    }

    proptest! {
        /// Any paragraph of spans whose text has visible characters at both ends
        /// reads back as itself once written.
        #[test]
        fn write_then_read_is_the_identity(spans in prop::collection::vec(arb_span(), 1..6)) {
            let spans: Vec<Span> = spans
                .into_iter()
                .map(|mut s| { s.text = s.text.trim().to_owned(); s })
                .filter(|s| !s.text.is_empty())
                .collect();
            // Marks need words between them; keep a plain space between spans.
            let mut with_gaps = Vec::new();
            for (i, s) in spans.into_iter().enumerate() {
                if i > 0 { with_gaps.push(Span::plain(" ")); }
                with_gaps.push(s);
            }
            let rt = RichText(vec![Para::Paragraph(normalise(with_gaps))]);
            prop_assume!(!rt.is_blank());
            let md = rt.to_markdown();
            prop_assert_eq!(RichText::from_markdown(&md), rt, "markdown: {}", md);
        }
    }
}
