//! Signing in with Microsoft 365 or Google from Settings: start (the browser opens, or
//! a code is shown), finish (the token goes to the keychain), cancel, sign out.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use tandem_core::oauth::{
    self, Account, BrowserLogin, DeviceCode, DeviceLogin, OAuthClient, Provider,
};
use ts_rs::TS;

use super::data_dir;
use crate::error::oauth_error;
use crate::{AppError, AppState};

/// A sign-in started and not finished yet (one at a time).
#[derive(Debug, Default)]
pub struct SignIns {
    pending: Mutex<Option<Pending>>,
}

#[derive(Debug)]
struct Pending {
    login: Login,
    cancel: Arc<AtomicBool>,
}

#[derive(Debug)]
enum Login {
    Browser(BrowserLogin),
    Device(DeviceLogin),
}

/// Who is signed in, and whether this computer has a keychain for the sign-in.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AccountView {
    pub account: Option<Account>,
    pub keychain: bool,
    /// The providers this build carries its own app registration for: the sign-in asks
    /// them for no client ID (it moves under "Advanced").
    pub builtin: Vec<Provider>,
}

#[tauri::command(async)]
pub fn oauth_account(state: tauri::State<'_, AppState>) -> Result<AccountView, AppError> {
    Ok(AccountView {
        account: state.store()?.oauth_account()?,
        keychain: tandem_core::secrets::keychain_available(),
        builtin: [Provider::Microsoft, Provider::Google]
            .into_iter()
            .filter(|p| oauth::builtin_client(*p).is_some())
            .collect(),
    })
}

/// What the user must do now: finish in the browser (`url`, also shown in case no
/// browser opened), or enter `device.code` at `device.uri`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SignInStart {
    pub url: Option<String>,
    pub device: Option<DeviceCode>,
}

#[tauri::command(async)]
pub fn sign_in_start(
    sign_ins: tauri::State<'_, SignIns>,
    client: OAuthClient,
    device: bool,
) -> Result<SignInStart, AppError> {
    let mut client = client.or_builtin();
    if client.issuer.trim().is_empty() {
        // National clouds and tests name another identity server.
        client.issuer = std::env::var("TANDEM_OAUTH_ISSUER").unwrap_or_default();
    }
    let cancel = Arc::new(AtomicBool::new(false));
    let (login, start) = if device {
        let login = oauth::begin_device(&client).map_err(|e| oauth_error(&e))?;
        let start = SignInStart {
            url: None,
            device: Some(login.code.clone()),
        };
        (Login::Device(login), start)
    } else {
        let language =
            tandem_core::model::UiLanguage::from_system_locale(sys_locale::get_locale().as_deref());
        let login = oauth::begin_browser(&client, language).map_err(|e| oauth_error(&e))?;
        if std::env::var_os("TANDEM_NO_BROWSER").is_none() {
            // If no browser opens, the address is on screen to open by hand.
            let _ = open::that_detached(&login.url);
        }
        let start = SignInStart {
            url: Some(login.url.clone()),
            device: None,
        };
        (Login::Browser(login), start)
    };
    let mut pending = sign_ins.pending.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(old) = pending.take() {
        old.cancel.store(true, Ordering::SeqCst);
    }
    *pending = Some(Pending { login, cancel });
    Ok(start)
}

/// Waits for the sign-in started last; keeps the token (in the keychain, or with
/// `allow_file` in a private file) and who signed in; the saved settings of that
/// provider now log in as the account.
#[tauri::command(async)]
pub fn sign_in_finish(
    state: tauri::State<'_, AppState>,
    sign_ins: tauri::State<'_, SignIns>,
    allow_file: bool,
) -> Result<Account, AppError> {
    let pending = sign_ins
        .pending
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .ok_or_else(|| AppError::new("oauth-error-cancelled", "no sign-in is waiting"))?;
    let signed_in = match pending.login {
        Login::Browser(login) => login.wait(&pending.cancel, Duration::from_secs(600)),
        Login::Device(login) => login.wait(Arc::clone(&pending.cancel)),
    }
    .map_err(|e| oauth_error(&e))?;
    let store = state.store()?;
    signed_in
        .save(allow_file, &data_dir(&store))
        .map_err(|e| oauth_error(&e))?;
    store.set_oauth_account(Some(&signed_in.account))?;
    if let Some(mut settings) = store.smtp_settings()? {
        if Provider::of_preset(&settings.preset) == Some(signed_in.account.client.provider) {
            settings.username = signed_in.account.account.clone();
            settings.oauth = true;
            store.set_smtp_settings(&settings)?;
        }
    }
    Ok(signed_in.account)
}

#[tauri::command]
pub fn sign_in_cancel(sign_ins: tauri::State<'_, SignIns>) {
    if let Some(p) = sign_ins
        .pending
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
    {
        p.cancel.store(true, Ordering::SeqCst);
    }
}

/// Forgets the sign-in on this computer.
#[tauri::command(async)]
pub fn sign_out(state: tauri::State<'_, AppState>) -> Result<(), AppError> {
    let store = state.store()?;
    if let Some(account) = store.oauth_account()? {
        tandem_core::secrets::delete_refresh_token(
            account.client.provider.id(),
            &account.account,
            &data_dir(&store),
        );
        store.set_oauth_account(None)?;
    }
    Ok(())
}
