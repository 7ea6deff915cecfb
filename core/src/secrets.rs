//! The SMTP password and the sign-in's refresh token: in the OS keychain (Secret Service
//! on Linux, Keychain on macOS, Credential Manager on Windows), never in the database or
//! a log.
//!
//! Where no keychain exists (a Linux desktop without one, a server), the user is told
//! and asked; only with their consent is the password kept in a file of the data folder
//! that only their account can read (one file per kind of secret, each holding any
//! number of them by name: the sending and the mailbox passwords side by side).

use std::collections::BTreeMap;
use std::path::Path;
#[cfg(test)]
use std::path::PathBuf;

use crate::paths::APP_IDENTIFIER;

/// File name of the consented fallback for the SMTP password, inside the data folder.
const FALLBACK_FILE: &str = "smtp-password";
/// File name of the consented fallback for a sign-in (OAuth refresh token).
const TOKEN_FALLBACK_FILE: &str = "sign-in";
/// The translation service's key where there is no keychain (with consent).
const TRANSLATE_FALLBACK_FILE: &str = "translate-key";
/// File name of the consented fallback for the backups' passphrase.
const BACKUP_FALLBACK_FILE: &str = "backup-passphrase";

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

/// The keychain name of the sign-in of `account` with `provider`.
fn token_account(provider: &str, account: &str) -> String {
    format!(
        "oauth:{}:{}",
        provider.trim(),
        account.trim().to_lowercase()
    )
}

#[cfg(test)]
fn fallback_path(data_dir: &Path) -> PathBuf {
    data_dir.join(FALLBACK_FILE)
}

/// The secrets kept in one fallback file, by key. The file holds
/// `{"secrets": {KEY: SECRET, …}}`, so the SMTP and the mailbox passwords (or two
/// sign-ins) live side by side; a file from before (`{"account": KEY, "password":
/// SECRET}`, one secret) is read as one entry and rewritten in the new form when next
/// saved.
fn read_file_secrets(path: &Path) -> BTreeMap<String, String> {
    let Some(value) = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
    else {
        return BTreeMap::new();
    };
    if let Some(map) = value["secrets"].as_object() {
        return map
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect();
    }
    match (value["account"].as_str(), value["password"].as_str()) {
        (Some(k), Some(v)) => BTreeMap::from([(k.to_owned(), v.to_owned())]),
        _ => BTreeMap::new(),
    }
}

/// Writes `secrets` to `path` (private, atomically); no secrets left: no file.
fn write_file_secrets(path: &Path, secrets: &BTreeMap<String, String>) -> std::io::Result<()> {
    if secrets.is_empty() {
        return match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    write_private(path, &serde_json::json!({ "secrets": secrets }).to_string())
}

/// Reads the secrets of `path`, lets `change` edit them, and writes them back when it
/// says they changed, holding an exclusive lock (`PATH.lock`) from the read to the
/// write: the app and the CLI saving at the same moment must not lose one of the two
/// writes. The lock goes with the process if it dies.
fn update_file_secrets(
    path: &Path,
    change: impl FnOnce(&mut BTreeMap<String, String>) -> bool,
) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_extension("lock"))?;
    lock.lock()?;
    let mut secrets = read_file_secrets(path);
    if change(&mut secrets) {
        write_file_secrets(path, &secrets)?;
    }
    Ok(())
}

/// Takes `key` out of the fallback `file`, if it is there.
fn forget_in_file(key: &str, file: &str, data_dir: &Path) {
    let path = data_dir.join(file);
    if path.exists() {
        let _ = update_file_secrets(&path, |secrets| secrets.remove(key).is_some());
    }
}

/// Saves `secret` under `key`: in the keychain, or — only when `allow_file` — in
/// `file` of the data folder, readable by this account alone, when there is no keychain.
/// Other secrets in that file stay as they are.
fn save_secret(
    key: &str,
    file: &str,
    secret: &str,
    allow_file: bool,
    data_dir: &Path,
) -> Result<Saved, SecretError> {
    let keychain = keyring::Entry::new(APP_IDENTIFIER, key).and_then(|e| e.set_password(secret));
    match keychain {
        Ok(()) => {
            // A copy from an earlier fallback must not outlive the move to the keychain.
            forget_in_file(key, file, data_dir);
            Ok(Saved::Keychain)
        }
        Err(e) if !allow_file => Err(SecretError::NoKeychain(e.to_string())),
        Err(_) => {
            update_file_secrets(&data_dir.join(file), |secrets| {
                secrets.insert(key.to_owned(), secret.to_owned());
                true
            })
            .map_err(|e| SecretError::Io(e.to_string()))?;
            Ok(Saved::File)
        }
    }
}

/// The secret saved under `key`, from the keychain or the consented file.
fn secret(key: &str, file: &str, data_dir: &Path) -> Option<String> {
    if let Ok(p) = keyring::Entry::new(APP_IDENTIFIER, key).and_then(|e| e.get_password()) {
        return Some(p);
    }
    read_file_secrets(&data_dir.join(file)).remove(key)
}

/// Forgets the secret saved under `key`, wherever it is.
fn delete_secret(key: &str, file: &str, data_dir: &Path) {
    let _ = keyring::Entry::new(APP_IDENTIFIER, key).and_then(|e| e.delete_credential());
    forget_in_file(key, file, data_dir);
}

/// Saves the API key of a translation service (`deepl`, `libretranslate`).
pub fn save_translate_key(
    service: &str,
    key: &str,
    allow_file: bool,
    data_dir: &Path,
) -> Result<Saved, SecretError> {
    save_secret(
        &format!("translate:{service}"),
        TRANSLATE_FALLBACK_FILE,
        key,
        allow_file,
        data_dir,
    )
}

/// The saved API key of a translation service.
pub fn translate_key(service: &str, data_dir: &Path) -> Option<String> {
    secret(
        &format!("translate:{service}"),
        TRANSLATE_FALLBACK_FILE,
        data_dir,
    )
}

/// Saves the passphrase backups are encrypted with.
pub fn save_backup_passphrase(
    passphrase: &str,
    allow_file: bool,
    data_dir: &Path,
) -> Result<Saved, SecretError> {
    save_secret(
        "backup:passphrase",
        BACKUP_FALLBACK_FILE,
        passphrase,
        allow_file,
        data_dir,
    )
}

/// The passphrase backups are encrypted with, if one was set.
pub fn backup_passphrase(data_dir: &Path) -> Option<String> {
    secret("backup:passphrase", BACKUP_FALLBACK_FILE, data_dir).filter(|p| !p.is_empty())
}

/// Forgets the backups' passphrase (new backups are made plain).
pub fn delete_backup_passphrase(data_dir: &Path) {
    delete_secret("backup:passphrase", BACKUP_FALLBACK_FILE, data_dir);
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
    save_secret(
        &account(username, host),
        FALLBACK_FILE,
        password,
        allow_file,
        data_dir,
    )
}

/// The saved password for `username` at `host`, from the keychain or the consented file.
pub fn password(username: &str, host: &str, data_dir: &Path) -> Option<String> {
    secret(&account(username, host), FALLBACK_FILE, data_dir)
}

/// The keychain name of the mailbox (IMAP) password of `username` at `host`: its own,
/// since the sending and the reading server are often one host (OVH's `ssl0.ovh.net`)
/// with the same user name.
fn mailbox_account(username: &str, host: &str) -> String {
    format!("imap:{}@{}", username.trim(), host.trim())
}

/// Saves the password that reads the mailbox of `username` at `host` (same rules as the
/// sending password, beside it and never over it).
pub fn save_mailbox_password(
    username: &str,
    host: &str,
    password: &str,
    allow_file: bool,
    data_dir: &Path,
) -> Result<Saved, SecretError> {
    save_secret(
        &mailbox_account(username, host),
        FALLBACK_FILE,
        password,
        allow_file,
        data_dir,
    )
}

/// The saved mailbox password of `username` at `host`.
pub fn mailbox_password(username: &str, host: &str, data_dir: &Path) -> Option<String> {
    secret(&mailbox_account(username, host), FALLBACK_FILE, data_dir)
}

/// Saves the refresh token of `account`'s sign-in with `provider` (same rules as the
/// password: the keychain, or a private file only with consent).
pub fn save_refresh_token(
    provider: &str,
    account: &str,
    token: &str,
    allow_file: bool,
    data_dir: &Path,
) -> Result<Saved, SecretError> {
    save_secret(
        &token_account(provider, account),
        TOKEN_FALLBACK_FILE,
        token,
        allow_file,
        data_dir,
    )
}

/// The refresh token of `account`'s sign-in with `provider`, if signed in.
pub fn refresh_token(provider: &str, account: &str, data_dir: &Path) -> Option<String> {
    secret(
        &token_account(provider, account),
        TOKEN_FALLBACK_FILE,
        data_dir,
    )
}

/// Whether the user once agreed to keep a sign-in in the data folder's private file
/// (there is no keychain here): a rotated refresh token may then go there too.
pub fn refresh_token_file_consented(data_dir: &Path) -> bool {
    data_dir.join(TOKEN_FALLBACK_FILE).is_file()
}

/// Signs out: forgets the refresh token.
pub fn delete_refresh_token(provider: &str, account: &str, data_dir: &Path) {
    delete_secret(
        &token_account(provider, account),
        TOKEN_FALLBACK_FILE,
        data_dir,
    )
}

/// Whether secrets go to the keychain on this computer now (a probe entry is written
/// and removed).
pub fn keychain_available() -> bool {
    let probe = format!("probe:{}", crate::token::os_random_token());
    keyring::Entry::new(APP_IDENTIFIER, &probe)
        .and_then(|e| {
            e.set_password("probe")?;
            e.delete_credential()
        })
        .is_ok()
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
    fn secrets_saved_to_one_file_at_the_same_moment_are_all_kept() {
        // Eight writers (the app, the CLI…: each opens the lock file itself, as another
        // process would) save 25 secrets each into one file.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FALLBACK_FILE);
        std::thread::scope(|scope| {
            for writer in 0..8 {
                let path = &path;
                scope.spawn(move || {
                    for n in 0..25 {
                        update_file_secrets(path, |secrets| {
                            secrets.insert(format!("smtp:w{writer}-{n}@host"), format!("pw{n}"));
                            true
                        })
                        .unwrap();
                    }
                });
            }
        });
        let secrets = read_file_secrets(&path);
        assert_eq!(secrets.len(), 200);
        assert_eq!(secrets["smtp:w7-24@host"], "pw24");
        // Forgetting them all, concurrently too, leaves no file behind.
        std::thread::scope(|scope| {
            for writer in 0..8 {
                let dir = dir.path();
                scope.spawn(move || {
                    for n in 0..25 {
                        forget_in_file(&format!("smtp:w{writer}-{n}@host"), FALLBACK_FILE, dir);
                    }
                });
            }
        });
        assert!(!path.exists());
    }

    #[test]
    fn without_a_keychain_the_file_needs_consent_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let host = format!("test-{}.example.org", crate::token::os_random_token());
        match save_password("u", &host, "pw", false, dir.path()) {
            // A desktop with a keychain: it holds the password, no file is written.
            Ok(saved) => {
                assert_eq!(saved, Saved::Keychain);
                assert_eq!(password("u", &host, dir.path()).as_deref(), Some("pw"));
                assert!(!fallback_path(dir.path()).exists());
                delete_secret(&account("u", &host), FALLBACK_FILE, dir.path());
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
        // The mailbox's password for the same user on the same host (OVH: one server for
        // both), saved the same way, does not replace the sending one.
        assert_eq!(
            save_mailbox_password("u", &host, "pw2", true, dir.path()).unwrap(),
            Saved::File
        );
        assert_eq!(password("u", &host, dir.path()).as_deref(), Some("pw"));
        assert_eq!(
            mailbox_password("u", &host, dir.path()).as_deref(),
            Some("pw2")
        );
    }

    #[test]
    fn one_fallback_file_keeps_several_secrets_and_reads_the_old_form() {
        let dir = tempfile::tempdir().unwrap();
        let path = fallback_path(dir.path());
        // A file written by Tandem before several secrets could share it.
        std::fs::write(
            &path,
            r#"{"account":"smtp:u@smtp.example.org","password":"send-pw"}"#,
        )
        .unwrap();
        assert_eq!(
            password("u", "smtp.example.org", dir.path()).as_deref(),
            Some("send-pw")
        );
        // The mailbox password goes beside it, not over it.
        let mut secrets = read_file_secrets(&path);
        secrets.insert(account("u", "imap.example.org"), "read-pw".into());
        write_file_secrets(&path, &secrets).unwrap();
        assert_eq!(
            password("u", "smtp.example.org", dir.path()).as_deref(),
            Some("send-pw")
        );
        assert_eq!(
            password("u", "imap.example.org", dir.path()).as_deref(),
            Some("read-pw")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Forgetting one keeps the other; forgetting the last removes the file.
        delete_secret(&account("u", "smtp.example.org"), FALLBACK_FILE, dir.path());
        assert_eq!(password("u", "smtp.example.org", dir.path()), None);
        assert_eq!(
            password("u", "imap.example.org", dir.path()).as_deref(),
            Some("read-pw")
        );
        delete_secret(&account("u", "imap.example.org"), FALLBACK_FILE, dir.path());
        assert!(!path.exists());
        // A damaged file holds nothing (and is not an error).
        std::fs::write(&path, "not json").unwrap();
        assert_eq!(password("u", "imap.example.org", dir.path()), None);
    }
}
