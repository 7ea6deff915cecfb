//! A certificate authority and a server certificate for 127.0.0.1, made per run.

use std::path::{Path, PathBuf};

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};

use crate::Error;

/// PEM files written to a folder: the CA a client must trust, and the server's
/// certificate and key (valid for `localhost` and `127.0.0.1`).
#[derive(Debug, Clone)]
pub struct TestCertificate {
    pub ca_pem: PathBuf,
    pub cert_pem: PathBuf,
    pub key_pem: PathBuf,
    /// SHA-256 of the server certificate (DER), lowercase hex.
    pub sha256: String,
}

fn sha256_hex(der: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl TestCertificate {
    pub fn write_to(dir: &Path) -> Result<Self, Error> {
        let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "Tandem test CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate()?)?;

        let server_key = KeyPair::generate()?;
        let mut params =
            CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])?;
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "localhost");
        let server = params.signed_by(&server_key, &ca)?;

        let files = TestCertificate {
            ca_pem: dir.join("ca.pem"),
            cert_pem: dir.join("cert.pem"),
            key_pem: dir.join("key.pem"),
            sha256: sha256_hex(server.der()),
        };
        std::fs::write(&files.ca_pem, ca.pem())?;
        std::fs::write(&files.cert_pem, server.pem())?;
        std::fs::write(&files.key_pem, server_key.serialize_pem())?;
        Ok(files)
    }

    /// A self-signed certificate that is its own CA, as `openssl req -x509` makes for a
    /// small organisation's own server: rustls trusts it in no way (not even given as
    /// the CA), so only pinning its fingerprint lets a client use the server.
    pub fn self_signed_to(dir: &Path) -> Result<Self, Error> {
        let key = KeyPair::generate()?;
        let mut params =
            CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])?;
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "mail.asbl-exemple.be");
        params
            .distinguished_name
            .push(rcgen::DnType::OrganizationName, "ASBL Exemple");
        let cert = params.self_signed(&key)?;
        let files = TestCertificate {
            ca_pem: dir.join("cert.pem"),
            cert_pem: dir.join("cert.pem"),
            key_pem: dir.join("key.pem"),
            sha256: sha256_hex(cert.der()),
        };
        std::fs::write(&files.cert_pem, cert.pem())?;
        std::fs::write(&files.key_pem, key.serialize_pem())?;
        Ok(files)
    }
}
