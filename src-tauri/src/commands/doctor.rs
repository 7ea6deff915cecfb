//! Settings → About → "Copy a diagnostic report": the report built by the core (the
//! same as `tandem doctor`), with the webview's version, and its text in the language
//! of the interface, shown before it is copied.

use serde::Serialize;
use tandem_core::doctor::{self, Report};
use tandem_core::i18n::{Domain, Localizer};
use tandem_core::model::UiLanguage;
use ts_rs::TS;

use super::data_dir;
use crate::{AppError, AppState};

/// The report, and the text the window shows and copies.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Diagnostic {
    pub report: Report,
    pub text: String,
}

/// Builds the report (the connection tests ask the servers: up to a few seconds each),
/// on a database connection of its own so that nothing else waits.
#[tauri::command(async)]
pub fn diagnostic_report(state: tauri::State<'_, AppState>) -> Result<Diagnostic, AppError> {
    let store = state.own_store()?;
    let db = store
        .path()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let language = store
        .ui_language()?
        .unwrap_or_else(|| UiLanguage::from_system_locale(sys_locale::get_locale().as_deref()));
    let report = doctor::report(
        &store,
        &db,
        &data_dir(&store),
        &doctor::Context {
            program: "app".into(),
            webview: tauri::webview_version().ok(),
            network: true,
            timeout: None,
            smtp_password: None,
            imap_password: None,
        },
    );
    let text = report.to_text(&Localizer::new(language, Domain::Ui));
    Ok(Diagnostic { report, text })
}
