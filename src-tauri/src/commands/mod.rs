//! The IPC commands, one per intent. Each is a few lines: take state, call core.

pub mod account;
pub mod backups;
pub mod contacts;
pub mod data_folder;
pub mod deliverability;
pub mod doctor;
pub mod export;
pub mod issues;
pub mod ledger;
pub mod mailbox;
pub mod opened;
pub mod send;
pub mod smtp;
pub mod translate;
pub mod updates;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tandem_core::model::UiLanguage;
use tandem_core::store::Store;
use ts_rs::TS;

use crate::{AppError, AppState};

/// What the UI needs to draw its frame at start-up.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    /// The saved interface language, else the system's when it is fr or nl, else en.
    pub ui_language: UiLanguage,
    pub data_dir: Option<String>,
    pub database: Option<String>,
    pub schema_version: Option<u32>,
    /// Set when the database could not be opened; the UI shows it with what to do.
    pub store_error: Option<AppError>,
    /// The database was damaged at start and moved aside: a backup to offer.
    pub recovery: Option<tandem_core::backup::Recovery>,
    /// No database existed before this start: the sample, or a backup from elsewhere.
    pub first_start: bool,
    /// The data folder is in a synced folder or on a network or FUSE drive, where the
    /// database's locking is not safe.
    pub placement: Option<tandem_core::backup::placement::Risk>,
    /// Crash reports (app or CLI) not seen yet: Tandem closed unexpectedly.
    pub crashes: Vec<tandem_core::crash::CrashReport>,
}

#[tauri::command(async)]
pub fn app_info(state: tauri::State<'_, AppState>) -> AppInfo {
    let system = UiLanguage::from_system_locale(sys_locale::get_locale().as_deref());
    let data_dir = tandem_core::paths::default_data_dir().map(|p| p.display().to_string());
    let crashes = tandem_core::paths::default_data_dir()
        .map(|d| tandem_core::crash::pending(&d))
        .unwrap_or_default();
    match state.store() {
        Ok(store) => AppInfo {
            version: tandem_core::VERSION.to_owned(),
            ui_language: store.ui_language().ok().flatten().unwrap_or(system),
            data_dir,
            database: store.path().map(|p| p.display().to_string()),
            schema_version: store.schema_version().ok(),
            store_error: None,
            recovery: state
                .recovery
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone(),
            first_start: state.first_start.load(std::sync::atomic::Ordering::Relaxed),
            placement: store.path().and_then(Path::parent).and_then(|dir| {
                tandem_core::backup::placement::assess(
                    dir,
                    &tandem_core::backup::placement::Inputs::of_this_computer(),
                )
            }),
            crashes,
        },
        Err(error) => AppInfo {
            version: tandem_core::VERSION.to_owned(),
            ui_language: system,
            data_dir,
            database: None,
            schema_version: None,
            store_error: Some(error),
            recovery: None,
            first_start: false,
            placement: None,
            crashes,
        },
    }
}

/// The crash report at `path` was seen (it stays in logs/, renamed).
#[tauri::command]
pub fn dismiss_crash(path: String) -> Result<(), AppError> {
    let dir = tandem_core::paths::default_data_dir()
        .ok_or_else(|| AppError::new("error-store-internal", "no data folder"))?;
    tandem_core::crash::acknowledge(&dir, Path::new(&path))
        .map_err(|e| AppError::new("error-store-internal", e.to_string()))
}

#[tauri::command]
pub fn set_ui_language(
    state: tauri::State<'_, AppState>,
    language: UiLanguage,
) -> Result<(), AppError> {
    state.store()?.set_ui_language(language).map_err(Into::into)
}

/// The data folder: the database's own folder (the outbox, secrets files and backups
/// live beside it), else the platform's.
pub(crate) fn data_dir(store: &Store) -> PathBuf {
    store
        .path()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .or_else(tandem_core::paths::default_data_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}
