//! A server's certificate as people check it, and its SHA-256 fingerprint: what a
//! pinned certificate is compared with, on every connection of every protocol.

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// A server certificate as a person checks it before trusting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CertificateInfo {
    pub subject: String,
    pub issuer: String,
    /// Valid from / until, `YYYY-MM-DD` (UTC).
    pub not_before: String,
    pub not_after: String,
    /// SHA-256 of the certificate, lowercase hex: what `--pin-cert` and the settings keep.
    pub sha256: String,
    /// Its own issuer (made with `openssl req -x509` and the like).
    pub self_signed: bool,
}

impl CertificateInfo {
    /// Reads a DER certificate; its fingerprint even when the rest cannot be read.
    pub fn from_der(der: &[u8]) -> CertificateInfo {
        let sha256 = fingerprint(der);
        match x509_parser::parse_x509_certificate(der) {
            Ok((_, cert)) => {
                let date = |t: x509_parser::time::ASN1Time| {
                    chrono::DateTime::from_timestamp(t.timestamp(), 0)
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default()
                };
                CertificateInfo {
                    subject: cert.subject().to_string(),
                    issuer: cert.issuer().to_string(),
                    not_before: date(cert.validity().not_before),
                    not_after: date(cert.validity().not_after),
                    self_signed: cert.subject() == cert.issuer(),
                    sha256,
                }
            }
            Err(_) => CertificateInfo {
                subject: String::new(),
                issuer: String::new(),
                not_before: String::new(),
                not_after: String::new(),
                self_signed: false,
                sha256,
            },
        }
    }

    /// The fingerprint as people compare it: `AB:CD:…`.
    pub fn sha256_colons(&self) -> String {
        self.sha256
            .as_bytes()
            .chunks(2)
            .map(|p| String::from_utf8_lossy(p).to_ascii_uppercase())
            .collect::<Vec<_>>()
            .join(":")
    }
}

/// SHA-256 of `der`, lowercase hex.
pub fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fingerprint as people copy it (`AB:CD:…`, spaces, any case) in the form kept:
/// 64 lowercase hex digits; `None` if it is not a SHA-256 fingerprint.
pub fn normalize_fingerprint(text: &str) -> Option<String> {
    let hex: String = text
        .chars()
        .filter(|c| !matches!(c, ':' | ' ' | '-'))
        .collect::<String>()
        .to_ascii_lowercase();
    (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(hex)
}
