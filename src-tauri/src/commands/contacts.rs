//! Contacts commands. An import happens in two steps, as the wizard shows it: the file's
//! bytes are read and checked (nothing written, the user sees the mapping, counts and
//! problem rows and may correct the mapping), then applied in one transaction.

use std::sync::Mutex;

use contacts::{ContactFilter, ContactPage, ContactSummary, ImportReport};
use tandem_core::contacts::{self, ImportOptions, ParsedFile};

use crate::auto_backup::AutoBackups;
use crate::{AppError, AppState};

/// The file of the import in progress (one at a time).
#[derive(Debug, Default)]
pub struct PendingImport(Mutex<Option<Vec<u8>>>);

fn import_error(e: contacts::ImportError) -> AppError {
    AppError::new(e.code(), e.to_string())
}

fn parse_pending(pending: &PendingImport, options: &ImportOptions) -> Result<ParsedFile, AppError> {
    let bytes = pending.0.lock().unwrap_or_else(|p| p.into_inner());
    let bytes = bytes
        .as_ref()
        .ok_or_else(|| AppError::new("error-import-empty", "no file chosen"))?;
    contacts::parse(bytes, options).map_err(import_error)
}

#[tauri::command(async)]
pub fn contact_summary(state: tauri::State<'_, AppState>) -> Result<ContactSummary, AppError> {
    Ok(state.store()?.contact_summary()?)
}

#[tauri::command(async)]
pub fn search_contacts(
    state: tauri::State<'_, AppState>,
    filter: ContactFilter,
    offset: usize,
    limit: usize,
) -> Result<ContactPage, AppError> {
    Ok(state
        .store()?
        .search_contacts(&filter, offset, limit.min(500))?)
}

/// Step 1: the file's bytes (raw request body) are kept and checked with `options` (a
/// JSON header); nothing is written.
#[tauri::command(async)]
pub fn read_contacts_file(
    pending: tauri::State<'_, PendingImport>,
    request: tauri::ipc::Request<'_>,
) -> Result<ParsedFile, AppError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(import_error(contacts::ImportError::Empty));
    };
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(bytes.clone());
    parse_pending(&pending, &ImportOptions::default())
}

/// Step 1 again, after the user changed the mapping or the options.
#[tauri::command(async)]
pub fn recheck_contacts_file(
    pending: tauri::State<'_, PendingImport>,
    options: ImportOptions,
) -> Result<ParsedFile, AppError> {
    parse_pending(&pending, &options)
}

/// Step 2: writes the checked file in one transaction and forgets it.
#[tauri::command(async)]
pub fn apply_contacts_import(
    state: tauri::State<'_, AppState>,
    pending: tauri::State<'_, PendingImport>,
    auto: tauri::State<'_, AutoBackups>,
    options: ImportOptions,
) -> Result<ImportReport, AppError> {
    let parsed = parse_pending(&pending, &options)?;
    let report = state.store()?.apply_import(
        &parsed,
        options.on_duplicate,
        &mut tandem_core::token::os_random_token,
    )?;
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    auto.event();
    Ok(report)
}

#[tauri::command]
pub fn unsubscribe_contact(
    state: tauri::State<'_, AppState>,
    email: String,
) -> Result<(), AppError> {
    Ok(state.store()?.unsubscribe(&email)?)
}

/// Erases a contact everywhere Tandem writes (async: emptying the write-ahead log may
/// wait a moment for a reader).
#[tauri::command(async)]
pub fn erase_contact(
    state: tauri::State<'_, AppState>,
    auto: tauri::State<'_, AutoBackups>,
    email: String,
) -> Result<(), AppError> {
    state
        .store()?
        .erase(&email, &mut tandem_core::token::os_random_token)?;
    // The newest backup then holds no trace of the person either.
    auto.event();
    Ok(())
}

/// Adds or edits one contact by hand.
#[tauri::command]
pub fn save_contact(
    state: tauri::State<'_, AppState>,
    contact: contacts::ContactInput,
) -> Result<contacts::Contact, AppError> {
    Ok(state
        .store()?
        .save_contact(&contact, &mut tandem_core::token::os_random_token)?)
}

/// Applies one action to the ticked contacts or to every match of the search; returns
/// how many contacts changed. Erasing asks for confirmation in the UI first.
#[tauri::command(async)]
pub fn bulk_contacts(
    state: tauri::State<'_, AppState>,
    auto: tauri::State<'_, AutoBackups>,
    target: contacts::BulkTarget,
    action: contacts::BulkAction,
) -> Result<usize, AppError> {
    let changed =
        state
            .store()?
            .bulk_contacts(&target, &action, &mut tandem_core::token::os_random_token)?;
    auto.event();
    Ok(changed)
}
