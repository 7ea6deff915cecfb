//! Send runs: the audience of an issue, a run snapshotted with its ledger in one
//! transaction, its state, the lease that keeps a second sender away, and where it goes.
//! The rows then move one state change at a time (`recipients.rs`), so that a crash, a
//! kill or a lost connection resumes exactly where it stopped.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::Destination;
use crate::model::Edition;
use crate::store::{Store, StoreError};

/// Who an issue would reach: recipients per edition and who is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Audience {
    pub fr: u32,
    pub nl: u32,
    pub bilingual: u32,
    /// On the chosen lists but unsubscribed: not sent to.
    pub unsubscribed: u32,
    /// On the chosen lists but their address bounced: not sent to.
    pub bounced: u32,
}

impl Audience {
    pub fn total(&self) -> u32 {
        self.fr + self.nl + self.bilingual
    }
}

/// One recipient as snapshotted into a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecipient {
    pub contact_id: Option<i64>,
    pub email: String,
    pub name: String,
    pub edition: Edition,
    pub unsubscribe_token: String,
}

/// What a run is made of when it starts.
#[derive(Debug, Clone)]
pub struct NewRun {
    pub issue_id: Option<i64>,
    pub issue_number: i64,
    pub issue_json: String,
    pub sender: String,
    pub reply_to: String,
    pub unsubscribe_url: String,
    pub lists: Vec<String>,
    pub is_test: bool,
    /// Each message opens with a greeting by name.
    pub greeting: bool,
    /// Where the messages go; a resume goes there too.
    pub destination: Destination,
}

/// A change of a run's destination, made because the user said so: (time in ms,
/// previous, new), each `None` where not recorded.
pub type DestinationChange = (i64, Option<Destination>, Option<Destination>);

/// State of a run as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RunState {
    Running,
    Paused,
    Cancelled,
    Finished,
}

impl RunState {
    pub fn code(self) -> &'static str {
        match self {
            RunState::Running => "running",
            RunState::Paused => "paused",
            RunState::Cancelled => "cancelled",
            RunState::Finished => "finished",
        }
    }

    fn parse(code: &str) -> Result<Self, StoreError> {
        Ok(match code {
            "running" => RunState::Running,
            "paused" => RunState::Paused,
            "cancelled" => RunState::Cancelled,
            "finished" => RunState::Finished,
            other => return Err(StoreError::Corrupt(format!("run state {other:?}"))),
        })
    }
}

/// A run with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RunInfo {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub issue_id: Option<i64>,
    #[ts(type = "number")]
    pub issue_number: i64,
    pub sender: String,
    pub reply_to: String,
    pub unsubscribe_url: String,
    pub lists: Vec<String>,
    pub is_test: bool,
    pub greeting: bool,
    /// Where its messages go (`None`: started by a Tandem that did not record it).
    pub destination: Option<Destination>,
    pub state: RunState,
    /// Unix time in milliseconds.
    #[ts(type = "number")]
    pub created_at: i64,
    pub total: u32,
    /// Accepted by the server.
    pub sent: u32,
    /// Written to the outbox folder (received by nobody).
    pub outbox: u32,
    pub failed: u32,
    pub pending: u32,
    /// Accepted, then returned for good (hard bounces read back from the mailbox).
    pub bounced: u32,
}

impl RunInfo {
    /// Neither finished nor cancelled, with someone still to send to.
    pub fn is_unfinished(&self) -> bool {
        matches!(self.state, RunState::Running | RunState::Paused) && self.pending > 0
    }
}

/// The run's own row; its id.
fn insert_run(
    tx: &rusqlite::Transaction<'_>,
    run: &NewRun,
    now_ms: i64,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO send_runs (issue_id, issue_number, issue_json, sender, reply_to,
            unsubscribe_url, lists, is_test, created_at, greeting, destination)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            run.issue_id,
            run.issue_number,
            run.issue_json,
            run.sender,
            run.reply_to,
            run.unsubscribe_url,
            serde_json::to_string(&run.lists).unwrap_or_else(|_| "[]".into()),
            run.is_test,
            now_ms,
            run.greeting,
            run.destination.to_json()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// `SELECT … FROM contacts` restricted to the chosen lists (all contacts when none).
fn audience_sql(columns: &str, lists: &[String]) -> String {
    if lists.is_empty() {
        format!("SELECT {columns} FROM contacts c")
    } else {
        let marks = vec!["?"; lists.len()].join(", ");
        format!(
            "SELECT {columns} FROM contacts c WHERE c.id IN (
                SELECT cl.contact_id FROM contact_lists cl JOIN lists l ON l.id = cl.list_id
                WHERE l.name IN ({marks}))"
        )
    }
}

impl Store {
    /// Who a send to `lists` (everyone when empty) would reach today.
    pub fn audience(&self, lists: &[String]) -> Result<Audience, StoreError> {
        self.check_lists(lists)?;
        let sql = audience_sql("c.language, c.status, COUNT(*)", lists) + " GROUP BY 1, 2";
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(lists))?;
        let mut audience = Audience::default();
        while let Some(r) = rows.next()? {
            let language: String = r.get(0)?;
            let status: String = r.get(1)?;
            let n: u32 = r.get(2)?;
            match (status.as_str(), language.as_str()) {
                ("subscribed", "fr") => audience.fr += n,
                ("subscribed", "nl") => audience.nl += n,
                ("subscribed", _) => audience.bilingual += n,
                ("unsubscribed", _) => audience.unsubscribed += n,
                _ => audience.bounced += n,
            }
        }
        Ok(audience)
    }

    /// A list name that does not exist is an error, not an empty audience.
    fn check_lists(&self, lists: &[String]) -> Result<(), StoreError> {
        for name in lists {
            let found: Option<i64> = self
                .conn
                .query_row("SELECT id FROM lists WHERE name = ?1", [name], |r| r.get(0))
                .optional()?;
            if found.is_none() {
                return Err(StoreError::NotFound {
                    what: format!("list {name}"),
                });
            }
        }
        Ok(())
    }

    /// The subscribed contacts on `lists` (everyone when empty), each with the edition
    /// their language gets, in address order.
    pub fn audience_recipients(&self, lists: &[String]) -> Result<Vec<NewRecipient>, StoreError> {
        self.check_lists(lists)?;
        let sql = audience_sql(
            "c.id, c.email, c.first_name, c.last_name, c.language, c.unsubscribe_token",
            lists,
        ) + if lists.is_empty() { " WHERE" } else { " AND" }
            + " c.status = 'subscribed' ORDER BY c.email";
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(lists), |r| {
            let first: String = r.get(2)?;
            let last: String = r.get(3)?;
            let language: String = r.get(4)?;
            Ok(NewRecipient {
                contact_id: Some(r.get(0)?),
                email: r.get(1)?,
                name: format!("{first} {last}").trim().to_owned(),
                edition: match language.as_str() {
                    "fr" => Edition::Fr,
                    "nl" => Edition::Nl,
                    _ => Edition::Bilingual,
                },
                unsubscribe_token: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Snapshots a run and its recipients in one transaction. `message_id` makes the
    /// Message-ID of each recipient (kept by every retry).
    pub fn create_run(
        &mut self,
        run: &NewRun,
        recipients: &[NewRecipient],
        now_ms: i64,
        message_id: &mut dyn FnMut() -> String,
    ) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let id = insert_run(&tx, run, now_ms)?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO send_recipients (run_id, contact_id, email, name, edition,
                    unsubscribe_token, message_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for r in recipients {
                insert.execute(params![
                    id,
                    r.contact_id,
                    r.email,
                    r.name,
                    r.edition.code(),
                    r.unsubscribe_token,
                    message_id()
                ])?;
            }
        }
        tx.commit()?;
        Ok(id)
    }

    /// Snapshots a run to the subscribed contacts on `run.lists` (everyone when empty)
    /// in one transaction, inside SQLite: memory stays flat however many contacts there
    /// are. Each recipient gets a random Message-ID at `domain`. Returns the run's id
    /// and the number of recipients; with nobody to send to, nothing is written and the
    /// id is `None`.
    pub fn create_run_for_lists(
        &mut self,
        run: &NewRun,
        now_ms: i64,
        domain: &str,
    ) -> Result<(Option<i64>, u32), StoreError> {
        self.check_lists(&run.lists)?;
        let tx = self.conn.transaction()?;
        let id = insert_run(&tx, run, now_ms)?;
        let in_lists = if run.lists.is_empty() {
            String::new()
        } else {
            let marks: Vec<String> = (0..run.lists.len())
                .map(|i| format!("?{}", i + 3))
                .collect();
            format!(
                " AND c.id IN (SELECT cl.contact_id FROM contact_lists cl
                   JOIN lists l ON l.id = cl.list_id WHERE l.name IN ({}))",
                marks.join(", ")
            )
        };
        let sql = format!(
            "INSERT INTO send_recipients (run_id, contact_id, email, name, edition,
                unsubscribe_token, message_id)
             SELECT ?1, c.id, c.email, trim(c.first_name || ' ' || c.last_name),
                CASE c.language WHEN 'fr' THEN 'fr' WHEN 'nl' THEN 'nl' ELSE 'bilingual' END,
                c.unsubscribe_token, '<' || lower(hex(randomblob(16))) || '@' || ?2 || '>'
             FROM contacts c WHERE c.status = 'subscribed'{in_lists} ORDER BY c.email"
        );
        let mut values: Vec<rusqlite::types::Value> = vec![id.into(), domain.to_owned().into()];
        values.extend(run.lists.iter().map(|l| l.clone().into()));
        let count = tx.execute(&sql, rusqlite::params_from_iter(values))? as u32;
        if count == 0 {
            // Dropping the transaction rolls the empty run back.
            return Ok((None, 0));
        }
        tx.commit()?;
        Ok((Some(id), count))
    }

    /// A run and its counts.
    pub fn run(&self, id: i64) -> Result<RunInfo, StoreError> {
        self.runs_where("r.id = ?1", [id])?
            .pop()
            .ok_or(StoreError::NotFound {
                what: format!("send {id}"),
            })
    }

    /// Every run, newest first.
    pub fn runs(&self) -> Result<Vec<RunInfo>, StoreError> {
        self.runs_where("1", [])
    }

    /// The newest run that was interrupted (running or paused with recipients pending).
    pub fn unfinished_run(&self) -> Result<Option<RunInfo>, StoreError> {
        Ok(self
            .runs_where("r.state IN ('running', 'paused')", [])?
            .into_iter()
            .find(RunInfo::is_unfinished))
    }

    fn runs_where<P: rusqlite::Params>(
        &self,
        condition: &str,
        params: P,
    ) -> Result<Vec<RunInfo>, StoreError> {
        let sql = format!(
            "SELECT r.id, r.issue_id, r.issue_number, r.sender, r.reply_to, r.unsubscribe_url,
                    r.lists, r.is_test, r.state, r.created_at,
                    (SELECT COUNT(*) FROM send_recipients WHERE run_id = r.id),
                    (SELECT COUNT(*) FROM send_recipients WHERE run_id = r.id AND status = 'sent'),
                    (SELECT COUNT(*) FROM send_recipients WHERE run_id = r.id AND status = 'failed'),
                    r.greeting,
                    (SELECT COUNT(*) FROM send_recipients WHERE run_id = r.id AND status = 'outbox'),
                    r.destination,
                    (SELECT COUNT(*) FROM send_recipients WHERE run_id = r.id AND bounce = 'hard')
             FROM send_runs r WHERE {condition} ORDER BY r.id DESC"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, bool>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, i64>(9)?,
                (
                    r.get::<_, u32>(10)?,
                    r.get::<_, u32>(11)?,
                    r.get::<_, u32>(12)?,
                    r.get::<_, bool>(13)?,
                    r.get::<_, u32>(14)?,
                    r.get::<_, String>(15)?,
                    r.get::<_, u32>(16)?,
                ),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, issue_id, number, sender, reply_to, unsub, lists, is_test, state, at, n) =
                row?;
            let (total, sent, failed, greeting, outbox, destination, bounced) = n;
            out.push(RunInfo {
                id,
                issue_id,
                issue_number: number,
                sender,
                reply_to,
                unsubscribe_url: unsub,
                lists: serde_json::from_str(&lists)
                    .map_err(|e| StoreError::Corrupt(format!("lists of send {id}: {e}")))?,
                is_test,
                greeting,
                destination: Destination::from_json(&destination),
                state: RunState::parse(&state)?,
                created_at: at,
                total,
                sent,
                outbox,
                failed,
                pending: total.saturating_sub(sent + outbox + failed),
                bounced,
            });
        }
        Ok(out)
    }

    /// The issue JSON snapshotted when run `id` started.
    pub fn run_issue_json(&self, id: i64) -> Result<String, StoreError> {
        self.conn
            .query_row(
                "SELECT issue_json FROM send_runs WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: format!("send {id}"),
            })
    }

    /// Takes run `id` for this process unless another one renewed its heartbeat within
    /// `stale_ms`; true when taken.
    pub fn claim_run(&self, id: i64, now_ms: i64, stale_ms: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "UPDATE send_runs SET heartbeat_at = ?2
             WHERE id = ?1 AND (heartbeat_at IS NULL OR heartbeat_at < ?3)",
            params![id, now_ms, now_ms - stale_ms],
        )? == 1)
    }

    /// Renews this process's hold on run `id`.
    pub fn heartbeat_run(&self, id: i64, now_ms: i64) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE send_runs SET heartbeat_at = ?2 WHERE id = ?1")?
            .execute(params![id, now_ms])?;
        Ok(())
    }

    /// Lets run `id` go (the process stopped sending it).
    pub fn release_run(&self, id: i64) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE send_runs SET heartbeat_at = NULL WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    /// Sends the rest of run `id` to `destination` from now on, remembering the change
    /// (only ever done because the user said so).
    pub fn change_run_destination(
        &mut self,
        id: i64,
        destination: &Destination,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let previous: String = tx
            .query_row(
                "SELECT destination FROM send_runs WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: format!("send {id}"),
            })?;
        let json = destination.to_json();
        tx.execute(
            "INSERT INTO send_destination_changes (run_id, at, previous, destination)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, now_ms, previous, json],
        )?;
        tx.execute(
            "UPDATE send_runs SET destination = ?2 WHERE id = ?1",
            params![id, json],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The destination changes of run `id`, oldest first.
    pub fn run_destination_changes(&self, id: i64) -> Result<Vec<DestinationChange>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT at, previous, destination FROM send_destination_changes
             WHERE run_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Destination::from_json(&r.get::<_, String>(1)?),
                Destination::from_json(&r.get::<_, String>(2)?),
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records a run's state; a real (not test) run that finished marks its issue sent
    /// when a server accepted at least one of its messages (the outbox reaches nobody).
    pub fn set_run_state(&self, id: i64, state: RunState, now_ms: i64) -> Result<(), StoreError> {
        let finished = matches!(state, RunState::Finished | RunState::Cancelled).then_some(now_ms);
        self.conn.execute(
            "UPDATE send_runs SET state = ?2, finished_at = ?3 WHERE id = ?1",
            params![id, state.code(), finished],
        )?;
        if state == RunState::Finished {
            self.conn.execute(
                "UPDATE issues SET status = 'sent'
                 WHERE id = (SELECT issue_id FROM send_runs WHERE id = ?1 AND is_test = 0)
                   AND EXISTS (SELECT 1 FROM send_recipients
                               WHERE run_id = ?1 AND status = 'sent')",
                [id],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::ContactInput;
    use crate::contacts::ContactLanguage;
    use crate::send::RowStatus;

    fn add(store: &mut Store, email: &str, language: ContactLanguage) {
        let input = ContactInput {
            id: None,
            email: email.into(),
            first_name: String::new(),
            last_name: String::new(),
            organisation: String::new(),
            language,
            lists: vec![],
            notes: String::new(),
        };
        let mut n = 0;
        store
            .save_contact(&input, &mut || {
                n += 1;
                format!("{email}-token-{n}")
            })
            .unwrap();
    }

    fn run(store: &mut Store) -> i64 {
        let recipients = store.audience_recipients(&[]).unwrap();
        let mut n = 0;
        store
            .create_run(
                &NewRun {
                    issue_id: None,
                    issue_number: 1,
                    issue_json: "{}".into(),
                    sender: "PMO <info@example.org>".into(),
                    reply_to: String::new(),
                    unsubscribe_url: String::new(),
                    lists: vec![],
                    is_test: false,
                    greeting: false,
                    destination: Destination::default_outbox(),
                },
                &recipients,
                1_000,
                &mut || {
                    n += 1;
                    format!("<{n}@example.org>")
                },
            )
            .unwrap()
    }

    #[test]
    fn the_audience_counts_editions_and_leaves_out_the_unsubscribed() {
        let mut store = Store::open_in_memory().unwrap();
        add(&mut store, "a@example.org", ContactLanguage::Fr);
        add(&mut store, "b@example.org", ContactLanguage::Nl);
        add(&mut store, "c@example.org", ContactLanguage::Both);
        add(&mut store, "d@example.org", ContactLanguage::Fr);
        store.unsubscribe("d@example.org").unwrap();
        let audience = store.audience(&[]).unwrap();
        assert_eq!(
            audience,
            Audience {
                fr: 1,
                nl: 1,
                bilingual: 1,
                unsubscribed: 1,
                bounced: 0
            }
        );
        let recipients = store.audience_recipients(&[]).unwrap();
        let editions: Vec<_> = recipients.iter().map(|r| r.edition).collect();
        assert_eq!(editions, [Edition::Fr, Edition::Nl, Edition::Bilingual]);
        let err = store.audience(&["nobody".into()]).unwrap_err();
        assert_eq!(err.code(), "error-store-not-found");
    }

    #[test]
    fn ledger_rows_move_from_pending_to_sent_or_failed_and_keep_their_message_id() {
        let mut store = Store::open_in_memory().unwrap();
        add(&mut store, "a@example.org", ContactLanguage::Fr);
        add(&mut store, "b@example.org", ContactLanguage::Nl);
        let id = run(&mut store);
        let info = store.run(id).unwrap();
        assert_eq!(
            (info.total, info.pending, info.state),
            (2, 2, RunState::Running)
        );
        assert_eq!(store.unfinished_run().unwrap().map(|r| r.id), Some(id));

        let due = store.due_rows(id, 1_000, &[], 10).unwrap();
        assert_eq!(due.len(), 2);
        let (a, b) = (due[0].clone(), due[1].clone());
        assert_eq!(
            store.due_rows(id, 1_000, &[a.id], 10).unwrap(),
            std::slice::from_ref(&b)
        );

        store.begin_attempt(2_000).unwrap();
        store
            .mark_retry(a.id, "451 try later", 2_000, 9_000)
            .unwrap();
        assert_eq!(store.due_rows(id, 2_000, &[], 10).unwrap().len(), 1);
        assert_eq!(store.next_due_at(id, &[b.id]).unwrap(), Some(9_000));
        store.begin_attempt(9_000).unwrap();
        store.mark_sent(a.id, "250 OK", 9_000, 9_100).unwrap();
        store.begin_attempt(9_200).unwrap();
        store.mark_failed(b.id, "550 no such user", 9_200).unwrap();

        let ledger = store.ledger(id, None).unwrap();
        assert_eq!(ledger[0].status, RowStatus::Sent);
        assert_eq!(ledger[0].attempts, 2);
        assert_eq!(ledger[0].message_id, a.message_id);
        assert_eq!(ledger[1].reply, "550 no such user");
        assert!(store.unfinished_run().unwrap().is_none());
        assert_eq!(store.send_events_since(0).unwrap(), [2_000, 9_000, 9_200]);
        assert_eq!(store.send_events_since(9_000).unwrap(), [9_000, 9_200]);

        // "No such user" (5.1.1) marks the contact bounced; a content refusal does not.
        assert!(!store
            .mark_bounced_if_address_refused(b.id, "554 5.7.1 Message refused")
            .unwrap());
        assert!(store
            .mark_bounced_if_address_refused(b.id, "550 5.1.1 No such user")
            .unwrap());
        assert_eq!(store.audience(&[]).unwrap().bounced, 1);
        assert_eq!(store.retry_failed(id).unwrap(), 1);
        assert_eq!(store.run(id).unwrap().pending, 1);
    }

    #[test]
    fn a_run_snapshotted_in_sql_matches_the_audience_and_an_empty_one_leaves_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        add(&mut store, "a@example.org", ContactLanguage::Fr);
        add(&mut store, "b@example.org", ContactLanguage::Both);
        add(&mut store, "c@example.org", ContactLanguage::Nl);
        store.unsubscribe("c@example.org").unwrap();
        let new_run = |lists: Vec<String>| NewRun {
            issue_id: None,
            issue_number: 1,
            issue_json: "{}".into(),
            sender: "PMO <info@example.org>".into(),
            reply_to: String::new(),
            unsubscribe_url: String::new(),
            lists,
            is_test: false,
            greeting: false,
            destination: Destination::default_outbox(),
        };
        let (id, n) = store
            .create_run_for_lists(&new_run(vec![]), 5, "example.org")
            .unwrap();
        assert_eq!(n, 2);
        let ledger = store.ledger(id.unwrap(), None).unwrap();
        let got: Vec<_> = ledger
            .iter()
            .map(|r| (r.email.as_str(), r.edition))
            .collect();
        assert_eq!(
            got,
            [
                ("a@example.org", Edition::Fr),
                ("b@example.org", Edition::Bilingual)
            ]
        );
        assert!(
            ledger[0].message_id.starts_with('<')
                && ledger[0].message_id.ends_with("@example.org>")
        );
        assert_ne!(ledger[0].message_id, ledger[1].message_id);
        assert_eq!(ledger[0].unsubscribe_token, "a@example.org-token-1");

        store
            .conn
            .execute("INSERT INTO lists (name) VALUES ('press')", [])
            .unwrap();
        let (id, n) = store
            .create_run_for_lists(&new_run(vec!["press".into()]), 6, "example.org")
            .unwrap();
        assert_eq!((id, n), (None, 0));
        assert_eq!(
            store.runs().unwrap().len(),
            1,
            "the empty run was rolled back"
        );
    }

    #[test]
    fn erasing_a_contact_removes_their_address_from_past_ledgers() {
        let mut store = Store::open_in_memory().unwrap();
        add(&mut store, "a@example.org", ContactLanguage::Fr);
        let id = run(&mut store);
        store.erase("A@example.org", &mut || "salt".into()).unwrap();
        let ledger = store.ledger(id, None).unwrap();
        assert_eq!(ledger.len(), 1);
        assert!(
            ledger[0].email.starts_with("erased-"),
            "{}",
            ledger[0].email
        );
    }
}
