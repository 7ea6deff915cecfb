//! Sending: the message each reader gets, the SMTP settings, the links to a server or
//! the outbox, and the engine that drains a run's ledger under the rate limits.
//!
//! A send is a *run*: [`start_run`] snapshots the issue and its audience into the
//! ledger in one transaction, [`prepare_run`] renders it once, and
//! [`engine::drive`] sends it — again and again after any interruption, until nobody
//! is pending.

mod destination;
pub mod engine;
mod ledger;
pub mod link;
mod message;
mod overview;
mod recipients;
mod runs;
mod settings;

use lettre::message::Mailbox;

pub use destination::{AuthKind, Destination, LoginError, Route};
pub use engine::{drive, Control, Ending, Progress, SendConfig};
pub use ledger::{ledger_csv, LEDGER_HEADER};
pub use link::{Link, Login, OutboxLink, Outcome, SmtpEndpoint, SmtpLink};
pub use message::{compose, Addressee, MessageError, Prepared};
pub use overview::{estimate_seconds, overview, pace, sender, settings_destination, SendOverview};
pub use recipients::{LedgerRow, RowStatus};
pub use runs::{Audience, NewRecipient, NewRun, RunInfo, RunState};
pub use settings::{presets, Preset, RateLimit, SettingsProblem, SmtpSettings};

use crate::clock::now_ms;
use crate::model::{Edition, Issue};
use crate::store::{Store, StoreError};

/// Why a send cannot start.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the issue is incomplete: {0}")]
    Incomplete(String),
    #[error("nobody would receive it: no subscribed contact on the chosen lists")]
    NoRecipients,
    #[error("{0:?} is not a valid sender (write it as Name <address@example.org>)")]
    Sender(String),
    #[error("{0:?} is not a valid e-mail address")]
    Address(String),
    #[error(transparent)]
    Message(#[from] MessageError),
    #[error("the stored issue of send {0} cannot be read: {1}")]
    Snapshot(i64, String),
}

impl SendError {
    /// The `ui.ftl` message id for this error.
    pub fn code(&self) -> &'static str {
        match self {
            SendError::Store(e) => e.code(),
            SendError::Incomplete(_) => "error-send-incomplete",
            SendError::NoRecipients => "error-send-no-recipients",
            SendError::Sender(_) => "error-send-sender",
            SendError::Address(_) => "error-contact-email-invalid",
            SendError::Message(_) => "error-send-message",
            SendError::Snapshot(..) => "error-store-internal",
        }
    }
}

/// Who a send comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
    /// The organisation's https unsubscribe page, if any.
    pub unsubscribe_url: Option<String>,
}

impl Sender {
    pub fn parse(from: &str, reply_to: &str, unsubscribe_url: &str) -> Result<Sender, SendError> {
        if from.contains(['\r', '\n']) {
            return Err(SendError::Sender(from.into()));
        }
        let from: Mailbox = from
            .trim()
            .parse()
            .map_err(|_| SendError::Sender(from.into()))?;
        let reply_to = match reply_to.trim() {
            "" => None,
            r => Some(r.parse().map_err(|_| SendError::Address(r.into()))?),
        };
        let unsubscribe_url = Some(unsubscribe_url.trim())
            .filter(|u| u.starts_with("https://"))
            .map(str::to_owned);
        Ok(Sender {
            from,
            reply_to,
            unsubscribe_url,
        })
    }

    /// From the saved settings.
    pub fn from_settings(settings: &SmtpSettings) -> Result<Sender, SendError> {
        let from = if settings.from_name.trim().is_empty() {
            settings.from_address.trim().to_owned()
        } else {
            format!(
                "\"{}\" <{}>",
                settings.from_name.trim().replace('"', "'"),
                settings.from_address.trim()
            )
        };
        Sender::parse(&from, &settings.reply_to, &settings.unsubscribe_url)
    }
}

/// What to send to whom.
#[derive(Debug, Clone)]
pub enum Recipients {
    /// The subscribed contacts on these lists (everyone subscribed when empty).
    Lists(Vec<String>),
    /// A test to one address, in one edition, with "[TEST]" in the subject.
    Test { email: String, edition: Edition },
}

/// Snapshots issue `issue_id` and its audience into a new run that goes to
/// `destination`; returns the run's id. An incomplete issue (a block missing a
/// language) is refused, except for tests.
pub fn start_run(
    store: &mut Store,
    issue_id: i64,
    audience: &Recipients,
    sender: &Sender,
    greeting: bool,
    destination: &Destination,
) -> Result<i64, SendError> {
    let stored = store.issue(issue_id)?;
    let issue = stored.issue;
    let report = issue.check();
    let is_test = matches!(audience, Recipients::Test { .. });
    if !report.is_valid() {
        return Err(SendError::Incomplete(describe(&report.errors)));
    }
    if !is_test && !report.is_complete() {
        return Err(SendError::Incomplete(describe(&report.incomplete)));
    }
    let domain = sender.from.email.domain().to_owned();
    let mut run = NewRun {
        issue_id: Some(issue_id),
        issue_number: i64::from(issue.number),
        issue_json: issue.to_json(),
        sender: sender.from.to_string(),
        reply_to: sender
            .reply_to
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        unsubscribe_url: sender.unsubscribe_url.clone().unwrap_or_default(),
        lists: vec![],
        is_test,
        greeting,
        destination: destination.clone(),
    };
    let recipient = match audience {
        Recipients::Lists(lists) => {
            run.lists = lists.clone();
            return match store.create_run_for_lists(&run, now_ms(), &domain)? {
                (Some(id), _) => Ok(id),
                (None, _) => Err(SendError::NoRecipients),
            };
        }
        Recipients::Test { email, edition } => {
            let email = email.trim();
            if email.parse::<lettre::Address>().is_err() {
                return Err(SendError::Address(email.into()));
            }
            NewRecipient {
                contact_id: None,
                email: email.into(),
                name: String::new(),
                edition: *edition,
                unsubscribe_token: String::new(),
            }
        }
    };
    let id = store.create_run(&run, &[recipient], now_ms(), &mut || {
        format!("<{}@{domain}>", crate::token::os_random_token())
    })?;
    Ok(id)
}

fn describe(problems: &[crate::model::Problem]) -> String {
    problems
        .iter()
        .map(crate::model::Problem::describe)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Renders run `run` from its snapshot: what every recipient's message is made from.
pub fn prepare_run(store: &Store, run: i64) -> Result<Prepared, SendError> {
    let info = store.run(run)?;
    let json = store.run_issue_json(run)?;
    let issue = Issue::from_json(&json).map_err(|e| SendError::Snapshot(run, e.to_string()))?;
    let assets = match info.issue_id {
        Some(id) => store.assets(id)?,
        None => Vec::new(),
    };
    let sender = Sender::parse(&info.sender, &info.reply_to, &info.unsubscribe_url)?;
    Ok(Prepared::new(
        &issue,
        &assets,
        sender.from,
        sender.reply_to,
        sender.unsubscribe_url.as_deref(),
        info.is_test,
        info.greeting,
    )?)
}
