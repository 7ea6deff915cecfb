//! `cargo xtask bench`, mailbox: the release `tandem mailbox check` reading 2,000 new
//! messages (bounces, unsubscribe requests, replies) from a real Dovecot on 127.0.0.1,
//! against Python's imaplib fetching the same messages in the same batches with nothing
//! parsed, recorded or moved (the IMAP transfer alone); a check with nothing new against
//! imaplib's login + SELECT; peak memory for 500 vs 2,000 messages. Best of three.
//! Prints figures and ratios, asserts nothing but that the check did its work.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{ok, root};
use tandem_testkit::{run_measuring_peak, Dovecot};

const MESSAGES: usize = 2_000;
const ROUNDS: usize = 3;
const PASSWORD: &str = "bench-s3cret";

/// The CLI, with the mailbox password in its environment.
fn tandem(db: &Path) -> Command {
    let mut cmd = common::tandem(db);
    cmd.env("TANDEM_IMAP_PASSWORD", PASSWORD);
    cmd
}

/// A database with `n` contacts, each sent the sample issue (to the outbox folder: the
/// ledger has their Message-IDs); their tokens and Message-IDs.
fn database(dir: &Path, name: &str, n: usize) -> (PathBuf, Vec<(String, String, String)>) {
    let db = dir.join(format!("{name}.sqlite3"));
    ok(tandem(&db)
        .args(["issue", "import"])
        .arg(root().join("core/src/sample/issue.json")));
    let mut csv = String::from("email,language\n");
    for i in 0..n {
        csv.push_str(&format!("reader{i:05}@example.be,fr\n"));
    }
    let file = dir.join(format!("{name}.csv"));
    std::fs::write(&file, csv).unwrap();
    ok(tandem(&db).args(["contacts", "import"]).arg(&file));
    ok(tandem(&db)
        .args([
            "send",
            "1",
            "--from",
            "PMO <office@example.org>",
            "--outbox",
        ])
        .arg(dir.join(format!("{name}-outbox"))));
    let ledger: serde_json::Value = serde_json::from_str(&ok(tandem(&db).arg("ledger"))).unwrap();
    let conn = contact_tokens(&db);
    let rows = ledger
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let email = r["email"].as_str().unwrap().to_owned();
            let id = r["message_id"]
                .as_str()
                .unwrap()
                .trim_matches(['<', '>'])
                .to_owned();
            let token = conn.iter().find(|(e, _)| *e == email).unwrap().1.clone();
            (email, id, token)
        })
        .collect();
    (db, rows)
}

/// Every contact's unsubscribe token (`contacts export` leaves them out on purpose).
fn contact_tokens(db: &Path) -> Vec<(String, String)> {
    let out = ok(Command::new("sqlite3")
        .arg(db)
        .arg("SELECT email, unsubscribe_token FROM contacts"));
    out.lines()
        .filter_map(|l| l.split_once('|'))
        .map(|(e, t)| (e.to_owned(), t.to_owned()))
        .collect()
}

/// `n` messages: one in five a real Postfix bounce, one in five an unsubscribe request,
/// the rest replies of a few kilobytes.
fn messages(rows: &[(String, String, String)], n: usize) -> Vec<Vec<u8>> {
    let dsn =
        std::fs::read_to_string(root().join("core/tests/fixtures/mail/postfix-unknown-user.eml"))
            .unwrap();
    let reply_body =
        "Merci pour la lettre d'information. Nous transmettons à nos équipes.\r\n".repeat(40);
    (0..n)
        .map(|i| {
            let (email, id, token) = &rows[i % rows.len()];
            match i % 5 {
                0 => dsn
                    .replace("ghost@example.org", email)
                    .replace("fixture-message-id@tandem.invalid", id)
                    .into_bytes(),
                1 => format!("From: {email}\r\nSubject: unsubscribe {token}\r\nMessage-ID: <u{i}@example.be>\r\n\r\nThis message was automatically generated.\r\n").into_bytes(),
                _ => format!("From: {email}\r\nSubject: Re: Lettre d'information {i}\r\nMessage-ID: <r{i}@example.be>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{reply_body}").into_bytes(),
            }
        })
        .collect()
}

fn check(db: &Path, dovecot: &Dovecot, user: &str) -> Command {
    let mut cmd = tandem(db);
    cmd.args(["mailbox", "check", "--imap"])
        .arg(format!(
            "imaps://{}@127.0.0.1:{}",
            user.replace('@', "%40"),
            dovecot.port()
        ))
        .arg("--ca-cert")
        .arg(&dovecot.certificate().ca_pem);
    cmd
}

fn reference(dovecot: &Dovecot, user: &str) -> Duration {
    let start = Instant::now();
    let out = ok(Command::new("python3")
        .arg(root().join("testkit/py/imap_fetch.py"))
        .arg("127.0.0.1")
        .arg(dovecot.port().to_string())
        .arg(&dovecot.certificate().ca_pem)
        .args([user, PASSWORD]));
    let elapsed = start.elapsed();
    assert!(
        out.split_whitespace()
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
            == MESSAGES,
        "{out}"
    );
    elapsed
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let users: Vec<String> = (0..ROUNDS + 1)
        .map(|r| format!("office{r}@example.org"))
        .collect();
    let mut builder = Dovecot::builder();
    for u in &users {
        builder = builder.user(u, PASSWORD);
    }
    let dovecot = builder
        .start()
        .expect("dovecot (apt-get install dovecot-imapd)");
    let (_, rows) = database(dir.path(), "rows", MESSAGES);
    let mail = messages(&rows, MESSAGES);
    let bytes: usize = mail.iter().map(Vec::len).sum();
    for u in &users {
        dovecot.append(u, "INBOX", &mail).unwrap();
    }
    println!(
        "mailbox check: {MESSAGES} new messages ({:.1} MB: 400 Postfix bounces, 400 unsubscribe requests, 1,200 replies), Dovecot on 127.0.0.1, TLS",
        bytes as f64 / 1e6
    );

    let (mut ours, mut theirs, mut empty_ours, mut empty_theirs) = (vec![], vec![], vec![], vec![]);
    for (r, user) in users.iter().take(ROUNDS).enumerate() {
        let (db, _) = database(dir.path(), &format!("round{r}"), MESSAGES);
        reference(&dovecot, user); // warm the server's caches for both
        theirs.push(reference(&dovecot, user));
        let start = Instant::now();
        let out = ok(&mut check(&db, &dovecot, user));
        ours.push(start.elapsed());
        let summary: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(summary["read"], MESSAGES as u64, "{summary}");
        assert_eq!(summary["bounced"], 400, "{summary}");
        // Nothing new: Tandem's whole command vs imaplib's login + SELECT + logout.
        let start = Instant::now();
        let out = ok(&mut check(&db, &dovecot, user));
        empty_ours.push(start.elapsed());
        assert!(out.contains("\"read\":0"), "{out}");
        let start = Instant::now();
        ok(Command::new("python3").arg("-c").arg(format!(
            "import imaplib,ssl;i=imaplib.IMAP4_SSL('127.0.0.1',{},ssl_context=ssl.create_default_context(cafile='{}'));i.login('{user}','{PASSWORD}');i.select('INBOX');i.logout()",
            dovecot.port(),
            dovecot.certificate().ca_pem.display()
        )));
        empty_theirs.push(start.elapsed());
    }
    let best = |v: &[Duration]| v.iter().min().copied().unwrap();
    let (o, t) = (best(&ours), best(&theirs));
    println!(
        "  tandem mailbox check   {:>7.2} s  ({:.0} msg/s; goal: under 10 s)",
        o.as_secs_f64(),
        MESSAGES as f64 / o.as_secs_f64()
    );
    println!("  imaplib fetch only     {:>7.2} s", t.as_secs_f64());
    println!(
        "  ratio (tandem / fetch only): {:.2}x",
        o.as_secs_f64() / t.as_secs_f64()
    );
    let (eo, et) = (best(&empty_ours), best(&empty_theirs));
    println!(
        "  nothing new: tandem {:.0} ms (goal: under 300 ms), imaplib login+SELECT {:.0} ms, ratio {:.2}x",
        eo.as_secs_f64() * 1e3,
        et.as_secs_f64() * 1e3,
        eo.as_secs_f64() / et.as_secs_f64()
    );

    // Memory: a quarter of the messages vs all of them (fetched in batches of 100).
    let last = &users[ROUNDS];
    let (db, _) = database(dir.path(), "memory-all", MESSAGES);
    let (_, peak_all) = run_measuring_peak(check(&db, &dovecot, last));
    let dovecot_small = Dovecot::builder().user(last, PASSWORD).start().unwrap();
    dovecot_small
        .append(last, "INBOX", &mail[..MESSAGES / 4])
        .unwrap();
    let (db, _) = database(dir.path(), "memory-quarter", MESSAGES);
    let (_, peak_quarter) = run_measuring_peak(check(&db, &dovecot_small, last));
    println!(
        "  peak memory: {} messages {:.1} MiB, {MESSAGES} messages {:.1} MiB ({:+.0}%)",
        MESSAGES / 4,
        peak_quarter as f64 / 1024.0,
        peak_all as f64 / 1024.0,
        (peak_all as f64 / peak_quarter as f64 - 1.0) * 100.0
    );
}
