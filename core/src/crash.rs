//! Crash reports: a panic anywhere (the app or the CLI) writes `logs/crash-….txt` in the
//! data folder — what went wrong, where, the backtrace, the version — with every e-mail
//! address in it replaced, so that the report can be handed to whoever helps. The app's
//! next start lists the reports not seen yet; seeing one renames it `….seen.txt`.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

pub use crate::logs::{logs_dir, redact};

const PREFIX: &str = "crash-";
const SEEN: &str = ".seen.txt";

/// Installs the panic hook of `program` ("app", "cli"): the report is written, then the
/// usual message printed.
pub fn install(data_dir: PathBuf, program: &'static str) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned());
        // `tandem … | head`: stdout closed by the reader is how pipes end, not a crash.
        if message.starts_with("failed printing to std") && message.contains("Broken pipe") {
            previous(info);
            return;
        }
        let place = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let now = chrono::Utc::now();
        let text = format!(
            "Tandem {program} {} closed unexpectedly\nwhen: {}\nsystem: {} {}\nthread: {}\nwhat: {}\nwhere: {place}\n\nbacktrace:\n{}\n",
            crate::VERSION,
            now.to_rfc3339(),
            std::env::consts::OS,
            std::env::consts::ARCH,
            std::thread::current().name().unwrap_or("unnamed"),
            redact(&message),
            redact(&std::backtrace::Backtrace::force_capture().to_string()),
        );
        let dir = logs_dir(&data_dir);
        let name = format!("{PREFIX}{}-{program}.txt", now.format("%Y%m%dT%H%M%S%.3fZ"));
        let _ = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(name), text));
        previous(info);
    }));
}

/// A report not seen yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CrashReport {
    pub path: String,
    pub text: String,
}

/// The reports not seen yet, oldest first.
pub fn pending(data_dir: &Path) -> Vec<CrashReport> {
    let Ok(entries) = std::fs::read_dir(logs_dir(data_dir)) else {
        return Vec::new();
    };
    let mut out: Vec<CrashReport> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(".txt") && !n.ends_with(SEEN))
        })
        .filter_map(|p| {
            Some(CrashReport {
                text: std::fs::read_to_string(&p).ok()?,
                path: p.display().to_string(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Marks the report at `path` seen (it stays in `logs/`); only Tandem's own reports.
pub fn acknowledge(data_dir: &Path, path: &Path) -> std::io::Result<()> {
    let dir = logs_dir(data_dir);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| n.starts_with(PREFIX) && n.ends_with(".txt") && !n.ends_with(SEEN))
        .filter(|_| path.parent() == Some(dir.as_path()))
        .ok_or_else(|| std::io::Error::other("not one of Tandem's crash reports"))?;
    let seen = format!("{}{SEEN}", name.trim_end_matches(".txt"));
    std::fs::rename(path, dir.join(seen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_listed_until_seen() {
        let dir = tempfile::tempdir().unwrap();
        let logs = logs_dir(dir.path());
        std::fs::create_dir_all(&logs).unwrap();
        std::fs::write(logs.join("crash-20261204T100000.000Z-cli.txt"), "boom").unwrap();
        std::fs::write(logs.join("other.txt"), "not ours").unwrap();
        let pending = pending(dir.path());
        assert_eq!(pending.len(), 1);
        acknowledge(dir.path(), Path::new(&pending[0].path)).unwrap();
        assert!(super::pending(dir.path()).is_empty());
        assert!(acknowledge(dir.path(), &logs.join("other.txt")).is_err());
        assert!(logs.join("other.txt").exists());
    }
}
