//! tandem-core: everything Tandem does that is not a window or a command line.
//!
//! The desktop shell (`src-tauri`) and the CLI (`cli`) are thin adapters over this
//! crate; tests and benchmarks call it directly. It must never depend on Tauri, wry or
//! clap (checked by `cargo xtask test`).

pub mod backup;
pub mod clock;
pub mod contacts;
pub mod crash;
pub mod deliverability;
pub mod doctor;
pub mod exchange;
pub mod i18n;
pub mod logs;
pub mod mailbox;
pub mod media;
pub mod model;
pub mod net;
pub mod oauth;
pub mod paths;
pub mod render;
pub mod secrets;
pub mod send;
pub mod spreadsheet;
pub mod store;
pub mod text;
pub mod token;
pub mod translate;

/// The version shown by `tandem --version` and in the app's Settings view.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
