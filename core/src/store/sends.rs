//! Send runs and their ledger: one row per recipient, committed one state change at a
//! time, so that a crash, a kill or a lost connection resumes exactly where it stopped.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use super::{Store, StoreError};
use crate::model::Edition;
use crate::send::Destination;

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
}

impl RunInfo {
    /// Neither finished nor cancelled, with someone still to send to.
    pub fn is_unfinished(&self) -> bool {
        matches!(self.state, RunState::Running | RunState::Paused) && self.pending > 0
    }
}

/// A recipient's state in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RowStatus {
    Pending,
    /// Accepted by the server (its reply is kept).
    Sent,
    /// Written to the outbox folder: nobody received it.
    Outbox,
    Failed,
}

impl RowStatus {
    pub fn code(self) -> &'static str {
        match self {
            RowStatus::Pending => "pending",
            RowStatus::Sent => "sent",
            RowStatus::Outbox => "outbox",
            RowStatus::Failed => "failed",
        }
    }
}

/// One line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LedgerRow {
    #[ts(type = "number")]
    pub id: i64,
    pub email: String,
    pub name: String,
    pub edition: Edition,
    pub status: RowStatus,
    pub attempts: u32,
    /// The server's last reply, in its own words ("" before the first attempt).
    pub reply: String,
    pub message_id: String,
    #[ts(skip)]
    #[serde(skip)]
    pub unsubscribe_token: String,
    #[ts(type = "number | null")]
    pub last_attempt_at: Option<i64>,
    #[ts(type = "number | null")]
    pub sent_at: Option<i64>,
    /// A bounce that came back later (read from the mailbox): "", "soft" or "hard".
    pub bounce: String,
    /// Its status code (5.1.1) and the remote server's words.
    pub bounce_code: String,
    pub bounce_reason: String,
    #[ts(type = "number | null")]
    pub bounced_at: Option<i64>,
}

const LEDGER_COLUMNS: &str = "id, email, name, edition, status, attempts, reply, message_id,
     unsubscribe_token, last_attempt_at, sent_at, bounce, bounce_code, bounce_reason, bounced_at";

fn ledger_row(r: &Row<'_>) -> rusqlite::Result<LedgerRow> {
    let edition: String = r.get(3)?;
    let status: String = r.get(4)?;
    Ok(LedgerRow {
        id: r.get(0)?,
        email: r.get(1)?,
        name: r.get(2)?,
        edition: Edition::from_code(&edition).unwrap_or(Edition::Bilingual),
        status: match status.as_str() {
            "sent" => RowStatus::Sent,
            "outbox" => RowStatus::Outbox,
            "failed" => RowStatus::Failed,
            _ => RowStatus::Pending,
        },
        attempts: r.get(5)?,
        reply: r.get(6)?,
        message_id: r.get(7)?,
        unsubscribe_token: r.get(8)?,
        last_attempt_at: r.get(9)?,
        sent_at: r.get(10)?,
        bounce: r.get(11)?,
        bounce_code: r.get(12)?,
        bounce_reason: r.get(13)?,
        bounced_at: r.get(14)?,
    })
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
                    r.destination
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
                ),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, issue_id, number, sender, reply_to, unsub, lists, is_test, state, at, n) =
                row?;
            let (total, sent, failed, greeting, outbox, destination) = n;
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

    /// The whole ledger of a run, in address order, optionally only one status.
    pub fn ledger(
        &self,
        run: i64,
        status: Option<RowStatus>,
    ) -> Result<Vec<LedgerRow>, StoreError> {
        let sql = format!(
            "SELECT {LEDGER_COLUMNS} FROM send_recipients WHERE run_id = ?1
             AND (?2 IS NULL OR status = ?2) ORDER BY email"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![run, status.map(RowStatus::code)], ledger_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One ledger row by id.
    pub fn ledger_row(&self, id: i64) -> Result<Option<LedgerRow>, StoreError> {
        let sql = format!("SELECT {LEDGER_COLUMNS} FROM send_recipients WHERE id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], ledger_row)
            .optional()?)
    }

    /// Up to `limit` pending rows of `run` due at `now_ms`, skipping those in `busy`
    /// (messages in flight), oldest due first.
    pub fn due_rows(
        &self,
        run: i64,
        now_ms: i64,
        busy: &[i64],
        limit: usize,
    ) -> Result<Vec<LedgerRow>, StoreError> {
        let sql = format!(
            "SELECT {LEDGER_COLUMNS} FROM send_recipients
             WHERE run_id = ?1 AND status = 'pending' AND next_attempt_at <= ?2
             ORDER BY next_attempt_at, id LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![run, now_ms, (limit + busy.len()) as i64],
            ledger_row,
        )?;
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            if !busy.contains(&row.id) && out.len() < limit {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// When the next pending row of `run` not in `busy` becomes due (`None`: none left).
    pub fn next_due_at(&self, run: i64, busy: &[i64]) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, next_attempt_at FROM send_recipients
             WHERE run_id = ?1 AND status = 'pending' ORDER BY next_attempt_at, id",
        )?;
        let mut rows = stmt.query([run])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if !busy.contains(&id) {
                return Ok(Some(r.get(1)?));
            }
        }
        Ok(None)
    }

    /// Starts a batch of ledger writes (results of several workers, attempts about to
    /// be made) that [`Store::commit_batch`] makes durable at once.
    pub fn begin_batch(&self) -> Result<(), StoreError> {
        if self.conn.is_autocommit() {
            self.conn.prepare_cached("BEGIN")?.execute([])?;
        }
        Ok(())
    }

    /// Commits the open batch, if there is one.
    pub fn commit_batch(&self) -> Result<(), StoreError> {
        if !self.conn.is_autocommit() {
            self.conn.prepare_cached("COMMIT")?.execute([])?;
        }
        Ok(())
    }

    /// Drops the open batch, if there is one (after an error: those recipients are
    /// sent again on resume, as after a crash).
    pub fn rollback_batch(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Records, before a message is handed to the server, that it is: the rate window
    /// counts it (one small autocommitted insert). Returns the event's id.
    pub fn begin_attempt(&self, now_ms: i64) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached("INSERT INTO send_events (at) VALUES (?1)")?
            .execute([now_ms])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The message never reached a server (it could not be connected to): the attempt
    /// does not count against the rate limit.
    pub fn cancel_attempt(&self, event: i64) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM send_events WHERE id = ?1", [event])?;
        Ok(())
    }

    /// The server accepted the message handed over at `attempt_ms`.
    pub fn mark_sent(
        &self,
        row: i64,
        reply: &str,
        attempt_ms: i64,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.mark_done(row, RowStatus::Sent, reply, attempt_ms, now_ms)
    }

    /// The message handed over at `attempt_ms` was written to the outbox folder.
    pub fn mark_outbox(
        &self,
        row: i64,
        reply: &str,
        attempt_ms: i64,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.mark_done(row, RowStatus::Outbox, reply, attempt_ms, now_ms)
    }

    fn mark_done(
        &self,
        row: i64,
        status: RowStatus,
        reply: &str,
        attempt_ms: i64,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE send_recipients SET status = ?5, attempts = attempts + 1, reply = ?2,
                    last_attempt_at = ?3, sent_at = ?4 WHERE id = ?1",
            )?
            .execute(params![row, reply, attempt_ms, now_ms, status.code()])?;
        Ok(())
    }

    /// A transient failure: tried again from `retry_at_ms`.
    pub fn mark_retry(
        &self,
        row: i64,
        reply: &str,
        attempt_ms: i64,
        retry_at_ms: i64,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE send_recipients SET attempts = attempts + 1, reply = ?2,
                    last_attempt_at = ?3, next_attempt_at = ?4 WHERE id = ?1",
            )?
            .execute(params![row, reply, attempt_ms, retry_at_ms])?;
        Ok(())
    }

    /// A permanent failure, with the server's reply.
    pub fn mark_failed(&self, row: i64, reply: &str, attempt_ms: i64) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE send_recipients SET status = 'failed', attempts = attempts + 1, reply = ?2,
                    last_attempt_at = ?3 WHERE id = ?1",
            )?
            .execute(params![row, reply, attempt_ms])?;
        Ok(())
    }

    /// After a permanent refusal whose enhanced status says the address itself is bad
    /// (5.1.x: no such mailbox, no such domain, bad syntax), the contact is marked
    /// bounced, so later sends leave them out until staff check the address.
    pub fn mark_bounced_if_address_refused(
        &self,
        row: i64,
        reply: &str,
    ) -> Result<bool, StoreError> {
        let bad_address = reply.starts_with('5')
            && reply
                .split_whitespace()
                .nth(1)
                .is_some_and(|enhanced| enhanced.starts_with("5.1."));
        if !bad_address {
            return Ok(false);
        }
        let n = self.conn.execute(
            "UPDATE contacts SET status = 'bounced',
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE status = 'subscribed'
               AND id = (SELECT contact_id FROM send_recipients WHERE id = ?1)",
            [row],
        )?;
        Ok(n > 0)
    }

    /// Puts the failed rows of `run` back in the queue; returns how many.
    pub fn retry_failed(&self, run: i64) -> Result<usize, StoreError> {
        Ok(self.conn.execute(
            "UPDATE send_recipients SET status = 'pending', next_attempt_at = 0
             WHERE run_id = ?1 AND status = 'failed'",
            [run],
        )?)
    }

    /// Times (ms) of the messages handed to a server since `since_ms`, oldest first;
    /// older events are forgotten.
    pub fn send_events_since(&self, since_ms: i64) -> Result<Vec<i64>, StoreError> {
        self.conn
            .execute("DELETE FROM send_events WHERE at < ?1", [since_ms])?;
        let mut stmt = self
            .conn
            .prepare("SELECT at FROM send_events WHERE at >= ?1 ORDER BY at")?;
        let rows = stmt.query_map([since_ms], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::ContactLanguage;
    use crate::store::ContactInput;

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
