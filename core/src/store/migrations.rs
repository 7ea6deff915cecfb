//! Embedded, numbered schema migrations tracked by `PRAGMA user_version`.
//!
//! Rule: a migration that has shipped is never edited; add the next numbered file.

use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use super::StoreError;

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::from_slice(SOURCES));

const SOURCES: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_init.sql")),
    M::up(include_str!("../../migrations/0002_issues.sql")),
    M::up(include_str!("../../migrations/0003_contacts.sql")),
    M::up(include_str!("../../migrations/0004_sends.sql")),
    M::up(include_str!("../../migrations/0005_destinations.sql")),
    M::up(include_str!("../../migrations/0006_mailbox.sql")),
    M::up(include_str!("../../migrations/0007_translation.sql")),
    M::up(include_str!("../../migrations/0008_move_claims.sql")),
    M::up(include_str!(
        "../../migrations/0009_minimal_mailbox_log.sql"
    )),
];

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    SOURCES.len() as u32
}

/// The schema version recorded in the database.
pub fn current_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as u32)
}

/// Refuses a database written by a newer Tandem, whose schema this build cannot know.
pub(super) fn check_not_newer(found: u32) -> Result<(), StoreError> {
    let supported = latest_version();
    if found > supported {
        return Err(StoreError::TooNew { found, supported });
    }
    Ok(())
}

/// Brings `conn` to [`latest_version`] (rusqlite_migration runs each step in a transaction).
pub(super) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    check_not_newer(current_version(conn)?)?;
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }
}
