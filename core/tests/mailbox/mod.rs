//! Recognising what arrives in the sending mailbox, on real and documented messages
//! (fixtures/mail/README.md says where each comes from).

use tandem_core::mailbox::{classify, Kind};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/mail/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap()
        .replace("{{MESSAGE_ID}}", "abc123@example.org")
        .replace("{{RECIPIENT}}", "jan@example.be")
        .replace("{{SENDER}}", "Anne <anne@example.be>")
        .replace("{{TOKEN}}", "0123456789abcdef0123456789abcdef")
        .into_bytes()
}

fn bounce(name: &str) -> (Vec<tandem_core::mailbox::Failed>, Vec<String>) {
    match classify(&fixture(name)).unwrap().kind {
        Kind::Bounce {
            failed,
            message_ids,
        } => (failed, message_ids),
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn postfix_bounce_captured_from_a_real_postfix() {
    let (failed, ids) = bounce("postfix-unknown-user.eml");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].address, "ghost@example.org");
    assert_eq!(failed[0].status, "5.1.1");
    assert_eq!(failed[0].action, "failed");
    assert_eq!(failed[0].diagnostic, "unknown user: \"ghost\"");
    assert!(failed[0].is_hard());
    assert_eq!(ids, ["fixture-message-id@tandem.invalid"]);
}

#[test]
fn exchange_online_ndr_is_hard_with_its_resolver_reason() {
    let (failed, ids) = bounce("exchange-online-ndr.eml");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].address, "jan@example.be");
    assert_eq!(failed[0].status, "5.1.10");
    assert!(failed[0]
        .diagnostic
        .contains("RESOLVER.ADR.RecipientNotFound"));
    assert!(failed[0].is_hard());
    assert_eq!(ids, ["abc123@example.org"]);
}

#[test]
fn gmail_delay_is_soft() {
    let (failed, ids) = bounce("gmail-mailbox-full.eml");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].status, "4.2.2");
    assert_eq!(failed[0].action, "delayed");
    assert!(!failed[0].is_hard());
    assert_eq!(ids, ["abc123@example.org"]);
}

#[test]
fn exim_plain_text_bounce_is_read_from_x_failed_recipients() {
    let (failed, ids) = bounce("exim-failed.eml");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].address, "jan@example.be");
    assert_eq!(failed[0].status, "5.1.1");
    assert!(failed[0].is_hard());
    assert!(
        failed[0].diagnostic.contains("User unknown"),
        "{:?}",
        failed[0]
    );
    assert_eq!(ids, ["abc123@example.org"]);
}

#[test]
fn unsubscribe_requests_auto_replies_and_the_rest() {
    let read = classify(&fixture("unsubscribe-with-token.eml")).unwrap();
    assert_eq!(
        read.kind,
        Kind::Unsubscribe {
            token: "0123456789abcdef0123456789abcdef".into()
        }
    );
    assert_eq!(read.from, "anne@example.be");
    let read = classify(&fixture("unsubscribe-words-only.eml")).unwrap();
    assert_eq!(read.kind, Kind::ProbableUnsubscribe);
    assert_eq!(read.subject, "Désinscription");
    assert_eq!(
        classify(&fixture("out-of-office.eml")).unwrap().kind,
        Kind::AutoReply
    );
    let plain = b"From: a@example.be\r\nSubject: Question sur la journee\r\n\r\nBonjour\r\n";
    assert_eq!(classify(plain).unwrap().kind, Kind::Other);
}

#[test]
fn broken_or_empty_messages_never_panic() {
    // Unclosed multipart, unknown charset, bad base64, a DSN without a usable recipient.
    let read = classify(&fixture("broken-mime.eml")).unwrap();
    assert!(!matches!(read.kind, Kind::Bounce { .. }), "{read:?}");
    assert!(classify(b"").is_err());
    // Binary junk: no panic, whatever it is read as.
    let _ = classify(b"\x00\x01\x02 not a message");
    // A message cut after its first megabyte (how big ones are read) still classifies.
    let mut big = fixture("postfix-unknown-user.eml");
    big.truncate(big.len() - 40);
    assert!(matches!(classify(&big).unwrap().kind, Kind::Bounce { .. }));
}
