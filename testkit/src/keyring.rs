//! A real OS keychain for tests: GNOME Keyring's Secret Service in a private D-Bus
//! session (../shared/TESTING.md), so that what Tandem keeps in "the keychain" really
//! goes through the `keyring` crate's Secret Service backend.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Error;

/// A D-Bus session bus with an unlocked GNOME Keyring on it; both stop when dropped.
#[derive(Debug)]
pub struct Keyring {
    bus: Child,
    daemon: Child,
    address: String,
    home: tempfile::TempDir,
}

impl Keyring {
    /// Starts the bus and the keyring (packages dbus, gnome-keyring, libsecret-tools).
    pub fn start() -> Result<Keyring, Error> {
        let home = tempfile::tempdir()?;
        // A session bus that starts no service by itself: with the system's service
        // files, a first request that came before our keyring owned its name would
        // start a second, locked keyring (no password given) and every store would
        // fail — seen once in CI.
        let config = home.path().join("bus.conf");
        std::fs::write(
            &config,
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        )?;
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--nopidfile", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dbus-daemon (apt-get install dbus): {e}"))?;
        let mut address = String::new();
        BufReader::new(bus.stdout.take().unwrap()).read_line(&mut address)?;
        let address = address.trim().to_owned();
        let mut daemon = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(home.path().join("daemon.log"))?)
            .spawn()
            .map_err(|e| {
                format!("cannot start gnome-keyring-daemon (apt-get install gnome-keyring): {e}")
            })?;
        {
            let mut stdin = daemon.stdin.take().unwrap();
            stdin.write_all(b"tandem-test-keyring")?;
        }
        let keyring = Keyring {
            bus,
            daemon,
            address,
            home,
        };
        // Ready when a secret can be stored and read back.
        let until = Instant::now() + Duration::from_secs(15);
        loop {
            let stored = keyring
                .command("secret-tool")
                .args([
                    "store",
                    "--label=probe",
                    "service",
                    "tandem-probe",
                    "user",
                    "p",
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .and_then(|mut c| {
                    c.stdin.take().unwrap().write_all(b"probe")?;
                    c.wait()
                });
            if stored.is_ok_and(|s| s.success()) {
                return Ok(keyring);
            }
            if Instant::now() > until {
                return Err("GNOME Keyring did not come up on the private D-Bus session".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The session bus address (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The keyring's home folder.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// A command that sees this keychain.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        c.env("DBUS_SESSION_BUS_ADDRESS", &self.address);
        c
    }

    /// Every secret Tandem keeps in the keyring, as `secret-tool search --all` prints
    /// them (attributes and secrets), for a test to look for what must or must not be
    /// there.
    pub fn dump(&self) -> Result<String, Error> {
        let out = self
            .command("secret-tool")
            .args([
                "search",
                "--all",
                "--unlock",
                "service",
                "be.mineursenexil.tandem",
            ])
            .output()?;
        Ok(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}
