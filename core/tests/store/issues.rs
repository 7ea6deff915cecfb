//! Issues on disk: whole-issue round trip, one-block saves, moves, refusals that keep
//! the stored issue unchanged, and the sample seeded once.

use tandem_core::model::{Bilingual, Block, BlockKind, Issue, Lang};
use tandem_core::store::{IssueMeta, Store, StoreError};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    (dir, store)
}

fn heading(fr: &str, nl: &str) -> Block {
    Block::new(BlockKind::Heading {
        text: Bilingual::new(fr.into(), nl.into()),
    })
}

fn headings(store: &Store, id: i64) -> Vec<String> {
    store
        .issue(id)
        .unwrap()
        .issue
        .blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading { text } => text.fr.clone(),
            other => other.name().to_owned(),
        })
        .collect()
}

#[test]
fn an_issue_reads_back_exactly_as_written_after_reopening() {
    let (dir, mut store) = store();
    let sample = Issue::sample();
    let id = store.create_issue(&sample).unwrap();
    drop(store);
    let store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    let stored = store.issue(id).unwrap();
    assert_eq!(stored.issue, sample);
    assert_eq!(stored.block_ids.len(), sample.blocks.len());
    let list = store.issues().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].subject, sample.subject);
    assert!(list[0].incomplete_blocks.is_empty());
}

#[test]
fn blocks_are_added_moved_saved_and_deleted_one_at_a_time() {
    let (_dir, mut store) = store();
    let mut issue = Issue::sample();
    issue.blocks = vec![heading("A", "A"), heading("B", "B"), heading("C", "C")];
    let id = store.create_issue(&issue).unwrap();
    let ids = store.issue(id).unwrap().block_ids;

    store.move_block(id, ids[2], 0).unwrap();
    assert_eq!(headings(&store, id), ["C", "A", "B"]);
    let d = store.add_block(id, 1, &heading("D", "")).unwrap();
    assert_eq!(headings(&store, id), ["C", "D", "A", "B"]);
    store.save_block(id, d, &heading("D2", "D2")).unwrap();
    assert_eq!(headings(&store, id), ["C", "D2", "A", "B"]);
    store.delete_block(id, ids[0]).unwrap();
    assert_eq!(headings(&store, id), ["C", "D2", "B"]);
    store.move_block(id, ids[2], 99).unwrap();
    assert_eq!(headings(&store, id), ["D2", "B", "C"]);
}

#[test]
fn a_block_with_an_unsafe_link_is_refused_and_the_stored_one_is_kept() {
    let (_dir, mut store) = store();
    let id = store.create_issue(&Issue::sample()).unwrap();
    let before = store.issue(id).unwrap();
    let bad = Block::new(BlockKind::Button {
        label: Bilingual::new("Clic".into(), "Klik".into()),
        url: "javascript:alert(1)".into(),
    });
    let last = *before.block_ids.last().unwrap();
    let err = store.save_block(id, last, &bad).unwrap_err();
    assert_eq!(err.code(), "error-issue-invalid");
    let position = before.block_ids.len();
    assert!(
        err.to_string().contains(&format!("block {position}, url")),
        "{err}"
    );
    assert_eq!(store.issue(id).unwrap(), before);
}

#[test]
fn a_subject_with_a_line_break_is_refused() {
    let (_dir, mut store) = store();
    let id = store.create_issue(&Issue::sample()).unwrap();
    let mut meta = IssueMeta {
        number: 2,
        date: "2027-04-01".parse().unwrap(),
        subject: Bilingual::new("Avril\r\nBcc: x@example.org".into(), "April".into()),
        preheader: Bilingual::default(),
    };
    assert!(matches!(
        store.save_issue_meta(id, &meta),
        Err(StoreError::Invalid(_))
    ));
    meta.subject.fr = "Avril".into();
    store.save_issue_meta(id, &meta).unwrap();
    let issue = store.issue(id).unwrap().issue;
    assert_eq!((issue.number, issue.subject.fr.as_str()), (2, "Avril"));
}

#[test]
fn a_missing_translation_is_saved_and_listed_as_incomplete() {
    let (_dir, mut store) = store();
    let id = store.create_issue(&Issue::sample()).unwrap();
    let first = store.issue(id).unwrap().block_ids[0];
    store
        .save_block(id, first, &heading("Seulement en français", ""))
        .unwrap();
    let list = store.issues().unwrap();
    assert_eq!(list[0].incomplete_blocks, vec![0]);
    let report = store.issue(id).unwrap().issue.check();
    assert_eq!(report.incomplete[0].lang, Some(Lang::Nl));
}

#[test]
fn the_sample_is_seeded_once_and_not_brought_back_after_deletion() {
    let (_dir, mut store) = store();
    let id = store
        .seed_sample_once()
        .unwrap()
        .expect("seeded on first use");
    assert_eq!(store.issues().unwrap().len(), 1);
    assert_eq!(store.seed_sample_once().unwrap(), None);
    store.delete_issue(id).unwrap();
    assert_eq!(store.seed_sample_once().unwrap(), None);
    assert!(store.issues().unwrap().is_empty());
}

#[test]
fn missing_issues_and_blocks_are_reported_as_not_found() {
    let (_dir, mut store) = store();
    assert_eq!(store.issue(42).unwrap_err().code(), "error-store-not-found");
    let id = store.create_issue(&Issue::sample()).unwrap();
    assert_eq!(
        store
            .save_block(id, 9999, &heading("x", "x"))
            .unwrap_err()
            .code(),
        "error-store-not-found"
    );
    assert_eq!(
        store.delete_block(id, 9999).unwrap_err().code(),
        "error-store-not-found"
    );
}

#[test]
fn a_machine_draft_mark_is_set_by_a_translation_only_and_cleared_by_an_edit_or_a_reread() {
    let (_dir, mut store) = store();
    let mut issue = Issue::sample();
    issue.blocks = vec![heading("Formation", ""), heading("École", "")];
    let id = store.create_issue(&issue).unwrap();
    let ids = store.issue(id).unwrap().block_ids;

    // The app cannot set a mark by saving a block (only a translation does).
    let mut forged = heading("Formation", "Opleiding");
    forged.machine_draft = vec![Lang::Nl];
    store.save_block(id, ids[0], &forged).unwrap();
    assert!(store.issue(id).unwrap().issue.blocks[0]
        .machine_draft
        .is_empty());

    // A translation sets it; saving the same text keeps it.
    let mut drafted = heading("École", "School");
    drafted.machine_draft = vec![Lang::Nl];
    store.save_translated_block(id, ids[1], &drafted).unwrap();
    store.save_block(id, ids[1], &drafted).unwrap();
    assert_eq!(
        store.issue(id).unwrap().issue.blocks[1].machine_draft,
        [Lang::Nl]
    );
    // Editing the French side does not clear the Dutch mark; editing the Dutch side does.
    let mut french_edit = heading("L'école", "School");
    french_edit.machine_draft = vec![Lang::Nl];
    store.save_block(id, ids[1], &french_edit).unwrap();
    assert_eq!(
        store.issue(id).unwrap().issue.blocks[1].machine_draft,
        [Lang::Nl]
    );
    let mut dutch_edit = heading("L'école", "De school");
    dutch_edit.machine_draft = vec![Lang::Nl];
    store.save_block(id, ids[1], &dutch_edit).unwrap();
    assert!(store.issue(id).unwrap().issue.blocks[1]
        .machine_draft
        .is_empty());

    // "Reread, OK" on the subject: the issue-level mark goes.
    let mut translated = store.issue(id).unwrap().issue;
    translated.machine_draft = vec![Lang::Nl];
    store.save_translated_meta(id, &translated).unwrap();
    assert_eq!(store.issue(id).unwrap().issue.machine_draft, [Lang::Nl]);
    assert_eq!(store.issues().unwrap()[0].machine_drafts, 1);
    store.clear_issue_draft(id, Lang::Nl).unwrap();
    assert!(store.issue(id).unwrap().issue.machine_draft.is_empty());
}
