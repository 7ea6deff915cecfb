//! The harness's servers are real: lettre talks to them over TCP on 127.0.0.1, through
//! STARTTLS with a per-run certificate and AUTH, and the test reads the Maildir back.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use tandem_testkit::{Aiosmtpd, SmtpSink};

fn message(to: &str) -> Message {
    Message::builder()
        .from(
            "Plate-forme Mineurs en exil <info@example.org>"
                .parse()
                .unwrap(),
        )
        .to(to.parse().unwrap())
        .subject("Newsletter d'hiver | Winternieuwsbrief")
        .header(ContentType::TEXT_PLAIN)
        .body("Bonjour Anne,\nDe nieuwsbrief is er.\n".to_owned())
        .unwrap()
}

fn starttls_tls(server: &Aiosmtpd) -> Tls {
    let ca = std::fs::read(&server.certificate().unwrap().ca_pem).unwrap();
    let tls = TlsParameters::builder("127.0.0.1".to_owned())
        .add_root_certificate(Certificate::from_pem(&ca).unwrap())
        .build_rustls()
        .unwrap();
    Tls::Required(tls)
}

fn starttls_transport(server: &Aiosmtpd, user: &str, password: &str) -> SmtpTransport {
    SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port())
        .tls(starttls_tls(server))
        .credentials(Credentials::new(user.into(), password.into()))
        .timeout(Some(Duration::from_secs(10)))
        .build()
}

#[test]
fn a_message_sent_over_starttls_and_auth_is_read_back_from_the_maildir() {
    let server = Aiosmtpd::builder()
        .starttls()
        .auth("tandem", "s3cret")
        .start()
        .unwrap();
    let transport = starttls_transport(&server, "tandem", "s3cret");
    let response = transport
        .send(&message("Anne Dupont <anne@example.be>"))
        .unwrap();
    assert!(response.is_positive());

    let received = server.wait_for_messages(1, Duration::from_secs(5)).unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_to, ["anne@example.be"]);
    let raw = String::from_utf8(received[0].raw.clone()).unwrap();
    assert!(
        raw.contains("To: \"Anne Dupont\" <anne@example.be>")
            || raw.contains("To: Anne Dupont <anne@example.be>"),
        "{raw}"
    );
    assert!(raw.contains("Bonjour Anne,"), "{raw}");
}

#[test]
fn a_wrong_password_is_refused_and_nothing_is_stored() {
    let server = Aiosmtpd::builder()
        .starttls()
        .auth("tandem", "s3cret")
        .start()
        .unwrap();
    let transport = starttls_transport(&server, "tandem", "wrong");
    let err = transport.send(&message("anne@example.be")).unwrap_err();
    assert!(err.is_permanent(), "{err:?}");
    assert!(err.to_string().contains("535"), "{err}");
    assert!(server.messages().unwrap().is_empty());
}

#[test]
fn a_server_certificate_the_client_does_not_trust_is_refused() {
    let server = Aiosmtpd::builder()
        .starttls()
        .auth("tandem", "s3cret")
        .start()
        .unwrap();
    // System roots only: the per-run CA is unknown.
    let tls = TlsParameters::builder("127.0.0.1".to_owned())
        .build_rustls()
        .unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port())
        .tls(Tls::Required(tls))
        .credentials(Credentials::new("tandem".into(), "s3cret".into()))
        .timeout(Some(Duration::from_secs(10)))
        .build();
    assert!(transport.send(&message("anne@example.be")).is_err());
    assert!(server.messages().unwrap().is_empty());
}

#[test]
fn plain_text_without_starttls_is_refused_when_the_server_requires_it() {
    let server = Aiosmtpd::builder().starttls().start().unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port())
        .build();
    let err = transport.send(&message("anne@example.be")).unwrap_err();
    assert!(err.to_string().contains("530"), "{err}");
}

#[test]
fn faults_are_injected_per_recipient() {
    let server = Aiosmtpd::builder()
        .fault("busy@example.be", &["450 4.2.1 Mailbox busy, try later"])
        .fault("gone@example.be", &["550 5.1.1 No such user"])
        .start()
        .unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port())
        .build();
    let first = transport.send(&message("busy@example.be")).unwrap_err();
    assert!(first.is_transient(), "{first:?}");
    transport.send(&message("busy@example.be")).unwrap(); // accepted the second time
    let gone = transport.send(&message("gone@example.be")).unwrap_err();
    assert!(gone.is_permanent(), "{gone:?}");
    let received = server.wait_for_messages(1, Duration::from_secs(5)).unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_to, ["busy@example.be"]);
}

#[test]
fn a_lost_acknowledgement_stores_the_message_but_the_client_sees_an_error() {
    let server = Aiosmtpd::builder()
        .drop_after_data("lost@example.be")
        .start()
        .unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(server.port())
        .timeout(Some(Duration::from_secs(5)))
        .build();
    assert!(transport.send(&message("lost@example.be")).is_err());
    assert_eq!(
        server
            .wait_for_messages(1, Duration::from_secs(5))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn smtp_sink_accepts_and_its_faults_are_seen_by_the_client() {
    let sink = SmtpSink::builder().start().unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(sink.port())
        .build();
    for i in 0..20 {
        transport
            .send(&message(&format!("r{i}@example.be")))
            .unwrap();
    }

    let refusing = SmtpSink::builder().flags(["-r", "RCPT"]).start().unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(refusing.port())
        .build();
    let err = transport.send(&message("anne@example.be")).unwrap_err();
    assert!(err.is_transient(), "{err:?}");

    let mut crashing = SmtpSink::builder().flags(["-M", "3"]).start().unwrap();
    let transport = SmtpTransport::builder_dangerous("127.0.0.1")
        .port(crashing.port())
        .timeout(Some(Duration::from_secs(5)))
        .build();
    let results: Vec<_> = (0..5)
        .map(|i| transport.send(&message(&format!("c{i}@example.be"))))
        .collect();
    assert!(results.iter().take(2).all(Result::is_ok), "{results:?}");
    assert!(results.iter().skip(2).any(Result::is_err), "{results:?}");
    std::thread::sleep(Duration::from_millis(200));
    assert!(!crashing.is_running());
}
