//! Sending from the window: the audience and preflight of an issue, test sends, the
//! send itself on a background thread with its own database connection (the UI stays
//! usable), pause / resume / cancel. The settings are in `smtp.rs`, the ledger in
//! `ledger.rs`.
//!
//! The UI polls [`send_status`] while a send runs: one small struct a few times a
//! second, no event permissions to grant.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tandem_core::model::Edition;
use tandem_core::send::{
    self, Control, Destination, Ending, Outcome, Progress, RateLimit, Route, SendConfig,
    SendOverview,
};
use tandem_core::store::Store;
use ts_rs::TS;

use super::data_dir;
use super::smtp::{certificate_error, login_error, outcome_error, with_reply};
use crate::auto_backup::AutoBackups;
use crate::{AppError, AppState};

/// The send in progress (one at a time) and how the last one ended.
#[derive(Debug, Default)]
pub struct Sending {
    status: Arc<Mutex<SendStatus>>,
    control: Mutex<Option<Control>>,
}

impl Sending {
    /// Whether a send is running now.
    pub fn is_active(&self) -> bool {
        self.status.lock().unwrap_or_else(|p| p.into_inner()).active
    }
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

#[tauri::command(async)]
pub fn send_overview(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    lists: Vec<String>,
) -> Result<SendOverview, AppError> {
    let store = state.store()?;
    let outbox = data_dir(&store).join("outbox");
    Ok(send::overview(&store, issue_id, &lists, &outbox)?)
}

/// Starts draining `run` on a background thread with its own database connection.
fn spawn_drive(
    db: PathBuf,
    run: i64,
    route: Route,
    (limits, concurrency): (Vec<RateLimit>, usize),
    sending: &Sending,
    (ended, busy): (
        Option<std::sync::mpsc::Sender<tandem_core::backup::auto::Reason>>,
        Arc<std::sync::atomic::AtomicBool>,
    ),
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
    busy.store(true, std::sync::atomic::Ordering::Relaxed);
    let not_started = Arc::clone(&busy);
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
            // A send that ended (or paused) changed the ledger: worth a backup.
            busy.store(false, std::sync::atomic::Ordering::Relaxed);
            if let Some(ended) = ended {
                let _ = ended.send(tandem_core::backup::auto::Reason::Event);
            }
            let mut s = status.lock().unwrap_or_else(|p| p.into_inner());
            s.active = false;
            match result {
                Ok(ending) => s.ending = Some(ending),
                Err(e) => s.error = Some(e),
            }
        })
        .map_err(|e| {
            not_started.store(false, std::sync::atomic::Ordering::Relaxed);
            AppError::new("error-send-thread", e.to_string())
        })?;
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
    auto: &AutoBackups,
    issue_id: i64,
    audience: send::Recipients,
) -> Result<i64, AppError> {
    let (run, db, route, pace) = {
        let mut store = state.store()?;
        let destination = send::settings_destination(&store)?;
        let route = checked_route(&store, &destination)?;
        let sender = send::sender(&store)?;
        let greeting = store.smtp_settings()?.is_some_and(|s| s.greeting);
        let run = send::start_run(
            &mut store,
            issue_id,
            &audience,
            &sender,
            greeting,
            &destination,
        )?;
        (
            run,
            db_path(&store)?,
            route,
            send::pace(&store, &destination)?,
        )
    };
    spawn_drive(
        db,
        run,
        route,
        pace,
        sending,
        (auto.notifier(), auto.sending()),
    )?;
    Ok(run)
}

#[tauri::command(async)]
pub fn start_send(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    auto: tauri::State<'_, AutoBackups>,
    issue_id: i64,
    lists: Vec<String>,
) -> Result<i64, AppError> {
    start(
        &state,
        &sending,
        &auto,
        issue_id,
        send::Recipients::Lists(lists),
    )
}

#[tauri::command(async)]
pub fn test_send(
    state: tauri::State<'_, AppState>,
    sending: tauri::State<'_, Sending>,
    auto: tauri::State<'_, AutoBackups>,
    issue_id: i64,
    email: String,
    edition: Edition,
) -> Result<i64, AppError> {
    start(
        &state,
        &sending,
        &auto,
        issue_id,
        send::Recipients::Test { email, edition },
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
    auto: tauri::State<'_, AutoBackups>,
    run: i64,
    to: Option<ResumeTo>,
) -> Result<(), AppError> {
    let (db, route, pace) = {
        let mut store = state.store()?;
        let info = store.run(run)?;
        let settings = send::settings_destination(&store)?;
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
        (db_path(&store)?, route, send::pace(&store, &destination)?)
    };
    spawn_drive(
        db,
        run,
        route,
        pace,
        &sending,
        (auto.notifier(), auto.sending()),
    )
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
