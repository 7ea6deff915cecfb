//! A private Postfix instance on 127.0.0.1 (its own config, queue and mail spool in a
//! temporary folder) for the domain `example.org`: it accepts any recipient, delivers
//! `office@example.org` (an alias of root) to an mbox, and for an unknown local user
//! writes the real RFC 3464 bounce Postfix sends, to that mbox. Stopped when dropped.
//! Needs root (Postfix's own processes run as the `postfix` user).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Error;

/// The domain the instance delivers for; `office@` reaches the mbox the bounces land in.
pub const POSTFIX_DOMAIN: &str = "example.org";

#[derive(Debug)]
pub struct Postfix {
    port: u16,
    root: PathBuf,
    _dir: tempfile::TempDir,
}

fn postfix(root: &Path, args: &[&str]) -> Result<String, Error> {
    let out = Command::new("/usr/sbin/postfix")
        .arg("-c")
        .arg(root.join("etc"))
        .args(args)
        .output()
        .map_err(|e| format!("cannot run postfix (apt-get install postfix): {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(text)
    } else {
        Err(format!("postfix {}: {text}", args.join(" ")).into())
    }
}

impl Postfix {
    pub fn start() -> Result<Postfix, Error> {
        let dir = tempfile::Builder::new()
            .prefix("tandem-postfix")
            .tempdir()?;
        let root = dir.path().to_path_buf();
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755))?;
        }
        for sub in ["etc", "queue", "data", "spool"] {
            std::fs::create_dir_all(root.join(sub))?;
        }
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(root.join("spool"), std::fs::Permissions::from_mode(0o1777))?;
        }
        let status = Command::new("chown")
            .args(["postfix"])
            .arg(root.join("data"))
            .status()?;
        if !status.success() {
            return Err("cannot give Postfix its data folder (the test must run as root)".into());
        }
        let master = std::fs::read_to_string("/usr/share/postfix/master.cf.dist")
            .map_err(|e| format!("Postfix's master.cf.dist: {e} (apt-get install postfix)"))?;
        let mut last = String::new();
        for _attempt in 0..5 {
            let port = crate::free_port();
            // The stock services, with smtpd on our port instead of 25.
            let master_cf: String = master
                .lines()
                .map(|l| {
                    if l.starts_with("smtp      inet") {
                        format!("{port}      inet  n       -       n       -       -       smtpd")
                    } else {
                        l.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(root.join("etc/master.cf"), master_cf + "\n")?;
            let d = root.display();
            std::fs::write(
                root.join("etc/main.cf"),
                format!(
                    "compatibility_level = 3.6
queue_directory = {d}/queue
data_directory = {d}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.{POSTFIX_DOMAIN}
mydomain = {POSTFIX_DOMAIN}
myorigin = {POSTFIX_DOMAIN}
mydestination = {POSTFIX_DOMAIN}
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
local_recipient_maps =
alias_maps = inline:{{ {{office=root}} }}
alias_database =
mail_spool_directory = {d}/spool
maillog_file = {d}/maillog
maillog_file_prefixes = {d}
biff = no
# Mail for other domains is taken and dropped: no DNS, no network.
default_transport = discard
relay_transport = discard
delay_warning_time = 0
"
                ),
            )?;
            match postfix(&root, &["start"]) {
                Ok(_) => {}
                Err(e) => {
                    last = e.to_string();
                    let _ = postfix(&root, &["stop"]);
                    continue;
                }
            }
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Ok(Postfix {
                        port,
                        root,
                        _dir: dir,
                    });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            last = std::fs::read_to_string(root.join("maillog")).unwrap_or_default();
            let _ = postfix(&root, &["stop"]);
        }
        Err(format!("postfix did not start: {last}").into())
    }

    /// The SMTP port (plain: loopback only).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The messages delivered to `office@example.org` so far (the bounces among them),
    /// split from the mbox.
    pub fn office_mail(&self) -> Result<Vec<Vec<u8>>, Error> {
        let Ok(mbox) = std::fs::read(self.root.join("spool/root")) else {
            return Ok(Vec::new());
        };
        Ok(split_mbox(&mbox))
    }

    /// Waits until `n` messages reached `office@` (bounces take a moment: the queue
    /// manager, local delivery, the bounce daemon, local delivery again).
    pub fn wait_for_office_mail(&self, n: usize, timeout: Duration) -> Result<Vec<Vec<u8>>, Error> {
        let deadline = Instant::now() + timeout;
        loop {
            let mail = self.office_mail()?;
            if mail.len() >= n {
                return Ok(mail);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{} of {n} messages reached office@ after {timeout:?}; Postfix's log:\n{}",
                    mail.len(),
                    std::fs::read_to_string(self.root.join("maillog")).unwrap_or_default()
                )
                .into());
            }
            // Ask the queue manager to go on at once rather than at its next scan.
            let _ = Command::new("/usr/sbin/postqueue")
                .arg("-c")
                .arg(self.root.join("etc"))
                .arg("-f")
                .output();
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// An mbox split into messages: each starts with a `From ` line (dropped); `>From ` in
/// a body is unquoted.
fn split_mbox(mbox: &[u8]) -> Vec<Vec<u8>> {
    let text = String::from_utf8_lossy(mbox);
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<String> = None;
    for line in text.split_inclusive('\n') {
        if line.starts_with("From ") {
            if let Some(m) = current.take() {
                out.push(m.into_bytes());
            }
            current = Some(String::new());
            continue;
        }
        if let Some(m) = current.as_mut() {
            let line = line
                .strip_prefix('>')
                .filter(|l| l.starts_with("From "))
                .unwrap_or(line);
            m.push_str(line);
        }
    }
    if let Some(m) = current {
        out.push(m.into_bytes());
    }
    out
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let _ = postfix(&self.root, &["stop"]);
    }
}
