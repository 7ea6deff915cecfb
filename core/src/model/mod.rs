//! The domain types that cross every boundary (database, IPC, CLI, files).
//!
//! Types that the UI sees derive `ts_rs::TS`; their TypeScript twins are written to
//! `ui/src/lib/bindings/` by `cargo test`, so the UI never hand-copies a Rust type.

mod file;
mod issue;
mod lang;
mod rich;
mod ui_language;
mod validate;

pub use file::{FileError, FORMAT};
pub use issue::{Block, BlockKind, ImageRef, Issue, IssueStatus, Link, TextField};
pub use lang::{Bilingual, Edition, Lang, Text};
pub use rich::{Para, RichText, Span};
pub use ui_language::UiLanguage;
pub use validate::{
    is_allowed_url, is_asset_path, Problem, ProblemKind, Report, MAX_BLOCKS, MAX_BODY_CHARS,
    MAX_LINE_CHARS, MAX_URL_CHARS,
};
