//! A damaged database at start: moved aside untouched, the newest good backup offered,
//! and restoring it into the new file brings back its contacts and its ledger.

use std::path::Path;

use tandem_core::backup::{self, open_or_recover};
use tandem_core::contacts::{ContactInput, ContactLanguage};
use tandem_core::send::{Destination, NewRun};
use tandem_core::store::Store;

fn fill(store: &mut Store, n: usize) {
    for i in 0..n {
        store
            .save_contact(
                &ContactInput {
                    id: None,
                    email: format!("reader{i}@example.be"),
                    first_name: format!("Reader {i}"),
                    last_name: String::new(),
                    organisation: "Organisation with a long enough name to fill pages".into(),
                    language: ContactLanguage::Fr,
                    lists: vec![],
                    notes: "x".repeat(200),
                },
                &mut || format!("{i:032x}"),
            )
            .unwrap();
    }
    let recipients = store.audience_recipients(&[]).unwrap();
    let mut k = 0;
    store
        .create_run(
            &NewRun {
                issue_id: None,
                issue_number: 1,
                issue_json: "{}".into(),
                sender: "PMO <info@example.org>".into(),
                reply_to: String::new(),
                unsubscribe_url: String::new(),
                lists: vec![],
                is_test: false,
                greeting: false,
                destination: Destination::default_outbox(),
            },
            &recipients,
            1000,
            &mut || {
                k += 1;
                format!("<m{k}@example.org>")
            },
        )
        .unwrap();
}

fn damage(db: &Path, how: &str) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    match how {
        "truncated" => bytes.truncate(bytes.len() / 3),
        _ => {
            let middle = bytes.len() / 2;
            for b in &mut bytes[middle..middle + 16384] {
                *b = 0xA5;
            }
        }
    }
    std::fs::write(db, &bytes).unwrap();
    bytes
}

#[test]
fn a_damaged_file_is_moved_aside_and_the_newest_good_backup_restores_into_a_new_one() {
    for how in ["truncated", "overwritten"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tandem.sqlite3");
        {
            let mut store = Store::open(&db).unwrap();
            fill(&mut store, 400);
            backup::make(&store, &dir.path().join("backups"), chrono::Utc::now()).unwrap();
        }
        // A newer file by a backup's name that is not one: never offered.
        let later = chrono::Utc::now() + chrono::Duration::hours(1);
        std::fs::write(
            dir.path().join("backups").join(backup::file_name(later)),
            "not a database",
        )
        .unwrap();
        // A sound file opens as it is.
        let (store, recovery) = open_or_recover(&db, chrono::Utc::now()).unwrap();
        assert_eq!(recovery, None, "{how}");
        drop(store);

        let damaged = damage(&db, how);
        let (store, recovery) = open_or_recover(&db, chrono::Utc::now()).unwrap();
        let recovery = recovery.unwrap_or_else(|| panic!("{how}: not found damaged"));
        assert_eq!(
            std::fs::read(&recovery.moved_to).unwrap(),
            damaged,
            "{how}: the damaged file is kept byte for byte"
        );
        let newest = recovery.newest.expect("a good backup is offered");
        assert_eq!(newest.counts.as_ref().unwrap().contacts, 400, "{how}");
        assert_eq!(
            store.contact_summary().unwrap().total,
            0,
            "{how}: a new file"
        );
        drop(store);

        // Restoring it into the new file: its contacts and its ledger come back (the new
        // file does not continue the backup's sends, so their ledger is the backup's).
        let report =
            backup::restore(&db, Path::new(&newest.path), chrono::Utc::now(), false).unwrap();
        assert_eq!(report.ledger, "backup", "{how}");
        assert_eq!(report.paused_sends, 1, "{how}");
        let store = Store::open(&db).unwrap();
        assert_eq!(store.contact_summary().unwrap().total, 400, "{how}");
        assert_eq!(store.ledger(1, None).unwrap().len(), 400, "{how}");
    }
}

/// A real FUSE mount (bindfs, from Debian's packages, which `cargo xtask test`
/// installs): a data folder on it is told as risky, one beside it is not.
#[cfg(target_os = "linux")]
#[test]
fn a_data_folder_on_a_real_fuse_mount_is_told() {
    use tandem_core::backup::placement::{assess, Inputs, Risk};
    struct Mounted(std::path::PathBuf);
    impl Drop for Mounted {
        fn drop(&mut self) {
            let _ = std::process::Command::new("fusermount")
                .arg("-u")
                .arg(&self.0)
                .status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (source, point) = (dir.path().join("local"), dir.path().join("mounted"));
    std::fs::create_dir_all(&source).unwrap();
    std::fs::create_dir_all(&point).unwrap();
    let status = std::process::Command::new("bindfs")
        .arg(&source)
        .arg(&point)
        .status()
        .expect("bindfs is installed (cargo xtask test installs it)");
    assert!(
        status.success(),
        "bindfs could not mount {}",
        point.display()
    );
    let _mounted = Mounted(point.clone());
    let inputs = Inputs::of_this_computer();
    assert_eq!(
        assess(&point.join("be.mineursenexil.tandem"), &inputs),
        Some(Risk::Fuse { fs: "fuse".into() })
    );
    assert_eq!(
        assess(&source.join("be.mineursenexil.tandem"), &inputs),
        None
    );
}
