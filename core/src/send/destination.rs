//! Where a run's messages go, recorded on the run when it starts, so that a resume —
//! from the app or from `tandem send --resume` — delivers where the send started and
//! never, say, into the outbox folder because the settings changed in between.
//!
//! A [`Destination`] holds what identifies the place (server, port, security, user,
//! authentication kind, extra CA, pinned certificate), never a password or a token.
//! A [`Route`] is a destination made ready to send: its links for the workers.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::link::{Link, Login, OutboxLink, Outcome, SmtpEndpoint, SmtpLink};
use super::settings::SmtpSettings;
use crate::net::Security;

/// How Tandem proves who it is to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum AuthKind {
    /// The server takes mail without a login.
    None,
    /// A user name and a password (from the keychain or `TANDEM_SMTP_PASSWORD`).
    Password,
    /// `AUTH XOAUTH2` as the signed-in account (Microsoft 365, Google), with a token
    /// from its sign-in.
    Xoauth2,
}

/// Where a run's messages go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum Destination {
    /// An SMTP server: the messages are delivered to people.
    Smtp {
        host: String,
        port: u16,
        security: Security,
        username: String,
        auth: AuthKind,
        /// A PEM file of an extra certificate authority, or empty.
        #[serde(default)]
        ca_file: String,
        /// The SHA-256 fingerprint (hex) of the one certificate trusted for this
        /// server, or empty.
        #[serde(default)]
        pinned_cert: String,
    },
    /// A folder of `.eml` files: nobody receives anything.
    Outbox {
        /// The folder; empty for the `outbox` folder of the data folder.
        #[serde(default)]
        dir: String,
    },
}

impl Destination {
    /// The server of these settings.
    pub fn of_settings(settings: &SmtpSettings) -> Destination {
        let username = settings.username.trim().to_owned();
        Destination::Smtp {
            host: settings.host.trim().to_owned(),
            port: settings.port,
            security: settings.security,
            auth: if username.is_empty() {
                AuthKind::None
            } else if settings.oauth {
                AuthKind::Xoauth2
            } else {
                AuthKind::Password
            },
            username,
            ca_file: settings.ca_file.trim().to_owned(),
            pinned_cert: settings.pinned_cert.trim().to_owned(),
        }
    }

    /// The default outbox folder of the data folder.
    pub fn default_outbox() -> Destination {
        Destination::Outbox { dir: String::new() }
    }

    /// Settings that reach this server (only the connection fields are filled in).
    pub fn connection_settings(&self) -> Option<SmtpSettings> {
        match self {
            Destination::Smtp {
                host,
                port,
                security,
                username,
                auth,
                ca_file,
                pinned_cert,
            } => Some(SmtpSettings {
                host: host.clone(),
                port: *port,
                security: *security,
                username: username.clone(),
                ca_file: ca_file.clone(),
                pinned_cert: pinned_cert.clone(),
                oauth: *auth == AuthKind::Xoauth2,
                ..SmtpSettings::default()
            }),
            Destination::Outbox { .. } => None,
        }
    }

    /// The user name whose password is needed, if any.
    pub fn login(&self) -> Option<(&str, &str)> {
        match self {
            Destination::Smtp {
                host,
                username,
                auth: AuthKind::Password,
                ..
            } => Some((username.as_str(), host.as_str())),
            _ => None,
        }
    }

    /// How the server is logged in to (`None` for the outbox).
    pub fn auth(&self) -> Option<AuthKind> {
        match self {
            Destination::Smtp { auth, .. } => Some(*auth),
            Destination::Outbox { .. } => None,
        }
    }

    pub fn is_outbox(&self) -> bool {
        matches!(self, Destination::Outbox { .. })
    }

    /// `"smtp"` or `"outbox"`, as in the JSON (for messages that name the place).
    pub fn kind(&self) -> &'static str {
        match self {
            Destination::Smtp { .. } => "smtp",
            Destination::Outbox { .. } => "outbox",
        }
    }

    /// `host:port` for a server, the folder for the outbox (`default_outbox` when the
    /// default one).
    pub fn label(&self, default_outbox: &Path) -> String {
        match self {
            Destination::Smtp { host, port, .. } => format!("{host}:{port}"),
            Destination::Outbox { dir } if dir.is_empty() => default_outbox.display().to_string(),
            Destination::Outbox { dir } => dir.clone(),
        }
    }

    /// As stored on the run.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a destination is plain data")
    }

    /// From the run's column; `None` for runs started before destinations were recorded
    /// (empty) or a value this build cannot read.
    pub fn from_json(json: &str) -> Option<Destination> {
        serde_json::from_str(json).ok()
    }
}

/// Why a destination's login cannot be made ready.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// The server asks for a password and none is saved (or given).
    #[error("the server asks for a login as {0} but no password is saved")]
    NoPassword(String),
    /// The server takes a sign-in token for this account and nobody, or somebody else,
    /// is signed in.
    #[error("the server takes a sign-in as {0}, and {0} is not signed in on this computer")]
    NotSignedIn(String),
    /// The sign-in's identity server could not be asked.
    #[error(transparent)]
    OAuth(#[from] crate::oauth::OAuthError),
}

impl LoginError {
    /// The `ui.ftl` message that explains this error.
    pub fn code(&self) -> &'static str {
        match self {
            LoginError::NoPassword(_) => "error-smtp-no-password",
            LoginError::NotSignedIn(_) => "error-oauth-not-signed-in",
            LoginError::OAuth(e) => e.message_id(),
        }
    }
}

impl Destination {
    /// The login this destination needs: `password` (or the saved one) for a password,
    /// the signed-in `account`'s tokens for XOAUTH2; `None` for no login and the outbox.
    pub fn login_with(
        &self,
        password: Option<String>,
        account: Option<&crate::oauth::Account>,
        data_dir: &Path,
    ) -> Result<Option<Login>, LoginError> {
        let Destination::Smtp {
            host,
            username,
            auth,
            ..
        } = self
        else {
            return Ok(None);
        };
        match auth {
            AuthKind::None => Ok(None),
            AuthKind::Password => password
                .filter(|p| !p.is_empty())
                .or_else(|| crate::secrets::password(username, host, data_dir))
                .map(|p| Some(Login::Password(p)))
                .ok_or_else(|| LoginError::NoPassword(username.clone())),
            AuthKind::Xoauth2 => {
                let account = account
                    .filter(|a| a.account.eq_ignore_ascii_case(username.trim()))
                    .ok_or_else(|| LoginError::NotSignedIn(username.clone()))?;
                let tokens = crate::oauth::Tokens::of_saved(account, data_dir)?;
                Ok(Some(Login::OAuth(Arc::new(tokens))))
            }
        }
    }
}

/// A destination made ready to send.
#[derive(Debug, Clone)]
pub enum Route {
    Smtp(Arc<SmtpEndpoint>),
    Outbox(PathBuf),
}

impl Route {
    /// Prepares `destination`: TLS set-up and the login for a server (with `login`),
    /// the folder for the outbox (`default_outbox` when the destination names none).
    pub fn open(
        destination: &Destination,
        login: Option<Login>,
        timeout: Duration,
        default_outbox: &Path,
    ) -> Result<Route, String> {
        match destination {
            Destination::Outbox { dir } if dir.is_empty() => {
                Ok(Route::Outbox(default_outbox.to_path_buf()))
            }
            Destination::Outbox { dir } => Ok(Route::Outbox(PathBuf::from(dir))),
            Destination::Smtp { .. } => {
                let settings = destination
                    .connection_settings()
                    .expect("a server has connection settings");
                Ok(Route::Smtp(Arc::new(SmtpEndpoint::new(
                    &settings, login, timeout,
                )?)))
            }
        }
    }

    /// One worker's link.
    pub fn link(&self) -> Box<dyn Link> {
        match self {
            Route::Smtp(endpoint) => Box::new(SmtpLink::new(Arc::clone(endpoint))),
            Route::Outbox(dir) => Box::new(OutboxLink::new(dir.clone())),
        }
    }

    /// Asks the server once (connect, TLS, login) before anything is written to the
    /// ledger; the outbox needs no asking.
    pub fn check(&self) -> Result<(), Outcome> {
        match self {
            Route::Smtp(endpoint) => endpoint.test().map(|_| ()),
            Route::Outbox(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_destination_keeps_what_identifies_the_server_and_never_a_password() {
        let settings = SmtpSettings {
            host: " mail.example.org ".into(),
            port: 465,
            security: Security::Tls,
            username: "info@example.org".into(),
            ca_file: "/etc/ca.pem".into(),
            ..SmtpSettings::default()
        };
        let d = Destination::of_settings(&settings);
        let json = d.to_json();
        assert_eq!(
            json,
            r#"{"kind":"smtp","host":"mail.example.org","port":465,"security":"tls","username":"info@example.org","auth":"password","ca_file":"/etc/ca.pem","pinned_cert":""}"#
        );
        assert_eq!(Destination::from_json(&json), Some(d.clone()));
        assert_eq!(d.login(), Some(("info@example.org", "mail.example.org")));
        let back = d.connection_settings().unwrap();
        assert_eq!(Destination::of_settings(&back), d);

        // What migration 0005 writes for the outbox runs of earlier versions.
        let outbox = Destination::from_json(r#"{"kind":"outbox"}"#).unwrap();
        assert_eq!(outbox, Destination::default_outbox());
        assert_eq!((outbox.kind(), d.kind()), ("outbox", "smtp"));
        assert_eq!(outbox.label(Path::new("/data/outbox")), "/data/outbox");
        assert_eq!(Destination::from_json(""), None);
    }
}
