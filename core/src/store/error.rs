//! What can go wrong with the database, each case with the Fluent id of the message the
//! user sees (`code()`), so the UI and CLI explain it in the user's language.

use std::path::{Path, PathBuf};

/// An error from the local database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the data folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path} is not a Tandem database (or it is damaged)")]
    NotADatabase { path: PathBuf },
    #[error(
        "the database was written by a newer version of Tandem (schema {found}, this version knows up to {supported}); it was left untouched"
    )]
    TooNew { found: u32, supported: u32 },
    #[error("cannot set up the database: {0}")]
    Pragma(String),
    #[error("cannot upgrade the database: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{what} does not exist (it may have been deleted)")]
    NotFound { what: String },
    #[error("not saved: {}", .0.iter().map(crate::model::Problem::describe).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<crate::model::Problem>),
    #[error("{0:?} is not a valid e-mail address")]
    ContactEmailInvalid(String),
    #[error("{0} is already in the contacts file")]
    ContactEmailTaken(String),
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
    #[error("a stored setting {key} has an unexpected value {value:?}")]
    BadSetting { key: String, value: String },
    #[error("{}", if *.exclusive { "a backup is being restored into the database; try again in a moment" } else { "the database is in use (the app or another command); close it first" })]
    Locked {
        /// The holder has it exclusively (a restore), rather than in use by others.
        exclusive: bool,
    },
    #[error("issue {0} was sent: it stays, for its ledger")]
    SentIssueKept(i64),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// The Fluent message id (in `locales/*/ui.ftl`) that explains this error.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::CreateDir { .. } => "error-store-create-dir",
            StoreError::Open { .. } => "error-store-open",
            StoreError::NotADatabase { .. } => "error-store-not-a-database",
            StoreError::TooNew { .. } => "error-store-too-new",
            StoreError::Pragma(_) | StoreError::Migration(_) => "error-store-migration",
            StoreError::NotFound { .. } => "error-store-not-found",
            StoreError::Invalid(_) => "error-issue-invalid",
            StoreError::ContactEmailInvalid(_) => "error-contact-email-invalid",
            StoreError::ContactEmailTaken(_) => "error-contact-email-taken",
            StoreError::Locked { exclusive: true } => "error-store-restoring",
            StoreError::Locked { exclusive: false } => "error-store-in-use",
            StoreError::SentIssueKept(_) => "error-issue-sent-kept",
            StoreError::Corrupt(_) | StoreError::BadSetting { .. } | StoreError::Sqlite(_) => {
                "error-store-internal"
            }
        }
    }

    pub(super) fn from_open_failure(e: rusqlite::Error, path: Option<&Path>) -> Self {
        let not_a_db = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
        );
        match path {
            Some(p) if not_a_db => StoreError::NotADatabase {
                path: p.to_path_buf(),
            },
            Some(p) => StoreError::Open {
                path: p.to_path_buf(),
                source: e,
            },
            None => StoreError::Sqlite(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{message_ids, source, Domain};
    use crate::model::UiLanguage;

    #[test]
    fn every_error_code_has_a_message_in_every_language() {
        let io = || std::io::Error::other("x");
        let sqlite = || rusqlite::Error::InvalidQuery;
        let errors = [
            StoreError::CreateDir {
                path: "p".into(),
                source: io(),
            },
            StoreError::Open {
                path: "p".into(),
                source: sqlite(),
            },
            StoreError::NotADatabase { path: "p".into() },
            StoreError::TooNew {
                found: 2,
                supported: 1,
            },
            StoreError::Pragma("x".into()),
            StoreError::BadSetting {
                key: "k".into(),
                value: "v".into(),
            },
            StoreError::Sqlite(sqlite()),
            StoreError::NotFound { what: "x".into() },
            StoreError::Invalid(vec![]),
            StoreError::Corrupt("x".into()),
            StoreError::ContactEmailInvalid("x".into()),
            StoreError::ContactEmailTaken("x".into()),
        ];
        for lang in UiLanguage::ALL {
            let ids = message_ids(source(lang, Domain::Ui)).unwrap();
            for e in &errors {
                assert!(ids.contains(e.code()), "{lang:?} lacks {}", e.code());
            }
        }
    }
}
