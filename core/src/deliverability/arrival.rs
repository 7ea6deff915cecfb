//! How a test message really arrived: where it landed (the inbox or the junk folder),
//! what the receiving side wrote in `Authentication-Results` (RFC 8601, as Microsoft
//! 365, Gmail, OpenDKIM/OpenDMARC and rspamd write it), Microsoft's spam confidence
//! level, the DKIM selectors it was signed with, its size.

use super::{Finding, Status};

/// One method's result in an `Authentication-Results` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodResult {
    /// `spf`, `dkim`, `dmarc`, `arc`, `compauth`, …
    pub method: String,
    /// `pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`, `permerror`, …
    pub result: String,
    /// Its properties (`header.d`, `header.s`, `smtp.mailfrom`, `header.from`, …).
    pub props: Vec<(String, String)>,
}

/// What the receiving side said about the message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arrival {
    /// The folder it was found in, and whether that is the junk folder.
    pub folder: String,
    pub junk: bool,
    /// Every method result of every `Authentication-Results` header, in order.
    pub results: Vec<MethodResult>,
    /// Microsoft's spam confidence level (-1 … 9), when written.
    pub scl: Option<i32>,
    /// (domain, selector) of each DKIM-Signature.
    pub signatures: Vec<(String, String)>,
    pub size: usize,
}

/// Removes RFC 5322 comments `( … )`, nested, outside quoted strings.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut depth, mut quoted, mut escaped) = (0u32, false, false);
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                if depth == 0 {
                    out.push(c);
                }
            }
            '"' if depth == 0 => {
                quoted = !quoted;
                out.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The method results of one `Authentication-Results` value (without its name).
pub fn parse_results(value: &str) -> Vec<MethodResult> {
    let clean = strip_comments(&value.replace(['\r', '\n'], " "));
    let mut parts = clean.split(';').peekable();
    // The first part is the authserv-id (and a version) — except in Microsoft 365's
    // header, which starts with a result.
    if parts
        .peek()
        .is_some_and(|first| !first.split_whitespace().next().unwrap_or("").contains('='))
    {
        parts.next();
    }
    let mut out = Vec::new();
    for part in parts {
        let mut words = part.split_whitespace();
        let Some(first) = words.next() else { continue };
        let Some((method, result)) = first.split_once('=') else {
            continue;
        };
        let method = method
            .split('/')
            .next()
            .unwrap_or(method)
            .to_ascii_lowercase();
        let mut props = Vec::new();
        for w in words {
            if let Some((k, v)) = w.split_once('=') {
                props.push((k.to_ascii_lowercase(), v.trim_matches('"').to_owned()));
            }
        }
        out.push(MethodResult {
            method,
            result: result.to_ascii_lowercase(),
            props,
        });
    }
    out
}

/// The headers of a raw message, unfolded: (lower-case name, value).
fn headers(raw: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(raw);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let head = head.split("\n\n").next().unwrap_or_default();
    crate::mailbox::unfold(head)
        .into_iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value))
        .collect()
}

/// Reads what the receiving side wrote on the message found in `folder`.
pub fn read(raw: &[u8], folder: &str, junk: bool) -> Arrival {
    let headers = headers(raw);
    let mut arrival = Arrival {
        folder: folder.to_owned(),
        junk,
        size: raw.len(),
        ..Arrival::default()
    };
    for (name, value) in &headers {
        match name.as_str() {
            // ARC copies of earlier hops are not this receiver's verdict.
            "authentication-results" => {
                arrival.results.extend(parse_results(value));
            }
            "x-ms-exchange-organization-scl" => {
                arrival.scl = value.trim().parse().ok().or(arrival.scl);
            }
            "x-forefront-antispam-report" => {
                let scl = value
                    .split(';')
                    .find_map(|p| p.trim().strip_prefix("SCL:"))
                    .and_then(|v| v.trim().parse().ok());
                arrival.scl = arrival.scl.or(scl);
            }
            "dkim-signature" => {
                let tag = |t: &str| {
                    value
                        .split(';')
                        .find_map(|p| {
                            p.trim()
                                .strip_prefix(&format!("{t}="))
                                .map(|v| v.trim().to_owned())
                        })
                        .unwrap_or_default()
                };
                arrival.signatures.push((tag("d"), tag("s")));
            }
            _ => {}
        }
    }
    arrival
}

impl Arrival {
    /// The first result given for `method` (the receiving side's own header comes first).
    pub fn result(&self, method: &str) -> Option<&MethodResult> {
        self.results.iter().find(|r| r.method == method)
    }

    /// The findings: where it landed, SPF / DKIM / DMARC as received, the spam level,
    /// the size.
    pub fn findings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        out.push(if self.junk {
            Finding::new("arrival", Status::Blocking, "deliv-arrival-junk")
                .arg("folder", &self.folder)
        } else {
            Finding::new("arrival", Status::Ok, "deliv-arrival-inbox").arg("folder", &self.folder)
        });
        for method in ["spf", "dkim", "dmarc"] {
            let Some(r) = self.result(method) else {
                out.push(
                    Finding::new(method, Status::Improve, "deliv-received-unknown")
                        .arg("method", method.to_uppercase()),
                );
                continue;
            };
            let status = match r.result.as_str() {
                "pass" => Status::Ok,
                "fail" | "permerror" | "softfail" if method != "dkim" || r.result == "fail" => {
                    Status::Blocking
                }
                _ => Status::Improve,
            };
            let mut f = Finding::new(method, status, "deliv-received")
                .arg("method", method.to_uppercase())
                .arg("result", &r.result);
            f.found = Some(
                std::iter::once(format!("{}={}", r.method, r.result))
                    .chain(r.props.iter().map(|(k, v)| format!("{k}={v}")))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            out.push(f);
        }
        if let Some(scl) = self.scl {
            out.push(
                Finding::new(
                    "scl",
                    if scl >= 5 {
                        Status::Blocking
                    } else {
                        Status::Ok
                    },
                    if scl >= 5 {
                        "deliv-scl-spam"
                    } else {
                        "deliv-scl-ok"
                    },
                )
                .arg("scl", scl),
            );
        }
        let kb = self.size.div_ceil(1024);
        out.push(Finding::new("size", Status::Ok, "deliv-received-size").arg("kb", kb));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_quoted_strings_are_told_apart() {
        let r = parse_results(
            "mx.google.com; dkim=pass header.i=@pmo.test header.s=google (good \"signature\"); \
             spf=pass (google.com: domain of info@pmo.test designates 40.92.1.2 as permitted \
             sender) smtp.mailfrom=info@pmo.test; dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=pmo.test",
        );
        let summary: Vec<(&str, &str)> = r
            .iter()
            .map(|m| (m.method.as_str(), m.result.as_str()))
            .collect();
        assert_eq!(
            summary,
            [("dkim", "pass"), ("spf", "pass"), ("dmarc", "pass")]
        );
        assert!(r[0].props.contains(&("header.s".into(), "google".into())));
        assert!(r[1]
            .props
            .contains(&("smtp.mailfrom".into(), "info@pmo.test".into())));
    }
}
