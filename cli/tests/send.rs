//! `tandem send` against real SMTP servers on 127.0.0.1 (aiosmtpd, postfix's
//! smtp-sink): delivery, faults, kills, the rate limit. Every received message is parsed
//! by Python's `email` package, not by us.

use std::collections::HashMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

mod common;

use common::*;
use serde_json::Value;
use tandem_testkit::{check_mime, Aiosmtpd, SmtpSink};

#[test]
fn each_contact_gets_exactly_one_message_in_their_edition_over_starttls_and_auth() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(
        dir.path(),
        "email;prénom;nom;langue\n\
         anne@example.be;Anne;Dubois;fr\n\
         jan@example.be;Jan;Peeters;nl\n\
         sam@example.be;Sam;Janssens;fr/nl\n\
         gone@example.be;Gone;Away;fr\n",
    );
    ok(tandem(&db).args(["contacts", "unsubscribe", "gone@example.be"]));
    let server = Aiosmtpd::builder()
        .starttls()
        .auth("newsletter@example.org", "s3cret")
        .start()
        .unwrap();
    let ca = &server.certificate().unwrap().ca_pem;
    let url = format!(
        "smtp://newsletter%40example.org@127.0.0.1:{}?tls=required",
        server.port()
    );
    let out = ok(tandem(&db)
        .env("TANDEM_SMTP_PASSWORD", "s3cret")
        .args(["send", &issue.to_string(), "--smtp", &url, "--ca-cert"])
        .arg(ca)
        .args([
            "--from",
            "Plate-forme Mineurs en exil <newsletter@example.org>",
        ])
        .arg("--greeting"));
    let summary = last_json(&out);
    assert_eq!(summary["sent"], 3, "{summary}");
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["pending"], 0);

    let received = server.wait_for_messages(3, Duration::from_secs(5)).unwrap();
    let mut rcpts: Vec<String> = received.iter().flat_map(|m| m.rcpt_to.clone()).collect();
    rcpts.sort();
    assert_eq!(
        rcpts,
        ["anne@example.be", "jan@example.be", "sam@example.be"]
    );

    let reports = check_mime(server.maildir()).unwrap();
    let ledger = by_email(&ledger(&db));
    for report in reports.as_array().unwrap() {
        assert_eq!(report["problems"], serde_json::json!([]), "{report}");
        let to = report["to"].as_str().unwrap();
        let email = to.split('<').nth(1).unwrap().trim_end_matches('>');
        let row = &ledger[email];
        assert_eq!(row["status"], "sent");
        assert_eq!(
            report["message_id"], row["message_id"],
            "the ledger keeps the Message-ID"
        );
        // One image, encoded once per message as an inline CID part the HTML refers to.
        assert_eq!(
            report["cids"],
            serde_json::json!(["logo.png@tandem"]),
            "{report}"
        );
        assert_eq!(report["images"].as_array().unwrap().len(), 1);
        assert!(report["list_unsubscribe"]
            .as_str()
            .unwrap()
            .starts_with("<mailto:newsletter@example.org?subject=unsubscribe%20"));
        let (fr, nl) = (
            report["has_fr"].as_bool().unwrap(),
            report["has_nl"].as_bool().unwrap(),
        );
        match email {
            "anne@example.be" => {
                assert!(to.starts_with("Anne Dubois"), "{to}");
                assert_eq!((fr, nl), (true, false), "French edition: {report}");
                assert_eq!(report["greeting"], "Bonjour Anne Dubois,", "{report}");
            }
            "jan@example.be" => {
                assert_eq!((fr, nl), (false, true), "Dutch edition: {report}");
                assert_eq!(report["greeting"], "Beste Jan Peeters,", "{report}");
            }
            "sam@example.be" => {
                assert_eq!((fr, nl), (true, true), "bilingual edition: {report}");
                assert!(report["subject"].as_str().unwrap().contains(" | "));
            }
            other => panic!("unexpected recipient {other}"),
        }
    }

    // The issue is now marked sent (a test send would not have done that).
    let list = ok(tandem(&db).args(["issue", "list", "--json"]));
    let issues: Vec<Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(issues[0]["status"], "sent", "{list}");

    // A second `send --resume` finds nothing to do; a new send is a new run.
    let out = run(tandem(&db).args(["send", "--resume"]));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no unfinished send"));
}

#[test]
fn refusals_for_now_are_retried_refusals_for_good_are_kept_and_a_lost_ack_resends_once() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(
        dir.path(),
        "email,language\n\
         busy@example.be,fr\n\
         nobody@example.be,nl\n\
         flaky@example.be,nl\n\
         fine@example.be,fr\n",
    );
    let server = Aiosmtpd::builder()
        .fault("busy@example.be", &["450 4.2.1 Mailbox busy, try later"])
        .fault("nobody@example.be", &["550 5.1.1 No such user here"])
        .drop_after_data("flaky@example.be")
        .start()
        .unwrap();
    let url = format!("smtp://127.0.0.1:{}", server.port());
    let out = run(tandem(&db).args([
        "send",
        &issue.to_string(),
        "--smtp",
        &url,
        "--from",
        "PMO <info@example.org>",
        "--retry-after",
        "0",
        "--max-attempts",
        "3",
    ]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = last_json(&stdout);
    // flaky: stored every time, the acknowledgement always lost → gives up after 3.
    assert_eq!(summary["pending"], 0, "{summary}");

    let rows = by_email(&ledger(&db));
    assert_eq!(rows["busy@example.be"]["status"], "sent");
    assert_eq!(rows["busy@example.be"]["attempts"], 2);
    assert_eq!(rows["fine@example.be"]["status"], "sent");
    assert_eq!(rows["fine@example.be"]["attempts"], 1);
    assert_eq!(rows["nobody@example.be"]["status"], "failed");
    assert_eq!(rows["nobody@example.be"]["attempts"], 1);
    let reply = rows["nobody@example.be"]["reply"].as_str().unwrap();
    assert!(
        reply.starts_with("550") && reply.contains("No such user"),
        "{reply}"
    );
    // "No such user" means the address is wrong: the contact is marked bounced.
    let shown: Value = serde_json::from_str(&ok(tandem(&db).args([
        "contacts",
        "show",
        "nobody@example.be",
        "--json",
    ])))
    .unwrap();
    assert_eq!(shown["status"], "bounced");
    let flaky = &rows["flaky@example.be"];
    assert_eq!(flaky["status"], "failed");
    assert_eq!(flaky["attempts"], 3);

    let received = server.messages().unwrap();
    let count = |who: &str| {
        received
            .iter()
            .filter(|m| m.rcpt_to.iter().any(|r| r == who))
            .count()
    };
    assert_eq!(count("busy@example.be"), 1);
    assert_eq!(count("fine@example.be"), 1);
    assert_eq!(count("nobody@example.be"), 0);
    // Each lost acknowledgement is one copy the server kept: that is the only doubling.
    assert_eq!(count("flaky@example.be"), 3);
}

#[test]
fn a_wrong_password_an_untrusted_certificate_and_no_server_stop_before_anything_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), "email,language\nanne@example.be,fr\n");
    let server = Aiosmtpd::builder()
        .starttls()
        .auth("newsletter@example.org", "s3cret")
        .start()
        .unwrap();
    let url = format!(
        "smtp://newsletter%40example.org@127.0.0.1:{}?tls=required",
        server.port()
    );
    let send = |password: &str, ca: Option<&Path>, url: &str| {
        let mut cmd = tandem(&db);
        cmd.env("TANDEM_SMTP_PASSWORD", password).args([
            "send",
            &issue.to_string(),
            "--smtp",
            url,
            "--from",
            "PMO <newsletter@example.org>",
        ]);
        if let Some(ca) = ca {
            cmd.arg("--ca-cert").arg(ca);
        }
        run(&mut cmd)
    };
    let ca = server.certificate().unwrap().ca_pem.clone();

    let out = send("wrong", Some(&ca), &url);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refused") && err.contains("535"), "{err}");

    let out = send("s3cret", None, &url);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("certificate is not trusted"), "{err}");

    let closed = tandem_testkit::free_port();
    let out = send("s3cret", Some(&ca), &format!("smtp://127.0.0.1:{closed}"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be reached"), "{err}");

    // Plain text to another computer is refused outright.
    let out = send("s3cret", None, "smtp://mail.example.org:25");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("without encryption"));

    assert!(server.messages().unwrap().is_empty());
    let out = run(tandem(&db).args(["ledger"]));
    assert!(!out.status.success(), "no send was recorded");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing has been sent yet"));
}

fn contacts_csv(n: usize) -> String {
    let mut csv = String::from("email,language\n");
    for i in 0..n {
        let lang = ["fr", "nl", "both"][i % 3];
        csv.push_str(&format!("reader{i:05}@example.be,{lang}\n"));
    }
    csv
}

#[test]
fn a_server_that_crashes_mid_run_is_waited_for_and_the_send_completes_when_it_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), &contacts_csv(30));
    // smtp-sink exits at its 10th message: a server crash in the middle of a send.
    let mut sink = SmtpSink::builder().flags(["-M", "10"]).start().unwrap();
    let port = sink.port();
    let child = tandem(&db)
        .args([
            "send",
            &issue.to_string(),
            "--smtp",
            &format!("smtp://127.0.0.1:{port}"),
            "--from",
            "PMO <info@example.org>",
            "--concurrency",
            "1",
            "--retry-after",
            "0",
            "--give-up-after",
            "60",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while sink.is_running() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!sink.is_running(), "smtp-sink stopped at its 10th message");
    // Down for a moment, then a server comes back on the same port.
    std::thread::sleep(Duration::from_millis(1500));
    let server = Aiosmtpd::builder().port(port).start().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = last_json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        (summary["sent"].as_u64(), summary["pending"].as_u64()),
        (Some(30), Some(0)),
        "{summary}"
    );
    let received = server.messages().unwrap();
    // smtp-sink took 9 (the 10th may or may not count as sent); the rest came here, once.
    assert!((20..=21).contains(&received.len()), "{}", received.len());
    let mut seen: Vec<String> = received.iter().flat_map(|m| m.rcpt_to.clone()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen.len(),
        received.len(),
        "nobody got two copies from the second server"
    );
}

#[test]
fn a_stalling_server_times_out_and_the_recipient_is_failed_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), "email,language\nanne@example.be,fr\n");
    // Waits 30 s before answering DATA.
    let sink = SmtpSink::builder().flags(["-w", "30"]).start().unwrap();
    let out = run_bounded(tandem(&db).args([
        "send",
        &issue.to_string(),
        "--smtp",
        &format!("smtp://127.0.0.1:{}", sink.port()),
        "--from",
        "PMO <info@example.org>",
        "--timeout",
        "1",
        "--retry-after",
        "0",
        "--max-attempts",
        "2",
    ]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = ledger(&db);
    assert_eq!(rows[0]["status"], "failed");
    assert_eq!(rows[0]["attempts"], 2);
    let reply = rows[0]["reply"].as_str().unwrap().to_lowercase();
    assert!(
        reply.contains("timed out") || reply.contains("timeout"),
        "{reply}"
    );
}

#[test]
fn kill_9_at_random_moments_then_resume_delivers_everyone_with_few_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let n = 1500;
    let (db, issue) = setup(dir.path(), &contacts_csv(n));
    let server = Aiosmtpd::builder().start().unwrap();
    let url = format!("smtp://127.0.0.1:{}", server.port());
    let concurrency = 4;
    let mut rng = tandem_testkit::seed().max(1);
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let send = |resume: bool| {
        let mut cmd = tandem(&db);
        cmd.args(["send"]);
        if resume {
            cmd.arg("--resume");
        } else {
            cmd.arg(issue.to_string());
        }
        cmd.args(["--smtp", &url, "--from", "PMO <info@example.org>"])
            .args(["--concurrency", &concurrency.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd.spawn().unwrap()
    };
    let kills = 3;
    let mut before = 0;
    for k in 0..kills {
        let mut child = send(k > 0);
        // Wait until it is sending, then kill it at a random moment.
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.messages().unwrap().len() <= before && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(100 + next() % 700));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        before = server.messages().unwrap().len();
        eprintln!("kill {}: {before} messages received", k + 1);
        assert!(
            before < n,
            "the send was killed before it finished (raise n otherwise)"
        );
    }
    let out = send(true).wait_with_output().unwrap();
    assert!(out.status.success());
    let rows = ledger(&db);
    assert_eq!(rows.len(), n);
    assert!(
        rows.iter().all(|r| r["status"] == "sent"),
        "everyone is marked sent"
    );

    let received = server.messages().unwrap();
    let mut copies: HashMap<String, usize> = HashMap::new();
    for m in &received {
        for r in &m.rcpt_to {
            *copies.entry(r.clone()).or_default() += 1;
        }
    }
    assert_eq!(copies.len(), n, "every recipient got the newsletter");
    let duplicates: usize = copies.values().map(|c| c - 1).sum();
    eprintln!(
        "{} messages for {n} recipients: {duplicates} duplicates",
        received.len()
    );
    assert!(
        duplicates <= concurrency * kills,
        "{duplicates} duplicates for {kills} kills at concurrency {concurrency}"
    );
}

/// A small organisation's own server with a self-signed certificate: refused until the
/// user pins that exact certificate; then delivered; a different certificate later is
/// refused before the password or any message is sent, and the send can be resumed once
/// the user decides.
#[test]
fn a_self_signed_server_is_used_only_with_its_pinned_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), &contacts_csv(3));
    let server = Aiosmtpd::builder()
        .self_signed()
        .auth("newsletter@example.org", "s3cret")
        .start()
        .unwrap();
    let port = server.port();
    let url = format!("smtp://newsletter%40example.org@127.0.0.1:{port}?tls=required");
    let pin = server.certificate().unwrap().sha256.clone();
    let send = |extra: &[&str]| {
        run(tandem(&db)
            .env("TANDEM_SMTP_PASSWORD", "s3cret")
            .args(["send", &issue.to_string(), "--smtp", &url])
            .args(["--from", "PMO <newsletter@example.org>"])
            .args(extra))
    };

    // Not pinned (even given as the CA file: rustls refuses a CA as end entity).
    let ca = server.certificate().unwrap().ca_pem.display().to_string();
    for extra in [&[][..], &["--ca-cert", &ca][..]] {
        let out = send(extra);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        let colons = pin
            .as_bytes()
            .chunks(2)
            .map(|c| std::str::from_utf8(c).unwrap().to_uppercase())
            .collect::<Vec<_>>()
            .join(":");
        assert!(err.contains("certificate is not trusted"), "{err}");
        assert!(err.contains(&colons), "the fingerprint is shown: {err}");
        assert!(
            err.contains("mail.asbl-exemple.be"),
            "the subject is shown: {err}"
        );
        assert!(err.contains(&format!("--pin-cert {pin}")), "{err}");
    }
    assert_eq!(server.count().unwrap(), 0);
    assert!(run(tandem(&db).args(["ledger"]))
        .stderr
        .starts_with(b"tandem: nothing"));

    // Pinned (as people copy it: upper case with colons): delivered.
    let typed = pin.to_uppercase();
    let out = send(&["--pin-cert", &typed]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.count().unwrap(), 3);
    let run_id = last_json(&String::from_utf8_lossy(&out.stdout))["run"]
        .as_i64()
        .unwrap();

    // The certificate changes (same address, new self-signed certificate): refused, and
    // the password never reaches the server.
    drop(server);
    let other = Aiosmtpd::builder()
        .self_signed()
        .auth("newsletter@example.org", "s3cret")
        .port(port)
        .start()
        .unwrap();
    assert_ne!(other.certificate().unwrap().sha256, pin);
    let out = send(&["--pin-cert", &pin]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not the one you chose to trust"), "{err}");
    assert_eq!(other.count().unwrap(), 0);
    let store = tandem_core::store::Store::open(&db).unwrap();
    assert_eq!(store.runs().unwrap().len(), 1, "no new send was recorded");
    // The recorded send keeps its pin.
    match store.run(run_id).unwrap().destination.unwrap() {
        tandem_core::send::Destination::Smtp { pinned_cert, .. } => assert_eq!(pinned_cert, pin),
        other => panic!("{other:?}"),
    }
    let _ = other.messages().unwrap();
}

/// The issue's reproduction: a send through a server is killed (kill -9), then resumed
/// with a bare `tandem send --resume`, with no server saved in the settings. Earlier
/// versions wrote the rest to the outbox folder and marked it "sent".
#[test]
fn a_bare_resume_delivers_where_the_send_started_and_never_to_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let n = 1500;
    let (db, issue) = setup(dir.path(), &contacts_csv(n));
    let server = Aiosmtpd::builder().start().unwrap();
    let url = format!("smtp://127.0.0.1:{}", server.port());
    let concurrency = 4;
    let mut child = tandem(&db)
        .args(["send", &issue.to_string(), "--smtp", &url])
        .args(["--from", "PMO <info@example.org>", "--concurrency", "4"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.count().unwrap() < 150 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let before = server.count().unwrap();
    eprintln!("killed after {before} deliveries");
    assert!(
        (150..n).contains(&before),
        "killed mid-send ({before} of {n})"
    );

    let out = run(tandem(&db).args(["send", "--resume"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("sending through 127.0.0.1:{}", server.port())),
        "{stderr}"
    );
    let summary = last_json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(summary["outbox"], 0, "{summary}");
    assert_eq!(summary["pending"], 0, "{summary}");
    assert!(
        !dir.path().join("outbox").exists(),
        "nothing went to the outbox"
    );

    let rows = ledger(&db);
    assert_eq!(rows.len(), n);
    assert!(rows.iter().all(|r| r["status"] == "sent"));
    let received = server.messages().unwrap();
    let mut copies: HashMap<String, usize> = HashMap::new();
    for m in &received {
        for r in &m.rcpt_to {
            *copies.entry(r.clone()).or_default() += 1;
        }
    }
    assert_eq!(copies.len(), n, "every recipient reached the server");
    let duplicates: usize = copies.values().map(|c| c - 1).sum();
    eprintln!(
        "{} messages for {n}: {duplicates} duplicates",
        received.len()
    );
    assert!(duplicates <= concurrency, "{duplicates} duplicates");
}

/// The outbox is a status of its own, never "sent"; sending the rest of a run elsewhere
/// happens only when asked on the command line, and is recorded.
#[test]
fn the_outbox_is_not_delivery_and_a_change_of_destination_must_be_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), &contacts_csv(6));
    let outbox = dir.path().join("elsewhere");
    let store = || tandem_core::store::Store::open(&db).unwrap();
    // 2 a day: two files, then the send waits for tomorrow and is stopped.
    let mut child = tandem(&db)
        .args(["send", &issue.to_string(), "--outbox"])
        .arg(&outbox)
        .args(["--rate", "2/day"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while store().runs().unwrap().first().is_none_or(|r| r.outbox < 2) {
        assert!(
            Instant::now() < deadline,
            "two messages written within a minute"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let info = store().runs().unwrap()[0].clone();
    assert_eq!(
        (info.sent, info.outbox, info.pending),
        (0, 2, 4),
        "{info:?}"
    );
    let rows = ledger(&db);
    assert_eq!(
        rows.iter().filter(|r| r["status"] == "outbox").count(),
        2,
        "{rows:?}"
    );
    let csv = ok(tandem(&db).args(["ledger", "--format", "csv"]));
    assert_eq!(csv.matches(",outbox,").count(), 2, "{csv}");

    // A server now exists; a bare resume still goes to the folder where the send started
    // (it says so, then waits for the day's limit: stopped there).
    let server = Aiosmtpd::builder().start().unwrap();
    let url = format!("smtp://127.0.0.1:{}", server.port());
    let mut child = tandem(&db)
        .args(["send", "--resume", "--rate", "2/day"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let mut said = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(30)) {
        let done = line.contains("writing .eml files to");
        said.push(line);
        if done {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        said.last()
            .is_some_and(|l| l.contains(&outbox.display().to_string())),
        "{said:?}"
    );
    assert_eq!(server.count().unwrap(), 0);

    // Said on the command line: the rest goes to the server, and the change is noted.
    let out = run(tandem(&db).args(["send", "--resume", "--smtp", &url]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("now going through 127.0.0.1"), "{stderr}");
    let summary = last_json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        (summary["sent"].as_u64(), summary["outbox"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(server.count().unwrap(), 4);
    let store = store();
    let run_id = store.runs().unwrap()[0].id;
    let changes = store.run_destination_changes(run_id).unwrap();
    assert_eq!(changes.len(), 1);
    assert!(changes[0].1.as_ref().unwrap().is_outbox());
    assert!(!changes[0].2.as_ref().unwrap().is_outbox());
    // A run that only reached a folder does not mark the issue sent; this one did reach
    // a server.
    let summary = store.issues().unwrap();
    let status = &summary.iter().find(|i| i.id == issue).unwrap().status;
    assert_eq!(*status, tandem_core::model::IssueStatus::Sent);
}

#[test]
fn the_rate_limit_holds_over_any_window_and_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), &contacts_csv(10));
    let outbox = dir.path().join("outbox");
    let send = |extra: &[&str]| {
        let mut cmd = tandem(&db);
        cmd.arg("send").args(extra).arg("--outbox").arg(&outbox);
        cmd.args(["--rate", "4/s", "--concurrency", "2"]);
        ok(&mut cmd)
    };
    send(&[&issue.to_string()]);
    // A second send right after (a new process: only the database remembers the first).
    send(&[&issue.to_string(), "--test", "test@example.org"]);
    let mut times: Vec<i64> = Vec::new();
    let runs = ok(tandem(&db).args(["ledger", "1"]));
    let test_run = ok(tandem(&db).args(["ledger", "2"]));
    for out in [runs, test_run] {
        for row in serde_json::from_str::<Vec<Value>>(out.trim()).unwrap() {
            times.push(row["last_attempt_at"].as_i64().unwrap());
        }
    }
    times.sort();
    assert_eq!(times.len(), 11);
    for (i, &t) in times.iter().enumerate() {
        let inside = times[i..].iter().take_while(|&&u| u < t + 1000).count();
        assert!(
            inside <= 4,
            "{inside} messages in the second from {t}: {times:?}"
        );
    }
    // 11 messages at 4 a second need at least two full seconds.
    assert!(times[10] - times[0] >= 2000, "{times:?}");
}

#[test]
fn an_incomplete_issue_and_a_sender_with_a_line_break_are_refused_before_anything_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = setup(dir.path(), "email,language\nanne@example.be,fr\n");
    // The same sample with one Dutch title removed: that block misses a language.
    let mut issue: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("core/src/sample/issue.json")).unwrap(),
    )
    .unwrap();
    let block = issue["blocks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|b| b["kind"] == "article")
        .unwrap();
    block["title"]["nl"] = Value::String(String::new());
    let file = dir.path().join("incomplete.json");
    std::fs::write(&file, issue.to_string()).unwrap();
    let out = ok(tandem(&db).args(["issue", "import"]).arg(&file));
    let incomplete: i64 = out.lines().last().unwrap().trim().parse().unwrap();
    let outbox = dir.path().join("outbox");

    let out = run(tandem(&db)
        .args(["send", &incomplete.to_string(), "--outbox"])
        .arg(&outbox));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("incomplete"), "{err}");

    // A header injection attempt in the sender is refused, not folded into the message.
    let out = run(tandem(&db)
        .args([
            "send",
            "1",
            "--from",
            "PMO <info@example.org>\r\nBcc: all@example.org",
        ])
        .arg("--outbox")
        .arg(&outbox));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid sender"));
    assert!(!outbox.exists(), "nothing was written");
}
