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
    /// The database was found damaged at start and moved aside: what to offer instead.
    pub recovery: Mutex<Option<tandem_core::backup::Recovery>>,
    /// There was no database before this start (a new computer, a first install),
    /// until a backup is restored.
    pub first_start: std::sync::atomic::AtomicBool,
}

impl AppState {
    /// Opens the default database (`$TANDEM_DATA_DIR` or the platform's data folder).
    pub fn open_default() -> Self {
        let Some(path) = tandem_core::paths::default_db_path() else {
            return Self::new(Err(AppError::new(
                "error-store-create-dir",
                "the platform reports no home folder",
            )));
        };
        let first_start = !path.exists();
        match tandem_core::backup::open_or_recover(&path, chrono::Utc::now()) {
            Ok((mut store, recovery)) => {
                // First run: a real newsletter to look at, written from the
                // organisation's texts; not over a file that replaces a damaged one (the
                // person chooses first: a backup, or this sample).
                if recovery.is_none() {
                    if let Err(e) = store.seed_sample_once() {
                        return Self::new(Err(e.into()));
                    }
                }
                let mut state = Self::new(Ok(store));
                state.recovery = Mutex::new(recovery);
                state.first_start = first_start.into();
                state
            }
            Err(e) => Self::new(Err(e.into())),
        }
    }

    pub fn new(store: Result<Store, AppError>) -> Self {
        AppState {
            store: store.map(Mutex::new),
            preview_version: AtomicU64::new(0),
            redraft: Mutex::new(None),
            recovery: Mutex::new(None),
            first_start: false.into(),
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
