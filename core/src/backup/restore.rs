//! Putting a backup back. The file is checked first, the current state backed up (or,
//! when it is damaged, moved aside), and the swap happens under the database's lock
//! taken exclusively, so neither the app nor a command is using the file meanwhile.
//!
//! A restore never brings back a person who left after the backup was made: the
//! current database's suppressions (unsubscribed and bounced contacts, the hashes of
//! erased ones) are merged into the restored one, and an erased person found in the
//! backup is erased again there, everywhere. Nobody gets an issue twice because of a
//! restore: the current ledger (which only ever moves forward) replaces the backup's,
//! with the mailbox's record of what it read, and a send that was running comes back
//! paused.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{default_dir, make_from, verify, Backup, BackupError, Counts};
use crate::contacts::{forget_in_ledger, suppression_hash, SALT_KEY};
use crate::paths::with_suffix;
use crate::store::{self, Store, StoreError};

/// What a restore brought back and what it kept of the state it replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    /// The backup restored, and what it holds after the merge.
    pub from: String,
    pub restored: Counts,
    /// The backup of the state it replaced (so the restore can be undone), when that
    /// state could be read.
    pub undo_backup: Option<String>,
    /// Where the damaged file it replaced was moved, when it was damaged.
    pub damaged_moved_to: Option<String>,
    /// Addresses that had unsubscribed or bounced since the backup: still stopped.
    pub kept_stopped: Vec<String>,
    /// People erased since the backup, erased again in the restored file.
    pub erased_again: usize,
    /// Where the ledger comes from: "current" (the newer one) or "backup" (the current
    /// one could not be read).
    pub ledger: String,
    /// Sends that were running and come back paused.
    pub paused_sends: usize,
    /// Nothing was changed (`--dry-run`).
    pub dry_run: bool,
    /// What belonged to the computer the backup came from and must be entered again
    /// here (`ui.ftl` ids: a password in the keychain, a CA file's path, a sign-in);
    /// filled by the app, which knows this computer's keychain.
    #[serde(default)]
    pub enter_again: Vec<String>,
}

/// What can be read of the database being replaced.
#[derive(Debug, Default)]
struct Current {
    readable: bool,
    salt: Option<String>,
    hashes: HashSet<String>,
    stopped: Vec<(String, String, String, String)>,
}

fn read_current(db: &Path) -> Current {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return Current::default();
    };
    let mut current = Current {
        readable: verify(db).is_ok(),
        ..Current::default()
    };
    // Each part read on its own: a damaged file gives what it still can.
    current.salt = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [SALT_KEY],
            |r| r.get(0),
        )
        .optional()
        .ok()
        .flatten();
    if let Ok(mut stmt) = conn.prepare("SELECT hash FROM suppressions") {
        if let Ok(rows) = stmt.query_map([], |r| r.get::<_, String>(0)) {
            current.hashes = rows.flatten().collect();
        }
    }
    if let Ok(mut stmt) = conn.prepare(
        "SELECT email, status, status_reason, status_at FROM contacts
         WHERE status <> 'subscribed'",
    ) {
        if let Ok(rows) = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))) {
            current.stopped = rows.flatten().collect();
        }
    }
    current
}

/// Replaces the rows of `tables` in `main` with those of `cur` (columns by name), in the
/// caller's transaction.
fn take_tables(conn: &Connection, tables: &[&str]) -> rusqlite::Result<()> {
    for table in tables.iter().rev() {
        conn.execute(&format!("DELETE FROM main.{table}"), [])?;
    }
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
        let columns: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let list = columns.join(", ");
        conn.execute(
            &format!("INSERT INTO main.{table} ({list}) SELECT {list} FROM cur.{table}"),
            [],
        )?;
    }
    Ok(())
}

/// Whether the database at `db` holds every send run of `restored` (same id, same start):
/// then it is a continuation of the backup and its ledger is the newer one.
fn continues(restored: &Store, db: &Path) -> bool {
    let Ok(cur) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    let runs = |conn: &Connection| -> rusqlite::Result<HashSet<(i64, i64)>> {
        let mut stmt = conn.prepare("SELECT id, created_at FROM send_runs")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    };
    match (runs(restored.connection()), runs(&cur)) {
        (Ok(backup), Ok(current)) => backup.is_subset(&current),
        _ => false,
    }
}

/// The current ledger and mailbox record into the restored file (`restored` open on
/// it); false when the current file cannot give them (the backup's are kept).
fn take_ledger(restored: &Store, db: &Path) -> bool {
    let conn = restored.connection();
    if conn
        .execute("ATTACH DATABASE ?1 AS cur", [db.to_string_lossy()])
        .is_err()
    {
        return false;
    }
    let result = (|| -> rusqlite::Result<()> {
        conn.execute_batch("BEGIN; PRAGMA defer_foreign_keys = ON;")?;
        take_tables(
            conn,
            &[
                "send_runs",
                "send_recipients",
                "send_events",
                "send_destination_changes",
                "mailbox_folders",
                "mailbox_messages",
                "mailbox_actions",
            ],
        )?;
        // Issues and contacts are the backup's: links to ones it does not have go.
        conn.execute_batch(
            "UPDATE send_runs SET issue_id = NULL
              WHERE issue_id IS NOT NULL AND issue_id NOT IN (SELECT id FROM issues);
             UPDATE mailbox_actions SET contact_id =
                    (SELECT c.id FROM contacts c WHERE c.email = mailbox_actions.email)
              WHERE contact_id IS NOT NULL;
             COMMIT;",
        )?;
        Ok(())
    })();
    if result.is_err() {
        let _ = conn.execute_batch("ROLLBACK;");
    }
    let _ = conn.execute("DETACH DATABASE cur", []);
    result.is_ok()
}

/// Restores `backup_file` into the database at `db` at time `now` (see the module
/// comment); with `dry_run`, says what it would do and changes nothing.
pub fn restore(
    db: &Path,
    backup_file: &Path,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<RestoreReport, BackupError> {
    restore_with(db, backup_file, now, dry_run, None)
}

/// [`restore`]; an encrypted backup is opened with `passphrase` (a wrong or missing one
/// is an error and changes nothing).
pub fn restore_with(
    db: &Path,
    backup_file: &Path,
    now: DateTime<Utc>,
    dry_run: bool,
    passphrase: Option<&str>,
) -> Result<RestoreReport, BackupError> {
    let name = backup_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !super::is_encrypted(&name) {
        return restore_plain(db, backup_file, backup_file, now, dry_run);
    }
    let plain = super::decrypt_to_temp(backup_file, passphrase)?;
    let result = restore_plain(db, &plain, backup_file, now, dry_run);
    super::crypt::shred(&plain);
    result
}

/// The restore of a plain file `backup_file` (`shown`: the name the person chose).
fn restore_plain(
    db: &Path,
    backup_file: &Path,
    shown: &Path,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<RestoreReport, BackupError> {
    verify(backup_file).map_err(|reason| BackupError::Unverified {
        path: backup_file.to_path_buf(),
        reason,
    })?;
    // A dry run changes nothing: it may look while the app has the file open.
    let _lock = if dry_run {
        None
    } else {
        Some(store::lock(db, true)?)
    };
    let current = read_current(db);
    let data_dir = db.parent().unwrap_or(Path::new(".")).to_path_buf();
    let temp = with_suffix(db, ".restoring");
    remove_with_journal(&temp);
    std::fs::copy(backup_file, &temp).map_err(|source| BackupError::Folder {
        path: temp.clone(),
        source,
    })?;
    let result = (|| -> Result<RestoreReport, BackupError> {
        let mut restored = Store::open(&temp)?;
        let report = merge(&mut restored, db, &current, shown)?;
        let problems =
            super::integrity(restored.connection()).map_err(|reason| BackupError::Unverified {
                path: temp.clone(),
                reason,
            })?;
        if !problems.is_empty() {
            return Err(BackupError::Unverified {
                path: temp.clone(),
                reason: problems.join("; "),
            });
        }
        restored.scrub_wal()?;
        Ok(report)
    })();
    let mut report = match result {
        Ok(r) => r,
        Err(e) => {
            remove_with_journal(&temp);
            return Err(e);
        }
    };
    report.dry_run = dry_run;
    if dry_run {
        remove_with_journal(&temp);
        return Ok(report);
    }
    // The state replaced: backed up (the restore can be undone), or moved aside.
    if current.readable {
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let made: Backup = make_from(&conn, &default_dir(&data_dir), now)?;
        report.undo_backup = Some(made.path);
    } else if db.exists() {
        let aside = super::move_aside(db, now)
            .map_err(|(path, source)| BackupError::Folder { path, source })?;
        report.damaged_moved_to = Some(aside.display().to_string());
    }
    // The old file's write-ahead log must never be applied to the new file.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(db, suffix));
    }
    std::fs::rename(&temp, db).map_err(|source| BackupError::Folder {
        path: db.to_path_buf(),
        source,
    })?;
    remove_with_journal(&temp);
    Ok(report)
}

/// The suppressions and the ledger of the current state into `restored`.
fn merge(
    restored: &mut Store,
    db: &Path,
    current: &Current,
    backup_file: &Path,
) -> Result<RestoreReport, BackupError> {
    // Erased since the backup: erased again, everywhere, with the current salt (the
    // restored file takes it when it has none of its own).
    let mut erased_again = 0;
    if let Some(salt) = &current.salt {
        let emails: Vec<String> = {
            let mut stmt = restored
                .connection()
                .prepare("SELECT email FROM contacts")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for email in emails {
            if current.hashes.contains(&suppression_hash(salt, &email)) {
                restored.erase(&email, &mut || salt.clone())?;
                erased_again += 1;
            }
        }
        // Rows of the backup's ledger for people with no contact row (a test send).
        let ledger: Vec<String> = {
            let mut stmt = restored
                .connection()
                .prepare("SELECT DISTINCT email FROM send_recipients")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for email in ledger {
            if current.hashes.contains(&suppression_hash(salt, &email)) {
                forget_in_ledger(restored.connection(), &email)?;
            }
        }
        let restored_salt: Option<String> = restored.setting(SALT_KEY)?;
        if restored_salt.is_none() {
            restored.set_setting(SALT_KEY, salt)?;
        }
        if restored_salt.as_deref().is_none_or(|s| s == salt) {
            let tx = restored.conn.transaction().map_err(StoreError::from)?;
            for hash in &current.hashes {
                tx.execute(
                    "INSERT OR IGNORE INTO suppressions (hash) VALUES (?1)",
                    [hash],
                )?;
            }
            tx.commit().map_err(StoreError::from)?;
        }
    }
    // Unsubscribed or bounced since the backup: still stopped.
    let mut kept_stopped = Vec::new();
    for (email, status, reason, at) in &current.stopped {
        let n = restored.connection().execute(
            "UPDATE contacts SET status = ?2, status_reason = ?3, status_at = ?4
             WHERE email = ?1 AND status = 'subscribed'",
            rusqlite::params![email, status, reason, at],
        )?;
        if n > 0 {
            kept_stopped.push(email.clone());
        }
    }
    // Today's ledger replaces the backup's only when it continues it (it holds every
    // run of the backup): a new file started after a damaged one does not.
    let ledger = if current.readable && continues(restored, db) && take_ledger(restored, db) {
        "current"
    } else {
        "backup"
    };
    let paused_sends = restored.connection().execute(
        "UPDATE send_runs SET state = 'paused', heartbeat_at = NULL WHERE state = 'running'",
        [],
    )?;
    let restored_counts = super::counts(restored.connection())?;
    Ok(RestoreReport {
        from: backup_file.display().to_string(),
        restored: restored_counts,
        undo_backup: None,
        damaged_moved_to: None,
        kept_stopped,
        erased_again,
        ledger: ledger.into(),
        paused_sends,
        dry_run: false,
        enter_again: Vec::new(),
    })
}

fn remove_with_journal(path: &Path) {
    for suffix in ["", "-wal", "-shm", ".lock"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}
