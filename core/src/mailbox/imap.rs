//! One IMAP session with the sending mailbox (the `imap` crate over a rustls stream from
//! [`crate::net::tls`], so the certificate rules are every protocol's: the system's
//! authorities, an extra CA file, or one pinned certificate).

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use rustls::{ClientConnection, StreamOwned};

use super::{ImapSettings, MailboxError};
use crate::net::{tls, Security, TlsError, Trust};
use crate::oauth::Tokens;

/// How the session logs in.
#[derive(Clone)]
pub enum ImapLogin {
    Password(String),
    OAuth(Arc<Tokens>),
}

impl std::fmt::Debug for ImapLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImapLogin::Password(_) => f.write_str("Password([redacted])"),
            ImapLogin::OAuth(_) => f.write_str("OAuth"),
        }
    }
}

/// A plain or TLS connection (the `imap` crate takes any `Read + Write`).
#[derive(Debug)]
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

pub type Session = imap::Session<Stream>;

/// TLS over `tcp`, the handshake done now so that a certificate problem is told as one.
fn wrap(tcp: TcpStream, settings: &ImapSettings) -> Result<Stream, MailboxError> {
    let trust =
        Trust::from_settings(&settings.ca_file, &settings.pinned_cert).map_err(tls_error)?;
    let tls = tls::handshake(tcp, settings.host.trim(), &trust).map_err(tls_error)?;
    Ok(Stream::Tls(Box::new(tls)))
}

fn tls_error(e: TlsError) -> MailboxError {
    match e {
        TlsError::Settings(text) => MailboxError::Settings(text),
        TlsError::Certificate(text) => MailboxError::Certificate(text),
        TlsError::Io(io) => io_error(&io),
    }
}

/// Greeting, then `STARTTLS` on the plain connection (RFC 3501 §6.2.1), read line by line
/// so that nothing the server sends after its OK is swallowed before TLS.
fn starttls(mut tcp: TcpStream) -> Result<TcpStream, MailboxError> {
    fn line(tcp: &mut TcpStream) -> Result<String, MailboxError> {
        let mut out = Vec::new();
        let mut byte = [0u8; 1];
        while !out.ends_with(b"\n") {
            match tcp.read(&mut byte) {
                Ok(0) => {
                    return Err(MailboxError::Unreachable(
                        "the server closed the connection".into(),
                    ))
                }
                Ok(_) => out.push(byte[0]),
                Err(e) => return Err(io_error(&e)),
            }
            if out.len() > 8192 {
                return Err(MailboxError::Protocol("a line longer than 8 KB".into()));
            }
        }
        Ok(String::from_utf8_lossy(&out).trim_end().to_owned())
    }
    let greeting = line(&mut tcp)?;
    if !greeting.starts_with("* OK") {
        return Err(MailboxError::Refused(greeting));
    }
    tcp.write_all(b"t0 STARTTLS\r\n")
        .map_err(|e| io_error(&e))?;
    loop {
        let reply = line(&mut tcp)?;
        if let Some(rest) = reply.strip_prefix("t0 ") {
            if rest.starts_with("OK") {
                return Ok(tcp);
            }
            return Err(MailboxError::Refused(format!("STARTTLS: {rest}")));
        }
    }
}

/// SASL XOAUTH2's initial response.
struct XOAuth2 {
    user: String,
    token: String,
}

impl imap::Authenticator for XOAuth2 {
    type Response = String;
    fn process(&self, challenge: &[u8]) -> String {
        // A non-empty challenge is the server's error (JSON): answered with an empty line.
        if !challenge.is_empty() {
            return String::new();
        }
        format!("user={}\x01auth=Bearer {}\x01\x01", self.user, self.token)
    }
}

/// A read or write that waited longer than the timeout (Linux reports EAGAIN), or a
/// connection the server or the network cut.
fn io_error(io: &std::io::Error) -> MailboxError {
    use std::io::ErrorKind;
    match io.kind() {
        ErrorKind::WouldBlock | ErrorKind::TimedOut => {
            MailboxError::Unreachable("the server stopped answering (time limit reached)".into())
        }
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe
        | ErrorKind::UnexpectedEof => MailboxError::Lost(io.to_string()),
        _ => MailboxError::Unreachable(io.to_string()),
    }
}

fn imap_error(e: imap::Error) -> MailboxError {
    match e {
        imap::Error::Io(io) => io_error(&io),
        imap::Error::ConnectionLost => {
            MailboxError::Lost("the server closed the connection".into())
        }
        imap::Error::No(no) => MailboxError::Refused(no.information),
        imap::Error::Bad(bad) => MailboxError::Refused(bad.information),
        other => MailboxError::Protocol(other.to_string()),
    }
}

pub(super) fn protocol(e: imap::Error) -> MailboxError {
    imap_error(e)
}

/// A folder's name as IMAP carries it: modified UTF-7 (RFC 3501 §5.1.3), so that
/// "Non distribués" reaches the server as `Non distribu&AOk-s`.
pub(super) fn wire_name(folder: &str) -> String {
    utf7_imap::encode_utf7_imap(folder.to_owned())
}

/// A SELECT or EXAMINE the server answered NO to: the folder is not there.
pub(super) fn folder_error(e: imap::Error, folder: &str) -> MailboxError {
    match e {
        imap::Error::No(no) => MailboxError::Folder(format!("\"{folder}\" ({})", no.information)),
        other => imap_error(other),
    }
}

/// Connects, secures and logs in.
pub fn connect(
    settings: &ImapSettings,
    login: &ImapLogin,
    timeout: Duration,
) -> Result<Session, MailboxError> {
    let host = settings.host.trim();
    if host.is_empty() {
        return Err(MailboxError::Settings("no IMAP server is set".into()));
    }
    if !crate::net::allowed(settings.security, host) {
        return Err(MailboxError::Settings(format!(
            "refusing to read {host} without encryption: only this computer may be reached in \
             plain text"
        )));
    }
    let addr = (host, settings.port)
        .to_socket_addrs()
        .map_err(|e| MailboxError::Unreachable(format!("{host}: {e}")))?
        .next()
        .ok_or_else(|| MailboxError::Unreachable(format!("{host}: no address")))?;
    let tcp = TcpStream::connect_timeout(&addr, timeout).map_err(|e| io_error(&e))?;
    tcp.set_read_timeout(Some(timeout)).ok();
    tcp.set_write_timeout(Some(timeout)).ok();
    let mut client = match settings.security {
        Security::Tls => {
            let mut c = imap::Client::new(wrap(tcp, settings)?);
            c.read_greeting().map_err(imap_error)?;
            c
        }
        Security::None => {
            let mut c = imap::Client::new(Stream::Plain(tcp));
            c.read_greeting().map_err(imap_error)?;
            c
        }
        Security::Starttls => imap::Client::new(wrap(starttls(tcp)?, settings)?),
    };
    let user = settings.username.trim();
    match login {
        ImapLogin::Password(password) => client
            .login(user, password)
            .map_err(|(e, _)| login_error(e)),
        ImapLogin::OAuth(tokens) => {
            let mut stale: Option<String> = None;
            for _ in 0..2 {
                let token = tokens
                    .access_token(stale.as_deref())
                    .map_err(|e| MailboxError::SignIn(e.to_string()))?;
                let auth = XOAuth2 {
                    user: user.to_owned(),
                    token: token.clone(),
                };
                match client.authenticate("XOAUTH2", &auth) {
                    Ok(session) => return Ok(session),
                    Err((e, back)) => {
                        if stale.is_some() {
                            return Err(login_error(e));
                        }
                        // A token the server refused: one new one, on the same connection.
                        stale = Some(token);
                        client = back;
                    }
                }
            }
            unreachable!("the loop returns")
        }
    }
}

fn login_error(e: imap::Error) -> MailboxError {
    match e {
        imap::Error::No(no) => MailboxError::Login(no.information),
        imap::Error::Bad(bad) => MailboxError::Login(bad.information),
        other => imap_error(other),
    }
}
