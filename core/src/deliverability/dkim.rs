//! The DKIM signatures of a received test message verified by Tandem itself against DNS
//! (mail-auth), whatever the receiving side wrote: the key published at
//! `SELECTOR._domainkey.DOMAIN` must verify the signature over the message as it arrived.

use mail_auth::hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts,
};
use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator};

use super::dns::{pinned_server, runtime};
use super::{Finding, Status};

/// One signature and what checking it gave: (domain, selector, `pass` / `fail` /
/// `neutral` / `permerror` / `temperror` / `none`, the reason).
pub type Verdict = (String, String, String, String);

fn authenticator() -> Result<MessageAuthenticator, String> {
    match pinned_server().map_err(|e| e.to_string())? {
        Some(addr) => {
            let (mut udp, mut tcp) = (ConnectionConfig::udp(), ConnectionConfig::tcp());
            udp.port = addr.port();
            tcp.port = addr.port();
            let server = NameServerConfig::new(addr.ip(), true, vec![udp, tcp]);
            MessageAuthenticator::new(
                ResolverConfig::from_parts(None, vec![], vec![server]),
                ResolverOpts::default(),
            )
            .map_err(|e| e.to_string())
        }
        None => MessageAuthenticator::new_system_conf().map_err(|e| e.to_string()),
    }
}

/// Verifies every DKIM-Signature of `raw`.
pub fn verify(raw: &[u8]) -> Result<Vec<Verdict>, String> {
    let runtime = runtime().map_err(|e| e.to_string())?;
    let authenticator = {
        let _inside = runtime.enter();
        authenticator()?
    };
    let message = AuthenticatedMessage::parse(raw).ok_or("the message cannot be read")?;
    let outputs = runtime.block_on(authenticator.verify_dkim(&message));
    Ok(outputs
        .iter()
        .map(|o| {
            let (d, s) = o
                .signature()
                .map(|s| (s.d.clone(), s.s.clone()))
                .unwrap_or_default();
            let (result, reason) = match o.result() {
                DkimResult::Pass => ("pass", String::new()),
                // RFC 6376 §6.1.3: a body hash that does not match fails the
                // signature (the message was changed after signing); mail-auth calls
                // it neutral.
                DkimResult::Neutral(
                    e @ mail_auth::Error::Dkim(mail_auth::dkim::DkimError::FailedBodyHashMatch),
                ) => ("fail", e.to_string()),
                DkimResult::Neutral(e) => ("neutral", e.to_string()),
                DkimResult::Fail(e) => ("fail", e.to_string()),
                DkimResult::PermError(e) => ("permerror", e.to_string()),
                DkimResult::TempError(e) => ("temperror", e.to_string()),
                DkimResult::None => ("none", String::new()),
            };
            (d, s, result.to_owned(), reason)
        })
        .collect())
}

/// The findings of [`verify`]: one per signature, or that there is none.
pub fn findings(raw: &[u8]) -> Vec<Finding> {
    match verify(raw) {
        Err(reason) => {
            vec![
                Finding::new("dkim-verify", Status::Improve, "deliv-dkim-verify-error")
                    .arg("reason", reason),
            ]
        }
        Ok(verdicts) if verdicts.is_empty() => vec![Finding::new(
            "dkim-verify",
            Status::Blocking,
            "deliv-dkim-verify-unsigned",
        )],
        Ok(verdicts) => verdicts
            .into_iter()
            .map(|(domain, selector, result, reason)| {
                let status = match result.as_str() {
                    "pass" => Status::Ok,
                    "fail" | "permerror" => Status::Blocking,
                    _ => Status::Improve,
                };
                let mut f = Finding::new("dkim-verify", status, "deliv-dkim-verify")
                    .arg("domain", domain)
                    .arg("selector", selector)
                    .arg("result", &result);
                if !reason.is_empty() {
                    f.found = Some(reason);
                }
                f
            })
            .collect(),
    }
}
