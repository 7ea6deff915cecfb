//! The listener on this computer's loopback that the browser comes back to after a
//! sign-in (RFC 8252 §7.3): `http://localhost:PORT/?code=…&state=…`.
//!
//! It answers the browser with a short page in the user's language ("you can go back
//! to Tandem") and hands the code over only if the `state` is the one this sign-in
//! sent; any other request gets a 404 or a refusal and the wait goes on.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use fluent_bundle::FluentArgs;

use super::OAuthError;
use crate::i18n::{Domain, Localizer};
use crate::model::UiLanguage;

/// Listening on 127.0.0.1 (and on ::1 at the same port when the system has it, since
/// browsers may try `localhost` there first).
#[derive(Debug)]
pub struct Listener {
    listeners: Vec<TcpListener>,
    port: u16,
}

impl Listener {
    pub fn bind() -> std::io::Result<Listener> {
        let v4 = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        let port = v4.local_addr()?.port();
        let mut listeners = vec![v4];
        if let Ok(v6) = TcpListener::bind(SocketAddr::from((Ipv6Addr::LOCALHOST, port))) {
            listeners.push(v6);
        }
        for l in &listeners {
            l.set_nonblocking(true)?;
        }
        Ok(Listener { listeners, port })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Waits for the browser's redirect carrying `state`; returns its code.
    pub fn wait(
        &self,
        state: &str,
        language: UiLanguage,
        cancel: &AtomicBool,
        timeout: Duration,
    ) -> Result<String, OAuthError> {
        let until = Instant::now() + timeout;
        let text = Localizer::new(language, Domain::Ui);
        loop {
            if cancel.load(Ordering::SeqCst) {
                return Err(OAuthError::Cancelled);
            }
            if Instant::now() >= until {
                return Err(OAuthError::TimedOut(timeout.as_secs().div_ceil(60)));
            }
            let mut idle = true;
            for listener in &self.listeners {
                match listener.accept() {
                    Ok((stream, _)) => {
                        idle = false;
                        if let Some(result) = answer(stream, state, &text) {
                            return result;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(_) => {}
                }
            }
            if idle {
                std::thread::sleep(Duration::from_millis(25));
            }
        }
    }
}

/// Reads one request and answers it; `Some` when it ends the wait.
fn answer(
    mut stream: TcpStream,
    state: &str,
    text: &Localizer,
) -> Option<Result<String, OAuthError>> {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let target = head
        .lines()
        .next()
        .and_then(|line| {
            let mut parts = line.split(' ');
            (parts.next() == Some("GET"))
                .then(|| parts.next())
                .flatten()
        })
        .unwrap_or("");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let params: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if path != "/" || (get("code").is_none() && get("error").is_none()) {
        respond(&mut stream, "404 Not Found", "", "");
        return None;
    }
    if get("state").as_deref() != Some(state) {
        // Not this sign-in's answer (another tab, or a page trying its luck): refused,
        // and the wait goes on for the real one.
        respond(
            &mut stream,
            "400 Bad Request",
            &text.format("oauth-page-title", None),
            &text.format("oauth-page-wrong-state", None),
        );
        return None;
    }
    if let Some(code) = get("code") {
        respond(
            &mut stream,
            "200 OK",
            &text.format("oauth-page-title", None),
            &text.format("oauth-page-done", None),
        );
        return Some(Ok(code));
    }
    let code = get("error").unwrap_or_default();
    let description = get("error_description").unwrap_or_default();
    let mut args = FluentArgs::new();
    args.set("reason", format!("{code} {description}").trim().to_owned());
    respond(
        &mut stream,
        "200 OK",
        &text.format("oauth-page-title", None),
        &text.format("oauth-page-failed", Some(&args)),
    );
    Some(Err(OAuthError::Refused { code, description }))
}

fn respond(stream: &mut TcpStream, status: &str, title: &str, body: &str) {
    let page = maud::html! {
        (maud::DOCTYPE)
        html {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width";
                title { (title) }
            }
            body style="font-family: system-ui, sans-serif; max-width: 36em; margin: 4em auto; padding: 0 1em; line-height: 1.5" {
                h1 style="font-size: 1.4em" { (title) }
                p { (body) }
            }
        }
    }
    .into_string();
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n{page}",
        page.len()
    );
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}
