//! The local SQLite database: one file per installation, opened in WAL mode with
//! foreign keys on, brought to the current schema by embedded numbered migrations.
//!
//! One module per aggregate (`settings` now; issues, contacts, assets and sends as
//! they land). Every write that touches more than one row runs in a transaction.

mod assets;
mod error;
mod issues;
mod migrations;
mod settings;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use assets::Asset;
pub use error::StoreError;
pub use issues::{IssueMeta, IssueSummary, StoredIssue};
pub use migrations::{current_version, latest_version};

/// What runs on a database file about to be upgraded (the connection, its schema).
pub type BeforeMigration<'a> = &'a mut dyn FnMut(&Connection, u32) -> Result<(), StoreError>;

/// An open Tandem database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// A shared lock on `FILE.lock`, held as long as this connection is open: a restore
    /// (which replaces the file) takes it exclusively, so it never swaps the file under
    /// the app or a command, and neither opens the file while it is being swapped.
    _lock: Option<std::fs::File>,
}

/// The lock file of the database at `db` (beside it: `tandem.sqlite3.lock`).
pub fn lock_path(db: &Path) -> PathBuf {
    crate::paths::with_suffix(db, ".lock")
}

/// Takes the lock of `db` shared (`exclusive`: for a restore); an error when someone
/// holds it the other way.
pub fn lock(db: &Path, exclusive: bool) -> Result<std::fs::File, StoreError> {
    let path = lock_path(db);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| StoreError::CreateDir {
            path: path.clone(),
            source,
        })?;
    let taken = if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    };
    match taken {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            exclusive: !exclusive,
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::CreateDir { path, source }),
    }
}

impl Store {
    /// Opens (creating if needed) the database file at `path`, creating its parent
    /// folder, and migrates it to the latest schema.
    ///
    /// Errors: the folder or file cannot be created or read ([`StoreError::Open`]), the
    /// file is not a SQLite database ([`StoreError::NotADatabase`]), or it was written
    /// by a newer Tandem ([`StoreError::TooNew`]) — in which case it is left untouched.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, &mut |_, _| Ok(()))
    }

    /// [`Store::open`], calling `before_migration` with the file as it is (and the
    /// schema it has) when it is about to be upgraded: the backup room keeps a copy.
    /// When it fails, the file is not upgraded and the error is returned.
    pub fn open_with(
        path: &Path,
        before_migration: BeforeMigration<'_>,
    ) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let lock = lock(path, false)?;
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let mut store = Self::init(conn, Some(path.to_path_buf()), before_migration)?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// An in-memory database with the full schema, for unit tests.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?, None, &mut |_, _| Ok(()))
    }

    fn init(
        mut conn: Connection,
        path: Option<PathBuf>,
        before_migration: BeforeMigration<'_>,
    ) -> Result<Self, StoreError> {
        conn.busy_timeout(Duration::from_secs(5))?;
        // The first read tells whether the file is a database at all, and which schema
        // wrote it; a file we must refuse is refused before anything is written to it
        // (even switching to WAL rewrites the header).
        let found = current_version(&conn).map_err(|e| match e {
            StoreError::Sqlite(e) => StoreError::from_open_failure(e, path.as_deref()),
            other => other,
        })?;
        migrations::check_not_newer(found)?;
        if path.is_some() && found > 0 && found < latest_version() {
            before_migration(&conn, found)?;
        }
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if path.is_some() && !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Pragma(format!(
                "journal_mode is {mode}, not wal"
            )));
        }
        // secure_delete: what is deleted (an erased person above all) is overwritten with
        // zeros in its page, not left readable until the page is reused.
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;",
        )?;
        migrations::migrate(&mut conn)?;
        if path.is_some() {
            if found == 0 {
                tracing::info!("database created, schema {}", latest_version());
            } else if found < latest_version() {
                tracing::info!(
                    "database schema {} (upgraded from {found})",
                    latest_version()
                );
            } else {
                tracing::info!("database schema {found}");
            }
        }
        Ok(Store {
            conn,
            path,
            _lock: None,
        })
    }

    /// The file this store was opened from (`None` for in-memory stores).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        current_version(&self.conn)
    }

    /// Copies the write-ahead log into the database file and empties it, so that what
    /// was deleted (zeroed in the file by `secure_delete`) is not still readable in the
    /// `-wal` file's older frames. Waits, a bounded while, for readers on other
    /// connections to finish; returns whether the log was emptied.
    pub fn scrub_wal(&self) -> Result<bool, StoreError> {
        for attempt in 0..40 {
            let busy: i64 = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy == 0 {
                return Ok(true);
            }
            std::thread::sleep(Duration::from_millis(25 + attempt * 5));
        }
        Ok(false)
    }

    /// Read access for sibling modules and integration tests that inspect pragmas.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
