//! What the running app holds: the open database, or why it could not be opened.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use tandem_core::store::Store;

use crate::AppError;

/// Managed state. A database that fails to open does not stop the window from showing:
/// the UI shows the error and what to do, in the user's language.
#[derive(Debug)]
pub struct AppState {
    store: Result<Mutex<Store>, AppError>,
    preview_version: AtomicU64,
    /// A block's new translation draft shown to the user, until accepted or replaced
    /// (kept here so what is saved is what the service answered, not what the page sends).
    pub redraft: Mutex<Option<tandem_core::translate::Redraft>>,
}

impl AppState {
    /// Opens the default database (`$TANDEM_DATA_DIR` or the platform's data folder).
    pub fn open_default() -> Self {
        match tandem_core::paths::default_db_path() {
            Some(path) => Self::new(
                tandem_core::backup::open_store(&path, chrono::Utc::now())
                    .map_err(AppError::from)
                    .and_then(|mut s| {
                        // First run: a real newsletter to look at, written from the organisation's texts.
                        s.seed_sample_once()?;
                        Ok(s)
                    }),
            ),
            None => Self::new(Err(AppError::new(
                "error-store-create-dir",
                "the platform reports no home folder",
            ))),
        }
    }

    pub fn new(store: Result<Store, AppError>) -> Self {
        AppState {
            store: store.map(Mutex::new),
            preview_version: AtomicU64::new(0),
            redraft: Mutex::new(None),
        }
    }

    /// The database file, when one is open.
    pub fn db_path(&self) -> Option<std::path::PathBuf> {
        self.store().ok()?.path().map(std::path::Path::to_path_buf)
    }

    /// A new number for each preview URL, so the preview frame always reloads.
    pub fn next_preview_version(&self) -> u64 {
        self.preview_version.fetch_add(1, Ordering::Relaxed)
    }

    /// A connection of its own to the same database file, for work that waits on a
    /// server (a mailbox check, a translation): the shared one stays free, so typing is
    /// saved and the preview drawn meanwhile.
    pub fn own_store(&self) -> Result<Store, AppError> {
        let path = self
            .store()?
            .path()
            .map(std::path::Path::to_path_buf)
            .ok_or_else(|| AppError::new("error-store-open", "no database file"))?;
        Ok(Store::open(&path)?)
    }

    /// The database, or the error that kept it from opening.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave SQLite half-written (transactions
        // roll back), so a poisoned lock is safe to take over.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}
