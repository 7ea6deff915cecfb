//! Erasing a person, as the GDPR asks: the contact row and list memberships go, a salted
//! hash of the address stays so that no import adds them back, and every other trace
//! goes too: the ledger's rows keep that someone got an issue, not who (their bounce
//! reasons and server replies included); the mailbox log forgets the address, the
//! sender and the server's words; the outbox's `.eml` files written to them are removed;
//! and the write-ahead log is emptied, so with `secure_delete` no byte of them is left
//! in the files Tandem writes.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::db::suppression_hash;
use crate::store::{Store, StoreError};

impl Store {
    /// Erases a contact: the row and list memberships are deleted, a salted hash of the
    /// address is kept so that no later import adds the person back, and every other
    /// trace of the person goes too (see [`forget`]): the ledger's rows keep that
    /// someone got an issue, not who; the mailbox log forgets the address, the sender
    /// and the server's words; the outbox's `.eml` files written to them are removed;
    /// the write-ahead log is emptied so the deleted bytes are nowhere in the files.
    pub fn erase(
        &mut self,
        email: &str,
        random: &mut dyn FnMut() -> String,
    ) -> Result<Erased, StoreError> {
        let salt = self.salt(random)?;
        let tx = self.conn.transaction()?;
        let id: Option<i64> = tx
            .query_row(
                "SELECT id FROM contacts WHERE email = ?1",
                [email.trim()],
                |r| r.get(0),
            )
            .optional()?;
        let Some(id) = id else {
            return Err(StoreError::NotFound {
                what: format!("contact {}", email.trim()),
            });
        };
        let mut erased = forget(&tx, id, email.trim(), &salt)?;
        tx.commit()?;
        erased.finish(self)?;
        Ok(erased)
    }
}

/// What an erasure removed besides the contact, as the CLI and the app tell it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Erased {
    /// Ledger rows that now say "erased".
    pub ledger_rows: usize,
    /// Lines of the mailbox log that no longer name the person.
    pub mailbox_rows: usize,
    /// `.eml` files of the outbox folder that were written to the person and removed.
    pub outbox_files: usize,
    /// Outbox files that could not be removed (each with the reason): the person is
    /// told to delete them by hand.
    pub files_left: Vec<String>,
    /// Whether the write-ahead log could be emptied (another program was reading).
    pub wal_scrubbed: bool,
    #[serde(skip)]
    #[ts(skip)]
    message_ids: Vec<String>,
}

impl Erased {
    pub(super) fn add(&mut self, other: Erased) {
        self.ledger_rows += other.ledger_rows;
        self.mailbox_rows += other.mailbox_rows;
        self.message_ids.extend(other.message_ids);
    }

    /// After the commit: the outbox files, then the write-ahead log.
    pub(super) fn finish(&mut self, store: &Store) -> Result<(), StoreError> {
        let mut dirs: Vec<std::path::PathBuf> = Vec::new();
        if let Some(dir) = store.path().and_then(|p| p.parent()) {
            dirs.push(dir.join("outbox"));
        }
        // Runs that went to a folder of the user's choosing name it in their destination
        // (JSON of the send room; only its `dir` is read here).
        let mut stmt = store.conn.prepare(
            "SELECT destination FROM send_runs
             UNION SELECT destination FROM send_destination_changes
             UNION SELECT previous FROM send_destination_changes",
        )?;
        let json: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for text in json {
            if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&text) {
                if let Some(serde_json::Value::String(dir)) = map.get("dir") {
                    if !dir.trim().is_empty() {
                        dirs.push(dir.trim().into());
                    }
                }
            }
        }
        dirs.sort();
        dirs.dedup();
        for id in std::mem::take(&mut self.message_ids) {
            for dir in &dirs {
                let file = crate::paths::outbox_file(dir, &id);
                for path in [file.with_extension("eml.tmp"), file] {
                    match std::fs::remove_file(&path) {
                        Ok(()) => {
                            if path.extension().is_some_and(|e| e == "eml") {
                                self.outbox_files += 1;
                            }
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => self.files_left.push(format!("{}: {e}", path.display())),
                    }
                }
            }
        }
        self.wal_scrubbed = store.scrub_wal()?;
        Ok(())
    }
}

/// Makes the ledger forget `email`: its rows keep that someone got the issue, not who,
/// and a bounce's reason or a server's reply quoting the address on another row (a
/// forward) goes too. How many rows were sent to the address.
pub fn forget_in_ledger(conn: &rusqlite::Connection, email: &str) -> Result<usize, StoreError> {
    let rows = conn.execute(
        "UPDATE send_recipients SET email = 'erased-' || id, name = '',
                unsubscribe_token = '', reply = '', bounce_reason = ''
         WHERE email = ?1 COLLATE NOCASE",
        [email],
    )?;
    conn.execute(
        "UPDATE send_recipients SET bounce_reason = '', reply = ''
         WHERE instr(lower(bounce_reason), lower(?1)) > 0 OR instr(lower(reply), lower(?1)) > 0",
        [email],
    )?;
    Ok(rows)
}

/// Removes every trace of contact `id` (address `email`) inside `tx`, keeping the
/// salted hash that stops an import adding them back.
pub(super) fn forget(
    tx: &Transaction<'_>,
    id: i64,
    email: &str,
    salt: &str,
) -> Result<Erased, StoreError> {
    // The mailbox log: lines about the contact, or naming the address anywhere (a bounce
    // quotes it, a request comes from it). The kind and state stay for the counts.
    let mailbox_rows = tx.execute(
        "UPDATE mailbox_actions SET email = '', sender = '', subject = '', diagnostic = '',
                note = ''
         WHERE contact_id = ?1
            OR instr(lower(email), lower(?2)) > 0
            OR instr(lower(sender), lower(?2)) > 0
            OR instr(lower(diagnostic), lower(?2)) > 0
            OR instr(lower(subject), lower(?2)) > 0",
        params![id, email],
    )?;
    let mut erased = Erased {
        mailbox_rows,
        ..Erased::default()
    };
    // The ledger: the rows keep that someone got the issue, not who; their Message-IDs
    // find the outbox files written to them.
    {
        let mut stmt =
            tx.prepare("SELECT message_id FROM send_recipients WHERE email = ?1 COLLATE NOCASE")?;
        erased.message_ids = stmt
            .query_map([email], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
    }
    erased.ledger_rows = forget_in_ledger(tx, email)?;
    tx.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    tx.execute(
        "INSERT OR IGNORE INTO suppressions (hash) VALUES (?1)",
        [suppression_hash(salt, email)],
    )?;
    Ok(erased)
}
