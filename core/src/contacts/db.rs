//! The contacts file in the database: imports applied in one transaction (never
//! re-subscribing anyone who left), CSV export, and the GDPR actions (show everything
//! held on one person, unsubscribe, erase leaving only a salted hash).

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::erase::{forget, Erased};
use super::{ContactLanguage, ContactStatus, OnDuplicate, ParsedFile, ProblemCount, RowProblem};
use crate::store::{Store, StoreError};
use crate::text::fold;

/// The result of an import, as `tandem contacts import` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub rows: usize,
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub duplicates: usize,
    /// The first `MAX_LISTED_PROBLEMS` rows not imported.
    pub rejected: Vec<RowProblem>,
    /// Every row not imported, counted by reason.
    pub rejected_counts: Vec<ProblemCount>,
}

/// Everything held on one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub language: ContactLanguage,
    pub lists: Vec<String>,
    pub status: ContactStatus,
    /// Why the status is what it is when it was changed by reading the mailbox:
    /// `email_request`, `bounce`, `soft_bounces`; otherwise empty.
    pub status_reason: String,
    /// When that happened (`YYYY-MM-DDTHH:MM:SS.sssZ`), or empty.
    pub status_at: String,
    pub consent_source: String,
    pub consent_date: String,
    pub notes: String,
    pub unsubscribe_token: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The setting that holds the salt of the suppression hashes.
pub const SALT_KEY: &str = "suppression_salt";

/// What search matches: address, names (also "first last") and organisation, folded.
fn search_text(email: &str, first: &str, last: &str, organisation: &str) -> String {
    fold(&format!("{email} {first} {last} {organisation} {first}"))
}

/// Refreshes the folded search text of one contact.
fn reindex(tx: &rusqlite::Connection, id: i64) -> Result<(), StoreError> {
    let c = read_contact(tx, id)?;
    let text = search_text(&c.email, &c.first_name, &c.last_name, &c.organisation);
    tx.execute(
        "UPDATE contacts SET search = ?2 WHERE id = ?1",
        params![id, text],
    )?;
    Ok(())
}

/// The salted hash an erasure keeps of an address (the salt is the installation's
/// `suppression_salt` setting).
pub fn suppression_hash(salt: &str, email: &str) -> String {
    let digest = Sha256::digest(format!("{salt}\u{0}{}", email.trim().to_lowercase()));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The list called `name` whatever its case ("Presse", "presse" and "PRESSE" are one
/// list, and so are "Éducation" and "éducation": SQLite's NOCASE folds only ASCII), made
/// if there is none; the first spelling stays.
fn list_id(tx: &Transaction<'_>, name: &str) -> Result<i64, StoreError> {
    let folded = name.to_lowercase();
    let existing = {
        let mut stmt = tx.prepare_cached("SELECT id, name FROM lists")?;
        let mut rows = stmt.query([])?;
        let mut found = None;
        while let Some(r) = rows.next()? {
            if r.get::<_, String>(1)?.to_lowercase() == folded {
                found = Some(r.get(0)?);
                break;
            }
        }
        found
    };
    match existing {
        Some(id) => Ok(id),
        None => {
            tx.execute("INSERT INTO lists (name) VALUES (?1)", [name])?;
            Ok(tx.last_insert_rowid())
        }
    }
}

fn read_contact(conn: &rusqlite::Connection, id: i64) -> Result<Contact, StoreError> {
    let mut c = conn.query_row(
        "SELECT id, email, first_name, last_name, organisation, language, status, consent_source,
                consent_date, notes, unsubscribe_token, created_at, updated_at, status_reason,
                status_at
         FROM contacts WHERE id = ?1",
        [id],
        |r| {
            Ok(Contact {
                id: r.get(0)?,
                email: r.get(1)?,
                first_name: r.get(2)?,
                last_name: r.get(3)?,
                organisation: r.get(4)?,
                language: ContactLanguage::from_code(&r.get::<_, String>(5)?)
                    .unwrap_or(ContactLanguage::Both),
                lists: Vec::new(),
                status: ContactStatus::from_code(&r.get::<_, String>(6)?)
                    .unwrap_or(ContactStatus::Subscribed),
                status_reason: r.get(13)?,
                status_at: r.get(14)?,
                consent_source: r.get(7)?,
                consent_date: r.get(8)?,
                notes: r.get(9)?,
                unsubscribe_token: r.get(10)?,
                created_at: r.get(11)?,
                updated_at: r.get(12)?,
            })
        },
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT l.name FROM lists l JOIN contact_lists cl ON cl.list_id = l.id
         WHERE cl.contact_id = ?1 ORDER BY l.name",
    )?;
    c.lists = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(c)
}

impl Store {
    /// The salt of the suppression hashes, made once from `random`.
    pub(super) fn salt(&self, random: &mut dyn FnMut() -> String) -> Result<String, StoreError> {
        match self.setting(SALT_KEY)? {
            Some(s) => Ok(s),
            None => {
                let s = random();
                self.set_setting(SALT_KEY, &s)?;
                Ok(s)
            }
        }
    }

    /// Writes a parsed file in one transaction: all rows or none. New contacts get an
    /// unsubscribe token from `token`. Someone who unsubscribed, bounced or was erased is
    /// never subscribed again by an import.
    pub fn apply_import(
        &mut self,
        file: &ParsedFile,
        on_duplicate: OnDuplicate,
        token: &mut dyn FnMut() -> String,
    ) -> Result<ImportReport, StoreError> {
        let salt = self.setting(SALT_KEY)?;
        let mut report = ImportReport {
            rows: file.rows,
            ..Default::default()
        };
        report.rejected = file.problems.clone();
        report.rejected_counts = file.problem_counts.clone();
        report.duplicates = file
            .problem_counts
            .iter()
            .filter(|c| c.reason == "duplicate-in-file")
            .map(|c| c.count)
            .sum();
        // A large import touches more index pages than the default 2 MB cache holds; the
        // larger cache is for this import only (a long send must keep its memory flat).
        self.conn.execute_batch("PRAGMA cache_size = -32000")?;
        let result = self.apply_import_in_cache(file, on_duplicate, token, salt, report);
        self.conn.execute_batch("PRAGMA cache_size = -2000")?;
        result
    }

    fn apply_import_in_cache(
        &mut self,
        file: &ParsedFile,
        on_duplicate: OnDuplicate,
        token: &mut dyn FnMut() -> String,
        salt: Option<String>,
        mut report: ImportReport,
    ) -> Result<ImportReport, StoreError> {
        let tx = self.conn.transaction()?;
        // List name (lower case) -> id, so each list is looked up once per import.
        let mut lists: std::collections::HashMap<String, i64> = Default::default();
        for row in &file.valid {
            if let Some(salt) = &salt {
                let h = suppression_hash(salt, &row.email);
                let erased = tx
                    .prepare_cached("SELECT 1 FROM suppressions WHERE hash = ?1")?
                    .query_row([h], |_| Ok(()))
                    .optional()?;
                if erased.is_some() {
                    super::import::refuse_into(
                        &mut report.rejected,
                        &mut report.rejected_counts,
                        RowProblem {
                            line: row.line,
                            email: row.email.clone(),
                            reason: "erased".into(),
                        },
                    );
                    continue;
                }
            }
            // One index probe for a new address: insert, and look up only on conflict.
            let leaving = row.status.filter(|s| *s != ContactStatus::Subscribed);
            let inserted = tx
                .prepare_cached(
                    "INSERT INTO contacts (email, first_name, last_name, organisation, language, status,
                       consent_source, consent_date, notes, unsubscribe_token, search)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                     ON CONFLICT(email) DO NOTHING",
                )?
                .execute(params![
                    row.email,
                    row.first_name,
                    row.last_name,
                    row.organisation,
                    row.language.code(),
                    leaving.unwrap_or(ContactStatus::Subscribed).code(),
                    row.consent_source,
                    row.consent_date,
                    row.notes,
                    token(),
                    search_text(&row.email, &row.first_name, &row.last_name, &row.organisation)
                ])?;
            let existing: Option<i64> = if inserted == 1 {
                None
            } else {
                tx.prepare_cached("SELECT id FROM contacts WHERE email = ?1")?
                    .query_row([&row.email], |r| r.get(0))
                    .optional()?
            };
            // A status in the file can unsubscribe someone, never subscribe them back.
            let id = match existing {
                Some(_) if on_duplicate == OnDuplicate::Skip => {
                    report.duplicates += 1;
                    report.unchanged += 1;
                    continue;
                }
                Some(id) => {
                    let before = read_contact(&tx, id)?;
                    tx.execute(
                        "UPDATE contacts SET
                           first_name = CASE WHEN ?2 <> '' THEN ?2 ELSE first_name END,
                           last_name = CASE WHEN ?3 <> '' THEN ?3 ELSE last_name END,
                           organisation = CASE WHEN ?4 <> '' THEN ?4 ELSE organisation END,
                           language = ?5,
                           consent_source = CASE WHEN ?6 <> '' THEN ?6 ELSE consent_source END,
                           consent_date = CASE WHEN ?7 <> '' THEN ?7 ELSE consent_date END,
                           notes = CASE WHEN ?8 <> '' THEN ?8 ELSE notes END,
                           status = COALESCE(?9, status)
                         WHERE id = ?1",
                        params![
                            id,
                            row.first_name,
                            row.last_name,
                            row.organisation,
                            row.language.code(),
                            row.consent_source,
                            row.consent_date,
                            row.notes,
                            leaving.map(ContactStatus::code)
                        ],
                    )?;
                    for list in &row.lists {
                        let l = list_id(&tx, list)?;
                        tx.execute("INSERT OR IGNORE INTO contact_lists (contact_id, list_id) VALUES (?1, ?2)", params![id, l])?;
                    }
                    reindex(&tx, id)?;
                    let after = read_contact(&tx, id)?;
                    if (Contact {
                        updated_at: before.updated_at.clone(),
                        ..after
                    }) == before
                    {
                        report.unchanged += 1;
                    } else {
                        tx.execute("UPDATE contacts SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1", [id])?;
                        report.updated += 1;
                    }
                    continue;
                }
                None => {
                    report.imported += 1;
                    tx.last_insert_rowid()
                }
            };
            for list in &row.lists {
                let l = match lists.get(&list.to_lowercase()) {
                    Some(l) => *l,
                    None => {
                        let l = list_id(&tx, list)?;
                        lists.insert(list.to_lowercase(), l);
                        l
                    }
                };
                tx.prepare_cached(
                    "INSERT OR IGNORE INTO contact_lists (contact_id, list_id) VALUES (?1, ?2)",
                )?
                .execute(params![id, l])?;
            }
        }
        tx.commit()?;
        report.rejected.sort_by_key(|p| p.line);
        Ok(report)
    }

    /// Every contact (optionally only those on `list`), by address.
    pub fn contacts(&self, list: Option<&str>) -> Result<Vec<Contact>, StoreError> {
        let ids: Vec<i64> = match list {
            Some(name) => {
                let mut stmt = self.conn.prepare(
                    "SELECT c.id FROM contacts c JOIN contact_lists cl ON cl.contact_id = c.id
                     JOIN lists l ON l.id = cl.list_id WHERE l.name = ?1 ORDER BY c.email",
                )?;
                let rows = stmt.query_map([name], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            }
            None => {
                let mut stmt = self
                    .conn
                    .prepare("SELECT id FROM contacts ORDER BY email")?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            }
        };
        ids.into_iter()
            .map(|id| read_contact(&self.conn, id))
            .collect()
    }

    /// One contact by address (case-insensitive).
    pub fn contact(&self, email: &str) -> Result<Contact, StoreError> {
        let id: i64 = self
            .conn
            .query_row(
                "SELECT id FROM contacts WHERE email = ?1",
                [email.trim()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("contact {}", email.trim()),
            })?;
        read_contact(&self.conn, id)
    }

    /// Marks a contact unsubscribed (kept, so no import subscribes them again).
    pub fn unsubscribe(&mut self, email: &str) -> Result<(), StoreError> {
        let n = self.conn.execute(
            "UPDATE contacts SET status = 'unsubscribed', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE email = ?1",
            [email.trim()],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: format!("contact {}", email.trim()),
            });
        }
        Ok(())
    }
}

/// `FROM … WHERE …` of a search; parameters: pattern, list, language, status.
const FILTER_WHERE: &str = "FROM contacts c
     WHERE (?1 = '%%' OR c.search LIKE ?1)
       AND (?2 IS NULL OR EXISTS (SELECT 1 FROM contact_lists cl JOIN lists l ON l.id = cl.list_id
                                  WHERE cl.contact_id = c.id AND l.name = ?2))
       AND (?3 IS NULL OR c.language = ?3)
       AND (?4 IS NULL OR c.status = ?4)";

fn filter_pattern(filter: &ContactFilter) -> String {
    format!("%{}%", fold(filter.query.trim()).replace(['%', '_'], ""))
}

/// What a bulk action does to each selected contact.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BulkAction {
    AddToList {
        list: String,
    },
    SetLanguage {
        language: ContactLanguage,
    },
    Unsubscribe,
    /// Deletes them, keeping only salted hashes so that no import adds them back.
    Erase,
}

/// Which contacts a bulk action applies to: those ticked, or every match of a search.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BulkTarget {
    Emails { emails: Vec<String> },
    Filter { filter: ContactFilter },
}

impl Store {
    /// Applies `action` to every contact of `target` in one transaction; returns how
    /// many contacts it changed.
    pub fn bulk_contacts(
        &mut self,
        target: &BulkTarget,
        action: &BulkAction,
        random: &mut dyn FnMut() -> String,
    ) -> Result<usize, StoreError> {
        if let BulkAction::AddToList { list } = action {
            if list.trim().is_empty() {
                return Err(StoreError::Corrupt("an empty list name".into()));
            }
        }
        let salt = match action {
            BulkAction::Erase => Some(self.salt(random)?),
            _ => None,
        };
        let tx = self.conn.transaction()?;
        let ids: Vec<(i64, String)> = match target {
            BulkTarget::Emails { emails } => {
                let mut stmt = tx.prepare("SELECT id, email FROM contacts WHERE email = ?1")?;
                let mut ids = Vec::new();
                for e in emails {
                    if let Some(row) = stmt
                        .query_row([e.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
                        .optional()?
                    {
                        ids.push(row);
                    }
                }
                ids
            }
            BulkTarget::Filter { filter } => {
                let mut stmt = tx.prepare(&format!("SELECT c.id, c.email {FILTER_WHERE}"))?;
                let rows = stmt.query_map(
                    params![
                        filter_pattern(filter),
                        filter.list.as_deref(),
                        filter.language.map(ContactLanguage::code),
                        filter.status.map(ContactStatus::code)
                    ],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                rows.collect::<Result<_, _>>()?
            }
        };
        let mut changed = 0;
        let mut erased = Erased::default();
        let list_id: Option<i64> = match action {
            BulkAction::AddToList { list } => {
                tx.execute(
                    "INSERT OR IGNORE INTO lists (name) VALUES (?1)",
                    [list.trim()],
                )?;
                Some(
                    tx.query_row("SELECT id FROM lists WHERE name = ?1", [list.trim()], |r| {
                        r.get(0)
                    })?,
                )
            }
            _ => None,
        };
        const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
        for (id, email) in &ids {
            changed += match action {
                BulkAction::AddToList { .. } => tx.execute(
                    "INSERT OR IGNORE INTO contact_lists (contact_id, list_id) VALUES (?1, ?2)",
                    params![id, list_id],
                )?,
                BulkAction::SetLanguage { language } => tx.execute(
                    &format!(
                        "UPDATE contacts SET language = ?2, updated_at = {NOW}
                         WHERE id = ?1 AND language <> ?2"
                    ),
                    params![id, language.code()],
                )?,
                BulkAction::Unsubscribe => tx.execute(
                    &format!(
                        "UPDATE contacts SET status = 'unsubscribed', updated_at = {NOW}
                         WHERE id = ?1 AND status = 'subscribed'"
                    ),
                    [id],
                )?,
                BulkAction::Erase => {
                    erased.add(forget(
                        &tx,
                        *id,
                        email,
                        salt.as_deref().unwrap_or_default(),
                    )?);
                    1
                }
            };
        }
        tx.commit()?;
        if matches!(action, BulkAction::Erase) {
            erased.finish(self)?;
        }
        Ok(changed)
    }
}

/// Which contacts a search shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ContactFilter {
    /// Matched against address, names and organisation (case-insensitive, anywhere).
    pub query: String,
    pub list: Option<String>,
    pub language: Option<ContactLanguage>,
    pub status: Option<ContactStatus>,
}

/// One page of a search, with the number of matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ContactPage {
    pub total: usize,
    pub offset: usize,
    pub rows: Vec<Contact>,
}

/// Counts for the top of the Contacts view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ContactSummary {
    pub total: usize,
    pub fr: usize,
    pub nl: usize,
    pub both: usize,
    pub subscribed: usize,
    pub lists: Vec<String>,
}

impl Store {
    /// Every contact matching `filter`, ordered by address (what an export of the
    /// current view writes).
    pub fn contacts_matching(&self, filter: &ContactFilter) -> Result<Vec<Contact>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.id {FILTER_WHERE} ORDER BY c.email COLLATE NOCASE"
        ))?;
        let ids: Vec<i64> = stmt
            .query_map(
                params![
                    filter_pattern(filter),
                    filter.list.as_deref(),
                    filter.language.map(ContactLanguage::code),
                    filter.status.map(ContactStatus::code)
                ],
                |r| r.get(0),
            )?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| read_contact(&self.conn, id))
            .collect()
    }

    /// A page of the contacts matching `filter`, ordered by address.
    pub fn search_contacts(
        &self,
        filter: &ContactFilter,
        offset: usize,
        limit: usize,
    ) -> Result<ContactPage, StoreError> {
        let pattern = filter_pattern(filter);
        let where_ = FILTER_WHERE;
        let args = params![
            pattern,
            filter.list.as_deref(),
            filter.language.map(ContactLanguage::code),
            filter.status.map(ContactStatus::code)
        ];
        let total: i64 = self
            .conn
            .query_row(&format!("SELECT count(*) {where_}"), args, |r| r.get(0))?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.id {where_} ORDER BY c.email COLLATE NOCASE LIMIT {limit} OFFSET {offset}"
        ))?;
        let ids: Vec<i64> = stmt
            .query_map(args, |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let rows = ids
            .into_iter()
            .map(|id| read_contact(&self.conn, id))
            .collect::<Result<_, _>>()?;
        Ok(ContactPage {
            total: total as usize,
            offset,
            rows,
        })
    }

    /// Totals per language and status, and the list names.
    pub fn contact_summary(&self) -> Result<ContactSummary, StoreError> {
        let mut s = ContactSummary::default();
        let mut stmt = self
            .conn
            .prepare("SELECT language, status, count(*) FROM contacts GROUP BY 1, 2")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (language, status, n) = row?;
            let n = n as usize;
            s.total += n;
            match language.as_str() {
                "fr" => s.fr += n,
                "nl" => s.nl += n,
                _ => s.both += n,
            }
            if status == "subscribed" {
                s.subscribed += n;
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM lists ORDER BY name COLLATE NOCASE")?;
        s.lists = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(s)
    }
}

/// A contact as staff type it in the Contacts view (new or edited).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ContactInput {
    /// The contact being edited, or `None` for a new one.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub language: ContactLanguage,
    pub lists: Vec<String>,
    pub notes: String,
}

impl Store {
    /// Adds or edits one contact by hand. The address must be valid and not another
    /// contact's. Adding by hand someone who was erased is an explicit new consent: their
    /// suppression hash is removed.
    pub fn save_contact(
        &mut self,
        input: &ContactInput,
        token: &mut dyn FnMut() -> String,
    ) -> Result<Contact, StoreError> {
        let email = super::normalise_email(&input.email);
        if !super::is_valid_email(&email) {
            return Err(StoreError::ContactEmailInvalid(email));
        }
        let salt = self.setting(SALT_KEY)?;
        let tx = self.conn.transaction()?;
        let other: Option<i64> = tx
            .query_row("SELECT id FROM contacts WHERE email = ?1", [&email], |r| {
                r.get(0)
            })
            .optional()?;
        if other.is_some() && other != input.id {
            return Err(StoreError::ContactEmailTaken(email));
        }
        let search = search_text(
            &email,
            &input.first_name,
            &input.last_name,
            &input.organisation,
        );
        let id = match input.id {
            Some(id) => {
                let n = tx.execute(
                    "UPDATE contacts SET email = ?2, first_name = ?3, last_name = ?4, organisation = ?5,
                       language = ?6, notes = ?7, search = ?8,
                       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                     WHERE id = ?1",
                    params![id, email, input.first_name.trim(), input.last_name.trim(),
                        input.organisation.trim(), input.language.code(), input.notes, search],
                )?;
                if n == 0 {
                    return Err(StoreError::NotFound {
                        what: format!("contact {id}"),
                    });
                }
                tx.execute("DELETE FROM contact_lists WHERE contact_id = ?1", [id])?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO contacts (email, first_name, last_name, organisation, language, notes,
                       unsubscribe_token, search, consent_source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'added by hand')",
                    params![email, input.first_name.trim(), input.last_name.trim(),
                        input.organisation.trim(), input.language.code(), input.notes, token(), search],
                )?;
                if let Some(salt) = &salt {
                    tx.execute(
                        "DELETE FROM suppressions WHERE hash = ?1",
                        [suppression_hash(salt, &email)],
                    )?;
                }
                tx.last_insert_rowid()
            }
        };
        for list in input
            .lists
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            let l = list_id(&tx, list)?;
            tx.execute(
                "INSERT OR IGNORE INTO contact_lists (contact_id, list_id) VALUES (?1, ?2)",
                params![id, l],
            )?;
        }
        let contact = read_contact(&tx, id)?;
        tx.commit()?;
        Ok(contact)
    }
}
