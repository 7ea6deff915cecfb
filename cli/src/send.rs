//! `tandem send` and `tandem ledger`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tandem_core::send::RunInfo;
use tandem_core::send::{
    self, Control, Destination, Ending, Progress, RateLimit, Recipients, Route, SendConfig, Sender,
    SmtpSettings,
};
use tandem_core::store::Store;

use crate::SendArgs;

/// The destination the command line names, if it names one.
fn named_destination(args: &SendArgs) -> Result<Option<Destination>, String> {
    if let Some(dir) = &args.outbox {
        return Ok(Some(Destination::Outbox {
            dir: dir.display().to_string(),
        }));
    }
    match &args.smtp {
        Some(url) => {
            let mut settings = SmtpSettings::from_url(url).map_err(|e| format!("--smtp: {e}"))?;
            settings.oauth = args.auth.as_deref() == Some("xoauth2");
            if settings.oauth && settings.username.is_empty() {
                return Err(
                    "--auth xoauth2 logs in as the URL's user: smtp://ACCOUNT@HOST:PORT?tls=required"
                        .into(),
                );
            }
            Ok(Some(Destination::of_settings(&settings)))
        }
        None => Ok(None),
    }
}

/// `--ca-cert` and `--pin-cert` on top of a server destination.
fn with_tls_options(mut destination: Destination, args: &SendArgs) -> Result<Destination, String> {
    let Destination::Smtp {
        ca_file,
        pinned_cert,
        ..
    } = &mut destination
    else {
        if args.ca_cert.is_some() || args.pin_cert.is_some() {
            return Err(format!(
                "--ca-cert and --pin-cert are for a server, not for the outbox folder ({})",
                destination.label(Path::new("outbox"))
            ));
        }
        return Ok(destination);
    };
    if let Some(path) = &args.ca_cert {
        *ca_file = path.display().to_string();
    }
    if let Some(pin) = &args.pin_cert {
        *pinned_cert = tandem_core::net::normalize_fingerprint(pin)
            .ok_or_else(|| format!("--pin-cert {pin:?} is not a SHA-256 fingerprint"))?;
    }
    Ok(destination)
}

/// Where the saved settings send: their server, or the outbox without one.
fn saved_destination(saved: Option<&SmtpSettings>) -> Destination {
    match saved {
        Some(s) if !s.host.trim().is_empty() => Destination::of_settings(s),
        _ => Destination::default_outbox(),
    }
}

/// The destination made ready: the password from `TANDEM_SMTP_PASSWORD` or the
/// keychain (never from the command line: it would show in `ps` and the shell history),
/// or the signed-in account's token.
fn route(
    destination: &Destination,
    args: &SendArgs,
    account: Option<&tandem_core::oauth::Account>,
    default_outbox: &Path,
) -> Result<Route, String> {
    let data_dir = default_outbox.parent().unwrap_or(Path::new("."));
    let login = destination
        .login_with(
            std::env::var("TANDEM_SMTP_PASSWORD").ok(),
            account,
            data_dir,
        )
        .map_err(|e| match e {
            send::LoginError::NoPassword(username) => format!(
                "the server asks for a login as {username} but no password is saved in the \
                 keychain and TANDEM_SMTP_PASSWORD is not set"
            ),
            send::LoginError::NotSignedIn(username) => format!(
                "the server takes a sign-in as {username}, who is not signed in on this \
                 computer: run tandem account login --provider microsoft|google first"
            ),
            send::LoginError::OAuth(e) => crate::account::explain(&e),
        })?;
    Route::open(
        destination,
        login,
        Duration::from_secs(args.timeout.max(1)),
        default_outbox,
    )
}

/// What a resume of run `info` sends through: the run's own destination, unless the
/// command line names another (then the change is returned, to be recorded once the
/// server has said yes).
fn resume_destination(
    info: &RunInfo,
    args: &SendArgs,
    saved: Option<&SmtpSettings>,
) -> Result<(Destination, bool), String> {
    let named = named_destination(args)?;
    let explicit = named.is_some() || args.ca_cert.is_some() || args.pin_cert.is_some();
    let base = match (named, &info.destination) {
        (Some(named), _) => named,
        (None, Some(recorded)) => recorded.clone(),
        // Started by a Tandem that did not record where it went.
        (None, None) => {
            let saved = saved_destination(saved);
            if saved.is_outbox() && info.sent > 0 {
                return Err(format!(
                    "send {} was started by an earlier Tandem that did not record its server, \
                     and {} of its messages were accepted by a server; name the server to \
                     resume through: tandem send --resume {} --smtp URL",
                    info.id, info.sent, info.id
                ));
            }
            saved
        }
    };
    let destination = with_tls_options(base, args)?;
    let changed = info.destination.as_ref() != Some(&destination);
    if changed && explicit {
        return Ok((destination, true));
    }
    Ok((destination, info.destination.is_none()))
}

fn sender(args: &SendArgs, saved: Option<&SmtpSettings>, outbox: bool) -> Result<Sender, String> {
    let reply_to = args
        .reply_to
        .clone()
        .or_else(|| saved.map(|s| s.reply_to.clone()))
        .unwrap_or_default();
    let unsubscribe = saved.map(|s| s.unsubscribe_url.clone()).unwrap_or_default();
    match (&args.from, saved) {
        (Some(from), _) => Sender::parse(from, &reply_to, &unsubscribe),
        (None, Some(saved)) if !saved.from_address.trim().is_empty() => {
            Sender::from_settings(saved)
        }
        // Trying things out with the outbox needs no configuration.
        (None, _) if outbox => Sender::parse("Tandem <outbox@example.invalid>", &reply_to, ""),
        (None, _) => Err(send::SendError::Sender(String::new())),
    }
    .map_err(|e| match e {
        send::SendError::Sender(s) if s.is_empty() => {
            "no sender: pass --from \"Name <address>\" or save one in the app's settings".into()
        }
        e => e.to_string(),
    })
}

fn limits(args: &SendArgs, saved: Option<&SmtpSettings>) -> Result<Vec<RateLimit>, String> {
    if args.rate.is_empty() {
        return Ok(saved.map(|s| s.limits.clone()).unwrap_or_default());
    }
    args.rate
        .iter()
        .map(|r| {
            RateLimit::parse(r).ok_or_else(|| {
                format!("--rate {r:?}: write a number per unit, e.g. 30/min, 200/h, 10000/day")
            })
        })
        .collect()
}

/// Shows progress on stderr: a bar on a terminal, a line per tenth otherwise.
struct Reporter {
    tty: bool,
    last_tenth: u32,
}

impl Reporter {
    fn show(&mut self, p: &Progress) {
        let done = p.sent + p.outbox + p.failed;
        if self.tty {
            let width = 30usize;
            let filled = if p.total == 0 {
                width
            } else {
                (done as usize * width) / p.total as usize
            };
            let mut line = format!(
                "\r[{}{}] {done}/{} sent {} failed {}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                p.total,
                p.sent,
                p.failed
            );
            if p.outbox > 0 {
                line.push_str(&format!(" to the outbox folder {}", p.outbox));
            }
            if p.waiting_until.is_some() {
                line.push_str(" (waiting for the rate limit)");
            }
            if let Some(reply) = &p.unreachable {
                line.push_str(&format!(" (server unreachable: {reply})"));
            }
            let mut err = std::io::stderr();
            let _ = write!(err, "{line}\x1b[K");
            let _ = err.flush();
        } else if let Some(tenth) = (done * 10).checked_div(p.total) {
            if tenth > self.last_tenth {
                self.last_tenth = tenth;
                eprintln!(
                    "{done}/{} done (sent {}, to the outbox folder {}, failed {})",
                    p.total, p.sent, p.outbox, p.failed
                );
            }
        }
    }
}

pub fn send(store: &mut Store, args: SendArgs, default_outbox: PathBuf) -> Result<(), String> {
    let (summary, outcome) = send_quietly(store, args, default_outbox)?;
    if let Some(summary) = summary {
        println!("{summary}");
    }
    outcome
}

/// [`send`] without printing its summary: the summary (none for a dry run), and how the
/// send ended for the exit code.
pub fn send_quietly(
    store: &mut Store,
    args: SendArgs,
    default_outbox: PathBuf,
) -> Result<(Option<serde_json::Value>, Result<(), String>), String> {
    let saved = store.smtp_settings().map_err(|e| e.to_string())?;
    let resumed = match args.resume {
        Some(0) => Some(
            store
                .unfinished_run()
                .map_err(|e| e.to_string())?
                .ok_or("there is no unfinished send to resume")?,
        ),
        Some(run) => Some(store.run(run).map_err(|e| e.to_string())?),
        None => None,
    };
    if args.dry_run {
        return match (&resumed, args.issue) {
            (None, Some(issue)) => Ok((None, dry_run(store, issue, &args))),
            _ => Err("--dry-run cannot be combined with --resume".into()),
        };
    }
    let (destination, record_change) = match &resumed {
        Some(info) => resume_destination(info, &args, saved.as_ref())?,
        None => {
            let base =
                named_destination(&args)?.unwrap_or_else(|| saved_destination(saved.as_ref()));
            (with_tls_options(base, &args)?, false)
        }
    };
    let account = store.oauth_account().map_err(|e| e.to_string())?;
    let route = route(&destination, &args, account.as_ref(), &default_outbox)?;
    let label = destination.label(&default_outbox);
    // Nothing is written to the ledger before the server has said yes once.
    route
        .check()
        .map_err(|o| format!("cannot send through {label}: {}", describe(&o, &route)))?;

    let run = match &resumed {
        Some(info) => {
            if record_change {
                let was = info
                    .destination
                    .as_ref()
                    .map_or("(not recorded)".to_owned(), |d| d.label(&default_outbox));
                store
                    .change_run_destination(info.id, &destination, tandem_core::clock::now_ms())
                    .map_err(|e| e.to_string())?;
                eprintln!(
                    "send {}: started through {was}, now going through {label}",
                    info.id
                );
            }
            eprintln!(
                "resuming send {} of issue no. {}: {} pending of {}",
                info.id, info.issue_number, info.pending, info.total
            );
            info.id
        }
        None => {
            let issue = args.issue.expect("clap requires an issue without --resume");
            let audience = match &args.test {
                Some(email) => Recipients::Test {
                    email: email.clone(),
                    edition: args.edition,
                },
                None => Recipients::Lists(args.list.clone()),
            };
            let sender = sender(&args, saved.as_ref(), destination.is_outbox())?;
            let greeting = args.greeting || saved.as_ref().is_some_and(|s| s.greeting);
            send::start_run(store, issue, &audience, &sender, greeting, &destination)
                .map_err(|e| e.to_string())?
        }
    };

    let prepared = Arc::new(send::prepare_run(store, run).map_err(|e| e.to_string())?);
    let config = SendConfig {
        limits: limits(&args, saved.as_ref())?,
        concurrency: args
            .concurrency
            .or(saved.as_ref().map(|s| s.concurrency as usize))
            .unwrap_or(2)
            .clamp(1, 16),
        retry_base: Duration::from_secs(args.retry_after),
        max_attempts: args.max_attempts.max(1),
        give_up_after: Duration::from_secs(args.give_up_after),
        ..SendConfig::default()
    };
    let mut links = || route.link();
    if destination.is_outbox() {
        eprintln!(
            "send {run}: no SMTP server, writing .eml files to {label} (nobody receives them)"
        );
    } else {
        eprintln!("send {run}: sending through {label}");
    }
    let mut reporter = Reporter {
        tty: std::io::stderr().is_terminal(),
        last_tenth: 0,
    };
    let mut last = Progress::default();
    let ending = send::drive(
        store,
        run,
        prepared,
        &mut links,
        &config,
        &Control::default(),
        &mut |p| {
            reporter.show(p);
            last = p.clone();
        },
    )
    .map_err(|e| e.to_string())?;
    if reporter.tty {
        eprintln!();
    }
    let summary = serde_json::json!({
        "run": run,
        "sent": last.sent,
        "outbox": last.outbox,
        "failed": last.failed,
        "pending": last.pending,
        "ending": ending,
    });
    let outcome = match ending {
        Ending::Finished | Ending::Paused | Ending::Cancelled => Ok(()),
        Ending::Unreachable { reply } => Err(format!(
            "the server stayed unreachable ({reply}); {} recipient(s) still pending. \
             Resume with: tandem send --resume {run}",
            last.pending
        )),
        Ending::Refused { reply } => Err(format!(
            "the server refused the connection: {}. Check the settings, then resume \
             with: tandem send --resume {run}",
            explain_refusal(&reply)
        )),
        Ending::SignIn { reply } => Err(format!(
            "the send is paused: the sign-in has expired or was withdrawn ({reply}). Sign in \
             again with tandem account login --provider microsoft|google, then resume with: \
             tandem send --resume {run} ({} recipient(s) pending; nobody gets it twice)",
            last.pending
        )),
    };
    Ok((Some(summary), outcome))
}

fn describe(outcome: &send::Outcome, route: &Route) -> String {
    match outcome {
        send::Outcome::Unreachable(r) => format!("the server cannot be reached ({r})"),
        send::Outcome::Refused(r) => {
            format!("the server refused the connection: {}", explain_refusal(r))
        }
        send::Outcome::SignIn(r) => {
            format!("the sign-in gives no token ({r}): sign in again with tandem account login")
        }
        send::Outcome::Certificate(r) => {
            let mut text = format!("the server's certificate is not trusted ({r})");
            if let Route::Smtp(endpoint) = route {
                if let Ok(cert) = endpoint.certificate() {
                    text.push_str(&format!(
                        ".\nIt presents: subject {}, issued by {}, valid {} to {}, SHA-256 {}.\n\
                         Only if you know this is your server's own certificate (ask who runs \
                         it to read you its fingerprint), trust it with --pin-cert {}",
                        cert.subject,
                        cert.issuer,
                        cert.not_before,
                        cert.not_after,
                        cert.sha256_colons(),
                        cert.sha256
                    ));
                }
            }
            text
        }
        other => format!("{other:?}"),
    }
}

/// A login refusal with what to do, when it is one people meet with these providers.
fn explain_refusal(reply: &str) -> String {
    match tandem_core::oauth::explain_smtp_refusal(reply) {
        Some(id) => {
            let text = tandem_core::i18n::Localizer::new(
                tandem_core::model::UiLanguage::En,
                tandem_core::i18n::Domain::Ui,
            );
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("reply", reply.to_owned());
            text.format(id, Some(&args))
        }
        None => reply.to_owned(),
    }
}

fn dry_run(store: &Store, issue: i64, args: &SendArgs) -> Result<(), String> {
    let audience = store.audience(&args.list).map_err(|e| e.to_string())?;
    let stored = store.issue(issue).map_err(|e| e.to_string())?;
    let report = stored.issue.check();
    let summary = serde_json::json!({
        "dry_run": true,
        "issue": issue,
        "audience": audience,
        "recipients": audience.total(),
        "incomplete_blocks": report.incomplete_blocks().iter().map(|b| b + 1).collect::<Vec<_>>(),
    });
    println!("{summary}");
    Ok(())
}

pub fn ledger(store: &Store, run: Option<i64>, format: &str) -> Result<(), String> {
    let run = match run {
        Some(run) => run,
        None => {
            store
                .runs()
                .map_err(|e| e.to_string())?
                .first()
                .ok_or("nothing has been sent yet")?
                .id
        }
    };
    store.run(run).map_err(|e| e.to_string())?;
    let rows = store.ledger(run, None).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if format == "csv" {
        out.write_all(&send::ledger_csv(&rows, false))
            .map_err(|e| e.to_string())?;
    } else {
        let rows: Vec<_> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "email": r.email, "edition": r.edition.code(), "status": r.status.code(),
                    "attempts": r.attempts, "reply": r.reply, "message_id": r.message_id,
                    "sent_at": r.sent_at, "last_attempt_at": r.last_attempt_at,
                    "bounce": r.bounce, "bounce_code": r.bounce_code,
                    "bounce_reason": r.bounce_reason, "bounced_at": r.bounced_at,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(rows)).map_err(|e| e.to_string())?;
    }
    Ok(())
}
