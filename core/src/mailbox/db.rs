//! What reading the sending mailbox changed: each message is recorded once, in the same
//! transaction as the contact and ledger changes it causes, so a crash, a kill or two
//! checks at once never apply a message twice. Every change is logged and undoable.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{Failed, Kind, Read};
use crate::store::{Store, StoreError};

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// Why a contact stopped receiving: shown with the status.
pub const REASON_EMAIL_REQUEST: &str = "email_request";
pub const REASON_BOUNCE: &str = "bounce";
pub const REASON_SOFT_BOUNCES: &str = "soft_bounces";

/// One thing a check did (or found for a person to decide), as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MailboxAction {
    #[ts(type = "number")]
    pub id: i64,
    /// Unix time, milliseconds.
    #[ts(type = "number")]
    pub at: i64,
    /// unsubscribed, bounced, soft_bounce, to_confirm, auto_reply, left, skipped.
    pub kind: String,
    /// done, pending (to confirm), confirmed, dismissed, undone.
    pub state: String,
    /// The contact's address (or the sender's, for a message about no contact).
    pub email: String,
    #[ts(type = "number | null")]
    pub run_id: Option<i64>,
    pub status_code: String,
    pub diagnostic: String,
    pub sender: String,
    pub subject: String,
    /// Why a message was skipped or left, in English for the log (the app shows the kind).
    pub note: String,
}

/// What recording one message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub actions: Vec<MailboxAction>,
    /// To be moved to the Tandem folder.
    pub move_it: bool,
}

const ACTION_COLUMNS: &str = "a.id, a.at, a.kind, a.state, a.email, r.run_id, a.status_code,
     a.diagnostic, a.sender, a.subject, a.note";

fn action_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MailboxAction> {
    Ok(MailboxAction {
        id: r.get(0)?,
        at: r.get(1)?,
        kind: r.get(2)?,
        state: r.get(3)?,
        email: r.get(4)?,
        run_id: r.get(5)?,
        status_code: r.get(6)?,
        diagnostic: r.get(7)?,
        sender: r.get(8)?,
        subject: r.get(9)?,
        note: r.get(10)?,
    })
}

/// A contact: id, address, status.
type ContactRef = (i64, String, String);

fn contact_by_email(tx: &Transaction<'_>, email: &str) -> rusqlite::Result<Option<ContactRef>> {
    tx.query_row(
        "SELECT id, email, status FROM contacts WHERE email = ?1",
        [email.trim()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
}

fn contact_by_id(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<Option<ContactRef>> {
    tx.query_row(
        "SELECT id, email, status FROM contacts WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
}

struct Context<'a> {
    folder: &'a str,
    uidvalidity: u32,
    uid: u32,
    at: i64,
    sender: &'a str,
    subject: &'a str,
}

#[derive(Default)]
struct NewAction<'a> {
    kind: &'a str,
    state: &'a str,
    contact_id: Option<i64>,
    email: String,
    recipient_id: Option<i64>,
    status_code: String,
    diagnostic: String,
    previous: String,
    note: String,
}

/// Kinds of mail that are none of Tandem's business (a colleague's message, a lawyer's
/// letter, an out-of-office, something unreadable): it stays in the inbox, and the log
/// keeps only what reading it once needs (folder, UIDVALIDITY, UID, kind), never who
/// wrote it or about what.
const NOT_OURS: [&str; 3] = ["left", "auto_reply", "skipped"];

fn insert_action(
    tx: &Transaction<'_>,
    cx: &Context<'_>,
    mut a: NewAction<'_>,
) -> rusqlite::Result<i64> {
    let (sender, subject) = if NOT_OURS.contains(&a.kind) {
        a.email.clear();
        ("", String::new())
    } else {
        (cx.sender, cx.subject.chars().take(300).collect::<String>())
    };
    tx.execute(
        "INSERT INTO mailbox_actions (at, folder, uidvalidity, uid, kind, state, contact_id, email,
            recipient_id, status_code, diagnostic, previous, sender, subject, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            cx.at,
            cx.folder,
            cx.uidvalidity,
            cx.uid,
            a.kind,
            if a.state.is_empty() { "done" } else { a.state },
            a.contact_id,
            a.email,
            a.recipient_id,
            a.status_code,
            a.diagnostic.chars().take(1000).collect::<String>(),
            a.previous,
            sender,
            subject,
            a.note,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn set_status(
    tx: &Transaction<'_>,
    contact: i64,
    status: &str,
    reason: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        &format!(
            "UPDATE contacts SET status = ?2, status_reason = ?3, status_at = {NOW}, updated_at = {NOW}
             WHERE id = ?1"
        ),
        params![contact, status, reason],
    )?;
    Ok(())
}

/// An unsubscribe request a person must confirm, when it comes from a subscribed
/// contact (`note` says why it was not applied); otherwise a message left for a person.
fn to_confirm_or_leave(
    tx: &Transaction<'_>,
    cx: &Context<'_>,
    note: &str,
    why_left: &str,
) -> rusqlite::Result<i64> {
    let action = match contact_by_email(tx, cx.sender)? {
        Some((id, email, status)) if status == "subscribed" => NewAction {
            kind: "to_confirm",
            state: "pending",
            contact_id: Some(id),
            email,
            note: note.to_owned(),
            ..Default::default()
        },
        _ => NewAction {
            kind: "left",
            email: cx.sender.to_owned(),
            note: why_left.to_owned(),
            ..Default::default()
        },
    };
    insert_action(tx, cx, action)
}

/// True when one of `ids` (without brackets) is the Message-ID of a message Tandem sent.
fn answers_the_ledger(tx: &Transaction<'_>, ids: &[String]) -> rusqlite::Result<bool> {
    for id in ids {
        let found: Option<i64> = tx
            .prepare_cached("SELECT id FROM send_recipients WHERE message_id = ?1 LIMIT 1")?
            .query_row([format!("<{id}>")], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The ledger row a bounce answers: by the returned Message-ID (the row of that message
/// whose address is the failed one, or the only row of that message), else the latest
/// row sent to that address. (row id, contact id, address)
fn ledger_row_for(
    tx: &Transaction<'_>,
    failed: &Failed,
    message_ids: &[String],
) -> rusqlite::Result<Option<(i64, Option<i64>, String)>> {
    for id in message_ids {
        let rows: Vec<(i64, Option<i64>, String)> = tx
            .prepare_cached(
                "SELECT id, contact_id, email FROM send_recipients WHERE message_id = ?1",
            )?
            .query_map([format!("<{id}>")], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        if let Some(row) = rows
            .iter()
            .find(|r| r.2.eq_ignore_ascii_case(&failed.address))
            .or(if rows.len() == 1 { rows.first() } else { None })
        {
            return Ok(Some(row.clone()));
        }
    }
    tx.query_row(
        "SELECT id, contact_id, email FROM send_recipients
         WHERE email = ?1 COLLATE NOCASE AND status = 'sent'
         ORDER BY sent_at DESC, id DESC LIMIT 1",
        [&failed.address],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
}

/// Three soft bounces for the contact's last three sends (each a different run).
fn three_soft_in_a_row(tx: &Transaction<'_>, contact: i64) -> rusqlite::Result<bool> {
    let last: Vec<String> = tx
        .prepare_cached(
            "SELECT bounce FROM send_recipients WHERE contact_id = ?1 AND status = 'sent'
             ORDER BY sent_at DESC, id DESC LIMIT 3",
        )?
        .query_map([contact], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(last.len() == 3 && last.iter().all(|b| !b.is_empty()))
}

impl Store {
    /// Records one message and applies what it asks, in one transaction; `None` when
    /// that message was already recorded (by an earlier or a concurrent check). With
    /// `dry_run` everything is worked out, then rolled back.
    pub fn record_mailbox_message(
        &mut self,
        folder: &str,
        uidvalidity: u32,
        uid: u32,
        read: Result<&Read, &str>,
        dry_run: bool,
    ) -> Result<Option<Recorded>, StoreError> {
        let tx = self.conn.transaction()?;
        let at = crate::clock::now_ms();
        let (sender, subject) = match read {
            Ok(r) => (r.from.as_str(), r.subject.as_str()),
            Err(_) => ("", ""),
        };
        let cx = Context {
            folder,
            uidvalidity,
            uid,
            at,
            sender,
            subject,
        };
        let kind_code = match read {
            Err(_) => "skipped",
            Ok(r) => match r.kind {
                Kind::Bounce { .. } => "bounce",
                Kind::Unsubscribe { .. } => "unsubscribe",
                Kind::ProbableUnsubscribe => "to_confirm",
                Kind::ReplyAsking { .. } => "reply",
                Kind::AutoReply => "auto_reply",
                Kind::Other => "other",
            },
        };
        let inserted = tx.execute(
            "INSERT INTO mailbox_messages (folder, uidvalidity, uid, read_at, kind)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            params![folder, uidvalidity, uid, at, kind_code],
        )?;
        if inserted == 0 {
            return Ok(None);
        }
        tx.execute(
            "INSERT INTO mailbox_folders (name, uidvalidity, last_uid) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET last_uid = max(last_uid, ?3)
             WHERE uidvalidity = ?2",
            params![folder, uidvalidity, uid],
        )?;
        let mut ids = Vec::new();
        let mut move_it = false;
        let leave = |tx: &Transaction<'_>, note: String| {
            insert_action(
                tx,
                &cx,
                NewAction {
                    kind: "left",
                    email: sender.to_owned(),
                    note,
                    ..Default::default()
                },
            )
        };
        match read {
            Err(why) => {
                ids.push(insert_action(
                    &tx,
                    &cx,
                    NewAction {
                        kind: "skipped",
                        note: why.to_owned(),
                        ..Default::default()
                    },
                )?);
            }
            Ok(read) => {
                match &read.kind {
                    Kind::Unsubscribe { token } => {
                        let contact: Option<i64> = tx
                            .query_row(
                                "SELECT id FROM contacts WHERE unsubscribe_token = ?1",
                                [token],
                                |r| r.get(0),
                            )
                            .optional()?;
                        let contact = match contact {
                        Some(c) => Some(c),
                        None => tx
                            .query_row(
                                "SELECT contact_id FROM send_recipients WHERE unsubscribe_token = ?1
                                 AND contact_id IS NOT NULL LIMIT 1",
                                [token],
                                |r| r.get(0),
                            )
                            .optional()?,
                    };
                        match contact.map(|c| contact_by_id(&tx, c)).transpose()?.flatten() {
                        Some((id, email, status)) => {
                            if status == "subscribed" {
                                set_status(&tx, id, "unsubscribed", REASON_EMAIL_REQUEST)?;
                            }
                            ids.push(insert_action(
                                &tx,
                                &cx,
                                NewAction {
                                    kind: "unsubscribed",
                                    contact_id: Some(id),
                                    email,
                                    note: if status == "subscribed" {
                                        String::new()
                                    } else {
                                        format!("was already {status}")
                                    },
                                    previous: status,
                                    ..Default::default()
                                },
                            )?);
                            move_it = true;
                        }
                        None => ids.push(to_confirm_or_leave(
                            &tx,
                            &cx,
                            "an unsubscribe token Tandem does not know",
                            "an unsubscribe token Tandem does not know, from no subscribed contact",
                        )?),
                    }
                    }
                    Kind::ProbableUnsubscribe => ids.push(to_confirm_or_leave(
                        &tx,
                        &cx,
                        "",
                        "worded like an unsubscribe request, from no subscribed contact",
                    )?),
                    // A reply to a message Tandem sent whose own words ask to stop; a reply
                    // to anything else is someone's mail.
                    Kind::ReplyAsking { replies_to } => {
                        if answers_the_ledger(&tx, replies_to)? {
                            ids.push(to_confirm_or_leave(
                                &tx,
                                &cx,
                                "a reply to the newsletter asking to unsubscribe",
                                "a reply asking to unsubscribe, from no subscribed contact",
                            )?);
                        } else {
                            ids.push(leave(&tx, String::new())?);
                        }
                    }
                    Kind::Bounce {
                        failed,
                        message_ids,
                    } => {
                        for f in failed {
                            let row = ledger_row_for(&tx, f, message_ids)?;
                            let contact = match &row {
                                Some((_, Some(c), _)) => contact_by_id(&tx, *c)?,
                                _ => contact_by_email(&tx, &f.address)?,
                            };
                            if row.is_none() && contact.is_none() {
                                ids.push(insert_action(
                                    &tx,
                                    &cx,
                                    NewAction {
                                        kind: "skipped",
                                        email: f.address.clone(),
                                        status_code: f.status.clone(),
                                        diagnostic: f.diagnostic.clone(),
                                        note: "a bounce about an address Tandem never sent to"
                                            .into(),
                                        ..Default::default()
                                    },
                                )?);
                                continue;
                            }
                            move_it = true;
                            let hard = f.is_hard();
                            if let Some((row_id, _, _)) = &row {
                                tx.execute(
                                "UPDATE send_recipients SET
                                    bounce = CASE WHEN ?2 = 'hard' OR bounce = '' THEN ?2 ELSE bounce END,
                                    bounce_code = ?3, bounce_reason = ?4, bounced_at = ?5
                                 WHERE id = ?1",
                                params![
                                    row_id,
                                    if hard { "hard" } else { "soft" },
                                    f.status,
                                    f.diagnostic.chars().take(1000).collect::<String>(),
                                    at
                                ],
                            )?;
                            }
                            let email = contact
                                .as_ref()
                                .map(|c| c.1.clone())
                                .or_else(|| row.as_ref().map(|r| r.2.clone()))
                                .unwrap_or_else(|| f.address.clone());
                            let previous =
                                contact.as_ref().map(|c| c.2.clone()).unwrap_or_default();
                            let contact_id = contact.as_ref().map(|c| c.0);
                            let base = || NewAction {
                                contact_id,
                                email: email.clone(),
                                recipient_id: row.as_ref().map(|r| r.0),
                                status_code: f.status.clone(),
                                diagnostic: f.diagnostic.clone(),
                                previous: previous.clone(),
                                ..Default::default()
                            };
                            if hard {
                                if let Some(c) = contact_id.filter(|_| previous == "subscribed") {
                                    set_status(&tx, c, "bounced", REASON_BOUNCE)?;
                                }
                                ids.push(insert_action(
                                    &tx,
                                    &cx,
                                    NewAction {
                                        kind: "bounced",
                                        ..base()
                                    },
                                )?);
                            } else {
                                ids.push(insert_action(
                                    &tx,
                                    &cx,
                                    NewAction {
                                        kind: "soft_bounce",
                                        ..base()
                                    },
                                )?);
                                if let Some(c) = contact_id.filter(|_| previous == "subscribed") {
                                    if three_soft_in_a_row(&tx, c)? {
                                        set_status(&tx, c, "bounced", REASON_SOFT_BOUNCES)?;
                                        ids.push(insert_action(
                                            &tx,
                                            &cx,
                                            NewAction {
                                                kind: "bounced",
                                                note: "three soft bounces in a row".into(),
                                                ..base()
                                            },
                                        )?);
                                    }
                                }
                            }
                        }
                    }
                    Kind::AutoReply => {
                        ids.push(insert_action(
                            &tx,
                            &cx,
                            NewAction {
                                kind: "auto_reply",
                                email: sender.to_owned(),
                                ..Default::default()
                            },
                        )?);
                    }
                    Kind::Other => ids.push(leave(&tx, String::new())?),
                }
            }
        }
        if move_it {
            tx.execute(
                "UPDATE mailbox_messages SET move = 1 WHERE folder = ?1 AND uidvalidity = ?2 AND uid = ?3",
                params![folder, uidvalidity, uid],
            )?;
        }
        let mut actions = actions_by_ids(&tx, &ids)?;
        // The check that read a message may show who wrote it and about what; the
        // database does not keep it.
        for a in actions
            .iter_mut()
            .filter(|a| NOT_OURS.contains(&a.kind.as_str()))
        {
            a.email = sender.to_owned();
            a.sender = sender.to_owned();
            a.subject = cx.subject.chars().take(300).collect();
        }
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(Some(Recorded { actions, move_it }))
    }

    /// Actions matching `rest` (`WHERE …`/`ORDER BY …` over `a`, the actions).
    fn mailbox_actions(
        &self,
        rest: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<MailboxAction>, StoreError> {
        let sql = format!(
            "SELECT {ACTION_COLUMNS} FROM mailbox_actions a
             LEFT JOIN send_recipients r ON r.id = a.recipient_id {rest}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(params, action_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The log, newest first (at most `limit` entries).
    pub fn mailbox_log(&self, limit: u32) -> Result<Vec<MailboxAction>, StoreError> {
        self.mailbox_actions("ORDER BY a.id DESC LIMIT ?1", [limit])
    }

    /// Unsubscribe requests waiting for a person to confirm.
    pub fn mailbox_to_confirm(&self) -> Result<Vec<MailboxAction>, StoreError> {
        self.mailbox_actions(
            "WHERE a.kind = 'to_confirm' AND a.state = 'pending' ORDER BY a.id",
            [],
        )
    }

    /// Confirms (`true`: the contact is unsubscribed, "by e-mail request") or dismisses a
    /// request waiting for a person.
    pub fn decide_mailbox_request(
        &mut self,
        action: i64,
        confirm: bool,
    ) -> Result<MailboxAction, StoreError> {
        let tx = self.conn.transaction()?;
        let found: Option<(Option<i64>, String)> = tx
            .query_row(
                "SELECT contact_id, state FROM mailbox_actions WHERE id = ?1 AND kind = 'to_confirm'",
                [action],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((contact, state)) = found else {
            return Err(StoreError::NotFound {
                what: format!("request {action}"),
            });
        };
        if state == "pending" {
            let mut previous = String::new();
            if confirm {
                if let Some((id, _, status)) = contact
                    .map(|c| contact_by_id(&tx, c))
                    .transpose()?
                    .flatten()
                {
                    if status == "subscribed" {
                        set_status(&tx, id, "unsubscribed", REASON_EMAIL_REQUEST)?;
                    }
                    previous = status;
                }
            }
            tx.execute(
                "UPDATE mailbox_actions SET state = ?2, previous = ?3 WHERE id = ?1",
                params![
                    action,
                    if confirm { "confirmed" } else { "dismissed" },
                    previous
                ],
            )?;
        }
        let out = actions_by_ids(&tx, &[action])?
            .pop()
            .expect("the action exists");
        tx.commit()?;
        Ok(out)
    }

    /// Undoes an unsubscribe or a bounce: the contact gets back the status they had, if
    /// nothing changed it since. The app asks first whether the person really wants
    /// the newsletter again.
    pub fn undo_mailbox_action(&mut self, action: i64) -> Result<MailboxAction, StoreError> {
        let tx = self.conn.transaction()?;
        let found: Option<(String, String, Option<i64>, String)> = tx
            .query_row(
                "SELECT kind, state, contact_id, previous FROM mailbox_actions WHERE id = ?1",
                [action],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((kind, state, contact, previous)) = found else {
            return Err(StoreError::NotFound {
                what: format!("action {action}"),
            });
        };
        let changed_to = match (kind.as_str(), state.as_str()) {
            ("unsubscribed", "done") | ("to_confirm", "confirmed") => Some("unsubscribed"),
            ("bounced", "done") => Some("bounced"),
            _ => None,
        };
        if let (Some(to), Some(contact)) = (changed_to, contact) {
            if !previous.is_empty() && previous != to {
                tx.execute(
                    &format!(
                        "UPDATE contacts SET status = ?2, status_reason = '', status_at = {NOW},
                         updated_at = {NOW} WHERE id = ?1 AND status = ?3"
                    ),
                    params![contact, previous, to],
                )?;
            }
        }
        if changed_to.is_some() {
            tx.execute(
                "UPDATE mailbox_actions SET state = 'undone' WHERE id = ?1",
                [action],
            )?;
        }
        let out = actions_by_ids(&tx, &[action])?
            .pop()
            .expect("the action exists");
        tx.commit()?;
        Ok(out)
    }
}

fn actions_by_ids(tx: &Transaction<'_>, ids: &[i64]) -> rusqlite::Result<Vec<MailboxAction>> {
    let sql = format!(
        "SELECT {ACTION_COLUMNS} FROM mailbox_actions a
         LEFT JOIN send_recipients r ON r.id = a.recipient_id WHERE a.id = ?1"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    ids.iter()
        .map(|id| stmt.query_row([id], action_row))
        .collect()
}
