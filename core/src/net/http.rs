//! The HTTP agent every HTTPS user of Tandem shares (the sign-in, translation, and the
//! link checks to come): a timeout, Tandem's name, and no redirect followed on its own
//! (a request carrying a key or a token must never be sent on elsewhere; a caller that
//! follows redirects does so itself, one hop at a time).

use std::time::Duration;

/// What Tandem calls itself to servers.
pub const USER_AGENT: &str = concat!("Tandem/", env!("CARGO_PKG_VERSION"));

/// A new agent: `timeout` for the whole request, no redirects.
pub fn agent(timeout: Duration) -> ureq::Agent {
    builder(timeout).build()
}

/// The agent's settings, for a caller that adds its own (the link checks' resolver).
pub fn builder(timeout: Duration) -> ureq::AgentBuilder {
    ureq::AgentBuilder::new()
        .timeout(timeout)
        .redirects(0)
        .user_agent(USER_AGENT)
}

/// A URL a secret may be sent to: https, or plain http to this computer only. The
/// error says which rule was broken, in English (callers wrap it in their own error).
/// Reads an answer's body, at most `max` bytes: a service that answers more than it
/// could mean (a hostile or broken server) gets an error, not the computer's memory.
pub fn read_body(response: ureq::Response, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut body = Vec::new();
    response
        .into_reader()
        .take(max + 1)
        .read_to_end(&mut body)?;
    if body.len() as u64 > max {
        return Err(std::io::Error::other(format!(
            "the answer is longer than {max} bytes"
        )));
    }
    Ok(body)
}

pub fn secure_url(text: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("{text:?} is not a URL: {e}"))?;
    let loopback = url.host_str().is_some_and(super::is_loopback);
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(format!(
            "{text} must use https:// (plain http only to this computer)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::secure_url;

    #[test]
    fn secrets_go_over_https_or_to_this_computer() {
        assert!(secure_url("https://login.example.org/x").is_ok());
        assert!(secure_url("http://127.0.0.1:8080/").is_ok());
        assert!(secure_url("http://localhost/").is_ok());
        assert!(secure_url("http://login.example.org/").is_err());
        assert!(secure_url("ftp://127.0.0.1/").is_err());
        assert!(secure_url("not a url").is_err());
    }
}
