//! Issues, their blocks and images in the database. Every change is one transaction;
//! a block is saved on its own (autosave writes one row), and nothing invalid (unsafe
//! link, line break in a one-line field, image that is not one of the issue's files) is
//! ever written.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{Store, StoreError};
use crate::model::{Bilingual, Block, Issue, IssueStatus, Problem, Text};

/// An issue as stored: its database id and the ids of its blocks, in order
/// (`block_ids[i]` is the id of `issue.blocks[i]`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StoredIssue {
    #[ts(type = "number")]
    pub id: i64,
    pub issue: Issue,
    #[ts(type = "number[]")]
    pub block_ids: Vec<i64>,
}

/// One line of the issue list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IssueSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub number: u32,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub subject: Text,
    pub status: IssueStatus,
    pub blocks: usize,
    /// Positions (from 0) of blocks missing a language.
    pub incomplete_blocks: Vec<usize>,
    /// Texts a translation service wrote and nobody has reread yet.
    pub machine_drafts: u32,
}

/// The fields of an issue other than its blocks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[ts(export)]
pub struct IssueMeta {
    pub number: u32,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub subject: Text,
    pub preheader: Text,
}

/// `issues.machine_draft` as written: "fr", "nl", "fr,nl" or "".
fn langs_code(langs: &[crate::model::Lang]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

fn langs_of(code: &str) -> Vec<crate::model::Lang> {
    crate::model::Lang::BOTH
        .into_iter()
        .filter(|l| code.split(',').any(|c| c == l.code()))
        .collect()
}

/// What a person may change about a side's machine-draft mark: clear it (edit, "reread,
/// OK"), never set it (only a translation does). A marked side whose text changed is
/// no longer a machine draft.
fn kept_marks(
    before: &[crate::model::Lang],
    after: &[crate::model::Lang],
    changed: impl Fn(crate::model::Lang) -> bool,
) -> Vec<crate::model::Lang> {
    after
        .iter()
        .copied()
        .filter(|l| before.contains(l) && !changed(*l))
        .collect()
}

fn refuse_errors(problems: Vec<Problem>) -> Result<(), StoreError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(problems))
    }
}

fn status_code(s: IssueStatus) -> &'static str {
    match s {
        IssueStatus::Draft => "draft",
        IssueStatus::Sent => "sent",
    }
}

fn insert_block(
    tx: &Transaction<'_>,
    issue_id: i64,
    position: usize,
    block: &Block,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(block).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO blocks (issue_id, position, data) VALUES (?1, ?2, ?3)",
        params![issue_id, position as i64, data],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Rewrites positions 0..n in the given order.
fn renumber(tx: &Transaction<'_>, ids: &[i64]) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached("UPDATE blocks SET position = ?1 WHERE id = ?2")?;
    for (pos, id) in ids.iter().enumerate() {
        stmt.execute(params![pos as i64, id])?;
    }
    Ok(())
}

fn touch(tx: &Transaction<'_>, issue_id: i64) -> Result<(), StoreError> {
    let n = tx.execute(
        "UPDATE issues SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        [issue_id],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound {
            what: format!("issue {issue_id}"),
        });
    }
    Ok(())
}

fn block_ids(tx: &rusqlite::Connection, issue_id: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt =
        tx.prepare_cached("SELECT id FROM blocks WHERE issue_id = ?1 ORDER BY position, id")?;
    let ids = stmt
        .query_map([issue_id], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}

impl Store {
    /// Adds a whole issue (import, sample, duplicate) and returns its id.
    pub fn create_issue(&mut self, issue: &Issue) -> Result<i64, StoreError> {
        self.create_issue_with_assets(issue, &[])
    }

    /// Adds an issue and its images in one transaction: all of it, or nothing.
    pub fn create_issue_with_assets(
        &mut self,
        issue: &Issue,
        assets: &[super::Asset],
    ) -> Result<i64, StoreError> {
        refuse_errors(issue.check().errors)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO issues (number, date, subject_fr, subject_nl, preheader_fr, preheader_nl, status,
                machine_draft)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                issue.number,
                issue.date.to_string(),
                issue.subject.fr,
                issue.subject.nl,
                issue.preheader.fr,
                issue.preheader.nl,
                status_code(issue.status),
                langs_code(&issue.machine_draft)
            ],
        )?;
        let id = tx.last_insert_rowid();
        for (pos, block) in issue.blocks.iter().enumerate() {
            insert_block(&tx, id, pos, block)?;
        }
        for asset in assets {
            super::assets::put(&tx, id, asset)?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// One issue with its blocks in order.
    pub fn issue(&self, id: i64) -> Result<StoredIssue, StoreError> {
        let meta = self
            .conn
            .query_row(
                "SELECT number, date, subject_fr, subject_nl, preheader_fr, preheader_nl, status,
                        machine_draft
                 FROM issues WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, u32>(0)?,
                        r.get::<_, String>(1)?,
                        Bilingual::new(r.get(2)?, r.get(3)?),
                        Bilingual::new(r.get(4)?, r.get(5)?),
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("issue {id}"),
            })?;
        let (number, date, subject, preheader, status, machine_draft) = meta;
        let date = date
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("issue {id} date {date:?}")))?;
        let status = if status == "sent" {
            IssueStatus::Sent
        } else {
            IssueStatus::Draft
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, data FROM blocks WHERE issue_id = ?1 ORDER BY position, id",
        )?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut blocks = Vec::with_capacity(rows.len());
        let mut block_ids = Vec::with_capacity(rows.len());
        for (block_id, data) in rows {
            let block: Block = serde_json::from_str(&data)
                .map_err(|e| StoreError::Corrupt(format!("block {block_id}: {e}")))?;
            blocks.push(block);
            block_ids.push(block_id);
        }
        Ok(StoredIssue {
            id,
            issue: Issue {
                number,
                date,
                subject,
                preheader,
                blocks,
                status,
                machine_draft: langs_of(&machine_draft),
            },
            block_ids,
        })
    }

    /// Every issue, newest first.
    pub fn issues(&self) -> Result<Vec<IssueSummary>, StoreError> {
        let ids: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM issues ORDER BY date DESC, number DESC, id DESC")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        ids.into_iter()
            .map(|id| {
                let stored = self.issue(id)?;
                let report = stored.issue.check();
                Ok(IssueSummary {
                    id,
                    number: stored.issue.number,
                    date: stored.issue.date,
                    subject: stored.issue.subject.clone(),
                    status: stored.issue.status,
                    blocks: stored.issue.blocks.len(),
                    incomplete_blocks: report.incomplete_blocks(),
                    machine_drafts: stored.issue.machine_drafts(),
                })
            })
            .collect()
    }

    /// Saves the issue's own fields (number, date, subject, preheader).
    pub fn save_issue_meta(&mut self, id: i64, meta: &IssueMeta) -> Result<(), StoreError> {
        let mut probe = self.issue(id)?.issue;
        let marks = kept_marks(&probe.machine_draft, &probe.machine_draft, |l| {
            probe.subject.get(l) != meta.subject.get(l)
                || probe.preheader.get(l) != meta.preheader.get(l)
        });
        probe.number = meta.number;
        probe.date = meta.date;
        probe.subject = meta.subject.clone();
        probe.preheader = meta.preheader.clone();
        refuse_errors(
            probe
                .check()
                .errors
                .into_iter()
                .filter(|p| p.block.is_none())
                .collect(),
        )?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE issues SET number = ?2, date = ?3, subject_fr = ?4, subject_nl = ?5,
               preheader_fr = ?6, preheader_nl = ?7, machine_draft = ?8,
               updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1",
            params![
                id,
                meta.number,
                meta.date.to_string(),
                meta.subject.fr,
                meta.subject.nl,
                meta.preheader.fr,
                meta.preheader.nl,
                langs_code(&marks)
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A person has reread the subject and preheader in `lang`: no longer a machine draft.
    pub fn clear_issue_draft(
        &mut self,
        id: i64,
        lang: crate::model::Lang,
    ) -> Result<(), StoreError> {
        let issue = self.issue(id)?.issue;
        let marks: Vec<_> = issue
            .machine_draft
            .into_iter()
            .filter(|l| *l != lang)
            .collect();
        self.conn.execute(
            "UPDATE issues SET machine_draft = ?2 WHERE id = ?1",
            params![id, langs_code(&marks)],
        )?;
        Ok(())
    }

    /// Saves one block's content (the autosave path: one row).
    /// A machine-draft mark can only be kept or cleared this way, and a marked side
    /// whose text changed loses it (a person edited it).
    pub fn save_block(
        &mut self,
        issue_id: i64,
        block_id: i64,
        block: &Block,
    ) -> Result<(), StoreError> {
        let before: Option<Block> = self
            .conn
            .query_row(
                "SELECT data FROM blocks WHERE id = ?2 AND issue_id = ?1",
                params![issue_id, block_id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .and_then(|data| serde_json::from_str(&data).ok());
        let mut block = block.clone();
        block.machine_draft = match &before {
            Some(before) => kept_marks(&before.machine_draft, &block.machine_draft, |l| {
                before.side(l) != block.side(l)
            }),
            None => Vec::new(),
        };
        self.write_block(issue_id, block_id, &block)
    }

    /// Saves a block a translation service filled (its machine-draft marks as given).
    pub fn save_translated_block(
        &mut self,
        issue_id: i64,
        block_id: i64,
        block: &Block,
    ) -> Result<(), StoreError> {
        self.write_block(issue_id, block_id, block)
    }

    /// Saves the subject and preheader a translation service filled, with their marks.
    pub fn save_translated_meta(&mut self, id: i64, issue: &Issue) -> Result<(), StoreError> {
        self.save_issue_meta(
            id,
            &IssueMeta {
                number: issue.number,
                date: issue.date,
                subject: issue.subject.clone(),
                preheader: issue.preheader.clone(),
            },
        )?;
        self.conn.execute(
            "UPDATE issues SET machine_draft = ?2 WHERE id = ?1",
            params![id, langs_code(&issue.machine_draft)],
        )?;
        Ok(())
    }

    fn write_block(
        &mut self,
        issue_id: i64,
        block_id: i64,
        block: &Block,
    ) -> Result<(), StoreError> {
        self.check_block(issue_id, block_id, block)?;
        let data = serde_json::to_string(block).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "UPDATE blocks SET data = ?3, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?2 AND issue_id = ?1",
            params![issue_id, block_id, data],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: format!("block {block_id} of issue {issue_id}"),
            });
        }
        touch(&tx, issue_id)?;
        tx.commit()?;
        Ok(())
    }

    /// Inserts a block at `position` (clamped to the end) and returns its id.
    pub fn add_block(
        &mut self,
        issue_id: i64,
        position: usize,
        block: &Block,
    ) -> Result<i64, StoreError> {
        self.check_block(issue_id, -1, block)?;
        let tx = self.conn.transaction()?;
        touch(&tx, issue_id)?;
        let mut ids = block_ids(&tx, issue_id)?;
        let position = position.min(ids.len());
        let id = insert_block(&tx, issue_id, position, block)?;
        ids.insert(position, id);
        renumber(&tx, &ids)?;
        tx.commit()?;
        Ok(id)
    }

    /// Removes a block.
    pub fn delete_block(&mut self, issue_id: i64, block_id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "DELETE FROM blocks WHERE id = ?2 AND issue_id = ?1",
            params![issue_id, block_id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: format!("block {block_id} of issue {issue_id}"),
            });
        }
        touch(&tx, issue_id)?;
        renumber(&tx, &block_ids(&tx, issue_id)?)?;
        tx.commit()?;
        Ok(())
    }

    /// Moves a block to `position` (clamped), shifting the others.
    pub fn move_block(
        &mut self,
        issue_id: i64,
        block_id: i64,
        position: usize,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let mut ids = block_ids(&tx, issue_id)?;
        let from =
            ids.iter()
                .position(|id| *id == block_id)
                .ok_or_else(|| StoreError::NotFound {
                    what: format!("block {block_id} of issue {issue_id}"),
                })?;
        let id = ids.remove(from);
        ids.insert(position.min(ids.len()), id);
        renumber(&tx, &ids)?;
        touch(&tx, issue_id)?;
        tx.commit()?;
        Ok(())
    }

    /// A new draft made from issue `from` ("New issue from…"): its blocks, texts, images
    /// and alt texts, its machine-draft marks, the next number and `date`; never its
    /// ledger (sends stay with the issue they sent).
    pub fn issue_from(&mut self, from: i64, date: NaiveDate) -> Result<i64, StoreError> {
        let source = self.issue(from)?.issue;
        let assets = self.assets(from)?;
        let number = self.issues()?.iter().map(|i| i.number).max().unwrap_or(0) + 1;
        let issue = Issue {
            number,
            date,
            status: IssueStatus::Draft,
            ..source
        };
        self.create_issue_with_assets(&issue, &assets)
    }

    /// Deletes a draft ("Delete this issue"); a sent issue stays, for its ledger.
    pub fn delete_draft(&mut self, id: i64) -> Result<(), StoreError> {
        if self.issue(id)?.issue.status == IssueStatus::Sent {
            return Err(StoreError::SentIssueKept(id));
        }
        self.delete_issue(id)
    }

    /// Deletes an issue with its blocks and images.
    pub fn delete_issue(&mut self, id: i64) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM issues WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: format!("issue {id}"),
            });
        }
        Ok(())
    }

    /// Adds the sample issue the first time a database is used, never again (so a
    /// user who deleted it does not see it come back). Returns its id when added.
    pub fn seed_sample_once(&mut self) -> Result<Option<i64>, StoreError> {
        if self.setting("sample_seeded")?.is_some() {
            return Ok(None);
        }
        let empty: i64 = self
            .conn
            .query_row("SELECT count(*) FROM issues", [], |r| r.get(0))?;
        let id = if empty == 0 {
            Some(self.create_issue(&Issue::sample())?)
        } else {
            None
        };
        self.set_setting("sample_seeded", "1")?;
        Ok(id)
    }

    fn check_block(&self, issue_id: i64, block_id: i64, block: &Block) -> Result<(), StoreError> {
        let probe = Issue {
            number: 0,
            date: NaiveDate::default(),
            subject: Text::default(),
            preheader: Text::default(),
            blocks: vec![block.clone()],
            status: IssueStatus::Draft,
            machine_draft: Vec::new(),
        };
        // Name the block by its position in the stored issue when known.
        let position = block_ids(&self.conn, issue_id)?
            .iter()
            .position(|id| *id == block_id);
        let errors: Vec<Problem> = probe
            .check()
            .errors
            .into_iter()
            .filter(|p| p.block.is_some())
            .map(|mut p| {
                p.block = position.or(p.block);
                p
            })
            .collect();
        refuse_errors(errors)
    }
}
