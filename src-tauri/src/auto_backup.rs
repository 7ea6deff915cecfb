//! The backups the app makes by itself (`AutoBackups`): after a send ends, an import or
//! a bulk change, when it quits, and every half hour while something changed; on a
//! thread of their own, so typing and sending never wait for them.

use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use tandem_core::backup::{self, auto::Reason, auto::Schedule};
use tandem_core::store::Store;

use crate::commands::data_dir;
use crate::AppError;

/// The automatic backups of the open database.
#[derive(Debug, Default)]
pub struct AutoBackups {
    events: Mutex<Option<Sender<Reason>>>,
    schedule: std::sync::Arc<Mutex<Option<(PathBuf, Schedule)>>>,
    /// Set while a send runs: the half-hourly backup waits for it to end (a backup beside
    /// a send costs it a quarter of its rate on two cores; the send's end backs up).
    sending: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// The folders a backup goes to: `backups/` of the data folder, and the second one.
pub(crate) fn folders(store: &Store) -> Result<Vec<PathBuf>, AppError> {
    let mut dirs = vec![backup::default_dir(&data_dir(store))];
    if let Some(second) = store.backup_second_folder()? {
        dirs.push(PathBuf::from(second));
    }
    Ok(dirs)
}

/// The backups' passphrase, from the keychain (none: plain backups).
pub(crate) fn passphrase(store: &Store) -> Option<String> {
    tandem_core::secrets::backup_passphrase(&data_dir(store))
}

/// One look: a backup when it is due (errors are kept for the next look: a USB stick
/// that is not plugged in does not stop the backups of the data folder).
fn look(
    slot: &Mutex<Option<(PathBuf, Schedule)>>,
    reason: Reason,
    sending: &std::sync::atomic::AtomicBool,
) {
    if reason == Reason::Timer && sending.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
    let Some((db, schedule)) = guard.as_mut() else {
        return;
    };
    let now = chrono::Utc::now();
    if !schedule.due(reason, now, &backup::auto::Fingerprint::of(db)) {
        return;
    }
    let Ok((dirs, passphrase)) = Store::open(db)
        .map_err(AppError::from)
        .and_then(|s| Ok((folders(&s)?, passphrase(&s))))
    else {
        return;
    };
    let _ = schedule.run(reason, db, &dirs, now, passphrase.as_deref());
}

impl AutoBackups {
    /// Starts the looks on a thread of their own, for the database at `db`.
    pub fn start(&self, db: PathBuf) {
        let now = chrono::Utc::now();
        *self.schedule.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((db.clone(), Schedule::starting(&db, now)));
        let (tx, rx) = mpsc::channel::<Reason>();
        let slot = std::sync::Arc::clone(&self.schedule);
        let sending = std::sync::Arc::clone(&self.sending);
        let spawned = std::thread::Builder::new()
            .name("auto-backups".into())
            .spawn(move || loop {
                match rx.recv_timeout(Duration::from_secs(60)) {
                    Ok(reason) => look(&slot, reason, &sending),
                    Err(RecvTimeoutError::Timeout) => look(&slot, Reason::Timer, &sending),
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            });
        if spawned.is_ok() {
            *self.events.lock().unwrap_or_else(|p| p.into_inner()) = Some(tx);
        }
    }

    /// The data folder moved: the backups follow the database there (the schedule goes
    /// on as it was).
    pub fn moved_to(&self, db: PathBuf) {
        if let Some((path, _)) = self
            .schedule
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            *path = db;
        }
    }

    /// Something worth a backup happened (a send ended, an import, a bulk change).
    pub fn event(&self) {
        if let Some(tx) = self
            .events
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            let _ = tx.send(Reason::Event);
        }
    }

    /// The flag a send sets while it runs (the timer's backups wait for its end).
    pub fn sending(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        std::sync::Arc::clone(&self.sending)
    }

    /// A sender for another thread (the send's) to say it ended.
    pub fn notifier(&self) -> Option<Sender<Reason>> {
        self.events
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The app quits: a backup now, on this thread, if anything changed.
    pub fn on_exit(&self) {
        look(&self.schedule, Reason::Event, &self.sending);
    }
}
