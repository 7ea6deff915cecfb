//! The log: one file a day in the data folder's `logs/` (`tandem.YYYY-MM-DD.log`), kept
//! seven days, written by the app and the CLI alike (each line says which, and its
//! process), through `tracing` with `tracing-appender`'s daily file.
//!
//! What goes in: starts (version, system, schema), each send's start, pause and end
//! with its counts, and every error of a server or service with its code. What never
//! does: an e-mail address, a name, a token, a password, a key or a message body. The
//! code logs none of them (it logs ids and counts), and the writer replaces whatever
//! looks like an address on its way to the file all the same (a server's reply may
//! quote one). Other crates' `log` records are not collected at all (an HTTP client's
//! debug lines carry its headers), and their `tracing` events only from warn up.
//!
//! Level: info; `TANDEM_LOG=debug` (or `trace`, `warn`…) for Tandem's own events. The
//! CLI's `-v` prints the same lines to stderr too, `-vv` at debug.

use std::io::Write;
use std::path::{Path, PathBuf};

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// The log and crash reports' folder inside the data folder.
pub fn logs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Where the log is written: `logs/` of the data folder, or `TANDEM_LOG_DIR` when set
/// (the test suite points every run there, to search all they wrote at the end).
pub fn log_dir(data_dir: &Path) -> PathBuf {
    std::env::var_os("TANDEM_LOG_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| logs_dir(data_dir))
}

const PREFIX: &str = "tandem";
const SUFFIX: &str = "log";
/// Days of log kept (one file a day).
pub const KEPT_DAYS: usize = 7;

/// Every token that looks like an e-mail address (something on both sides of an `@`,
/// even without a dot: an invalid address is still someone's), replaced by `<address>`.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if core
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty())
        {
            let start = word.find(core).unwrap_or(0);
            out.push_str(&word[..start]);
            out.push_str("<address>");
            out.push_str(&word[start + core.len()..]);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '(' | ')' | ',' | ';' | '[' | ']' | '='
            )
        {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Where the lines go besides the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Echo {
    /// The file only (the app; the CLI without `-v`).
    None,
    /// stderr too, at info (`-v`).
    Info,
    /// stderr too, and both at debug (`-vv`).
    Debug,
}

/// The level of Tandem's own events: `TANDEM_LOG`, else info (debug with `Echo::Debug`).
fn level(echo: Echo) -> LevelFilter {
    let asked = std::env::var("TANDEM_LOG")
        .ok()
        .and_then(|v| v.trim().parse::<LevelFilter>().ok());
    match (asked, echo) {
        (Some(level), Echo::Debug) => level.max(LevelFilter::DEBUG),
        (Some(level), _) => level,
        (None, Echo::Debug) => LevelFilter::DEBUG,
        (None, _) => LevelFilter::INFO,
    }
}

fn targets(level: LevelFilter) -> Targets {
    Targets::new()
        .with_default(LevelFilter::WARN.min(level))
        .with_target("tandem_core", level)
        .with_target("tandem", level)
        .with_target("tandem_app_lib", level)
        .with_target("tandem_app", level)
}

/// Lines on their way out: the program and process in front, addresses replaced.
#[derive(Debug)]
struct Redacting<W> {
    inner: W,
    tag: &'static str,
}

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        // One event, one line: a message of several lines (a server's long reply) keeps
        // its parts on the line that says who wrote it and when.
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let line = format!("{} {}\n", self.tag, redact(&body.replace('\n', " | ")));
        self.inner.write_all(line.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[derive(Debug)]
struct RedactingMaker<M> {
    inner: M,
    tag: &'static str,
}

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for RedactingMaker<M> {
    type Writer = Redacting<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        Redacting {
            inner: self.inner.make_writer(),
            tag: self.tag,
        }
    }
}

/// The day's file, replaceable: a data folder moved while the app runs takes its log
/// along (`follow`).
static FILE: std::sync::Mutex<Option<tracing_appender::rolling::RollingFileAppender>> =
    std::sync::Mutex::new(None);

fn appender(dir: &Path) -> Option<tracing_appender::rolling::RollingFileAppender> {
    // The appender prunes old files as it starts, and complains on stderr when the
    // folder is not there yet.
    let _ = std::fs::create_dir_all(dir);
    tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(KEPT_DAYS)
        .build(dir)
        .ok()
}

/// Writes into whatever `FILE` holds now.
#[derive(Debug)]
struct CurrentFile;

impl Write for CurrentFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match FILE.lock().unwrap_or_else(|p| p.into_inner()).as_mut() {
            Some(file) => file.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match FILE.lock().unwrap_or_else(|p| p.into_inner()).as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

/// The data folder moved to `data_dir` (Settings → Data folder): the log goes on there,
/// not in the old folder (unless `TANDEM_LOG_DIR` says where it goes).
pub fn follow(data_dir: &Path) {
    let mut file = FILE.lock().unwrap_or_else(|p| p.into_inner());
    if file.is_some() {
        if let Some(moved) = appender(&log_dir(data_dir)) {
            *file = Some(moved);
        }
    }
}

/// Starts logging for `program` ("app", "cli") into `data_dir`'s `logs/`, and logs the
/// start. Once per process; a second call, or a folder that cannot be written (the
/// program then goes on without a file), changes nothing.
pub fn init(data_dir: &Path, program: &'static str, echo: Echo) {
    let level = level(echo);
    let tag: &'static str =
        Box::leak(format!("{program}[{}]", std::process::id()).into_boxed_str());
    let file = appender(&log_dir(data_dir)).map(|appender| {
        *FILE.lock().unwrap_or_else(|p| p.into_inner()) = Some(appender);
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(RedactingMaker {
                inner: || CurrentFile,
                tag,
            })
            .with_filter(targets(level))
    });
    let stderr = (echo != Echo::None).then(|| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .without_time()
            .with_target(false)
            .with_writer(RedactingMaker {
                inner: std::io::stderr,
                tag,
            })
            .with_filter(targets(level))
    });
    if tracing_subscriber::registry()
        .with(file)
        .with(stderr)
        .try_init()
        .is_ok()
    {
        tracing::info!(
            "Tandem {program} {} started on {} {}",
            crate::VERSION,
            std::env::consts::OS,
            std::env::consts::ARCH
        );
    }
}

/// The last `count` lines of the log (today's file and, if short, the days before),
/// oldest first, redacted again: what a diagnostic report carries.
pub fn tail(data_dir: &Path, count: usize) -> Vec<String> {
    tail_in(&log_dir(data_dir), count)
}

fn tail_in(dir: &Path, count: usize) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&format!("{PREFIX}.")) && n.ends_with(&format!(".{SUFFIX}"))
            })
        })
        .collect();
    files.sort();
    let mut lines: Vec<String> = Vec::new();
    for file in files.iter().rev() {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let mut these: Vec<String> = text.lines().map(redact).collect();
        these.append(&mut lines);
        lines = these;
        if lines.len() >= count {
            break;
        }
    }
    let skip = lines.len().saturating_sub(count);
    lines.split_off(skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_replaced_and_the_rest_kept() {
        assert_eq!(
            redact("cannot send to anne.dupont@exemple.be: refused (jan@voorbeeld.be)"),
            "cannot send to <address>: refused (<address>)"
        );
        assert_eq!(redact("user=anne@exemple.be ok"), "user=<address> ok");
        assert_eq!(redact("[jan@voorbeeld.be]"), "[<address>]");
        assert_eq!(redact("invalid: anne@dupont"), "invalid: <address>");
        assert_eq!(redact("at src/lib.rs:12:5 @ 3"), "at src/lib.rs:12:5 @ 3");
    }

    #[test]
    fn the_tail_spans_days_and_is_redacted() {
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path();
        std::fs::write(logs.join("tandem.2026-12-03.log"), "a\nb\nc\n").unwrap();
        std::fs::write(logs.join("tandem.2026-12-04.log"), "d\nto x@y.be\n").unwrap();
        std::fs::write(logs.join("crash-1.txt"), "not a log\n").unwrap();
        assert_eq!(tail_in(logs, 3), ["c", "d", "to <address>"]);
        assert_eq!(tail_in(logs, 100).len(), 5);
    }
}
