//! The ledger's rows as the engine moves them: one row per recipient of a run, from
//! `pending` to `sent` (accepted by a server, its reply kept), `outbox` (written to the
//! folder) or `failed`; each attempt's time in `send_events` for the rate limiter; the
//! batches the dispatcher commits together.

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::model::Edition;
use crate::store::{Store, StoreError};

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

impl Store {
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
