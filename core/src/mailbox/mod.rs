//! Reading the sending mailbox back over IMAP: unsubscribe requests (the token Tandem put
//! in `List-Unsubscribe`), bounces (delivery status notifications) and auto-replies.
//!
//! A check reads only what it has not read before (the folder's UIDVALIDITY and last UID
//! are in the database), in batches, each message at most its first megabyte, without
//! marking anything read (`BODY.PEEK`). Each message is recorded together with what it
//! changed (`store::mailbox`), then the unsubscribe requests and bounces it acted on are
//! moved to a `Tandem` folder (MOVE, or COPY + delete where the server has no MOVE):
//! nothing is ever deleted, and everything else stays where it was. Writes through
//! `store`, never through `send`.

mod classify;
mod db;
mod folders;
mod imap;
pub mod roundtrip;

use std::collections::HashSet;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use self::imap::{connect, ImapLogin, Session};
pub use classify::{classify, unfold, Failed, Kind, Read, Unreadable};
pub use db::{MailboxAction, Recorded, REASON_BOUNCE, REASON_EMAIL_REQUEST, REASON_SOFT_BOUNCES};
pub use folders::{FolderState, STALE_MOVE_CLAIM_MS};

use crate::net::{is_loopback, Security};
use crate::store::{Store, StoreError};

/// Where processed messages go.
pub const TANDEM_FOLDER: &str = "Tandem";
/// Messages fetched per round trip.
pub const BATCH: usize = 100;
/// The most of one message that is read: a bounce says what it has to say long before
/// any attachment, and a 30 MB message costs no more than this.
pub const MAX_BYTES: usize = 1 << 20;

/// The mailbox to read, as saved in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImapSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The account; empty: the sending account (the SMTP user name).
    pub username: String,
    /// A PEM file of an extra certificate authority to trust, or empty.
    #[serde(default)]
    pub ca_file: String,
    /// The SHA-256 fingerprint (hex) of the one certificate the user chose to trust, or
    /// empty.
    #[serde(default)]
    pub pinned_cert: String,
    /// Log in with the signed-in account's token (`AUTHENTICATE XOAUTH2`).
    #[serde(default)]
    pub oauth: bool,
    /// The folder unsubscribe requests and bounces arrive in.
    #[serde(default = "inbox")]
    pub folder: String,
    /// Check when the app starts and before each send.
    #[serde(default = "yes")]
    pub automatic: bool,
}

fn inbox() -> String {
    "INBOX".into()
}

fn yes() -> bool {
    true
}

impl ImapSettings {
    /// The folder to read as people name it ("INBOX" when none is set).
    pub fn folder_name(&self) -> String {
        match self.folder.trim() {
            "" => inbox(),
            f => f.to_owned(),
        }
    }

    /// The IMAP server of a sending preset (same ids as `send::presets`).
    pub fn for_preset(preset: &str) -> Option<ImapSettings> {
        let (host, port) = match preset {
            "microsoft365" => ("outlook.office365.com", 993),
            "google" => ("imap.gmail.com", 993),
            "ovh" => ("ssl0.ovh.net", 993),
            _ => return None,
        };
        Some(ImapSettings {
            host: host.into(),
            port,
            security: Security::Tls,
            username: String::new(),
            ca_file: String::new(),
            pinned_cert: String::new(),
            oauth: matches!(preset, "microsoft365" | "google"),
            folder: inbox(),
            automatic: true,
        })
    }

    /// `imaps://USER@HOST[:PORT]` (TLS, 993), `imap://USER@HOST[:PORT]` (STARTTLS, 143),
    /// or `imap://…?tls=none` (plain, this computer only).
    pub fn from_url(url: &str) -> Result<ImapSettings, String> {
        let parsed = url::Url::parse(url.trim()).map_err(|e| format!("{url:?}: {e}"))?;
        let security = match (
            parsed.scheme(),
            parsed.query_pairs().find(|(k, _)| k == "tls"),
        ) {
            ("imaps", _) => Security::Tls,
            ("imap", Some((_, v))) if v == "none" => Security::None,
            ("imap", _) => Security::Starttls,
            (other, _) => return Err(format!("{other}: use imaps:// or imap://")),
        };
        let host = parsed
            .host_str()
            .ok_or_else(|| format!("{url:?}: no host"))?
            .trim_matches(['[', ']'])
            .to_owned();
        let port = parsed.port().unwrap_or(match security {
            Security::Tls => 993,
            _ => 143,
        });
        if security == Security::None && !is_loopback(&host) {
            return Err(format!(
                "{host}: only this computer may be reached without encryption"
            ));
        }
        let username = url::form_urlencoded::parse(
            format!("u={}", parsed.username().replace('+', "%2B")).as_bytes(),
        )
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
        Ok(ImapSettings {
            host,
            port,
            security,
            username,
            ca_file: String::new(),
            pinned_cert: String::new(),
            oauth: false,
            folder: inbox(),
            automatic: true,
        })
    }
}

/// The account that sends, as the mailbox's login falls back on it (the sending
/// settings' user name and server).
#[derive(Debug, Clone, Copy)]
pub struct SendingAccount<'a> {
    pub username: &'a str,
    pub host: &'a str,
}

/// The login for `settings`: with `oauth`, the signed-in account's token; otherwise the
/// password given (`TANDEM_IMAP_PASSWORD`, the app's field), else the mailbox password
/// saved for this account at the IMAP server, else a sending password saved for this
/// account at that host (one server for both), else the sending password of the same
/// account. An empty
/// user name means the sending account. Returns the settings with the user name filled.
pub fn login_for(
    settings: &ImapSettings,
    smtp: Option<SendingAccount<'_>>,
    password: Option<String>,
    account: Option<&crate::oauth::Account>,
    data_dir: &std::path::Path,
) -> Result<(ImapSettings, ImapLogin), MailboxError> {
    let mut settings = settings.clone();
    if settings.username.trim().is_empty() {
        settings.username = smtp
            .map(|s| s.username.trim().to_owned())
            .unwrap_or_default();
    }
    let user = settings.username.trim().to_owned();
    if user.is_empty() {
        return Err(MailboxError::Settings(
            "no account name is set for the mailbox".into(),
        ));
    }
    if settings.oauth {
        let account = account
            .filter(|a| a.account.eq_ignore_ascii_case(&user))
            .ok_or_else(|| {
                MailboxError::SignIn(format!("{user} is not signed in on this computer"))
            })?;
        let tokens = crate::oauth::Tokens::of_saved(account, data_dir)
            .map_err(|e| MailboxError::SignIn(e.to_string()))?;
        return Ok((settings, ImapLogin::OAuth(std::sync::Arc::new(tokens))));
    }
    let password = password
        .filter(|p| !p.is_empty())
        .or_else(|| crate::secrets::mailbox_password(&user, settings.host.trim(), data_dir))
        .or_else(|| crate::secrets::password(&user, settings.host.trim(), data_dir))
        .or_else(|| {
            smtp.filter(|s| s.username.trim().eq_ignore_ascii_case(&user))
                .and_then(|s| crate::secrets::password(&user, s.host.trim(), data_dir))
        })
        .ok_or_else(|| {
            MailboxError::Settings(format!(
                "no password is saved for {user} (neither for the mailbox nor for sending)"
            ))
        })?;
    Ok((settings, ImapLogin::Password(password)))
}

const IMAP: &str = "imap";

impl Store {
    /// The mailbox that is read for unsubscribe requests and bounces, if it was set.
    pub fn imap_settings(&self) -> Result<Option<ImapSettings>, StoreError> {
        self.json_setting(IMAP)
    }

    /// Saves the mailbox settings (`None`: the mailbox is not read).
    pub fn set_imap_settings(&self, settings: Option<&ImapSettings>) -> Result<(), StoreError> {
        self.set_json_setting(IMAP, settings)
    }
}

/// Why a check could not run (each message's own problems never stop it).
#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    #[error("the mailbox settings are not usable: {0}")]
    Settings(String),
    #[error("the mail server cannot be reached: {0}")]
    Unreachable(String),
    /// The connection was cut under way (server restarted, network gone): what was
    /// recorded stays, the next check goes on from there.
    #[error("the connection to the mail server was cut: {0}")]
    Lost(String),
    #[error("the mail server's certificate is not trusted: {0}")]
    Certificate(String),
    #[error("the mail server refused the login: {0}")]
    Login(String),
    #[error("the sign-in gives no token any more (sign in again): {0}")]
    SignIn(String),
    /// The folder to read does not exist (or may not be opened) on the server.
    #[error("the mail server has no folder {0}")]
    Folder(String),
    #[error("the mail server refused: {0}")]
    Refused(String),
    #[error("the mail server answered something unexpected: {0}")]
    Protocol(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl MailboxError {
    /// The Fluent message that explains this to a user (ui.ftl).
    pub fn message_id(&self) -> &'static str {
        match self {
            MailboxError::Settings(_) => "mailbox-error-settings",
            MailboxError::Unreachable(_) => "mailbox-error-unreachable",
            MailboxError::Lost(_) => "mailbox-error-lost",
            MailboxError::Certificate(_) => "mailbox-error-certificate",
            MailboxError::Login(_) => "mailbox-error-login",
            MailboxError::SignIn(_) => "mailbox-error-sign-in",
            MailboxError::Folder(_) => "mailbox-error-folder",
            MailboxError::Refused(_) | MailboxError::Protocol(_) => "mailbox-error-refused",
            MailboxError::Store(_) => "mailbox-error-store",
        }
    }

    /// The detail to show under the explanation (the server's own words).
    pub fn detail(&self) -> String {
        match self {
            MailboxError::Settings(d)
            | MailboxError::Unreachable(d)
            | MailboxError::Lost(d)
            | MailboxError::Certificate(d)
            | MailboxError::Login(d)
            | MailboxError::SignIn(d)
            | MailboxError::Folder(d)
            | MailboxError::Refused(d)
            | MailboxError::Protocol(d) => d.clone(),
            MailboxError::Store(e) => e.to_string(),
        }
    }
}

/// What one check did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "MailboxSummary")]
pub struct Summary {
    /// New messages read.
    pub read: u32,
    pub unsubscribed: u32,
    /// Contacts now marked bounced (hard bounces, or a third soft bounce in a row).
    pub bounced: u32,
    pub soft_bounces: u32,
    /// Unsubscribe-like messages waiting for a person to confirm.
    pub to_confirm: u32,
    /// Messages left in the mailbox for a person (not ours to handle, or unreadable).
    pub left: u32,
    pub auto_replies: u32,
    /// Moved to the Tandem folder.
    pub moved: u32,
    /// Messages already recorded by an earlier or concurrent check.
    pub already_read: u32,
    pub dry_run: bool,
}

/// How a check runs.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub dry_run: bool,
    pub timeout: Duration,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            dry_run: false,
            timeout: Duration::from_secs(30),
        }
    }
}

fn uid_set(uids: &[u32]) -> String {
    uids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Moves the `uids` this check may move: each is first taken on in the database, so two
/// checks at once never both move one (which would leave two copies in `Tandem`); if the
/// move fails, they are given back for the next check, and if this check is killed
/// before it is done, a check ten minutes later takes them over. Returns how many moved.
fn claim_and_move(
    session: &mut Session,
    store: &mut Store,
    folder: &str,
    uidvalidity: u32,
    uids: &[u32],
    has_move: bool,
    created: &mut bool,
) -> Result<u32, MailboxError> {
    if uids.is_empty() {
        return Ok(0);
    }
    let claimed = store.mailbox_claim_moves(folder, uidvalidity, uids)?;
    if let Err(e) = move_to_tandem(session, &claimed, has_move, created) {
        let _ = store.mailbox_unclaim_moves(folder, uidvalidity, &claimed);
        return Err(e);
    }
    store.mailbox_moves_done(folder, uidvalidity, &claimed)?;
    Ok(claimed.len() as u32)
}

/// Moves `uids` of the selected folder to the Tandem folder (created when missing).
fn move_to_tandem(
    session: &mut Session,
    uids: &[u32],
    has_move: bool,
    created: &mut bool,
) -> Result<(), MailboxError> {
    if uids.is_empty() {
        return Ok(());
    }
    if !*created {
        let exists = session
            .list(None, Some(TANDEM_FOLDER))
            .map_err(imap::protocol)?
            .iter()
            .any(|n| n.name() == TANDEM_FOLDER);
        if !exists {
            session.create(TANDEM_FOLDER).map_err(imap::protocol)?;
        }
        *created = true;
    }
    let set = uid_set(uids);
    if has_move {
        match session.uid_mv(&set, TANDEM_FOLDER) {
            Ok(()) => {}
            // Another check (or a mail client) moved or deleted some of them meanwhile:
            // move the others one by one; one already gone is where it should be.
            Err(::imap::Error::No(_)) if uids.len() > 1 => {
                for uid in uids {
                    match session.uid_mv(uid.to_string(), TANDEM_FOLDER) {
                        Ok(()) | Err(::imap::Error::No(_)) => {}
                        Err(e) => return Err(imap::protocol(e)),
                    }
                }
            }
            Err(::imap::Error::No(_)) => {}
            Err(e) => return Err(imap::protocol(e)),
        }
    } else {
        session
            .uid_copy(&set, TANDEM_FOLDER)
            .map_err(imap::protocol)?;
        session
            .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
            .map_err(imap::protocol)?;
        // UID EXPUNGE (UIDPLUS) removes only these; without it EXPUNGE would also remove
        // what the user deleted and left: then the copies stay marked, for the client.
        if session
            .capabilities()
            .map(|c| c.has_str("UIDPLUS"))
            .unwrap_or(false)
        {
            session.uid_expunge(&set).map_err(imap::protocol)?;
        }
    }
    Ok(())
}

/// The (first megabyte of the) messages `uids`. When some were expunged meanwhile
/// (another check moved them: it recorded them first), the server answers NO
/// [EXPUNGEISSUED]: the others are then fetched one by one.
fn fetch_bodies(
    session: &mut Session,
    uids: &[u32],
    query: &str,
) -> Result<Vec<(u32, Vec<u8>)>, MailboxError> {
    let collect = |fetched: &::imap::types::Fetches| -> Vec<(u32, Vec<u8>)> {
        fetched
            .iter()
            .filter_map(|f| Some((f.uid?, f.body().unwrap_or_default().to_vec())))
            .collect()
    };
    match session.uid_fetch(uid_set(uids), query) {
        Ok(fetched) => Ok(collect(&fetched)),
        Err(::imap::Error::No(_)) => {
            let mut out = Vec::new();
            for uid in uids {
                match session.uid_fetch(uid.to_string(), query) {
                    Ok(fetched) => out.extend(collect(&fetched)),
                    Err(::imap::Error::No(_)) => {}
                    Err(e) => return Err(imap::protocol(e)),
                }
            }
            Ok(out)
        }
        Err(e) => Err(imap::protocol(e)),
    }
}

/// Reads what arrived in the mailbox since the last check and acts on it; `report` is
/// told each action as it is recorded.
pub fn check(
    store: &mut Store,
    settings: &ImapSettings,
    login: &ImapLogin,
    options: &CheckOptions,
    report: &mut dyn FnMut(&MailboxAction),
) -> Result<Summary, MailboxError> {
    let result = connect(settings, login, options.timeout).and_then(|mut session| {
        let result = check_session(&mut session, store, settings, options, report);
        let _ = session.logout();
        result
    });
    match &result {
        Ok(s) => tracing::info!(
            "mailbox checked: {} read, {} unsubscribed, {} bounced, {} soft bounces, {} to confirm, {} left, {} auto-replies, {} moved, {} already read{}",
            s.read, s.unsubscribed, s.bounced, s.soft_bounces, s.to_confirm, s.left, s.auto_replies, s.moved, s.already_read,
            if s.dry_run { " (dry run)" } else { "" }
        ),
        Err(e) => tracing::warn!("mailbox check failed [{}]: {}", e.message_id(), e.detail()),
    }
    result
}

fn check_session(
    session: &mut Session,
    store: &mut Store,
    settings: &ImapSettings,
    options: &CheckOptions,
    report: &mut dyn FnMut(&MailboxAction),
) -> Result<Summary, MailboxError> {
    let folder = settings.folder_name();
    let mailbox = session
        .select(imap::wire_name(&folder))
        .map_err(|e| imap::folder_error(e, &folder))?;
    let uidvalidity = mailbox
        .uid_validity
        .ok_or_else(|| MailboxError::Protocol("the server gave no UIDVALIDITY".into()))?;
    let has_move = session
        .capabilities()
        .map(|c| c.has_str("MOVE"))
        .unwrap_or(false);
    let mut summary = Summary {
        dry_run: options.dry_run,
        ..Summary::default()
    };
    let mut created = false;
    let last_uid = match store.mailbox_folder(&folder)? {
        Some(state) if state.uidvalidity == uidvalidity => state.last_uid,
        _ => {
            if !options.dry_run {
                store.reset_mailbox_folder(&folder, uidvalidity)?;
            }
            0
        }
    };
    // A check that stopped between recording and moving: finish the moves.
    if !options.dry_run {
        let pending = store.mailbox_pending_moves(&folder, uidvalidity)?;
        summary.moved += claim_and_move(
            session,
            store,
            &folder,
            uidvalidity,
            &pending,
            has_move,
            &mut created,
        )?;
    }
    // Nothing new: the SELECT said so (UIDNEXT), no search needed.
    if mailbox.uid_next.is_some_and(|next| next <= last_uid + 1) || mailbox.exists == 0 {
        return Ok(summary);
    }
    // Only what arrived since Tandem's first send could answer one (IMAP compares the
    // arrival date, INTERNALDATE, by day).
    let since = chrono::DateTime::from_timestamp_millis(store.mailbox_horizon()?)
        .unwrap_or_default()
        .format("%-d-%b-%Y");
    let mut uids: Vec<u32> = session
        .uid_search(format!("UID {}:* SINCE {since}", last_uid + 1))
        .map_err(imap::protocol)?
        .into_iter()
        .filter(|&u| u > last_uid)
        .collect();
    uids.sort_unstable();
    let query = format!("(UID BODY.PEEK[]<0.{MAX_BYTES}>)");
    for batch in uids.chunks(BATCH) {
        let mut bodies = fetch_bodies(session, batch, &query)?;
        bodies.sort_by_key(|(uid, _)| *uid);
        let wanted: HashSet<u32> = batch.iter().copied().collect();
        let mut to_move = Vec::new();
        for (uid, body) in bodies {
            if !wanted.contains(&uid) {
                continue;
            }
            let read = classify(&body);
            let read_ref = match &read {
                Ok(r) => Ok(r),
                Err(Unreadable(why)) => Err(why.as_str()),
            };
            let recorded = store.record_mailbox_message(
                &folder,
                uidvalidity,
                uid,
                read_ref,
                options.dry_run,
            )?;
            let Some(recorded) = recorded else {
                summary.already_read += 1;
                continue;
            };
            summary.read += 1;
            for action in &recorded.actions {
                match action.kind.as_str() {
                    "unsubscribed" => summary.unsubscribed += 1,
                    "bounced" => summary.bounced += 1,
                    "soft_bounce" => summary.soft_bounces += 1,
                    "to_confirm" => summary.to_confirm += 1,
                    "auto_reply" => summary.auto_replies += 1,
                    _ => {}
                }
                report(action);
            }
            if recorded
                .actions
                .iter()
                .all(|a| matches!(a.kind.as_str(), "left" | "skipped"))
            {
                summary.left += 1;
            }
            if recorded.move_it {
                to_move.push(uid);
            }
        }
        if !options.dry_run {
            summary.moved += claim_and_move(
                session,
                store,
                &folder,
                uidvalidity,
                &to_move,
                has_move,
                &mut created,
            )?;
        }
    }
    // Everything below UIDNEXT was searched and what qualified acted on: what did not
    // (older than the horizon) is not searched again by the next check.
    if let (false, Some(next)) = (options.dry_run, mailbox.uid_next) {
        store.advance_mailbox_folder(&folder, uidvalidity, next.saturating_sub(1))?;
    }
    Ok(summary)
}

/// The log as CSV (UTF-8, `,`), times in UTC, what came from e-mails made harmless for
/// spreadsheets.
pub fn log_csv(log: &[MailboxAction]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "at",
        "kind",
        "state",
        "email",
        "run",
        "status_code",
        "diagnostic",
        "sender",
        "subject",
        "note",
    ])
    .expect("writing to memory");
    for a in log {
        let at = chrono::DateTime::from_timestamp_millis(a.at)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        w.write_record([
            a.id.to_string().as_str(),
            &at,
            &a.kind,
            &a.state,
            &crate::spreadsheet::safe(&a.email),
            &a.run_id.map(|r| r.to_string()).unwrap_or_default(),
            &a.status_code,
            &crate::spreadsheet::safe(&a.diagnostic),
            &crate::spreadsheet::safe(&a.sender),
            &crate::spreadsheet::safe(&a.subject),
            &a.note,
        ])
        .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// Logs in and selects the folder, nothing else: "Test connection".
pub fn test_connection(
    settings: &ImapSettings,
    login: &ImapLogin,
    timeout: Duration,
) -> Result<u32, MailboxError> {
    let mut session = connect(settings, login, timeout)?;
    let folder = settings.folder_name();
    let mailbox = session
        .examine(imap::wire_name(&folder))
        .map_err(|e| imap::folder_error(e, &folder))?;
    let _ = session.logout();
    Ok(mailbox.exists)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_explained_in_every_language() {
        let errors = [
            MailboxError::Settings(String::new()),
            MailboxError::Unreachable(String::new()),
            MailboxError::Lost(String::new()),
            MailboxError::Certificate(String::new()),
            MailboxError::Login(String::new()),
            MailboxError::SignIn(String::new()),
            MailboxError::Folder(String::new()),
            MailboxError::Refused(String::new()),
            MailboxError::Protocol(String::new()),
            MailboxError::Store(StoreError::NotFound {
                what: String::new(),
            }),
        ];
        crate::i18n::assert_explained(errors.iter().map(MailboxError::message_id));
    }

    #[test]
    fn what_strangers_wrote_cannot_run_as_a_spreadsheet_formula() {
        let action = MailboxAction {
            id: 1,
            at: 0,
            kind: "left".into(),
            state: "done".into(),
            email: "x@example.be".into(),
            run_id: None,
            status_code: String::new(),
            diagnostic: String::new(),
            sender: "x@example.be".into(),
            subject: "=cmd|' /C calc'!A0".into(),
            note: String::new(),
        };
        let csv = String::from_utf8(log_csv(&[action])).unwrap();
        assert!(csv.contains(",'=cmd|"), "{csv}");
    }

    #[test]
    fn urls_name_the_server_the_account_and_the_encryption() {
        let s = ImapSettings::from_url("imaps://info%40pmo.be@outlook.office365.com").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.security),
            ("outlook.office365.com", 993, Security::Tls)
        );
        assert_eq!(s.username, "info@pmo.be");
        let s =
            ImapSettings::from_url("imap://jan+news%40example.be@mail.example.be:1143").unwrap();
        assert_eq!((s.port, s.security), (1143, Security::Starttls));
        assert_eq!(s.username, "jan+news@example.be");
        assert!(ImapSettings::from_url("imap://x@mail.example.be?tls=none").is_err());
        assert!(ImapSettings::from_url("imap://x@127.0.0.1:1143?tls=none").is_ok());
        assert!(ImapSettings::from_url("pop3://x@mail.example.be").is_err());
        let ms = ImapSettings::for_preset("microsoft365").unwrap();
        assert_eq!(
            (ms.host.as_str(), ms.port, ms.oauth),
            ("outlook.office365.com", 993, true)
        );
        assert_eq!(
            ImapSettings::for_preset("google").unwrap().host,
            "imap.gmail.com"
        );
        assert_eq!(
            ImapSettings::for_preset("ovh").unwrap().host,
            "ssl0.ovh.net"
        );
        assert_eq!(ImapSettings::for_preset("custom"), None);
    }
}
