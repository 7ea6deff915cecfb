//! TLS as every protocol of Tandem does it (rustls with ring): the system's
//! authorities, plus an extra CA file when the organisation runs its own, or exactly one
//! pinned certificate (a self-signed server the user chose to trust, compared by its
//! SHA-256 before a word of a login is sent).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, RootCertStore, StreamOwned};

use super::cert::{fingerprint, normalize_fingerprint};

/// Which certificates a connection accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// The system's authorities, and those of an extra CA file (PEM) when given.
    Authorities { extra_ca: Option<PathBuf> },
    /// Exactly one certificate, by its SHA-256 (64 lowercase hex digits).
    Pinned(String),
}

/// Why TLS could not be set up or completed.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// The settings cannot be used (an unreadable CA file, a malformed fingerprint).
    #[error("{0}")]
    Settings(String),
    /// The server's certificate is not trusted.
    #[error("{0}")]
    Certificate(String),
    /// The connection failed during the handshake.
    #[error(transparent)]
    Io(std::io::Error),
}

impl Trust {
    /// From the two fields every server form has: a CA file's path and a pinned
    /// fingerprint (as people copy it), either possibly empty. A pin wins.
    pub fn from_settings(ca_file: &str, pinned_cert: &str) -> Result<Trust, TlsError> {
        match pinned_cert.trim() {
            "" => Ok(Trust::Authorities {
                extra_ca: Some(ca_file.trim())
                    .filter(|ca| !ca.is_empty())
                    .map(PathBuf::from),
            }),
            pin => normalize_fingerprint(pin)
                .map(Trust::Pinned)
                .ok_or_else(|| TlsError::Settings(format!("{pin:?} is not a SHA-256 fingerprint"))),
        }
    }

    /// The rustls configuration for this trust.
    pub fn client_config(&self) -> Result<Arc<ClientConfig>, TlsError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| TlsError::Settings(format!("cannot set up TLS: {e}")))?;
        let config = match self {
            Trust::Pinned(sha256) => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Pinned {
                    sha256: sha256.clone(),
                    provider,
                }))
                .with_no_client_auth(),
            Trust::Authorities { extra_ca } => {
                let mut roots = RootCertStore::empty();
                for cert in rustls_native_certs::load_native_certs().certs {
                    let _ = roots.add(cert);
                }
                if let Some(ca) = extra_ca {
                    add_pem(&mut roots, ca)?;
                }
                builder.with_root_certificates(roots).with_no_client_auth()
            }
        };
        Ok(Arc::new(config))
    }
}

/// Adds every certificate of the PEM file `ca` to `roots`; an unreadable file, or one
/// with no certificate, is an error.
fn add_pem(roots: &mut RootCertStore, ca: &Path) -> Result<(), TlsError> {
    use rustls::pki_types::pem::PemObject;
    let name = ca.display();
    let pem = std::fs::read(ca)
        .map_err(|e| TlsError::Settings(format!("cannot read the CA file {name}: {e}")))?;
    let mut any = false;
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert =
            cert.map_err(|e| TlsError::Settings(format!("{name} is not a PEM certificate: {e}")))?;
        roots
            .add(cert)
            .map_err(|e| TlsError::Settings(format!("{name} is not a usable certificate: {e}")))?;
        any = true;
    }
    if any {
        Ok(())
    } else {
        Err(TlsError::Settings(format!(
            "{name} holds no PEM certificate"
        )))
    }
}

/// TLS over `tcp` to `host`, the handshake done now so that a certificate problem is
/// told as one (after STARTTLS, or from the first byte).
pub fn handshake(
    tcp: TcpStream,
    host: &str,
    trust: &Trust,
) -> Result<StreamOwned<ClientConnection, TcpStream>, TlsError> {
    let config = trust.client_config()?;
    let name = ServerName::try_from(host.to_owned())
        .map_err(|_| TlsError::Settings(format!("{host:?} is not a host name")))?;
    let conn = ClientConnection::new(config, name)
        .map_err(|e| TlsError::Settings(format!("cannot set up TLS: {e}")))?;
    let mut tls = StreamOwned::new(conn, tcp);
    while tls.conn.is_handshaking() {
        if let Err(e) = tls.conn.complete_io(&mut tls.sock) {
            let text = e.to_string();
            return Err(
                if text.contains("certificate") || text.contains("Certificate") {
                    TlsError::Certificate(text)
                } else {
                    TlsError::Io(e)
                },
            );
        }
    }
    Ok(tls)
}

/// Accepts exactly one certificate, by its SHA-256 (a self-signed server the user chose
/// to trust), still checking the handshake's signatures.
#[derive(Debug)]
struct Pinned {
    sha256: String,
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let found = fingerprint(end_entity.as_ref());
        if found == self.sha256 {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General(format!(
                "the server's certificate is not the one you chose to trust (SHA-256 {found})"
            )))
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_wins_and_is_kept_normalised() {
        let pin = "AB:".repeat(31) + "AB";
        assert_eq!(
            Trust::from_settings("/some/ca.pem", &pin).unwrap(),
            Trust::Pinned("ab".repeat(32))
        );
        assert_eq!(
            Trust::from_settings("  ", "").unwrap(),
            Trust::Authorities { extra_ca: None }
        );
        assert!(matches!(
            Trust::from_settings("", "not a fingerprint"),
            Err(TlsError::Settings(_))
        ));
    }

    #[test]
    fn an_unreadable_or_empty_ca_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Trust::Authorities {
            extra_ca: Some(dir.path().join("none.pem")),
        };
        let Err(TlsError::Settings(text)) = missing.client_config() else {
            panic!()
        };
        assert!(text.contains("none.pem"), "{text}");
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "hello").unwrap();
        let trust = Trust::Authorities {
            extra_ca: Some(empty),
        };
        let Err(TlsError::Settings(text)) = trust.client_config() else {
            panic!()
        };
        assert!(text.contains("holds no PEM certificate"), "{text}");
    }
}
