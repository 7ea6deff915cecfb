//! The Mailbox panel and its settings: reading unsubscribe requests and bounces back
//! from the sending mailbox (IMAP), the log, confirm / dismiss / undo.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tandem_core::mailbox::MailboxAction;
use tandem_core::mailbox::{self, CheckOptions, ImapSettings, MailboxError, Summary};
use tandem_core::secrets;
use tandem_core::store::Store;
use ts_rs::TS;

use super::data_dir;
use crate::{AppError, AppState};

/// What the panel and the settings form show.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MailboxView {
    /// The saved settings, or `None` when the mailbox is not read.
    pub settings: Option<ImapSettings>,
    /// What the sending preset suggests (Microsoft 365, Google, OVH), when not saved.
    pub suggested: Option<ImapSettings>,
    /// The sending account (the default user name).
    pub sending_account: String,
    /// Requests waiting for a person.
    pub to_confirm: Vec<MailboxAction>,
    /// The latest actions, newest first.
    pub recent: Vec<MailboxAction>,
}

fn view(store: &Store) -> Result<MailboxView, AppError> {
    let smtp = store.smtp_settings()?;
    let settings = store.imap_settings()?;
    let suggested = match &settings {
        Some(_) => None,
        // The preset's server, logged in to as sending is (sign-in or password).
        None => smtp.as_ref().and_then(|s| {
            ImapSettings::for_preset(&s.preset).map(|imap| ImapSettings {
                oauth: s.oauth,
                ..imap
            })
        }),
    };
    Ok(MailboxView {
        settings,
        suggested,
        sending_account: smtp.map(|s| s.username).unwrap_or_default(),
        to_confirm: store.mailbox_to_confirm()?,
        recent: store
            .mailbox_log(30)?
            .into_iter()
            .filter(|a| a.kind != "to_confirm" || a.state != "pending")
            .collect(),
    })
}

pub(crate) fn mailbox_error(e: MailboxError) -> AppError {
    AppError::new(e.message_id(), e.detail())
}

#[tauri::command(async)]
pub fn mailbox_view(state: tauri::State<'_, AppState>) -> Result<MailboxView, AppError> {
    view(&*state.store()?)
}

/// What the settings form sends to be saved.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct MailboxSave {
    /// `None`: stop reading the mailbox.
    pub settings: Option<ImapSettings>,
    /// A new password for the mailbox, or `None` to keep the saved one (or the sending one).
    pub password: Option<String>,
    pub allow_file: bool,
}

#[tauri::command(async)]
pub fn save_mailbox_settings(
    state: tauri::State<'_, AppState>,
    save: MailboxSave,
) -> Result<MailboxView, AppError> {
    let store = state.store()?;
    if let Some(settings) = &save.settings {
        if settings.host.trim().is_empty() {
            return Err(AppError::new("mailbox-error-settings", "host"));
        }
        if let Some(password) = save.password.as_deref().filter(|p| !p.is_empty()) {
            let user = match settings.username.trim() {
                "" => store
                    .smtp_settings()?
                    .map(|s| s.username)
                    .unwrap_or_default(),
                u => u.to_owned(),
            };
            secrets::save_mailbox_password(
                &user,
                settings.host.trim(),
                password,
                save.allow_file,
                &data_dir(&store),
            )?;
        }
    }
    store.set_imap_settings(save.settings.as_ref())?;
    view(&store)
}

/// Logs in and opens the folder; the number of messages in it.
#[tauri::command(async)]
pub fn test_mailbox(
    state: tauri::State<'_, AppState>,
    settings: ImapSettings,
    password: Option<String>,
) -> Result<u32, AppError> {
    let store = state.store()?;
    let (smtp, account, dir) = (
        store.smtp_settings()?,
        store.oauth_account()?,
        data_dir(&store),
    );
    drop(store);
    let (settings, login) = mailbox::login_for(
        &settings,
        sending(smtp.as_ref()),
        password,
        account.as_ref(),
        &dir,
    )
    .map_err(mailbox_error)?;
    mailbox::test_connection(&settings, &login, Duration::from_secs(20)).map_err(mailbox_error)
}

/// The saved mailbox settings and how to log in (the keychain's password, or the
/// sign-in's token); read under the lock, which is let go before any server is asked.
pub(crate) fn saved_login(
    state: &AppState,
) -> Result<(ImapSettings, mailbox::ImapLogin), AppError> {
    let store = state.store()?;
    let settings = store
        .imap_settings()?
        .ok_or_else(|| AppError::new("mailbox-error-settings", "not set"))?;
    let (smtp, account, dir) = (
        store.smtp_settings()?,
        store.oauth_account()?,
        data_dir(&store),
    );
    drop(store);
    mailbox::login_for(
        &settings,
        sending(smtp.as_ref()),
        None,
        account.as_ref(),
        &dir,
    )
    .map_err(mailbox_error)
}

/// Checks the saved mailbox now. Runs on its own database connection, so the rest of
/// the app is not held up while the server answers.
#[tauri::command(async)]
pub fn check_mailbox(state: tauri::State<'_, AppState>) -> Result<Summary, AppError> {
    let (settings, login) = saved_login(&state)?;
    let mut own = state.own_store()?;
    mailbox::check(
        &mut own,
        &settings,
        &login,
        &CheckOptions::default(),
        &mut |_| {},
    )
    .map_err(mailbox_error)
}

#[tauri::command]
pub fn decide_mailbox_request(
    state: tauri::State<'_, AppState>,
    id: i64,
    confirm: bool,
) -> Result<MailboxView, AppError> {
    let mut store = state.store()?;
    store.decide_mailbox_request(id, confirm)?;
    view(&store)
}

#[tauri::command]
pub fn undo_mailbox_action(
    state: tauri::State<'_, AppState>,
    id: i64,
) -> Result<MailboxView, AppError> {
    let mut store = state.store()?;
    store.undo_mailbox_action(id)?;
    view(&store)
}

/// The sending account the mailbox's login falls back on.
fn sending(smtp: Option<&tandem_core::send::SmtpSettings>) -> Option<mailbox::SendingAccount<'_>> {
    smtp.map(|s| mailbox::SendingAccount {
        username: &s.username,
        host: &s.host,
    })
}
