//! Export of an edition: the web archive page (a folder) and the `.eml` message. The
//! native file dialog is opened here, on the Rust side, so the page never chooses where
//! files are written. `TANDEM_EXPORT_DIR` (automation, tests) skips the dialog.

use std::path::PathBuf;

use tandem_core::exchange;
use tandem_core::model::Edition;
use tauri_plugin_dialog::DialogExt;

use crate::{AppError, AppState};

const EXPORT_DIR_ENV: &str = "TANDEM_EXPORT_DIR";

/// Placeholder addresses for the `.eml` (the sender until the SMTP settings exist).
const EML_FROM: &str = "Plate-forme Mineurs en exil <newsletter@example.org>";
const EML_TO: &str = "Lecteur Lezer <reader@example.org>";

fn automation_dir() -> Option<PathBuf> {
    std::env::var_os(EXPORT_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Where to save a file the user names in a save dialog (`default_name` proposed,
/// `filter` = label and extension); `TANDEM_EXPORT_DIR` skips the dialog. `None` when
/// the user cancelled.
pub(crate) fn save_path<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    default_name: &str,
    filter: (&str, &str),
) -> Option<PathBuf> {
    match automation_dir() {
        Some(dir) => Some(dir.join(default_name)),
        None => app
            .dialog()
            .file()
            .set_file_name(default_name)
            .add_filter(filter.0, &[filter.1])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// Exports the web page of an edition into a folder the user picks; returns the written
/// `index.html`, or `None` when the user cancelled.
#[tauri::command]
pub async fn export_archive<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    edition: Edition,
) -> Result<Option<String>, AppError> {
    let dir = match automation_dir() {
        Some(dir) => Some(dir.join(format!("issue-{issue_id}-{}", edition.code()))),
        None => app
            .dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(dir) = dir else { return Ok(None) };
    let path = exchange::export_archive(&*state.store()?, issue_id, edition, &dir)?;
    Ok(Some(path.display().to_string()))
}

/// Saves the message of an edition as an `.eml` file the user names.
#[tauri::command]
pub async fn export_eml<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    edition: Edition,
) -> Result<Option<String>, AppError> {
    let default_name = format!("newsletter-{issue_id}-{}.eml", edition.code());
    let path = save_path(&app, &default_name, ("E-mail", "eml"));
    let Some(path) = path else { return Ok(None) };
    let store = state.store()?;
    // The organisation's sender once it is set up; a placeholder before.
    let from = store
        .smtp_settings()?
        .filter(|s| !s.from_address.trim().is_empty())
        .and_then(|s| tandem_core::send::Sender::from_settings(&s).ok())
        .map(|s| s.from)
        .unwrap_or_else(|| EML_FROM.parse().expect("valid placeholder address"));
    let to = EML_TO.parse().expect("valid placeholder address");
    let written = exchange::export_eml(&store, issue_id, edition, from, to, &path)?;
    Ok(Some(written.display().to_string()))
}

/// Saves the ledger of a send as a CSV file for Excel (BOM, `;`) that the user names:
/// the organisation's own record of who received what.
#[tauri::command]
pub async fn export_ledger<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    run: i64,
) -> Result<Option<String>, AppError> {
    let default_name = format!("ledger-send-{run}.csv");
    let path = save_path(&app, &default_name, ("CSV", "csv"));
    let Some(path) = path else { return Ok(None) };
    let rows = state.store()?.ledger(run, None)?;
    let bytes = tandem_core::send::ledger_csv(&rows, true);
    write_file(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Saves the contacts of the current view (search and filters) as a CSV file for Excel
/// (BOM, `;`), with the same columns `tandem contacts export` writes.
#[tauri::command]
pub async fn export_contacts<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    filter: tandem_core::contacts::ContactFilter,
) -> Result<Option<String>, AppError> {
    let default_name = "contacts.csv".to_owned();
    let path = save_path(&app, &default_name, ("CSV", "csv"));
    let Some(path) = path else { return Ok(None) };
    let contacts = state.store()?.contacts_matching(&filter)?;
    let bytes = tandem_core::contacts::export_csv(&contacts, true);
    write_file(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), AppError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| AppError::new("error-file-access", e.to_string()))?;
    }
    std::fs::write(path, bytes).map_err(|e| AppError::new("error-file-access", e.to_string()))
}
