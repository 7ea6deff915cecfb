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
        .replace("{{SENDER_ADDRESS}}", "anne@example.be")
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
fn a_reply_whose_own_lines_ask_to_unsubscribe_is_told_from_one_that_quotes_the_footer() {
    for name in [
        "reply-outlook-fr.eml",
        "reply-gmail-nl.eml",
        "reply-apple-en.eml",
    ] {
        let read = classify(&fixture(name)).unwrap();
        assert_eq!(
            read.kind,
            Kind::ReplyAsking {
                replies_to: vec!["abc123@example.org".into()]
            },
            "{name}"
        );
        assert_eq!(read.from, "anne@example.be");
    }
    // Only thanks; the quoted newsletter's "Se désinscrire" is not the reader's.
    assert_eq!(
        classify(&fixture("reply-gmail-thanks-fr.eml"))
            .unwrap()
            .kind,
        Kind::Other
    );
    // Not a reply: words in the body of a new message are someone's mail.
    let fresh = b"From: a@example.be\r\nSubject: Question\r\n\r\nPlease remove me\r\n";
    assert_eq!(classify(fresh).unwrap().kind, Kind::Other);
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

mod recording {
    use tandem_core::contacts::ContactInput;
    use tandem_core::contacts::ContactLanguage;
    use tandem_core::mailbox::STALE_MOVE_CLAIM_MS;
    use tandem_core::mailbox::{classify, Read};
    use tandem_core::send::Destination;
    use tandem_core::send::NewRun;
    use tandem_core::store::Store;

    fn store_with(emails: &[&str]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        for (i, email) in emails.iter().enumerate() {
            store
                .save_contact(
                    &ContactInput {
                        id: None,
                        email: (*email).into(),
                        first_name: String::new(),
                        last_name: String::new(),
                        organisation: String::new(),
                        language: ContactLanguage::Fr,
                        lists: vec![],
                        notes: String::new(),
                    },
                    &mut || format!("{i:032x}"),
                )
                .unwrap();
        }
        (dir, store)
    }

    /// A run to everyone subscribed, every message accepted; the Message-IDs by address.
    fn sent_run(store: &mut Store, n: i64) -> Vec<(String, String)> {
        let recipients = store.audience_recipients(&[]).unwrap();
        let mut k = 0;
        let run = store
            .create_run(
                &NewRun {
                    issue_id: None,
                    issue_number: n,
                    issue_json: "{}".into(),
                    sender: "PMO <info@example.org>".into(),
                    reply_to: String::new(),
                    unsubscribe_url: String::new(),
                    lists: vec![],
                    is_test: false,
                    greeting: false,
                    destination: Destination::default_outbox(),
                },
                &recipients,
                n * 1000,
                &mut || {
                    k += 1;
                    format!("<r{n}m{k}@example.org>")
                },
            )
            .unwrap();
        store
            .ledger(run, None)
            .unwrap()
            .into_iter()
            .map(|row| {
                store
                    .mark_sent(row.id, "250 OK", n * 1000, n * 1000 + 1)
                    .unwrap();
                (row.email, row.message_id)
            })
            .collect()
    }

    fn reply_to(message_id: &str, from: &str) -> Read {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/mail/reply-gmail-nl.eml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .replace("{{SENDER_ADDRESS}}", from)
        .replace("{{MESSAGE_ID}}", message_id.trim_matches(['<', '>']));
        classify(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_reply_to_the_newsletter_asking_to_stop_waits_for_a_person_and_others_are_left() {
        let (_dir, mut store) = store_with(&["jan@example.be", "sofie@example.be"]);
        let ids = sent_run(&mut store, 1);
        let jan = &ids.iter().find(|(e, _)| e == "jan@example.be").unwrap().1;
        let recorded = store
            .record_mailbox_message("INBOX", 7, 1, Ok(&reply_to(jan, "jan@example.be")), false)
            .unwrap()
            .unwrap();
        let kinds: Vec<(&str, &str)> = recorded
            .actions
            .iter()
            .map(|a| (a.kind.as_str(), a.email.as_str()))
            .collect();
        assert_eq!(kinds, [("to_confirm", "jan@example.be")]);
        // Nothing is decided for the person: Jan stays subscribed until someone confirms.
        assert_eq!(
            store.contact("jan@example.be").unwrap().status.code(),
            "subscribed"
        );
        // The same words replying to a message Tandem never sent: left for a person.
        let recorded = store
            .record_mailbox_message(
                "INBOX",
                7,
                2,
                Ok(&reply_to("<someone-else@example.net>", "sofie@example.be")),
                false,
            )
            .unwrap()
            .unwrap();
        let kinds: Vec<&str> = recorded.actions.iter().map(|a| a.kind.as_str()).collect();
        assert_eq!(kinds, ["left"]);
    }

    fn soft_bounce_for(message_id: &str) -> Read {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/mail/gmail-mailbox-full.eml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .replace("{{RECIPIENT}}", "sam@example.be")
        .replace("{{MESSAGE_ID}}", message_id.trim_matches(['<', '>']));
        classify(text.as_bytes()).unwrap()
    }

    #[test]
    fn three_soft_bounces_of_three_consecutive_sends_make_the_contact_bounced() {
        let (_dir, mut store) = store_with(&["sam@example.be", "anne@example.be"]);
        let mut uid = 0;
        for n in 1..=3 {
            let ids = sent_run(&mut store, n);
            let sam = &ids.iter().find(|(e, _)| e == "sam@example.be").unwrap().1;
            uid += 1;
            let recorded = store
                .record_mailbox_message("INBOX", 7, uid, Ok(&soft_bounce_for(sam)), false)
                .unwrap()
                .unwrap();
            let kinds: Vec<&str> = recorded.actions.iter().map(|a| a.kind.as_str()).collect();
            let status = store.contact("sam@example.be").unwrap().status;
            if n < 3 {
                assert_eq!(kinds, ["soft_bounce"], "send {n}");
                assert_eq!(status.code(), "subscribed", "send {n}");
            } else {
                assert_eq!(kinds, ["soft_bounce", "bounced"]);
                assert_eq!(status.code(), "bounced");
                assert_eq!(
                    store.contact("sam@example.be").unwrap().status_reason,
                    "soft_bounces"
                );
            }
            // Each soft bounce lands on the ledger row of the message it answers.
            let row = store
                .ledger(n, None)
                .unwrap()
                .into_iter()
                .find(|r| r.email == "sam@example.be")
                .unwrap();
            assert_eq!(
                (row.bounce.as_str(), row.bounce_code.as_str()),
                ("soft", "4.2.2")
            );
        }
        assert_eq!(
            store.contact("anne@example.be").unwrap().status.code(),
            "subscribed"
        );
        // The same message recorded again (a second check, a restart): nothing happens.
        assert!(store
            .record_mailbox_message("INBOX", 7, uid, Ok(&soft_bounce_for("x@y")), false)
            .unwrap()
            .is_none());
        assert_eq!(
            store.mailbox_folder("INBOX").unwrap().unwrap().last_uid,
            uid
        );
    }

    #[test]
    fn two_soft_bounces_then_a_delivered_send_do_not_bounce_and_a_dry_run_changes_nothing() {
        let (_dir, mut store) = store_with(&["sam@example.be"]);
        for n in 1..=3 {
            let ids = sent_run(&mut store, n);
            if n == 2 {
                continue; // the second send went through: no bounce
            }
            store
                .record_mailbox_message(
                    "INBOX",
                    1,
                    n as u32,
                    Ok(&soft_bounce_for(&ids[0].1)),
                    false,
                )
                .unwrap()
                .unwrap();
        }
        assert_eq!(
            store.contact("sam@example.be").unwrap().status.code(),
            "subscribed"
        );
        // A dry run works everything out, then rolls it back.
        let ids = sent_run(&mut store, 4);
        let recorded = store
            .record_mailbox_message("INBOX", 1, 9, Ok(&soft_bounce_for(&ids[0].1)), true)
            .unwrap()
            .unwrap();
        assert_eq!(recorded.actions.len(), 1);
        assert!(store
            .mailbox_log(100)
            .unwrap()
            .iter()
            .all(|a| a.run_id != Some(4)));
        assert_eq!(store.mailbox_folder("INBOX").unwrap().unwrap().last_uid, 3);
    }

    #[test]
    fn a_move_is_taken_on_by_one_check_only_and_given_back_when_it_fails() {
        let (dir, mut store) = store_with(&["anne@example.be", "jan@example.be"]);
        for (uid, email) in [(1, "anne@example.be"), (2, "jan@example.be")] {
            let token = store.contact(email).unwrap().unsubscribe_token;
            let request =
                classify(format!("Subject: unsubscribe {token}\r\n\r\n").as_bytes()).unwrap();
            store
                .record_mailbox_message("INBOX", 1, uid, Ok(&request), false)
                .unwrap()
                .unwrap();
        }
        assert_eq!(store.mailbox_pending_moves("INBOX", 1).unwrap(), [1, 2]);
        // Two checks at once (two connections): each move goes to one of them.
        let mut other = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        assert_eq!(store.mailbox_claim_moves("INBOX", 1, &[1]).unwrap(), [1]);
        assert_eq!(other.mailbox_claim_moves("INBOX", 1, &[1, 2]).unwrap(), [2]);
        assert!(store
            .mailbox_claim_moves("INBOX", 1, &[1, 2])
            .unwrap()
            .is_empty());
        assert!(store.mailbox_pending_moves("INBOX", 1).unwrap().is_empty());
        // A move the server did not do is given back for the next check.
        other.mailbox_unclaim_moves("INBOX", 1, &[2]).unwrap();
        assert_eq!(store.mailbox_pending_moves("INBOX", 1).unwrap(), [2]);
        // A move done is done for good, however old.
        store.mailbox_moves_done("INBOX", 1, &[1]).unwrap();
        // The check holding 2 is killed (kill -9) before moving it: its claim holds
        // while it could still be running, then the next check takes the move over.
        assert_eq!(other.mailbox_claim_moves("INBOX", 1, &[2]).unwrap(), [2]);
        drop(other);
        assert!(store.mailbox_pending_moves("INBOX", 1).unwrap().is_empty());
        let raw = rusqlite::Connection::open(dir.path().join("t.sqlite3")).unwrap();
        let aged = raw
            .execute(
                "UPDATE mailbox_messages SET move_claimed_at = move_claimed_at - ?1,
                 moved_at = moved_at - ?1",
                [STALE_MOVE_CLAIM_MS + 1000],
            )
            .unwrap();
        assert_eq!(aged, 2);
        assert_eq!(store.mailbox_pending_moves("INBOX", 1).unwrap(), [2]);
        assert_eq!(store.mailbox_claim_moves("INBOX", 1, &[1, 2]).unwrap(), [2]);
    }

    #[test]
    fn undo_gives_back_the_previous_status_once_and_an_unreadable_message_is_only_noted() {
        let (_dir, mut store) = store_with(&["anne@example.be"]);
        let token = store.contact("anne@example.be").unwrap().unsubscribe_token;
        let request = classify(
            format!("From: other@example.net\r\nSubject: unsubscribe {token}\r\n\r\n").as_bytes(),
        )
        .unwrap();
        let recorded = store
            .record_mailbox_message("INBOX", 1, 1, Ok(&request), false)
            .unwrap()
            .unwrap();
        assert!(recorded.move_it);
        let action = &recorded.actions[0];
        assert_eq!(
            (action.kind.as_str(), action.email.as_str()),
            ("unsubscribed", "anne@example.be")
        );
        let anne = store.contact("anne@example.be").unwrap();
        assert_eq!(
            (anne.status.code(), anne.status_reason.as_str()),
            ("unsubscribed", "email_request")
        );
        let undone = store.undo_mailbox_action(action.id).unwrap();
        assert_eq!(undone.state, "undone");
        assert_eq!(
            store.contact("anne@example.be").unwrap().status.code(),
            "subscribed"
        );
        // A second undo changes nothing (she may have unsubscribed again by hand since).
        store.unsubscribe("anne@example.be").unwrap();
        store.undo_mailbox_action(action.id).unwrap();
        assert_eq!(
            store.contact("anne@example.be").unwrap().status.code(),
            "unsubscribed"
        );

        let skipped = store
            .record_mailbox_message("INBOX", 1, 2, Err("no message headers"), false)
            .unwrap()
            .unwrap();
        assert_eq!(skipped.actions[0].kind, "skipped");
        assert!(!skipped.move_it, "left where it is");
    }
}
