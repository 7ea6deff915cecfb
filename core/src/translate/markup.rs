//! Texts going to a translation service and coming back: every field is sent as a
//! small HTML fragment (so one request carries a block's plain and rich texts, and the
//! service keeps bold, italic, links and lists as tags), and what comes back is read
//! with a real HTML parser into the newsletter's own model — never kept as HTML. What
//! the model does not have is dropped: a `<script>` with its content, attributes such as
//! `onclick`, unknown tags (their text kept), and any link whose address is not one of
//! the source's own (a service never changes a URL; a `javascript:` link is refused).

use scraper::{ElementRef, Html, Node};

use crate::model::{is_allowed_url, Para, RichText, Span};

pub use crate::render::escape_html as escape;

fn spans_html(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let mut t = escape(&s.text);
            if s.italic {
                t = format!("<i>{t}</i>");
            }
            if s.bold {
                t = format!("<b>{t}</b>");
            }
            if let Some(link) = &s.link {
                t = format!("<a href=\"{}\">{t}</a>", escape(link));
            }
            t
        })
        .collect()
}

/// Rich text as the HTML a service receives.
pub fn rich_to_html(text: &RichText) -> String {
    text.0
        .iter()
        .map(|p| match p {
            Para::Paragraph(spans) => format!("<p>{}</p>", spans_html(spans)),
            Para::Bullets(items) => format!(
                "<ul>{}</ul>",
                items
                    .iter()
                    .map(|i| format!("<li>{}</li>", spans_html(i)))
                    .collect::<String>()
            ),
            Para::Numbered(items) => format!(
                "<ol>{}</ol>",
                items
                    .iter()
                    .map(|i| format!("<li>{}</li>", spans_html(i)))
                    .collect::<String>()
            ),
        })
        .collect()
}

/// What reading a service's answer dropped (for the report; the text is safe either way).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dropped(pub Vec<String>);

/// Elements whose content is never text of the newsletter.
const SKIPPED: [&str; 8] = [
    "script", "style", "iframe", "object", "embed", "template", "svg", "math",
];

#[derive(Clone, Copy, Default)]
struct Marks<'a> {
    bold: bool,
    italic: bool,
    link: Option<&'a str>,
}

struct Reader<'a> {
    links: &'a [String],
    dropped: Dropped,
}

impl Reader<'_> {
    fn inline(&mut self, el: ElementRef<'_>, marks: Marks<'_>, out: &mut Vec<Span>) {
        for child in el.children() {
            self.node(child, marks, out);
        }
    }

    /// One node inside a paragraph or list item: its text with the marks it adds.
    fn node(&mut self, node: ego_tree::NodeRef<'_, Node>, marks: Marks<'_>, out: &mut Vec<Span>) {
        match node.value() {
            Node::Text(t) => push(out, t, marks),
            Node::Element(e) => {
                let name = e.name();
                if e.attrs().any(|(k, _)| k.starts_with("on")) {
                    self.dropped
                        .0
                        .push(format!("an event attribute on <{name}>"));
                }
                if SKIPPED.contains(&name) {
                    self.dropped.0.push(format!("<{name}>"));
                    return;
                }
                let mut m = marks;
                match name {
                    "b" | "strong" => m.bold = true,
                    "i" | "em" => m.italic = true,
                    "a" => {
                        let href = e.attr("href").unwrap_or("").trim();
                        // Only the source's own addresses: a service never changes one.
                        let ours = self.links.iter().find(|l| l.trim() == href);
                        match ours {
                            Some(l) if is_allowed_url(l) => m.link = Some(l.as_str()),
                            _ => self.dropped.0.push(format!("link {href:?}")),
                        }
                    }
                    "br" => {
                        push(out, " ", marks);
                        return;
                    }
                    "span" | "p" | "li" | "div" => {}
                    other => self.dropped.0.push(format!("<{other}>")),
                }
                if let Some(el) = ElementRef::wrap(node) {
                    self.inline(el, m, out);
                }
            }
            _ => {}
        }
    }

    fn items(&mut self, list: ElementRef<'_>) -> Vec<Vec<Span>> {
        let mut items = Vec::new();
        for child in list.children() {
            if let Some(el) = ElementRef::wrap(child) {
                let mut spans = Vec::new();
                self.inline(el, Marks::default(), &mut spans);
                let spans = trim(spans);
                if !spans.is_empty() {
                    items.push(spans);
                }
            }
        }
        items
    }
}

fn push(out: &mut Vec<Span>, text: &str, marks: Marks<'_>) {
    if text.is_empty() {
        return;
    }
    let link = marks.link.map(str::to_owned);
    if let Some(last) = out.last_mut() {
        if last.bold == marks.bold && last.italic == marks.italic && last.link == link {
            last.text.push_str(text);
            return;
        }
    }
    out.push(Span {
        text: text.to_owned(),
        bold: marks.bold,
        italic: marks.italic,
        link,
    });
}

/// Spans without leading/trailing white space at the ends, and none empty.
fn trim(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// Reads a service's answer for a rich text. `links` are the source's link addresses:
/// a link survives only with one of them.
pub fn html_to_rich(html: &str, links: &[String]) -> (RichText, Dropped) {
    let doc = Html::parse_fragment(html);
    let mut reader = Reader {
        links,
        dropped: Dropped::default(),
    };
    let mut paras = Vec::new();
    let mut loose = Vec::new();
    let root = doc.root_element();
    for child in root.children() {
        match child.value() {
            Node::Text(t) => push(&mut loose, t, Marks::default()),
            Node::Element(e) => {
                let el = ElementRef::wrap(child).expect("an element");
                match e.name() {
                    "ul" | "ol" => {
                        let spans = trim(std::mem::take(&mut loose));
                        if !spans.is_empty() {
                            paras.push(Para::Paragraph(spans));
                        }
                        let items = reader.items(el);
                        if !items.is_empty() {
                            paras.push(if e.name() == "ul" {
                                Para::Bullets(items)
                            } else {
                                Para::Numbered(items)
                            });
                        }
                    }
                    "p" | "div" => {
                        let spans = trim(std::mem::take(&mut loose));
                        if !spans.is_empty() {
                            paras.push(Para::Paragraph(spans));
                        }
                        let mut spans = Vec::new();
                        reader.inline(el, Marks::default(), &mut spans);
                        let spans = trim(spans);
                        if !spans.is_empty() {
                            paras.push(Para::Paragraph(spans));
                        }
                    }
                    name if SKIPPED.contains(&name) => reader.dropped.0.push(format!("<{name}>")),
                    // Inline markup at the top level belongs to the running paragraph.
                    _ => reader.node(child, Marks::default(), &mut loose),
                }
            }
            _ => {}
        }
    }
    let spans = trim(loose);
    if !spans.is_empty() {
        paras.push(Para::Paragraph(spans));
    }
    (RichText(paras), reader.dropped)
}

/// Reads a service's answer for a plain text: its text only, tags dropped (and a
/// `<script>`'s content with them), white space as it was.
pub fn html_to_plain(html: &str) -> (String, Dropped) {
    let (rich, dropped) = html_to_rich(html, &[]);
    let text = rich.plain_text().replace("\n\n", " ");
    (text.trim().to_owned(), dropped)
}

/// The link addresses of a rich text.
pub fn links_of(text: &RichText) -> Vec<String> {
    text.spans().filter_map(|s| s.link.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_italic_links_and_lists_go_out_and_come_back() {
        let source = RichText::from_markdown(
            "Le **tuteur** est *désigné* par le [service](https://example.be/t).\n\n- un\n- deux\n\n1. premier",
        );
        let html = rich_to_html(&source);
        assert!(
            html.contains("<b>tuteur</b>") && html.contains("<a href=\"https://example.be/t\">")
        );
        let (back, dropped) = html_to_rich(&html, &links_of(&source));
        assert_eq!(back, source);
        assert!(dropped.0.is_empty());
    }

    #[test]
    fn hostile_markup_in_an_answer_is_dropped() {
        let links = vec!["https://example.be/t".to_owned()];
        let (back, dropped) = html_to_rich(
            "<p onclick=\"steal()\">De <b>voogd</b><script>alert(1)</script> <a href=\"javascript:alert(1)\">hier</a> \
             <a href=\"https://evil.example/\">daar</a> <a href=\"https://example.be/t\">dienst</a> <marquee>x</marquee></p>\
             <style>p{}</style><img src=x onerror=alert(1)>",
            &links,
        );
        let md = back.to_markdown();
        assert_eq!(
            md,
            "De **voogd** hier daar [dienst](<https://example.be/t>) x"
        );
        for d in [
            "<script>",
            "<style>",
            "link \"javascript:alert(1)\"",
            "link \"https://evil.example/\"",
            "<marquee>",
            "<img>",
        ] {
            assert!(dropped.0.iter().any(|x| x == d), "{d} not in {dropped:?}");
        }
        let (plain, _) = html_to_plain("Voogd &amp; <script>x()</script>dienst &lt;3");
        assert_eq!(plain, "Voogd & dienst <3");
    }
}
