//! Backups under a passphrase: the age format with its scrypt recipient (a well-kept,
//! audited format that anyone can decrypt with the `age` tool too). The plain copy is
//! made in the system's temporary folder (never in a synced or removable backup folder)
//! and overwritten before it is removed.

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::SecretString;
use sha2::{Digest, Sha256};

/// The end of an encrypted backup's name, after the usual one.
pub const AGE: &str = ".age";

/// Why an encrypted file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CryptError {
    #[error("the passphrase does not open this backup")]
    Wrong,
    #[error("not an encrypted Tandem backup: {0}")]
    NotAge(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Encrypts the file `plain` into `out` under `passphrase`.
pub fn encrypt(plain: &Path, out: &Path, passphrase: &str) -> std::io::Result<()> {
    let encryptor = age::Encryptor::with_user_passphrase(SecretString::from(passphrase.to_owned()));
    let mut input = std::io::BufReader::new(std::fs::File::open(plain)?);
    let file = std::fs::File::create(out)?;
    let mut writer = encryptor.wrap_output(std::io::BufWriter::new(file))?;
    std::io::copy(&mut input, &mut writer)?;
    let mut inner = writer.finish()?;
    inner.flush()?;
    inner.get_ref().sync_all()
}

/// A reader of the plaintext of the encrypted file at `path`.
fn open(path: &Path, passphrase: &str) -> Result<impl Read, CryptError> {
    let input = std::io::BufReader::new(std::fs::File::open(path)?);
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| match e {
        age::DecryptError::Io(io) => CryptError::Io(io),
        other => CryptError::NotAge(other.to_string()),
    })?;
    if !decryptor.is_scrypt() {
        return Err(CryptError::NotAge("not made with a passphrase".into()));
    }
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::Io(io) => CryptError::Io(io),
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys => CryptError::Wrong,
            other => CryptError::NotAge(other.to_string()),
        })
}

/// Decrypts the file at `path` into `out`; nothing is left at `out` when it fails.
pub fn decrypt(path: &Path, out: &Path, passphrase: &str) -> Result<(), CryptError> {
    let result = (|| {
        let mut reader = open(path, passphrase)?;
        let mut file = std::fs::File::create(out)?;
        std::io::copy(&mut reader, &mut file).map_err(|e| {
            // The payload's own check failing midway is a wrong key or a damaged file.
            if e.kind() == std::io::ErrorKind::InvalidData {
                CryptError::NotAge(e.to_string())
            } else {
                CryptError::Io(e)
            }
        })?;
        file.sync_all()?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(out);
    }
    result
}

/// SHA-256 of what `reader` gives.
fn digest(mut reader: impl Read) -> std::io::Result<Vec<u8>> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            return Ok(hasher.finalize().to_vec());
        }
        hasher.update(&buf[..n]);
    }
}

/// Whether the encrypted file `enc` decrypts, under `passphrase`, to exactly the bytes
/// of `plain` (how an encrypted backup is verified before it gets its name).
pub fn same_content(enc: &Path, plain: &Path, passphrase: &str) -> Result<bool, CryptError> {
    let decrypted = digest(open(enc, passphrase)?)?;
    let original = digest(std::fs::File::open(plain)?)?;
    Ok(decrypted == original)
}

/// Overwrites a plain copy with zeros, then removes it (a best effort: the file system
/// may keep old blocks, which is why the copy is made in the local temporary folder).
pub fn shred(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(path) {
            let zeros = vec![0u8; 1 << 16];
            let mut left = meta.len();
            while left > 0 {
                let n = left.min(zeros.len() as u64) as usize;
                if f.write_all(&zeros[..n]).is_err() {
                    break;
                }
                left -= n as u64;
            }
            let _ = f.sync_all();
        }
    }
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_opens_it_and_a_wrong_one_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let (plain, enc, back) = (
            dir.path().join("plain"),
            dir.path().join("enc"),
            dir.path().join("back"),
        );
        std::fs::write(&plain, b"tandem contacts: anne@example.be".repeat(1000)).unwrap();
        encrypt(&plain, &enc, "correct horse").unwrap();
        let bytes = std::fs::read(&enc).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("anne@example.be"));
        assert!(same_content(&enc, &plain, "correct horse").unwrap());
        assert!(matches!(
            decrypt(&enc, &back, "wrong horse"),
            Err(CryptError::Wrong)
        ));
        assert!(!back.exists(), "nothing is left from a wrong passphrase");
        decrypt(&enc, &back, "correct horse").unwrap();
        assert_eq!(
            std::fs::read(&back).unwrap(),
            std::fs::read(&plain).unwrap()
        );
        assert!(matches!(
            decrypt(&plain, &back, "correct horse"),
            Err(CryptError::NotAge(_))
        ));
    }
}
