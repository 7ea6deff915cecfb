//! Moving the data folder: everything arrives, the note leads the app and the CLI to the
//! new folder, nothing is left behind, and a folder that cannot take it changes nothing.

use std::path::Path;

use tandem_core::backup::{self, relocate};
use tandem_core::contacts::{ContactInput, ContactLanguage};
use tandem_core::paths::{follow, MOVED_FILE};
use tandem_core::store::Store;

fn contact(store: &mut Store, email: &str) {
    store
        .save_contact(
            &ContactInput {
                id: None,
                email: email.into(),
                first_name: "Anne".into(),
                last_name: "Peeters".into(),
                organisation: String::new(),
                language: ContactLanguage::Nl,
                lists: vec![],
                notes: String::new(),
            },
            &mut || format!("{:032x}", email.len() * 7 + email.as_bytes()[0] as usize),
        )
        .unwrap();
}

/// A data folder as the app leaves it: the database (with a WAL not yet checkpointed),
/// a backup, an outbox message, a secrets file.
fn data_folder(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("tandem.sqlite3");
    let mut store = Store::open(&db).unwrap();
    contact(&mut store, "anne.peeters@voorbeeld.be");
    backup::make(&store, &backup::default_dir(dir), chrono::Utc::now()).unwrap();
    contact(&mut store, "jan.janssens@voorbeeld.be");
    drop(store);
    std::fs::create_dir_all(dir.join("outbox")).unwrap();
    std::fs::write(dir.join("outbox/m1@example.org.eml"), "Subject: x\r\n\r\nx").unwrap();
    std::fs::write(dir.join("secrets-smtp.json"), "{}").unwrap();
    db
}

fn emails(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let mut out: Vec<String> = store
        .search_contacts(&Default::default(), 0, 100)
        .unwrap()
        .rows
        .into_iter()
        .map(|c| c.email)
        .collect();
    out.sort();
    out
}

#[test]
fn everything_arrives_the_note_leads_there_and_nothing_stays_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("OneDrive - PMO/Tandem");
    std::fs::create_dir_all(&base).unwrap();
    let db = data_folder(&base);
    let to = tmp.path().join("local/Tandem");

    let moved = relocate::move_data(&db, &to, &base).unwrap();
    assert_eq!(moved.to, to.display().to_string());
    // The backup, the outbox message and the secrets file.
    assert_eq!(moved.files, 3, "{moved:?}");
    assert!(moved.bytes > 0);

    assert_eq!(follow(&base), to, "the note leads to the new folder");
    let new_db = to.join("tandem.sqlite3");
    assert_eq!(
        emails(&new_db),
        ["anne.peeters@voorbeeld.be", "jan.janssens@voorbeeld.be"]
    );
    assert_eq!(
        backup::list(&backup::default_dir(&to), true).unwrap().len(),
        1
    );
    assert!(to.join("outbox/m1@example.org.eml").is_file());
    assert!(to.join("secrets-smtp.json").is_file());
    // The old folder keeps the note, and nothing else.
    let left: Vec<String> = std::fs::read_dir(&base)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, [MOVED_FILE]);

    // Moving on to a third folder rewrites the note in the base folder; moving back to
    // the base folder removes it.
    let third = tmp.path().join("usb/Tandem");
    relocate::move_data(&new_db, &third, &base).unwrap();
    assert_eq!(follow(&base), third);
    assert!(!to.exists(), "the emptied folder is removed");
    relocate::move_data(&third.join("tandem.sqlite3"), &base, &base).unwrap();
    assert_eq!(follow(&base), base);
    assert!(!base.join(MOVED_FILE).exists());
    assert_eq!(emails(&base.join("tandem.sqlite3")).len(), 2);
}

#[test]
fn a_folder_that_cannot_take_it_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("data");
    std::fs::create_dir_all(&base).unwrap();
    let db = data_folder(&base);
    let before = std::fs::read(&db).unwrap();

    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    drop(Store::open(&other.join("tandem.sqlite3")).unwrap());
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    for (to, code) in [
        (other.clone(), "error-move-has-database"),
        (file.clone(), "error-move-not-a-folder"),
        (base.join("backups"), "error-move-nested"),
        (base.clone(), "error-move-nested"),
        (tmp.path().to_path_buf(), "error-move-nested"),
    ] {
        let err = relocate::move_data(&db, &to, &base).unwrap_err();
        assert_eq!(err.code(), code, "{}", to.display());
    }
    // The app has the file open: the move waits for nobody and refuses.
    let open = Store::open(&db).unwrap();
    let err = relocate::move_data(&db, &tmp.path().join("new"), &base).unwrap_err();
    assert_eq!(err.code(), "error-store-in-use", "{err}");
    drop(open);
    assert!(!tmp.path().join("new/tandem.sqlite3").exists());

    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(follow(&base), base);
    assert_eq!(emails(&db).len(), 2);
}

#[test]
fn a_move_cut_off_before_its_note_leaves_the_old_folder_in_use_and_can_be_done_again() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("data");
    std::fs::create_dir_all(&base).unwrap();
    let db = data_folder(&base);
    let to = tmp.path().join("new");
    // What a move cut off while copying leaves: a half-written database, some files.
    std::fs::create_dir_all(to.join("outbox")).unwrap();
    std::fs::write(to.join("tandem.sqlite3.partial"), b"half").unwrap();
    std::fs::write(to.join("outbox/m1@example.org.eml"), b"hal").unwrap();
    assert_eq!(follow(&base), base);

    relocate::move_data(&db, &to, &base).unwrap();
    assert_eq!(follow(&base), to);
    assert!(!to.join("tandem.sqlite3.partial").exists());
    assert_eq!(
        std::fs::read(to.join("outbox/m1@example.org.eml")).unwrap(),
        b"Subject: x\r\n\r\nx"
    );
    assert_eq!(emails(&to.join("tandem.sqlite3")).len(), 2);
}
