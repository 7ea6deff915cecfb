//! `tandem send` and `tandem ledger`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tandem_core::send::{
    self, Audience, Control, Ending, Link, OutboxLink, Progress, RateLimit, SendConfig, Sender,
    SmtpEndpoint, SmtpLink, SmtpSettings,
};
use tandem_core::store::Store;

use crate::SendArgs;

/// Where the messages of this invocation go.
enum Destination {
    Smtp(Arc<SmtpEndpoint>, String),
    Outbox(PathBuf),
}

fn destination(
    args: &SendArgs,
    saved: Option<&SmtpSettings>,
    default_outbox: PathBuf,
) -> Result<Destination, String> {
    if let Some(dir) = &args.outbox {
        return Ok(Destination::Outbox(dir.clone()));
    }
    let settings = match (&args.smtp, saved) {
        (Some(url), _) => SmtpSettings::from_url(url).map_err(|e| format!("--smtp: {e}"))?,
        (None, Some(saved)) if !saved.host.trim().is_empty() => saved.clone(),
        _ => return Ok(Destination::Outbox(default_outbox)),
    };
    let settings = SmtpSettings {
        ca_file: match &args.ca_cert {
            Some(path) => path.display().to_string(),
            None => settings.ca_file,
        },
        ..settings
    };
    // The password never comes from the command line (it would show in `ps` and in the
    // shell history).
    let data_dir = default_outbox.parent().unwrap_or(Path::new("."));
    let password = std::env::var("TANDEM_SMTP_PASSWORD")
        .ok()
        .or_else(|| tandem_core::secrets::password(&settings.username, &settings.host, data_dir));
    if !settings.username.is_empty() && password.is_none() {
        return Err(format!(
            "the server asks for a login as {} but no password is saved in the keychain \
             and TANDEM_SMTP_PASSWORD is not set",
            settings.username
        ));
    }
    let endpoint = SmtpEndpoint::new(
        &settings,
        password.as_deref(),
        Duration::from_secs(args.timeout.max(1)),
    )?;
    let label = format!("{}:{}", settings.host, settings.port);
    Ok(Destination::Smtp(Arc::new(endpoint), label))
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
        let done = p.sent + p.failed;
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
                    "{done}/{} done (sent {}, failed {})",
                    p.total, p.sent, p.failed
                );
            }
        }
    }
}

pub fn send(store: &mut Store, args: SendArgs, default_outbox: PathBuf) -> Result<(), String> {
    let saved = store.smtp_settings().map_err(|e| e.to_string())?;
    let dest = destination(&args, saved.as_ref(), default_outbox)?;

    // Nothing is written to the ledger before the server has said yes once.
    if let (false, Destination::Smtp(endpoint, label)) = (args.dry_run, &dest) {
        endpoint
            .test()
            .map_err(|o| format!("cannot send through {label}: {}", describe(&o)))?;
    }
    let run = match args.resume {
        Some(run) => {
            let info = if run == 0 {
                store
                    .unfinished_run()
                    .map_err(|e| e.to_string())?
                    .ok_or("there is no unfinished send to resume")?
            } else {
                store.run(run).map_err(|e| e.to_string())?
            };
            eprintln!(
                "resuming send {} of issue no. {}: {} pending of {}",
                info.id, info.issue_number, info.pending, info.total
            );
            info.id
        }
        None => {
            let issue = args.issue.expect("clap requires an issue without --resume");
            let audience = match &args.test {
                Some(email) => Audience::Test {
                    email: email.clone(),
                    edition: args.edition,
                },
                None => Audience::Lists(args.list.clone()),
            };
            if args.dry_run {
                return dry_run(store, issue, &args);
            }
            let sender = sender(
                &args,
                saved.as_ref(),
                matches!(dest, Destination::Outbox(_)),
            )?;
            let greeting = args.greeting || saved.as_ref().is_some_and(|s| s.greeting);
            send::start_run(store, issue, &audience, &sender, greeting)
                .map_err(|e| e.to_string())?
        }
    };
    if args.dry_run {
        return Err("--dry-run cannot be combined with --resume".into());
    }

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
    let mut links = || -> Box<dyn Link> {
        match &dest {
            Destination::Smtp(endpoint, _) => Box::new(SmtpLink::new(Arc::clone(endpoint))),
            Destination::Outbox(dir) => Box::new(OutboxLink::new(dir.clone())),
        }
    };
    match &dest {
        Destination::Smtp(_, label) => eprintln!("send {run}: sending through {label}"),
        Destination::Outbox(dir) => {
            eprintln!(
                "send {run}: no SMTP server configured, writing .eml files to {}",
                dir.display()
            )
        }
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
        "failed": last.failed,
        "pending": last.pending,
        "ending": ending,
    });
    println!("{summary}");
    match ending {
        Ending::Finished | Ending::Paused | Ending::Cancelled => Ok(()),
        Ending::Unreachable { reply } => Err(format!(
            "the server stayed unreachable ({reply}); {} recipient(s) still pending. \
             Resume with: tandem send --resume {run}",
            last.pending
        )),
        Ending::Refused { reply } => Err(format!(
            "the server refused the connection: {reply}. Check the settings, then resume \
             with: tandem send --resume {run}"
        )),
    }
}

fn describe(outcome: &send::Outcome) -> String {
    match outcome {
        send::Outcome::Unreachable(r) => format!("the server cannot be reached ({r})"),
        send::Outcome::Refused(r) => format!("the server refused the connection: {r}"),
        other => format!("{other:?}"),
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
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(rows)).map_err(|e| e.to_string())?;
    }
    Ok(())
}
