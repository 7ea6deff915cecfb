//! postfix's `smtp-sink` on 127.0.0.1: accepts and discards at high speed, and injects
//! whole-session faults. Its flags are passed through (see smtp-sink(1)), e.g.
//! `-r RCPT` (450 to RCPT), `-f RCPT` (500), `-q .` (disconnect instead of the reply to
//! the message), `-Q CMD` (421 then disconnect), `-w N` (wait N s before answering
//! DATA), `-M N` (exit at the Nth message: a crash mid-delivery).

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Error;

/// How to start an [`SmtpSink`].
#[derive(Debug, Default, Clone)]
pub struct SmtpSinkBuilder {
    flags: Vec<String>,
}

impl SmtpSinkBuilder {
    /// Adds smtp-sink flags, e.g. `["-r", "RCPT"]`.
    pub fn flags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, flags: I) -> Self {
        self.flags.extend(flags.into_iter().map(Into::into));
        self
    }

    pub fn start(self) -> Result<SmtpSink, Error> {
        let binary = find_smtp_sink()?;
        let mut last = String::new();
        for _attempt in 0..5 {
            let port = crate::free_port();
            let mut child = Command::new(&binary)
                // As root it must drop privileges; -a: answer AUTH (with 250) too.
                .args(["-u", "nobody", "-a"])
                .args(&self.flags)
                .arg(format!("127.0.0.1:{port}"))
                .arg("1000")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start smtp-sink (apt-get install postfix): {e}"))?;
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    // Someone answered; make sure it is ours (a sink that could not bind
                    // the port exits at once, while another server answers on it).
                    std::thread::sleep(Duration::from_millis(100));
                    if let Ok(None) = child.try_wait() {
                        return Ok(SmtpSink { child, port });
                    }
                    break;
                }
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let out = child.wait_with_output()?;
            last = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        Err(format!("smtp-sink did not start: {last}").into())
    }
}

/// A running smtp-sink; stopped when dropped.
#[derive(Debug)]
pub struct SmtpSink {
    child: Child,
    port: u16,
}

impl SmtpSink {
    pub fn builder() -> SmtpSinkBuilder {
        SmtpSinkBuilder::default()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Whether the process still runs (`-M N` makes it exit on purpose).
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_smtp_sink() -> Result<PathBuf, Error> {
    ["/usr/sbin/smtp-sink", "/usr/bin/smtp-sink"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .ok_or_else(|| "smtp-sink not found (apt-get install postfix)".into())
}
