//! Backups of the database: one file each, made while the app runs (SQLite's
//! `VACUUM INTO` reads one consistent snapshot and never blocks a writer in WAL mode),
//! written under a temporary name and given its real name only once it is complete and
//! verified (opened, `PRAGMA integrity_check`, its counts read back). A half-written or
//! unverified file is never listed, and only Tandem's own backup files are ever removed
//! from a folder ([`retention`]).
//!
//! A backup made after an erasure holds no byte of the person: `VACUUM INTO` copies rows,
//! not pages, so nothing deleted travels with it.

pub mod auto;
pub mod crypt;
pub mod placement;
pub mod relocate;
mod restore;
pub mod retention;

pub use restore::{restore, restore_with, RestoreReport};

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::paths::with_suffix;
use crate::store::{Store, StoreError};

/// The start of every backup file's name; nothing else is ever listed or removed.
pub const PREFIX: &str = "tandem-backup-";
/// The end of an (unencrypted) backup file's name.
pub const SUFFIX: &str = ".sqlite3";
/// What a backup is called while it is being written and checked.
pub(crate) const PARTIAL: &str = ".partial";
/// The timestamp in a backup's name (UTC, sorts as it reads).
const STAMP: &str = "%Y-%m-%dT%H%M%S%.3fZ";

/// The backups folder inside the data folder.
pub fn default_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Why a backup could not be made or read.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write to the backup folder {path}: {source}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the backup {path} failed its check: {reason}")]
    Unverified { path: PathBuf, reason: String },
    #[error("{path} cannot be read as a backup: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    /// An encrypted backup without its passphrase (`needed`), or with a wrong one.
    /// A folder that cannot take the data folder (`reason`: not-absolute, same, nested,
    /// not-a-folder, has-database).
    #[error("the data folder cannot move to {path}: {reason}")]
    MoveTarget { path: PathBuf, reason: String },
    #[error("{}", if *.needed { "this backup is encrypted: give its passphrase" } else { "the passphrase does not open this backup" })]
    Passphrase { needed: bool },
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Store(e.into())
    }
}

impl BackupError {
    /// The `ui.ftl` message id for this error.
    pub fn code(&self) -> &'static str {
        match self {
            BackupError::Store(e) => e.code(),
            BackupError::Folder { .. } => "error-backup-folder",
            BackupError::Unverified { .. } => "error-backup-unverified",
            BackupError::Unreadable { .. } => "error-backup-unreadable",
            BackupError::MoveTarget { reason, .. } => match reason.as_str() {
                "has-database" => "error-move-has-database",
                "not-a-folder" => "error-move-not-a-folder",
                _ => "error-move-nested",
            },
            BackupError::Passphrase { needed: true } => "error-backup-passphrase-needed",
            BackupError::Passphrase { needed: false } => "error-backup-passphrase-wrong",
        }
    }
}

/// What a backup holds, read back from the file itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Counts {
    pub issues: u32,
    pub contacts: u32,
    pub sends: u32,
    /// When the last send started (ms since the epoch), if there was one.
    #[ts(type = "number | null")]
    pub last_send_at: Option<i64>,
    pub schema: u32,
}

/// One verified backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Backup {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// When it was made (RFC 3339, UTC), from its name.
    pub created: String,
    pub encrypted: bool,
    /// Its counts, when the file could be opened (a listed backup is never opened for
    /// writing).
    pub counts: Option<Counts>,
}

/// Opens `path` read-only, checks it (`PRAGMA integrity_check`) and reads its counts.
pub fn verify(path: &Path) -> Result<Counts, String> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| e.to_string())?;
    let problems = integrity(&conn)?;
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    counts(&conn).map_err(|e| e.to_string())
}

/// What `PRAGMA integrity_check` finds wrong (nothing: an empty list).
pub fn integrity(conn: &Connection) -> Result<Vec<String>, String> {
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| e.to_string())?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

fn counts(conn: &Connection) -> rusqlite::Result<Counts> {
    // A file from an early schema may lack a table: it holds none of those.
    let has = |table: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
    };
    let count = |table: &str| -> rusqlite::Result<u32> {
        if !has(table)? {
            return Ok(0);
        }
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
    };
    let sends = has("send_runs")?;
    Ok(Counts {
        issues: count("issues")?,
        contacts: count("contacts")?,
        sends: if sends {
            conn.query_row(
                "SELECT count(*) FROM send_runs WHERE is_test = 0",
                [],
                |r| r.get(0),
            )?
        } else {
            0
        },
        last_send_at: if sends {
            conn.query_row(
                "SELECT max(created_at) FROM send_runs WHERE is_test = 0",
                [],
                |r| r.get(0),
            )?
        } else {
            None
        },
        schema: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
    })
}

/// The name of a backup made at `at`.
pub fn file_name(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

/// Whether a backup's file name says it is encrypted.
pub fn is_encrypted(name: &str) -> bool {
    name.ends_with(&format!("{SUFFIX}{}", crypt::AGE))
}

/// When a file called `name` was made, if it is one of Tandem's backups (plain, or
/// encrypted: `….sqlite3.age`).
pub fn created_of(name: &str) -> Option<DateTime<Utc>> {
    let name = name.strip_suffix(crypt::AGE).unwrap_or(name);
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

/// Makes a verified backup of `store` in `dir` at time `now`; the previous state of
/// the folder is untouched when anything fails (the partial file is removed).
pub fn make(store: &Store, dir: &Path, now: DateTime<Utc>) -> Result<Backup, BackupError> {
    make_from_with(store.connection(), dir, now, None)
}

/// [`make`], encrypted under `passphrase` when one is given.
pub fn make_with(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
    passphrase: Option<&str>,
) -> Result<Backup, BackupError> {
    make_from_with(store.connection(), dir, now, passphrase)
}

/// A plain copy's place while an encrypted backup is made or read: the system's
/// temporary folder (local, never the backup folder, which may be synced).
fn plain_temp() -> PathBuf {
    std::env::temp_dir().join(format!(
        "tandem-plain-{}-{}.sqlite3",
        std::process::id(),
        crate::token::os_random_token()
    ))
}

/// [`make`] from any connection to the database (a restore reads the file it replaces
/// without opening it as a store).
pub fn make_from(conn: &Connection, dir: &Path, now: DateTime<Utc>) -> Result<Backup, BackupError> {
    make_from_with(conn, dir, now, None)
}

/// [`make_from`], encrypted under `passphrase` when one is given: the plain copy is
/// checked, encrypted, and the encrypted file checked to decrypt to exactly that copy
/// before it gets its name.
pub fn make_from_with(
    conn: &Connection,
    dir: &Path,
    now: DateTime<Utc>,
    passphrase: Option<&str>,
) -> Result<Backup, BackupError> {
    let passphrase = passphrase.filter(|p| !p.is_empty());
    let name_at = |at| match passphrase {
        Some(_) => format!("{}{}", file_name(at), crypt::AGE),
        None => file_name(at),
    };
    let folder = |source| BackupError::Folder {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(folder)?;
    let mut name = name_at(now);
    // Two backups in the same millisecond (a test, a double click): the next free name.
    let mut at = now;
    while dir.join(&name).exists() {
        at += chrono::Duration::milliseconds(1);
        name = name_at(at);
    }
    let final_path = dir.join(&name);
    let partial = dir.join(format!("{name}{PARTIAL}"));
    let _ = std::fs::remove_file(&partial);
    let plain = if passphrase.is_some() {
        plain_temp()
    } else {
        partial.clone()
    };
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [plain.to_string_lossy()])
            .map_err(|e| BackupError::Store(e.into()))?;
        // On disk for good before it gets its real name.
        std::fs::File::open(&plain)
            .and_then(|f| f.sync_all())
            .map_err(folder)?;
        let counts = verify(&plain).map_err(|reason| BackupError::Unverified {
            path: final_path.clone(),
            reason,
        })?;
        if let Some(passphrase) = passphrase {
            crypt::encrypt(&plain, &partial, passphrase).map_err(folder)?;
            match crypt::same_content(&partial, &plain, passphrase) {
                Ok(true) => {}
                Ok(false) => {
                    return Err(BackupError::Unverified {
                        path: final_path.clone(),
                        reason: "the encrypted copy does not decrypt to the backup".into(),
                    })
                }
                Err(e) => {
                    return Err(BackupError::Unverified {
                        path: final_path.clone(),
                        reason: e.to_string(),
                    })
                }
            }
        }
        std::fs::rename(&partial, &final_path).map_err(folder)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        let bytes = std::fs::metadata(&final_path).map_err(folder)?.len();
        Ok(Backup {
            path: final_path.display().to_string(),
            bytes,
            created: created_of(&name).unwrap_or(now).to_rfc3339(),
            encrypted: passphrase.is_some(),
            counts: Some(counts),
        })
    })();
    if passphrase.is_some() {
        crypt::shred(&plain);
    }
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Opens an encrypted backup's content into a plain temporary copy (removed with
/// [`crypt::shred`] by the caller), or says why it cannot.
pub fn decrypt_to_temp(path: &Path, passphrase: Option<&str>) -> Result<PathBuf, BackupError> {
    let passphrase = passphrase
        .filter(|p| !p.is_empty())
        .ok_or(BackupError::Passphrase { needed: true })?;
    let plain = plain_temp();
    crypt::decrypt(path, &plain, passphrase).map_err(|e| match e {
        crypt::CryptError::Wrong => BackupError::Passphrase { needed: false },
        other => BackupError::Unreadable {
            path: path.to_path_buf(),
            reason: other.to_string(),
        },
    })?;
    Ok(plain)
}

/// Opens the database at `db` as [`Store::open`] does, first backing the file up as it
/// is into `backups/` beside it when this version is about to upgrade its schema (kept
/// like any backup, so the upgrade can be undone with a restore).
pub fn open_store(db: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
    let dir = default_dir(db.parent().unwrap_or(Path::new(".")));
    Store::open_with(db, &mut |conn, _schema| {
        make_from(conn, &dir, now).map(|_| ()).map_err(|e| {
            StoreError::Pragma(format!("no backup could be made before upgrading: {e}"))
        })
    })
}

/// A database found damaged at start, moved aside, and what can replace it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Recovery {
    /// Where the damaged file now is (renamed with the date, never overwritten).
    pub moved_to: String,
    /// What was wrong with it, in SQLite's words.
    pub reason: String,
    /// The newest backup that passes its check, if there is one.
    pub newest: Option<Backup>,
}

/// Whether the file at `db` reads as a sound database, without writing a byte to it
/// (`PRAGMA quick_check` on a read-only connection); what is wrong otherwise.
fn soundness(db: &Path) -> Result<(), String> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("PRAGMA quick_check")
        .map_err(|e| e.to_string())?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| e.to_string())?;
    match rows.iter().find(|r| *r != "ok") {
        None => Ok(()),
        Some(problem) => Err(problem.clone()),
    }
}

/// Moves a damaged database file (with its `-wal` and `-shm`) aside, renamed with the
/// date, never overwritten; where it now is, or the rename that failed.
pub(crate) fn move_aside(
    db: &Path,
    now: DateTime<Utc>,
) -> Result<PathBuf, (PathBuf, std::io::Error)> {
    let aside = with_suffix(db, &format!(".damaged-{}", now.format("%Y%m%d-%H%M%S")));
    for suffix in ["", "-wal", "-shm"] {
        let (from, to) = (with_suffix(db, suffix), with_suffix(&aside, suffix));
        if from.exists() {
            std::fs::rename(&from, &to).map_err(|e| (to, e))?;
        }
    }
    Ok(aside)
}

/// Opens the database at `db` at the app's start. A file that cannot be read as a
/// sound database is not overwritten nor repaired: it is moved aside (renamed with the
/// date, with its `-wal` and `-shm`), a new file is started, and the newest good backup
/// is named so the app can offer it. A file from a newer Tandem, or one in use, is an
/// error as with [`open_store`].
pub fn open_or_recover(
    db: &Path,
    now: DateTime<Utc>,
) -> Result<(Store, Option<Recovery>), StoreError> {
    let damaged = if db.exists() {
        match soundness(db) {
            Err(reason) => Some(reason),
            Ok(()) => match open_store(db, now) {
                Ok(store) => return Ok((store, None)),
                Err(StoreError::NotADatabase { .. }) => Some("not a database".to_owned()),
                Err(StoreError::Sqlite(e) | StoreError::Open { source: e, .. })
                    if matches!(
                        e.sqlite_error_code(),
                        Some(
                            rusqlite::ErrorCode::DatabaseCorrupt
                                | rusqlite::ErrorCode::NotADatabase
                        )
                    ) =>
                {
                    Some(e.to_string())
                }
                Err(other) => return Err(other),
            },
        }
    } else {
        None
    };
    let Some(reason) = damaged else {
        return Ok((open_store(db, now)?, None));
    };
    let aside =
        move_aside(db, now).map_err(|(path, source)| StoreError::CreateDir { path, source })?;
    let dir = default_dir(db.parent().unwrap_or(Path::new(".")));
    // The newest that passes its check: older ones are not opened once one is found.
    let newest = list(&dir, false)
        .unwrap_or_default()
        .into_iter()
        .filter(|b| !b.encrypted)
        .find_map(|b| {
            let counts = verify(Path::new(&b.path)).ok()?;
            Some(Backup {
                counts: Some(counts),
                ..b
            })
        });
    let store = open_store(db, now)?;
    Ok((
        store,
        Some(Recovery {
            moved_to: aside.display().to_string(),
            reason,
            newest,
        }),
    ))
}

/// How much of each listed backup is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Its name and size only.
    Name,
    /// Its counts, from a read-only connection (what a list on screen needs; a restore
    /// checks the one chosen).
    Counts,
    /// Its counts after `PRAGMA integrity_check` (none when it fails).
    Verified,
}

/// Tandem's backups in `dir`, newest first. Files of other names (a half-written
/// `.partial`, the user's own files) are not listed. With `open`, each file is checked
/// and its counts read (a damaged one is listed with none).
pub fn list(dir: &Path, open: bool) -> Result<Vec<Backup>, BackupError> {
    list_with(dir, open, None)
}

/// [`list`]; an encrypted backup's counts are read only with its passphrase.
pub fn list_with(
    dir: &Path,
    open: bool,
    passphrase: Option<&str>,
) -> Result<Vec<Backup>, BackupError> {
    let reading = if open {
        Reading::Verified
    } else {
        Reading::Name
    };
    list_reading(dir, reading, passphrase)
}

/// The counts of the database file at `path`, read-only, without a check.
fn read_counts(path: &Path) -> Result<Counts, String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| e.to_string())?;
    counts(&conn).map_err(|e| e.to_string())
}

/// Tandem's backups in `dir`, newest first, each read as far as `reading` says.
pub fn list_reading(
    dir: &Path,
    reading: Reading,
    passphrase: Option<&str>,
) -> Result<Vec<Backup>, BackupError> {
    let read = |path: &Path| match reading {
        Reading::Name => None,
        Reading::Counts => read_counts(path).ok(),
        Reading::Verified => verify(path).ok(),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(BackupError::Folder {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(created) = created_of(&name) else {
            continue;
        };
        let path = entry.path();
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let encrypted = is_encrypted(&name);
        let counts = match (reading, encrypted) {
            (Reading::Name, _) => None,
            (_, false) => read(&path),
            (_, true) => match decrypt_to_temp(&path, passphrase) {
                Ok(plain) => {
                    let counts = read(&plain);
                    crypt::shred(&plain);
                    counts
                }
                Err(_) => None,
            },
        };
        out.push(Backup {
            path: path.display().to_string(),
            bytes: meta.len(),
            created: created.to_rfc3339(),
            encrypted,
            counts,
        });
    }
    out.sort_by(|a, b| b.created.cmp(&a.created));
    Ok(out)
}

/// Makes a backup in `dir`, then thins the folder as [`retention::to_remove`] says.
/// Returns the new backup and the files removed.
pub fn make_and_thin(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
) -> Result<(Backup, Vec<PathBuf>), BackupError> {
    make_and_thin_with(store, dir, now, None)
}

/// [`make_and_thin`], encrypted under `passphrase` when one is given.
pub fn make_and_thin_with(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
    passphrase: Option<&str>,
) -> Result<(Backup, Vec<PathBuf>), BackupError> {
    let made = make_with(store, dir, now, passphrase)?;
    let removed = thin(dir, now)?;
    Ok((made, removed))
}

/// How old a `.partial` file must be before it is taken for the leftover of a backup
/// that was killed (a slower one may still be writing it).
pub const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes the backups of `dir` that retention no longer keeps, and what killed backups
/// left half-written there long ago (only Tandem's own files).
pub fn thin(dir: &Path, now: DateTime<Utc>) -> Result<Vec<PathBuf>, BackupError> {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name
                .strip_suffix(PARTIAL)
                .is_some_and(|n| created_of(n).is_some());
            // A plain copy left in the temporary folder is handled where it was made.
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age > STALE_PARTIAL);
            if ours && stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let backups = list(dir, false)?;
    let times: Vec<DateTime<Utc>> = backups
        .iter()
        .filter_map(|b| DateTime::parse_from_rfc3339(&b.created).ok())
        .map(|t| t.with_timezone(&Utc))
        .collect();
    let mut removed = Vec::new();
    for i in retention::to_remove(&times, now) {
        let path = PathBuf::from(&backups[i].path);
        if std::fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_time_and_nothing_else_is_taken_for_a_backup() {
        let at = DateTime::parse_from_rfc3339("2026-12-04T20:45:01.123Z")
            .unwrap()
            .with_timezone(&Utc);
        let name = file_name(at);
        assert_eq!(name, "tandem-backup-2026-12-04T204501.123Z.sqlite3");
        assert_eq!(created_of(&name), Some(at));
        for other in [
            "tandem-backup-2026-12-04T204501.123Z.sqlite3.partial",
            "tandem.sqlite3",
            "notes.txt",
            "tandem-backup-yesterday.sqlite3",
        ] {
            assert_eq!(created_of(other), None, "{other}");
        }
    }
}
