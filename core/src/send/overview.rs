//! What the Send view shows before a send, and the choices every send makes from the
//! saved settings: where it goes, at what pace, from whom. The app and the CLI ask the
//! same questions here.

use serde::Serialize;
use ts_rs::TS;

use super::{Audience, Destination, RateLimit, RunInfo, SendError, Sender};
use crate::model::Edition;
use crate::render::{email_html, RenderOptions};
use crate::store::{Store, StoreError};

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

/// The audience of `lists` for issue `issue_id` and what to check before sending it;
/// `outbox` is the folder a send goes to while no server is set.
pub fn overview(
    store: &Store,
    issue_id: i64,
    lists: &[String],
    outbox: &std::path::Path,
) -> Result<SendOverview, StoreError> {
    let audience = store.audience(lists)?;
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
    let destination = settings_destination(store)?;
    let destination_label = destination.label(outbox);
    let all_lists = store.contact_summary()?.lists;
    let previous = store
        .runs()?
        .into_iter()
        .find(|r| r.issue_id == Some(issue_id) && !r.is_test && r.sent > 0);
    Ok(SendOverview {
        estimated_seconds: estimate_seconds(audience.total(), &limits),
        audience,
        incomplete_blocks: report.incomplete_blocks(),
        machine_drafts: issue.machine_drafts(),
        html_bytes,
        limits,
        destination,
        destination_label,
        lists: all_lists,
        interrupted: store.unfinished_run()?,
        previous,
    })
}

/// The shortest time `n` messages take under `limits` (each window lets `count` go).
pub fn estimate_seconds(n: u32, limits: &[RateLimit]) -> u32 {
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

/// Where the saved settings send: their server, or the outbox folder without one.
pub fn settings_destination(store: &Store) -> Result<Destination, StoreError> {
    Ok(match store.smtp_settings()? {
        Some(settings) if !settings.host.trim().is_empty() => Destination::of_settings(&settings),
        _ => Destination::default_outbox(),
    })
}

/// The provider's limits and connections for `destination` (from the saved settings
/// when they name the same server; the outbox has none).
pub fn pace(
    store: &Store,
    destination: &Destination,
) -> Result<(Vec<RateLimit>, usize), StoreError> {
    if destination.is_outbox() {
        return Ok((Vec::new(), 1));
    }
    Ok(match store.smtp_settings()? {
        Some(s) => (s.limits, s.concurrency.max(1) as usize),
        None => (Vec::new(), 2),
    })
}

/// Who a send comes from: the saved sender, or a placeholder for the outbox.
pub fn sender(store: &Store) -> Result<Sender, SendError> {
    match store.smtp_settings()? {
        Some(s) if !s.from_address.trim().is_empty() => Sender::from_settings(&s),
        // Trying things out with the outbox needs no settings.
        _ => Sender::parse("Tandem <outbox@example.invalid>", "", ""),
    }
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
