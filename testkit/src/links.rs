//! A web server on 127.0.0.1 for the link checks (testkit/py/links_server.py): a path
//! per case (200, a chain of redirects, a loop, too many redirects, 404, 500, a stall, a
//! refused HEAD, a login page, another site), over plain HTTP and over TLS with a
//! self-signed certificate. Every request it gets is recorded.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};

use crate::{Error, TestCertificate};

#[derive(Debug)]
pub struct LinksServer {
    child: Child,
    _stdin: Option<ChildStdin>,
    pub port: u16,
    pub tls_port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
}

impl LinksServer {
    pub fn start() -> Result<LinksServer, Error> {
        let dir = tempfile::tempdir()?;
        let cert = TestCertificate::self_signed_to(dir.path())?;
        let script = crate::workspace_root().join("testkit/py/links_server.py");
        let mut last = String::new();
        for _attempt in 0..5 {
            let (port, tls_port) = (crate::free_port(), crate::free_port());
            if port == tls_port {
                continue;
            }
            let mut child = Command::new("python3")
                .arg(&script)
                .args([
                    "--port",
                    &port.to_string(),
                    "--tls-port",
                    &tls_port.to_string(),
                ])
                .arg("--cert")
                .arg(&cert.cert_pem)
                .arg("--key")
                .arg(&cert.key_pem)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()?;
            let mut out = BufReader::new(child.stdout.take().unwrap());
            let mut line = String::new();
            out.read_line(&mut line)?;
            if line.trim() == format!("READY {port} {tls_port}") {
                let requests = Arc::new(Mutex::new(Vec::new()));
                let log = Arc::clone(&requests);
                std::thread::spawn(move || {
                    for line in out.lines().map_while(Result::ok) {
                        log.lock().unwrap().push(line);
                    }
                });
                let stdin = child.stdin.take();
                return Ok(LinksServer {
                    child,
                    _stdin: stdin,
                    port,
                    tls_port,
                    requests,
                    _dir: dir,
                });
            }
            let _ = child.kill();
            let out = child.wait_with_output()?;
            last = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        Err(format!("the links test server did not start: {last}").into())
    }

    /// `http://HOST:PORT` (HOST resolved through the test DNS server).
    pub fn base(&self, host: &str) -> String {
        format!("http://{host}:{}", self.port)
    }

    /// `https://HOST:TLS_PORT`, whose certificate nobody trusts.
    pub fn tls_base(&self, host: &str) -> String {
        format!("https://{host}:{}", self.tls_port)
    }

    /// The requests so far, as "METHOD PATH HOST".
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for LinksServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
