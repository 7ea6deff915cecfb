//! The Settings view's sending section: the SMTP settings (the password in the
//! keychain), "Test connection", and the errors of a server in the user's words, with
//! the certificate to look at when it is not trusted.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tandem_core::secrets;
use tandem_core::send::{
    self, Destination, Login, LoginError, Outcome, Preset, SettingsProblem, SmtpEndpoint,
    SmtpSettings,
};
use tandem_core::store::Store;
use ts_rs::TS;

use super::data_dir;
use crate::error::oauth_error;
use crate::{AppError, AppState};

impl From<send::SendError> for AppError {
    fn from(e: send::SendError) -> Self {
        match e {
            send::SendError::Store(s) => s.into(),
            other => AppError::new(other.code(), other.to_string()),
        }
    }
}

pub(crate) fn with_reply(code: &str, reply: &str) -> AppError {
    let mut error = AppError::new(code, reply);
    error.args.insert("reply".into(), reply.into());
    error
}

pub(crate) fn outcome_error(outcome: Outcome) -> AppError {
    match outcome {
        Outcome::Unreachable(_)
        | Outcome::Refused(_)
        | Outcome::SignIn(_)
        | Outcome::Certificate(_) => with_reply(outcome.message_id(), outcome.reply()),
        other => with_reply(other.message_id(), &format!("{other:?}")),
    }
}

/// A certificate refusal with the certificate itself, for the user to look at and,
/// if they know it is their server's, to trust (pin).
pub(crate) fn certificate_error(endpoint: &SmtpEndpoint, reply: &str, pinned: &str) -> AppError {
    let Ok(cert) = endpoint.certificate() else {
        return with_reply("error-smtp-certificate", reply);
    };
    let code = if pinned.trim().is_empty() {
        "error-smtp-certificate-untrusted"
    } else {
        "error-smtp-certificate-changed"
    };
    let mut error = with_reply(code, reply);
    error.certificate = Some(cert);
    error
}

/// The Settings view's sending section.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SmtpView {
    pub settings: SmtpSettings,
    /// False until settings with a server were saved: sends go to the outbox.
    pub configured: bool,
    pub has_password: bool,
    pub presets: Vec<Preset>,
    /// The folder of .eml files used while no server is configured.
    pub outbox: String,
}

fn smtp_view(store: &Store) -> Result<SmtpView, AppError> {
    let saved = store.smtp_settings()?;
    let configured = saved.as_ref().is_some_and(|s| !s.host.trim().is_empty());
    let settings = saved.unwrap_or_default();
    let dir = data_dir(store);
    let has_password = !settings.username.trim().is_empty()
        && secrets::password(&settings.username, &settings.host, &dir).is_some();
    Ok(SmtpView {
        settings,
        configured,
        has_password,
        presets: send::presets(),
        outbox: dir.join("outbox").display().to_string(),
    })
}

#[tauri::command(async)]
pub fn smtp_settings(state: tauri::State<'_, AppState>) -> Result<SmtpView, AppError> {
    smtp_view(&*state.store()?)
}

/// What the form sends to be saved.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SmtpSave {
    pub settings: SmtpSettings,
    /// A new password, or `None` to keep the saved one.
    pub password: Option<String>,
    /// The user agreed to keep the password in a private file (no keychain here).
    pub allow_file: bool,
}

/// Either the saved settings, or every problem (then nothing was saved).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SmtpSaved {
    pub problems: Vec<SettingsProblem>,
    pub view: Option<SmtpView>,
    /// The password went to a file because there is no keychain (with consent).
    pub password_in_file: bool,
}

#[tauri::command(async)]
pub fn save_smtp_settings(
    state: tauri::State<'_, AppState>,
    save: SmtpSave,
) -> Result<SmtpSaved, AppError> {
    let problems = save.settings.problems();
    if !problems.is_empty() {
        return Ok(SmtpSaved {
            problems,
            view: None,
            password_in_file: false,
        });
    }
    let store = state.store()?;
    let mut in_file = false;
    if let Some(password) = save.password.as_deref().filter(|p| !p.is_empty()) {
        // The password first: settings that claim a login without one are no use.
        in_file = secrets::save_password(
            &save.settings.username,
            &save.settings.host,
            password,
            save.allow_file,
            &data_dir(&store),
        )? == secrets::Saved::File;
    }
    store.set_smtp_settings(&save.settings)?;
    Ok(SmtpSaved {
        problems: Vec::new(),
        view: Some(smtp_view(&store)?),
        password_in_file: in_file,
    })
}

fn endpoint(
    settings: &SmtpSettings,
    login: Option<Login>,
    timeout: Duration,
) -> Result<SmtpEndpoint, AppError> {
    SmtpEndpoint::new(settings, login, timeout).map_err(|e| with_reply("error-smtp-settings", &e))
}

/// Why the login of a destination is not ready, in the user's words.
pub(crate) fn login_error(e: LoginError) -> AppError {
    match e {
        LoginError::NoPassword(user) => AppError::new("error-smtp-no-password", user),
        LoginError::NotSignedIn(user) => {
            let mut error = AppError::new("error-oauth-not-signed-in", user.clone());
            error.args.insert("account".into(), user.into());
            error
        }
        LoginError::OAuth(e) => oauth_error(&e),
    }
}

/// "Test connection": connects and logs in with the settings in the form (and the
/// password typed, or the saved one); the server's own words either way.
#[tauri::command(async)]
pub fn test_smtp(
    state: tauri::State<'_, AppState>,
    settings: SmtpSettings,
    password: Option<String>,
) -> Result<String, AppError> {
    // The form's own problems first, in the user's language (e.g. plain text to a
    // server elsewhere), before anything is tried.
    if let Some(problem) = settings
        .problems()
        .into_iter()
        .find(|p| p.field != "from_address")
    {
        return Err(AppError::new(&problem.code, problem.field));
    }
    let store = state.store()?;
    let dir = data_dir(&store);
    let account = store.oauth_account()?;
    drop(store);
    let login = Destination::of_settings(&settings)
        .login_with(password, account.as_ref(), &dir)
        .map_err(login_error)?;
    let endpoint = endpoint(&settings, login, Duration::from_secs(20))?;
    endpoint.test().map_err(|outcome| match outcome {
        Outcome::Certificate(reply) => certificate_error(&endpoint, &reply, &settings.pinned_cert),
        other => outcome_error(other),
    })
}
