//! The log (issue 20 §3): what a send, a refusal and a failed login leave in the data
//! folder's `logs/`, and that none of it is an address, a name or a secret.

use std::path::Path;

mod common;

use common::*;
use tandem_testkit::Aiosmtpd;

/// Every line of every log file in `dir`.
fn read_logs(dir: &Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir.join("logs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "log") {
            all.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    all
}

#[test]
fn a_send_is_logged_with_its_counts_and_codes_and_nothing_personal() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(
        dir.path(),
        "email;prénom;nom;langue\n\
         anne@example.be;Anne;Dubois;fr\n\
         jan@example.be;Jan;Peeters;nl\n\
         refuse@example.be;Hélène;Vandenbroeck;fr\n",
    );
    let server = Aiosmtpd::builder()
        .auth("newsletter@example.org", "s3cret-pw")
        .fault(
            "refuse@example.be",
            &["550 5.1.1 <refuse@example.be>: Helene Vandenbroeck has no mailbox here"],
        )
        .start()
        .unwrap();
    let url = format!(
        "smtp://newsletter%40example.org@127.0.0.1:{}",
        server.port()
    );
    let send = |password: &str| {
        run(tandem(&db)
            .env_remove("TANDEM_LOG_DIR")
            .env("TANDEM_SMTP_PASSWORD", password)
            .args(["send", &issue.to_string(), "--smtp", &url])
            .args(["--from", "Plate-forme <newsletter@example.org>"]))
    };
    // A wrong password first: refused at login, nobody sent.
    let out = send("not-the-s3cret");
    assert!(!out.status.success());
    let out = send("s3cret-pw");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("\"sent\":2"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let log = read_logs(dir.path());
    // What helps whoever reads it: the start, the schema, the send's start and end with
    // its counts, the refusal's code.
    for expected in [
        "Tandem cli ",
        "database schema ",
        "send 1 started: 3 in all, 3 to go",
        "535",
        "send 1: a recipient refused [550 5.1.1]",
        "send 1 ended: 2 sent, 0 saved to the outbox, 1 failed, 0 to go",
    ] {
        assert!(
            log.contains(expected),
            "{expected:?} not in the log:\n{log}"
        );
    }
    // What must never be there.
    for personal in [
        "@example.be",
        "@example.org",
        "Anne",
        "Dubois",
        "Peeters",
        "Hélène",
        "Helene",
        "Vandenbroeck",
        "s3cret",
        "no mailbox here",
    ] {
        assert!(
            !log.contains(personal),
            "{personal:?} is in the log:\n{log}"
        );
    }
}

#[test]
fn verbose_prints_the_log_lines_to_stderr_and_tandem_log_sets_the_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    ok(tandem(&db).env_remove("TANDEM_LOG_DIR").arg("init"));
    let quiet = run(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .args(["issue", "list"]));
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("started"));
    let v = run(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .args(["-v", "issue", "list"]));
    let stderr = String::from_utf8_lossy(&v.stderr);
    assert!(stderr.contains("INFO Tandem cli"), "{stderr}");
    assert!(!stderr.contains("DEBUG"), "{stderr}");
    let vv = run(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .args(["-vv", "issue", "list"]));
    assert!(String::from_utf8_lossy(&vv.stderr).contains("DEBUG command: Issue List"));
    // The file: info by default, debug when TANDEM_LOG says so.
    let before = read_logs(dir.path()).matches("DEBUG").count();
    ok(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .args(["issue", "list"]));
    assert_eq!(read_logs(dir.path()).matches("DEBUG").count(), before);
    ok(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .env("TANDEM_LOG", "debug")
        .args(["issue", "list"]));
    assert!(read_logs(dir.path()).matches("DEBUG").count() > before);
}

/// `tandem doctor`: every section, each connection test's result with its code, the
/// log's last lines; and not one address, name or secret, although the settings hold
/// the sending account's address and the log a refused recipient.
#[test]
fn doctor_reports_the_installation_and_its_tests_without_anything_personal() {
    use tandem_core::net::Security;
    let dir = tempfile::tempdir().unwrap();
    let (db, _issue) = setup(
        dir.path(),
        "email;prénom;nom;langue\nanne@example.be;Anne;Dubois;fr\n",
    );
    // A server that takes mail without a login: its test works. A mailbox nobody
    // answers at, and a translation service whose key is not saved: theirs fail.
    let server = Aiosmtpd::builder().start().unwrap();
    let translation = tandem_testkit::TranslateServer::start("doctor-s3cret-key", None).unwrap();
    {
        let store = tandem_core::store::Store::open(&db).unwrap();
        store
            .set_smtp_settings(&tandem_core::send::SmtpSettings {
                host: "127.0.0.1".into(),
                port: server.port(),
                security: Security::None,
                from_address: "newsletter@example.org".into(),
                ..Default::default()
            })
            .unwrap();
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = closed.local_addr().unwrap().port();
        drop(closed);
        store
            .set_imap_settings(Some(&tandem_core::mailbox::ImapSettings {
                host: "127.0.0.1".into(),
                port,
                security: Security::None,
                username: "mailbox@example.org".into(),
                ca_file: String::new(),
                pinned_cert: String::new(),
                oauth: false,
                folder: "INBOX".into(),
                automatic: false,
            }))
            .unwrap();
        store
            .set_translate_settings(&tandem_core::translate::TranslateSettings {
                service: "deepl".into(),
                url: translation.url(),
                notice_accepted: true,
            })
            .unwrap();
    }
    let json = ok(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .env("TANDEM_IMAP_PASSWORD", "imap-s3cret")
        .args(["doctor", "--json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let line = |label: &str| -> serde_json::Value {
        report["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["lines"].as_array().unwrap().iter())
            .find(|l| l["label"] == label)
            .unwrap_or_else(|| panic!("no {label} in {report}"))
            .clone()
    };
    assert_eq!(
        line("doctor-version")["value"],
        format!("{} (cli)", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(line("doctor-contacts")["value"], "1");
    assert_eq!(line("doctor-check-smtp")["status"], "ok", "{report}");
    assert_eq!(line("doctor-check-imap")["status"], "failed");
    assert_eq!(
        line("doctor-check-imap")["code"],
        "mailbox-error-unreachable"
    );
    assert_eq!(line("doctor-check-sign-in")["status"], "not-set");
    assert_eq!(
        line("doctor-check-translation")["status"],
        "failed",
        "{report}"
    );
    // The log's last lines: at least this very run's start (the set-up above may have
    // logged elsewhere: `cargo xtask test` gathers the tests' logs in one folder).
    let log = report["log"].as_array().unwrap();
    assert!(
        log.iter()
            .any(|l| l.as_str().unwrap().contains("Tandem cli")),
        "{log:?}"
    );

    let text = ok(tandem(&db)
        .env_remove("TANDEM_LOG_DIR")
        .env("TANDEM_IMAP_PASSWORD", "imap-s3cret")
        .arg("doctor"));
    for expected in [
        "Tandem — diagnostic report",
        "== Connection tests ==",
        "Sending server (SMTP): works",
        "Mailbox (IMAP): does not work [mailbox-error-unreachable]",
        "== Last lines of the log ==",
        "INFO tandem_core::logs: Tandem cli",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    for personal in ["@example", "Anne", "Dubois", "s3cret"] {
        assert!(!text.contains(personal), "{personal:?} in:\n{text}");
        assert!(!json.contains(personal), "{personal:?} in:\n{json}");
    }
}
