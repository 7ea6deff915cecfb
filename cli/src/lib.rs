//! `tandem`: the headless command line over tandem-core.
//!
//! Thin by design: parse arguments, call the core, print. Messages for people go to
//! stderr; machine-readable results go to stdout; any failure exits non-zero.
//!
//! A library with one entry point, [`main_with`], so that the same command line runs
//! as its own `tandem` binary (src/main.rs) and inside the app's binary (`tandem-app
//! --cli …`, what the Linux packages install as /usr/bin/tandem: one copy of the core
//! instead of two).

use std::path::PathBuf;
use std::process::ExitCode;

mod account;
mod backup;
mod deliverability;
mod mailbox;
mod send;
mod translate;

use clap::{Parser, Subcommand};
use tandem_core::exchange;
use tandem_core::model::Edition;
use tandem_core::render::{email_html, email_text, RenderOptions};
use tandem_core::store::Store;

/// Tandem: compose and send the bilingual (French/Dutch) newsletter from the command line.
#[derive(Debug, Parser)]
#[command(name = "tandem", version = tandem_core::VERSION, about)]
struct Cli {
    /// Database file to use. Default: tandem.sqlite3 in the app's data folder (the same
    /// one the desktop app uses), or in $TANDEM_DATA_DIR when set.
    #[arg(long, global = true, value_name = "PATH", env = "TANDEM_DB")]
    db: Option<PathBuf>,

    /// Print the log's lines to stderr too (-v), with debug detail (-vv). The log itself
    /// is in the data folder's logs/ (TANDEM_LOG=debug for more there).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the database (or bring an existing one to this version's schema) and print
    /// where it is and its schema version as JSON.
    Init,
    /// Issues of the newsletter: import, export, list.
    #[command(subcommand)]
    Issue(IssueCommand),
    /// Back up the database to a verified copy (default: backups/ beside it) and print
    /// {"path", "bytes", "issues", "contacts", "verified"}; `backup list` lists them.
    Backup(backup::BackupArgs),
    /// Check the database file (SQLite's integrity check, read-only) and print what was
    /// found; exits 0 only when the file is sound.
    Check,
    /// A diagnostic report for whoever helps: version, system, folders, schema, counts,
    /// the settings without secrets, the connection tests (SMTP, IMAP, sign-in,
    /// translation) and the log's last 200 lines; no address, name, password or key.
    Doctor {
        /// The report as JSON (labels are the ids of ui.ftl's messages).
        #[arg(long)]
        json: bool,
        /// Leave out the tests that ask servers.
        #[arg(long)]
        offline: bool,
    },
    /// Put a backup back: the current state is backed up first (or, damaged, moved
    /// aside), and who unsubscribed, bounced or was erased since the backup stays so.
    /// Prints what it brought back and which newer suppressions it kept.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// Say what would happen; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Move the data folder (database, backups, outbox) to DIR, checked before the old
    /// files go; the old folder keeps a note that leads the app and this command there.
    /// Prints {"from", "to", "files", "bytes"}.
    MoveData {
        /// The new data folder: absolute, outside the current one, without a database.
        to: PathBuf,
    },
    /// Will it arrive? The sender's domain checked (MX, SPF, DKIM, DMARC).
    #[command(subcommand)]
    Deliverability(deliverability::DeliverabilityCommand),
    /// Before you send: the sender's domain, every link of issue ID (both languages,
    /// buttons, the unsubscribe page) and its content (alt texts, subject, preheader,
    /// size). Prints {"domain", "findings": [{"check", "status", "detail", "url", …}]};
    /// exits 0 only when nothing is blocking. DNS goes to TANDEM_DNS=IP:PORT when set.
    Preflight {
        id: i64,
        /// The sender address (default: the one in the sending settings).
        #[arg(long, value_name = "ADDRESS")]
        from: Option<String>,
        /// fr, nl or bilingual (default: all three, as a send in each reader's language).
        #[arg(long)]
        edition: Option<String>,
        /// microsoft, google, ovh or custom (default: the sending settings' preset).
        #[arg(long)]
        provider: Option<String>,
        /// Also send one test message (of --edition, default bilingual) to the mailbox
        /// Tandem reads, through the saved sending settings, and add how it arrived:
        /// the folder, and the SPF/DKIM/DMARC results the receiving side wrote.
        #[arg(long)]
        round_trip: bool,
        /// With --round-trip: how long to wait for it to arrive, in seconds.
        #[arg(long, default_value_t = 60, requires = "round_trip")]
        wait: u64,
    },
    /// For packaging: write the manual pages (DIR/man1/tandem*.1) and the bash, zsh and
    /// fish completions (DIR/completions/) of this command.
    #[command(name = "__manuals", hide = true)]
    Manuals { dir: PathBuf },
    /// Test builds only: panic on purpose (the crash report is tested with it).
    #[cfg(debug_assertions)]
    #[command(name = "__crash", hide = true)]
    Crash,
    /// The contacts file: import, export, and what the GDPR asks (show, unsubscribe, erase).
    #[command(subcommand)]
    Contacts(ContactsCommand),
    /// Send an issue (or resume a send) with a per-recipient ledger; progress on stderr,
    /// a JSON summary on stdout: {"run", "sent", "failed", "pending", "ending"}.
    Send(Box<SendArgs>),
    /// Sign in with Microsoft 365 or Google (OAuth 2.0) to send with a token instead of
    /// a password; see who is signed in; sign out.
    #[command(subcommand)]
    Account(AccountCommand),
    /// Read the sending mailbox back: unsubscribe requests and bounces (IMAP); the log of
    /// what it did; confirm, dismiss or undo.
    #[command(subcommand)]
    Mailbox(MailboxCommand),
    /// Fill the missing French or Dutch sides of an issue with a translation draft
    /// (DeepL or a LibreTranslate server), marked "machine draft" until a person rereads
    /// it; prints {"blocks", "fields", "characters", "flagged": [...]}. The key comes
    /// from $TANDEM_TRANSLATE_KEY or the keychain.
    Translate(translate::TranslateArgs),
    /// The glossary: term pairs always translated one way (CSV `fr;nl` or `fr,nl`).
    #[command(subcommand)]
    Glossary(translate::GlossaryCommand),
    /// The ledger of a send: one row per recipient (email, edition, status, reply,
    /// message_id, attempts).
    Ledger {
        /// The send (default: the most recent).
        run: Option<i64>,
        #[arg(long, default_value = "json", value_parser = ["json", "csv"])]
        format: String,
    },
    /// Print the HTML (or text) a reader of one edition receives.
    Render {
        /// The issue's id (see `tandem issue list`).
        id: i64,
        /// Which edition: fr, nl or bilingual.
        #[arg(long, default_value = "bilingual", value_parser = parse_edition)]
        edition: Edition,
        /// Print the text/plain part instead of the HTML.
        #[arg(long, conflicts_with = "archive")]
        text: bool,
        /// Write the web archive page (index.html and assets/) into DIR instead.
        #[arg(long, value_name = "DIR", conflicts_with = "eml")]
        archive: Option<PathBuf>,
        /// Write the message as it would be sent (an .eml file) instead.
        #[arg(long, value_name = "FILE")]
        eml: Option<PathBuf>,
        /// Sender of the .eml.
        #[arg(
            long,
            default_value = "Plate-forme Mineurs en exil <newsletter@example.org>"
        )]
        from: String,
        /// Recipient of the .eml.
        #[arg(long, default_value = "Lecteur Lezer <reader@example.org>")]
        to: String,
    },
}

/// The arguments of `tandem send ISSUE --test ADDRESS --edition E` (a round trip's test
/// message goes exactly as that command sends it).
pub(crate) fn test_send_args(issue: i64, address: &str, edition: &str) -> Result<SendArgs, String> {
    #[derive(Debug, Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: SendArgs,
    }
    Wrapper::try_parse_from([
        "send",
        &issue.to_string(),
        "--test",
        address,
        "--edition",
        edition,
    ])
    .map(|w| w.args)
    .map_err(|e| e.to_string())
}

#[derive(Debug, clap::Args)]
struct SendArgs {
    /// The issue to send (see `tandem issue list`). Not with --resume.
    #[arg(required_unless_present = "resume", conflicts_with = "resume")]
    issue: Option<i64>,
    /// Resume a send: RUN, or the most recent unfinished one. It goes where it started;
    /// --smtp, --outbox, --ca-cert or --pin-cert send the rest elsewhere (recorded on
    /// the send).
    #[arg(long, value_name = "RUN", num_args = 0..=1, default_missing_value = "0")]
    resume: Option<i64>,
    /// Send to the subscribed contacts on this list (repeatable; default: everyone
    /// subscribed).
    #[arg(long, value_name = "NAME")]
    list: Vec<String>,
    /// Send one test message, with "[TEST]" in the subject, to this address only.
    #[arg(long, value_name = "ADDRESS", conflicts_with = "list")]
    test: Option<String>,
    /// Edition of the test message: fr, nl or bilingual.
    #[arg(long, default_value = "bilingual", value_parser = parse_edition, requires = "test")]
    edition: Edition,
    /// The server, as a URL: smtp://user@host:587?tls=required (STARTTLS),
    /// smtps://user@host:465 (TLS), smtp://127.0.0.1:2525 (plain, this computer only).
    /// The password comes from $TANDEM_SMTP_PASSWORD. Default: the settings saved in the
    /// app; without any, messages are written as .eml files to the outbox folder.
    #[arg(long, value_name = "URL")]
    smtp: Option<String>,
    /// How to log in to --smtp: password ($TANDEM_SMTP_PASSWORD or the keychain) or
    /// xoauth2 (the account signed in with `tandem account login`, which must be the
    /// URL's user).
    #[arg(long, value_name = "KIND", value_parser = ["password", "xoauth2"], requires = "smtp")]
    auth: Option<String>,
    /// An extra certificate authority (PEM) to trust for the server's certificate.
    #[arg(long, value_name = "PEM")]
    ca_cert: Option<PathBuf>,
    /// Trust this one certificate for the server (its SHA-256 fingerprint in hex, as
    /// `tandem send --test` or the app's "Test connection" shows it): for a server with
    /// a self-signed certificate. A different certificate is refused.
    #[arg(long, value_name = "SHA256")]
    pin_cert: Option<String>,
    /// Write .eml files into DIR instead of sending (default without --smtp or saved
    /// settings: the outbox folder beside the database). Nobody receives them.
    #[arg(long, value_name = "DIR", conflicts_with = "smtp")]
    outbox: Option<PathBuf>,
    /// Sender, as "Name <address>". Default: the settings saved in the app.
    #[arg(long)]
    from: Option<String>,
    /// Reply-To address.
    #[arg(long)]
    reply_to: Option<String>,
    /// A rate limit such as 30/min, 200/h or 10000/day (repeatable; all hold). Default:
    /// the saved settings' limits.
    #[arg(long, value_name = "N/UNIT")]
    rate: Vec<String>,
    /// Messages sent at once (SMTP connections).
    #[arg(long, value_name = "K")]
    concurrency: Option<usize>,
    /// Show the audience and what would be sent, send nothing.
    #[arg(long)]
    dry_run: bool,
    /// Open each message with "Bonjour Anne," / "Beste Jan," (default: the saved
    /// settings).
    #[arg(long)]
    greeting: bool,
    /// Seconds without an answer from the server before a connection is given up.
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    timeout: u64,
    /// Seconds before the first retry of a message refused for now (4xx); doubled at
    /// each attempt.
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    retry_after: u64,
    /// Attempts per recipient before a refusal for now counts as a failure.
    #[arg(long, default_value_t = 5)]
    max_attempts: u32,
    /// Seconds an unreachable server is waited for before the send stops (resumable).
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    give_up_after: u64,
}

#[derive(Debug, Subcommand)]
pub(crate) enum MailboxCommand {
    /// Read what arrived since the last check; one line per action on stderr, a JSON
    /// summary on stdout: {"read", "unsubscribed", "bounced", "soft_bounces",
    /// "to_confirm", "left", …}. The password comes from $TANDEM_IMAP_PASSWORD or the
    /// keychain, never the command line.
    Check {
        /// imaps://USER@HOST[:PORT] (TLS), imap://USER@HOST[:PORT] (STARTTLS), or
        /// imap://…?tls=none (this computer only). Default: the saved settings.
        #[arg(long, value_name = "URL")]
        imap: Option<String>,
        /// A PEM file of an extra certificate authority to trust.
        #[arg(long, value_name = "PEM")]
        ca_cert: Option<PathBuf>,
        /// Trust exactly this certificate (its SHA-256), e.g. a self-signed one.
        #[arg(long, value_name = "SHA256")]
        pin_cert: Option<String>,
        /// password, or xoauth2 (the signed-in account's token).
        #[arg(long, value_parser = ["password", "xoauth2"])]
        auth: Option<String>,
        /// The folder to read (default INBOX).
        #[arg(long)]
        folder: Option<String>,
        /// Say what would be done; change nothing, move nothing.
        #[arg(long)]
        dry_run: bool,
        /// Seconds without an answer before giving up.
        #[arg(long, default_value_t = 30, value_name = "SECONDS")]
        timeout: u64,
    },
    /// What the checks did, newest first.
    Log {
        #[arg(long, default_value = "json", value_parser = ["json", "csv"])]
        format: String,
        #[arg(long, default_value_t = 1000)]
        limit: u32,
    },
    /// Unsubscribe the sender of a request waiting for confirmation (its id in the log).
    Confirm { id: i64 },
    /// Leave the sender of a request waiting for confirmation subscribed.
    Dismiss { id: i64 },
    /// Undo an unsubscribe or a bounce (the contact gets back the status they had).
    Undo { id: i64 },
}

#[derive(Debug, Subcommand)]
enum AccountCommand {
    /// Sign in: prints the address to open as a line `open: URL` on stderr (and opens
    /// the browser), waits for the browser to come back to this computer, keeps the
    /// sign-in in the OS keychain and prints {"account", "provider", "expires"}.
    Login {
        /// microsoft (Microsoft 365) or google (Google Workspace, Gmail).
        #[arg(long)]
        provider: String,
        /// The Application (client) ID of your organisation's app registration
        /// (default: the one used last time).
        #[arg(long, value_name = "ID")]
        client_id: Option<String>,
        /// Google only: the client secret of the desktop OAuth client.
        #[arg(long, value_name = "SECRET")]
        client_secret: Option<String>,
        /// Microsoft only: organizations (default), your domain or your tenant ID.
        #[arg(long, value_name = "TENANT")]
        tenant: Option<String>,
        /// Another identity server than the provider's (OpenID Connect discovery at
        /// ISSUER/.well-known/openid-configuration): national clouds, tests.
        #[arg(long, value_name = "URL")]
        issuer: Option<String>,
        /// Sign in with a code entered on another device (Microsoft), for a computer
        /// whose browser cannot come back to Tandem.
        #[arg(long)]
        device: bool,
        /// Only print the address to open; do not start a browser.
        #[arg(long)]
        no_browser: bool,
        /// Where this computer has no keychain, keep the sign-in in a file of the data
        /// folder that only your account can read.
        #[arg(long)]
        allow_file: bool,
        /// Seconds to wait for the browser to come back.
        #[arg(long, default_value_t = 300, value_name = "SECONDS")]
        timeout: u64,
    },
    /// Who is signed in, with which provider, and until when the token is valid (the
    /// sign-in is checked by asking for a token; no token is printed).
    Status,
    /// Sign out: forget the sign-in on this computer.
    Logout,
}

#[derive(Debug, Subcommand)]
enum IssueCommand {
    /// Import an issue file (tandem-issue/1 JSON, images in assets/ beside it); prints
    /// the new issue's id as the last line.
    Import { file: PathBuf },
    /// Write DIR/issue.json and DIR/assets/* for an issue.
    Export { id: i64, dir: PathBuf },
    /// List issues, newest first (`--json` for machines).
    List {
        #[arg(long)]
        json: bool,
    },
    /// A new draft from an earlier issue (`--from ID`): its blocks, texts, images and alt
    /// texts, with the next number and today's date, never its ledger. Prints the new
    /// issue's id as the last line.
    New {
        #[arg(long, value_name = "ID")]
        from: i64,
    },
    /// Delete a draft (a sent issue stays, for its ledger).
    Delete { id: i64 },
}

#[derive(Debug, Subcommand)]
enum ContactsCommand {
    /// Import a CSV/Excel export (encoding and delimiter detected); prints a JSON report:
    /// rows, imported, updated, unchanged, duplicates (address already seen in the file
    /// or already a contact) and the first 1,000 rejected rows with their line and reason, and every rejected row counted by reason (rejected_counts). Refused whole: a file over 64 MB, a workbook that unzips past 64 MB, more than 200,000 rows.
    Import {
        file: PathBuf,
        /// Add every imported contact to this list.
        #[arg(long)]
        list: Option<String>,
        /// What to do with addresses already in the contacts file.
        #[arg(long, default_value = "skip", value_parser = ["skip", "update"])]
        on_duplicate: String,
        /// Language of rows that give none: fr, nl or both.
        #[arg(long, value_parser = ["fr", "nl", "both"])]
        default_language: Option<String>,
    },
    /// Write the contacts as CSV to stdout.
    Export {
        /// Only the contacts on this list.
        #[arg(long)]
        list: Option<String>,
        /// For Excel on Belgian Windows: BOM and `;`.
        #[arg(long)]
        excel: bool,
    },
    /// Everything held on one person.
    Show {
        email: String,
        /// As JSON (the only format for now).
        #[arg(long)]
        json: bool,
    },
    /// Mark one person as unsubscribed (kept so that no import subscribes them again).
    Unsubscribe { email: String },
    /// Delete one person; only a salted hash of the address is kept, so no import adds
    /// them back.
    Erase { email: String },
}

fn parse_edition(s: &str) -> Result<Edition, String> {
    Edition::from_code(s).ok_or_else(|| format!("unknown edition {s:?}: use fr, nl or bilingual"))
}

/// Runs the command line on `args` (the program's name first, as `std::env::args_os`).
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = Cli::parse_from(args);
    // A panic leaves a report in the data folder's logs/ (the app shows it next time).
    let data_dir = match &cli.db {
        Some(db) => db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(std::path::Path::to_path_buf),
        None => tandem_core::paths::default_data_dir(),
    };
    let echo = match cli.verbose {
        0 => tandem_core::logs::Echo::None,
        1 => tandem_core::logs::Echo::Info,
        _ => tandem_core::logs::Echo::Debug,
    };
    if let Some(dir) = data_dir {
        tandem_core::logs::init(&dir, "cli", echo);
        tandem_core::crash::install(dir, "cli");
    }
    tracing::debug!("command: {}", command_name(&cli.command));
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("tandem: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `man tandem`, one page per subcommand (`man tandem-contacts-import`), and the
/// completions, written where the packages take them from.
fn manuals(dir: &std::path::Path) -> std::io::Result<()> {
    use clap::CommandFactory;
    fn pages(cmd: &clap::Command, name: &str, out: &std::path::Path) -> std::io::Result<()> {
        let cmd = cmd
            .clone()
            .name(name.to_owned())
            .bin_name(name.replace('-', " "));
        let mut page = Vec::new();
        clap_mangen::Man::new(cmd.clone()).render(&mut page)?;
        std::fs::write(out.join(format!("{name}.1")), page)?;
        for sub in cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        {
            pages(sub, &format!("{name}-{}", sub.get_name()), out)?;
        }
        Ok(())
    }
    let mut cmd = Cli::command();
    cmd.build();
    let man = dir.join("man1");
    std::fs::create_dir_all(&man)?;
    pages(&cmd, "tandem", &man)?;
    let completions = dir.join("completions");
    std::fs::create_dir_all(&completions)?;
    for (shell, file) in [
        (clap_complete::Shell::Bash, "tandem"),
        (clap_complete::Shell::Zsh, "_tandem"),
        (clap_complete::Shell::Fish, "tandem.fish"),
    ] {
        let mut out = std::fs::File::create(completions.join(file))?;
        clap_complete::generate(shell, &mut cmd, "tandem", &mut out);
    }
    Ok(())
}

/// The subcommand's name for the log ("Issue New"), never its arguments (an address).
fn command_name(command: &Command) -> String {
    let debug = format!("{command:?}");
    let mut words = Vec::new();
    for part in debug.split('(') {
        let word: String = part
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let whole = word.len() == part.len();
        if !word.is_empty() {
            words.push(word);
        }
        if !whole {
            break;
        }
    }
    words.join(" ")
}

fn run(cli: Cli) -> Result<(), String> {
    let db = match &cli.db {
        Some(path) => path.clone(),
        None => tandem_core::paths::default_db_path().ok_or(
            "no home folder was found for the default database; pass --db PATH".to_owned(),
        )?,
    };
    let open =
        || tandem_core::backup::open_store(&db, chrono::Utc::now()).map_err(|e| e.to_string());
    match cli.command {
        Command::Init => {
            let store = open()?;
            let version = store.schema_version().map_err(|e| e.to_string())?;
            let report = serde_json::json!({
                "database": db.display().to_string(),
                "schema_version": version,
            });
            println!("{report}");
        }
        Command::Issue(IssueCommand::Import { file }) => {
            let mut store = open()?;
            let id = exchange::import_issue(&mut store, &file).map_err(|e| e.to_string())?;
            let stored = store.issue(id).map_err(|e| e.to_string())?;
            let incomplete = stored.issue.check().incomplete_blocks();
            if !incomplete.is_empty() {
                let blocks: Vec<String> = incomplete.iter().map(|b| (b + 1).to_string()).collect();
                eprintln!("note: block(s) {} miss a translation; the issue cannot be sent until they are complete", blocks.join(", "));
            }
            println!("{id}");
        }
        Command::Contacts(cmd) => contacts(open()?, cmd)?,
        Command::Backup(args) => backup::backup(&db, args)?,
        Command::Check => backup::check(&db)?,
        Command::Doctor { json, offline } => {
            let store = open()?;
            let data_dir = db.parent().unwrap_or(std::path::Path::new("."));
            let report = tandem_core::doctor::report(
                &store,
                &db,
                data_dir,
                &tandem_core::doctor::Context {
                    program: "cli".into(),
                    webview: None,
                    network: !offline,
                    timeout: None,
                    smtp_password: std::env::var("TANDEM_SMTP_PASSWORD").ok(),
                    imap_password: std::env::var("TANDEM_IMAP_PASSWORD").ok(),
                },
            );
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
                );
            } else {
                let loc = tandem_core::i18n::Localizer::new(
                    tandem_core::model::UiLanguage::En,
                    tandem_core::i18n::Domain::Ui,
                );
                print!("{}", report.to_text(&loc));
            }
        }
        Command::Restore { file, dry_run } => backup::restore(&db, &file, dry_run)?,
        Command::Deliverability(cmd) => deliverability::run(&db, cmd)?,
        Command::Manuals { dir } => manuals(&dir).map_err(|e| format!("{}: {e}", dir.display()))?,
        #[cfg(debug_assertions)]
        Command::Crash => panic!("a crash asked for by a test, about anne.dupont@exemple.be"),
        Command::Preflight {
            id,
            from,
            edition,
            provider,
            round_trip,
            wait,
        } => deliverability::preflight(
            &db,
            id,
            deliverability::PreflightArgs {
                from,
                edition,
                provider,
                round_trip: round_trip.then_some(wait),
            },
        )?,
        Command::MoveData { to } => {
            // The note goes where this command looks first: the --db file's folder, else
            // $TANDEM_DATA_DIR or the platform's data folder.
            let base = match &cli.db {
                Some(_) => db.parent().map(std::path::Path::to_path_buf),
                None => tandem_core::paths::base_data_dir(),
            }
            .unwrap_or_else(|| PathBuf::from("."));
            let to = std::path::absolute(&to).map_err(|e| e.to_string())?;
            let moved = tandem_core::backup::relocate::move_data(&db, &to, &base)
                .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::to_string(&moved).map_err(|e| e.to_string())?
            );
        }
        Command::Send(args) => {
            let outbox = db
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .join("outbox");
            send::send(&mut open()?, *args, outbox)?;
        }
        Command::Ledger { run, format } => send::ledger(&open()?, run, &format)?,
        Command::Translate(args) => translate::translate(&mut open()?, &db, args)?,
        Command::Glossary(cmd) => translate::glossary(&mut open()?, cmd)?,
        Command::Mailbox(cmd) => {
            let data_dir = db
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .to_path_buf();
            mailbox::mailbox(&mut open()?, &data_dir, cmd)?;
        }
        Command::Account(cmd) => {
            let data_dir = db
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .to_path_buf();
            account::account(&open()?, &data_dir, cmd)?;
        }
        Command::Issue(IssueCommand::New { from }) => {
            let id = open()?
                .issue_from(from, chrono::Local::now().date_naive())
                .map_err(|e| e.to_string())?;
            println!("{id}");
        }
        Command::Issue(IssueCommand::Delete { id }) => {
            open()?.delete_draft(id).map_err(|e| e.to_string())?;
        }
        Command::Issue(IssueCommand::Export { id, dir }) => {
            let store = open()?;
            let path = exchange::export_issue(&store, id, &dir).map_err(|e| e.to_string())?;
            eprintln!("written: {}", path.display());
        }
        Command::Issue(IssueCommand::List { json }) => {
            let store = open()?;
            let issues = store.issues().map_err(|e| e.to_string())?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&issues).map_err(|e| e.to_string())?
                );
            } else {
                for i in issues {
                    let state = if i.incomplete_blocks.is_empty() {
                        "complete".to_owned()
                    } else {
                        let blocks: Vec<String> = i
                            .incomplete_blocks
                            .iter()
                            .map(|b| (b + 1).to_string())
                            .collect();
                        format!("INCOMPLETE (blocks {})", blocks.join(", "))
                    };
                    let drafts = match i.machine_drafts {
                        0 => String::new(),
                        n => format!(", {n} machine draft(s) to reread"),
                    };
                    println!(
                        "{}\tno. {}\t{}\t{:?}\t{} blocks, {}{drafts}\t{}",
                        i.id, i.number, i.date, i.status, i.blocks, state, i.subject.fr
                    );
                }
            }
        }
        Command::Render {
            id,
            edition,
            text,
            archive,
            eml,
            from,
            to,
        } => {
            let store = open()?;
            if let Some(file) = eml {
                let from = from.parse().map_err(|e| format!("--from {from:?}: {e}"))?;
                let to = to.parse().map_err(|e| format!("--to {to:?}: {e}"))?;
                let path = exchange::export_eml(&store, id, edition, from, to, &file)
                    .map_err(|e| e.to_string())?;
                eprintln!("written: {}", path.display());
            } else if let Some(dir) = archive {
                let path = exchange::export_archive(&store, id, edition, &dir)
                    .map_err(|e| e.to_string())?;
                eprintln!("written: {}", path.display());
            } else {
                let issue = store.issue(id).map_err(|e| e.to_string())?.issue;
                let options = RenderOptions::default();
                if text {
                    print!("{}", email_text(&issue, edition, &options));
                } else {
                    print!("{}", email_html(&issue, edition, &options));
                }
            }
        }
    }
    Ok(())
}

fn contacts(mut store: Store, cmd: ContactsCommand) -> Result<(), String> {
    use tandem_core::contacts::{self as c, ContactLanguage, ImportOptions, OnDuplicate};
    match cmd {
        ContactsCommand::Import {
            file,
            list,
            on_duplicate,
            default_language,
        } => {
            let bytes = c::read_file(&file).map_err(|e| match e {
                c::ImportError::Io(why) => format!("cannot read {}: {why}", file.display()),
                other => format!("{}: {other}", file.display()),
            })?;
            let options = ImportOptions {
                list,
                on_duplicate: if on_duplicate == "update" {
                    OnDuplicate::Update
                } else {
                    OnDuplicate::Skip
                },
                default_language: default_language
                    .as_deref()
                    .and_then(ContactLanguage::from_code),
                mapping: None,
            };
            let parsed =
                c::parse(&bytes, &options).map_err(|e| format!("{}: {e}", file.display()))?;
            let report = store
                .apply_import(
                    &parsed,
                    options.on_duplicate,
                    &mut tandem_core::token::os_random_token,
                )
                .map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::to_string(&report).map_err(|e| e.to_string())?
            );
        }
        ContactsCommand::Export { list, excel } => {
            let contacts = store.contacts(list.as_deref()).map_err(|e| e.to_string())?;
            use std::io::Write;
            std::io::stdout()
                .write_all(&c::export_csv(&contacts, excel))
                .map_err(|e| e.to_string())?;
        }
        ContactsCommand::Show { email, json: _ } => {
            let contact = store.contact(&email).map_err(|e| e.to_string())?;
            println!(
                "{}",
                serde_json::to_string_pretty(&contact).map_err(|e| e.to_string())?
            );
        }
        ContactsCommand::Unsubscribe { email } => {
            store.unsubscribe(&email).map_err(|e| e.to_string())?;
            eprintln!("{email}: unsubscribed");
        }
        ContactsCommand::Erase { email } => {
            let erased = store
                .erase(&email, &mut tandem_core::token::os_random_token)
                .map_err(|e| e.to_string())?;
            eprintln!(
                "{email}: erased (only a salted hash is kept, so no import adds them back); \
                 {} ledger rows and {} mailbox log lines no longer name them, {} outbox \
                 files removed",
                erased.ledger_rows, erased.mailbox_rows, erased.outbox_files
            );
            for left in &erased.files_left {
                eprintln!("not removed, delete it by hand: {left}");
            }
            if !erased.wal_scrubbed {
                eprintln!(
                    "Tandem is reading the database at this moment: the erased bytes leave \
                     its -wal file when the app closes"
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
