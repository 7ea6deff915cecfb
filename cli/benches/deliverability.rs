//! Preflight of the sample issue: `tandem preflight` (the sender's domain: MX, SPF with
//! its include, DKIM, DMARC; every link; the content) against a DNS server and a web
//! server on 127.0.0.1, beside curl asking the same links (HEAD, in parallel) — the
//! reference for the link part, which is all curl can do. Goal: under 1 s.
//! Then the round trip: `tandem send --test` to the mailbox's own address (aiosmtpd)
//! and `tandem deliverability arrival` finding it in Dovecot, the mailbox's own delay
//! (here: the test putting the message in) left out; beside Python's imaplib doing the
//! search and fetch alone. Goal: under 5 s.
//! Prints figures and ratios, asserts nothing but that the preflight did its work.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{ok, root, tandem};
use serde_json::json;
use tandem_testkit::{DnsServer, LinksServer};

const ROUNDS: usize = 5;

fn main() {
    let links = LinksServer::start().expect("python3");
    let dns = DnsServer::start(&json!({
        "links.test": {"A": ["127.0.0.1"]},
        "pmo.test": {"MX": [[0, "pmo-test.mail.protection.outlook.com"]],
            "TXT": [["v=spf1 include:spf.protection.outlook.com -all"]]},
        "spf.protection.outlook.com": {"TXT": [["v=spf1 ip4:40.92.0.0/15 -all"]]},
        "selector1._domainkey.pmo.test": {"TXT": [["v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq"]]},
        "_dmarc.pmo.test": {"TXT": [["v=DMARC1; p=quarantine"]]},
    }))
    .expect("dnslib");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    // The sample issue, its web links served on 127.0.0.1.
    let base = links.base("links.test");
    let sample = std::fs::read_to_string(root().join("core/src/sample/issue.json"))
        .unwrap()
        .replace("https://www.mineursenexil.be/", &format!("{base}/ok"));
    let file = dir.path().join("issue.json");
    std::fs::write(&file, sample).unwrap();
    let id = ok(tandem(&db).args(["issue", "import"]).arg(&file));
    let id = id.trim().to_owned();
    let urls: Vec<String> = vec![format!("{base}/ok")];
    println!(
        "preflight of the sample issue ({} web link, its mailto: link, the domain's MX/SPF/DKIM/DMARC), DNS and web servers on 127.0.0.1",
        urls.len()
    );

    let (mut ours, mut theirs) = (vec![], vec![]);
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let out = tandem(&db)
            .env("TANDEM_DNS", dns.addr())
            .args([
                "preflight",
                &id,
                "--from",
                "info@pmo.test",
                "--provider",
                "microsoft",
            ])
            .output()
            .unwrap();
        ours.push(start.elapsed());
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.contains(&"deliv-spf-ok") && codes.contains(&"deliv-link-ok"),
            "{report}"
        );

        let start = Instant::now();
        let mut curl = Command::new("curl");
        curl.args([
            "-s",
            "-o",
            "/dev/null",
            "-I",
            "--parallel",
            "--parallel-max",
            "4",
        ])
        .arg("--resolve")
        .arg(format!("links.test:{}:127.0.0.1", links.port))
        // --parallel draws its own progress, even with -s.
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        for u in &urls {
            curl.arg(u);
        }
        assert!(curl.status().unwrap().success());
        theirs.push(start.elapsed());
    }
    let best = |v: &[Duration]| v.iter().min().copied().unwrap();
    let (o, t) = (best(&ours), best(&theirs));
    println!(
        "  tandem preflight       {:>7.0} ms  (goal: under 1,000 ms; ratio to the goal {:.2}x)",
        o.as_secs_f64() * 1e3,
        o.as_secs_f64()
    );
    println!("  curl, the links only   {:>7.0} ms", t.as_secs_f64() * 1e3);
    println!(
        "  ratio (tandem / curl links only): {:.2}x  (tandem also asks the DNS and reads the content)",
        o.as_secs_f64() / t.as_secs_f64()
    );

    round_trip(&db, &id);
}

const OFFICE: &str = "office@example.org";
const PASSWORD: &str = "imap-s3cret";

fn round_trip(db: &std::path::Path, issue: &str) {
    let smtp = tandem_testkit::Aiosmtpd::builder()
        .start()
        .expect("aiosmtpd");
    let dovecot = tandem_testkit::Dovecot::builder()
        .user(OFFICE, PASSWORD)
        .start()
        .expect("dovecot");
    let imap = format!("imaps://office%40example.org@127.0.0.1:{}", dovecot.port());
    let (mut ours, mut theirs) = (vec![], vec![]);
    for round in 0..ROUNDS {
        let start = Instant::now();
        let out = ok(tandem(db)
            .args(["send", issue, "--test", OFFICE, "--smtp"])
            .arg(format!("smtp://127.0.0.1:{}", smtp.port()))
            .args(["--from", "PMO <office@example.org>"]));
        let sent = start.elapsed();
        let run = serde_json::from_str::<serde_json::Value>(out.lines().last().unwrap()).unwrap()
            ["run"]
            .as_i64()
            .unwrap();
        // The mailbox's own delay, left out: the message is put in by the test.
        let received = smtp
            .wait_for_messages(round + 1, Duration::from_secs(20))
            .unwrap();
        let raw = received[round].raw.clone();
        let id = String::from_utf8_lossy(&raw)
            .lines()
            .find_map(|l| l.strip_prefix("Message-ID: ").map(str::to_owned))
            .unwrap();
        dovecot.append(OFFICE, "INBOX", &[raw]).unwrap();
        let start = Instant::now();
        let out = tandem(db)
            .env("TANDEM_IMAP_PASSWORD", PASSWORD)
            .args([
                "deliverability",
                "arrival",
                "--run",
                &run.to_string(),
                "--wait",
                "10",
                "--imap",
                &imap,
            ])
            .arg("--ca-cert")
            .arg(&dovecot.certificate().ca_pem)
            .output()
            .unwrap();
        ours.push(sent + start.elapsed());
        assert!(String::from_utf8_lossy(&out.stdout).contains("deliv-arrival-inbox"));
        let start = Instant::now();
        ok(Command::new("python3").arg("-c").arg(format!(
            "import imaplib,ssl;i=imaplib.IMAP4_SSL('127.0.0.1',{},ssl_context=ssl.create_default_context(cafile='{}'));i.login('{OFFICE}','{PASSWORD}');i.select('Tandem');t,d=i.uid('search',None,'HEADER','Message-ID','{}');i.uid('fetch',d[0].split()[-1],'(BODY.PEEK[])');i.logout()",
            dovecot.port(),
            dovecot.certificate().ca_pem.display(),
            id.trim()
        )));
        theirs.push(start.elapsed());
    }
    let best = |v: &[Duration]| v.iter().min().copied().unwrap();
    let (o, t) = (best(&ours), best(&theirs));
    println!("round trip of a test message (aiosmtpd and Dovecot on 127.0.0.1, TLS), the mailbox's own delay left out");
    println!(
        "  tandem send --test + arrival   {:>6.0} ms  (goal: under 5,000 ms; ratio to the goal {:.2}x)",
        o.as_secs_f64() * 1e3,
        o.as_secs_f64() / 5.0
    );
    println!(
        "  imaplib search + fetch alone   {:>6.0} ms",
        t.as_secs_f64() * 1e3
    );
    println!(
        "  ratio (tandem / imaplib find only): {:.2}x  (tandem also sends it, checks the signature, files it)",
        o.as_secs_f64() / t.as_secs_f64()
    );
}
