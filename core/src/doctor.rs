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
//! Labels are Fluent ids (`doctor-…` in ui.ftl), and so are the words of a value (a
//! [`Phrase`]: "outbox (no server set)", "token renewed"…), so the app shows the whole
//! report in the user's language; `--json` gives the same structure, values in English.
//! What is not words stays as it is: host names, versions, paths, a server's reply.

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
    /// The value in English (for `--json`).
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
    /// The value in words, said again in the reader's language by [`Report::to_text`]
    /// (phrases joined by ", "); empty when the value is not words.
    #[serde(skip)]
    #[ts(skip)]
    said: Vec<Phrase>,
}

/// Words of a value: a Fluent id of ui.ftl and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    /// A number, so that Fluent chooses its plural form.
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

fn phrase(id: &'static str, args: Vec<(&'static str, Arg)>) -> Phrase {
    Phrase { id, args }
}

impl Phrase {
    fn format(&self, loc: &Localizer) -> String {
        let mut args = fluent_bundle::FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(t) => args.set(*name, t.clone()),
                Arg::Number(n) => args.set(*name, *n),
            }
        }
        loc.format(self.id, Some(&args))
    }
}

fn say(phrases: &[Phrase], loc: &Localizer) -> String {
    let words: Vec<String> = phrases.iter().map(|p| p.format(loc)).collect();
    redact(&words.join(", "))
}

/// The English bundle, for the values of `--json`.
fn english() -> &'static Localizer {
    static ENGLISH: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| Localizer::new(crate::model::UiLanguage::En, crate::i18n::Domain::Ui))
}

/// A line whose value is one phrase.
fn says(label: &str, id: &'static str, args: Vec<(&'static str, Arg)>) -> Line {
    said(label, vec![phrase(id, args)])
}

/// A line whose value is words.
fn said(label: &str, phrases: Vec<Phrase>) -> Line {
    Line {
        value: say(&phrases, english()),
        said: phrases,
        ..line(label, "")
    }
}

fn yes_no_arg(b: bool) -> Arg {
    Arg::Text(yes_no(b))
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
        said: Vec::new(),
    }
}

/// What a check that worked found: words, or a server's own (its name).
enum Found {
    Said(Phrase),
    Raw(String),
}

fn check(label: &str, result: Result<Found, (&str, String)>) -> Line {
    match result {
        Ok(Found::Said(p)) => Line {
            status: Some(Status::Ok),
            ..said(label, vec![p])
        },
        Ok(Found::Raw(value)) => Line {
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
        let by: Vec<Phrase> = stmt
            .query_map([], |r| {
                Ok(phrase(
                    "doctor-status-count",
                    vec![
                        ("status", r.get::<_, String>(0)?.into()),
                        ("count", r.get::<_, i64>(1)?.into()),
                    ],
                ))
            })
            .and_then(|rows| rows.collect())
            .unwrap_or_default();
        lines.push(said("doctor-contacts-by-status", by));
    }
    lines.push(line(
        "doctor-sends",
        count("SELECT count(*) FROM send_runs WHERE is_test = 0"),
    ));
    if let Ok(m) = std::fs::metadata(db) {
        let kb = i64::try_from(m.len() / 1024).unwrap_or(i64::MAX);
        lines.push(says(
            "doctor-database-size",
            "doctor-kb",
            vec![("kb", kb.into())],
        ));
    }
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
            // The user name is usually an address: only whether a password is saved.
            let login = if s.oauth {
                "oauth"
            } else if s.username.is_empty() {
                "none"
            } else {
                "password"
            };
            lines.push(says(
                "doctor-smtp",
                "doctor-smtp-value",
                vec![
                    ("host", s.host.clone().into()),
                    ("port", s.port.to_string().into()),
                    ("security", format!("{:?}", s.security).into()),
                    ("login", login.into()),
                    (
                        "saved",
                        yes_no_arg(
                            crate::secrets::password(&s.username, &s.host, data_dir).is_some(),
                        ),
                    ),
                    (
                        "preset",
                        if s.preset.is_empty() {
                            "custom".into()
                        } else {
                            s.preset.clone().into()
                        },
                    ),
                ],
            ));
            let limits: Vec<String> = s
                .limits
                .iter()
                .map(|l| format!("{}/{} s", l.count, l.per_seconds))
                .collect();
            lines.push(says(
                "doctor-smtp-pace",
                "doctor-smtp-pace-value",
                vec![
                    (
                        "limits",
                        if limits.is_empty() {
                            "none".into()
                        } else {
                            limits.join(", ").into()
                        },
                    ),
                    ("concurrency", i64::from(s.concurrency).into()),
                ],
            ));
            lines.push(says(
                "doctor-smtp-trust",
                if !s.pinned_cert.is_empty() {
                    "doctor-trust-pinned"
                } else if !s.ca_file.is_empty() {
                    "doctor-trust-ca"
                } else {
                    "doctor-trust-system"
                },
                vec![],
            ));
        }
        Ok(None) => lines.push(says("doctor-smtp", "doctor-outbox", vec![])),
        Err(e) => lines.push(line("doctor-smtp", e.to_string())),
    }
    match store.imap_settings() {
        Ok(Some(m)) => lines.push(says(
            "doctor-imap",
            "doctor-imap-value",
            vec![
                ("host", m.host.clone().into()),
                ("port", m.port.to_string().into()),
                ("security", format!("{:?}", m.security).into()),
                ("folder", m.folder_name().into()),
                ("login", if m.oauth { "oauth" } else { "password" }.into()),
                ("automatic", yes_no_arg(m.automatic)),
            ],
        )),
        Ok(None) => lines.push(line("doctor-imap", "-")),
        Err(e) => lines.push(line("doctor-imap", e.to_string())),
    }
    match store.oauth_account() {
        Ok(Some(a)) => lines.push(says(
            "doctor-sign-in",
            "doctor-sign-in-value",
            vec![
                ("provider", a.client.provider.id().to_string().into()),
                ("when", a.signed_in_at.clone().into()),
                (
                    "kept",
                    if crate::secrets::refresh_token_file_consented(data_dir) {
                        "file"
                    } else {
                        "keychain"
                    }
                    .into(),
                ),
            ],
        )),
        Ok(None) => lines.push(line("doctor-sign-in", "-")),
        Err(e) => lines.push(line("doctor-sign-in", e.to_string())),
    }
    match store.translate_settings() {
        Ok(t) if !t.service.is_empty() => lines.push(says(
            "doctor-translation",
            "doctor-translation-value",
            vec![
                (
                    "service",
                    if t.url.is_empty() {
                        t.service.clone()
                    } else {
                        format!("{} ({})", t.service, t.url)
                    }
                    .into(),
                ),
                (
                    "saved",
                    yes_no_arg(crate::secrets::translate_key(&t.service, data_dir).is_some()),
                ),
            ],
        )),
        Ok(_) => lines.push(line("doctor-translation", "-")),
        Err(e) => lines.push(line("doctor-translation", e.to_string())),
    }
    let second = store.backup_second_folder().ok().flatten();
    lines.push(says(
        "doctor-backup-settings",
        "doctor-backup-settings-value",
        vec![
            ("folder", second.unwrap_or_else(|| "-".to_owned()).into()),
            (
                "passphrase",
                yes_no_arg(crate::secrets::backup_passphrase(data_dir).is_some()),
            ),
        ],
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
                        .map(Found::Raw)
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
            .map(|n| {
                Found::Said(phrase(
                    "doctor-mailbox-messages",
                    vec![("count", i64::from(n).into())],
                ))
            })
            .map_err(|e| (e.message_id(), e.detail())),
        },
    ));

    lines.push(check(
        "doctor-check-sign-in",
        match &account {
            None => Err(("", String::new())),
            Some(a) => crate::oauth::Tokens::of_saved(a, data_dir)
                .and_then(|tokens| tokens.access_token(None).map(|_| tokens))
                .map(|tokens| {
                    Found::Said(match tokens.valid_until() {
                        Some(until) => phrase(
                            "doctor-token-valid-until",
                            vec![("until", until.to_rfc3339().into())],
                        ),
                        None => phrase("doctor-token-renewed", vec![]),
                    })
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
                    .map(|usage| {
                        Found::Said(match usage {
                            Some((used, limit)) => phrase(
                                "doctor-translation-usage",
                                vec![
                                    ("used", i64::try_from(used).unwrap_or(i64::MAX).into()),
                                    ("limit", i64::try_from(limit).unwrap_or(i64::MAX).into()),
                                ],
                            ),
                            None => phrase("doctor-translation-answers", vec![]),
                        })
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
                    _ if !l.said.is_empty() => say(&l.said, loc),
                    "yes" => loc.format("doctor-yes", None),
                    "no" => loc.format("doctor-no", None),
                    other => other.to_owned(),
                };
                let value = match (status.is_empty(), plain.is_empty()) {
                    (true, _) => plain,
                    (false, true) => status,
                    (false, false) => format!("{status} — {plain}"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::ContactLanguage;
    use crate::model::UiLanguage;

    const PHRASES: [&str; 17] = [
        "doctor-status-count",
        "doctor-kb",
        "doctor-outbox",
        "doctor-smtp-value",
        "doctor-smtp-pace-value",
        "doctor-trust-pinned",
        "doctor-trust-ca",
        "doctor-trust-system",
        "doctor-imap-value",
        "doctor-sign-in-value",
        "doctor-translation-value",
        "doctor-backup-settings-value",
        "doctor-mailbox-messages",
        "doctor-token-renewed",
        "doctor-token-valid-until",
        "doctor-translation-answers",
        "doctor-translation-usage",
    ];

    #[test]
    fn every_phrase_is_said_in_every_language() {
        crate::i18n::assert_explained(PHRASES);
    }

    fn offline(store: &Store, db: &Path, dir: &Path) -> Report {
        report(
            store,
            db,
            dir,
            &Context {
                program: "test".into(),
                network: false,
                ..Default::default()
            },
        )
    }

    /// The settings part of a report in `lang` (the log's
    /// lines, which are in English for whoever helps, come after).
    fn settings_in(report: &Report, lang: UiLanguage) -> String {
        let text = report.to_text(&Localizer::new(lang, crate::i18n::Domain::Ui));
        let log = Localizer::new(lang, crate::i18n::Domain::Ui).format("doctor-section-log", None);
        text.split(&format!("== {log} =="))
            .next()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn values_are_in_the_readers_language_and_in_english_for_json() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tandem.sqlite3");
        let mut store = Store::open(&db).unwrap();

        let text = settings_in(&offline(&store, &db, dir.path()), UiLanguage::Fr);
        assert!(
            text.contains("Serveur d’envoi\u{a0}: boîte d’envoi (aucun serveur configuré)"),
            "{text}"
        );

        store
            .save_contact(
                &crate::contacts::ContactInput {
                    id: None,
                    email: "anne@example.be".into(),
                    first_name: "Anne".into(),
                    last_name: String::new(),
                    organisation: String::new(),
                    language: ContactLanguage::Fr,
                    lists: vec![],
                    notes: String::new(),
                },
                &mut || "token-1".to_owned(),
            )
            .unwrap();
        store
            .set_smtp_settings(&crate::send::SmtpSettings {
                host: "smtp.example.org".into(),
                port: 587,
                username: "office@example.org".into(),
                from_address: "office@example.org".into(),
                ..Default::default()
            })
            .unwrap();
        store
            .set_imap_settings(Some(&crate::mailbox::ImapSettings {
                host: "imap.example.org".into(),
                port: 993,
                security: crate::net::Security::Tls,
                username: "office@example.org".into(),
                ca_file: String::new(),
                pinned_cert: String::new(),
                oauth: false,
                folder: String::new(),
                automatic: true,
            }))
            .unwrap();
        store
            .set_translate_settings(&crate::translate::TranslateSettings {
                service: "deepl".into(),
                url: String::new(),
                notice_accepted: true,
            })
            .unwrap();
        let report = offline(&store, &db, dir.path());
        let value = |label: &str| {
            report
                .sections
                .iter()
                .flat_map(|s| &s.lines)
                .find(|l| l.label == label)
                .unwrap_or_else(|| panic!("no {label}"))
                .value
                .clone()
        };
        assert_eq!(value("doctor-contacts-by-status"), "subscribed: 1");
        assert!(
            value("doctor-smtp").contains("password login, password saved: no, preset: custom"),
            "{}",
            value("doctor-smtp")
        );
        assert!(value("doctor-imap").contains("automatic: yes"));
        assert!(
            !value("doctor-smtp").contains("office@"),
            "{}",
            value("doctor-smtp")
        );

        let fr = settings_in(&report, UiLanguage::Fr);
        for expected in [
            "inscrits\u{a0}: 1",
            "identifiant et mot de passe, mot de passe enregistré\u{a0}: non",
            "préréglage\u{a0}: personnalisé",
            "automatique\u{a0}: oui",
            "clé enregistrée\u{a0}: non",
            " Ko",
        ] {
            assert!(fr.contains(expected), "{expected:?} not in:\n{fr}");
        }
        let nl = settings_in(&report, UiLanguage::Nl);
        for expected in [
            "ingeschreven: 1",
            "wachtwoord bewaard: nee",
            "voorinstelling: eigen",
            "automatisch: ja",
        ] {
            assert!(nl.contains(expected), "{expected:?} not in:\n{nl}");
        }
        for text in [&fr, &nl] {
            for english in [
                "password",
                "saved",
                "folder",
                "automatic",
                "subscribed",
                "custom",
                "at once",
                "no limit",
                "outbox",
                ": yes",
                ": no\n",
                ": no,",
                "Anne",
                "anne@",
                "office@",
            ] {
                assert!(!text.contains(english), "{english:?} in:\n{text}");
            }
        }
    }
}
