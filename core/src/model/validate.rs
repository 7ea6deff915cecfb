//! Checks run on every save and import (`errors`: the issue is refused until fixed)
//! and before sending (`incomplete`: a text missing in one language blocks the send
//! unless staff marked that block single-language on purpose).

use serde::Serialize;
use ts_rs::TS;

use super::{Block, BlockKind, ImageRef, Issue, Lang, Link, RichText, Text};

/// Where a problem is: a block (by position, from 0) or the issue itself, and a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Problem {
    /// Position of the block, or `None` for the issue's own fields.
    pub block: Option<usize>,
    /// The field, e.g. `title`, `body`, `link.url`, `image.alt`, `subject`.
    pub field: String,
    /// The language concerned, when the problem is in one language's text.
    pub lang: Option<Lang>,
    pub kind: ProblemKind,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[ts(export)]
pub enum ProblemKind {
    /// A link that is not http, https or mailto (e.g. `javascript:`), or is malformed.
    UnsafeLink { url: String },
    /// A line break in a one-line field (subject, preheader, labels).
    LineBreak,
    /// A required text is blank in this language.
    Missing,
    /// A required field is blank (not language-specific), e.g. an image's file.
    Required,
    /// An image that is not one of the issue's own files (`assets/NAME`).
    BadImagePath { src: String },
    /// Longer than any newsletter needs (characters): a pasted file, a hostile file.
    TooLong { max: usize },
    /// More blocks than an issue holds.
    TooManyBlocks { max: usize },
}

/// The most blocks an issue holds.
pub const MAX_BLOCKS: usize = 200;
/// The longest one-line text (a title, a label, an alt text), in characters.
pub const MAX_LINE_CHARS: usize = 1_000;
/// The longest article body in one language, in characters (Gmail clips a message of
/// about 100 KB anyway).
pub const MAX_BODY_CHARS: usize = 50_000;
/// The longest web address.
pub const MAX_URL_CHARS: usize = 2_000;

impl Problem {
    /// A one-line English description for logs and the CLI.
    pub fn describe(&self) -> String {
        let place = match self.block {
            Some(i) => format!("block {}", i + 1),
            None => "issue".to_owned(),
        };
        let lang = self
            .lang
            .map(|l| format!(" ({})", l.code()))
            .unwrap_or_default();
        let what = match &self.kind {
            ProblemKind::UnsafeLink { url } => {
                format!("link {url:?} is not allowed: use an http, https or mailto address")
            }
            ProblemKind::LineBreak => "must be a single line".to_owned(),
            ProblemKind::Missing => "is empty".to_owned(),
            ProblemKind::Required => "is required".to_owned(),
            ProblemKind::BadImagePath { src } => {
                format!("image {src:?} must be one of the issue's files (assets/NAME)")
            }
            ProblemKind::TooLong { max } => format!("is longer than {max} characters"),
            ProblemKind::TooManyBlocks { max } => format!("has more than {max} blocks"),
        };
        format!("{place}, {}{lang}: {what}", self.field)
    }
}

/// The result of checking an issue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Report {
    /// Must be fixed before the issue can be saved or imported: unsafe links, line breaks
    /// in one-line fields, images that are not the issue's own files.
    pub errors: Vec<Problem>,
    /// Blank texts (in a language the block is shown in) and blank required fields (a
    /// button's address, an image's file): the issue cannot be sent until they are
    /// filled, or the block is marked single-language.
    pub incomplete: Vec<Problem>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn is_complete(&self) -> bool {
        self.incomplete.is_empty()
    }

    /// Blocks (by position) with missing translations.
    pub fn incomplete_blocks(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self.incomplete.iter().filter_map(|p| p.block).collect();
        v.dedup();
        v
    }
}

/// Whether `src` names one of the issue's own image files: `assets/NAME` with a plain
/// file name (letters, digits, `.`, `_`, `-`), so it can never be a URL or escape the
/// assets folder.
pub fn is_asset_path(src: &str) -> bool {
    src.strip_prefix("assets/").is_some_and(|name| {
        !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    })
}

/// Whether `url` may appear in the newsletter: http(s) with a host, or mailto.
pub fn is_allowed_url(url: &str) -> bool {
    if url.trim() != url || url.chars().any(char::is_control) {
        return false;
    }
    match url::Url::parse(url) {
        Ok(u) => match u.scheme() {
            "http" | "https" => u.host_str().is_some_and(|h| !h.is_empty()),
            "mailto" => u.path().contains('@'),
            _ => false,
        },
        Err(_) => false,
    }
}

/// Longer than `max` characters (bytes counted first: cheap for every normal text).
fn too_long(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

struct Checker<'a> {
    report: Report,
    block: Option<usize>,
    langs: &'a [Lang],
}

impl Checker<'_> {
    fn push(&mut self, field: &str, lang: Option<Lang>, kind: ProblemKind) {
        let p = Problem {
            block: self.block,
            field: field.to_owned(),
            lang,
            kind,
        };
        match p.kind {
            ProblemKind::Missing | ProblemKind::Required => self.report.incomplete.push(p),
            _ => self.report.errors.push(p),
        }
    }

    fn text(&mut self, field: &str, text: &Text, one_line: bool) {
        for lang in Lang::BOTH {
            let value = text.get(lang);
            if too_long(value, MAX_LINE_CHARS) {
                self.push(
                    field,
                    Some(lang),
                    ProblemKind::TooLong {
                        max: MAX_LINE_CHARS,
                    },
                );
                continue;
            }
            if one_line && value.contains(['\r', '\n', '\u{2028}', '\u{2029}']) {
                self.push(field, Some(lang), ProblemKind::LineBreak);
            }
            if self.langs.contains(&lang) && value.trim().is_empty() {
                self.push(field, Some(lang), ProblemKind::Missing);
            }
        }
    }

    fn url(&mut self, field: &str, url: &str) {
        if url.trim().is_empty() {
            self.push(field, None, ProblemKind::Required);
        } else if too_long(url, MAX_URL_CHARS) {
            self.push(field, None, ProblemKind::TooLong { max: MAX_URL_CHARS });
        } else if !is_allowed_url(url) {
            self.push(
                field,
                None,
                ProblemKind::UnsafeLink {
                    url: url.to_owned(),
                },
            );
        }
    }

    fn rich(&mut self, field: &str, body: &super::Bilingual<RichText>) {
        for lang in Lang::BOTH {
            let text = body.get(lang);
            let spans: Vec<_> = text.spans().collect();
            let chars: usize = spans.iter().map(|s| s.text.chars().count()).sum();
            if chars > MAX_BODY_CHARS {
                self.push(
                    field,
                    Some(lang),
                    ProblemKind::TooLong {
                        max: MAX_BODY_CHARS,
                    },
                );
                continue;
            }
            for span in spans {
                if let Some(link) = &span.link {
                    if !is_allowed_url(link) {
                        let kind = ProblemKind::UnsafeLink { url: link.clone() };
                        self.push(field, Some(lang), kind);
                    }
                }
            }
            if self.langs.contains(&lang) && text.is_blank() {
                self.push(field, Some(lang), ProblemKind::Missing);
            }
        }
    }

    fn link(&mut self, link: &Link) {
        self.url("link.url", &link.url);
        // Both labels blank is fine ("Lire la suite" / "Lees meer"); one alone is not.
        let label = &link.label;
        if label.fr.trim().is_empty() && label.nl.trim().is_empty() {
            self.text("link.label", label, true);
            self.report
                .incomplete
                .retain(|p| !(p.block == self.block && p.field == "link.label"));
        } else {
            self.text("link.label", label, true);
        }
    }

    fn image(&mut self, prefix: &str, image: &ImageRef) {
        if image.src.trim().is_empty() {
            self.push(&format!("{prefix}src"), None, ProblemKind::Required);
        } else if !is_asset_path(&image.src) {
            let kind = ProblemKind::BadImagePath {
                src: image.src.clone(),
            };
            self.push(&format!("{prefix}src"), None, kind);
        }
        self.text(&format!("{prefix}alt"), &image.alt, true);
    }

    fn block(&mut self, block: &Block) {
        match &block.kind {
            BlockKind::Heading { text } => self.text("text", text, true),
            BlockKind::Article {
                title,
                body,
                image,
                link,
            } => {
                self.text("title", title, true);
                self.rich("body", body);
                if let Some(image) = image {
                    self.image("image.", image);
                }
                if let Some(link) = link {
                    self.link(link);
                }
            }
            BlockKind::Event {
                title, place, link, ..
            } => {
                self.text("title", title, true);
                self.text("place", place, true);
                if let Some(link) = link {
                    self.link(link);
                }
            }
            BlockKind::Button { label, url } => {
                self.text("label", label, true);
                self.url("url", url);
            }
            BlockKind::Image { image, caption } => {
                self.image("", image);
                if let Some(caption) = caption {
                    // A caption is optional, but once written it needs both languages.
                    if !(caption.fr.trim().is_empty() && caption.nl.trim().is_empty()) {
                        self.text("caption", caption, true);
                    }
                }
            }
            BlockKind::Divider => {}
        }
    }
}

impl Issue {
    /// Checks the whole issue; see [`Report`].
    pub fn check(&self) -> Report {
        let mut c = Checker {
            report: Report::default(),
            block: None,
            langs: &Lang::BOTH,
        };
        c.text("subject", &self.subject, true);
        c.text("preheader", &self.preheader, true);
        if self.blocks.len() > MAX_BLOCKS {
            c.push(
                "blocks",
                None,
                ProblemKind::TooManyBlocks { max: MAX_BLOCKS },
            );
            return c.report;
        }
        for (i, block) in self.blocks.iter().enumerate() {
            c.block = Some(i);
            c.langs = match &block.only {
                Some(Lang::Fr) => &[Lang::Fr],
                Some(Lang::Nl) => &[Lang::Nl],
                None => &Lang::BOTH,
            };
            c.block(block);
        }
        c.report
    }
}
