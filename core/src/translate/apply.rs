//! A translation applied to a stored issue: each block filled and saved on its own (a
//! failure half-way keeps what was done and leaves the rest as it was), the DeepL
//! glossaries made once per glossary content and remembered.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use ts_rs::TS;

use super::{
    redraft_block, side_texts, translate_block, translate_meta, Report, Service, TranslateError,
};
use crate::model::{Block, Lang};
use crate::store::{Store, StoreError};

/// Why a stored issue could not be translated.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Translate(#[from] TranslateError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The block changed between a new draft being shown and being accepted.
    #[error("the block changed while its new draft was shown")]
    Changed,
    /// Someone edited the text while it was being translated: their edit is kept, the
    /// draft is not put in (blocks done before keep theirs).
    #[error("the text was edited while it was being translated")]
    Edited,
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
    let issue = stored.issue;
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
        let r = translate_stored_meta(store, id, scope.from, service, glossary, scope.dry_run)?;
        report.add(r);
        progress(1, total);
    }
    for (n, i) in indexes.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(TranslateError::Cancelled.into());
        }
        // Read again before each block: typing goes on while earlier blocks translate.
        let block_id = stored.block_ids[i];
        let Some(before) = stored_block(store, id, block_id)? else {
            continue; // deleted meanwhile
        };
        let mut block = before.clone();
        let r = translate_block(&mut block, i, scope.from, service, glossary)?;
        if r.fields > 0 && !scope.dry_run {
            if stored_block(store, id, block_id)?.as_ref() != Some(&before) {
                return Err(ApplyError::Edited);
            }
            store.save_translated_block(id, block_id, &block)?;
        }
        report.add(r);
        progress(n + 1 + usize::from(scope.block.is_none()), total);
    }
    Ok(report)
}

/// Block `block_id` of issue `id` as stored now, if it is still there.
fn stored_block(store: &Store, id: i64, block_id: i64) -> Result<Option<Block>, StoreError> {
    let now = store.issue(id)?;
    Ok(now
        .block_ids
        .iter()
        .position(|b| *b == block_id)
        .map(|p| now.issue.blocks[p].clone()))
}

/// Fills the blank subject and preheader of issue `id` from `from` and saves them,
/// marked, unless someone edited them while the service was answering (the app
/// translates on a connection of its own, so typing goes on meanwhile).
pub fn translate_stored_meta(
    store: &mut Store,
    id: i64,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
    dry_run: bool,
) -> Result<Report, ApplyError> {
    let mut issue = store.issue(id)?.issue;
    let before = (issue.subject.clone(), issue.preheader.clone());
    let report = translate_meta(&mut issue, from, service, glossary)?;
    if report.fields > 0 && !dry_run {
        let now = store.issue(id)?.issue;
        if (now.subject, now.preheader) != before {
            return Err(ApplyError::Edited);
        }
        store.save_translated_meta(id, &issue)?;
    }
    Ok(report)
}

/// A new draft of one block's side, waiting for a person to compare and accept it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "Redraft")]
pub struct Redraft {
    #[ts(type = "number")]
    pub issue_id: i64,
    /// 0-based.
    pub index: usize,
    pub from: Lang,
    /// What the side says now and what the draft says, one text per field.
    pub current: Vec<String>,
    pub draft: Vec<String>,
    pub report: Report,
    /// The block as stored when the draft was made, and with the draft.
    #[serde(skip)]
    #[ts(skip)]
    pub before: Block,
    #[serde(skip)]
    #[ts(skip)]
    pub after: Block,
}

/// A new draft of the `from.other()` side of block `index`, over what a person typed:
/// nothing is saved (see [`accept_redraft`]).
pub fn redraft(
    store: &Store,
    id: i64,
    index: usize,
    from: Lang,
    service: &mut dyn Service,
    glossary: &[(String, String)],
) -> Result<Redraft, ApplyError> {
    let issue = store.issue(id)?.issue;
    let before = issue
        .blocks
        .get(index)
        .cloned()
        .ok_or_else(|| StoreError::NotFound {
            what: format!("block {} of issue {id}", index + 1),
        })?;
    let mut after = before.clone();
    let report = redraft_block(&mut after, index, from, service, glossary)?;
    Ok(Redraft {
        issue_id: id,
        index,
        from,
        current: side_texts(&before, from.other()),
        draft: side_texts(&after, from.other()),
        report,
        before,
        after,
    })
}

/// Puts an accepted draft in place, marked as a machine draft, if the block is still as
/// it was when the draft was made ([`ApplyError::Changed`] otherwise: nothing is saved).
pub fn accept_redraft(store: &mut Store, redraft: &Redraft) -> Result<(), ApplyError> {
    let stored = store.issue(redraft.issue_id)?;
    match stored.issue.blocks.get(redraft.index) {
        Some(now) if *now == redraft.before => {}
        _ => return Err(ApplyError::Changed),
    }
    store.save_translated_block(
        redraft.issue_id,
        stored.block_ids[redraft.index],
        &redraft.after,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Issue, RichText};

    /// A stand-in for the service in these unit tests (the real services are tested
    /// against the DeepL/LibreTranslate test server): text between tags in capitals.
    /// With a database file, someone saves an edit of block 0's French title during
    /// the answer (through another connection, as the app's typing does).
    struct Capitals(Option<std::path::PathBuf>);

    impl Service for Capitals {
        fn translate(
            &mut self,
            texts: &[String],
            _: Lang,
            _: Lang,
        ) -> Result<Vec<String>, TranslateError> {
            if let Some(path) = &self.0 {
                let mut other = Store::open(path).unwrap();
                let stored = other.issue(1).unwrap();
                let mut block = stored.issue.blocks[0].clone();
                if let crate::model::BlockKind::Article { title, .. } = &mut block.kind {
                    title.fr = "Le tuteur, encore".into();
                }
                other.save_block(1, stored.block_ids[0], &block).unwrap();
            }
            Ok(texts
                .iter()
                .map(|t| {
                    let mut in_tag = false;
                    t.chars()
                        .map(|c| {
                            in_tag = (in_tag || c == '<') && c != '>';
                            if in_tag {
                                c
                            } else {
                                c.to_ascii_uppercase()
                            }
                        })
                        .collect()
                })
                .collect())
        }
        fn use_glossary(&mut self, _: &[(String, String)]) -> Result<(), TranslateError> {
            Ok(())
        }
        fn usage(&mut self) -> Result<Option<(u64, u64)>, TranslateError> {
            Ok(None)
        }
        fn applies_glossary(&self) -> bool {
            true
        }
    }

    fn stored() -> (Store, i64) {
        let issue: Issue = serde_json::from_value(serde_json::json!({
            "number": 3,
            "date": "2026-12-01",
            "subject": {"fr": "Lettre", "nl": "Brief"},
            "preheader": {"fr": "", "nl": ""},
            "blocks": [
                {"kind": "article",
                 "title": {"fr": "Le tuteur", "nl": "De voogd (oud)"},
                 "body": {"fr": [], "nl": []}},
                {"kind": "heading", "text": {"fr": "Formation", "nl": ""}}
            ]
        }))
        .unwrap();
        let mut issue = issue;
        if let crate::model::BlockKind::Article { body, .. } = &mut issue.blocks[0].kind {
            body.fr = RichText::from_markdown("Un **nouveau** texte.");
            body.nl = RichText::from_markdown("Een oude tekst.");
        }
        let mut store = Store::open_in_memory().unwrap();
        let id = store.create_issue(&issue).unwrap();
        (store, id)
    }

    #[test]
    fn an_edit_saved_while_a_block_is_translated_is_kept_and_the_draft_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite3");
        let (memory, id) = stored();
        let mut store = Store::open(&path).unwrap();
        let id = {
            let issue = memory.issue(id).unwrap().issue;
            let mut issue = issue;
            // Block 0's Dutch side blank, so there is something to translate.
            if let crate::model::BlockKind::Article { title, body, .. } = &mut issue.blocks[0].kind
            {
                title.nl.clear();
                body.nl = RichText::default();
            }
            store.create_issue(&issue).unwrap()
        };
        assert_eq!(id, 1);
        let scope = Scope {
            from: Lang::Fr,
            block: Some(0),
            dry_run: false,
        };
        let result = translate_issue(
            &mut store,
            id,
            scope,
            &mut Capitals(Some(path.clone())),
            &[],
            &AtomicBool::new(false),
            &mut |_, _| {},
        );
        assert!(matches!(result, Err(ApplyError::Edited)), "{result:?}");
        let block = &store.issue(id).unwrap().issue.blocks[0];
        assert_eq!(side_texts(block, Lang::Fr)[0], "Le tuteur, encore");
        assert!(side_texts(block, Lang::Nl).is_empty(), "no draft put in");
        assert!(block.machine_draft.is_empty());

        // Without an edit meanwhile, the draft goes in.
        translate_issue(
            &mut store,
            id,
            scope,
            &mut Capitals(None),
            &[],
            &AtomicBool::new(false),
            &mut |_, _| {},
        )
        .unwrap();
        let block = &store.issue(id).unwrap().issue.blocks[0];
        assert_eq!(side_texts(block, Lang::Nl)[0], "LE TUTEUR, ENCORE");
    }

    #[test]
    fn a_new_draft_over_a_written_side_is_shown_then_saved_only_when_accepted() {
        let (mut store, id) = stored();
        let r = redraft(&store, id, 0, Lang::Fr, &mut Capitals(None), &[]).unwrap();
        assert_eq!(r.current, ["De voogd (oud)", "Een oude tekst."]);
        assert_eq!(r.draft, ["LE TUTEUR", "UN NOUVEAU TEXTE."]);
        assert_eq!(r.report.fields, 2);
        // Nothing saved yet.
        let now = store.issue(id).unwrap().issue;
        assert_eq!(now.blocks[0], r.before);
        assert!(now.blocks[0].machine_draft.is_empty());

        accept_redraft(&mut store, &r).unwrap();
        let block = &store.issue(id).unwrap().issue.blocks[0];
        assert_eq!(side_texts(block, Lang::Nl), r.draft);
        assert_eq!(block.machine_draft, [Lang::Nl]);
        // The French side and its formatting are as they were.
        assert_eq!(block.side(Lang::Fr), r.before.side(Lang::Fr));
        assert!(
            block.side(Lang::Nl).contains("**NOUVEAU**"),
            "{}",
            block.side(Lang::Nl)
        );
    }

    #[test]
    fn a_block_changed_while_its_draft_was_shown_is_not_replaced() {
        let (mut store, id) = stored();
        let r = redraft(&store, id, 0, Lang::Fr, &mut Capitals(None), &[]).unwrap();
        // Someone types in the Dutch title meanwhile.
        let stored = store.issue(id).unwrap();
        let mut typed = stored.issue.blocks[0].clone();
        if let crate::model::BlockKind::Article { title, .. } = &mut typed.kind {
            title.nl = "De voogd (nieuw)".into();
        }
        store.save_block(id, stored.block_ids[0], &typed).unwrap();
        assert!(matches!(
            accept_redraft(&mut store, &r),
            Err(ApplyError::Changed)
        ));
        assert_eq!(store.issue(id).unwrap().issue.blocks[0], typed);
        // A block with nothing to draw from gives an empty draft; a missing block, an error.
        let empty = redraft(&store, id, 1, Lang::Nl, &mut Capitals(None), &[]).unwrap();
        assert_eq!(empty.report.fields, 0);
        assert!(redraft(&store, id, 9, Lang::Fr, &mut Capitals(None), &[]).is_err());
    }
}
