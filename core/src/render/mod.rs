//! One renderer for everything a reader sees: the email HTML of each edition (used, byte
//! for byte, by the preview and by sending), its text/plain twin, and the web archive
//! page. Content is always escaped (maud); links are re-checked here so that even an
//! unchecked issue can never emit a `javascript:` or `data:` URL.

mod html;
mod strings;
mod text;

pub use html::{archive_page, email_html};
pub use strings::{date, date_time};
pub use text::email_text;

/// The five characters that matter in HTML text and attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

use crate::model::{Edition, Issue, Lang};

/// How images and per-reader links are referenced in the output.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// What an image's file name is prefixed with in the HTML: `cid:` in a sent message,
    /// the app's own URL in the preview, `assets/` in the archive page.
    pub image_base: String,
    /// What follows the file name: `@tandem` in a sent message, so that `cid:` URLs are
    /// proper message ids; empty elsewhere.
    pub image_suffix: String,
    /// The unsubscribe link for this reader, if the organisation has one; otherwise the
    /// footer asks the reader to reply.
    pub unsubscribe_url: Option<String>,
    /// Open each language section with a greeting: `Some("Anne")` greets by name,
    /// `Some("")` greets without a name, `None` has no greeting.
    pub greeting: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            image_base: "assets/".to_owned(),
            image_suffix: String::new(),
            unsubscribe_url: None,
            greeting: None,
        }
    }
}

impl RenderOptions {
    /// The URL of an image whose `src` is `assets/NAME`.
    pub fn image_url(&self, src: &str) -> String {
        format!(
            "{}{}{}",
            self.image_base,
            src.trim_start_matches("assets/"),
            self.image_suffix
        )
    }
}

/// The subject line of an edition: "FR | NL" for the bilingual edition.
pub fn subject(issue: &Issue, edition: Edition) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match edition {
        Edition::Fr => one_line(&issue.subject.fr),
        Edition::Nl => one_line(&issue.subject.nl),
        Edition::Bilingual => {
            format!(
                "{} | {}",
                one_line(&issue.subject.fr),
                one_line(&issue.subject.nl)
            )
        }
    }
}

/// The preheader (the grey line after the subject in inbox lists) of an edition.
pub fn preheader(issue: &Issue, edition: Edition) -> String {
    edition
        .langs()
        .iter()
        .map(|l| issue.preheader.get(*l).trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A URL that may be written into the output, or `None` (then the text is shown
/// without a link).
fn safe_url(url: &str) -> Option<&str> {
    crate::model::is_allowed_url(url).then_some(url)
}

/// The id of a language's section, for the bilingual jump link.
fn section_id(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::Nl => "nl",
    }
}

/// The greeting line of a section in `lang`, if the options ask for one.
pub(crate) fn greeting_line(lang: Lang, options: &RenderOptions) -> Option<String> {
    let name = options.greeting.as_deref()?;
    let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(if name.is_empty() {
        strings::s(lang, "email-greeting")
    } else {
        strings::s1(lang, "email-greeting-named", "name", &name)
    })
}
