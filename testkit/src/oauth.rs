//! An OAuth 2.0 authorization server on 127.0.0.1 (npm `oauth2-mock-server`, with the
//! device-code grant, withdrawable refresh tokens and a real introspection endpoint
//! added by `testkit/js/oauth_server.mjs`).
//!
//! The test plays the browser: [`OAuthServer::browse`] requests the authorize URL that
//! Tandem printed, reads the redirect, and calls Tandem's loopback listener with it.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use crate::Error;

/// The folder of the Node test servers, with its packages installed once.
fn js_dir() -> Result<PathBuf, Error> {
    static READY: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    READY
        .get_or_init(|| {
            let dir = crate::workspace_root().join("testkit/js");
            if !dir
                .join("node_modules/oauth2-mock-server/package.json")
                .is_file()
            {
                // `cargo xtask test` installs them first; a bare `cargo test` does it here.
                let status = Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund", "--silent"])
                    .current_dir(&dir)
                    .status()
                    .map_err(|e| format!("cannot run npm (install Node.js 20.19+): {e}"))?;
                if !status.success() {
                    return Err("npm ci in testkit/js failed".into());
                }
            }
            Ok(dir)
        })
        .clone()
        .map_err(Into::into)
}

/// A running authorization server; stops when dropped.
#[derive(Debug)]
pub struct OAuthServer {
    child: Child,
    _stdin: Option<ChildStdin>,
    port: u16,
    agent: ureq::Agent,
}

impl OAuthServer {
    /// Starts a server whose tokens live `ttl` seconds and belong to `account`.
    pub fn start(ttl: u64, account: &str) -> Result<OAuthServer, Error> {
        let dir = js_dir()?;
        let mut last = String::new();
        for _ in 0..5 {
            let port = crate::free_port();
            let mut child = Command::new("node")
                .arg(dir.join("oauth_server.mjs"))
                .args(["--port", &port.to_string()])
                .args(["--ttl", &ttl.to_string()])
                .args(["--account", account])
                .current_dir(&dir)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()?;
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap()).read_line(&mut line)?;
            if line.trim() == format!("READY {port}") {
                let stdin = child.stdin.take();
                return Ok(OAuthServer {
                    child,
                    _stdin: stdin,
                    port,
                    agent: ureq::AgentBuilder::new()
                        .redirects(0)
                        .timeout(Duration::from_secs(20))
                        .build(),
                });
            }
            let _ = child.kill();
            let out = child.wait_with_output()?;
            last = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        Err(format!("the OAuth test server did not start: {last}").into())
    }

    /// The issuer URL (`--issuer` of `tandem account login`).
    pub fn issuer(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Where the SMTP test server checks tokens.
    pub fn introspect_url(&self) -> String {
        format!("{}/introspect", self.issuer())
    }

    /// Plays the browser for `authorize_url`: the server redirects at once (no login
    /// page); returns the redirect target (Tandem's loopback, with code and state).
    pub fn authorize(&self, authorize_url: &str) -> Result<String, Error> {
        let response = self.agent.get(authorize_url).call()?;
        if response.status() != 302 {
            return Err(format!("authorize answered {}", response.status()).into());
        }
        Ok(response
            .header("location")
            .ok_or("authorize gave no redirect")?
            .to_owned())
    }

    /// Plays the browser all the way: authorize, then the redirect to Tandem's loopback.
    /// Returns the loopback's status and page.
    pub fn browse(&self, authorize_url: &str) -> Result<(u16, String), Error> {
        let target = self.authorize(authorize_url)?;
        get_page(&self.agent, &target)
    }

    /// Approves a device-code sign-in, as the user would on another device.
    pub fn approve(&self, user_code: &str) -> Result<(), Error> {
        self.control(&format!("approve?user_code={user_code}"))
    }

    /// Withdraws every refresh token issued so far (the next refresh: invalid_grant).
    pub fn revoke(&self) -> Result<(), Error> {
        self.control("revoke")
    }

    /// Tokens issued from now on live `seconds`.
    pub fn set_ttl(&self, seconds: u64) -> Result<(), Error> {
        self.control(&format!("ttl?seconds={seconds}"))
    }

    /// Counts: tokens issued per grant, refused refreshes, introspections.
    pub fn stats(&self) -> Result<serde_json::Value, Error> {
        let text = self
            .agent
            .get(&format!("{}/control/stats", self.issuer()))
            .call()?
            .into_string()?;
        Ok(serde_json::from_str(&text)?)
    }

    fn control(&self, what: &str) -> Result<(), Error> {
        self.agent
            .post(&format!("{}/control/{what}", self.issuer()))
            .call()?;
        Ok(())
    }
}

/// GETs a page, taking an error status as an answer.
pub fn get_page(agent: &ureq::Agent, url: &str) -> Result<(u16, String), Error> {
    match agent.get(url).call() {
        Ok(r) => Ok((r.status(), r.into_string()?)),
        Err(ureq::Error::Status(code, r)) => Ok((code, r.into_string()?)),
        Err(e) => Err(e.into()),
    }
}

impl Drop for OAuthServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
