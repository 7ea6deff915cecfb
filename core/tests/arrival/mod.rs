//! How a test message arrived, read from the headers receiving services write
//! (fixtures/auth-results/README.md says after what each is written).

use tandem_core::deliverability::{arrival, Status};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/auth-results/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace("{{MESSAGE_ID}}", "t1@mineursenexil.be")
    .into_bytes()
}

fn verdicts(a: &arrival::Arrival) -> Vec<(String, String)> {
    ["spf", "dkim", "dmarc"]
        .iter()
        .map(|m| {
            (
                (*m).to_owned(),
                a.result(m).map(|r| r.result.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect()
}

#[test]
fn each_service_header_is_read_as_the_service_meant_it() {
    let pass = pairs(&[("spf", "pass"), ("dkim", "pass"), ("dmarc", "pass")]);
    for name in [
        "microsoft365-inbox.eml",
        "gmail.eml",
        "opendkim-opendmarc.eml",
        "rspamd.eml",
    ] {
        let a = arrival::read(&fixture(name), "INBOX", false);
        assert_eq!(verdicts(&a), pass, "{name}: {:?}", a.results);
        assert!(
            a.findings().iter().all(|f| f.status == Status::Ok),
            "{name}: {:?}",
            a.findings()
        );
    }
    let ms = arrival::read(&fixture("microsoft365-inbox.eml"), "INBOX", false);
    assert_eq!(ms.scl, Some(1));
    assert_eq!(
        ms.signatures,
        [("mineursenexil.be".to_owned(), "selector1".to_owned())]
    );
    let gmail = arrival::read(&fixture("gmail.eml"), "INBOX", false);
    // The ARC copy of an earlier hop's "dkim=fail" is not Gmail's verdict.
    assert!(
        gmail.results.iter().all(|r| r.result == "pass"),
        "{:?}",
        gmail.results
    );
    assert!(gmail
        .result("dkim")
        .unwrap()
        .props
        .contains(&("header.s".into(), "google".into())));
}

#[test]
fn a_spoofed_message_in_junk_is_blocking_with_each_reason() {
    let a = arrival::read(&fixture("microsoft365-junk.eml"), "Junk E-mail", true);
    assert_eq!(
        verdicts(&a),
        pairs(&[("spf", "fail"), ("dkim", "none"), ("dmarc", "fail")])
    );
    assert_eq!(a.scl, Some(6));
    let f = a.findings();
    let status = |check: &str| f.iter().find(|x| x.check == check).unwrap().status;
    assert_eq!(status("arrival"), Status::Blocking);
    assert_eq!(status("spf"), Status::Blocking);
    assert_eq!(status("dkim"), Status::Improve);
    assert_eq!(status("dmarc"), Status::Blocking);
    assert_eq!(status("scl"), Status::Blocking);
}
