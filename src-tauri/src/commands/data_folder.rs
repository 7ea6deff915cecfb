//! Settings → Data folder: where Tandem keeps its database, backups and outbox, and a
//! move to another folder (out of a synced or network folder, onto a new disk). The
//! app's own connection is closed for the move and opened again in the new folder.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tandem_core::backup::placement::{self, Risk};
use tandem_core::backup::relocate;
use tandem_core::store::Store;
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use super::data_dir;
use super::send::Sending;
use crate::auto_backup::AutoBackups;
use crate::{AppError, AppState};

/// What Settings → Data folder shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DataFolderView {
    pub folder: String,
    /// Why the folder's place is not safe for a database, if it is not.
    pub placement: Option<Risk>,
    /// This computer's own data folder for Tandem, when the data is elsewhere and that
    /// folder is safe (offered as the place to move to).
    pub local_folder: Option<String>,
    /// The folder the data just moved from (after a move).
    pub moved_from: Option<String>,
}

/// A folder the person chose, checked: where the data would go and what is risky there.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MoveProposal {
    pub to: String,
    pub placement: Option<Risk>,
}

fn view(store: &Store, moved_from: Option<String>) -> DataFolderView {
    let folder = data_dir(store);
    let inputs = placement::Inputs::of_this_computer();
    let local_folder = tandem_core::paths::platform_data_dir()
        .filter(|local| {
            relocate::check_target(&folder.join(tandem_core::paths::DB_FILE_NAME), local).is_ok()
        })
        .filter(|local| placement::assess(local, &inputs).is_none());
    DataFolderView {
        placement: placement::assess(&folder, &inputs),
        folder: folder.display().to_string(),
        local_folder: local_folder.map(|p| p.display().to_string()),
        moved_from,
    }
}

#[tauri::command(async)]
pub fn data_folder_view(state: tauri::State<'_, AppState>) -> Result<DataFolderView, AppError> {
    let store = state.store()?;
    Ok(view(&store, None))
}

/// The folder to move to (`pick`: with the system's folder picker; else `path`, a folder
/// Tandem suggested), checked without changing anything; `None` when the picker was
/// closed.
#[tauri::command(async)]
pub fn propose_data_folder<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    pick: bool,
    path: Option<String>,
) -> Result<Option<MoveProposal>, AppError> {
    let to = match path.filter(|_| !pick) {
        Some(path) => PathBuf::from(path),
        None => match app.dialog().file().blocking_pick_folder() {
            Some(dir) => dir
                .into_path()
                .map_err(|e| AppError::new("error-backup-folder", e.to_string()))?,
            None => return Ok(None),
        },
    };
    let db = state
        .db_path()
        .ok_or_else(|| AppError::new("error-store-internal", "no database file"))?;
    relocate::check_target(&db, &to)?;
    Ok(Some(MoveProposal {
        placement: placement::assess(&to, &placement::Inputs::of_this_computer()),
        to: to.display().to_string(),
    }))
}

/// Moves the data folder to `path`. Refused while a send runs; the automatic backups
/// follow the database to its new folder.
#[tauri::command(async)]
pub fn move_data_folder(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    backups: tauri::State<'_, AutoBackups>,
    path: String,
) -> Result<DataFolderView, AppError> {
    if sending.is_active() {
        return Err(AppError::new(
            "error-move-send-running",
            "a send is running",
        ));
    }
    let mut store = state.store()?;
    let db = store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| AppError::new("error-store-internal", "in-memory database"))?;
    let base = tandem_core::paths::base_data_dir().unwrap_or_else(|| data_dir(&store));
    let to = PathBuf::from(&path);
    // Nothing of the app may hold the file while it moves (the lock says so otherwise).
    *store = Store::open_in_memory()?;
    let result = relocate::move_data(&db, &to, &base);
    let now_at = match &result {
        Ok(_) => to.join(tandem_core::paths::DB_FILE_NAME),
        Err(_) => db.clone(),
    };
    // Whatever happened, the app goes on with the file that is there now.
    *store = Store::open(&now_at)?;
    let moved = result?;
    // The log goes on in the new folder too.
    tandem_core::logs::follow(&to);
    tracing::info!("data folder moved: {} files", moved.files);
    backups.moved_to(now_at);
    Ok(view(&store, Some(moved.from)))
}
