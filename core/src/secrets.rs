//! The SMTP password: in the OS keychain (Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows), never in the database or a log.
//!
//! Where no keychain exists (a Linux desktop without one, a server), the user is told
//! and asked; only with their consent is the password kept in a file of the data folder
//! that only their account can read.

use std::path::{Path, PathBuf};

use crate::paths::APP_IDENTIFIER;

/// File name of the consented fallback, inside the data folder.
const FALLBACK_FILE: &str = "smtp-password";

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// No keychain could be reached: ask the user before falling back to a file.
    #[error("no keychain is available on this computer ({0})")]
    NoKeychain(String),
    #[error("the password cannot be stored: {0}")]
    Io(String),
}

/// Where a password was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Keychain,
    File,
}

fn account(username: &str, host: &str) -> String {
    format!("smtp:{}@{}", username.trim(), host.trim())
}

fn entry(username: &str, host: &str) -> Result<keyring::Entry, keyring::Error> {
    keyring::Entry::new(APP_IDENTIFIER, &account(username, host))
}

fn fallback_path(data_dir: &Path) -> PathBuf {
    data_dir.join(FALLBACK_FILE)
}

/// Saves the password for `username` at `host`: in the keychain, or — only when
/// `allow_file` — in a file readable by this account alone when there is no keychain.
pub fn save_password(
    username: &str,
    host: &str,
    password: &str,
    allow_file: bool,
    data_dir: &Path,
) -> Result<Saved, SecretError> {
    let keychain = entry(username, host).and_then(|e| e.set_password(password));
    match keychain {
        Ok(()) => {
            // A file from an earlier fallback must not outlive the move to the keychain.
            let _ = std::fs::remove_file(fallback_path(data_dir));
            Ok(Saved::Keychain)
        }
        Err(e) if !allow_file => Err(SecretError::NoKeychain(e.to_string())),
        Err(_) => {
            write_private(
                &fallback_path(data_dir),
                &serde_json::json!({ "account": account(username, host), "password": password })
                    .to_string(),
            )
            .map_err(|e| SecretError::Io(e.to_string()))?;
            Ok(Saved::File)
        }
    }
}

/// The saved password for `username` at `host`, from the keychain or the consented file.
pub fn password(username: &str, host: &str, data_dir: &Path) -> Option<String> {
    if let Ok(p) = entry(username, host).and_then(|e| e.get_password()) {
        return Some(p);
    }
    let text = std::fs::read_to_string(fallback_path(data_dir)).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    (value["account"] == account(username, host))
        .then(|| value["password"].as_str().map(str::to_owned))
        .flatten()
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension("tmp");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    // The data folder is already private to the user on Windows.
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_keychain_the_file_needs_consent_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let host = format!("test-{}.example.org", crate::contacts::os_random_token());
        match save_password("u", &host, "pw", false, dir.path()) {
            // A desktop with a keychain: it holds the password, no file is written.
            Ok(saved) => {
                assert_eq!(saved, Saved::Keychain);
                assert_eq!(password("u", &host, dir.path()).as_deref(), Some("pw"));
                assert!(!fallback_path(dir.path()).exists());
                let _ = entry("u", &host).and_then(|e| e.delete_credential());
                return;
            }
            // CI and servers (no D-Bus session): refused until the user consents.
            Err(err) => assert!(matches!(err, SecretError::NoKeychain(_)), "{err}"),
        }
        assert!(!fallback_path(dir.path()).exists());
        let saved = save_password("u", &host, "pw", true, dir.path()).unwrap();
        assert_eq!(saved, Saved::File);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(fallback_path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(password("u", &host, dir.path()).as_deref(), Some("pw"));
        assert_eq!(password("other", &host, dir.path()), None);
    }
}
