//! Sending from the window: SMTP settings (password in the keychain), the audience and
//! preflight of an issue, test sends, the send itself on a background thread with its
//! own database connection (the UI stays usable), pause / resume / cancel, the ledger.
//!
//! The UI polls [`send_status`] while a send runs: one small struct a few times a
//! second, no event permissions to grant.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tandem_core::model::Edition;
use tandem_core::oauth::OAuthError;
use tandem_core::render::{email_html, RenderOptions};
use tandem_core::secrets;
use tandem_core::send::{
    self, Control, Destination, Ending, Login, LoginError, Outcome, Preset, Progress, RateLimit,
    Route, SendConfig, Sender, SettingsProblem, SmtpEndpoint, SmtpSettings,
};
use tandem_core::store::{Audience, LedgerRow, RowStatus, RunInfo, Store};
use ts_rs::TS;

use crate::{AppError, AppState};

/// The send in progress (one at a time) and how the last one ended.
#[derive(Debug, Default)]
pub struct Sending {
    status: Arc<Mutex<SendStatus>>,
    control: Mutex<Option<Control>>,
}

/// What the Send view shows while and after sending.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct SendStatus {
    #[ts(type = "number | null")]
    pub run: Option<i64>,
    pub active: bool,
    pub progress: Option<Progress>,
    pub ending: Option<Ending>,
    pub error: Option<AppError>,
}

impl From<send::SendError> for AppError {
    fn from(e: send::SendError) -> Self {
        match e {
            send::SendError::Store(s) => s.into(),
            other => AppError::new(other.code(), other.to_string()),
        }
    }
}

fn with_reply(code: &str, reply: &str) -> AppError {
    let mut error = AppError::new(code, reply);
    error.args.insert("reply".into(), reply.into());
    error
}

fn outcome_error(outcome: Outcome) -> AppError {
    match outcome {
        Outcome::Unreachable(r) => with_reply("error-smtp-unreachable", &r),
        Outcome::Refused(r) => with_reply(
            tandem_core::oauth::explain_smtp_refusal(&r).unwrap_or("error-smtp-refused"),
            &r,
        ),
        Outcome::SignIn(r) => with_reply("oauth-error-sign-in-again", &r),
        Outcome::Certificate(r) => with_reply("error-smtp-certificate", &r),
        other => with_reply("error-smtp-refused", &format!("{other:?}")),
    }
}

/// A certificate refusal with the certificate itself, for the user to look at and,
/// if they know it is their server's, to trust (pin).
fn certificate_error(endpoint: &SmtpEndpoint, reply: &str, pinned: &str) -> AppError {
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

pub(crate) fn data_dir(store: &Store) -> PathBuf {
    store
        .path()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .or_else(tandem_core::paths::default_data_dir)
        .unwrap_or_else(|| PathBuf::from("."))
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

/// A sign-in error in the user's words (`detail` fills the message).
pub(crate) fn oauth_error(e: &OAuthError) -> AppError {
    let mut error = AppError::new(e.message_id(), e.to_string());
    let detail = match e {
        OAuthError::Refused { code, description } => format!("{code}: {description}")
            .trim_end_matches(": ")
            .to_owned(),
        OAuthError::Config(d) | OAuthError::Unreachable(d) | OAuthError::SignInAgain(d) => {
            d.clone()
        }
        other => other.to_string(),
    };
    error.args.insert("detail".into(), detail.into());
    error
}

/// Why the login of a destination is not ready, in the user's words.
fn login_error(e: LoginError) -> AppError {
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

/// Where the saved settings send: their server, or the outbox folder without one.
fn settings_destination(store: &Store) -> Result<Destination, AppError> {
    Ok(match store.smtp_settings()? {
        Some(settings) if !settings.host.trim().is_empty() => Destination::of_settings(&settings),
        _ => Destination::default_outbox(),
    })
}

/// `destination` made ready (password from the keychain), with the server asked first:
/// nothing goes to the ledger before it has said yes once.
fn checked_route(store: &Store, destination: &Destination) -> Result<Route, AppError> {
    let dir = data_dir(store);
    let login = destination
        .login_with(None, store.oauth_account()?.as_ref(), &dir)
        .map_err(login_error)?;
    let route = Route::open(
        destination,
        login,
        Duration::from_secs(60),
        &dir.join("outbox"),
    )
    .map_err(|e| with_reply("error-smtp-settings", &e))?;
    route.check().map_err(|outcome| match (&route, outcome) {
        (Route::Smtp(endpoint), Outcome::Certificate(reply)) => {
            let pinned = match destination {
                Destination::Smtp { pinned_cert, .. } => pinned_cert.as_str(),
                Destination::Outbox { .. } => "",
            };
            certificate_error(endpoint, &reply, pinned)
        }
        (_, other) => outcome_error(other),
    })?;
    Ok(route)
}

/// The provider's limits and connections for `destination` (from the saved settings
/// when they name the same server; the outbox has none).
fn pace(store: &Store, destination: &Destination) -> Result<(Vec<RateLimit>, usize), AppError> {
    if destination.is_outbox() {
        return Ok((Vec::new(), 1));
    }
    Ok(match store.smtp_settings()? {
        Some(s) => (s.limits, s.concurrency.max(1) as usize),
        None => (Vec::new(), 2),
    })
}

fn sender(store: &Store) -> Result<Sender, AppError> {
    match store.smtp_settings()? {
        Some(s) if !s.from_address.trim().is_empty() => Ok(Sender::from_settings(&s)?),
        // Trying things out with the outbox needs no settings.
        _ => Ok(Sender::parse("Tandem <outbox@example.invalid>", "", "")?),
    }
}

/// The audience and what to check before sending.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SendOverview {
    pub audience: Audience,
    /// Blocks (from 0) missing a language or a required field.
    pub incomplete_blocks: Vec<usize>,
    /// Texts a translation service wrote that nobody has reread (a warning, not a block).
    pub machine_drafts: u32,
    /// The largest HTML among the editions this audience gets, in bytes (Gmail clips
    /// over 102 KB).
    pub html_bytes: u32,
    pub limits: Vec<RateLimit>,
    /// At least this long, given the provider's limits.
    pub estimated_seconds: u32,
    /// Where a new send goes (the saved settings' server, or the outbox folder).
    pub destination: Destination,
    /// The server (host:port) or the outbox folder.
    pub destination_label: String,
    pub lists: Vec<String>,
    /// A send that was interrupted (crash, closed window) and can be resumed.
    pub interrupted: Option<RunInfo>,
    /// The last real (not test) send of this issue that reached someone: sending again
    /// would reach them twice.
    pub previous: Option<RunInfo>,
}

/// The shortest time `n` messages take under `limits` (each window lets `count` go).
fn estimate_seconds(n: u32, limits: &[RateLimit]) -> u32 {
    limits
        .iter()
        .map(|l| {
            if n <= l.count {
                0
            } else {
                ((n - 1) / l.count) * l.per_seconds
            }
        })
        .max()
        .unwrap_or(0)
        .max(n / 20)
}

#[tauri::command(async)]
pub fn send_overview(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    lists: Vec<String>,
) -> Result<SendOverview, AppError> {
    let store = state.store()?;
    let audience = store.audience(&lists)?;
    let issue = store.issue(issue_id)?.issue;
    let report = issue.check();
    let options = RenderOptions {
        image_base: "cid:".into(),
        image_suffix: "@tandem".into(),
        unsubscribe_url: None,
        greeting: None,
    };
    let editions = [
        (Edition::Fr, audience.fr),
        (Edition::Nl, audience.nl),
        (Edition::Bilingual, audience.bilingual),
    ];
    let html_bytes = editions
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(e, _)| email_html(&issue, *e, &options).len() as u32)
        .max()
        .unwrap_or(0);
    let saved = store.smtp_settings()?;
    let limits = saved.as_ref().map(|s| s.limits.clone()).unwrap_or_default();
    let destination = settings_destination(&store)?;
    let destination_label = destination.label(&data_dir(&store).join("outbox"));
    let all_lists = store.contact_summary()?.lists;
    let previous = store
        .runs()?
        .into_iter()
        .find(|r| r.issue_id == Some(issue_id) && !r.is_test && r.sent > 0);
    Ok(SendOverview {
        estimated_seconds: estimate_seconds(audience.total(), &limits),
        audience,
        incomplete_blocks: report.incomplete_blocks(),
        machine_drafts: tandem_core::translate::drafts(&issue),
        html_bytes,
        limits,
        destination,
        destination_label,
        lists: all_lists,
        interrupted: store.unfinished_run()?,
        previous,
    })
}

/// Starts draining `run` on a background thread with its own database connection.
fn spawn_drive(
    db: PathBuf,
    run: i64,
    route: Route,
    (limits, concurrency): (Vec<RateLimit>, usize),
    sending: &Sending,
) -> Result<(), AppError> {
    let control = Control::default();
    {
        let mut guard = sending.control.lock().unwrap_or_else(|p| p.into_inner());
        let status = sending.status.lock().unwrap_or_else(|p| p.into_inner());
        if status.active {
            return Err(AppError::new(
                "error-send-busy",
                "a send is already running",
            ));
        }
        *guard = Some(control.clone());
    }
    let status = Arc::clone(&sending.status);
    *status.lock().unwrap_or_else(|p| p.into_inner()) = SendStatus {
        run: Some(run),
        active: true,
        ..SendStatus::default()
    };
    std::thread::Builder::new()
        .name(format!("send-run-{run}"))
        .spawn(move || {
            let result = (|| -> Result<Ending, AppError> {
                let mut store = Store::open(&db)?;
                let prepared = Arc::new(send::prepare_run(&store, run)?);
                let mut links = || route.link();
                let config = SendConfig {
                    limits,
                    concurrency: concurrency.max(1),
                    ..SendConfig::default()
                };
                let progress_status = Arc::clone(&status);
                send::drive(
                    &mut store,
                    run,
                    prepared,
                    &mut links,
                    &config,
                    &control,
                    &mut |p| {
                        progress_status
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .progress = Some(p.clone());
                    },
                )
                .map_err(|e| match e {
                    send::engine::EngineError::Store(s) => s.into(),
                    send::engine::EngineError::Busy(_) => {
                        AppError::new("error-send-busy", e.to_string())
                    }
                    other => AppError::new("error-send-closed", other.to_string()),
                })
            })();
            let mut s = status.lock().unwrap_or_else(|p| p.into_inner());
            s.active = false;
            match result {
                Ok(ending) => s.ending = Some(ending),
                Err(e) => s.error = Some(e),
            }
        })
        .map_err(|e| AppError::new("error-send-thread", e.to_string()))?;
    Ok(())
}

fn db_path(store: &Store) -> Result<PathBuf, AppError> {
    store
        .path()
        .map(Path::to_path_buf)
        .ok_or_else(|| AppError::new("error-store-internal", "in-memory database"))
}

/// Checks the server (nothing is written before it has said yes once), snapshots the
/// run, starts it.
fn start(
    state: &AppState,
    sending: &Sending,
    issue_id: i64,
    audience: send::Audience,
) -> Result<i64, AppError> {
    let (run, db, route, pace) = {
        let mut store = state.store()?;
        let destination = settings_destination(&store)?;
        let route = checked_route(&store, &destination)?;
        let sender = sender(&store)?;
        let greeting = store.smtp_settings()?.is_some_and(|s| s.greeting);
        let run = send::start_run(
            &mut store,
            issue_id,
            &audience,
            &sender,
            greeting,
            &destination,
        )?;
        (run, db_path(&store)?, route, pace(&store, &destination)?)
    };
    spawn_drive(db, run, route, pace, sending)?;
    Ok(run)
}

#[tauri::command(async)]
pub fn start_send(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    issue_id: i64,
    lists: Vec<String>,
) -> Result<i64, AppError> {
    start(&state, &sending, issue_id, send::Audience::Lists(lists))
}

#[tauri::command(async)]
pub fn test_send(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    issue_id: i64,
    email: String,
    edition: Edition,
) -> Result<i64, AppError> {
    start(
        &state,
        &sending,
        issue_id,
        send::Audience::Test { email, edition },
    )
}

/// Where a resume goes when the run's destination and the settings differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ResumeTo {
    /// Where the send started (recorded on the run).
    Started,
    /// Where the settings send now (the change is recorded on the run).
    Settings,
}

/// Resumes a paused or interrupted run (also after "retry failed") where it started.
/// When the settings now name another destination, the user must choose (`to`): without
/// a choice the answer is `error-send-destination-changed`, naming both.
#[tauri::command(async)]
pub fn resume_send(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    run: i64,
    to: Option<ResumeTo>,
) -> Result<(), AppError> {
    let (db, route, pace) = {
        let mut store = state.store()?;
        let info = store.run(run)?;
        let settings = settings_destination(&store)?;
        let outbox = data_dir(&store).join("outbox");
        let (destination, change) = match (&info.destination, to) {
            (Some(started), _) if *started == settings => (settings, false),
            (Some(started), Some(ResumeTo::Started)) => (started.clone(), false),
            (_, Some(ResumeTo::Settings)) => (settings, true),
            (Some(started), None) => {
                let mut error = AppError::new(
                    "error-send-destination-changed",
                    format!(
                        "send {run} started through {}; the settings now say {}",
                        started.label(&outbox),
                        settings.label(&outbox)
                    ),
                );
                for (name, place) in [("started", started), ("settings", &settings)] {
                    error.args.insert(name.into(), place.label(&outbox).into());
                    error
                        .args
                        .insert(format!("{name}Kind"), place.kind().into());
                }
                return Err(error);
            }
            // Started by a Tandem that did not record where: the settings, recorded now;
            // never the outbox for a send a server was already delivering.
            (None, _) if settings.is_outbox() && info.sent > 0 => {
                return Err(AppError::new(
                    "error-send-destination-unknown",
                    format!("send {run}: set up the mail server it was sent through first"),
                ));
            }
            (None, _) => (settings, true),
        };
        let route = checked_route(&store, &destination)?;
        if change {
            store.change_run_destination(run, &destination, tandem_core::clock::now_ms())?;
        }
        (db_path(&store)?, route, pace(&store, &destination)?)
    };
    spawn_drive(db, run, route, pace, &sending)
}

#[tauri::command]
pub fn pause_send(sending: tauri::State<'_, Sending>) {
    if let Some(c) = &*sending.control.lock().unwrap_or_else(|p| p.into_inner()) {
        c.pause();
    }
}

#[tauri::command]
pub fn cancel_send(sending: tauri::State<'_, Sending>) {
    if let Some(c) = &*sending.control.lock().unwrap_or_else(|p| p.into_inner()) {
        c.cancel();
    }
}

#[tauri::command]
pub fn send_status(sending: tauri::State<'_, Sending>) -> SendStatus {
    sending
        .status
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

#[tauri::command(async)]
pub fn send_runs(state: tauri::State<'_, AppState>) -> Result<Vec<RunInfo>, AppError> {
    Ok(state.store()?.runs()?)
}

/// The first rows of a ledger and how many there are in all (a send to 50,000 people
/// is not shipped to the window row by row; the file export has everything).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LedgerPage {
    pub total: u32,
    pub rows: Vec<LedgerRow>,
}

#[tauri::command(async)]
pub fn send_ledger(
    state: tauri::State<'_, AppState>,
    run: i64,
    status: Option<RowStatus>,
    limit: usize,
) -> Result<LedgerPage, AppError> {
    let mut rows = state.store()?.ledger(run, status)?;
    let total = rows.len() as u32;
    rows.truncate(limit.min(2_000));
    Ok(LedgerPage { total, rows })
}

/// Puts a run's failed recipients back in the queue; the UI then resumes the run.
#[tauri::command(async)]
pub fn retry_failed(state: tauri::State<'_, AppState>, run: i64) -> Result<usize, AppError> {
    Ok(state.store()?.retry_failed(run)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_follows_the_strictest_limit() {
        let per_min = RateLimit {
            count: 30,
            per_seconds: 60,
        };
        let per_day = RateLimit {
            count: 10_000,
            per_seconds: 86_400,
        };
        assert_eq!(estimate_seconds(30, &[per_min]), 1);
        assert_eq!(estimate_seconds(31, &[per_min]), 60);
        assert_eq!(estimate_seconds(3_000, &[per_min, per_day]), 99 * 60);
        assert_eq!(estimate_seconds(10_001, &[per_day]), 86_400);
        assert_eq!(estimate_seconds(100, &[]), 5);
    }
}
