//! The one error shape that crosses the IPC boundary.

use serde::Serialize;
use tandem_core::model::Problem;
use tandem_core::net::CertificateInfo;
use tandem_core::oauth::OAuthError;
use ts_rs::TS;

/// An error as the UI sees it: `code` is the Fluent id of the message to show (the UI
/// branches on it), `args` fill that message's placeables, and `detail` is the
/// technical text for an IT contact.
#[derive(Debug, Clone, TS, thiserror::Error)]
#[ts(export)]
#[error("{code}: {detail}")]
pub struct AppError {
    pub code: String,
    #[ts(type = "Record<string, string | number>")]
    pub args: serde_json::Map<String, serde_json::Value>,
    pub detail: String,
    /// For a refused save or import: each problem with its block and field.
    #[ts(optional, as = "Option<Vec<Problem>>")]
    pub problems: Vec<Problem>,
    /// For a server certificate that is not trusted: the certificate, for the user to
    /// check and, if it is their server's own, to trust.
    #[ts(optional)]
    pub certificate: Option<CertificateInfo>,
}

/// What crosses to the window (the fields of `AppError`).
#[derive(Serialize)]
struct Wire<'a> {
    code: &'a str,
    args: &'a serde_json::Map<String, serde_json::Value>,
    detail: &'a str,
    #[serde(skip_serializing_if = "<[Problem]>::is_empty")]
    problems: &'a [Problem],
    #[serde(skip_serializing_if = "Option::is_none")]
    certificate: &'a Option<CertificateInfo>,
}

/// Codes whose detail is a server's or a service's own words, logged with it; other
/// errors are logged by their code alone (their detail can quote what a person typed,
/// a name or an address in a contacts file).
const SERVICE_CODES: &[&str] = &[
    "smtp-",
    "error-smtp-",
    "mailbox-",
    "oauth-",
    "error-oauth-",
    "translate-",
    "update-",
    "error-deliv-dns",
    "error-send-",
];

/// Every error that reaches the window passes here once, on its way out: the log gets
/// its code (and a service's detail; the log's writer replaces any address in it).
impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if SERVICE_CODES.iter().any(|p| self.code.starts_with(p)) {
            tracing::warn!("[{}] {}", self.code, self.detail);
        } else {
            tracing::info!("[{}]", self.code);
        }
        Wire {
            code: &self.code,
            args: &self.args,
            detail: &self.detail,
            problems: &self.problems,
            certificate: &self.certificate,
        }
        .serialize(serializer)
    }
}

impl AppError {
    /// An error with no message arguments and no per-field problems.
    pub fn new(code: &str, detail: impl Into<String>) -> Self {
        AppError {
            code: code.to_owned(),
            args: Default::default(),
            detail: detail.into(),
            problems: Vec::new(),
            certificate: None,
        }
    }
}

impl From<tandem_core::store::StoreError> for AppError {
    fn from(e: tandem_core::store::StoreError) -> Self {
        let mut args = serde_json::Map::new();
        if let tandem_core::store::StoreError::TooNew { found, supported } = &e {
            args.insert("found".into(), (*found).into());
            args.insert("supported".into(), (*supported).into());
        }
        let problems = match &e {
            tandem_core::store::StoreError::Invalid(p) => p.clone(),
            _ => Vec::new(),
        };
        AppError {
            code: e.code().to_owned(),
            args,
            detail: e.to_string(),
            problems,
            certificate: None,
        }
    }
}

/// A secret that could not be kept: no keychain (the UI then asks whether a private
/// file will do), or the keychain refused.
impl From<tandem_core::secrets::SecretError> for AppError {
    fn from(e: tandem_core::secrets::SecretError) -> Self {
        match e {
            tandem_core::secrets::SecretError::NoKeychain(why) => {
                AppError::new("error-keychain-missing", why)
            }
            other => AppError::new("error-keychain-write", other.to_string()),
        }
    }
}

impl From<tandem_core::exchange::ExchangeError> for AppError {
    fn from(e: tandem_core::exchange::ExchangeError) -> Self {
        use tandem_core::exchange::ExchangeError;
        use tandem_core::media::MediaError;
        match e {
            ExchangeError::Store(s) => s.into(),
            other => {
                let mut error = AppError::new(other.code(), other.to_string());
                if let ExchangeError::Image {
                    source: MediaError::TooManyPixels { width, height },
                    ..
                } = &other
                {
                    error.args.insert("width".into(), (*width).into());
                    error.args.insert("height".into(), (*height).into());
                }
                error
            }
        }
    }
}

/// A sign-in error in the user's words (`detail` fills the message).
pub(crate) fn oauth_error(e: &OAuthError) -> AppError {
    let mut error = AppError::new(e.message_id(), e.to_string());
    let detail = match e {
        OAuthError::Refused { code, description } => format!("{code}: {description}")
            .trim_end_matches(": ")
            .to_owned(),
        OAuthError::Config(d) | OAuthError::Unreachable(d) | OAuthError::SignInAgain(d) => {
            d.clone()
        }
        other => other.to_string(),
    };
    error.args.insert("detail".into(), detail.into());
    error
}
