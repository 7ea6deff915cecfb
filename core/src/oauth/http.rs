//! The HTTP client of the sign-in: ureq, no redirects (a token request must never be
//! sent on elsewhere), a timeout, and the identity server's error answers (4xx with a
//! JSON body) handed to oauth2 as answers rather than as transport errors.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use oauth2::http::{header::CONTENT_TYPE, HeaderValue, Method, StatusCode};
use oauth2::{HttpRequest, HttpResponse, SyncHttpClient};

use super::OAuthError;

/// A failed request: what went wrong, without the request (which may hold a token).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

/// The sign-in's HTTP client.
#[derive(Clone)]
pub struct Http {
    agent: ureq::Agent,
    cancel: Option<Arc<AtomicBool>>,
}

impl std::fmt::Debug for Http {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Http").finish_non_exhaustive()
    }
}

/// The most an identity server's answer may weigh.
const MAX_BODY: u64 = 1 << 20;

impl Http {
    pub fn new(timeout: Duration) -> Http {
        Http {
            agent: crate::net::http::agent(timeout),
            cancel: None,
        }
    }

    /// Answers every request with `access_denied` once `cancel` is set (how a device
    /// sign-in's polling is stopped from outside).
    pub fn cancelled_by(mut self, cancel: Arc<AtomicBool>) -> Http {
        self.cancel = Some(cancel);
        self
    }

    /// GETs a JSON document.
    pub fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, OAuthError> {
        let response = match self.agent.get(url).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(code, _)) => {
                return Err(OAuthError::Unreachable(format!(
                    "{url} answered HTTP {code}"
                )))
            }
            Err(e) => return Err(OAuthError::Unreachable(transport(&e))),
        };
        let body = crate::net::http::read_body(response, MAX_BODY)
            .map_err(|e| OAuthError::Unreachable(e.to_string()))?;
        serde_json::from_slice(&body)
            .map_err(|e| OAuthError::Unreachable(format!("{url} is not the expected JSON: {e}")))
    }
}

/// A transport error in words (ureq's own text names the URL, never the body).
fn transport(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Transport(t) => t.to_string(),
        ureq::Error::Status(code, _) => format!("HTTP {code}"),
    }
}

impl SyncHttpClient for Http {
    type Error = HttpError;

    fn call(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        if self
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::SeqCst))
        {
            return oauth2::http::Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, "application/json")
                .body(br#"{"error":"access_denied","error_description":"cancelled"}"#.to_vec())
                .map_err(|e| HttpError(e.to_string()));
        }
        let url = request.uri().to_string();
        let mut req = if request.method() == Method::POST {
            self.agent.post(&url)
        } else {
            self.agent.get(&url)
        };
        for (name, value) in request.headers() {
            let value = value
                .to_str()
                .map_err(|_| HttpError(format!("header {name} is not text")))?;
            req = req.set(name.as_str(), value);
        }
        let result = if request.method() == Method::POST {
            req.send_bytes(request.body())
        } else {
            req.call()
        };
        let response = match result {
            Ok(r) => r,
            // An error answer (400 invalid_grant, 401 invalid_client…) is an answer.
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(HttpError(transport(&e))),
        };
        let mut builder = oauth2::http::Response::builder()
            .status(StatusCode::from_u16(response.status()).map_err(|e| HttpError(e.to_string()))?);
        if let Some(kind) = response.header(CONTENT_TYPE.as_str()) {
            if let Ok(kind) = HeaderValue::from_str(kind) {
                builder = builder.header(CONTENT_TYPE, kind);
            }
        }
        let body = crate::net::http::read_body(response, MAX_BODY)
            .map_err(|e| HttpError(e.to_string()))?;
        builder.body(body).map_err(|e| HttpError(e.to_string()))
    }
}
