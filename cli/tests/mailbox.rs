//! Reading the sending mailbox back, against real servers on 127.0.0.1: Debian's Dovecot
//! (IMAP over TLS), a private Postfix that writes real bounces, the SMTP side as in the
//! send tests. Messages reach Dovecot by IMAP APPEND.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use tandem_testkit::{Dovecot, Postfix};

const OFFICE: &str = "office@example.org";
const PASSWORD: &str = "imap-s3cret";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("core/tests/fixtures/mail").join(name)).unwrap()
}

fn imap_url(dovecot: &Dovecot) -> String {
    format!("imaps://office%40example.org@127.0.0.1:{}", dovecot.port())
}

/// `tandem mailbox check` against `dovecot` (password from the environment).
fn check_cmd(db: &Path, dovecot: &Dovecot) -> Command {
    let mut cmd = tandem(db);
    cmd.env("TANDEM_IMAP_PASSWORD", PASSWORD)
        .args([
            "mailbox",
            "check",
            "--imap",
            &imap_url(dovecot),
            "--ca-cert",
        ])
        .arg(&dovecot.certificate().ca_pem);
    cmd
}

fn check(db: &Path, dovecot: &Dovecot) -> (Value, String) {
    let out = check_cmd(db, dovecot).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "mailbox check failed: {stderr}\n--- dovecot:\n{}",
        dovecot.log()
    );
    (last_json(&String::from_utf8_lossy(&out.stdout)), stderr)
}

fn contact(db: &Path, email: &str) -> Value {
    serde_json::from_str(&ok(tandem(db).args(["contacts", "show", email, "--json"]))).unwrap()
}

fn subjects(messages: &[tandem_testkit::StoredMessage]) -> Vec<String> {
    messages
        .iter()
        .map(|m| {
            let text = String::from_utf8_lossy(&m.bytes);
            text.lines()
                .find(|l| l.starts_with("Subject:"))
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

#[test]
fn a_real_bounce_and_an_unsubscribe_request_are_acted_on_once_and_later_sends_leave_them_out() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(
        dir.path(),
        "email;language;first_name\n\
         ghost@example.org;fr;Ghost\n\
         anne@example.be;fr;Anne\n\
         jan@example.be;nl;Jan\n\
         sam@example.be;both;Sam\n",
    );
    let postfix = Postfix::start().unwrap();
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start().unwrap();

    // A real send through Postfix: ghost@ is an unknown local user, so Postfix writes a
    // real delivery status notification back to the sender.
    let out = ok(tandem(&db)
        .args(["send", &issue.to_string(), "--smtp"])
        .arg(format!("smtp://127.0.0.1:{}", postfix.port()))
        .args(["--from", "Plate-forme Mineurs en exil <office@example.org>"]));
    assert_eq!(last_json(&out)["sent"], 4, "{out}");
    let rows = by_email(&ledger(&db));
    let ghost_id = rows["ghost@example.org"]["message_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let bounces = postfix
        .wait_for_office_mail(1, Duration::from_secs(60))
        .unwrap();
    assert!(String::from_utf8_lossy(&bounces[0]).contains("report-type=delivery-status"));
    assert!(String::from_utf8_lossy(&bounces[0]).contains(&ghost_id));

    // What else arrives in a real mailbox.
    let token = contact(&db, "anne@example.be")["unsubscribe_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let fill = |name: &str, sender: &str| {
        fixture(name)
            .replace("{{SENDER}}", sender)
            .replace("{{TOKEN}}", &token)
            .replace("{{RECIPIENT}}", "sam@example.be")
            .replace(
                "{{MESSAGE_ID}}",
                rows["sam@example.be"]["message_id"]
                    .as_str()
                    .unwrap()
                    .trim_matches(['<', '>']),
            )
            .into_bytes()
    };
    let mut big = b"From: partner@example.be\r\nSubject: Rapport annuel (30 Mo)\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    let line = format!("{}\r\n", "A".repeat(76));
    while big.len() < 30 << 20 {
        big.extend_from_slice(line.as_bytes());
    }
    let never_sent = fixture("exchange-online-ndr.eml")
        .replace("{{RECIPIENT}}", "stranger@example.net")
        .replace("{{MESSAGE_ID}}", "not-ours@example.net")
        .into_bytes();
    let mut messages = bounces.clone();
    messages.extend([
        fill("unsubscribe-with-token.eml", "Anne Dupont <anne.private@example.net>"),
        fill("unsubscribe-words-only.eml", "Jan <jan@example.be>"),
        fill("out-of-office.eml", ""),
        fill("gmail-mailbox-full.eml", ""),
        b"From: juriste@example.be\r\nSubject: Question sur la tutelle\r\n\r\nBonjour, une question.\r\n".to_vec(),
        fixture("broken-mime.eml").into_bytes(),
        never_sent,
        big,
    ]);
    dovecot.append(OFFICE, "INBOX", &messages).unwrap();

    // --dry-run says what would happen and changes nothing.
    let out = ok(check_cmd(&db, &dovecot).arg("--dry-run"));
    let dry = last_json(&out);
    assert_eq!(
        (dry["read"].as_u64(), dry["bounced"].as_u64()),
        (Some(9), Some(1)),
        "{dry}"
    );
    assert_eq!(contact(&db, "ghost@example.org")["status"], "subscribed");
    assert_eq!(dovecot.messages(OFFICE, "Tandem").unwrap().len(), 0);

    let started = Instant::now();
    let (summary, stderr) = check(&db, &dovecot);
    eprintln!("check of 9 messages: {:?}\n{stderr}", started.elapsed());
    assert_eq!(summary["read"], 9, "{summary}");
    assert_eq!(summary["unsubscribed"], 1, "{summary}");
    assert_eq!(summary["bounced"], 1, "{summary}");
    assert_eq!(summary["soft_bounces"], 1, "{summary}");
    assert_eq!(summary["to_confirm"], 1, "{summary}");
    assert_eq!(summary["auto_replies"], 1, "{summary}");
    // The question, the broken message, the 30 MB one, the bounce about a stranger.
    assert_eq!(summary["left"], 4, "{summary}");
    assert!(
        stderr.contains("bounced: ghost@example.org (5.1.1)"),
        "{stderr}"
    );
    assert!(stderr.contains("never sent to"), "{stderr}");
    // Mail that is none of Tandem's business leaves nothing in the file: not the
    // lawyer's address nor her subject, not the partner's (issue 18, §9).
    let mut bytes = std::fs::read(&db).unwrap();
    bytes.extend(std::fs::read(db.with_extension("sqlite3-wal")).unwrap_or_default());
    let text = String::from_utf8_lossy(&bytes);
    for kept_nowhere in [
        "juriste@example.be",
        "Question sur la tutelle",
        "partner@example.be",
        "Rapport annuel",
    ] {
        assert!(
            !text.contains(kept_nowhere),
            "{kept_nowhere} is in the database"
        );
    }

    // The contacts and the ledger.
    let ghost = contact(&db, "ghost@example.org");
    assert_eq!(
        (ghost["status"].as_str(), ghost["status_reason"].as_str()),
        (Some("bounced"), Some("bounce"))
    );
    assert!(!ghost["status_at"].as_str().unwrap().is_empty());
    let anne = contact(&db, "anne@example.be");
    assert_eq!(
        (anne["status"].as_str(), anne["status_reason"].as_str()),
        (Some("unsubscribed"), Some("email_request"))
    );
    assert_eq!(
        contact(&db, "jan@example.be")["status"],
        "subscribed",
        "only a person confirms"
    );
    assert_eq!(
        contact(&db, "sam@example.be")["status"],
        "subscribed",
        "one soft bounce is not enough"
    );
    let rows = by_email(&ledger(&db));
    assert_eq!(rows["ghost@example.org"]["bounce"], "hard");
    assert_eq!(rows["ghost@example.org"]["bounce_code"], "5.1.1");
    assert_eq!(
        rows["ghost@example.org"]["bounce_reason"],
        "unknown user: \"ghost\""
    );
    assert_eq!(rows["sam@example.be"]["bounce"], "soft");
    assert_eq!(rows["anne@example.be"]["bounce"], "");

    // The mailbox: what was acted on is in "Tandem", the rest where it was, unread.
    let moved = dovecot.messages(OFFICE, "Tandem").unwrap();
    let inbox = dovecot.messages(OFFICE, "INBOX").unwrap();
    assert_eq!(moved.len(), 3, "{:?}", subjects(&moved));
    assert_eq!(inbox.len(), 6, "{:?}", subjects(&inbox));
    assert!(
        inbox.iter().all(|m| !m.seen),
        "the unread state is left alone"
    );
    assert!(subjects(&moved)
        .iter()
        .any(|s| s.contains("Undelivered Mail Returned")));

    // A second check reads nothing new and changes nothing.
    let (again, _) = check(&db, &dovecot);
    assert_eq!(
        (again["read"].as_u64(), again["moved"].as_u64()),
        (Some(0), Some(0)),
        "{again}"
    );

    // The log; a person confirms Jan's request, and undoes Anne's unsubscribe.
    let log: Vec<Value> = serde_json::from_str(&ok(tandem(&db).args(["mailbox", "log"]))).unwrap();
    let find = |kind: &str, email: &str| {
        log.iter()
            .find(|a| a["kind"] == kind && a["email"] == email)
            .unwrap_or_else(|| panic!("no {kind} for {email} in {log:?}"))["id"]
            .as_i64()
            .unwrap()
    };
    ok(tandem(&db).args([
        "mailbox",
        "confirm",
        &find("to_confirm", "jan@example.be").to_string(),
    ]));
    assert_eq!(contact(&db, "jan@example.be")["status"], "unsubscribed");
    let csv = ok(tandem(&db).args(["mailbox", "log", "--format", "csv"]));
    assert!(csv.starts_with("id,at,kind,state,email"), "{csv}");
    assert!(
        csv.contains(",bounced,done,ghost@example.org,1,5.1.1,"),
        "{csv}"
    );

    // A later send leaves out the bounced address and both unsubscribed people.
    let out = ok(tandem(&db)
        .args(["send", &issue.to_string(), "--smtp"])
        .arg(format!("smtp://127.0.0.1:{}", postfix.port()))
        .args(["--from", "Plate-forme Mineurs en exil <office@example.org>"]));
    let run2 = last_json(&out);
    assert_eq!(run2["sent"], 1, "{out}");
    let second: Vec<Value> =
        serde_json::from_str(&ok(tandem(&db).args(["ledger", &run2["run"].to_string()]))).unwrap();
    assert_eq!(second.len(), 1);
    assert_eq!(second[0]["email"], "sam@example.be");

    // Undo: Anne gets her subscription back.
    ok(tandem(&db).args([
        "mailbox",
        "undo",
        &find("unsubscribed", "anne@example.be").to_string(),
    ]));
    assert_eq!(contact(&db, "anne@example.be")["status"], "subscribed");
}

/// Messages for `n` contacts: an unsubscribe request with each one's token, and a
/// message for a person, alternately.
fn unsubscribe_requests(db: &Path, n: usize) -> Vec<Vec<u8>> {
    let contacts: Vec<Value> = (0..n)
        .map(|i| contact(db, &format!("reader{i}@example.be")))
        .collect();
    let mut out = Vec::new();
    for (i, c) in contacts.iter().enumerate() {
        out.push(
            format!(
                "From: reader{i}@example.be\r\nSubject: unsubscribe {}\r\nMessage-ID: <u{i}@example.be>\r\n\r\nThis message was automatically generated by Gmail.\r\n",
                c["unsubscribe_token"].as_str().unwrap()
            )
            .into_bytes(),
        );
        out.push(
            format!("From: someone{i}@example.be\r\nSubject: Question {i}\r\n\r\nBonjour\r\n")
                .into_bytes(),
        );
    }
    out
}

fn readers(n: usize) -> String {
    let mut csv = "email;language\n".to_owned();
    for i in 0..n {
        csv.push_str(&format!("reader{i}@example.be;fr\n"));
    }
    csv
}

fn log(db: &Path) -> Vec<Value> {
    serde_json::from_str(&ok(tandem(db).args(["mailbox", "log", "--limit", "100000"]))).unwrap()
}

#[test]
fn a_check_killed_midway_and_two_checks_at_once_act_on_each_message_exactly_once() {
    const N: usize = 150;
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = setup(dir.path(), &readers(2 * N));
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start().unwrap();
    let first = unsubscribe_requests(&db, N);
    dovecot.append(OFFICE, "INBOX", &first).unwrap();

    // kill -9 once the check has acted on a few messages (stderr lines).
    let mut child = check_cmd(&db, &dovecot)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        // Each line is printed after its message was committed.
        use std::io::BufRead;
        let stderr = child.stderr.take().unwrap();
        let mut lines = std::io::BufReader::new(stderr).lines();
        for _ in 0..20 {
            lines.next();
        }
        child.kill().unwrap();
        child.wait().unwrap();
    }
    let after_kill = log(&db).len();
    eprintln!("acted on {after_kill} of {} before the kill", 2 * N);
    assert!(
        after_kill >= 20,
        "the check was killed before it did anything ({after_kill})"
    );
    assert!(
        after_kill < 2 * N,
        "the check ended before the kill ({after_kill}): make N larger"
    );

    let (summary, _) = check(&db, &dovecot);
    assert_eq!(
        summary["read"].as_u64().unwrap() as usize,
        2 * N - after_kill,
        "{summary}"
    );

    // Two checks at once over new messages.
    let second: Vec<Vec<u8>> = unsubscribe_requests(&db, 2 * N).split_off(2 * N);
    dovecot.append(OFFICE, "INBOX", &second).unwrap();
    let a = check_cmd(&db, &dovecot)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let b = check_cmd(&db, &dovecot)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let read = |o: &std::process::Output| {
        last_json(&String::from_utf8_lossy(&o.stdout))["read"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        read(&a) + read(&b),
        2 * N as u64,
        "each message read by one of them"
    );

    // Every reader unsubscribed exactly once; every message recorded once; the requests
    // are in "Tandem", the rest in the inbox, nothing lost or doubled.
    let log = log(&db);
    assert_eq!(log.len(), 4 * N, "one action per message");
    let mut unsubscribed: Vec<&str> = log
        .iter()
        .filter(|a| a["kind"] == "unsubscribed")
        .map(|a| a["email"].as_str().unwrap())
        .collect();
    unsubscribed.sort_unstable();
    let expected: Vec<String> = (0..2 * N)
        .map(|i| format!("reader{i}@example.be"))
        .collect();
    let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(unsubscribed, expected);
    let moved = dovecot.messages(OFFICE, "Tandem").unwrap();
    let inbox = dovecot.messages(OFFICE, "INBOX").unwrap();
    assert_eq!((moved.len(), inbox.len()), (2 * N, 2 * N));
    let (again, _) = check(&db, &dovecot);
    assert_eq!(again["read"], 0);
}

#[test]
fn a_server_that_drops_the_connection_midway_loses_nothing_and_the_next_check_finishes() {
    const N: usize = 150;
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = setup(dir.path(), &readers(N));
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start().unwrap();
    dovecot
        .append(OFFICE, "INBOX", &unsubscribe_requests(&db, N))
        .unwrap();

    // The server cuts the session once the check has acted on a few messages.
    let mut child = check_cmd(&db, &dovecot)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    {
        use std::io::{BufRead, Read};
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap());
        for _ in 0..20 {
            lines.read_line(&mut stderr).unwrap();
        }
        dovecot.drop_connections().unwrap();
        lines.read_to_string(&mut stderr).unwrap();
    }
    let status = child.wait().unwrap();
    let after_cut = log(&db).len();
    eprintln!("acted on {after_cut} of {} before the cut", 2 * N);
    assert!(
        after_cut < 2 * N,
        "the check ended before the cut ({after_cut}): make N larger"
    );
    assert!(!status.success(), "a cut check says so: {stderr}");
    assert!(
        stderr.contains("connection to the mail server was cut"),
        "the error says what happened: {stderr}"
    );
    // What was done before the cut stays done.
    assert!(after_cut >= 20, "{after_cut}");
    let unsubscribed = |db: &Path| {
        log(db)
            .iter()
            .filter(|a| a["kind"] == "unsubscribed")
            .count()
    };
    let before = unsubscribed(&db);
    assert!(before >= 10, "{before}");
    let logged_now = log(&db);
    for i in 0..N {
        let c = contact(&db, &format!("reader{i}@example.be"));
        let logged = logged_now
            .iter()
            .any(|a| a["kind"] == "unsubscribed" && a["email"] == format!("reader{i}@example.be"));
        assert_eq!(c["status"] == "unsubscribed", logged, "reader{i}: {c}");
    }

    // The next check reads only the rest, and moves what the cut one did not.
    let (summary, _) = check(&db, &dovecot);
    assert_eq!(
        summary["read"].as_u64().unwrap() as usize,
        2 * N - after_cut,
        "{summary}"
    );
    assert_eq!(unsubscribed(&db), N);
    assert_eq!(log(&db).len(), 2 * N, "one action per message");
    let moved = dovecot.messages(OFFICE, "Tandem").unwrap();
    let inbox = dovecot.messages(OFFICE, "INBOX").unwrap();
    assert_eq!(
        (moved.len(), inbox.len()),
        (N, N),
        "nothing lost or doubled"
    );
}

#[test]
fn a_server_without_move_gets_copy_and_delete_and_bad_settings_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = setup(dir.path(), &readers(3));
    let dovecot = Dovecot::builder()
        .user(OFFICE, PASSWORD)
        .without_move()
        .start()
        .unwrap();
    dovecot
        .append(OFFICE, "INBOX", &unsubscribe_requests(&db, 3))
        .unwrap();

    // A wrong password, an untrusted certificate: a plain message, nothing changed.
    let out = run(check_cmd(&db, &dovecot).env("TANDEM_IMAP_PASSWORD", "wrong"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused the login"), "{err}");
    let out = run(tandem(&db).env("TANDEM_IMAP_PASSWORD", PASSWORD).args([
        "mailbox",
        "check",
        "--imap",
        &imap_url(&dovecot),
    ]));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("certificate is not trusted"), "{err}");
    let out = run(tandem(&db)
        .args([
            "mailbox",
            "check",
            "--imap",
            &format!(
                "imaps://office%40example.org@127.0.0.1:{}",
                tandem_testkit::free_port()
            ),
        ])
        .env("TANDEM_IMAP_PASSWORD", PASSWORD));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be reached"));
    let out = run(tandem(&db)
        .args([
            "mailbox",
            "check",
            "--imap",
            "imap://office@mail.example.org?tls=none",
        ])
        .env("TANDEM_IMAP_PASSWORD", PASSWORD));
    assert!(String::from_utf8_lossy(&out.stderr).contains("without encryption"));
    // A server that takes the connection and then says nothing: given up after the
    // time limit, with a message saying so.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let out = run_bounded(
        tandem(&db)
            .env("TANDEM_IMAP_PASSWORD", PASSWORD)
            .args(["mailbox", "check", "--timeout", "2", "--imap"])
            .arg(format!(
                "imaps://office%40example.org@127.0.0.1:{}",
                silent.local_addr().unwrap().port()
            )),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stopped answering"), "{err}");
    assert!(log(&db).is_empty());
    assert_eq!(contact(&db, "reader0@example.be")["status"], "subscribed");

    // Pinning the server's certificate instead of trusting its CA works too.
    let out = ok(tandem(&db).env("TANDEM_IMAP_PASSWORD", PASSWORD).args([
        "mailbox",
        "check",
        "--imap",
        &imap_url(&dovecot),
        "--pin-cert",
        &dovecot.certificate().sha256,
    ]));
    let summary = last_json(&out);
    assert_eq!(
        (
            summary["read"].as_u64(),
            summary["unsubscribed"].as_u64(),
            summary["moved"].as_u64()
        ),
        (Some(6), Some(3), Some(3)),
        "{summary}"
    );
    let moved = dovecot.messages(OFFICE, "Tandem").unwrap();
    let inbox = dovecot.messages(OFFICE, "INBOX").unwrap();
    assert_eq!(
        (moved.len(), inbox.len()),
        (3, 3),
        "copied, then removed from the inbox"
    );
    assert!(inbox.iter().all(|m| !m.deleted));
}

#[test]
fn a_folder_with_an_accented_name_is_read_and_a_missing_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = setup(dir.path(), &readers(2));
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start().unwrap();
    // A rule of the mailbox files replies in "Non distribués": IMAP names it in
    // modified UTF-7, as a mail program creates it.
    dovecot
        .append(OFFICE, "Non distribu&AOk-s", &unsubscribe_requests(&db, 2))
        .unwrap();
    let out = ok(check_cmd(&db, &dovecot).args(["--folder", "Non distribués"]));
    let summary = last_json(&out);
    assert_eq!(
        (summary["read"].as_u64(), summary["unsubscribed"].as_u64()),
        (Some(4), Some(2)),
        "{summary}"
    );
    let left = dovecot.messages(OFFICE, "Non distribu&AOk-s").unwrap();
    assert_eq!(left.len(), 2, "the questions stay where they were");
    assert_eq!(dovecot.messages(OFFICE, "Tandem").unwrap().len(), 2);

    // A folder that is not there: named, nothing changed.
    let out = run(check_cmd(&db, &dovecot).args(["--folder", "Retours"]));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no folder \"Retours\""), "{err}");
    assert_eq!(log(&db).len(), 4);
}

#[test]
fn a_signed_in_account_reads_the_mailbox_with_xoauth2_and_a_withdrawn_sign_in_says_sign_in_again() {
    let oauth = tandem_testkit::OAuthServer::start(3600, OFFICE).unwrap();
    let dovecot = Dovecot::builder()
        .user(OFFICE, PASSWORD)
        .xoauth2(&oauth.introspect_url())
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = setup(dir.path(), &readers(2));
    dovecot
        .append(OFFICE, "INBOX", &unsubscribe_requests(&db, 2))
        .unwrap();
    // No keychain here: the sign-in goes to a private file, with consent.
    let no_keychain = |cmd: &mut Command| {
        cmd.env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/tandem-test-bus",
        );
    };
    let mut login = tandem(&db);
    no_keychain(&mut login);
    login_args(&mut login, &oauth.issuer());
    login
        .args(["--device", "--allow-file"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = login.spawn().unwrap();
    use std::io::BufRead;
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let code = loop {
        let line = lines.next().expect("the login printed no code").unwrap();
        if let Some(code) = line.strip_prefix("code: ") {
            break code.trim().to_owned();
        }
    };
    oauth.approve(&code).unwrap();
    let out = child.wait_with_output().unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(out.status.success(), "{rest:?}");

    let xoauth2 = |db: &Path| {
        let mut cmd = tandem(db);
        no_keychain(&mut cmd);
        cmd.args([
            "mailbox",
            "check",
            "--auth",
            "xoauth2",
            "--imap",
            &imap_url(&dovecot),
            "--ca-cert",
        ])
        .arg(&dovecot.certificate().ca_pem);
        cmd
    };
    let summary = last_json(&ok(&mut xoauth2(&db)));
    assert_eq!(summary["unsubscribed"], 2, "{summary}\n{}", dovecot.log());
    assert!(
        dovecot.log().contains("method=XOAUTH2"),
        "{}",
        dovecot.log()
    );
    assert_eq!(oauth.stats().unwrap()["introspect_active"], 1);

    // The sign-in withdrawn (password changed, admin revoked): the check says to sign
    // in again, and nothing was read.
    oauth.revoke().unwrap();
    dovecot
        .append(OFFICE, "INBOX", &unsubscribe_requests(&db, 2))
        .unwrap();
    let out = run(&mut xoauth2(&db));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sign in again"), "{err}");
    assert_eq!(log(&db).len(), 4, "the first check's four actions only");
}

/// The office's inbox already holds years of mail when the mailbox is first set up: a
/// bounce about Anne from the mail-merge days and Jan's old request in words. Only what
/// arrived since Tandem's first send is read (a day earlier, for time zones): Anne
/// stays subscribed, nothing waits for confirmation, the old mail stays in the INBOX
/// unread; Sam's unsubscribe after the send is acted on, and the next check has
/// nothing new.
#[test]
fn mail_from_before_the_first_send_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(
        dir.path(),
        "email;language\nanne@example.be;fr\njan@example.be;nl\nsam@example.be;both\n",
    );
    let smtp = tandem_testkit::Aiosmtpd::builder().start().unwrap();
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start().unwrap();
    let old = [
        fixture("exchange-online-ndr.eml")
            .replace("{{RECIPIENT}}", "anne@example.be")
            .replace("{{MESSAGE_ID}}", "mailmerge-2023@example.org")
            .into_bytes(),
        fixture("unsubscribe-words-only.eml")
            .replace("{{SENDER}}", "Jan <jan@example.be>")
            .into_bytes(),
    ];
    dovecot
        .append_received(OFFICE, "INBOX", &old, Some("2023-03-15T10:00:00+01:00"))
        .unwrap();
    ok(tandem(&db)
        .args(["send", &issue.to_string(), "--smtp"])
        .arg(format!("smtp://127.0.0.1:{}", smtp.port()))
        .args(["--from", "Plate-forme Mineurs en exil <office@example.org>"]));
    let token = contact(&db, "sam@example.be")["unsubscribe_token"]
        .as_str()
        .unwrap()
        .to_owned();
    dovecot
        .append(
            OFFICE,
            "INBOX",
            &[fixture("unsubscribe-with-token.eml")
                .replace("{{SENDER}}", "Sam <sam@example.be>")
                .replace("{{TOKEN}}", &token)
                .into_bytes()],
        )
        .unwrap();

    let (summary, _) = check(&db, &dovecot);
    assert_eq!(
        (
            &summary["read"],
            &summary["unsubscribed"],
            &summary["bounced"],
            &summary["to_confirm"]
        ),
        (
            &Value::from(1),
            &Value::from(1),
            &Value::from(0),
            &Value::from(0)
        ),
        "{summary}"
    );
    assert_eq!(contact(&db, "anne@example.be")["status"], "subscribed");
    assert_eq!(contact(&db, "jan@example.be")["status"], "subscribed");
    assert_eq!(contact(&db, "sam@example.be")["status"], "unsubscribed");
    assert_eq!(log(&db).len(), 1, "only Sam's request is in the log");
    let inbox = dovecot.messages(OFFICE, "INBOX").unwrap();
    assert_eq!(inbox.len(), 2, "the old mail stays");
    assert!(inbox.iter().all(|m| !m.seen), "and stays unread");
    let (again, _) = check(&db, &dovecot);
    assert_eq!(again["read"], 0, "{again}");
}
