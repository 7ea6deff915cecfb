//! `tandem deliverability check` against a real authoritative DNS server on 127.0.0.1
//! (testkit's dnslib server) serving one zone per case the issue names.

mod common;

use std::collections::BTreeSet;

use serde_json::{json, Value};
use tandem_testkit::DnsServer;

/// A 2048-bit-sized key, longer than one TXT string (split, as real zones split it).
fn dkim_key() -> Vec<String> {
    let p = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".to_owned() + &"q".repeat(340) + "IDAQAB";
    let record = format!("v=DKIM1; k=rsa; p={p}");
    record
        .as_bytes()
        .chunks(250)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect()
}

fn zones() -> Value {
    let ms = "v=spf1 include:spf.protection.outlook.com -all";
    let mut z = json!({
        "spf.protection.outlook.com": {"TXT": [["v=spf1 ip4:40.92.0.0/15 ip4:52.100.0.0/14 -all"]]},
        "_spf.google.com": {"TXT": [["v=spf1 ip4:35.190.247.0/24 ~all"]]},
        "selector1-ok-test._domainkey.pmo.onmicrosoft.test": {"TXT": [dkim_key()]},
        // All well for Microsoft 365.
        "ok.test": {"MX": [[0, "ok-test.mail.protection.outlook.com"]], "TXT": [[ms], ["google-site-verification=x"]]},
        "selector1._domainkey.ok.test": {"CNAME": "selector1-ok-test._domainkey.pmo.onmicrosoft.test"},
        "_dmarc.ok.test": {"TXT": [["v=DMARC1; p=reject; rua=mailto:dmarc@ok.test"]]},
        // No SPF at all.
        "nospf.test": {"MX": [[10, "mx.nospf.test"]], "TXT": [["some-verification=1"]]},
        // Two SPF records.
        "twospf.test": {"MX": [[10, "mx.twospf.test"]], "TXT": [[ms], ["v=spf1 include:_spf.google.com ~all"]]},
        // +all.
        "plusall.test": {"MX": [[10, "mx.plusall.test"]], "TXT": [["v=spf1 include:spf.protection.outlook.com +all"]]},
        // One record split in two strings (joined, RFC 7208 §3.3).
        "split.test": {"MX": [[10, "mx.split.test"]], "TXT": [["v=spf1 include:spf.protec", "tion.outlook.com -all"]]},
        // redirect= followed.
        "redirect.test": {"MX": [[10, "mx.redirect.test"]], "TXT": [["v=spf1 redirect=_spf.redirect.test"]]},
        "_spf.redirect.test": {"TXT": [[ms]]},
        // Another provider's include only.
        "other.test": {"MX": [[10, "mx.other.test"]], "TXT": [["v=spf1 mx include:_spf.google.com ~all"]]},
        // DMARC p=reject, but neither SPF nor DKIM can pass with Microsoft 365.
        "rejectnoalign.test": {"MX": [[10, "mx.rejectnoalign.test"]], "TXT": [["v=spf1 include:_spf.google.com -all"]]},
        "_dmarc.rejectnoalign.test": {"TXT": [["v=DMARC1; p=reject"]]},
        // Published, but no DMARC and no DKIM.
        "nodmarc.test": {"MX": [[10, "mx.nodmarc.test"]], "TXT": [[ms]]},
        // Google Workspace, key under "google".
        "gw.test": {"MX": [[1, "smtp.google.com"]], "TXT": [["v=spf1 include:_spf.google.com ~all"]]},
        "google._domainkey.gw.test": {"TXT": [dkim_key()]},
        "_dmarc.gw.test": {"TXT": [["v=DMARC1; p=none"]]},
    });
    // More than 10 lookups: eleven includes besides the provider's.
    let mut many = "v=spf1 include:spf.protection.outlook.com".to_owned();
    for i in 1..=11 {
        many.push_str(&format!(" include:i{i}.many.test"));
        z[format!("i{i}.many.test")] = json!({"TXT": [[format!("v=spf1 ip4:192.0.2.{i} -all")]]});
    }
    many.push_str(" -all");
    // Longer than one TXT string holds: split, as a real zone splits it.
    let (a, b) = many.split_at(200);
    z["many.test"] = json!({"MX": [[10, "mx.many.test"]], "TXT": [[a, b]]});
    z
}

fn check(dns: &DnsServer, from: &str, provider: Option<&str>) -> (bool, Value) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = common::tandem(&dir.path().join("t.sqlite3"));
    cmd.env("TANDEM_DNS", dns.addr())
        .args(["deliverability", "check", "--from", from]);
    if let Some(p) = provider {
        cmd.args(["--provider", p]);
    }
    let out = common::run(&mut cmd);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "{from}: {e}: {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.success(), report)
}

/// (check, status, code) of each finding.
fn found(report: &Value) -> BTreeSet<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap().to_owned(),
                f["status"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has(report: &Value, check: &str, status: &str, code: &str) -> bool {
    found(report).contains(&(check.into(), status.into(), code.into()))
}

fn finding<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {report}"))
}

#[test]
fn each_published_case_gets_its_finding_and_the_record_to_publish() {
    let dns = DnsServer::start(&zones()).unwrap();

    // All well: MX read as Microsoft 365, every check ok, exit 0.
    let (ok, r) = check(&dns, "info@ok.test", None);
    assert!(ok, "{r}");
    assert_eq!(r["provider"], "microsoft");
    assert_eq!(
        found(&r),
        [
            ("mx", "ok", "deliv-mx-ok"),
            ("spf", "ok", "deliv-spf-ok"),
            ("dkim", "ok", "deliv-dkim-ok"),
            ("dmarc", "ok", "deliv-dmarc-ok"),
        ]
        .iter()
        .map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into()))
        .collect()
    );
    assert!(
        finding(&r, "deliv-spf-ok")["detail"]
            .as_str()
            .unwrap()
            .contains("1 DNS lookups of the 10"),
        "{r}"
    );

    let (ok, r) = check(&dns, "info@nospf.test", Some("microsoft"));
    assert!(!ok);
    let missing = finding(&r, "deliv-spf-missing");
    assert_eq!(missing["status"], "blocking");
    assert_eq!(missing["name"], "nospf.test");
    assert_eq!(
        missing["record"],
        "v=spf1 include:spf.protection.outlook.com ~all"
    );

    let (_, r) = check(&dns, "info@twospf.test", Some("microsoft"));
    assert!(has(&r, "spf", "blocking", "deliv-spf-multiple"), "{r}");

    let (_, r) = check(&dns, "info@many.test", Some("microsoft"));
    let many = finding(&r, "deliv-spf-too-many-lookups");
    assert_eq!(many["args"]["count"], "12", "{r}");

    let (_, r) = check(&dns, "info@plusall.test", Some("microsoft"));
    assert!(has(&r, "spf", "blocking", "deliv-spf-plus-all"), "{r}");
    assert_eq!(
        finding(&r, "deliv-spf-plus-all")["record"],
        "v=spf1 include:spf.protection.outlook.com ~all"
    );

    let (_, r) = check(&dns, "info@split.test", Some("microsoft"));
    assert!(has(&r, "spf", "ok", "deliv-spf-ok"), "{r}");

    let (_, r) = check(&dns, "info@redirect.test", Some("microsoft"));
    assert!(has(&r, "spf", "ok", "deliv-spf-ok"), "{r}");

    let (_, r) = check(&dns, "info@other.test", Some("microsoft"));
    let other = finding(&r, "deliv-spf-provider-missing");
    assert_eq!(other["status"], "blocking");
    assert_eq!(
        other["record"],
        "v=spf1 mx include:_spf.google.com include:spf.protection.outlook.com ~all"
    );
    assert!(
        other["detail"]
            .as_str()
            .unwrap()
            .contains("does not authorise Microsoft 365"),
        "{other}"
    );

    let (_, r) = check(&dns, "info@rejectnoalign.test", Some("microsoft"));
    assert!(
        has(&r, "dmarc", "blocking", "deliv-dmarc-no-alignment"),
        "{r}"
    );
    assert!(
        has(&r, "dkim", "blocking", "deliv-dkim-missing-microsoft"),
        "{r}"
    );

    let (_, r) = check(&dns, "info@nodmarc.test", Some("microsoft"));
    let dmarc = finding(&r, "deliv-dmarc-missing");
    assert_eq!(dmarc["name"], "_dmarc.nodmarc.test");
    assert!(dmarc["record"]
        .as_str()
        .unwrap()
        .starts_with("v=DMARC1; p=none"));

    // Google Workspace read from MX; its key under "google"; DMARC p=none to improve.
    let (ok, r) = check(&dns, "nieuws@gw.test", None);
    assert!(ok, "{r}");
    assert_eq!(r["provider"], "google");
    assert!(has(&r, "dkim", "ok", "deliv-dkim-ok"), "{r}");
    assert!(has(&r, "dmarc", "improve", "deliv-dmarc-none"), "{r}");

    // A domain that does not exist.
    let (ok, r) = check(&dns, "info@nowhere.test", Some("microsoft"));
    assert!(!ok);
    assert!(has(&r, "mx", "blocking", "deliv-mx-none-no-host"), "{r}");

    // A public mailbox: said plainly, nothing looked up.
    let (ok, r) = check(&dns, "pmo.newsletter@gmail.com", None);
    assert!(!ok);
    assert_eq!(
        found(&r),
        [(
            "sender".to_owned(),
            "blocking".to_owned(),
            "deliv-sender-public".to_owned()
        )]
        .into_iter()
        .collect()
    );
}

#[test]
fn a_dns_server_that_does_not_answer_is_an_error_not_a_finding() {
    // A port nobody answers on.
    let port = tandem_testkit::free_port();
    let dir = tempfile::tempdir().unwrap();
    let out = common::run(
        common::tandem(&dir.path().join("t.sqlite3"))
            .env("TANDEM_DNS", format!("127.0.0.1:{port}"))
            .args(["deliverability", "check", "--from", "info@ok.test"]),
    );
    assert!(!out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DNS lookup failed"), "{err}");
}

/// The sample issue with a button per link case, an image without its Dutch
/// description, a long French subject and an empty Dutch preview text.
fn issue_with_links(
    dir: &std::path::Path,
    links: &tandem_testkit::LinksServer,
) -> std::path::PathBuf {
    let root = common::root();
    let mut issue: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("core/src/sample/issue.json")).unwrap(),
    )
    .unwrap();
    issue["subject"]["fr"] =
        "Newsletter de décembre : groupes de travail, stage, soirée film-débat et appel à projets"
            .into();
    issue["preheader"]["nl"] = "".into();
    let base = links.base("links.test");
    let mut urls: Vec<String> = [
        "/ok",
        "/r1",
        "/loop-a",
        "/far",
        "/missing",
        "/broken",
        "/stall",
        "/nohead",
        "/members",
        "/elsewhere",
    ]
    .iter()
    .map(|p| format!("{base}{p}"))
    .collect();
    urls.push(format!("{}/ok", links.tls_base("links.test")));
    urls.push("http://nowhere.test/page".to_owned());
    urls.push("mailto:info@ok.test?subject=Newsletter".to_owned());
    let blocks = issue["blocks"].as_array_mut().unwrap();
    blocks.retain(|b| b["kind"] != "button");
    for url in &urls {
        blocks.push(json!({"kind": "button", "label": {"fr": "Lire", "nl": "Lezen"}, "url": url}));
    }
    blocks.insert(
        1,
        json!({"kind": "image", "src": "assets/photo.jpg", "alt": {"fr": "Une classe", "nl": ""}}),
    );
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::copy(
        root.join("core/tests/fixtures/images/photo-landscape.jpg"),
        dir.join("assets/photo.jpg"),
    )
    .unwrap();
    let file = dir.join("issue.json");
    std::fs::write(&file, serde_json::to_string_pretty(&issue).unwrap()).unwrap();
    file
}

#[test]
fn a_preflight_checks_every_link_and_the_content_and_blocks_on_a_broken_link() {
    let links = tandem_testkit::LinksServer::start().unwrap();
    let mut z = zones();
    z["links.test"] = json!({"A": ["127.0.0.1"]});
    z["other.test"] = json!({"A": ["127.0.0.1"]});
    let dns = DnsServer::start(&z).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = issue_with_links(dir.path(), &links);
    let id = common::ok(common::tandem(&db).args(["issue", "import", file.to_str().unwrap()]));
    let out = common::run(common::tandem(&db).env("TANDEM_DNS", dns.addr()).args([
        "preflight",
        id.trim(),
        "--from",
        "info@ok.test",
    ]));
    assert!(!out.status.success(), "a broken link blocks");
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let by_url = |path: &str| -> &Value {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["check"] == "link" && f["url"].as_str().is_some_and(|u| u.ends_with(path)))
            .unwrap_or_else(|| panic!("no finding for {path}: {report}"))
    };
    let code = |path: &str| {
        let f = by_url(path);
        (
            f["status"].as_str().unwrap().to_owned(),
            f["code"].as_str().unwrap().to_owned(),
        )
    };
    let pair = |s: &str, c: &str| (s.to_owned(), c.to_owned());
    assert_eq!(
        code(&format!("{}/ok", links.base("links.test"))),
        pair("ok", "deliv-link-ok")
    );
    assert_eq!(code("/r1"), pair("ok", "deliv-link-redirected"));
    assert_eq!(
        by_url("/r1")["args"]["chain"]
            .as_str()
            .unwrap()
            .matches(" → ")
            .count(),
        2,
        "three hops shown: {}",
        by_url("/r1")
    );
    assert_eq!(code("/loop-a"), pair("blocking", "deliv-link-loop"));
    assert_eq!(
        code("/far"),
        pair("blocking", "deliv-link-too-many-redirects")
    );
    assert_eq!(code("/missing"), pair("blocking", "deliv-link-status"));
    assert!(by_url("/missing")["detail"]
        .as_str()
        .unwrap()
        .contains("does not exist"));
    assert_eq!(code("/broken"), pair("blocking", "deliv-link-status"));
    assert_eq!(code("/stall"), pair("blocking", "deliv-link-timeout"));
    assert_eq!(code("/nohead"), pair("ok", "deliv-link-ok"));
    assert_eq!(code("/members"), pair("improve", "deliv-link-login"));
    assert_eq!(code("/elsewhere"), pair("improve", "deliv-link-other-site"));
    assert_eq!(
        code(&format!("{}/ok", links.tls_base("links.test"))),
        pair("blocking", "deliv-link-tls")
    );
    assert_eq!(
        code("nowhere.test/page"),
        pair("blocking", "deliv-link-unknown-host")
    );
    assert_eq!(code("subject=Newsletter"), pair("ok", "deliv-link-mailto"));
    // The sample's own links are checked too (their host does not exist here).
    assert_eq!(
        code("mineursenexil.be/"),
        pair("blocking", "deliv-link-unknown-host")
    );

    // HEAD first; GET only where HEAD was refused.
    let requests = links.requests();
    assert!(
        requests.iter().any(|r| r.starts_with("HEAD /ok")),
        "{requests:?}"
    );
    assert!(
        !requests.iter().any(|r| r.starts_with("GET /ok")),
        "{requests:?}"
    );
    assert!(
        requests.iter().any(|r| r.starts_with("GET /nohead")),
        "{requests:?}"
    );

    let found = found(&report);
    assert!(
        found.contains(&("alt".into(), "improve".into(), "deliv-alt-missing".into())),
        "{report}"
    );
    assert!(found.contains(&(
        "subject".into(),
        "improve".into(),
        "deliv-subject-long".into()
    )));
    assert!(found.contains(&(
        "preheader".into(),
        "improve".into(),
        "deliv-preheader-empty".into()
    )));
    assert!(found.contains(&("size".into(), "ok".into(), "deliv-size-ok".into())));
    assert!(found.contains(&("spf".into(), "ok".into(), "deliv-spf-ok".into())));
    let alt = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "alt")
        .unwrap();
    assert_eq!(alt["args"]["lang"], "nl");
}

const OFFICE: &str = "office@example.org";
const PASSWORD: &str = "imap-s3cret";

/// A DKIM key made with openssl: the private key (DER, PKCS #1 as openssl writes an RSA
/// key), and the TXT record (split in
/// strings of 250 bytes) to publish at SELECTOR._domainkey.DOMAIN.
fn dkim_key_pair(dir: &std::path::Path) -> (Vec<u8>, Vec<String>) {
    let der = dir.join("dkim.der");
    let made = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-outform",
            "DER",
            "-out",
        ])
        .arg(&der)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let public = std::process::Command::new("openssl")
        .args([
            "pkey", "-inform", "DER", "-pubout", "-outform", "DER", "-in",
        ])
        .arg(&der)
        .output()
        .unwrap();
    assert!(public.status.success());
    let b64 = {
        use std::io::Write;
        let mut child = std::process::Command::new("base64")
            .arg("-w0")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&public.stdout)
            .unwrap();
        String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
    };
    let record = format!("v=DKIM1; k=rsa; p={b64}");
    let strings = record
        .as_bytes()
        .chunks(250)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    (std::fs::read(&der).unwrap(), strings)
}

/// `raw` with a DKIM-Signature of example.org (selector "tandem") on top.
fn signed(raw: &[u8], pkcs8: &[u8]) -> Vec<u8> {
    use mail_auth::common::crypto::{RsaKey, Sha256};
    use mail_auth::common::headers::HeaderWriter;
    use rustls::pki_types::{PrivateKeyDer, PrivatePkcs1KeyDer};
    let key = RsaKey::<Sha256>::from_key_der(PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(pkcs8)))
        .unwrap();
    let signature = mail_auth::dkim::DkimSigner::from_key(key)
        .domain("example.org")
        .selector("tandem")
        .headers(["From", "To", "Subject", "Message-ID", "Date"])
        .sign(raw)
        .unwrap();
    let mut out = signature.to_header().into_bytes();
    out.extend_from_slice(raw);
    out
}

/// A database with the sample issue and one contact, the SMTP server it sends to and the
/// office's mailbox.
fn sending_and_mailbox(
    dir: &std::path::Path,
) -> (
    std::path::PathBuf,
    i64,
    tandem_testkit::Aiosmtpd,
    tandem_testkit::Dovecot,
) {
    let (db, issue) = common::setup(dir, "email;language\nanne@example.be;fr\n");
    let smtp = tandem_testkit::Aiosmtpd::builder().start().unwrap();
    let dovecot = tandem_testkit::Dovecot::builder()
        .user(OFFICE, PASSWORD)
        .start()
        .unwrap();
    (db, issue, smtp, dovecot)
}

/// The settings the app would have saved: sending through `smtp`, reading `dovecot`.
fn save_settings(
    db: &std::path::Path,
    smtp: &tandem_testkit::Aiosmtpd,
    dovecot: &tandem_testkit::Dovecot,
) {
    let store = tandem_core::store::Store::open(db).unwrap();
    let mut sending =
        tandem_core::send::SmtpSettings::from_url(&format!("smtp://127.0.0.1:{}", smtp.port()))
            .unwrap();
    sending.from_address = OFFICE.into();
    sending.from_name = "Plate-forme Mineurs en exil".into();
    store.set_smtp_settings(&sending).unwrap();
    let mut reading = tandem_core::mailbox::ImapSettings::from_url(&format!(
        "imaps://office%40example.org@127.0.0.1:{}",
        dovecot.port()
    ))
    .unwrap();
    reading.ca_file = dovecot.certificate().ca_pem.display().to_string();
    store.set_imap_settings(Some(&reading)).unwrap();
}

/// What the receiving side writes on top of a message it accepted (its verdict).
fn received_with(raw: &[u8], verdict: &str) -> Vec<u8> {
    let mut out = format!("Authentication-Results: {verdict}\r\n").into_bytes();
    out.extend_from_slice(raw);
    out
}

fn arrival(
    db: &std::path::Path,
    dovecot: &tandem_testkit::Dovecot,
    dns: &DnsServer,
    run: i64,
    wait: u64,
) -> (bool, Value) {
    let out = common::run(
        common::tandem(db)
            .env("TANDEM_IMAP_PASSWORD", PASSWORD)
            .env("TANDEM_DNS", dns.addr())
            .args([
                "deliverability",
                "arrival",
                "--run",
                &run.to_string(),
                "--wait",
                &wait.to_string(),
            ])
            .arg("--imap")
            .arg(format!(
                "imaps://office%40example.org@127.0.0.1:{}",
                dovecot.port()
            ))
            .arg("--ca-cert")
            .arg(&dovecot.certificate().ca_pem),
    );
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.success(), report)
}

#[test]
fn a_test_message_is_found_in_the_inbox_or_in_junk_read_and_filed() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue, smtp, dovecot) = sending_and_mailbox(dir.path());
    // Someone's own mail in the inbox and in junk: never read, never moved.
    let other = b"From: juriste@example.be\r\nSubject: Question\r\nMessage-ID: <other@example.be>\r\n\r\nBonjour.\r\n".to_vec();
    dovecot
        .append(OFFICE, "INBOX", std::slice::from_ref(&other))
        .unwrap();
    dovecot.append(OFFICE, "Junk", &[other]).unwrap();

    // The "provider" signs as example.org with selector "tandem"; the key is in DNS.
    let (pkcs8, record) = dkim_key_pair(dir.path());
    let dns =
        DnsServer::start(&json!({"tandem._domainkey.example.org": {"TXT": [record]}})).unwrap();
    let send_test = || {
        let out = common::ok(
            common::tandem(&db)
                .args([
                    "send",
                    &issue.to_string(),
                    "--test",
                    OFFICE,
                    "--edition",
                    "nl",
                    "--smtp",
                ])
                .arg(format!("smtp://127.0.0.1:{}", smtp.port()))
                .args(["--from", "Plate-forme Mineurs en exil <office@example.org>"]),
        );
        common::last_json(&out)["run"].as_i64().unwrap()
    };

    // 1. Accepted and judged well: in the inbox.
    let run = send_test();
    let received = smtp
        .wait_for_messages(1, std::time::Duration::from_secs(10))
        .unwrap();
    dovecot
        .append(
            OFFICE,
            "INBOX",
            &[received_with(
                &signed(&received[0].raw, &pkcs8),
                "mx.example.org; dkim=pass header.d=example.org header.s=tandem; spf=pass smtp.mailfrom=office@example.org; dmarc=pass header.from=example.org",
            )],
        )
        .unwrap();
    let (ok, r) = arrival(&db, &dovecot, &dns, run, 10);
    assert!(ok, "{r}");
    assert!(has(&r, "arrival", "ok", "deliv-arrival-inbox"), "{r}");
    assert!(has(&r, "spf", "ok", "deliv-received"), "{r}");
    assert!(has(&r, "dkim", "ok", "deliv-received"), "{r}");
    assert!(has(&r, "dmarc", "ok", "deliv-received"), "{r}");
    // Tandem's own check of the signature, against the key in DNS.
    assert!(has(&r, "dkim-verify", "ok", "deliv-dkim-verify"), "{r}");
    // Filed in the Tandem folder; the other messages are where they were, unread.
    let filed = dovecot.messages(OFFICE, "Tandem").unwrap();
    assert_eq!(filed.len(), 1);
    assert!(String::from_utf8_lossy(&filed[0].bytes).contains("[TEST]"));
    let inbox = dovecot.messages(OFFICE, "INBOX").unwrap();
    assert_eq!(inbox.len(), 1);
    assert!(!inbox[0].seen, "someone's own mail stays unread");

    // 2. Spoofed in the receiver's eyes: filed into junk.
    let run = send_test();
    let received = smtp
        .wait_for_messages(2, std::time::Duration::from_secs(10))
        .unwrap();
    dovecot
        .append(
            OFFICE,
            "Junk",
            &[received_with(
                &received[1].raw,
                "mx.example.org; dkim=none; spf=fail smtp.mailfrom=office@example.org; dmarc=fail (p=quarantine) header.from=example.org",
            )],
        )
        .unwrap();
    let (ok, r) = arrival(&db, &dovecot, &dns, run, 10);
    assert!(!ok, "landing in junk blocks: {r}");
    assert!(has(&r, "arrival", "blocking", "deliv-arrival-junk"), "{r}");
    assert!(has(&r, "spf", "blocking", "deliv-received"), "{r}");
    assert!(has(&r, "dmarc", "blocking", "deliv-received"), "{r}");
    assert!(
        has(&r, "dkim-verify", "blocking", "deliv-dkim-verify-unsigned"),
        "{r}"
    );
    assert_eq!(dovecot.messages(OFFICE, "Tandem").unwrap().len(), 2);
    assert_eq!(
        dovecot.messages(OFFICE, "Junk").unwrap().len(),
        1,
        "only the test message left junk"
    );

    // 3. Signed, then changed on the way: the receiving side says pass (as a careless
    // one might), Tandem's own check says fail.
    let run = send_test();
    let received = smtp
        .wait_for_messages(3, std::time::Duration::from_secs(10))
        .unwrap();
    let changed = String::from_utf8_lossy(&signed(&received[2].raw, &pkcs8))
        .replacen("Een woord van het team", "Een woord van iemand anders", 1)
        .into_bytes();
    dovecot
        .append(
            OFFICE,
            "INBOX",
            &[received_with(
                &changed,
                "mx.example.org; dkim=pass header.d=example.org",
            )],
        )
        .unwrap();
    let (ok, r) = arrival(&db, &dovecot, &dns, run, 10);
    assert!(!ok, "{r}");
    assert!(
        has(&r, "dkim-verify", "blocking", "deliv-dkim-verify"),
        "{r}"
    );

    // 4. Still on its way when Tandem starts looking, and filed into a junk folder
    // the server creates only then ("Spam"): found there all the same.
    let run = send_test();
    let received = smtp
        .wait_for_messages(4, std::time::Duration::from_secs(10))
        .unwrap();
    let (ok, r) = std::thread::scope(|s| {
        let looking = s.spawn(|| arrival(&db, &dovecot, &dns, run, 30));
        std::thread::sleep(std::time::Duration::from_secs(3));
        dovecot
            .append(
                OFFICE,
                "Spam",
                &[received_with(
                    &received[3].raw,
                    "mx.example.org; spf=fail smtp.mailfrom=office@example.org",
                )],
            )
            .unwrap();
        looking.join().unwrap()
    });
    assert!(!ok);
    let junk = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "deliv-arrival-junk")
        .unwrap_or_else(|| panic!("{r}"));
    assert_eq!(junk["args"]["folder"], "Spam");

    // 5. Never arrived: said after the wait.
    let run = send_test();
    let (ok, r) = arrival(&db, &dovecot, &dns, run, 2);
    assert!(!ok);
    assert!(
        has(&r, "arrival", "blocking", "deliv-arrival-missing"),
        "{r}"
    );
}

#[test]
fn preflight_with_a_round_trip_adds_how_the_test_message_arrived() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue, smtp, dovecot) = sending_and_mailbox(dir.path());
    save_settings(&db, &smtp, &dovecot);
    let dns = DnsServer::start(&zones()).unwrap();
    // The receiving side, beside the command: what aiosmtpd accepted goes to the inbox,
    // judged well.
    let preflight = std::thread::scope(|s| {
        let run = s.spawn(|| {
            common::run(
                common::tandem(&db)
                    .env("TANDEM_IMAP_PASSWORD", PASSWORD)
                    .env("TANDEM_DNS", dns.addr())
                    .args([
                        "preflight",
                        &issue.to_string(),
                        "--edition",
                        "fr",
                        "--round-trip",
                        "--wait",
                        "60",
                    ]),
            )
        });
        let received = smtp
            .wait_for_messages(1, std::time::Duration::from_secs(60))
            .unwrap();
        assert_eq!(received.len(), 1, "the test message reached the server");
        dovecot
            .append(
                OFFICE,
                "INBOX",
                &[received_with(
                    &received[0].raw,
                    "mx.example.org; dkim=pass header.d=example.org; spf=pass smtp.mailfrom=office@example.org; dmarc=pass header.from=example.org",
                )],
            )
            .unwrap();
        run.join().unwrap()
    });
    let report: Value = serde_json::from_slice(&preflight.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&preflight.stderr)));
    assert!(
        has(&report, "arrival", "ok", "deliv-arrival-inbox"),
        "{report}"
    );
    assert!(has(&report, "dmarc", "ok", "deliv-received"), "{report}");
    // The rest of the preflight is there too (links, content).
    assert!(
        found(&report).iter().any(|(c, _, _)| c == "link"),
        "{report}"
    );
    assert_eq!(dovecot.messages(OFFICE, "Tandem").unwrap().len(), 1);
}

/// Zones for the real chain: example.org sends from 192.0.2.10 (its provider's address)
/// and signs with rspamd's key; spoof.test allows only 192.0.2.1 and asks quarantine.
fn chain_zones(dkim_record: &[String]) -> Value {
    json!({
        "example.org": {"MX": [[10, "mx.example.org"]], "TXT": [["v=spf1 ip4:192.0.2.10 -all"]]},
        "tandem._domainkey.example.org": {"TXT": [dkim_record]},
        "_dmarc.example.org": {"TXT": [["v=DMARC1; p=reject"]]},
        "spoof.test": {"TXT": [["v=spf1 ip4:192.0.2.1 -all"]]},
        "_dmarc.spoof.test": {"TXT": [["v=DMARC1; p=quarantine"]]},
    })
}

#[test]
fn a_real_receiving_chain_signs_checks_and_files_a_spoof_into_junk() {
    let dir = tempfile::tempdir().unwrap();
    let (db, issue, smtp, dovecot) = sending_and_mailbox(dir.path());
    let dns = DnsServer::start(&json!({})).unwrap();
    let rspamd = tandem_testkit::Rspamd::start(&dns.addr(), "example.org", "tandem").unwrap();
    dns.set_zones(&chain_zones(&rspamd.dkim_record)).unwrap();

    let send = |from: &str| {
        let out = common::ok(
            common::tandem(&db)
                .args(["send", &issue.to_string(), "--test", OFFICE, "--smtp"])
                .arg(format!("smtp://127.0.0.1:{}", smtp.port()))
                .args(["--from", from]),
        );
        common::last_json(&out)["run"].as_i64().unwrap()
    };

    // Sent through the provider, which signs; received from the provider's address.
    let run = send("Plate-forme Mineurs en exil <office@example.org>");
    let accepted = smtp
        .wait_for_messages(1, std::time::Duration::from_secs(10))
        .unwrap();
    let signed = rspamd.sign(&accepted[0].raw, OFFICE).unwrap();
    let verdict = rspamd
        .receive(&signed, "192.0.2.10", OFFICE, OFFICE)
        .unwrap();
    assert!(!verdict.junk, "{verdict:?}");
    assert!(
        verdict.authentication_results.contains("dkim=pass")
            && verdict.authentication_results.contains("spf=pass")
            && verdict.authentication_results.contains("dmarc=pass"),
        "{}",
        verdict.authentication_results
    );
    dovecot.append(OFFICE, "INBOX", &[verdict.raw]).unwrap();
    let (ok, r) = arrival(&db, &dovecot, &dns, run, 10);
    assert!(ok, "{r}");
    for check in ["arrival", "spf", "dkim", "dmarc", "dkim-verify"] {
        assert!(
            found(&r).iter().any(|(c, s, _)| c == check && s == "ok"),
            "{check}: {r}"
        );
    }

    // A newsletter "from" a domain that does not allow this sender: unsigned, SPF and
    // DMARC fail, rspamd flags it, the rule on X-Spam files it into Junk.
    let run = send("Newsletter <news@spoof.test>");
    let accepted = smtp
        .wait_for_messages(2, std::time::Duration::from_secs(10))
        .unwrap();
    let verdict = rspamd
        .receive(&accepted[1].raw, "198.51.100.7", "news@spoof.test", OFFICE)
        .unwrap();
    assert!(verdict.junk, "{verdict:?}");
    dovecot
        .append(
            OFFICE,
            if verdict.junk { "Junk" } else { "INBOX" },
            &[verdict.raw],
        )
        .unwrap();
    let (ok, r) = arrival(&db, &dovecot, &dns, run, 10);
    assert!(!ok, "{r}");
    assert!(has(&r, "arrival", "blocking", "deliv-arrival-junk"), "{r}");
    assert!(has(&r, "spf", "blocking", "deliv-received"), "{r}");
    assert!(has(&r, "dmarc", "blocking", "deliv-received"), "{r}");
    assert!(
        has(&r, "dkim-verify", "blocking", "deliv-dkim-verify-unsigned"),
        "{r}"
    );

    // A server of one's own signs under a selector nobody guesses ("tandem"): the
    // domain check alone cannot find the key; after a round trip it looks where the
    // message was signed.
    save_settings(&db, &smtp, &dovecot);
    let preflight = |round_trip: bool| {
        let mut cmd = common::tandem(&db);
        cmd.env("TANDEM_IMAP_PASSWORD", PASSWORD)
            .env("TANDEM_DNS", dns.addr())
            .args(["preflight", &issue.to_string(), "--provider", "custom"]);
        if round_trip {
            cmd.args(["--round-trip", "--wait", "60"]);
        }
        let out = common::run(&mut cmd);
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
    };
    let before = preflight(false);
    assert!(
        has(&before, "dkim", "improve", "deliv-dkim-missing-custom"),
        "{before}"
    );
    let after = std::thread::scope(|s| {
        let run = s.spawn(|| preflight(true));
        let accepted = smtp
            .wait_for_messages(3, std::time::Duration::from_secs(60))
            .unwrap();
        assert_eq!(accepted.len(), 3);
        let signed = rspamd.sign(&accepted[2].raw, OFFICE).unwrap();
        let verdict = rspamd
            .receive(&signed, "192.0.2.10", OFFICE, OFFICE)
            .unwrap();
        dovecot.append(OFFICE, "INBOX", &[verdict.raw]).unwrap();
        run.join().unwrap()
    });
    let dkim = after["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "dkim")
        .unwrap();
    assert_eq!(dkim["code"], "deliv-dkim-ok", "{after}");
    assert_eq!(dkim["args"]["selectors"], "tandem");
}
