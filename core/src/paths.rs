//! Where Tandem keeps its data, shared by the app and the CLI so both see one database.

use std::path::{Path, PathBuf};

/// The app's bundle identifier; Tauri's `app_data_dir` is the platform data folder
/// joined with it, and so is ours.
pub const APP_IDENTIFIER: &str = "be.mineursenexil.tandem";

/// File name of the database inside the data folder.
pub const DB_FILE_NAME: &str = "tandem.sqlite3";

/// Environment variable that moves the whole data folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "TANDEM_DATA_DIR";

/// The note a moved data folder leaves in the folder looked in first: the new folder's
/// path, on its first line.
pub const MOVED_FILE: &str = "moved-to.txt";

/// The folder looked in first: `$TANDEM_DATA_DIR` when set, else the platform's data
/// folder (`~/.local/share`, `~/Library/Application Support`, `%APPDATA%`) joined with
/// [`APP_IDENTIFIER`]. `None` only when the platform has no home folder at all.
pub fn base_data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => platform_data_dir(),
    }
}

/// The platform's own data folder for Tandem (what a data folder moved elsewhere can
/// come back to).
pub fn platform_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// The data folder: [`base_data_dir`], or the folder its [`MOVED_FILE`] names (the data
/// folder was moved from Settings).
pub fn default_data_dir() -> Option<PathBuf> {
    base_data_dir().map(|base| follow(&base))
}

/// `base`, or the absolute folder its [`MOVED_FILE`] names (one step: the note is always
/// written in the base folder).
pub fn follow(base: &Path) -> PathBuf {
    std::fs::read_to_string(base.join(MOVED_FILE))
        .ok()
        .and_then(|text| text.lines().next().map(|l| PathBuf::from(l.trim())))
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| base.to_path_buf())
}

/// The default database file inside [`default_data_dir`].
pub fn default_db_path() -> Option<PathBuf> {
    default_data_dir().map(|d| d.join(DB_FILE_NAME))
}

/// Where messages go while no SMTP server is configured: `.eml` files in the data folder.
pub fn default_outbox_dir() -> Option<PathBuf> {
    default_data_dir().map(|d| d.join("outbox"))
}

/// The `.eml` file of the outbox folder `dir` that holds the message with this
/// Message-ID (the sending side writes it, an erasure removes it).
pub fn outbox_file(dir: &Path, message_id: &str) -> PathBuf {
    let name: String = message_id
        .trim_matches(['<', '>'])
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@') {
                c
            } else {
                '_'
            }
        })
        .collect();
    dir.join(format!("{name}.eml"))
}

/// `path` with `suffix` added to its file name: `tandem.sqlite3` + `-wal`, `.lock`, ….
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}
