//! An SPF record read as receivers read it (RFC 7208): one `v=spf1` record per domain
//! (the strings of one TXT record joined), `include:` and `redirect=` followed, the DNS
//! lookups counted across all of them (at most 10, §4.6.4), and the final `all`.

use super::dns::{Dns, DnsError};

/// What a domain's SPF says, includes and redirects followed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spf {
    /// The `v=spf1` records published at the domain itself (more than one is an error).
    pub records: Vec<String>,
    /// DNS lookups a receiver makes to evaluate it (include, a, mx, ptr, exists,
    /// redirect), across every include.
    pub lookups: u32,
    /// Every domain reached through `include:` or `redirect=`, lower case.
    pub reached: Vec<String>,
    /// The qualifier of the `all` that ends the evaluation (`+`, `-`, `~`, `?`), after a
    /// redirect; `None` when there is none.
    pub all: Option<char>,
    /// Included or redirected domains without exactly one SPF record (each a permerror
    /// for receivers).
    pub broken: Vec<String>,
}

/// The `v=spf1` records among TXT records.
pub fn records(txt: &[String]) -> Vec<String> {
    txt.iter()
        .filter(|t| {
            let lower = t.trim_start().to_ascii_lowercase();
            lower == "v=spf1" || lower.starts_with("v=spf1 ")
        })
        .map(|t| t.trim().to_owned())
        .collect()
}

/// Reads `domain`'s SPF. `Ok` with no records when it publishes none.
pub fn read(dns: &Dns, domain: &str) -> Result<Spf, DnsError> {
    let txt = match dns.txt(domain) {
        Ok(t) => t,
        Err(DnsError::NotFound) => Vec::new(),
        Err(e) => return Err(e),
    };
    let mut spf = Spf {
        records: records(&txt),
        ..Spf::default()
    };
    if spf.records.len() == 1 {
        let record = spf.records[0].clone();
        spf.all = walk(dns, &record, &mut spf, 0);
    }
    Ok(spf)
}

/// Follows one record's terms; returns the `all` qualifier that ends it (its own, or
/// its redirect's).
fn walk(dns: &Dns, record: &str, spf: &mut Spf, depth: u32) -> Option<char> {
    let mut all = None;
    let mut redirect = None;
    for term in record.split_whitespace().skip(1) {
        let lower = term.to_ascii_lowercase();
        if let Some(target) = lower.strip_prefix("redirect=") {
            redirect = Some(target.to_owned());
            continue;
        }
        if lower.contains('=') {
            continue; // exp= and unknown modifiers: no lookup
        }
        let (qualifier, mechanism) = match lower.chars().next() {
            Some(q @ ('+' | '-' | '~' | '?')) => (q, &lower[1..]),
            _ => ('+', lower.as_str()),
        };
        let name = mechanism.split([':', '/']).next().unwrap_or_default();
        match name {
            "all" => {
                all = Some(qualifier);
                // Terms after `all` are never evaluated.
                break;
            }
            "include" => {
                spf.lookups += 1;
                let target = mechanism["include".len()..]
                    .trim_start_matches(':')
                    .to_owned();
                follow(dns, &target, spf, depth);
            }
            "a" | "mx" | "ptr" | "exists" => spf.lookups += 1,
            _ => {}
        }
    }
    match (all, redirect) {
        (None, Some(target)) => {
            spf.lookups += 1;
            follow(dns, &target, spf, depth)
        }
        (all, _) => all,
    }
}

/// An include's or redirect's domain: its one record walked (returns its `all`).
fn follow(dns: &Dns, target: &str, spf: &mut Spf, depth: u32) -> Option<char> {
    let target = target.trim_end_matches('.').to_owned();
    if target.is_empty() || depth >= 10 || spf.reached.contains(&target) {
        return None;
    }
    spf.reached.push(target.clone());
    let found = records(&dns.txt(&target).unwrap_or_default());
    if found.len() != 1 {
        spf.broken.push(target);
        return None;
    }
    walk(dns, &found[0], spf, depth + 1)
}

/// `record` with `include:INCLUDE` added before its `all` (or its end): the record to
/// hand over when the sending provider is not authorised yet.
pub fn with_include(record: &str, include: &str) -> String {
    let mut terms: Vec<&str> = record.split_whitespace().collect();
    let term = format!("include:{include}");
    let at = terms
        .iter()
        .position(|t| {
            let t = t
                .trim_start_matches(['+', '-', '~', '?'])
                .to_ascii_lowercase();
            t == "all" || t.starts_with("redirect=")
        })
        .unwrap_or(terms.len());
    terms.insert(at, &term);
    terms.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_spf_records_count_and_an_include_goes_before_all() {
        let txt = vec![
            "google-site-verification=abc".to_owned(),
            "v=spf1 mx -all".to_owned(),
            "v=spf10 nope".to_owned(),
        ];
        assert_eq!(records(&txt), ["v=spf1 mx -all"]);
        assert_eq!(
            with_include("v=spf1 mx ~all", "spf.protection.outlook.com"),
            "v=spf1 mx include:spf.protection.outlook.com ~all"
        );
        assert_eq!(
            with_include("v=spf1 redirect=_spf.example.be", "_spf.google.com"),
            "v=spf1 include:_spf.google.com redirect=_spf.example.be"
        );
    }
}
