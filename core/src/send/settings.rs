//! How this organisation sends: its SMTP server, its sender, its provider's limits.
//! The password is never here: it lives in the OS keychain (or, for the CLI, in the
//! `TANDEM_SMTP_PASSWORD` environment variable).

use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::net::{is_loopback, Security};
use crate::store::{Store, StoreError};

/// "At most `count` messages in any `per_seconds` window".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RateLimit {
    pub count: u32,
    pub per_seconds: u32,
}

impl RateLimit {
    /// Reads `30/min`, `200/h`, `10000/day` (also `/s`, `/hour`, `/d`, `/24h`).
    pub fn parse(text: &str) -> Option<RateLimit> {
        let (count, unit) = text.trim().split_once('/')?;
        let count: u32 = count.trim().parse().ok().filter(|n| *n > 0)?;
        let per_seconds = match unit.trim().to_ascii_lowercase().as_str() {
            "s" | "sec" | "second" => 1,
            "m" | "min" | "minute" => 60,
            "h" | "hour" => 3600,
            "d" | "day" | "24h" => 86_400,
            _ => return None,
        };
        Some(RateLimit { count, per_seconds })
    }

    pub fn window(&self) -> Duration {
        Duration::from_secs(u64::from(self.per_seconds))
    }
}

impl std::fmt::Display for RateLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.per_seconds {
            1 => "s".to_owned(),
            60 => "min".to_owned(),
            3600 => "h".to_owned(),
            86_400 => "day".to_owned(),
            n => format!("{n}s"),
        };
        write!(f, "{}/{unit}", self.count)
    }
}

/// A provider whose settings and limits are filled in for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Preset {
    pub id: String,
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub limits: Vec<RateLimit>,
}

/// The providers Belgian NGOs use most; "custom" leaves everything to the user.
pub fn presets() -> Vec<Preset> {
    let p = |id: &str, host: &str, port, security, limits: &[(u32, u32)]| Preset {
        id: id.into(),
        host: host.into(),
        port,
        security,
        limits: limits
            .iter()
            .map(|&(count, per_seconds)| RateLimit { count, per_seconds })
            .collect(),
    };
    vec![
        // Microsoft 365: 30 messages a minute, 10,000 recipients a day.
        p(
            "microsoft365",
            "smtp.office365.com",
            587,
            Security::Starttls,
            &[(30, 60), (10_000, 86_400)],
        ),
        // Google Workspace: 2,000 messages a day.
        p(
            "google",
            "smtp.gmail.com",
            587,
            Security::Starttls,
            &[(2_000, 86_400)],
        ),
        // OVH: about 200 an hour.
        p("ovh", "ssl0.ovh.net", 465, Security::Tls, &[(200, 3_600)]),
        p("custom", "", 587, Security::Starttls, &[]),
    ]
}

/// The organisation's sending settings, as saved in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SmtpSettings {
    pub preset: String,
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Empty: the server takes mail without logging in.
    pub username: String,
    pub from_name: String,
    pub from_address: String,
    pub reply_to: String,
    /// The organisation's unsubscribe page (https), or empty: recipients then
    /// unsubscribe by replying.
    pub unsubscribe_url: String,
    /// A PEM file of an extra certificate authority to trust, or empty.
    pub ca_file: String,
    /// The SHA-256 fingerprint (hex) of the one certificate the user chose to trust for
    /// this server (a self-signed one), or empty.
    #[serde(default)]
    pub pinned_cert: String,
    pub limits: Vec<RateLimit>,
    pub concurrency: u32,
    /// Open each message with "Bonjour Anne," / "Beste Jan," (the contact's name).
    #[serde(default)]
    pub greeting: bool,
    /// Log in with the signed-in account's token (Microsoft 365, Google: OAuth 2.0,
    /// `AUTH XOAUTH2`) instead of a password; `username` is that account.
    #[serde(default)]
    pub oauth: bool,
}

/// What is wrong with settings, named by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SettingsProblem {
    pub field: String,
    /// A message id of `ui.ftl` (`smtp-problem-…`).
    pub code: String,
}

impl SmtpSettings {
    /// Every problem, so the form can show them all at once.
    pub fn problems(&self) -> Vec<SettingsProblem> {
        let mut out = Vec::new();
        let mut add = |field: &str, code: &str| {
            out.push(SettingsProblem {
                field: field.into(),
                code: code.into(),
            })
        };
        if self.host.trim().is_empty() {
            add("host", "smtp-problem-host");
        }
        if self.port == 0 {
            add("port", "smtp-problem-port");
        }
        if self.security == Security::None && !is_loopback(&self.host) {
            add("security", "smtp-problem-insecure");
        }
        if self.from_address.trim().parse::<lettre::Address>().is_err() {
            add("from_address", "smtp-problem-address");
        }
        if !self.reply_to.trim().is_empty()
            && self.reply_to.trim().parse::<lettre::Address>().is_err()
        {
            add("reply_to", "smtp-problem-address");
        }
        if !self.unsubscribe_url.trim().is_empty()
            && !self.unsubscribe_url.trim().starts_with("https://")
        {
            add("unsubscribe_url", "smtp-problem-unsubscribe-url");
        }
        if self.from_name.contains(['\r', '\n']) {
            add("from_name", "smtp-problem-line-break");
        }
        if self.concurrency == 0 || self.concurrency > 16 {
            add("concurrency", "smtp-problem-concurrency");
        }
        out
    }

    /// Reads a lettre-style URL: `smtp://user@host:port?tls=required` (STARTTLS),
    /// `smtps://user@host:port` (TLS), `smtp://127.0.0.1:2525` (plain, loopback only).
    pub fn from_url(url: &str) -> Result<SmtpSettings, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("{url:?} is not a URL: {e}"))?;
        let tls_param = parsed
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let security = match (parsed.scheme(), tls_param.as_deref()) {
            ("smtps", _) => Security::Tls,
            ("smtp", Some("required") | Some("opportunistic")) => Security::Starttls,
            ("smtp", None) => Security::None,
            ("smtp", Some(other)) => return Err(format!("unknown tls={other} (use tls=required)")),
            (scheme, _) => return Err(format!("{scheme}:// is not smtp:// or smtps://")),
        };
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| format!("{url:?} has no host"))?
            .to_owned();
        let port = parsed.port().unwrap_or(match security {
            Security::Tls => 465,
            Security::Starttls => 587,
            Security::None => 25,
        });
        let username =
            url::form_urlencoded::parse(parsed.username().replace('+', "%2B").as_bytes())
                .map(|(k, v)| {
                    if v.is_empty() {
                        k.into_owned()
                    } else {
                        format!("{k}={v}")
                    }
                })
                .collect::<String>();
        Ok(SmtpSettings {
            preset: "custom".into(),
            host,
            port,
            security,
            username,
            ..SmtpSettings::default()
        })
    }
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            preset: "custom".into(),
            host: String::new(),
            port: 587,
            security: Security::Starttls,
            username: String::new(),
            from_name: String::new(),
            from_address: String::new(),
            reply_to: String::new(),
            unsubscribe_url: String::new(),
            ca_file: String::new(),
            pinned_cert: String::new(),
            limits: Vec::new(),
            concurrency: 2,
            greeting: false,
            oauth: false,
        }
    }
}

const SMTP: &str = "smtp";

impl Store {
    /// The organisation's sending settings, if they were ever saved.
    pub fn smtp_settings(&self) -> Result<Option<SmtpSettings>, StoreError> {
        self.json_setting(SMTP)
    }

    /// Saves the sending settings (never a password: that is in the OS keychain).
    pub fn set_smtp_settings(&self, settings: &SmtpSettings) -> Result<(), StoreError> {
        self.set_json_setting(SMTP, Some(settings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_read_in_the_units_people_write() {
        assert_eq!(
            RateLimit::parse("30/min"),
            Some(RateLimit {
                count: 30,
                per_seconds: 60
            })
        );
        assert_eq!(
            RateLimit::parse(" 200 / h "),
            Some(RateLimit {
                count: 200,
                per_seconds: 3600
            })
        );
        assert_eq!(
            RateLimit::parse("10000/day").unwrap().to_string(),
            "10000/day"
        );
        assert_eq!(RateLimit::parse("0/min"), None);
        assert_eq!(RateLimit::parse("30 per minute"), None);
        assert_eq!(RateLimit::parse("5/fortnight"), None);
    }

    #[test]
    fn urls_give_host_port_security_and_user() {
        let s =
            SmtpSettings::from_url("smtp://info%40example.org@mail.example.org:587?tls=required")
                .unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.security),
            ("mail.example.org", 587, Security::Starttls)
        );
        assert_eq!(s.username, "info@example.org");
        let s = SmtpSettings::from_url("smtps://mail.example.org").unwrap();
        assert_eq!((s.port, s.security), (465, Security::Tls));
        let s = SmtpSettings::from_url("smtp://127.0.0.1:2525").unwrap();
        assert_eq!((s.port, s.security), (2525, Security::None));
        assert!(SmtpSettings::from_url("http://example.org").is_err());
        assert!(SmtpSettings::from_url("smtp://x?tls=maybe").is_err());
    }

    #[test]
    fn plain_text_is_refused_except_to_this_computer() {
        let mut s = SmtpSettings {
            host: "mail.example.org".into(),
            security: Security::None,
            from_address: "info@example.org".into(),
            ..SmtpSettings::default()
        };
        let codes: Vec<_> = s.problems().into_iter().map(|p| p.code).collect();
        assert_eq!(codes, ["smtp-problem-insecure"]);
        s.host = "127.0.0.1".into();
        assert!(s.problems().is_empty());
        s.reply_to = "not an address".into();
        s.unsubscribe_url = "http://example.org/u".into();
        let fields: Vec<_> = s.problems().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["reply_to", "unsubscribe_url"]);
    }

    #[test]
    fn smtp_settings_are_saved_and_read_back() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.smtp_settings().unwrap(), None);
        let settings = SmtpSettings {
            host: "smtp.example.org".into(),
            from_address: "info@example.org".into(),
            ..SmtpSettings::default()
        };
        store.set_smtp_settings(&settings).unwrap();
        assert_eq!(store.smtp_settings().unwrap(), Some(settings));
    }
}
