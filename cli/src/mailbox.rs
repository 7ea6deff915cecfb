//! `tandem mailbox check|log|confirm|dismiss|undo`: reading the sending mailbox back.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use tandem_core::mailbox::MailboxAction;
use tandem_core::mailbox::{self, CheckOptions, ImapSettings};
use tandem_core::store::Store;

use crate::MailboxCommand;

/// How the command line reaches the mailbox (each falls back on the saved settings).
#[derive(Debug, Default)]
pub struct ImapArgs {
    pub imap: Option<String>,
    pub ca_cert: Option<std::path::PathBuf>,
    pub pin_cert: Option<String>,
    pub auth: Option<String>,
    pub folder: Option<String>,
}

/// The mailbox settings and login: from the arguments, else the saved settings; the
/// password from $TANDEM_IMAP_PASSWORD or the keychain, or the signed-in account.
pub fn imap_login(
    store: &Store,
    data_dir: &Path,
    args: &ImapArgs,
) -> Result<(ImapSettings, mailbox::ImapLogin), String> {
    let mut settings = match &args.imap {
        Some(url) => ImapSettings::from_url(url)?,
        None => store.imap_settings().map_err(|e| e.to_string())?.ok_or(
            "no mailbox is set: pass --imap imaps://USER@HOST or set it in the app's Settings",
        )?,
    };
    if let Some(ca) = &args.ca_cert {
        settings.ca_file = ca.display().to_string();
    }
    if let Some(pin) = &args.pin_cert {
        settings.pinned_cert = pin.clone();
    }
    if let Some(folder) = &args.folder {
        settings.folder = folder.clone();
    }
    match args.auth.as_deref() {
        Some("xoauth2") => settings.oauth = true,
        Some("password") => settings.oauth = false,
        _ => {}
    }
    let smtp = store.smtp_settings().map_err(|e| e.to_string())?;
    let account = store.oauth_account().map_err(|e| e.to_string())?;
    let (settings, login) = mailbox::login_for(
        &settings,
        smtp.as_ref().map(|s| mailbox::SendingAccount {
            username: &s.username,
            host: &s.host,
        }),
        std::env::var("TANDEM_IMAP_PASSWORD").ok(),
        account.as_ref(),
        data_dir,
    )
    .map_err(|e| e.to_string())?;
    Ok((settings, login))
}

/// One action as a line on stderr.
fn line(a: &MailboxAction) -> String {
    let mut out = format!(
        "{}: {}",
        a.kind,
        if a.email.is_empty() {
            &a.sender
        } else {
            &a.email
        }
    );
    if !a.status_code.is_empty() {
        out.push_str(&format!(" ({})", a.status_code));
    }
    if !a.diagnostic.is_empty() {
        out.push_str(&format!(" — {}", a.diagnostic));
    }
    if !a.note.is_empty() {
        out.push_str(&format!(" [{}]", a.note));
    }
    if !a.subject.is_empty() {
        out.push_str(&format!(" «{}»", a.subject));
    }
    out
}

pub fn mailbox(store: &mut Store, data_dir: &Path, cmd: MailboxCommand) -> Result<(), String> {
    match cmd {
        MailboxCommand::Check {
            imap,
            ca_cert,
            pin_cert,
            auth,
            folder,
            dry_run,
            timeout,
        } => {
            let (settings, login) = imap_login(
                store,
                data_dir,
                &ImapArgs {
                    imap,
                    ca_cert,
                    pin_cert,
                    auth,
                    folder,
                },
            )?;
            let options = CheckOptions {
                dry_run,
                timeout: Duration::from_secs(timeout),
            };
            let stderr = std::io::stderr();
            let summary = mailbox::check(store, &settings, &login, &options, &mut |a| {
                let _ = writeln!(stderr.lock(), "{}", line(a));
            })
            .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::to_string(&summary).map_err(|e| e.to_string())?
            );
        }
        MailboxCommand::Log { format, limit } => {
            let log = store.mailbox_log(limit).map_err(|e| e.to_string())?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            if format == "csv" {
                out.write_all(&mailbox::log_csv(&log))
                    .map_err(|e| e.to_string())?;
            } else {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&log).map_err(|e| e.to_string())?
                )
                .map_err(|e| e.to_string())?;
            }
        }
        MailboxCommand::Confirm { id } => {
            let a = store
                .decide_mailbox_request(id, true)
                .map_err(|e| e.to_string())?;
            eprintln!("{}: unsubscribed, by e-mail request", a.email);
        }
        MailboxCommand::Dismiss { id } => {
            let a = store
                .decide_mailbox_request(id, false)
                .map_err(|e| e.to_string())?;
            eprintln!("{}: left subscribed", a.email);
        }
        MailboxCommand::Undo { id } => {
            let a = store.undo_mailbox_action(id).map_err(|e| e.to_string())?;
            if a.state == "undone" {
                eprintln!("{}: {} undone", a.email, a.kind);
            } else {
                return Err(format!(
                    "action {id} ({}) changed nothing that can be undone",
                    a.kind
                ));
            }
        }
    }
    Ok(())
}
