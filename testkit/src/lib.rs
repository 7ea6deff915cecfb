//! Test-only helpers shared by Tandem's test suites: real SMTP servers on 127.0.0.1.
//!
//! - [`Aiosmtpd`]: a real Python SMTP server (aiosmtpd) that stores what it accepts in a
//!   Maildir the test reads back; optional STARTTLS (a certificate made per run) and
//!   AUTH; per-recipient faults (4xx/5xx replies, a lost acknowledgement after DATA).
//! - [`SmtpSink`]: postfix's `smtp-sink`, fast and blunt, for throughput and for
//!   whole-session faults (disconnects, 421, stalls, a crash at the Nth message).
//!
//! - [`OAuthServer`]: an OAuth 2.0 authorization server (npm `oauth2-mock-server`) with
//!   device codes, expiring and withdrawable tokens, and an introspection endpoint the
//!   SMTP server's `AUTH XOAUTH2` asks.
//! - [`Dovecot`]: a real IMAP server (Debian's Dovecot) with TLS, passwd-file users and
//!   Maildirs; messages put in with IMAP APPEND.
//! - [`Postfix`]: a private Postfix instance that accepts on a loopback port and writes
//!   real delivery status notifications (bounces) for unknown local users.
//! - [`TranslateServer`]: a DeepL- and LibreTranslate-compatible test server with a
//!   word-list translation, request recording and injected errors.
//! - [`Keyring`]: a real OS keychain (GNOME Keyring's Secret Service on a private D-Bus).
//! - [`DnsServer`]: an authoritative DNS server (PyPI's dnslib) serving a test's zones.
//! - [`LinksServer`]: a web server with a path per link-check case, plain and TLS.
//! - [`Rspamd`]: a receiving chain that really DKIM-signs and checks SPF/DKIM/DMARC
//!   against the test DNS, writing Authentication-Results (Debian's rspamd).
//! - [`xlsx_with_rows`]: an .xlsx written part by part, as large as asked once unzipped.
//! - [`SlowRelay`]: a TCP relay that holds a server's answers back, for a client that
//!   must wait on a slow server.
//!
//! Every server binds a free port on 127.0.0.1 and stops when its handle is dropped.

mod aiosmtpd;
mod dns;
mod dovecot;
mod http;
mod keyring;
mod links;
mod oauth;
mod postfix;
mod python;
mod ready;
mod rspamd;
mod sink;
mod slow;
mod tls;
mod translate;
mod workbook;

pub use aiosmtpd::{Aiosmtpd, AiosmtpdBuilder, Received};
pub use dns::DnsServer;
pub use dovecot::{Dovecot, DovecotBuilder, StoredMessage};
pub use http::StaticServer;
pub use keyring::Keyring;
pub use links::LinksServer;
pub use oauth::{get_page, OAuthServer};
pub use postfix::{Postfix, POSTFIX_DOMAIN};
pub use rspamd::{Rspamd, Verdict};
pub use sink::{SmtpSink, SmtpSinkBuilder};
pub use slow::SlowRelay;
pub use tls::TestCertificate;
pub use translate::TranslateServer;
pub use workbook::xlsx_with_rows;

use std::path::{Path, PathBuf};

/// The repository root.
pub fn workspace_root() -> PathBuf {
    // The running test's package, as `cargo test` says at run time: a build reused from
    // another clone of the repository (a shared CARGO_TARGET_DIR) must not reach back
    // into that clone.
    let package = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .filter(|p| p.join("Cargo.toml").is_file())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    package
        .ancestors()
        .find(|p| p.join("Cargo.lock").is_file())
        .unwrap_or(&package)
        .to_path_buf()
}

/// Cargo's target folder (`$CARGO_TARGET_DIR` or `target/`), where the harness keeps
/// the Python virtualenv between runs.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// A free TCP port on 127.0.0.1 (free when asked; servers retry if it is taken).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The seed of a test's random choices: `$TANDEM_TEST_SEED` when set, a fixed one in
/// CI (`$CI` set: `cargo xtask test` sets the seed itself), otherwise a new one each run
/// (printed, so a failure can be replayed with `TANDEM_TEST_SEED=N`).
pub fn seed() -> u64 {
    let seed = std::env::var("TANDEM_TEST_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos() as u64 | 1)
                .unwrap_or(1)
        });
    eprintln!("seed {seed} (replay with TANDEM_TEST_SEED={seed})");
    seed
}

/// Parses every message in `maildir` with Python's `email` package (a real MIME parser,
/// not ours) and returns its report per message: headers, structure, CID references,
/// line lengths, and a `problems` list that is empty for a well-formed message.
pub fn check_mime(maildir: &Path) -> Result<serde_json::Value, Error> {
    let out = std::process::Command::new(python::python()?)
        .arg(workspace_root().join("testkit/py/check_mime.py"))
        .arg(maildir)
        .output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&stdout).map_err(|e| {
        format!(
            "check_mime.py: {e}\n{}\n{stdout}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into()
    })
}

/// Errors of the harness itself (a server that cannot start), with what to install.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Peak resident memory of a running process, polled from /proc until it exits.
pub fn run_measuring_peak(mut cmd: std::process::Command) -> (std::time::Duration, u64) {
    let start = std::time::Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            for line in text.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak_kb = peak_kb.max(kb);
                }
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            return (start.elapsed(), peak_kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
