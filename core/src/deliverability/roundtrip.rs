//! "Send a test to my own mailbox and check it": the test message a run sent is looked
//! for over IMAP by its Message-ID (the inbox and the junk folder), read, filed in the
//! Tandem folder, and what the receiving side wrote on it turned into findings.

use std::time::Duration;

use super::arrival;
use super::{DeliverabilityError, Finding, Status};
use crate::mailbox::roundtrip::find_and_file;
use crate::mailbox::{ImapLogin, ImapSettings};
use crate::send::RowStatus;
use crate::store::Store;

/// The findings about the test message of run `run` (a test send to the mailbox's own
/// address): where it arrived and how it was judged. Waits up to `wait` for it.
pub fn check_arrival(
    store: &Store,
    run: i64,
    settings: &ImapSettings,
    login: &ImapLogin,
    wait: Duration,
) -> Result<Vec<Finding>, DeliverabilityError> {
    let rows = store.ledger(run, None)?;
    let Some(row) = rows.first() else {
        return Ok(vec![Finding::new(
            "arrival",
            Status::Blocking,
            "deliv-arrival-not-sent",
        )]);
    };
    if row.status != RowStatus::Sent {
        return Ok(vec![Finding::new(
            "arrival",
            Status::Blocking,
            "deliv-arrival-not-sent",
        )
        .arg("reply", &row.reply)]);
    }
    let found = find_and_file(
        settings,
        login,
        &row.message_id,
        wait,
        Duration::from_secs(30),
    )?;
    Ok(match found {
        None => vec![
            Finding::new("arrival", Status::Blocking, "deliv-arrival-missing")
                .arg("seconds", wait.as_secs())
                .arg("address", &row.email),
        ],
        Some(found) => {
            let mut findings = arrival::read(&found.raw, &found.folder, found.junk).findings();
            // Beside what the receiving side wrote: Tandem's own check of the signature.
            findings.extend(super::dkim::findings(&found.raw));
            findings
        }
    })
}
