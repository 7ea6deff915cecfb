//! Debian's Dovecot (`dovecot-imapd`) on 127.0.0.1: a private instance with its own
//! configuration, a TLS certificate from a per-run CA, passwd-file users and Maildirs in
//! a temporary folder; stopped when dropped. Messages are put in with IMAP APPEND
//! (Python's imaplib), and read back from the Maildir to check what a client did.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Error, TestCertificate};

/// The uid/gid mail is stored as (`nobody`): Dovecot refuses root.
const MAIL_UID: u32 = 65534;

/// How to start a [`Dovecot`].
#[derive(Debug, Default, Clone)]
pub struct DovecotBuilder {
    users: Vec<(String, String)>,
    no_move: bool,
    oauth2: Option<String>,
}

impl DovecotBuilder {
    pub fn user(mut self, name: &str, password: &str) -> Self {
        self.users.push((name.into(), password.into()));
        self
    }

    /// Also takes `AUTHENTICATE XOAUTH2` with a token `introspect_url` says is active
    /// (Dovecot's oauth2 passdb, RFC 7662 introspection by POST).
    pub fn xoauth2(mut self, introspect_url: &str) -> Self {
        self.oauth2 = Some(introspect_url.into());
        self
    }

    /// Without the MOVE extension (RFC 6851), as older servers: clients COPY and delete.
    pub fn without_move(mut self) -> Self {
        self.no_move = true;
        self
    }

    pub fn start(self) -> Result<Dovecot, Error> {
        let binary = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
            .ok_or("dovecot is not installed (apt-get install dovecot-imapd)")?;
        let dir = tempfile::Builder::new()
            .prefix("tandem-dovecot")
            .tempdir()?;
        let root = dir.path().to_path_buf();
        chmod(&root, 0o755)?;
        for sub in ["run", "mail"] {
            std::fs::create_dir_all(root.join(sub))?;
        }
        let certificate = TestCertificate::write_to(&root)?;
        let mut passwd = String::new();
        for (user, password) in &self.users {
            let home = root.join("mail").join(user);
            std::fs::create_dir_all(home.join("Maildir"))?;
            passwd.push_str(&format!(
                "{user}:{{PLAIN}}{password}:{MAIL_UID}:{MAIL_UID}::{}\n",
                home.display()
            ));
        }
        std::fs::write(root.join("passwd"), passwd)?;
        chown_tree(&root.join("mail"))?;
        let mut last = String::new();
        for _attempt in 0..5 {
            let port = crate::free_port();
            let conf = config(
                &root,
                &certificate,
                port,
                self.no_move,
                self.oauth2.as_deref(),
            )?;
            std::fs::write(root.join("dovecot.conf"), conf)?;
            let mut child = Command::new(&binary)
                .arg("-F")
                .arg("-c")
                .arg(root.join("dovecot.conf"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start dovecot: {e}"))?;
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Ok(Dovecot {
                        child,
                        port,
                        certificate,
                        root,
                        users: self.users,
                        _dir: dir,
                    });
                }
                std::thread::sleep(Duration::from_millis(25));
            }
            let _ = child.kill();
            let out = child.wait_with_output()?;
            last = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stderr),
                std::fs::read_to_string(root.join("dovecot.log")).unwrap_or_default()
            );
        }
        Err(format!("dovecot did not start: {last}").into())
    }
}

fn chmod(path: &Path, mode: u32) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    Ok(())
}

fn chown_tree(path: &Path) -> Result<(), Error> {
    let status = Command::new("chown")
        .arg("-R")
        .arg(format!("{MAIL_UID}:{MAIL_UID}"))
        .arg(path)
        .status()?;
    if !status.success() {
        return Err("cannot give the Maildirs to nobody (the test must run as root)".into());
    }
    Ok(())
}

fn config(
    root: &Path,
    cert: &TestCertificate,
    port: u16,
    no_move: bool,
    oauth2: Option<&str>,
) -> Result<String, Error> {
    let d = root.display();
    let mechanisms = if oauth2.is_some() {
        "plain xoauth2 oauthbearer"
    } else {
        "plain"
    };
    // Dovecot 2.3's syntax (Debian 12); one-line { } blocks are refused.
    let mut conf = format!(
        "protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/run
log_path = {d}/dovecot.log
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = {mechanisms}
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
  }}
}}
service anvil {{
  chroot =
}}
passdb {{
  driver = passwd-file
  args = {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = {d}/passwd
}}
",
        cert = cert.cert_pem.display(),
        key = cert.key_pem.display(),
    );
    if let Some(url) = oauth2 {
        std::fs::write(
            root.join("oauth2.conf.ext"),
            format!(
                "introspection_mode = post\nintrospection_url = {url}\nforce_introspection = yes\n\
                 username_attribute = username\nactive_attribute = active\nactive_value = true\n"
            ),
        )?;
        conf.push_str(&format!(
            "passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {d}/oauth2.conf.ext\n}}\n"
        ));
    }
    if no_move {
        conf.push_str(
            "imap_capability = IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE \
             NAMESPACE CHILDREN UIDPLUS\n",
        );
    }
    Ok(conf)
}

/// A running Dovecot; stopped when dropped.
#[derive(Debug)]
pub struct Dovecot {
    child: Child,
    port: u16,
    certificate: TestCertificate,
    root: PathBuf,
    users: Vec<(String, String)>,
    _dir: tempfile::TempDir,
}

impl Dovecot {
    pub fn builder() -> DovecotBuilder {
        DovecotBuilder::default()
    }

    /// The IMAPS port (TLS from the first byte).
    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn certificate(&self) -> &TestCertificate {
        &self.certificate
    }

    fn password(&self, user: &str) -> Result<&str, Error> {
        self.users
            .iter()
            .find(|(u, _)| u == user)
            .map(|(_, p)| p.as_str())
            .ok_or_else(|| format!("no user {user}").into())
    }

    /// Appends message files to `folder` of `user` with IMAP APPEND (one session).
    pub fn append_files(&self, user: &str, folder: &str, files: &[PathBuf]) -> Result<(), Error> {
        self.append_files_received(user, folder, files, None)
    }

    /// [`Dovecot::append_files`], as if they had arrived at `received` (ISO 8601 with a
    /// zone: their INTERNALDATE) instead of now.
    fn append_files_received(
        &self,
        user: &str,
        folder: &str,
        files: &[PathBuf],
        received: Option<&str>,
    ) -> Result<(), Error> {
        let python = "python3";
        let script = crate::workspace_root().join("testkit/py/imap_append.py");
        for chunk in files.chunks(500) {
            let mut cmd = Command::new(python);
            if let Some(date) = received {
                cmd.env("IMAP_APPEND_DATE", date);
            }
            let out = cmd
                .arg(&script)
                .arg("127.0.0.1")
                .arg(self.port.to_string())
                .arg(&self.certificate.ca_pem)
                .arg(user)
                .arg(self.password(user)?)
                .arg(folder)
                .args(chunk)
                .output()?;
            if !out.status.success() {
                return Err(format!(
                    "IMAP APPEND failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                )
                .into());
            }
        }
        Ok(())
    }

    /// Appends messages (bytes) to `folder` of `user`.
    pub fn append(&self, user: &str, folder: &str, messages: &[Vec<u8>]) -> Result<(), Error> {
        self.append_received(user, folder, messages, None)
    }

    /// Appends messages (bytes) to `folder` of `user` as if they had arrived at
    /// `received` (ISO 8601 with a zone, e.g. `2023-03-15T10:00:00+01:00`), or now.
    pub fn append_received(
        &self,
        user: &str,
        folder: &str,
        messages: &[Vec<u8>],
        received: Option<&str>,
    ) -> Result<(), Error> {
        let dir = tempfile::tempdir()?;
        let files: Vec<PathBuf> = messages
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let p = dir.path().join(format!("{i:06}.eml"));
                std::fs::write(&p, m).map(|_| p)
            })
            .collect::<Result<_, _>>()?;
        self.append_files_received(user, folder, &files, received)
    }

    /// The Maildir folder of `folder` ("INBOX" or another name).
    fn maildir(&self, user: &str, folder: &str) -> PathBuf {
        let base = self.root.join("mail").join(user).join("Maildir");
        if folder.eq_ignore_ascii_case("INBOX") {
            base
        } else {
            base.join(format!(".{folder}"))
        }
    }

    /// The messages in `folder` of `user` as stored (bytes, and whether they are marked
    /// read), oldest first.
    pub fn messages(&self, user: &str, folder: &str) -> Result<Vec<StoredMessage>, Error> {
        let dir = self.maildir(user, folder);
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for e in entries {
                let e = e?;
                let name = e.file_name().to_string_lossy().into_owned();
                let flags = name.split(":2,").nth(1).unwrap_or("").to_owned();
                out.push(StoredMessage {
                    name,
                    seen: flags.contains('S'),
                    deleted: flags.contains('T'),
                    bytes: std::fs::read(e.path())?,
                });
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Cuts every open IMAP session at once, as a server restart or a network cut
    /// would: its `imap` processes are killed (SIGKILL); the server goes on accepting
    /// new connections.
    pub fn drop_connections(&self) -> Result<(), Error> {
        let status = Command::new("pkill")
            .args(["-KILL", "-x", "imap", "-P"])
            .arg(self.child.id().to_string())
            .status()?;
        if !status.success() {
            return Err("no open IMAP session to cut".into());
        }
        Ok(())
    }

    /// Dovecot's log so far (for a failing test to print).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("dovecot.log")).unwrap_or_default()
    }
}

/// A message in a Maildir.
#[derive(Debug, Clone)]
pub struct StoredMessage {
    pub name: String,
    pub seen: bool,
    pub deleted: bool,
    pub bytes: Vec<u8>,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its imap and auth processes with it.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
