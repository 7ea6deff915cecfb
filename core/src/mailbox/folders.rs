//! Where reading each folder stopped (UIDVALIDITY and the last UID read), how far back a
//! first check reads, and the moves to the `Tandem` folder: each taken on in the
//! database before the server is asked, so two checks at once never both move a message.

use rusqlite::{params, OptionalExtension};

use crate::store::{Store, StoreError};

/// Where reading a folder stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderState {
    pub uidvalidity: u32,
    pub last_uid: u32,
}

/// How long a check's claim on a move holds (10 minutes): a check stops waiting for a
/// server long before (its timeout), so an older claim is one whose check was killed.
pub const STALE_MOVE_CLAIM_MS: i64 = 10 * 60 * 1000;

impl Store {
    /// Where reading `folder` stopped, if it ever started.
    pub fn mailbox_folder(&self, folder: &str) -> Result<Option<FolderState>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT uidvalidity, last_uid FROM mailbox_folders WHERE name = ?1",
                [folder],
                |r| {
                    Ok(FolderState {
                        uidvalidity: r.get(0)?,
                        last_uid: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Starts `folder` over (its UIDVALIDITY changed: old UIDs mean nothing now).
    pub fn reset_mailbox_folder(&self, folder: &str, uidvalidity: u32) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO mailbox_folders (name, uidvalidity, last_uid) VALUES (?1, ?2, 0)
             ON CONFLICT (name) DO UPDATE SET uidvalidity = ?2, last_uid = 0",
            params![folder, uidvalidity],
        )?;
        Ok(())
    }

    /// Marks every message of `folder` up to `uid` as read (never backwards, and only
    /// while its UIDVALIDITY is still `uidvalidity`): a check that searched the whole
    /// folder up to there, having acted on what it found.
    pub fn advance_mailbox_folder(
        &self,
        folder: &str,
        uidvalidity: u32,
        uid: u32,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE mailbox_folders SET last_uid = MAX(last_uid, ?3)
             WHERE name = ?1 AND uidvalidity = ?2",
            params![folder, uidvalidity, uid],
        )?;
        Ok(())
    }

    /// Where in time the mailbox is worth reading from (ms since the epoch): a day before
    /// Tandem's first send (a bounce or an unsubscribe answers a send; older mail in the
    /// office's inbox is none of Tandem's business), or a day ago when nothing was sent
    /// yet. The day is for servers that compare dates in their own time zone.
    pub fn mailbox_horizon(&self) -> Result<i64, StoreError> {
        let first: Option<i64> =
            self.conn
                .query_row("SELECT MIN(created_at) FROM send_runs", [], |r| r.get(0))?;
        const DAY_MS: i64 = 24 * 3600 * 1000;
        Ok(first.unwrap_or_else(crate::clock::now_ms) - DAY_MS)
    }

    /// Messages recorded as to be moved that the server has not moved yet and that no
    /// running check has taken on (a check that stopped between recording and moving,
    /// or one killed after taking a move on: its claim is stale after
    /// [`STALE_MOVE_CLAIM_MS`]).
    pub fn mailbox_pending_moves(
        &self,
        folder: &str,
        uidvalidity: u32,
    ) -> Result<Vec<u32>, StoreError> {
        let stale = crate::clock::now_ms() - STALE_MOVE_CLAIM_MS;
        let mut stmt = self.conn.prepare(
            "SELECT uid FROM mailbox_messages WHERE folder = ?1 AND uidvalidity = ?2
             AND move = 1 AND moved_at IS NULL
             AND (move_claimed_at IS NULL OR move_claimed_at < ?3) ORDER BY uid",
        )?;
        let uids = stmt
            .query_map(params![folder, uidvalidity, stale], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(uids)
    }

    /// Takes the move of `uids` on for this check: each only where no other check holds
    /// it (two checks at once must not both move a message: the server would keep two
    /// copies), or where the check that took it on stopped long ago. Returns the ones
    /// taken, in one transaction; [`Store::mailbox_moves_done`] or
    /// [`Store::mailbox_unclaim_moves`] follows.
    pub fn mailbox_claim_moves(
        &mut self,
        folder: &str,
        uidvalidity: u32,
        uids: &[u32],
    ) -> Result<Vec<u32>, StoreError> {
        let now = crate::clock::now_ms();
        let tx = self.conn.transaction()?;
        let mut claimed = Vec::new();
        for &uid in uids {
            let n = tx.execute(
                "UPDATE mailbox_messages SET move_claimed_at = ?4
                 WHERE folder = ?1 AND uidvalidity = ?2 AND uid = ?3
                 AND move = 1 AND moved_at IS NULL
                 AND (move_claimed_at IS NULL OR move_claimed_at < ?5)",
                params![folder, uidvalidity, uid, now, now - STALE_MOVE_CLAIM_MS],
            )?;
            if n == 1 {
                claimed.push(uid);
            }
        }
        tx.commit()?;
        Ok(claimed)
    }

    /// Records that the server moved `uids` (taken on by this check).
    pub fn mailbox_moves_done(
        &mut self,
        folder: &str,
        uidvalidity: u32,
        uids: &[u32],
    ) -> Result<(), StoreError> {
        let now = crate::clock::now_ms();
        let tx = self.conn.transaction()?;
        for &uid in uids {
            tx.execute(
                "UPDATE mailbox_messages SET moved_at = ?4
                 WHERE folder = ?1 AND uidvalidity = ?2 AND uid = ?3",
                params![folder, uidvalidity, uid, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Gives back moves taken on that did not happen (the server refused or the
    /// connection was cut): the next check does them.
    pub fn mailbox_unclaim_moves(
        &mut self,
        folder: &str,
        uidvalidity: u32,
        uids: &[u32],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for &uid in uids {
            tx.execute(
                "UPDATE mailbox_messages SET move_claimed_at = NULL
                 WHERE folder = ?1 AND uidvalidity = ?2 AND uid = ?3 AND moved_at IS NULL",
                params![folder, uidvalidity, uid],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
