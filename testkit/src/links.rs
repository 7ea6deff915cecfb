//! A web server on 127.0.0.1 for the link checks (testkit/py/links_server.py): a path
//! per case (200, a chain of redirects, a loop, too many redirects, 404, 500, a stall, a
//! refused HEAD, a login page, another site), over plain HTTP and over TLS with a
//! self-signed certificate. Every request it gets is recorded.

use std::io::BufRead;
use std::process::{Child, ChildStdin, Command};
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
        let started = crate::ready::start("links test server", 2, |ports| {
            let mut cmd = Command::new("python3");
            cmd.arg(&script)
                .args([
                    "--port",
                    &ports[0].to_string(),
                    "--tls-port",
                    &ports[1].to_string(),
                ])
                .arg("--cert")
                .arg(&cert.cert_pem)
                .arg("--key")
                .arg(&cert.key_pem);
            cmd
        })?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let out = started.stdout;
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                log.lock().unwrap().push(line);
            }
        });
        Ok(LinksServer {
            child: started.child,
            _stdin: started.stdin,
            port: started.ports[0],
            tls_port: started.ports[1],
            requests,
            _dir: dir,
        })
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
