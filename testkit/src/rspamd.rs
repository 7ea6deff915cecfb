//! A receiving chain that really signs and verifies: a private rspamd (Debian's package)
//! on 127.0.0.1 whose every DNS lookup goes to the test DNS server. As the sending
//! provider it DKIM-signs what an authenticated user sends (a key made per run with
//! openssl, its public half to publish in the test zone); as the receiving side it
//! checks SPF, DKIM and DMARC against the zone and writes `Authentication-Results`, and
//! flags what it judges spam (`X-Spam: Yes`, what a Sieve rule files into Junk).
//! Talks rspamd's HTTP protocol (`/checkv2`), the one its milter proxy uses.

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Error;

#[derive(Debug)]
pub struct Rspamd {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
    /// The TXT record (strings of at most 250 bytes) to publish at
    /// `SELECTOR._domainkey.DOMAIN` for the signing key.
    pub dkim_record: Vec<String>,
}

/// What the receiving side did with a message.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The message with the receiver's headers on top.
    pub raw: Vec<u8>,
    /// rspamd's action (`no action`, `greylist`, `add header`, `reject`, …).
    pub action: String,
    /// It would be filed into Junk (`X-Spam: Yes`).
    pub junk: bool,
    /// The `Authentication-Results` value it wrote.
    pub authentication_results: String,
}

fn openssl(args: &[&str], dir: &Path) -> Result<Vec<u8>, Error> {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run openssl (apt-get install openssl): {e}"))?;
    if !out.status.success() {
        return Err(format!("openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(out.stdout)
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl Rspamd {
    /// Starts rspamd asking `dns` (`127.0.0.1:PORT`) for everything; it signs mail of
    /// `domain` with `selector`. The first start compiles rspamd's tables (seconds).
    pub fn start(dns: &str, domain: &str, selector: &str) -> Result<Rspamd, Error> {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        for sub in ["local.d", "override.d", "db", "run", "log"] {
            std::fs::create_dir_all(root.join(sub))?;
        }
        openssl(
            &[
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
                "dkim.key",
            ],
            root,
        )?;
        let public = openssl(
            &["pkey", "-in", "dkim.key", "-pubout", "-outform", "DER"],
            root,
        )?;
        let record = format!("v=DKIM1; k=rsa; p={}", base64(&public));
        let dkim_record = record
            .as_bytes()
            .chunks(250)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let port = crate::free_port();
        let key = root.join("dkim.key");
        let files: [(&str, String); 8] = [
            // Every lookup to the test server; loopback is not a trusted network here.
            (
                "override.d/options.inc",
                format!("dns {{ nameserver = [\"{dns}\"]; timeout = 2s; retransmits = 2; }}\nlocal_addrs = [];\n"),
            ),
            (
                "local.d/worker-normal.inc",
                format!("bind_socket = \"127.0.0.1:{port}\";\ncount = 1;\n"),
            ),
            ("override.d/worker-controller.inc", "enabled = false;\n".into()),
            ("override.d/worker-proxy.inc", "enabled = false;\n".into()),
            ("override.d/worker-fuzzy.inc", "enabled = false;\n".into()),
            (
                "local.d/dkim_signing.conf",
                format!(
                    "enabled = true;\nsign_authenticated = true;\nsign_local = false;\nuse_domain = \"header\";\nallow_username_mismatch = true;\ndomain {{\n  {domain} {{\n    selectors [ {{ path = \"{}\"; selector = \"{selector}\"; }} ]\n  }}\n}}\n",
                    key.display()
                ),
            ),
            (
                "local.d/milter_headers.conf",
                "use = [\"authentication-results\"];\nextended_spam_headers = false;\n".into(),
            ),
            (
                "local.d/logging.inc",
                format!("type = \"file\";\nfilename = \"{}\";\nlevel = \"info\";\n", root.join("log/rspamd.log").display()),
            ),
        ];
        for (name, text) in files {
            std::fs::write(root.join(name), text)?;
        }
        let var = |k: &str, v: PathBuf| format!("{k}={}", v.display());
        let child = Command::new("rspamd")
            .args(["-f", "-i", "-c", "/etc/rspamd/rspamd.conf", "--var"])
            .arg(var("LOCAL_CONFDIR", root.to_path_buf()))
            .arg("--var")
            .arg(var("DBDIR", root.join("db")))
            .arg("--var")
            .arg(var("RUNDIR", root.join("run")))
            .arg("--var")
            .arg(var("LOGDIR", root.join("log")))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start rspamd (apt-get install rspamd): {e}"))?;
        let mut rspamd = Rspamd {
            child,
            port,
            dir,
            dkim_record,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(90) {
                let log = std::fs::read_to_string(rspamd.dir.path().join("log/rspamd.log"))
                    .unwrap_or_default();
                let _ = rspamd.child.kill();
                return Err(format!(
                    "rspamd did not start: {}",
                    log.lines().rev().take(20).collect::<Vec<_>>().join("\n")
                )
                .into());
            }
            if let Ok(Some(status)) = rspamd.child.try_wait() {
                return Err(format!("rspamd stopped at start ({status})").into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(rspamd)
    }

    fn check(&self, raw: &[u8], headers: &[(&str, &str)]) -> Result<serde_json::Value, Error> {
        let mut request = ureq::post(&format!("http://127.0.0.1:{}/checkv2", self.port))
            .timeout(Duration::from_secs(30));
        for (k, v) in headers {
            request = request.set(k, v);
        }
        Ok(request.send_bytes(raw)?.into_json()?)
    }

    /// The sending provider: `raw`, sent by the authenticated `user`, with the
    /// DKIM-Signature rspamd made on top.
    pub fn sign(&self, raw: &[u8], user: &str) -> Result<Vec<u8>, Error> {
        let reply = self.check(raw, &[("User", user), ("From", user), ("IP", "127.0.0.1")])?;
        let signature = reply["dkim-signature"]
            .as_str()
            .ok_or_else(|| format!("rspamd did not sign: {reply}"))?
            .replace("\r\n", "\n")
            .replace('\n', "\r\n");
        let mut out = Vec::new();
        write!(out, "DKIM-Signature: {signature}\r\n")?;
        out.extend_from_slice(raw);
        Ok(out)
    }

    /// The receiving side: `raw` arriving from `ip` (the provider's outbound address,
    /// say 192.0.2.10) with envelope sender `mail_from`; checked against the zone.
    pub fn receive(
        &self,
        raw: &[u8],
        ip: &str,
        mail_from: &str,
        rcpt: &str,
    ) -> Result<Verdict, Error> {
        let reply = self.check(
            raw,
            &[
                ("IP", ip),
                ("From", mail_from),
                ("Rcpt", rcpt),
                ("Helo", "mail.sender.test"),
            ],
        )?;
        let action = reply["action"].as_str().unwrap_or_default().to_owned();
        let results = reply["milter"]["add_headers"]["Authentication-Results"]["value"]
            .as_str()
            .unwrap_or_default()
            .replace("\r\n", "\n")
            .replace('\n', "\r\n");
        let junk = matches!(action.as_str(), "add header" | "rewrite subject");
        let mut out = Vec::new();
        if junk {
            out.extend_from_slice(b"X-Spam: Yes\r\n");
        }
        if !results.is_empty() {
            write!(out, "Authentication-Results: {results}\r\n")?;
        }
        out.extend_from_slice(raw);
        Ok(Verdict {
            raw: out,
            action,
            junk,
            authentication_results: results,
        })
    }
}

impl Drop for Rspamd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
