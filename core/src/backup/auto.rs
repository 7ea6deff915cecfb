//! When the app backs up by itself: right after a send ends, an import or a bulk change
//! to contacts, and when it quits; otherwise at most every [`EVERY`] while something
//! changed. Whether something changed is read from the database file and its
//! write-ahead log (size and time), so no connection stays open between two looks (a
//! restore needs the file to itself). The clock is passed in.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};

use super::{make_and_thin_with, Backup, BackupError};
use crate::store::{Store, StoreError};

/// The most time between two backups while the data changes.
pub const EVERY: Duration = Duration::minutes(30);

/// Why a backup is made now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A send ended, contacts were imported or changed in bulk, the app quits.
    Event,
    /// The periodic look.
    Timer,
}

/// What the database file and its log look like: they change with every commit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fingerprint(Vec<(u64, Option<std::time::SystemTime>)>);

impl Fingerprint {
    pub fn of(db: &Path) -> Fingerprint {
        let mut parts = Vec::new();
        for suffix in ["", "-wal"] {
            let meta = std::fs::metadata(crate::paths::with_suffix(db, suffix)).ok();
            parts.push((
                meta.as_ref().map_or(0, std::fs::Metadata::len),
                meta.and_then(|m| m.modified().ok()),
            ));
        }
        Fingerprint(parts)
    }
}

/// The state of the automatic backups of one database.
#[derive(Debug, Default)]
pub struct Schedule {
    last_at: Option<DateTime<Utc>>,
    last_seen: Option<Fingerprint>,
}

impl Schedule {
    /// A schedule that counts the state at start as backed up (nothing changed yet).
    pub fn starting(db: &Path, now: DateTime<Utc>) -> Schedule {
        Schedule {
            last_at: Some(now),
            last_seen: Some(Fingerprint::of(db)),
        }
    }

    /// Whether to back up now: on an event when anything changed since the last one;
    /// on the timer when something changed and the last is at least [`EVERY`] old.
    pub fn due(&self, reason: Reason, now: DateTime<Utc>, seen: &Fingerprint) -> bool {
        let changed = self.last_seen.as_ref() != Some(seen);
        match reason {
            Reason::Event => changed,
            Reason::Timer => changed && self.last_at.is_none_or(|t| now - t >= EVERY),
        }
    }

    /// Records a backup made at `now` of the file as `seen`.
    pub fn done(&mut self, now: DateTime<Utc>, seen: Fingerprint) {
        self.last_at = Some(now);
        self.last_seen = Some(seen);
    }

    /// Backs `db` up into `dirs` (the backups folder, and the user's second folder when
    /// set) if it is due, encrypted under `passphrase` when one is set; the backups made
    /// (an error per folder that failed).
    pub fn run(
        &mut self,
        reason: Reason,
        db: &Path,
        dirs: &[PathBuf],
        now: DateTime<Utc>,
        passphrase: Option<&str>,
    ) -> Result<Vec<Result<Backup, BackupError>>, StoreError> {
        let seen = Fingerprint::of(db);
        if !self.due(reason, now, &seen) {
            return Ok(Vec::new());
        }
        let store = Store::open(db)?;
        let made: Vec<_> = dirs
            .iter()
            .map(|dir| make_and_thin_with(&store, dir, now, passphrase).map(|(b, _)| b))
            .collect();
        drop(store);
        if made.iter().any(Result::is_ok) {
            self.done(now, Fingerprint::of(db));
        }
        Ok(made)
    }
}

/// The setting naming the second folder backups also go to (a synced folder, a USB
/// stick), if the user chose one.
pub const SECOND_FOLDER: &str = "backup_second_folder";

impl Store {
    /// The second folder backups also go to, if one was chosen.
    pub fn backup_second_folder(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .setting(SECOND_FOLDER)?
            .filter(|s| !s.trim().is_empty()))
    }

    /// Chooses (or, with `None`, forgets) the second folder.
    pub fn set_backup_second_folder(&self, dir: Option<&str>) -> Result<(), StoreError> {
        self.set_setting(SECOND_FOLDER, dir.unwrap_or_default().trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-04T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
            + Duration::minutes(minutes)
    }

    #[test]
    fn events_back_up_what_changed_and_the_timer_waits_half_an_hour() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.sqlite3");
        let backups = vec![dir.path().join("backups")];
        let store = Store::open(&db).unwrap();
        let mut schedule = Schedule::starting(&db, at(0));
        // Nothing changed: no backup, whatever the reason.
        assert!(schedule
            .run(Reason::Event, &db, &backups, at(1), None)
            .unwrap()
            .is_empty());
        assert!(schedule
            .run(Reason::Timer, &db, &backups, at(90), None)
            .unwrap()
            .is_empty());
        // A change: the timer waits until half an hour after the last backup…
        store.set_setting("k", "1").unwrap();
        let mut schedule = Schedule::starting(&db, at(0));
        store.set_setting("k", "2").unwrap();
        assert!(schedule
            .run(Reason::Timer, &db, &backups, at(29), None)
            .unwrap()
            .is_empty());
        let made = schedule
            .run(Reason::Timer, &db, &backups, at(30), None)
            .unwrap();
        assert!(made.len() == 1 && made[0].is_ok(), "{made:?}");
        // …an event does not wait, but needs a change too.
        assert!(schedule
            .run(Reason::Event, &db, &backups, at(31), None)
            .unwrap()
            .is_empty());
        store.set_setting("k", "3").unwrap();
        assert_eq!(
            schedule
                .run(Reason::Event, &db, &backups, at(32), None)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(super::super::list(&backups[0], false).unwrap().len(), 2);
    }
}
