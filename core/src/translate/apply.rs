//! A translation applied to a stored issue: each block filled and saved on its own (a
//! failure half-way keeps what was done and leaves the rest as it was), the DeepL
//! glossaries made once per glossary content and remembered.

use std::sync::atomic::{AtomicBool, Ordering};

use super::{translate_block, translate_meta, Report, Service, TranslateError};
use crate::model::Lang;
use crate::store::{Store, StoreError};

/// Why a stored issue could not be translated.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Translate(#[from] TranslateError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What to translate.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub from: Lang,
    /// One block (0-based) or, with `None`, every block and the subject and preheader.
    pub block: Option<usize>,
    /// Work everything out and send it, save nothing.
    pub dry_run: bool,
}

/// Gives `service` the organisation's glossary (a DeepL glossary is made only when the
/// list changed since the last one, and remembered).
pub fn prepare(
    store: &Store,
    service: &mut dyn Service,
) -> Result<Vec<(String, String)>, ApplyError> {
    let glossary = store.glossary()?;
    if let Some(known) = service.known_glossaries() {
        *known = store.deepl_glossaries()?;
    }
    service.use_glossary(&glossary)?;
    if let Some(known) = service.known_glossaries() {
        store.set_deepl_glossaries(known)?;
    }
    Ok(glossary)
}

/// Translates the missing sides of issue `id` in `scope`; `progress(done, total)` after
/// each block; `cancel` stops between blocks (what is done stays).
pub fn translate_issue(
    store: &mut Store,
    id: i64,
    scope: Scope,
    service: &mut dyn Service,
    glossary: &[(String, String)],
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, ApplyError> {
    let stored = store.issue(id)?;
    let mut issue = stored.issue;
    let mut report = Report::default();
    let indexes: Vec<usize> = match scope.block {
        Some(i) if i < issue.blocks.len() => vec![i],
        Some(i) => {
            return Err(StoreError::NotFound {
                what: format!("block {} of issue {id}", i + 1),
            }
            .into())
        }
        None => (0..issue.blocks.len()).collect(),
    };
    let total = indexes.len() + usize::from(scope.block.is_none());
    if scope.block.is_none() {
        let r = translate_meta(&mut issue, scope.from, service, glossary)?;
        if r.fields > 0 && !scope.dry_run {
            store.save_translated_meta(id, &issue)?;
        }
        report.add(r);
        progress(1, total);
    }
    for (n, i) in indexes.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(TranslateError::Cancelled.into());
        }
        let block = &mut issue.blocks[i];
        let r = translate_block(block, i, scope.from, service, glossary)?;
        if r.fields > 0 && !scope.dry_run {
            store.save_translated_block(id, stored.block_ids[i], block)?;
        }
        report.add(r);
        progress(n + 1 + usize::from(scope.block.is_none()), total);
    }
    Ok(report)
}
