//! An issue's images, stored already processed (see `media`).

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// One stored image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// File name, referenced from blocks as `assets/NAME`.
    pub name: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

impl Store {
    /// Stores (or replaces) an image of an issue.
    pub fn put_asset(&mut self, issue_id: i64, asset: &Asset) -> Result<(), StoreError> {
        put(&self.conn, issue_id, asset)
    }

    /// One image of an issue by file name.
    pub fn asset(&self, issue_id: i64, name: &str) -> Result<Asset, StoreError> {
        self.conn
            .query_row(
                "SELECT name, mime, width, height, bytes FROM assets WHERE issue_id = ?1 AND name = ?2",
                params![issue_id, name],
                row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: format!("image {name} of issue {issue_id}") })
    }

    /// Every image of an issue, by name.
    pub fn assets(&self, issue_id: i64) -> Result<Vec<Asset>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT name, mime, width, height, bytes FROM assets WHERE issue_id = ?1 ORDER BY name",
        )?;
        let rows = stmt.query_map([issue_id], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

pub(super) fn put(conn: &rusqlite::Connection, issue_id: i64, a: &Asset) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO assets (issue_id, name, mime, width, height, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(issue_id, name) DO UPDATE SET mime = excluded.mime, width = excluded.width,
           height = excluded.height, bytes = excluded.bytes",
        params![issue_id, a.name, a.mime, a.width, a.height, a.bytes],
    )?;
    Ok(())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Asset> {
    Ok(Asset {
        name: r.get(0)?,
        mime: r.get(1)?,
        width: r.get(2)?,
        height: r.get(3)?,
        bytes: r.get(4)?,
    })
}
