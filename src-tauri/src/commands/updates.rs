//! "Check for updates": the version feed (latest.json, minisign-signed bundles), asked
//! when the user clicks, or once a day at start when the organisation turned that on.
//! A bundle whose signature does not match the public key in tauri.conf.json is refused
//! before anything is installed.

use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use tauri_plugin_updater::{Error as UpdateError, Update, Updater, UpdaterExt};
use ts_rs::TS;

use crate::{AppError, AppState};

/// The update found last, and its verified bytes once downloaded.
#[derive(Default)]
pub struct PendingUpdate {
    found: Mutex<Option<(Update, Option<Vec<u8>>)>>,
}

impl std::fmt::Debug for PendingUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingUpdate").finish_non_exhaustive()
    }
}

/// The updater, with the feed and key of tauri.conf.json. Debug builds (the tests) may
/// name another feed and key (`TANDEM_UPDATE_FEED`, `TANDEM_UPDATE_PUBKEY`); a release
/// build trusts only its own.
fn updater<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Result<Updater, AppError> {
    #[allow(unused_mut)]
    let mut builder = app.updater_builder().timeout(Duration::from_secs(30));
    #[cfg(debug_assertions)]
    {
        if let Ok(feed) = std::env::var("TANDEM_UPDATE_FEED") {
            let url = tauri::Url::parse(&feed)
                .map_err(|e| AppError::new("update-error-feed", e.to_string()))?;
            builder = builder.endpoints(vec![url]).map_err(|e| error(&e))?;
        }
        if let Ok(key) = std::env::var("TANDEM_UPDATE_PUBKEY") {
            builder = builder.pubkey(key);
        }
    }
    builder.build().map_err(|e| error(&e))
}

/// An updater error in the user's words.
fn error(e: &UpdateError) -> AppError {
    let code = match e {
        UpdateError::EmptyEndpoints => "update-error-no-feed",
        UpdateError::Minisign(_)
        | UpdateError::Base64(_)
        | UpdateError::SignatureUtf8(_)
        | UpdateError::SignedVersionMismatch { .. } => "update-error-signature",
        UpdateError::TargetNotFound(_) | UpdateError::TargetsNotFound(_) => "update-error-platform",
        UpdateError::Reqwest(_)
        | UpdateError::Network(_)
        | UpdateError::ReleaseNotFound
        | UpdateError::Serialization(_)
        | UpdateError::UrlParse(_)
        | UpdateError::InsecureTransportProtocol
        | UpdateError::Semver(_) => "update-error-feed",
        _ => "update-error-install",
    };
    let mut error = AppError::new(code, e.to_string());
    error.args.insert("detail".into(), e.to_string().into());
    error
}

/// What Settings shows about updates.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UpdateView {
    pub current: String,
    /// An update feed is configured in this build.
    pub feed: bool,
    pub check_daily: bool,
    pub last_checked: Option<String>,
}

#[tauri::command(async)]
pub fn update_view<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
) -> Result<UpdateView, AppError> {
    let store = state.store()?;
    Ok(UpdateView {
        current: tandem_core::VERSION.to_owned(),
        feed: updater(&app).is_ok(),
        check_daily: store.update_check_daily()?,
        last_checked: store.update_checked_at()?,
    })
}

#[tauri::command(async)]
pub fn set_update_check_daily(state: tauri::State<'_, AppState>, on: bool) -> Result<(), AppError> {
    Ok(state.store()?.set_update_check_daily(on)?)
}

/// A newer version on the feed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UpdateFound {
    pub version: String,
    pub date: Option<String>,
    pub notes: Option<String>,
}

/// Asks the feed; `None` when this is the newest version.
#[tauri::command]
pub async fn check_update<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    pending: tauri::State<'_, PendingUpdate>,
) -> Result<Option<UpdateFound>, AppError> {
    let found = updater(&app)?.check().await.map_err(|e| error(&e))?;
    state.store()?.set_update_checked_at(
        &chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )?;
    let view = found.as_ref().map(|u| UpdateFound {
        version: u.version.clone(),
        date: u.date.map(|d| d.to_string()),
        notes: u.body.clone(),
    });
    *pending.found.lock().unwrap_or_else(|p| p.into_inner()) = found.map(|u| (u, None));
    Ok(view)
}

/// At start: asks the feed if the organisation turned the daily check on and the last
/// check is a day old; never an error (the app goes on without it).
#[tauri::command]
pub async fn check_update_if_due<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    pending: tauri::State<'_, PendingUpdate>,
) -> Result<Option<UpdateFound>, AppError> {
    let due = {
        let store = state.store()?;
        is_due(
            store.update_check_daily()?,
            store.update_checked_at()?.as_deref(),
            chrono::Utc::now(),
        )
    };
    if !due {
        return Ok(None);
    }
    Ok(check_update(app, state, pending).await.unwrap_or(None))
}

/// Whether the daily check should ask the feed now: turned on, and never asked, or last
/// asked more than a day ago (an unreadable date counts as never).
fn is_due(on: bool, last: Option<&str>, now: chrono::DateTime<chrono::Utc>) -> bool {
    on && last
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .is_none_or(|t| now - t.to_utc() > chrono::Duration::hours(24))
}

/// Downloads the update found and checks its signature; the bytes are kept for
/// [`install_update`]. Returns their size.
#[tauri::command]
pub async fn download_update(pending: tauri::State<'_, PendingUpdate>) -> Result<u64, AppError> {
    let update = pending
        .found
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
        .map(|(u, _)| u.clone())
        .ok_or_else(|| AppError::new("update-error-none", "check for updates first"))?;
    let bytes = update
        .download(|_, _| {}, || {})
        .await
        .map_err(|e| error(&e))?;
    let size = bytes.len() as u64;
    if let Some(found) = pending
        .found
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_mut()
    {
        found.1 = Some(bytes);
    }
    Ok(size)
}

/// Installs the verified update and restarts Tandem.
#[tauri::command]
pub async fn install_update<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    pending: tauri::State<'_, PendingUpdate>,
) -> Result<(), AppError> {
    let (update, bytes) = pending
        .found
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .and_then(|(u, b)| b.map(|b| (u, b)))
        .ok_or_else(|| AppError::new("update-error-none", "download the update first"))?;
    update.install(bytes).map_err(|e| error(&e))?;
    app.restart()
}

#[cfg(test)]
mod tests {
    use super::is_due;

    #[test]
    fn the_daily_check_asks_once_a_day_and_only_when_turned_on() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T09:00:00Z")
            .unwrap()
            .to_utc();
        assert!(!is_due(false, None, now), "off by default");
        assert!(is_due(true, None, now), "never asked");
        assert!(
            !is_due(true, Some("2026-12-01T10:00:00Z"), now),
            "23 hours ago"
        );
        assert!(is_due(true, Some("2026-12-01T08:59:00Z"), now), "a day ago");
        assert!(is_due(true, Some("yesterday"), now), "an unreadable date");
    }
}
