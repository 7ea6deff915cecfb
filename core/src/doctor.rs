//! The diagnostic report (`tandem doctor`, Settings → About → "Copy a diagnostic
//! report"): what whoever helps needs to see, and nothing about the people in the file.
//!
//! It holds the version, the system (and the webview's version, which only the app
//! knows), the data folder, the schema, counts, the settings without secrets, whether a
//! keychain answers, the result of each check a user can run from Settings (SMTP and
//! IMAP connections, the sign-in's token renewal, the translation service), and the
//! log's last 200 lines. Every address in it — the sending account's, one in a
//! server's reply — is replaced by `<address>`; no password, token or key is read into
//! it (only whether one is saved).
//!
//! Labels are Fluent ids (`doctor-…` in ui.ftl), so the app shows the report in the
//! user's language; `--json` gives the same structure.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Localizer;
use crate::logs::redact;
use crate::store::Store;

/// Log lines a report carries.
pub const LOG_LINES: usize = 200;

/// The result of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, rename = "DoctorStatus")]
pub enum Status {
    Ok,
    Failed,
    /// Nothing set up to check.
    NotSet,
}

/// One line: a label (a Fluent id), its value, and for a check its result and, when it
/// failed, the error's Fluent id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "DoctorLine")]
pub struct Line {
    pub label: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
}

/// A titled group of lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "DoctorSection")]
pub struct Section {
    pub title: String,
    pub lines: Vec<Line>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "DoctorReport")]
pub struct Report {
    pub sections: Vec<Section>,
    /// The log's last lines, oldest first.
    pub log: Vec<String>,
}

fn line(label: &str, value: impl Into<String>) -> Line {
    Line {
        label: label.to_owned(),
        value: redact(&value.into()),
        status: None,
        code: None,
    }
}

fn check(label: &str, result: Result<String, (&str, String)>) -> Line {
    match result {
        Ok(value) => Line {
            status: Some(Status::Ok),
            ..line(label, value)
        },
        Err(("", why)) => Line {
            status: Some(Status::NotSet),
            ..line(label, why)
        },
        Err((code, detail)) => Line {
            status: Some(Status::Failed),
            code: Some(code.to_owned()),
            ..line(label, detail)
        },
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// What only the program knows: which one it is, and the webview's version (the app).
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub program: String,
    pub webview: Option<String>,
    /// Run the checks that ask servers (the CLI's `--offline` leaves them out).
    pub network: bool,
    pub timeout: Option<Duration>,
    /// Passwords given to this run (the CLI's `TANDEM_SMTP_PASSWORD` and
    /// `TANDEM_IMAP_PASSWORD`), tried before the saved ones; never shown.
    pub smtp_password: Option<String>,
    pub imap_password: Option<String>,
}

/// The system's name and version as the OS tells it (Linux: os-release).
fn system() -> String {
    let mut name = String::new();
    if cfg!(target_os = "linux") {
        if let Ok(text) = std::fs::read_to_string("/etc/os-release") {
            name = text
                .lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_owned())
                .unwrap_or_default();
        }
    }
    let base = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    if name.is_empty() {
        base
    } else {
        format!("{name} ({base})")
    }
}

/// Builds the report for the database `store` (whose data folder is `data_dir`).
pub fn report(store: &Store, db: &Path, data_dir: &Path, ctx: &Context) -> Report {
    let timeout = ctx.timeout.unwrap_or(Duration::from_secs(15));
    let mut sections = Vec::new();

    let mut about = vec![
        line(
            "doctor-version",
            format!("{} ({})", crate::VERSION, ctx.program),
        ),
        line("doctor-system", system()),
    ];
    if let Some(webview) = &ctx.webview {
        about.push(line("doctor-webview", webview.clone()));
    }
    about.push(line("doctor-data-folder", data_dir.display().to_string()));
    about.push(line("doctor-database", db.display().to_string()));
    about.push(line(
        "doctor-schema",
        store
            .schema_version()
            .map(|v| v.to_string())
            .unwrap_or_else(|e| e.to_string()),
    ));
    about.push(line(
        "doctor-keychain",
        yes_no(crate::secrets::keychain_available()),
    ));
    sections.push(Section {
        title: "doctor-section-about".into(),
        lines: about,
    });

    sections.push(Section {
        title: "doctor-section-counts".into(),
        lines: counts(store, db, data_dir),
    });
    sections.push(Section {
        title: "doctor-section-settings".into(),
        lines: settings(store, data_dir),
    });
    sections.push(Section {
        title: "doctor-section-checks".into(),
        lines: if ctx.network {
            checks(store, data_dir, timeout, ctx)
        } else {
            vec![line("doctor-checks-skipped", "")]
        },
    });
    Report {
        sections,
        log: crate::logs::tail(data_dir, LOG_LINES),
    }
}

fn counts(store: &Store, db: &Path, data_dir: &Path) -> Vec<Line> {
    let mut lines = Vec::new();
    let count = |sql: &str| -> String {
        store
            .conn
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n.to_string())
            .unwrap_or_else(|e| format!("({e})"))
    };
    lines.push(line("doctor-issues", count("SELECT count(*) FROM issues")));
    lines.push(line(
        "doctor-contacts",
        count("SELECT count(*) FROM contacts"),
    ));
    if let Ok(mut stmt) = store
        .conn
        .prepare("SELECT status, count(*) FROM contacts GROUP BY status ORDER BY status")
    {
        let by: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{}: {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?
                ))
            })
            .and_then(|rows| rows.collect())
            .unwrap_or_default();
        lines.push(line("doctor-contacts-by-status", by.join(", ")));
    }
    lines.push(line(
        "doctor-sends",
        count("SELECT count(*) FROM send_runs WHERE is_test = 0"),
    ));
    lines.push(line(
        "doctor-database-size",
        std::fs::metadata(db)
            .map(|m| format!("{} KB", m.len() / 1024))
            .unwrap_or_default(),
    ));
    let backups =
        crate::backup::list(&crate::backup::default_dir(data_dir), false).unwrap_or_default();
    lines.push(line(
        "doctor-backups",
        match backups.iter().map(|b| b.created.as_str()).max() {
            Some(newest) => format!("{} ({newest})", backups.len()),
            None => "0".to_owned(),
        },
    ));
    lines
}

fn settings(store: &Store, data_dir: &Path) -> Vec<Line> {
    let mut lines = Vec::new();
    match store.smtp_settings() {
        Ok(Some(s)) => {
            lines.push(line(
                "doctor-smtp",
                format!(
                    "{}:{} {:?}, {}, {}",
                    s.host,
                    s.port,
                    s.security,
                    if s.oauth {
                        "sign-in (XOAUTH2)".to_owned()
                    } else if s.username.is_empty() {
                        "no login".to_owned()
                    } else {
                        // The user name is usually an address: only whether it is one.
                        format!(
                            "password login, password saved: {}",
                            yes_no(
                                crate::secrets::password(&s.username, &s.host, data_dir).is_some()
                            )
                        )
                    },
                    if s.preset.is_empty() {
                        "custom"
                    } else {
                        &s.preset
                    }
                ),
            ));
            let limits: Vec<String> = s
                .limits
                .iter()
                .map(|l| format!("{}/{} s", l.count, l.per_seconds))
                .collect();
            lines.push(line(
                "doctor-smtp-pace",
                format!(
                    "{}; {} at once",
                    if limits.is_empty() {
                        "no limit".to_owned()
                    } else {
                        limits.join(", ")
                    },
                    s.concurrency
                ),
            ));
            lines.push(line(
                "doctor-smtp-trust",
                if !s.pinned_cert.is_empty() {
                    "pinned certificate"
                } else if !s.ca_file.is_empty() {
                    "extra certificate authority"
                } else {
                    "system"
                },
            ));
        }
        Ok(None) => lines.push(line("doctor-smtp", "outbox (no server set)")),
        Err(e) => lines.push(line("doctor-smtp", e.to_string())),
    }
    match store.imap_settings() {
        Ok(Some(m)) => lines.push(line(
            "doctor-imap",
            format!(
                "{}:{} {:?}, folder {}, {}, automatic: {}",
                m.host,
                m.port,
                m.security,
                m.folder_name(),
                if m.oauth { "sign-in" } else { "password" },
                yes_no(m.automatic)
            ),
        )),
        Ok(None) => lines.push(line("doctor-imap", "-")),
        Err(e) => lines.push(line("doctor-imap", e.to_string())),
    }
    match store.oauth_account() {
        Ok(Some(a)) => lines.push(line(
            "doctor-sign-in",
            format!(
                "{}, signed in {}, token kept in the {}",
                a.client.provider.id(),
                a.signed_in_at,
                if crate::secrets::refresh_token_file_consented(data_dir) {
                    "private file"
                } else {
                    "keychain"
                }
            ),
        )),
        Ok(None) => lines.push(line("doctor-sign-in", "-")),
        Err(e) => lines.push(line("doctor-sign-in", e.to_string())),
    }
    match store.translate_settings() {
        Ok(t) if !t.service.is_empty() => lines.push(line(
            "doctor-translation",
            format!(
                "{}{}, key saved: {}",
                t.service,
                if t.url.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", t.url)
                },
                yes_no(crate::secrets::translate_key(&t.service, data_dir).is_some())
            ),
        )),
        Ok(_) => lines.push(line("doctor-translation", "-")),
        Err(e) => lines.push(line("doctor-translation", e.to_string())),
    }
    let second = store.backup_second_folder().ok().flatten();
    lines.push(line(
        "doctor-backup-settings",
        format!(
            "second folder: {}, passphrase: {}",
            second.unwrap_or_else(|| "-".to_owned()),
            yes_no(crate::secrets::backup_passphrase(data_dir).is_some())
        ),
    ));
    lines
}

fn checks(store: &Store, data_dir: &Path, timeout: Duration, ctx: &Context) -> Vec<Line> {
    let account = store.oauth_account().ok().flatten();
    let smtp = store.smtp_settings().ok().flatten();
    let mut lines = Vec::new();

    lines.push(check(
        "doctor-check-smtp",
        match &smtp {
            None => Err(("", String::new())),
            Some(s) => crate::send::Destination::of_settings(s)
                .login_with(ctx.smtp_password.clone(), account.as_ref(), data_dir)
                .map_err(|e| (e.code(), e.to_string()))
                .and_then(|login| {
                    crate::send::SmtpEndpoint::new(s, login, timeout)
                        .map_err(|e| ("error-smtp-settings", e))
                })
                .and_then(|endpoint| {
                    endpoint
                        .test()
                        .map_err(|outcome| (outcome.message_id(), outcome.reply().to_owned()))
                }),
        },
    ));

    lines.push(check(
        "doctor-check-imap",
        match store.imap_settings().ok().flatten() {
            None => Err(("", String::new())),
            Some(m) => crate::mailbox::login_for(
                &m,
                smtp.as_ref().map(|s| crate::mailbox::SendingAccount {
                    username: &s.username,
                    host: &s.host,
                }),
                ctx.imap_password.clone(),
                account.as_ref(),
                data_dir,
            )
            .and_then(|(m, login)| crate::mailbox::test_connection(&m, &login, timeout))
            .map(|n| format!("{n} messages in the folder"))
            .map_err(|e| (e.message_id(), e.detail())),
        },
    ));

    lines.push(check(
        "doctor-check-sign-in",
        match &account {
            None => Err(("", String::new())),
            Some(a) => crate::oauth::Tokens::of_saved(a, data_dir)
                .and_then(|tokens| tokens.access_token(None).map(|_| tokens))
                .map(|tokens| match tokens.valid_until() {
                    Some(until) => format!("token renewed, valid until {}", until.to_rfc3339()),
                    None => "token renewed".to_owned(),
                })
                .map_err(|e| (e.message_id(), e.to_string())),
        },
    ));

    lines.push(check(
        "doctor-check-translation",
        match store.translate_settings() {
            Ok(t) if !t.service.is_empty() => {
                let key = crate::secrets::translate_key(&t.service, data_dir);
                crate::translate::service_for(&t, key, timeout)
                    .and_then(|mut service| service.usage())
                    .map(|usage| match usage {
                        Some((used, limit)) => {
                            format!("answers; {used} of {limit} characters used")
                        }
                        None => "answers".to_owned(),
                    })
                    .map_err(|e| (e.message_id(), e.to_string()))
            }
            _ => Err(("", String::new())),
        },
    ));
    lines
}

impl Report {
    /// The report as text in the language of `loc`, ready to paste into a message.
    pub fn to_text(&self, loc: &Localizer) -> String {
        let mut out = format!("{}\n", loc.format("doctor-heading", None));
        for section in &self.sections {
            out.push_str(&format!("\n== {} ==\n", loc.format(&section.title, None)));
            for l in &section.lines {
                let label = loc.format(&l.label, None);
                let status = match l.status {
                    None => String::new(),
                    Some(Status::Ok) => loc.format("doctor-status-ok", None),
                    Some(Status::NotSet) => loc.format("doctor-status-not-set", None),
                    Some(Status::Failed) => format!(
                        "{} [{}]",
                        loc.format("doctor-status-failed", None),
                        l.code.as_deref().unwrap_or("")
                    ),
                };
                let plain = match l.value.as_str() {
                    "yes" => loc.format("doctor-yes", None),
                    "no" => loc.format("doctor-no", None),
                    other => other.to_owned(),
                };
                let value = match (status.is_empty(), l.value.is_empty()) {
                    (true, _) => plain,
                    (false, true) => status,
                    (false, false) => format!("{status} — {}", l.value),
                };
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("label", label);
                args.set("value", value);
                out.push_str(&loc.format("doctor-line", Some(&args)));
                out.push('\n');
            }
        }
        out.push_str(&format!(
            "\n== {} ==\n",
            loc.format("doctor-section-log", None)
        ));
        for l in &self.log {
            out.push_str(l);
            out.push('\n');
        }
        // Fluent's isolation marks around numbers are noise in a pasted report.
        out.replace(['\u{2068}', '\u{2069}'], "")
    }
}
