//! Will it arrive: the Send view's "before you send" list (the sender's domain, every
//! link, the content) and Settings → Sending domain. The network work runs on a
//! blocking thread of its own, without the database lock: a check that waits on slow
//! servers holds up neither typing nor the app's other commands.

use std::sync::Arc;

use tandem_core::deliverability::{self, dns::Dns, preflight::LinkCache, Provider, Report};

use crate::{AppError, AppState};

impl From<deliverability::DeliverabilityError> for AppError {
    fn from(e: deliverability::DeliverabilityError) -> Self {
        match e {
            deliverability::DeliverabilityError::Mailbox(m) => super::mailbox::mailbox_error(m),
            other => AppError::new(other.code(), other.to_string()),
        }
    }
}

/// The link results the app keeps (an hour each).
#[derive(Debug, Default)]
pub struct Links(pub Arc<LinkCache>);

fn dns() -> Result<Dns, AppError> {
    Dns::from_env().map_err(|e| AppError::new("error-deliv-dns", e.to_string()))
}

/// Runs `work` away from the app's async workers (two on a two-core machine): on the
/// blocking pool, and there on a thread of its own, since the lookups drive a small
/// runtime of their own.
async fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(move || {
        std::thread::scope(|s| {
            s.spawn(work)
                .join()
                .unwrap_or_else(|_| Err(AppError::new("error-deliv-dns", "the check stopped")))
        })
    })
    .await
    .map_err(|e| AppError::new("error-deliv-dns", e.to_string()))?
}

/// The "before you send" list of an issue: `fresh` checks every link again (else
/// results younger than an hour are reused).
#[tauri::command]
pub async fn preflight_issue(
    state: tauri::State<'_, AppState>,
    links: tauri::State<'_, Links>,
    issue_id: i64,
    fresh: bool,
) -> Result<Report, AppError> {
    let (issue, smtp) = {
        let store = state.store()?;
        (store.issue(issue_id)?.issue, store.smtp_settings()?)
    };
    let cache = Arc::clone(&links.0);
    off_runtime(move || {
        let from = smtp.as_ref().map(|s| s.from_address.clone());
        let unsubscribe = smtp
            .as_ref()
            .map(|s| s.unsubscribe_url.clone())
            .filter(|u| !u.trim().is_empty());
        let request = deliverability::PreflightRequest {
            issue: &issue,
            from: from.as_deref(),
            provider: smtp.as_ref().and_then(|s| Provider::of_preset(&s.preset)),
            edition: None,
            unsubscribe_url: unsubscribe.as_deref(),
            fresh,
        };
        Ok(deliverability::preflight(&request, dns()?, &cache))
    })
    .await
}

/// Settings → Sending domain: the domain of `from` (default: the sending address) for
/// `provider` (default: the sending preset, else read from MX).
#[tauri::command]
pub async fn check_sending_domain(
    state: tauri::State<'_, AppState>,
    from: Option<String>,
    provider: Option<String>,
) -> Result<Report, AppError> {
    let smtp = state.store()?.smtp_settings()?;
    let from = from
        .filter(|f| !f.trim().is_empty())
        .or_else(|| smtp.as_ref().map(|s| s.from_address.clone()))
        .unwrap_or_default();
    let provider = match provider.as_deref().and_then(Provider::parse) {
        Some(Provider::Custom) => None,
        Some(p) => Some(p),
        None => smtp.as_ref().and_then(|s| Provider::of_preset(&s.preset)),
    };
    off_runtime(move || Ok(deliverability::check_domain(&dns()?, &from, provider, &[])?)).await
}

/// How the test message of run `run` (sent to the mailbox's own address) arrived: looked
/// for up to `wait` seconds in the inbox and the junk folder, then filed in the Tandem
/// folder.
#[tauri::command]
pub async fn check_arrival(
    state: tauri::State<'_, AppState>,
    run: i64,
    wait: u64,
) -> Result<Report, AppError> {
    let (settings, login) = super::mailbox::saved_login(&state)?;
    let store = state.own_store()?;
    off_runtime(move || {
        let findings = deliverability::roundtrip::check_arrival(
            &store,
            run,
            &settings,
            &login,
            std::time::Duration::from_secs(wait.clamp(1, 600)),
        )?;
        Ok(Report {
            domain: String::new(),
            provider: String::new(),
            findings,
        })
    })
    .await
}
