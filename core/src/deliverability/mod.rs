//! Will it arrive? The sender's domain checked as receiving providers check it (MX,
//! SPF, DKIM, DMARC, a public mailbox address), each finding `ok`, `improve` or
//! `blocking` with its reason and the exact record to hand to whoever runs the domain.
//! `dns.rs` does the lookups (system settings, or `TANDEM_DNS`); `spf.rs` reads SPF.

pub mod arrival;
pub mod dkim;
pub mod dns;
pub mod links;
pub mod preflight;
pub mod roundtrip;
pub mod spf;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{Domain, Localizer};
use crate::model::{Edition, Issue, UiLanguage};
use dns::{Dns, DnsError};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "FindingStatus")]
pub enum Status {
    Ok,
    Improve,
    Blocking,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    /// `mx`, `spf`, `dkim`, `dmarc`, `sender` (the domain checks); `link`, `alt`,
    /// `subject`, `preheader`, `size` (the issue's).
    pub check: String,
    pub status: Status,
    /// The `ui.ftl` message that explains it (`deliv-…`), with `args`.
    pub code: String,
    pub args: BTreeMap<String, String>,
    /// The message in words (filled by [`Report::localize`]).
    pub detail: String,
    /// The DNS name a record goes to, and the record to publish there.
    pub name: Option<String>,
    pub record: Option<String>,
    /// What is published now, when it matters.
    pub found: Option<String>,
    /// The link checked (link findings).
    pub url: Option<String>,
}

impl Finding {
    pub fn new(check: &str, status: Status, code: &str) -> Finding {
        Finding {
            check: check.to_owned(),
            status,
            code: code.to_owned(),
            args: BTreeMap::new(),
            detail: String::new(),
            name: None,
            record: None,
            found: None,
            url: None,
        }
    }

    pub fn arg(mut self, key: &str, value: impl ToString) -> Finding {
        self.args.insert(key.to_owned(), value.to_string());
        self
    }

    pub fn url(mut self, url: &str) -> Finding {
        self.url = Some(url.to_owned());
        self
    }

    fn publish(mut self, name: &str, record: impl Into<String>) -> Finding {
        self.name = Some(name.to_owned());
        self.record = Some(record.into());
        self
    }

    fn found(mut self, found: impl Into<String>) -> Finding {
        self.found = Some(found.into());
        self
    }
}

/// The findings for one domain (and, for a preflight, one issue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "DeliveryReport")]
pub struct Report {
    pub domain: String,
    /// The provider the domain was checked for (`microsoft`, `google`, `ovh`, `custom`).
    pub provider: String,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Fills each finding's `detail` in `lang`.
    pub fn localize(&mut self, lang: UiLanguage) {
        let words = Localizer::new(lang, Domain::Ui);
        for f in &mut self.findings {
            let mut args = fluent_bundle::FluentArgs::new();
            for (k, v) in &f.args {
                // Numbers as numbers: plural and number selectors match them.
                match v.parse::<i64>() {
                    Ok(n) if !v.starts_with('+') => args.set(k.as_str(), n),
                    _ => args.set(k.as_str(), v.as_str()),
                }
            }
            f.detail = words.format(&f.code, Some(&args));
        }
    }

    /// The worst status found (`Ok` when nothing was found).
    pub fn worst(&self) -> Status {
        self.findings
            .iter()
            .map(|f| f.status)
            .max()
            .unwrap_or(Status::Ok)
    }
}

/// Who sends the mail: what its SPF include and DKIM selectors are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "SendingProvider")]
pub enum Provider {
    Microsoft,
    Google,
    Ovh,
    Custom,
}

impl Provider {
    pub fn id(self) -> &'static str {
        match self {
            Provider::Microsoft => "microsoft",
            Provider::Google => "google",
            Provider::Ovh => "ovh",
            Provider::Custom => "custom",
        }
    }

    /// Its name as people know it.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Microsoft => "Microsoft 365",
            Provider::Google => "Google Workspace",
            Provider::Ovh => "OVH",
            Provider::Custom => "SMTP",
        }
    }

    pub fn parse(s: &str) -> Option<Provider> {
        match s.trim().to_ascii_lowercase().as_str() {
            "microsoft" | "microsoft365" | "office365" | "m365" => Some(Provider::Microsoft),
            "google" | "gmail" | "workspace" => Some(Provider::Google),
            "ovh" => Some(Provider::Ovh),
            "custom" => Some(Provider::Custom),
            _ => None,
        }
    }

    /// The provider of a sending preset (`microsoft365`, `google`, `ovh`); `None` for
    /// `custom` (then read from the domain's MX).
    pub fn of_preset(preset: &str) -> Option<Provider> {
        Provider::parse(preset).filter(|p| *p != Provider::Custom)
    }

    /// The name the provider's SPF record has, which a domain includes to authorise it.
    pub fn spf_include(self) -> Option<&'static str> {
        match self {
            Provider::Microsoft => Some("spf.protection.outlook.com"),
            Provider::Google => Some("_spf.google.com"),
            Provider::Ovh => Some("mx.ovh.com"),
            Provider::Custom => None,
        }
    }

    /// The selectors its DKIM keys are published under.
    fn selectors(self) -> &'static [&'static str] {
        match self {
            Provider::Microsoft => &["selector1", "selector2"],
            Provider::Google => &["google"],
            // OVH and other servers choose their own: the usual names.
            Provider::Ovh | Provider::Custom => &[
                "default",
                "dkim",
                "mail",
                "selector1",
                "selector2",
                "google",
                "k1",
                "s1",
                "s2",
                "smtp",
            ],
        }
    }

    /// The provider a domain's MX hosts belong to, if a known one.
    pub fn from_mx(hosts: &[(u16, String)]) -> Provider {
        let any = |suffixes: &[&str]| {
            hosts.iter().any(|(_, h)| {
                let h = h.to_ascii_lowercase();
                suffixes.iter().any(|s| h.ends_with(s))
            })
        };
        if any(&[".mail.protection.outlook.com", ".outlook.com"]) {
            Provider::Microsoft
        } else if any(&["google.com", "googlemail.com"]) {
            Provider::Google
        } else if any(&[".ovh.net", ".ovh.com"]) {
            Provider::Ovh
        } else {
            Provider::Custom
        }
    }
}

/// Public mailbox providers: bulk mail "from" them, sent through another server, fails
/// their own DMARC and is treated as suspicious.
const PUBLIC: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "outlook.be",
    "hotmail.com",
    "hotmail.be",
    "live.com",
    "live.be",
    "msn.com",
    "yahoo.com",
    "yahoo.fr",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "gmx.com",
    "gmx.net",
    "proton.me",
    "protonmail.com",
    "skynet.be",
    "telenet.be",
    "proximus.be",
    "scarlet.be",
    "voo.be",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "wanadoo.fr",
];

/// The domain of an address (after its last `@`), lower case; `None` without one.
pub fn domain_of(address: &str) -> Option<String> {
    let address = address.trim().trim_start_matches('<').trim_end_matches('>');
    let (_, domain) = address.rsplit_once('@')?;
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    (!domain.is_empty() && domain.contains('.')).then_some(domain)
}

/// Checks the domain of `from` for sending through `provider` (`None`: read from the
/// domain's MX). `selectors_seen`: DKIM selectors read in a received test message.
pub fn check_domain(
    dns: &Dns,
    from: &str,
    provider: Option<Provider>,
    selectors_seen: &[String],
) -> Result<Report, DeliverabilityError> {
    let domain = domain_of(from).ok_or_else(|| DeliverabilityError::Address(from.to_owned()))?;
    if PUBLIC.contains(&domain.as_str()) {
        return Ok(Report {
            provider: provider.unwrap_or(Provider::Custom).id().to_owned(),
            findings: vec![
                Finding::new("sender", Status::Blocking, "deliv-sender-public")
                    .arg("domain", &domain),
            ],
            domain,
        });
    }
    let mut findings = Vec::new();
    let mx = check_mx(dns, &domain, &mut findings)?;
    let provider = provider.unwrap_or_else(|| Provider::from_mx(&mx));
    let spf_authorises = check_spf(dns, &domain, provider, &mut findings)?;
    let dkim_found = check_dkim(dns, &domain, provider, selectors_seen, &mut findings)?;
    check_dmarc(dns, &domain, spf_authorises || dkim_found, &mut findings)?;
    Ok(Report {
        domain,
        provider: provider.id().to_owned(),
        findings,
    })
}

/// What a preflight checks.
#[derive(Debug, Clone)]
pub struct PreflightRequest<'a> {
    pub issue: &'a Issue,
    /// The sender address (its domain is checked), if known.
    pub from: Option<&'a str>,
    pub provider: Option<Provider>,
    /// One edition, or `None` for a send in each reader's language (all three).
    pub edition: Option<Edition>,
    pub unsubscribe_url: Option<&'a str>,
    /// Check every link again, whatever the cache holds.
    pub fresh: bool,
}

/// The whole "before you send" list: the domain (when the sender is known), every
/// link, and the content. `dns`: the domain's lookups (the links use it too when
/// `TANDEM_DNS` is set).
pub fn preflight(request: &PreflightRequest<'_>, dns: Dns, cache: &preflight::LinkCache) -> Report {
    let mut findings = Vec::new();
    let mut domain = String::new();
    let mut provider = request.provider.unwrap_or(Provider::Custom);
    if let Some(from) = request.from.filter(|f| !f.trim().is_empty()) {
        match check_domain(&dns, from, request.provider, &[]) {
            Ok(report) => {
                domain = report.domain;
                provider = Provider::parse(&report.provider).unwrap_or(provider);
                findings.extend(report.findings);
            }
            Err(e) => findings.push(
                Finding::new("domain", Status::Improve, "deliv-domain-unchecked")
                    .arg("reason", e.to_string()),
            ),
        }
    }
    let through = dns
        .is_pinned()
        .then(|| std::sync::Arc::new(std::sync::Mutex::new(dns)));
    let agent = links::agent(through, links::TIMEOUT);
    let editions = preflight::editions(request.edition);
    let urls = preflight::links_of(request.issue, &editions, request.unsubscribe_url);
    findings.extend(cache.check(&urls, &agent, request.fresh));
    findings.extend(preflight::content(
        request.issue,
        &editions,
        request.unsubscribe_url,
    ));
    Report {
        domain,
        provider: provider.id().to_owned(),
        findings,
    }
}

/// Why a check could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum DeliverabilityError {
    #[error("{0} is not an e-mail address")]
    Address(String),
    #[error(transparent)]
    Dns(#[from] DnsError),
    #[error(transparent)]
    Mailbox(#[from] crate::mailbox::MailboxError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl DeliverabilityError {
    pub fn code(&self) -> &'static str {
        match self {
            DeliverabilityError::Address(_) => "error-deliv-address",
            DeliverabilityError::Dns(_) => "error-deliv-dns",
            DeliverabilityError::Mailbox(e) => e.message_id(),
            DeliverabilityError::Store(e) => e.code(),
        }
    }
}

/// A lookup that found nothing is an answer; one that failed stops the check (no
/// finding is better than a wrong one).
fn or_none<T: Default>(r: Result<T, DnsError>) -> Result<T, DnsError> {
    match r {
        Err(DnsError::NotFound) => Ok(T::default()),
        other => other,
    }
}

fn check_mx(
    dns: &Dns,
    domain: &str,
    findings: &mut Vec<Finding>,
) -> Result<Vec<(u16, String)>, DnsError> {
    let mx = or_none(dns.mx(domain))?;
    if mx.is_empty() {
        let has_host = !or_none(dns.ips(domain))?.is_empty();
        findings.push(if has_host {
            Finding::new("mx", Status::Improve, "deliv-mx-none").arg("domain", domain)
        } else {
            Finding::new("mx", Status::Blocking, "deliv-mx-none-no-host").arg("domain", domain)
        });
    } else {
        let hosts: Vec<&str> = mx.iter().map(|(_, h)| h.as_str()).collect();
        findings.push(
            Finding::new("mx", Status::Ok, "deliv-mx-ok")
                .arg("hosts", hosts.join(", "))
                .found(hosts.join(", ")),
        );
    }
    Ok(mx)
}

/// Adds the SPF findings; true when the record authorises the provider (or, for a
/// custom server, ends in a strict enough `all` with something allowed).
fn check_spf(
    dns: &Dns,
    domain: &str,
    provider: Provider,
    findings: &mut Vec<Finding>,
) -> Result<bool, DnsError> {
    let spf = spf::read(dns, domain)?;
    let include = provider.spf_include();
    let suggested = match include {
        Some(i) => format!("v=spf1 include:{i} ~all"),
        None => "v=spf1 mx ~all".to_owned(),
    };
    match spf.records.len() {
        0 => {
            findings.push(
                Finding::new("spf", Status::Blocking, "deliv-spf-missing")
                    .arg("domain", domain)
                    .publish(domain, suggested),
            );
            return Ok(false);
        }
        1 => {}
        n => {
            let joined = spf.records.join(" | ");
            findings.push(
                Finding::new("spf", Status::Blocking, "deliv-spf-multiple")
                    .arg("count", n)
                    .found(joined),
            );
            return Ok(false);
        }
    }
    let record = spf.records[0].clone();
    let mut ok = true;
    if spf.lookups > 10 {
        ok = false;
        findings.push(
            Finding::new("spf", Status::Blocking, "deliv-spf-too-many-lookups")
                .arg("count", spf.lookups)
                .found(&record),
        );
    }
    for broken in &spf.broken {
        ok = false;
        findings.push(
            Finding::new("spf", Status::Blocking, "deliv-spf-broken-include")
                .arg("target", broken)
                .found(&record),
        );
    }
    let authorised = match include {
        Some(i) => spf.reached.iter().any(|r| r.eq_ignore_ascii_case(i)),
        None => true,
    };
    if !authorised {
        ok = false;
        let include = include.unwrap_or_default();
        findings.push(
            Finding::new("spf", Status::Blocking, "deliv-spf-provider-missing")
                .arg("provider", provider.name())
                .arg("include", include)
                .found(&record)
                .publish(domain, spf::with_include(&record, include)),
        );
    }
    match spf.all {
        Some('+') => {
            ok = false;
            findings.push(
                Finding::new("spf", Status::Blocking, "deliv-spf-plus-all")
                    .found(&record)
                    .publish(
                        domain,
                        record.replace("+all", "~all").replace(" all", " ~all"),
                    ),
            );
        }
        Some('-' | '~') => {}
        _ => {
            ok = false;
            findings.push(Finding::new("spf", Status::Improve, "deliv-spf-neutral").found(&record));
        }
    }
    if ok {
        findings.push(
            Finding::new("spf", Status::Ok, "deliv-spf-ok")
                .arg("lookups", spf.lookups)
                .found(&record),
        );
    }
    Ok(authorised)
}

/// Adds the DKIM findings; true when a key is published for the provider's selectors
/// (or one seen in a test message).
fn check_dkim(
    dns: &Dns,
    domain: &str,
    provider: Provider,
    seen: &[String],
    findings: &mut Vec<Finding>,
) -> Result<bool, DnsError> {
    let mut selectors: Vec<String> = seen.to_vec();
    selectors.extend(provider.selectors().iter().map(|s| (*s).to_owned()));
    selectors.dedup();
    let mut keys = Vec::new();
    let mut revoked = Vec::new();
    for selector in &selectors {
        let name = format!("{selector}._domainkey.{domain}");
        let txt = or_none(dns.txt(&name))?;
        let Some(key) = txt
            .iter()
            .find(|t| t.contains("p=") && (t.contains("v=DKIM1") || t.contains("k=")))
        else {
            continue;
        };
        let p = key
            .split(';')
            .map(str::trim)
            .find_map(|t| t.strip_prefix("p="))
            .unwrap_or_default();
        if p.trim().is_empty() {
            revoked.push(selector.clone());
        } else {
            keys.push(selector.clone());
        }
    }
    for selector in &revoked {
        findings.push(
            Finding::new("dkim", Status::Improve, "deliv-dkim-revoked").arg("selector", selector),
        );
    }
    if keys.is_empty() {
        let code = match provider {
            Provider::Microsoft => "deliv-dkim-missing-microsoft",
            Provider::Google => "deliv-dkim-missing-google",
            Provider::Ovh | Provider::Custom => "deliv-dkim-missing-custom",
        };
        let status = match provider {
            Provider::Microsoft | Provider::Google => Status::Blocking,
            // The selector is unknown: a test message tells which one is used.
            Provider::Ovh | Provider::Custom => Status::Improve,
        };
        let mut finding = Finding::new("dkim", status, code).arg("domain", domain);
        if provider == Provider::Microsoft {
            let dashed = domain.replace('.', "-");
            finding = finding.publish(
                &format!("selector1._domainkey.{domain}"),
                format!("CNAME selector1-{dashed}._domainkey.<tenant>.onmicrosoft.com"),
            );
        }
        findings.push(finding);
        Ok(false)
    } else {
        findings.push(
            Finding::new("dkim", Status::Ok, "deliv-dkim-ok").arg("selectors", keys.join(", ")),
        );
        Ok(true)
    }
}

fn check_dmarc(
    dns: &Dns,
    domain: &str,
    alignable: bool,
    findings: &mut Vec<Finding>,
) -> Result<(), DnsError> {
    let name = format!("_dmarc.{domain}");
    let mut records: Vec<String> = or_none(dns.txt(&name))?
        .into_iter()
        .filter(|t| t.trim_start().to_ascii_lowercase().starts_with("v=dmarc1"))
        .collect();
    // A subdomain falls under its organisation's policy.
    if records.is_empty() {
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() > 2 {
            let org = labels[labels.len() - 2..].join(".");
            records = or_none(dns.txt(&format!("_dmarc.{org}")))?
                .into_iter()
                .filter(|t| t.trim_start().to_ascii_lowercase().starts_with("v=dmarc1"))
                .collect();
        }
    }
    let suggested = format!("v=DMARC1; p=none; rua=mailto:dmarc@{domain}");
    match records.len() {
        0 => {
            findings.push(
                Finding::new("dmarc", Status::Blocking, "deliv-dmarc-missing")
                    .arg("domain", domain)
                    .publish(&name, suggested),
            );
            return Ok(());
        }
        1 => {}
        n => {
            findings.push(
                Finding::new("dmarc", Status::Blocking, "deliv-dmarc-multiple")
                    .arg("count", n)
                    .found(records.join(" | ")),
            );
            return Ok(());
        }
    }
    let record = records[0].clone();
    let policy = record
        .split(';')
        .map(str::trim)
        .find_map(|t| t.strip_prefix("p="))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let finding = match policy.as_str() {
        "reject" | "quarantine" if !alignable => {
            Finding::new("dmarc", Status::Blocking, "deliv-dmarc-no-alignment")
        }
        "reject" | "quarantine" => Finding::new("dmarc", Status::Ok, "deliv-dmarc-ok"),
        "none" if !alignable => {
            Finding::new("dmarc", Status::Improve, "deliv-dmarc-none-unaligned")
        }
        "none" => Finding::new("dmarc", Status::Improve, "deliv-dmarc-none"),
        _ => Finding::new("dmarc", Status::Blocking, "deliv-dmarc-invalid"),
    };
    findings.push(finding.arg("policy", &policy).found(record));
    Ok(())
}
