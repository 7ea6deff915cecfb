//! Every link of an issue checked before anyone receives it: HEAD first, GET when HEAD
//! is refused; redirects followed one hop at a time (at most 5, each kept to show); a
//! 10 s limit per request; at most 4 requests at once and one per host. `mailto:` and
//! `tel:` links are checked for their form only. DNS goes through [`Dns`] when
//! `TANDEM_DNS` is set, so the tests' link hosts resolve to 127.0.0.1.

use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::dns::Dns;
use super::{Finding, Status};

/// At most this many redirects are followed.
pub const MAX_REDIRECTS: usize = 5;
/// Requests at once (never two to the same host).
pub const PARALLEL: usize = 4;
/// Longest wait for one answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// ureq's lookups through our resolver (only when `TANDEM_DNS` is set).
struct Through(Arc<Mutex<Dns>>);

impl ureq::Resolver for Through {
    fn resolve(&self, netloc: &str) -> std::io::Result<Vec<SocketAddr>> {
        let (host, port) = netloc
            .rsplit_once(':')
            .and_then(|(h, p)| Some((h, p.parse::<u16>().ok()?)))
            .ok_or_else(|| std::io::Error::other(format!("no port in {netloc}")))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let dns = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let ips = dns
            .ips(host)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::NotFound, e.to_string()))?;
        Ok(ips
            .into_iter()
            .map(|ip| SocketAddr::new(ip, port))
            .collect())
    }
}

/// The agent the checks use: no redirect on its own, the time limit, our resolver when
/// one is given.
pub fn agent(dns: Option<Arc<Mutex<Dns>>>, timeout: Duration) -> ureq::Agent {
    let mut builder = crate::net::http::builder(timeout);
    if let Some(dns) = dns {
        builder = builder.resolver(Through(dns));
    }
    builder.build()
}

/// What one request said.
enum Answer {
    Status(u16, Option<String>),
    Failed(&'static str, String),
}

fn ask(agent: &ureq::Agent, method: &str, url: &str) -> Answer {
    match agent.request(method, url).call() {
        Ok(r) => Answer::Status(r.status(), r.header("Location").map(str::to_owned)),
        Err(ureq::Error::Status(code, r)) => {
            Answer::Status(code, r.header("Location").map(str::to_owned))
        }
        Err(ureq::Error::Transport(t)) => {
            let text = t.to_string();
            let lower = text.to_ascii_lowercase();
            let kind = match t.kind() {
                ureq::ErrorKind::Dns => "deliv-link-unknown-host",
                _ if lower.contains("timed out") || lower.contains("timeout") => {
                    "deliv-link-timeout"
                }
                _ if lower.contains("certificate")
                    || lower.contains("tls")
                    || lower.contains("handshake") =>
                {
                    "deliv-link-tls"
                }
                ureq::ErrorKind::Io
                    if lower.contains("failed to lookup")
                        || lower.contains("no such record")
                        || lower.contains("not found") =>
                {
                    "deliv-link-unknown-host"
                }
                _ => "deliv-link-unreachable",
            };
            Answer::Failed(kind, text)
        }
    }
}

/// Words in an address that say a login page.
const LOGIN: &[&str] = &[
    "login", "signin", "sign-in", "sign_in", "logon", "auth", "sso", "account",
];

fn site(url: &url::Url) -> String {
    url.host_str()
        .unwrap_or_default()
        .trim_start_matches("www.")
        .to_ascii_lowercase()
}

/// Checks one http(s) link.
pub fn check_http(agent: &ureq::Agent, link: &str) -> Finding {
    let base = || Finding::new("link", Status::Ok, "deliv-link-ok").url(link);
    let Ok(start) = url::Url::parse(link) else {
        return Finding::new("link", Status::Blocking, "deliv-link-malformed").url(link);
    };
    let mut current = start.clone();
    let mut chain: Vec<String> = Vec::new();
    let mut seen = vec![current.to_string()];
    loop {
        let mut answer = ask(agent, "HEAD", current.as_str());
        // HEAD refused (or not understood): the same address with GET.
        if let Answer::Status(400 | 403 | 405 | 501, _) = answer {
            answer = ask(agent, "GET", current.as_str());
        }
        let shown = |f: Finding, chain: &[String]| {
            if chain.is_empty() {
                f
            } else {
                f.arg("chain", chain.join(" → "))
            }
        };
        match answer {
            Answer::Failed(code, reason) => {
                let host = current.host_str().unwrap_or_default().to_owned();
                let mut f = Finding::new("link", Status::Blocking, code)
                    .url(link)
                    .arg("host", host)
                    .arg("seconds", TIMEOUT.as_secs());
                f.found = Some(reason);
                return shown(f, &chain);
            }
            Answer::Status(status, Some(location)) if (300..400).contains(&status) => {
                let Ok(next) = current.join(&location) else {
                    return shown(
                        Finding::new("link", Status::Blocking, "deliv-link-malformed").url(link),
                        &chain,
                    );
                };
                chain.push(format!("{status} {next}"));
                if seen.contains(&next.to_string()) {
                    return shown(
                        Finding::new("link", Status::Blocking, "deliv-link-loop").url(link),
                        &chain,
                    );
                }
                if chain.len() > MAX_REDIRECTS {
                    return shown(
                        Finding::new("link", Status::Blocking, "deliv-link-too-many-redirects")
                            .url(link)
                            .arg("count", MAX_REDIRECTS),
                        &chain,
                    );
                }
                seen.push(next.to_string());
                current = next;
            }
            Answer::Status(status, _) if status >= 400 || (300..400).contains(&status) => {
                return shown(
                    Finding::new("link", Status::Blocking, "deliv-link-status")
                        .url(link)
                        .arg("status", status),
                    &chain,
                );
            }
            Answer::Status(_, _) => {
                if chain.is_empty() {
                    return base();
                }
                let path = current.path().to_ascii_lowercase();
                let f = if LOGIN.iter().any(|w| path.contains(w)) {
                    Finding::new("link", Status::Improve, "deliv-link-login")
                } else if site(&current) != site(&start) {
                    Finding::new("link", Status::Improve, "deliv-link-other-site")
                } else {
                    Finding::new("link", Status::Ok, "deliv-link-redirected")
                };
                return shown(f.url(link).arg("target", current.as_str()), &chain);
            }
        }
    }
}

/// Checks a `mailto:` or `tel:` link's form, or refuses another scheme; `None` for an
/// http(s) link (those are asked over the network).
pub fn check_form(link: &str) -> Option<Finding> {
    let lower = link.trim().to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let address = rest.split('?').next().unwrap_or_default();
        let address = percent_decode(address);
        let ok = !address.is_empty()
            && address
                .split(',')
                .all(|a| a.trim().parse::<lettre::Address>().is_ok());
        return Some(if ok {
            Finding::new("link", Status::Ok, "deliv-link-mailto").url(link)
        } else {
            Finding::new("link", Status::Blocking, "deliv-link-mailto-bad").url(link)
        });
    }
    if let Some(rest) = lower.strip_prefix("tel:") {
        let digits = rest.chars().filter(char::is_ascii_digit).count();
        let ok = digits >= 6
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || " +-.()/".contains(c) || c == '%');
        return Some(if ok {
            Finding::new("link", Status::Ok, "deliv-link-tel").url(link)
        } else {
            Finding::new("link", Status::Blocking, "deliv-link-tel-bad").url(link)
        });
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return None;
    }
    Some(Finding::new("link", Status::Blocking, "deliv-link-malformed").url(link))
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(s.replace('+', "%2B").as_bytes())
        .map(|(k, v)| {
            if v.is_empty() {
                k.into_owned()
            } else {
                format!("{k}={v}")
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Checks `links` (each once), at most [`PARALLEL`] at a time and one per host; the
/// findings in the order of `links`.
pub fn check_all(links: &[String], agent: &ureq::Agent) -> Vec<Finding> {
    let mut by_host: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    let mut out: Vec<Option<Finding>> = vec![None; links.len()];
    for (i, link) in links.iter().enumerate() {
        match check_form(link) {
            Some(f) => out[i] = Some(f),
            None => {
                let host = url::Url::parse(link)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
                    .unwrap_or_default();
                by_host.entry(host).or_default().push((i, link.clone()));
            }
        }
    }
    let queue: Mutex<VecDeque<Vec<(usize, String)>>> = Mutex::new(by_host.into_values().collect());
    let results: Mutex<Vec<(usize, Finding)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..PARALLEL {
            s.spawn(|| loop {
                let Some(host_links) = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front()
                else {
                    break;
                };
                for (i, link) in host_links {
                    let f = check_http(agent, &link);
                    results
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push((i, f));
                }
            });
        }
    });
    for (i, f) in results.into_inner().unwrap_or_else(|p| p.into_inner()) {
        out[i] = Some(f);
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_and_tel_are_checked_for_their_form_only() {
        let code = |l: &str| check_form(l).map(|f| f.code);
        assert_eq!(
            code("mailto:info@mineursenexil.be").as_deref(),
            Some("deliv-link-mailto")
        );
        assert_eq!(
            code("mailto:info@mineursenexil.be?subject=Newsletter").as_deref(),
            Some("deliv-link-mailto")
        );
        assert_eq!(
            code("mailto:info(at)pmo").as_deref(),
            Some("deliv-link-mailto-bad")
        );
        assert_eq!(
            code("tel:+32 2 210 94 91").as_deref(),
            Some("deliv-link-tel")
        );
        assert_eq!(code("tel:call-us").as_deref(), Some("deliv-link-tel-bad"));
        assert_eq!(
            code("ftp://files.example.be/x").as_deref(),
            Some("deliv-link-malformed")
        );
        assert_eq!(code("https://www.mineursenexil.be/"), None);
    }
}
