//! The round trip of a test message: found by its Message-ID in the inbox or in the
//! junk folder (IMAP special-use `\Junk`, or the usual names), read without marking it
//! (BODY.PEEK), then filed in the Tandem folder. Nothing else in the mailbox is read or
//! moved.

use std::time::{Duration, Instant};

use super::imap::{self, connect, Session};
use super::{move_to_tandem, ImapLogin, ImapSettings, MailboxError, TANDEM_FOLDER};

/// Junk folders by name, where the server does not mark one `\Junk`.
const JUNK_NAMES: &[&str] = &[
    "Junk",
    "Junk E-mail",
    "Junk Email",
    "Spam",
    "[Gmail]/Spam",
    "Courrier indésirable",
    "Ongewenste e-mail",
    "INBOX.Junk",
    "INBOX.Spam",
];

/// The test message as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub folder: String,
    pub junk: bool,
    pub raw: Vec<u8>,
    /// It was filed in the Tandem folder afterwards.
    pub filed: bool,
}

/// The junk folders of the mailbox: those marked `\Junk`, else those with a usual name.
fn junk_folders(session: &mut Session) -> Result<Vec<String>, MailboxError> {
    let names = session.list(Some(""), Some("*")).map_err(imap::protocol)?;
    let marked: Vec<String> = names
        .iter()
        // RFC 6154's \Junk (the crate's attribute type is not exported: by its name).
        .filter(|n| n.attributes().iter().any(|a| format!("{a:?}") == "Junk"))
        .map(|n| decode(n.name()))
        .collect();
    if !marked.is_empty() {
        return Ok(marked);
    }
    Ok(names
        .iter()
        .map(|n| decode(n.name()))
        .filter(|n| JUNK_NAMES.iter().any(|j| j.eq_ignore_ascii_case(n)))
        .collect())
}

fn decode(wire: &str) -> String {
    utf7_imap::decode_utf7_imap(wire.to_owned())
}

/// Looks for the message `message_id` (with or without brackets) in the inbox and the
/// junk folders, again every second until `wait` has passed; files it in the Tandem
/// folder once read. `None` when it did not arrive in time.
pub fn find_and_file(
    settings: &ImapSettings,
    login: &ImapLogin,
    message_id: &str,
    wait: Duration,
    timeout: Duration,
) -> Result<Option<Found>, MailboxError> {
    let id = message_id
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>');
    if id.is_empty() || id.contains(['"', '\\', '\r', '\n']) {
        return Err(MailboxError::Protocol(format!(
            "not a Message-ID: {message_id}"
        )));
    }
    let mut session = connect(settings, login, timeout)?;
    let result = (|| {
        let has_move = session
            .capabilities()
            .map(|c| c.has_str("MOVE"))
            .unwrap_or(false);
        let started = Instant::now();
        loop {
            // Listed again each time: a junk folder can appear while Tandem waits (the
            // first message a server files there creates it).
            let mut folders = vec![("INBOX".to_owned(), false)];
            folders.extend(
                junk_folders(&mut session)?
                    .into_iter()
                    .filter(|j| j != "INBOX" && j != TANDEM_FOLDER)
                    .map(|j| (j, true)),
            );
            for (folder, junk) in &folders {
                if session.select(imap::wire_name(folder)).is_err() {
                    continue;
                }
                let uids = session
                    .uid_search(format!("HEADER Message-ID \"<{id}>\""))
                    .map_err(imap::protocol)?;
                let Some(&uid) = uids.iter().max() else {
                    continue;
                };
                let fetched = session
                    .uid_fetch(uid.to_string(), "(UID BODY.PEEK[])")
                    .map_err(imap::protocol)?;
                let raw = fetched
                    .iter()
                    .find_map(|f| f.body().map(<[u8]>::to_vec))
                    .unwrap_or_default();
                let mut created = false;
                let filed = move_to_tandem(&mut session, &[uid], has_move, &mut created).is_ok();
                return Ok(Some(Found {
                    folder: folder.clone(),
                    junk: *junk,
                    raw,
                    filed,
                }));
            }
            if started.elapsed() >= wait {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_secs(1).min(wait));
        }
    })();
    let _ = session.logout();
    result
}
