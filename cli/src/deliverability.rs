//! `tandem deliverability check`: the sender's domain checked as receiving providers
//! check it (MX, SPF, DKIM, DMARC), printed as JSON; exits 0 only when nothing found
//! blocks the newsletter.

use std::path::Path;

use clap::Subcommand;
use tandem_core::deliverability::{self, dns::Dns, Provider, Report, Status};
use tandem_core::model::UiLanguage;
use tandem_core::store::Store;

#[derive(Debug, Subcommand)]
pub enum DeliverabilityCommand {
    /// Check the domain of ADDRESS: prints {"domain", "provider", "findings": [{"check",
    /// "status", "detail", "name", "record", …}]}; `status` is ok, improve or blocking.
    /// DNS goes to TANDEM_DNS=IP:PORT when set.
    Check {
        /// The sender address (default: the one in the sending settings).
        #[arg(long, value_name = "ADDRESS")]
        from: Option<String>,
        /// The provider that sends: microsoft, google, ovh or custom (default: the
        /// sending settings' preset, else read from the domain's MX).
        #[arg(long)]
        provider: Option<String>,
    },
    /// How the test message of RUN arrived (a test send to the mailbox's own address,
    /// `tandem send ID --test ADDRESS`): found by its Message-ID in the inbox or the
    /// junk folder, read, filed in the Tandem folder; prints {"findings": [...]} with
    /// where it landed and the SPF/DKIM/DMARC results the receiving side wrote.
    Arrival {
        #[arg(long)]
        run: i64,
        /// The mailbox, as a URL (default: the saved mailbox settings); the password
        /// from $TANDEM_IMAP_PASSWORD or the keychain.
        #[arg(long, value_name = "URL")]
        imap: Option<String>,
        /// A CA certificate (PEM) the IMAP server's certificate chains to.
        #[arg(long, value_name = "FILE")]
        ca_cert: Option<std::path::PathBuf>,
        /// How long to wait for the message to arrive, in seconds.
        #[arg(long, default_value_t = 60)]
        wait: u64,
    },
}

/// The provider named, or the saved settings' preset (`custom`: none, read from MX).
pub fn provider(given: Option<&str>, store: Option<&Store>) -> Result<Option<Provider>, String> {
    if let Some(given) = given {
        return Provider::parse(given)
            .map(Some)
            .ok_or_else(|| format!("unknown provider {given}: microsoft, google, ovh or custom"));
    }
    let preset = store
        .and_then(|s| s.smtp_settings().ok().flatten())
        .map(|s| s.preset);
    Ok(preset.as_deref().and_then(Provider::of_preset))
}

/// The sender address given, or the saved settings' one.
pub fn sender(given: Option<String>, store: Option<&Store>) -> Result<String, String> {
    given
        .or_else(|| {
            store
                .and_then(|s| s.smtp_settings().ok().flatten())
                .map(|s| s.from_address)
                .filter(|a| !a.trim().is_empty())
        })
        .ok_or_else(|| "no sender address: pass --from ADDRESS".to_owned())
}

/// Prints `report` in English, and fails when something in it blocks.
pub fn print(mut report: Report) -> Result<(), String> {
    report.localize(UiLanguage::En);
    println!(
        "{}",
        serde_json::to_string(&report).map_err(|e| e.to_string())?
    );
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Blocking)
        .count();
    if blocking > 0 {
        return Err(format!("{blocking} finding(s) block the newsletter"));
    }
    Ok(())
}

/// What `tandem preflight` was given besides the issue.
#[derive(Debug)]
pub struct PreflightArgs {
    pub from: Option<String>,
    pub edition: Option<String>,
    pub provider: Option<String>,
    /// Also a round trip, waiting this many seconds for the test message.
    pub round_trip: Option<u64>,
}

/// `tandem preflight ID`: the domain, every link and the content of an issue; with
/// `--round-trip`, how a test message sent to the mailbox Tandem reads arrived.
pub fn preflight(db: &Path, id: i64, args: PreflightArgs) -> Result<(), String> {
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    let stored = store.issue(id).map_err(|e| e.to_string())?;
    let edition = args
        .edition
        .as_deref()
        .map(|e| {
            tandem_core::model::Edition::from_code(e)
                .ok_or_else(|| format!("unknown edition {e}: fr, nl or bilingual"))
        })
        .transpose()?;
    let from = sender(args.from, Some(&store)).ok();
    let provider = provider(args.provider.as_deref(), Some(&store))?;
    let unsubscribe = store
        .smtp_settings()
        .ok()
        .flatten()
        .map(|s| s.unsubscribe_url)
        .filter(|u| !u.trim().is_empty());
    let dns = Dns::from_env().map_err(|e| e.to_string())?;
    let mut report = deliverability::preflight(
        &deliverability::PreflightRequest {
            issue: &stored.issue,
            from: from.as_deref(),
            provider,
            edition,
            unsubscribe_url: unsubscribe.as_deref(),
            fresh: true,
        },
        dns,
        &Default::default(),
    );
    if let Some(wait) = args.round_trip {
        let data_dir = db.parent().unwrap_or(Path::new(".")).to_path_buf();
        let (settings, login) =
            crate::mailbox::imap_login(&store, &data_dir, &crate::mailbox::ImapArgs::default())?;
        let send_args = crate::test_send_args(
            id,
            settings.username.trim(),
            edition.map_or("bilingual", |e| e.code()),
        )?;
        let (summary, outcome) =
            crate::send::send_quietly(&mut store, send_args, data_dir.join("outbox"))?;
        outcome?;
        let run = summary
            .and_then(|s| s["run"].as_i64())
            .ok_or("the test message was not sent")?;
        let arrival = deliverability::roundtrip::check_arrival(
            &store,
            run,
            &settings,
            &login,
            std::time::Duration::from_secs(wait),
        )
        .map_err(|e| e.to_string())?;
        // The selectors the message was really signed with: the domain's DKIM check
        // looks there too (a server of one's own signs under a name of its own).
        let seen: Vec<String> = arrival
            .iter()
            .filter(|f| f.check == "dkim-verify")
            .filter(|f| f.args.get("domain") == Some(&report.domain))
            .filter_map(|f| f.args.get("selector").cloned())
            .collect();
        if let (false, Some(from)) = (seen.is_empty(), from.as_deref()) {
            let dns = Dns::from_env().map_err(|e| e.to_string())?;
            if let Ok(domain) = deliverability::check_domain(&dns, from, provider, &seen) {
                let checks = ["sender", "mx", "spf", "dkim", "dmarc"];
                report
                    .findings
                    .retain(|f| !checks.contains(&f.check.as_str()));
                let mut findings = domain.findings;
                findings.append(&mut report.findings);
                report.findings = findings;
            }
        }
        report.findings.extend(arrival);
    }
    print(report)
}

pub fn run(db: &Path, cmd: DeliverabilityCommand) -> Result<(), String> {
    let store = db
        .exists()
        .then(|| Store::open(db))
        .transpose()
        .ok()
        .flatten();
    match cmd {
        DeliverabilityCommand::Arrival {
            run,
            imap,
            ca_cert,
            wait,
        } => {
            let store = store.ok_or("there is no database: nothing was sent")?;
            let data_dir = db.parent().unwrap_or(Path::new("."));
            let (settings, login) = crate::mailbox::imap_login(
                &store,
                data_dir,
                &crate::mailbox::ImapArgs {
                    imap,
                    ca_cert,
                    ..Default::default()
                },
            )?;
            let findings = deliverability::roundtrip::check_arrival(
                &store,
                run,
                &settings,
                &login,
                std::time::Duration::from_secs(wait),
            )
            .map_err(|e| e.to_string())?;
            print(Report {
                domain: String::new(),
                provider: String::new(),
                findings,
            })
        }
        DeliverabilityCommand::Check {
            from,
            provider: given,
        } => {
            let from = sender(from, store.as_ref())?;
            let provider = provider(given.as_deref(), store.as_ref())?;
            let dns = Dns::from_env().map_err(|e| e.to_string())?;
            let report = deliverability::check_domain(&dns, &from, provider, &[])
                .map_err(|e| e.to_string())?;
            print(report)
        }
    }
}
