//! The contacts file: decoding real-world exports (Excel on Belgian Windows, Outlook,
//! Google Contacts, "Unicode text"), recognising their columns in French, Dutch and
//! English, checking every row, and CSV export back.

mod db;
mod decode;
mod erase;
mod export;
mod header;
mod import;
mod language;

pub use db::{
    suppression_hash, BulkAction, BulkTarget, Contact, ContactFilter, ContactInput, ContactPage,
    ContactSummary, ImportReport, SALT_KEY,
};
pub use decode::{decode, Decoded, SourceEncoding};
pub use erase::{forget_in_ledger, Erased};
pub use export::{export_csv, EXPORT_HEADER};
pub use header::{map_headers, Field};
pub use import::{
    parse, read_file, ImportError, ImportOptions, OnDuplicate, ParsedFile, ParsedRow, ProblemCount,
    RowProblem, MAX_CELL_CHARS, MAX_EXPANDED_BYTES, MAX_FILE_BYTES, MAX_LISTED_PROBLEMS,
    MAX_NOTES_CHARS, MAX_ROWS,
};
pub use language::parse_language;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which edition a contact receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ContactLanguage {
    Fr,
    Nl,
    Both,
}

impl ContactLanguage {
    pub fn code(self) -> &'static str {
        match self {
            ContactLanguage::Fr => "fr",
            ContactLanguage::Nl => "nl",
            ContactLanguage::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "fr" => Some(ContactLanguage::Fr),
            "nl" => Some(ContactLanguage::Nl),
            "both" => Some(ContactLanguage::Both),
            _ => None,
        }
    }
}

/// Whether a contact receives the newsletter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ContactStatus {
    Subscribed,
    Unsubscribed,
    Bounced,
}

impl ContactStatus {
    pub fn code(self) -> &'static str {
        match self {
            ContactStatus::Subscribed => "subscribed",
            ContactStatus::Unsubscribed => "unsubscribed",
            ContactStatus::Bounced => "bounced",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "subscribed" => Some(ContactStatus::Subscribed),
            "unsubscribed" => Some(ContactStatus::Unsubscribed),
            "bounced" => Some(ContactStatus::Bounced),
            _ => None,
        }
    }
}

/// The address as stored: trimmed; compared case-insensitively by the database.
pub fn normalise_email(raw: &str) -> String {
    raw.trim()
        .trim_matches(|c| c == '<' || c == '>')
        .trim()
        .to_owned()
}

/// Whether an address can receive mail (RFC 5322 addr-spec as lettre reads it, with a
/// dot in the domain).
pub fn is_valid_email(email: &str) -> bool {
    email
        .parse::<lettre::Address>()
        .is_ok_and(|a| a.domain().contains('.'))
        && !email.chars().any(char::is_whitespace)
}
