//! What every network user shares (sending, the mailbox, the sign-in, translation, and
//! the deliverability checks): how a connection is protected ([`Security`]), which
//! hosts may be reached in plain text (this computer only), TLS with the system's
//! authorities, an extra CA file or one pinned certificate ([`tls`]), certificates as
//! people check them ([`cert`]), and the HTTP agent ([`http`]).
//!
//! A low room: it imports nothing of Tandem, so none of its users has to import
//! another (the mailbox and the sign-in take nothing from `send`).

pub mod cert;
pub mod http;
pub mod tls;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use cert::{fingerprint, normalize_fingerprint, CertificateInfo};
pub use tls::{TlsError, Trust};

/// How the connection to the server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which is required (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only allowed to this computer itself.
    None,
}
/// Whether `host` is this computer: `localhost`, 127.0.0.0/8 or ::1 (brackets allowed).
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim().trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false)
}

/// Whether a connection protected by `security` may go to `host`: encrypted anywhere,
/// plain text only to this computer.
pub fn allowed(security: Security, host: &str) -> bool {
    security != Security::None || is_loopback(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_only_to_this_computer() {
        for host in [
            "localhost",
            "127.0.0.1",
            " 127.0.0.2 ",
            "::1",
            "[::1]",
            "LOCALHOST",
        ] {
            assert!(is_loopback(host), "{host}");
            assert!(allowed(Security::None, host), "{host}");
        }
        for host in [
            "mail.example.org",
            "10.0.0.1",
            "192.168.1.10",
            "localhost.example.org",
            "",
        ] {
            assert!(!is_loopback(host), "{host}");
            assert!(!allowed(Security::None, host), "{host}");
            assert!(allowed(Security::Tls, host) && allowed(Security::Starttls, host));
        }
    }
}
