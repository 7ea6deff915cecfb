//! Translation drafts: the empty side of a block (or of the subject and preheader) filled
//! from the other by a translation service, keeping the formatting and the
//! organisation's glossary, and marked as a machine draft until a person rereads it.
//!
//! This room receives block texts only: it never sees `contacts` or `send`, so contact
//! data and unsubscribe tokens cannot reach a service by construction. A field a person
//! typed is never overwritten: only blank fields of the target side are filled.

mod apply;
mod db;
mod glossary;
pub mod markup;
mod service;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use apply::{
    accept_redraft, prepare, redraft, translate_issue, translate_stored_meta, ApplyError, Redraft,
    Scope,
};
use glossary::{contains_term, directed, protect, unprotect};
pub use glossary::{glossary_csv, read_glossary_csv, GlossaryFileError};
pub use service::{glossary_hash, DeepL, LibreTranslate, Service, TranslateError};

use crate::model::{Block, Issue, Lang, TextField};
use markup::{escape, html_to_plain, html_to_rich, links_of, rich_to_html};

/// The translation service, as saved in the database (its key is in the keychain).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TranslateSettings {
    /// `deepl`, `libretranslate`, or empty: off.
    pub service: String,
    /// The server's address (LibreTranslate; for DeepL only to replace DeepL's own).
    #[serde(default)]
    pub url: String,
    /// The one-time notice (which service receives the newsletter's text) was accepted.
    #[serde(default)]
    pub notice_accepted: bool,
}

/// The service `settings` name, with its key (`None`: none saved). A DeepL key is
/// required; LibreTranslate needs the server's address and may have a key.
pub fn service_for(
    settings: &TranslateSettings,
    key: Option<String>,
    timeout: std::time::Duration,
) -> Result<Box<dyn Service>, TranslateError> {
    let url = Some(settings.url.trim()).filter(|u| !u.is_empty());
    match settings.service.as_str() {
        "deepl" => {
            let key = key
                .filter(|k| !k.trim().is_empty())
                .ok_or(TranslateError::Key)?;
            Ok(Box::new(DeepL::new(&key, url).with_timeout(timeout)))
        }
        "libretranslate" => {
            let url = url.ok_or(TranslateError::NotConfigured)?;
            Ok(Box::new(
                LibreTranslate::new(url, key.as_deref()).with_timeout(timeout),
            ))
        }
        _ => Err(TranslateError::NotConfigured),
    }
}

/// A glossary term of the source that the draft does not render by its pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "GlossaryFlag")]
pub struct Flag {
    /// The block (0-based), or `None` for the subject and preheader.
    #[ts(type = "number | null")]
    pub block: Option<usize>,
    pub term: String,
    pub expected: String,
}

/// What one translation did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "TranslateReport")]
pub struct Report {
    /// Blocks (and the subject/preheader, counted as one) that got a draft.
    pub blocks: u32,
    pub fields: u32,
    /// Characters of source text sent.
    #[ts(type = "number")]
    pub characters: u64,
    pub flagged: Vec<Flag>,
    /// What was dropped from the service's answers (hostile or unknown markup).
    pub dropped: Vec<String>,
}

impl Report {
    pub fn add(&mut self, other: Report) {
        self.blocks += other.blocks;
        self.fields += other.fields;
        self.characters += other.characters;
        self.flagged.extend(other.flagged);
        self.dropped.extend(other.dropped);
    }
}

/// Translates `texts`; a text the service finds too long (413) is sent again one
/// paragraph at a time.
fn translate_all(
    service: &mut dyn Service,
    texts: &[String],
    from: Lang,
    to: Lang,
) -> Result<Vec<String>, TranslateError> {
    match service.translate(texts, from, to) {
        Err(TranslateError::TooLong) if texts.len() > 1 => texts
            .iter()
            .map(|t| {
                translate_all(service, std::slice::from_ref(t), from, to).map(|mut v| v.remove(0))
            })
            .collect(),
        Err(TranslateError::TooLong) => {
            let parts = split_paragraphs(&texts[0]);
            if parts.len() < 2 {
                return Err(TranslateError::TooLong);
            }
            let mut out = String::new();
            for part in parts {
                out.push_str(&translate_all(service, &[part], from, to)?.remove(0));
            }
            Ok(vec![out])
        }
        other => other,
    }
}

/// An HTML fragment cut after each closing `</p>`, `</ul>` or `</ol>`.
fn split_paragraphs(html: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = html;
    loop {
        let cut = ["</p>", "</ul>", "</ol>"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| i + t.len()))
            .min();
        match cut {
            Some(i) if i < rest.len() => {
                parts.push(rest[..i].to_owned());
                rest = &rest[i..];
            }
            _ => {
                parts.push(rest.to_owned());
                return parts;
            }
        }
    }
}

/// Which fields of the other side a translation writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    /// Only the blank ones: nothing a person typed is touched.
    Blank,
    /// Every one whose source is written (a new draft, shown to a person first).
    Over,
}

/// Fills the `from.other()` fields of `fields` from `from` (the blank ones, or with
/// [`Fill::Over`] every one whose source is written); the report counts them.
fn fill(
    mut fields: Vec<TextField<'_>>,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
    block: Option<usize>,
    mode: Fill,
) -> Result<Report, TranslateError> {
    let to = from.other();
    let wanted: Vec<usize> = (0..fields.len())
        .filter(|&i| !fields[i].is_blank(from) && (mode == Fill::Over || fields[i].is_blank(to)))
        .collect();
    let mut report = Report::default();
    if wanted.is_empty() {
        return Ok(report);
    }
    let pairs = directed(glossary, from);
    let mut markers = Vec::new();
    let mut sources = Vec::new();
    let mut texts = Vec::new();
    for &i in &wanted {
        let (html, plain) = match &fields[i] {
            TextField::Plain(t) => (escape(t.get(from)), t.get(from).clone()),
            TextField::Rich(r) => (rich_to_html(r.get(from)), r.get(from).plain_text()),
        };
        report.characters += plain.chars().count() as u64;
        let html = if service.applies_glossary() {
            html
        } else {
            protect(&html, &pairs, &mut markers)
        };
        texts.push(html);
        sources.push(plain);
    }
    let answers = translate_all(service, &texts, from, to)?;
    let mut result_text = String::new();
    for (&i, answer) in wanted.iter().zip(answers) {
        let answer = unprotect(&answer, &markers);
        match &mut fields[i] {
            TextField::Plain(t) => {
                let (text, dropped) = html_to_plain(&answer);
                report.dropped.extend(dropped.0);
                result_text.push_str(&text);
                *t.get_mut(to) = text;
            }
            TextField::Rich(r) => {
                let links = links_of(r.get(from));
                let (rich, dropped) = html_to_rich(&answer, &links);
                report.dropped.extend(dropped.0);
                result_text.push_str(&rich.plain_text());
                *r.get_mut(to) = rich;
            }
        }
        result_text.push('\n');
        report.fields += 1;
    }
    let source_text = sources.join("\n");
    for (source, target) in &pairs {
        if contains_term(&source_text, source) && !contains_term(&result_text, target) {
            report.flagged.push(Flag {
                block,
                term: source.clone(),
                expected: target.clone(),
            });
        }
    }
    report.blocks = 1;
    Ok(report)
}

/// Fills the blank side of `block` from `from` and marks it a machine draft. A block
/// shown in one language only, or with nothing to fill, is left as it is.
pub fn translate_block(
    block: &mut Block,
    index: usize,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
) -> Result<Report, TranslateError> {
    draft_block(block, index, from, service, glossary, Fill::Blank)
}

/// A new draft of the whole `from.other()` side of `block` from `from`, over what is
/// there (a person typed it, or the source changed since the last draft): only for a
/// person to compare and accept ([`apply::redraft`]), never saved without that.
pub fn redraft_block(
    block: &mut Block,
    index: usize,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
) -> Result<Report, TranslateError> {
    draft_block(block, index, from, service, glossary, Fill::Over)
}

fn draft_block(
    block: &mut Block,
    index: usize,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
    mode: Fill,
) -> Result<Report, TranslateError> {
    if block.only.is_some() {
        return Ok(Report::default());
    }
    let report = fill(
        block.text_fields(),
        from,
        service,
        glossary,
        Some(index),
        mode,
    )?;
    if report.fields > 0 && !block.machine_draft.contains(&from.other()) {
        block.machine_draft.push(from.other());
    }
    Ok(report)
}

/// The written texts of `block`'s `lang` side, one per field, as a person reads them
/// (an article body as plain text), to compare a draft with what is there.
pub fn side_texts(block: &Block, lang: Lang) -> Vec<String> {
    let mut copy = block.clone();
    copy.text_fields()
        .iter()
        .map(|f| match f {
            TextField::Plain(t) => t.get(lang).trim().to_owned(),
            TextField::Rich(r) => r.get(lang).plain_text().trim().to_owned(),
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Fills the blank subject and preheader of `issue` from `from`, marked as drafts.
pub fn translate_meta(
    issue: &mut Issue,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
) -> Result<Report, TranslateError> {
    let fields = vec![
        TextField::Plain(&mut issue.subject),
        TextField::Plain(&mut issue.preheader),
    ];
    let report = fill(fields, from, service, glossary, None, Fill::Blank)?;
    if report.fields > 0 && !issue.machine_draft.contains(&from.other()) {
        issue.machine_draft.push(from.other());
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_split_after_paragraphs_and_lists() {
        assert_eq!(
            split_paragraphs("<p>a</p><ul><li>b</li></ul><p>c</p>"),
            ["<p>a</p>", "<ul><li>b</li></ul>", "<p>c</p>"]
        );
        assert_eq!(split_paragraphs("plain"), ["plain"]);
    }
}

#[cfg(test)]
mod messages {
    use super::*;

    #[test]
    fn every_error_is_explained_in_every_language() {
        let errors = [
            TranslateError::Key,
            TranslateError::Quota,
            TranslateError::TooMany,
            TranslateError::TooLong,
            TranslateError::Unreachable(String::new()),
            TranslateError::Service(String::new()),
            TranslateError::NotConfigured,
            TranslateError::Cancelled,
        ];
        crate::i18n::assert_explained(errors.iter().map(TranslateError::message_id));
    }
}
