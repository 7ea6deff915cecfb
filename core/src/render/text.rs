//! The text/plain twin of each edition, from the same blocks: headings underlined,
//! links as URLs after their text, lists as dashes or numbers, dates spelled out.

use fluent_bundle::FluentArgs;

use super::strings::{date, date_time, s, s1};
use super::{safe_url, subject, RenderOptions};
use crate::model::{Block, BlockKind, Edition, Issue, Lang, Link, Para, RichText, Span};

/// The text/plain part of one edition of `issue`.
pub fn email_text(issue: &Issue, edition: Edition, options: &RenderOptions) -> String {
    let mut out = String::new();
    let number = issue.number.to_string();
    for l in edition.langs() {
        out.push_str(&s(*l, "email-org-name"));
        out.push('\n');
        out.push_str(&s1(*l, "email-issue-label", "number", &number));
        out.push_str(" · ");
        out.push_str(&date(*l, issue.date));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&subject(issue, edition));
    out.push_str("\n\n");
    for (i, l) in edition.langs().iter().enumerate() {
        if edition == Edition::Bilingual {
            if i > 0 {
                out.push_str(&"=".repeat(60));
                out.push_str("\n\n");
            }
            out.push_str(&s(*l, "email-language-section").to_uppercase());
            out.push_str("\n\n");
        }
        if let Some(greeting) = super::greeting_line(*l, options) {
            out.push_str(&greeting);
            out.push_str("\n\n");
        }
        for block in issue.blocks.iter().filter(|b| b.shown_in(*l)) {
            block_text(&mut out, block, *l);
        }
    }
    out.push_str(&"-".repeat(60));
    out.push('\n');
    for l in edition.langs() {
        out.push_str(&s(*l, "email-footer"));
        out.push(' ');
        out.push_str(&s(*l, "email-unsubscribe-text"));
        out.push(' ');
        match options.unsubscribe_url.as_deref().and_then(safe_url) {
            Some(url) => {
                out.push_str(&s(*l, "email-unsubscribe"));
                out.push_str(": ");
                out.push_str(url);
            }
            None => out.push_str(&s(*l, "email-unsubscribe-reply")),
        }
        out.push('\n');
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn spans_text(spans: &[Span]) -> String {
    let mut line = String::new();
    for span in spans {
        line.push_str(&span.text);
        if let Some(url) = span.link.as_deref().and_then(safe_url) {
            let shown = span.text.trim();
            if url != shown && url.strip_prefix("mailto:") != Some(shown) {
                line.push_str(" <");
                line.push_str(url);
                line.push('>');
            }
        }
    }
    one_line(&line)
}

fn rich_text(out: &mut String, text: &RichText) {
    for para in &text.0 {
        match para {
            Para::Paragraph(spans) => out.push_str(&spans_text(spans)),
            Para::Bullets(items) => {
                let lines: Vec<String> = items
                    .iter()
                    .map(|i| format!("- {}", spans_text(i)))
                    .collect();
                out.push_str(&lines.join("\n"));
            }
            Para::Numbered(items) => {
                let lines: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(n, i)| format!("{}. {}", n + 1, spans_text(i)))
                    .collect();
                out.push_str(&lines.join("\n"));
            }
        }
        out.push_str("\n\n");
    }
}

fn link_text(out: &mut String, link: &Link, lang: Lang) {
    if let Some(url) = safe_url(&link.url) {
        let label = link.label.get(lang).trim();
        let label = if label.is_empty() {
            s(lang, "email-read-more")
        } else {
            one_line(label)
        };
        out.push_str(&labelled_url(lang, &label, url));
    }
}

/// "Label : https://…" (French typography) / "Label: https://…", then a blank line.
fn labelled_url(lang: Lang, label: &str, url: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("label", label.to_owned());
    args.set("url", url.to_owned());
    format!(
        "{}\n\n",
        super::strings::format(lang, "email-text-link", &args)
    )
}

fn block_text(out: &mut String, block: &Block, lang: Lang) {
    match &block.kind {
        BlockKind::Heading { text } => {
            let t = one_line(text.get(lang));
            out.push_str(&format!(
                "{t}\n{}\n\n",
                "=".repeat(t.chars().count().max(3))
            ));
        }
        BlockKind::Article {
            title,
            body,
            image: _,
            link,
        } => {
            let t = one_line(title.get(lang));
            out.push_str(&format!(
                "{t}\n{}\n\n",
                "-".repeat(t.chars().count().max(3))
            ));
            rich_text(out, body.get(lang));
            if let Some(link) = link {
                link_text(out, link, lang);
            }
        }
        BlockKind::Event {
            title,
            starts,
            place,
            link,
        } => {
            out.push_str(&format!(
                "* {}\n  {}\n",
                one_line(title.get(lang)),
                date_time(lang, *starts)
            ));
            if !place.get(lang).trim().is_empty() {
                let place = one_line(place.get(lang));
                out.push_str(&format!(
                    "  {}\n",
                    s1(lang, "email-event-place", "place", &place)
                ));
            }
            out.push('\n');
            if let Some(link) = link {
                link_text(out, link, lang);
            }
        }
        BlockKind::Button { label, url } => {
            if let Some(url) = safe_url(url) {
                out.push_str(&labelled_url(lang, &one_line(label.get(lang)), url));
            }
        }
        BlockKind::Image { image, caption } => {
            let alt = one_line(image.alt.get(lang));
            if !alt.is_empty() {
                out.push_str(&format!("[{alt}]\n"));
            }
            if let Some(c) = caption
                .as_ref()
                .map(|c| one_line(c.get(lang)))
                .filter(|c| !c.is_empty())
            {
                out.push_str(&format!("{c}\n"));
            }
            out.push('\n');
        }
        BlockKind::Divider => out.push_str("* * *\n\n"),
    }
}
