//! Settings → Backups: the backups of both folders, "Back up now", the second folder,
//! and a restore that first says what it brings back and what it replaces. The backups
//! the app makes by itself are in `auto_backup.rs`.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tandem_core::backup::{self, Backup, BackupError, Reading, RestoreReport};
use tandem_core::store::Store;
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use super::data_dir;
use super::send::Sending;
use crate::auto_backup::{folders, passphrase};
use crate::{AppError, AppState};

impl From<BackupError> for AppError {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Store(s) => s.into(),
            other => AppError::new(other.code(), other.to_string()),
        }
    }
}

/// What Settings → Backups shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupsView {
    /// `backups/` of the data folder.
    pub folder: String,
    /// The second folder, if one was chosen.
    pub second_folder: Option<String>,
    /// The backups of both folders, newest first.
    pub backups: Vec<Backup>,
    /// New backups are encrypted (a passphrase is kept in the keychain).
    pub encrypted: bool,
}

fn view(store: &Store) -> Result<BackupsView, AppError> {
    let folder = backup::default_dir(&data_dir(store));
    let second = store.backup_second_folder()?;
    let pass = passphrase(store);
    // An encrypted backup is listed without its counts: opening each one costs the
    // passphrase's deliberate second; the restore's question opens the one chosen.
    // Counts without a check of each file (a restore checks the one chosen): opening
    // Settings reads dozens of backups.
    let mut backups = backup::list_reading(&folder, Reading::Counts, None)?;
    if let Some(dir) = &second {
        // A folder that is not there now (a USB stick) lists nothing.
        backups.extend(
            backup::list_reading(Path::new(dir), Reading::Counts, None).unwrap_or_default(),
        );
    }
    backups.sort_by(|a, b| b.created.cmp(&a.created));
    Ok(BackupsView {
        folder: folder.display().to_string(),
        second_folder: second,
        backups,
        encrypted: pass.is_some(),
    })
}

#[tauri::command(async)]
pub fn backups_view(state: tauri::State<'_, AppState>) -> Result<BackupsView, AppError> {
    let store = state.store()?;
    view(&store)
}

/// "Back up now": a verified backup in each folder.
#[tauri::command(async)]
pub fn backup_now(state: tauri::State<'_, AppState>) -> Result<BackupsView, AppError> {
    let store = state.store()?;
    let now = chrono::Utc::now();
    let pass = passphrase(&store);
    for dir in folders(&store)? {
        backup::make_and_thin_with(&store, &dir, now, pass.as_deref())?;
    }
    view(&store)
}

/// Chooses the second folder (`pick`: with the system's folder picker; else `path`, a
/// folder Tandem suggested), or forgets it (neither).
#[tauri::command(async)]
pub fn set_backup_folder<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    pick: bool,
    path: Option<String>,
) -> Result<BackupsView, AppError> {
    let chosen = if let Some(path) = path.filter(|_| !pick) {
        let path = PathBuf::from(path);
        std::fs::create_dir_all(&path)
            .map_err(|e| AppError::new("error-backup-folder", e.to_string()))?;
        Some(path)
    } else if pick {
        match app.dialog().file().blocking_pick_folder() {
            Some(dir) => Some(
                dir.into_path()
                    .map_err(|e| AppError::new("error-backup-folder", e.to_string()))?,
            ),
            None => {
                let store = state.store()?;
                return view(&store);
            }
        }
    } else {
        None
    };
    let store = state.store()?;
    store.set_backup_second_folder(chosen.as_deref().and_then(Path::to_str))?;
    view(&store)
}

/// Picks a backup file anywhere (one brought from another computer).
#[tauri::command(async)]
pub fn pick_backup_file<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
) -> Result<Option<String>, AppError> {
    Ok(app
        .dialog()
        .file()
        .add_filter("Tandem", &["sqlite3"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string()))
}

fn db_of(store: &Store) -> Result<PathBuf, AppError> {
    store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| AppError::new("error-store-internal", "in-memory database"))
}

/// What restoring `path` would bring back and keep (nothing is changed). `given`: the
/// passphrase typed for this backup (one from another computer), else the keychain's.
#[tauri::command(async)]
pub fn preview_restore(
    state: tauri::State<'_, AppState>,
    path: String,
    given: Option<String>,
) -> Result<RestoreReport, AppError> {
    let (db, pass) = {
        let store = state.store()?;
        (db_of(&store)?, given.or_else(|| passphrase(&store)))
    };
    Ok(backup::restore_with(
        &db,
        Path::new(&path),
        chrono::Utc::now(),
        true,
        pass.as_deref(),
    )?)
}

/// Restores `path`: the app's own connection is closed for the swap and opened again
/// on the restored file. Refused while a send runs. `given`: the passphrase typed for
/// this backup; once it opened the backup it is kept in the keychain (when there is
/// one), so that new backups are protected as the restored ones were.
#[tauri::command(async)]
pub fn restore_backup(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    path: String,
    given: Option<String>,
) -> Result<RestoreReport, AppError> {
    if sending.is_active() {
        return Err(AppError::new(
            "error-backup-send-running",
            "a send is running",
        ));
    }
    let mut store = state.store()?;
    let db = db_of(&store)?;
    let given = given.filter(|p| !p.is_empty());
    let pass = given.clone().or_else(|| passphrase(&store));
    *store = Store::open_in_memory()?;
    let result = backup::restore_with(
        &db,
        Path::new(&path),
        chrono::Utc::now(),
        false,
        pass.as_deref(),
    );
    // Whatever happened, the app goes on with the file that is there now.
    *store = Store::open(&db)?;
    let mut report = result?;
    let encrypted = Path::new(&path)
        .file_name()
        .is_some_and(|n| backup::is_encrypted(&n.to_string_lossy()));
    if let Some(given) = given.filter(|_| encrypted) {
        let _ = tandem_core::secrets::save_backup_passphrase(&given, false, &data_dir(&store));
    }
    report.enter_again = enter_again(&store)?;
    *state.recovery.lock().unwrap_or_else(|p| p.into_inner()) = None;
    state
        .first_start
        .store(false, std::sync::atomic::Ordering::Relaxed);
    Ok(report)
}

/// What a restored file names that this computer does not have: a sending password
/// not in its keychain, a CA file not on its disk, a sign-in whose token is elsewhere.
/// Never silently wrong: the person is told to enter each again.
fn enter_again(store: &Store) -> Result<Vec<String>, AppError> {
    let dir = data_dir(store);
    let mut out = Vec::new();
    let missing_file = |path: &str| !path.trim().is_empty() && !Path::new(path.trim()).is_file();
    if let Some(smtp) = store.smtp_settings()? {
        let user = smtp.username.trim();
        if !smtp.oauth
            && !user.is_empty()
            && tandem_core::secrets::password(user, smtp.host.trim(), &dir).is_none()
        {
            out.push("restore-again-smtp-password".to_owned());
        }
        if missing_file(&smtp.ca_file) {
            out.push("restore-again-smtp-ca".to_owned());
        }
    }
    if let Some(imap) = store.imap_settings()? {
        if missing_file(&imap.ca_file) {
            out.push("restore-again-imap-ca".to_owned());
        }
    }
    if let Some(account) = store.oauth_account()? {
        if tandem_core::secrets::refresh_token(account.client.provider.id(), &account.account, &dir)
            .is_none()
        {
            out.push("restore-again-sign-in".to_owned());
        }
    }
    Ok(out)
}

/// After a damaged file was moved aside: go on with the new file, starting from the
/// sample issue, instead of a backup.
#[tauri::command(async)]
pub fn dismiss_recovery(state: tauri::State<'_, AppState>) -> Result<(), AppError> {
    let taken = state
        .recovery
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take();
    if taken.is_some() {
        state.store()?.seed_sample_once()?;
    }
    Ok(())
}

/// Sets the passphrase new backups are encrypted with (kept in the keychain; in a
/// private file only with `allow_file`), or, empty, makes new backups plain again.
#[tauri::command(async)]
pub fn set_backup_passphrase(
    state: tauri::State<'_, AppState>,
    passphrase: String,
    allow_file: bool,
) -> Result<BackupsView, AppError> {
    let store = state.store()?;
    let dir = data_dir(&store);
    if passphrase.is_empty() {
        tandem_core::secrets::delete_backup_passphrase(&dir);
    } else {
        tandem_core::secrets::save_backup_passphrase(&passphrase, allow_file, &dir)?;
    }
    view(&store)
}
