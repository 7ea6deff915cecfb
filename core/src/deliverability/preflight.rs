//! Before anyone receives it: every link of the issue (both languages, buttons, image
//! links, the unsubscribe page), and what else trips readers and providers — an image
//! without alternative text, a subject cut on phones, an empty preheader, an edition
//! Gmail clips.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use super::{links, Finding, Status};
use crate::model::{BlockKind, Edition, ImageRef, Issue, Lang};
use crate::render::{email_html, RenderOptions};

/// Past this many characters a subject is cut on most phones.
pub const SUBJECT_MAX: usize = 70;
/// Gmail clips a message whose HTML is larger than this (102 KB).
pub const GMAIL_CLIP: usize = 102 * 1024;
/// How long a link's result is kept.
pub const KEEP: Duration = Duration::from_secs(3600);

/// The editions a send of `edition` is made of (a bilingual send has all three: each
/// reader gets the one of their language).
pub fn editions(edition: Option<Edition>) -> Vec<Edition> {
    match edition {
        Some(e) => vec![e],
        None => Edition::ALL.to_vec(),
    }
}

fn options(unsubscribe_url: Option<&str>) -> RenderOptions {
    RenderOptions {
        image_base: "cid:".to_owned(),
        image_suffix: "@tandem".to_owned(),
        unsubscribe_url: unsubscribe_url.map(str::to_owned),
        greeting: None,
    }
}

/// Every link of the issue as readers get it, each once, in reading order (the
/// unsubscribe page included when one is set).
pub fn links_of(issue: &Issue, editions: &[Edition], unsubscribe_url: Option<&str>) -> Vec<String> {
    let anchors = Selector::parse("a[href]").expect("static selector");
    let mut out: Vec<String> = Vec::new();
    for &edition in editions {
        let html = email_html(issue, edition, &options(unsubscribe_url));
        for a in Html::parse_document(&html).select(&anchors) {
            let href = a.value().attr("href").unwrap_or_default().trim().to_owned();
            if !href.is_empty() && !href.starts_with('#') && !out.contains(&href) {
                out.push(href);
            }
        }
    }
    out
}

/// The content findings: alternative texts, subject, preheader, size per edition.
pub fn content(issue: &Issue, editions: &[Edition], unsubscribe_url: Option<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    let langs: Vec<Lang> = {
        let mut l: Vec<Lang> = editions
            .iter()
            .flat_map(|e| e.langs().iter().copied())
            .collect();
        l.sort_by_key(|l| l.code());
        l.dedup();
        l
    };
    // Images without alternative text, per language shown.
    for (n, block) in issue.blocks.iter().enumerate() {
        let image: Option<&ImageRef> = match &block.kind {
            BlockKind::Image { image, .. } => Some(image),
            BlockKind::Article { image, .. } => image.as_ref(),
            _ => None,
        };
        let Some(image) = image.filter(|i| !i.src.trim().is_empty()) else {
            continue;
        };
        for &lang in &langs {
            if block.only.is_some_and(|only| only != lang) {
                continue;
            }
            if image.alt.get(lang).trim().is_empty() {
                out.push(
                    Finding::new("alt", Status::Improve, "deliv-alt-missing")
                        .arg("block", n + 1)
                        .arg("lang", lang.code()),
                );
            }
        }
    }
    for &lang in &langs {
        let subject = issue.subject.get(lang).trim();
        let count = subject.chars().count();
        if count > SUBJECT_MAX {
            out.push(
                Finding::new("subject", Status::Improve, "deliv-subject-long")
                    .arg("lang", lang.code())
                    .arg("count", count)
                    .arg("max", SUBJECT_MAX),
            );
        }
        if issue.preheader.get(lang).trim().is_empty() {
            out.push(
                Finding::new("preheader", Status::Improve, "deliv-preheader-empty")
                    .arg("lang", lang.code()),
            );
        }
    }
    for &edition in editions {
        let bytes = email_html(issue, edition, &options(unsubscribe_url)).len();
        let kb = bytes.div_ceil(1024);
        out.push(if bytes > GMAIL_CLIP {
            Finding::new("size", Status::Improve, "deliv-size-clipped")
                .arg("edition", edition.code())
                .arg("kb", kb)
        } else {
            Finding::new("size", Status::Ok, "deliv-size-ok")
                .arg("edition", edition.code())
                .arg("kb", kb)
        });
    }
    out
}

/// Link results kept for an hour (the app keeps one for its life; a check "now"
/// ignores it).
#[derive(Debug, Default)]
pub struct LinkCache {
    kept: Mutex<HashMap<String, (Instant, Finding)>>,
}

impl LinkCache {
    /// Checks `links`, reusing results younger than [`KEEP`] unless `fresh`.
    pub fn check(&self, links: &[String], agent: &ureq::Agent, fresh: bool) -> Vec<Finding> {
        let now = Instant::now();
        let known: HashMap<String, Finding> = if fresh {
            HashMap::new()
        } else {
            let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
            links
                .iter()
                .filter_map(|l| {
                    kept.get(l)
                        .filter(|(at, _)| now.duration_since(*at) < KEEP)
                        .map(|(_, f)| (l.clone(), f.clone()))
                })
                .collect()
        };
        let unknown: Vec<String> = links
            .iter()
            .filter(|l| !known.contains_key(*l))
            .cloned()
            .collect();
        let checked = links::check_all(&unknown, agent);
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        for f in &checked {
            if let Some(url) = &f.url {
                kept.insert(url.clone(), (now, f.clone()));
            }
        }
        let by_url: HashMap<String, Finding> = checked
            .into_iter()
            .filter_map(|f| Some((f.url.clone()?, f)))
            .chain(known)
            .collect();
        links
            .iter()
            .filter_map(|l| by_url.get(l).cloned())
            .collect()
    }
}
