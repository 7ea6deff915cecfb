//! aiosmtpd on 127.0.0.1: a real server whose Maildir the test reads back.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{python, Error, TestCertificate};

/// How to start an [`Aiosmtpd`].
#[derive(Debug, Default, Clone)]
pub struct AiosmtpdBuilder {
    starttls: bool,
    self_signed: bool,
    auth: Option<(String, String)>,
    faults: BTreeMap<String, Vec<String>>,
    drop_after_data: Vec<String>,
    port: Option<u16>,
    maildir: Option<PathBuf>,
    session_limit: u32,
    xoauth2: Option<String>,
    auth_reply: Option<String>,
}

impl AiosmtpdBuilder {
    /// Require STARTTLS, with a certificate made for this run ([`Aiosmtpd::certificate`]).
    pub fn starttls(mut self) -> Self {
        self.starttls = true;
        self
    }

    /// Require STARTTLS with a self-signed certificate made for this run (one that is
    /// its own CA, as `openssl req -x509` makes).
    pub fn self_signed(mut self) -> Self {
        self.starttls = true;
        self.self_signed = true;
        self
    }

    /// Require AUTH (PLAIN or LOGIN) with these credentials.
    pub fn auth(mut self, user: &str, password: &str) -> Self {
        self.auth = Some((user.into(), password.into()));
        self
    }

    /// Answer RCPT TO for `address` with each of `replies` in turn (e.g. `"450 4.2.1
    /// Mailbox busy"`), then accept it.
    pub fn fault(mut self, address: &str, replies: &[&str]) -> Self {
        self.faults
            .entry(address.to_owned())
            .or_default()
            .extend(replies.iter().map(|r| (*r).to_owned()));
        self
    }

    /// Store messages for `address`, then drop the connection before replying to DATA.
    pub fn drop_after_data(mut self, address: &str) -> Self {
        self.drop_after_data.push(address.to_owned());
        self
    }

    /// Close the connection after `messages` messages in one session (right after the
    /// last one's 250), as providers do after a number of messages or when idle.
    pub fn session_limit(mut self, messages: u32) -> Self {
        self.session_limit = messages;
        self
    }

    /// Require `AUTH XOAUTH2` with a token that the OAuth server of `introspect_url`
    /// says is active and belongs to the user named (see [`crate::OAuthServer`]).
    pub fn xoauth2(mut self, introspect_url: &str) -> Self {
        self.xoauth2 = Some(introspect_url.to_owned());
        self
    }

    /// Refuse every PLAIN/LOGIN login with this reply (e.g. Microsoft's `535 5.7.139`).
    pub fn auth_reply(mut self, reply: &str) -> Self {
        self.auth_reply = Some(reply.to_owned());
        self
    }

    /// Listen on this port (to stand in for a server that comes back after a crash).
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// Store into this Maildir (shared with an earlier server).
    pub fn maildir(mut self, maildir: &Path) -> Self {
        self.maildir = Some(maildir.to_path_buf());
        self
    }

    pub fn start(self) -> Result<Aiosmtpd, Error> {
        let python = python::python()?;
        let dir = tempfile::tempdir()?;
        let maildir = self
            .maildir
            .clone()
            .unwrap_or_else(|| dir.path().join("Maildir"));
        let certificate = if self.self_signed {
            Some(TestCertificate::self_signed_to(dir.path())?)
        } else if self.starttls {
            Some(TestCertificate::write_to(dir.path())?)
        } else {
            None
        };
        let script = crate::workspace_root().join("testkit/py/smtp_server.py");
        let mut last_error = String::new();
        for _attempt in 0..5 {
            let port = self.port.unwrap_or_else(crate::free_port);
            let mut cmd = Command::new(&python);
            cmd.arg(&script)
                .args(["--port", &port.to_string()])
                .arg("--maildir")
                .arg(&maildir)
                .args(["--faults", &serde_json::to_string(&self.faults)?])
                .args([
                    "--drop-after-data",
                    &serde_json::to_string(&self.drop_after_data)?,
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            if let Some(c) = &certificate {
                cmd.arg("--cert")
                    .arg(&c.cert_pem)
                    .arg("--key")
                    .arg(&c.key_pem);
            }
            if let Some((user, password)) = &self.auth {
                cmd.args(["--auth", &format!("{user}:{password}")]);
            }
            if self.session_limit > 0 {
                cmd.args(["--session-limit", &self.session_limit.to_string()]);
            }
            if let Some(url) = &self.xoauth2 {
                cmd.args(["--xoauth2", url]);
            }
            if let Some(reply) = &self.auth_reply {
                cmd.args(["--auth-reply", reply]);
            }
            let mut child = cmd.spawn()?;
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap()).read_line(&mut line)?;
            if line.trim() == format!("READY {port}") {
                let stdin = child.stdin.take();
                return Ok(Aiosmtpd {
                    child,
                    _stdin: stdin,
                    port,
                    maildir,
                    certificate,
                    _dir: dir,
                });
            }
            let _ = child.kill();
            let output = child.wait_with_output()?;
            last_error = String::from_utf8_lossy(&output.stderr).into_owned();
        }
        Err(format!("aiosmtpd did not start: {last_error}").into())
    }
}

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct Received {
    /// Envelope recipients (RCPT TO), in order.
    pub rcpt_to: Vec<String>,
    /// The message as received, without the server's own envelope header.
    pub raw: Vec<u8>,
}

/// A running aiosmtpd; stopped when dropped.
#[derive(Debug)]
pub struct Aiosmtpd {
    child: Child,
    _stdin: Option<ChildStdin>,
    port: u16,
    maildir: PathBuf,
    certificate: Option<TestCertificate>,
    _dir: tempfile::TempDir,
}

impl Aiosmtpd {
    pub fn builder() -> AiosmtpdBuilder {
        AiosmtpdBuilder::default()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The PEM files; the client must trust `ca_pem` (only with STARTTLS).
    pub fn certificate(&self) -> Option<&TestCertificate> {
        self.certificate.as_ref()
    }

    pub fn maildir(&self) -> &Path {
        &self.maildir
    }

    /// Every message accepted so far, oldest first.
    pub fn messages(&self) -> Result<Vec<Received>, Error> {
        let new = self.maildir.join("new");
        let mut entries: Vec<_> = match std::fs::read_dir(&new) {
            Ok(rd) => rd.collect::<Result<_, _>>()?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        // Maildir names start with the delivery time in seconds; sort by mtime then name.
        entries.sort_by_key(|e| (e.metadata().and_then(|m| m.modified()).ok(), e.file_name()));
        entries
            .into_iter()
            .map(|e| parse_stored(&std::fs::read(e.path())?))
            .collect()
    }

    /// How many messages were accepted so far (cheap: no message is read).
    pub fn count(&self) -> Result<usize, Error> {
        match std::fs::read_dir(self.maildir.join("new")) {
            Ok(rd) => Ok(rd.count()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
            Err(e) => Err(e.into()),
        }
    }

    /// Waits until at least `n` messages were accepted (or `timeout` passes).
    pub fn wait_for_messages(&self, n: usize, timeout: Duration) -> Result<Vec<Received>, Error> {
        let deadline = Instant::now() + timeout;
        loop {
            let messages = self.messages()?;
            if messages.len() >= n || Instant::now() > deadline {
                return Ok(messages);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Aiosmtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse_stored(bytes: &[u8]) -> Result<Received, Error> {
    const PREFIX: &[u8] = b"X-Tandem-Rcpt-To: ";
    let rest = bytes
        .strip_prefix(PREFIX)
        .ok_or("stored message lacks the envelope header")?;
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or("unterminated envelope header")?;
    let header = String::from_utf8_lossy(&rest[..end]).trim_end().to_owned();
    let rcpt_to = header.split(", ").map(str::to_owned).collect();
    Ok(Received {
        rcpt_to,
        raw: rest[end + 1..].to_vec(),
    })
}
