//! Translation drafts in the composer and the translation settings: one command per
//! intent, each a few lines around core::translate.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use serde::Serialize;
use tandem_core::model::Lang;
use tandem_core::secrets;
use tandem_core::translate::{self, ApplyError, Scope, TranslateError, TranslateSettings};
use ts_rs::TS;

use super::data_dir;
use super::issues::{editor, EditorIssue};
use crate::{AppError, AppState};

/// The translation settings as the Settings screen shows them.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TranslateView {
    pub settings: TranslateSettings,
    /// A key is saved for the chosen service.
    pub has_key: bool,
    /// The glossary: [French, Dutch] pairs.
    pub glossary: Vec<(String, String)>,
}

/// A block or the subject/preheader translated: the issue as it is now, and the report.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Translated {
    pub editor: EditorIssue,
    pub report: translate::Report,
}

fn view(state: &AppState) -> Result<TranslateView, AppError> {
    let store = state.store()?;
    let settings = store.translate_settings()?;
    let has_key = secrets::translate_key(&settings.service, &data_dir(&store)).is_some();
    Ok(TranslateView {
        settings,
        has_key,
        glossary: store.glossary()?,
    })
}

fn translate_error(e: TranslateError) -> AppError {
    let detail = e.to_string();
    AppError::new(e.message_id(), detail)
}

fn apply_error(e: ApplyError) -> AppError {
    match e {
        ApplyError::Translate(t) => translate_error(t),
        ApplyError::Store(s) => s.into(),
        ApplyError::Changed => AppError::new("translate-error-changed", e.to_string()),
        ApplyError::Edited => AppError::new("translate-error-edited", e.to_string()),
    }
}

#[tauri::command(async)]
pub fn translate_view(state: tauri::State<'_, AppState>) -> Result<TranslateView, AppError> {
    view(&state)
}

/// Saves the service (and its key in the keychain when one is given).
#[tauri::command]
pub fn save_translate_settings(
    state: tauri::State<'_, AppState>,
    settings: TranslateSettings,
    key: Option<String>,
    allow_file: bool,
) -> Result<TranslateView, AppError> {
    {
        let store = state.store()?;
        if let Some(key) = key.as_deref().filter(|k| !k.trim().is_empty()) {
            secrets::save_translate_key(
                &settings.service,
                key.trim(),
                allow_file,
                &data_dir(&store),
            )?;
        }
        let mut settings = settings;
        // The notice is about one service: choosing another asks again.
        let before = store.translate_settings()?;
        settings.notice_accepted = before.notice_accepted && before.service == settings.service;
        store.set_translate_settings(&settings)?;
    }
    view(&state)
}

/// The one-time notice was read and accepted.
#[tauri::command]
pub fn accept_translate_notice(
    state: tauri::State<'_, AppState>,
) -> Result<TranslateView, AppError> {
    {
        let store = state.store()?;
        let mut settings = store.translate_settings()?;
        settings.notice_accepted = true;
        store.set_translate_settings(&settings)?;
    }
    view(&state)
}

#[tauri::command]
pub fn save_glossary(
    state: tauri::State<'_, AppState>,
    pairs: Vec<(String, String)>,
) -> Result<TranslateView, AppError> {
    state.store()?.set_glossary(&pairs)?;
    view(&state)
}

/// Replaces the glossary with a CSV file (its bytes as the request body: `fr;nl` or
/// `fr,nl`, an optional header); a file that cannot be read changes nothing.
#[tauri::command]
pub fn import_glossary(
    state: tauri::State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<TranslateView, AppError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::new("glossary-error-file", "no file"));
    };
    let pairs = translate::read_glossary_csv(bytes).map_err(|e| {
        // The message says it all, but for a file the CSV reader could not read.
        let detail = match e {
            translate::GlossaryFileError::Unreadable { .. } => e.to_string(),
            _ => String::new(),
        };
        let mut error = AppError::new(e.code(), detail);
        if let Some(line) = e.line() {
            error.args.insert("line".into(), line.into());
        }
        error
    })?;
    state.store()?.set_glossary(&pairs)?;
    view(&state)
}

/// Saves the glossary as CSV where the user says; the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_glossary<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let Some(path) = super::export::save_path(&app, "glossaire-woordenlijst.csv", ("CSV", "csv"))
    else {
        return Ok(None);
    };
    let pairs = state.store()?.glossary()?;
    super::export::write_file(&path, &translate::glossary_csv(&pairs))?;
    Ok(Some(path.display().to_string()))
}

fn service(state: &AppState) -> Result<Box<dyn translate::Service>, AppError> {
    let store = state.store()?;
    let settings = store.translate_settings()?;
    let key = secrets::translate_key(&settings.service, &data_dir(&store));
    translate::service_for(&settings, key, Duration::from_secs(30)).map_err(translate_error)
}

/// Characters used and allowed this month (DeepL), or nothing.
#[tauri::command(async)]
pub fn translate_usage(state: tauri::State<'_, AppState>) -> Result<Option<(u64, u64)>, AppError> {
    service(&state)?.usage().map_err(translate_error)
}

fn run(state: &AppState, issue_id: i64, scope: Scope) -> Result<Translated, AppError> {
    let mut service = service(state)?;
    let report = {
        // Its own connection: typing is saved while the service answers.
        let mut store = state.own_store()?;
        let glossary = translate::prepare(&store, service.as_mut()).map_err(apply_error)?;
        translate::translate_issue(
            &mut store,
            issue_id,
            scope,
            service.as_mut(),
            &glossary,
            &AtomicBool::new(false),
            &mut |_, _| {},
        )
        .map_err(apply_error)?
    };
    Ok(Translated {
        editor: editor(state, issue_id)?,
        report,
    })
}

/// Fills the blank side of one block (0-based) from `from`.
#[tauri::command(async)]
pub fn translate_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    index: usize,
    from: Lang,
) -> Result<Translated, AppError> {
    run(
        &state,
        issue_id,
        Scope {
            from,
            block: Some(index),
            dry_run: false,
        },
    )
}

/// Fills the blank subject and preheader from `from` (the blocks one by one, from the UI,
/// so it can show progress and stop).
#[tauri::command(async)]
pub fn translate_meta(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    from: Lang,
) -> Result<Translated, AppError> {
    let mut service = service(&state)?;
    let report = {
        let mut store = state.own_store()?;
        let glossary = translate::prepare(&store, service.as_mut()).map_err(apply_error)?;
        translate::translate_stored_meta(
            &mut store,
            issue_id,
            from,
            service.as_mut(),
            &glossary,
            false,
        )
        .map_err(apply_error)?
    };
    Ok(Translated {
        editor: editor(&state, issue_id)?,
        report,
    })
}

/// A person reread the subject and preheader in `lang`.
#[tauri::command]
pub fn reread_meta(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    lang: Lang,
) -> Result<EditorIssue, AppError> {
    state.store()?.clear_issue_draft(issue_id, lang)?;
    editor(&state, issue_id)
}

/// A new draft of block `index`'s other side from `from`, over what is there: shown to
/// the user beside the current text; nothing is saved until [`accept_redraft`].
#[tauri::command(async)]
pub fn redraft_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    index: usize,
    from: Lang,
) -> Result<translate::Redraft, AppError> {
    let mut service = service(&state)?;
    let redraft = {
        let store = state.own_store()?;
        let glossary = translate::prepare(&store, service.as_mut()).map_err(apply_error)?;
        translate::redraft(&store, issue_id, index, from, service.as_mut(), &glossary)
            .map_err(apply_error)?
    };
    *state.redraft.lock().unwrap_or_else(|p| p.into_inner()) = Some(redraft.clone());
    Ok(redraft)
}

/// The user compared and chose the new draft of block `index`: it replaces the side
/// (marked as a machine draft) if the block did not change since it was shown.
#[tauri::command]
pub fn accept_redraft(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    index: usize,
) -> Result<EditorIssue, AppError> {
    let pending = state
        .redraft
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .filter(|r| r.issue_id == issue_id && r.index == index)
        .ok_or_else(|| AppError::new("translate-error-changed", "no draft is waiting"))?;
    translate::accept_redraft(&mut *state.store()?, &pending).map_err(apply_error)?;
    editor(&state, issue_id)
}
