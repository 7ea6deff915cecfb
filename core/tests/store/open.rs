//! The database on disk: pragmas, migrations from files made by earlier schema versions,
//! and refusals that leave the user's file untouched.

use std::path::{Path, PathBuf};

use tandem_core::model::UiLanguage;
use tandem_core::store::{latest_version, Store, StoreError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schema")
        .join(name)
}

/// Copies a fixture into a fresh temp folder so tests never write to the originals.
fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

#[test]
fn a_new_file_gets_wal_foreign_keys_and_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/tandem.sqlite3");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.path(), Some(path.as_path()));
    assert_eq!(store.schema_version().unwrap(), latest_version());
    let conn = store.connection();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn settings_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.sqlite3");
    Store::open(&path)
        .unwrap()
        .set_ui_language(UiLanguage::Nl)
        .unwrap();
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.ui_language().unwrap(), Some(UiLanguage::Nl));
}

/// Every fixture `vN.sqlite3` is a real file written by schema version N with known
/// content; opening it must migrate it to the latest version and keep that content.
/// When a migration 000(N+1) lands, this test migrates the older files through it.
#[test]
fn files_from_every_earlier_schema_open_and_keep_their_data() {
    let mut seen = 0;
    for version in 1..=latest_version() {
        let name = format!("v{version}.sqlite3");
        if !fixture(&name).exists() {
            continue;
        }
        seen += 1;
        let (_dir, path) = copy_fixture(&name);
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(store.schema_version().unwrap(), latest_version(), "{name}");
        // Each fixture was made with the interface language set to Dutch.
        assert_eq!(store.ui_language().unwrap(), Some(UiLanguage::Nl), "{name}");
        if version >= 2 {
            // From schema 2 on, each fixture holds the sample issue.
            let mut issue = store.issue(1).unwrap().issue;
            if version == 4 {
                // v4's issue was sent through a server.
                assert_eq!(issue.status, tandem_core::model::IssueStatus::Sent);
            }
            issue.status = tandem_core::model::IssueStatus::Draft;
            assert_eq!(issue, tandem_core::model::Issue::sample(), "{name}");
        }
        if version == 4 {
            schema_4_outbox_rows_are_no_longer_called_sent(&store);
        }
        if version == 5 {
            schema_5_contacts_and_ledger_gain_the_mailbox_columns(&store);
        }
        if version == 7 {
            schema_7_mailbox_moves_and_translation_drafts_are_kept(&mut store);
        }
        if version >= 7 {
            drop(store);
            schema_9_keeps_nothing_of_mail_that_is_not_tandems(&path);
        }
    }
    assert!(
        seen >= 1,
        "no schema fixture found in tests/fixtures/schema"
    );
}

/// v7 and v8 hold a question someone@example.be sent to the office, read and left in
/// the inbox by a mailbox check that stored its sender and subject. Schema 9 keeps only
/// that a message was read there: neither in the log nor anywhere in the file's bytes.
fn schema_9_keeps_nothing_of_mail_that_is_not_tandems(path: &Path) {
    let store = Store::open(path).unwrap();
    let log = store.mailbox_log(10).unwrap();
    let left = log.iter().find(|a| a.kind == "left").unwrap();
    assert_eq!(
        (
            left.email.as_str(),
            left.sender.as_str(),
            left.subject.as_str()
        ),
        ("", "", "")
    );
    // Tandem's own business stays: Sam's request to confirm keeps who and what.
    let sam = log.iter().find(|a| a.kind == "to_confirm").unwrap();
    assert_eq!(sam.subject, "Désinscription");
    drop(store);
    let mut bytes = std::fs::read(path).unwrap();
    if let Ok(wal) = std::fs::read(path.with_extension("sqlite3-wal")) {
        bytes.extend(wal);
    }
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains("someone@example.be"),
        "the sender is still in the file"
    );
    assert!(
        !text.contains("Question"),
        "the subject is still in the file"
    );
    assert!(text.contains("sam@example.be"));
}

/// v4 holds two finished sends of the sample issue to three contacts, made by the
/// schema-4 CLI: send 1 without a server (the outbox folder), send 2 through an SMTP
/// server. Schema 4 called both "sent"; from schema 5 the outbox is its own status.
fn schema_4_outbox_rows_are_no_longer_called_sent(store: &Store) {
    use tandem_core::send::Destination;
    use tandem_core::send::RowStatus;
    let runs = store.runs().unwrap();
    let (server, outbox) = (&runs[0], &runs[1]);
    assert_eq!((outbox.id, outbox.sent, outbox.outbox), (1, 0, 3));
    assert_eq!(outbox.destination, Some(Destination::default_outbox()));
    assert_eq!((server.id, server.sent, server.outbox), (2, 3, 0));
    assert_eq!(server.destination, None, "the server was not recorded");
    let ledger = store.ledger(1, None).unwrap();
    assert!(ledger.iter().all(|r| r.status == RowStatus::Outbox
        && r.reply.starts_with("saved as ")
        && r.sent_at.is_some()));
    assert!(store
        .ledger(2, None)
        .unwrap()
        .iter()
        .all(|r| r.status == RowStatus::Sent && r.reply.starts_with("250 ")));
}

/// v5 holds three contacts and one send to the outbox folder (schema-5 CLI, commit
/// e3fcdb0). Schema 6 adds why/when a contact's status changed, a later bounce on the
/// ledger row, and the mailbox tables, all empty for what was there before.
fn schema_5_contacts_and_ledger_gain_the_mailbox_columns(store: &Store) {
    let anne = store.contact("anne@example.be").unwrap();
    assert_eq!(
        anne.status,
        tandem_core::contacts::ContactStatus::Subscribed
    );
    assert_eq!(
        (anne.status_reason.as_str(), anne.status_at.as_str()),
        ("", "")
    );
    let ledger = store.ledger(1, None).unwrap();
    assert_eq!(ledger.len(), 3);
    assert!(ledger.iter().all(|r| r.bounce.is_empty()
        && r.bounced_at.is_none()
        && r.message_id.ends_with("@example.org>")));
    assert!(store.mailbox_log(10).unwrap().is_empty());
    assert_eq!(store.mailbox_folder("INBOX").unwrap(), None);
}

/// v7 (schema-7 CLI, commit a526dd7): contacts, a send to the outbox, a second issue
/// whose Dutch article a translation service drafted, a one-pair glossary, and one
/// mailbox check of three messages (Anne's unsubscribe by token, moved to `Tandem`;
/// Sam's worded request, to confirm; a question, left). Schema 8 records a move only
/// once done: what schema 7 marked as moved stays moved.
fn schema_7_mailbox_moves_and_translation_drafts_are_kept(store: &mut Store) {
    use tandem_core::model::Lang;
    let anne = store.contact("anne@example.be").unwrap();
    assert_eq!(
        (anne.status.code(), anne.status_reason.as_str()),
        ("unsubscribed", "email_request")
    );
    let log = store.mailbox_log(10).unwrap();
    let kinds: Vec<_> = log.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, ["left", "to_confirm", "unsubscribed"]);
    let inbox = store.mailbox_folder("INBOX").unwrap().unwrap();
    assert_eq!(inbox.last_uid, 3);
    assert!(store
        .mailbox_pending_moves("INBOX", inbox.uidvalidity)
        .unwrap()
        .is_empty());
    assert!(
        store
            .mailbox_claim_moves("INBOX", inbox.uidvalidity, &[1, 2, 3])
            .unwrap()
            .is_empty(),
        "Anne's request was moved; the others stay in the INBOX"
    );
    let drafted = store.issue(2).unwrap().issue;
    assert_eq!(drafted.blocks[1].machine_draft, [Lang::Nl]);
    assert!(drafted.blocks[0].machine_draft.is_empty());
    assert_eq!(
        store.glossary().unwrap(),
        [(
            "service des Tutelles".to_owned(),
            "dienst Voogdij".to_owned()
        )]
    );
    assert_eq!(store.ledger(1, None).unwrap().len(), 3);
}

#[test]
fn a_file_without_schema_is_initialised() {
    // An empty SQLite file (user_version 0), e.g. made by a DB browser by mistake.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite3");
    rusqlite_touch(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), latest_version());
}

#[test]
fn a_database_from_a_newer_tandem_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert_eq!(err.code(), "error-store-too-new");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.sqlite3");
    let content = b"email;langue\nanne@example.be;fr\n".repeat(100);
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(err.code(), "error-store-not-a-database");
    assert_eq!(std::fs::read(&path).unwrap(), content);
}

#[test]
fn a_folder_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let err = Store::open(&blocker.join("sub/tandem.sqlite3")).unwrap_err();
    assert_eq!(err.code(), "error-store-create-dir", "{err:?}");
}

fn rusqlite_touch(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("VACUUM").unwrap();
}

/// Before this version upgrades a file, the file as it was is backed up beside it
/// (every earlier schema, v1 without contacts or sends included); a file already at
/// this schema gets no backup when opened.
#[test]
fn a_file_is_backed_up_as_it_was_before_its_schema_is_upgraded() {
    for version in 1..latest_version() {
        let name = format!("v{version}.sqlite3");
        if !fixture(&name).exists() {
            continue;
        }
        let (dir, path) = copy_fixture(&name);
        let store = tandem_core::backup::open_store(&path, chrono::Utc::now()).unwrap();
        assert_eq!(store.schema_version().unwrap(), latest_version());
        drop(store);
        let backups = dir.path().join("backups");
        let listed = tandem_core::backup::list(&backups, true).unwrap();
        assert_eq!(listed.len(), 1, "{name}");
        let counts = listed[0].counts.as_ref().expect("verified");
        assert_eq!(
            counts.schema, version,
            "{name}: the copy is the file as it was"
        );
        // Opened again: nothing to upgrade, no new backup.
        drop(tandem_core::backup::open_store(&path, chrono::Utc::now()).unwrap());
        assert_eq!(
            tandem_core::backup::list(&backups, false).unwrap().len(),
            1,
            "{name}"
        );
    }
}
