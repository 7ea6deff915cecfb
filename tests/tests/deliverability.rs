//! Will it arrive, in the real window: the Send view's "before you send" list with the
//! links of the issue checked against a web server on 127.0.0.1 (names from a DNS
//! server on 127.0.0.1), and Settings → Sending domain with the record to publish.

use std::time::Duration;

use serde_json::json;
use tandem_e2e::{App, Launch, Result};
use tandem_testkit::{DnsServer, LinksServer};

fn zones() -> serde_json::Value {
    json!({
        "links.test": {"A": ["127.0.0.1"]},
        "spf.protection.outlook.com": {"TXT": [["v=spf1 ip4:40.92.0.0/15 -all"]]},
        "_spf.google.com": {"TXT": [["v=spf1 ip4:35.190.247.0/24 ~all"]]},
        "vzw-voorbeeld.test": {"MX": [[10, "mx.vzw-voorbeeld.test"]],
            "TXT": [["v=spf1 mx include:_spf.google.com ~all"]]},
    })
}

async fn scroll_to(app: &App, css: &str) -> Result<()> {
    app.driver()
        .execute(
            &format!("document.querySelector(\"{css}\").scrollIntoView({{block: 'start'}})"),
            vec![],
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_links_and_a_domain_without_dmarc_are_shown_before_the_send() -> Result<()> {
    let dns = DnsServer::start(&zones())?;
    let links = LinksServer::start()?;
    let (_dir, mut launch) = Launch::temp("fr_BE.UTF-8");
    launch.env.push(("TANDEM_DNS".into(), dns.addr()));

    // The sample issue with a working link, a page that no longer exists, a chain of
    // redirects and a members' page.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let mut issue: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        root.join("core/src/sample/issue.json"),
    )?)?;
    let base = links.base("links.test");
    let blocks = issue["blocks"].as_array_mut().unwrap();
    blocks.retain(|b| b["kind"] != "button");
    for path in ["/ok", "/missing", "/r1", "/members"] {
        blocks.push(
            json!({"kind": "button", "label": {"fr": "Lire", "nl": "Lezen"},
            "url": format!("{base}{path}")}),
        );
    }
    let file = launch.data_dir.join("issue.json");
    std::fs::write(&file, serde_json::to_string(&issue)?)?;
    launch.cli(&["issue", "import", file.to_str().unwrap()])?;
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(&csv, "email;langue\r\nanne@exemple.be;fr\r\n")?;
    launch.cli(&["contacts", "import", csv.to_str().unwrap()])?;

    let app = App::start(&launch).await?;
    app.click("nav [data-view='send']").await?;
    app.wait_for(
        "document.querySelector('[data-preflight]')?.dataset.preflight === 'done'",
        Duration::from_secs(30),
    )
    .await?;
    let codes = app
        .driver()
        .execute(
            "return [...document.querySelectorAll('.deliverability [data-code]')].map(e => e.dataset.code + ' ' + (e.querySelector('[data-url]')?.textContent ?? ''))",
            vec![],
        )
        .await?;
    let codes: Vec<String> = serde_json::from_value(codes.json().clone())?;
    let has = |code: &str, url_end: &str| {
        codes
            .iter()
            .any(|c| c.starts_with(code) && c.trim_end().ends_with(url_end))
    };
    assert!(has("deliv-link-status", "/missing"), "{codes:?}");
    assert!(has("deliv-link-login", "/members"), "{codes:?}");
    // The sample's own site does not exist on this test DNS.
    assert!(
        has("deliv-link-unknown-host", "mineursenexil.be/"),
        "{codes:?}"
    );
    // Working links are counted, not listed: /ok, /r1 (its redirects kept to show) and
    // the sample's mailto: link.
    let ok = app
        .find("[data-finding='links-ok']")
        .await?
        .attr("data-count")
        .await?;
    assert_eq!(ok.as_deref(), Some("3"));
    app.click("[data-finding='links-ok'] summary").await?;
    let r1 = app
        .find(&format!("[data-ok-link='{base}/r1']"))
        .await?
        .text()
        .await?;
    assert_eq!(r1.matches(" → ").count(), 2, "three hops shown: {r1}");
    let summary = app
        .find("[data-preflight-summary]")
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        summary.contains("problèmes peuvent arrêter la newsletter"),
        "{summary}"
    );
    scroll_to(&app, ".deliverability").await?;
    app.screenshot("send-preflight-fr").await?;

    // The send asks once, naming the problems.
    app.click("[data-action='send']").await?;
    let warning = app
        .find_soon("[data-confirm-blocking]", Duration::from_secs(5))
        .await?
        .text()
        .await?;
    assert!(warning.contains("Arrivera-t-elle"), "{warning}");
    app.click("[data-action='confirm-send-no']").await?;

    // Settings → Sending domain, in Dutch: the SPF record that authorises Microsoft 365
    // and the DMARC record to start with.
    app.choose_language("nl").await?;
    app.click("nav [data-view='settings']").await?;
    app.find_soon("#sending-domain-from", Duration::from_secs(5))
        .await?
        .send_keys("info@vzw-voorbeeld.test")
        .await?;
    app.driver()
        .execute(
            "const s = document.querySelector('#sending-domain-provider'); s.value = 'microsoft'; s.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await?;
    app.click("[data-action='check-domain']").await?;
    app.find_soon("[data-domain-checked]", Duration::from_secs(20))
        .await?;
    let records = app
        .driver()
        .execute(
            "return [...document.querySelectorAll('[data-sending-domain] [data-record]')].map(e => e.textContent)",
            vec![],
        )
        .await?;
    let records: Vec<String> = serde_json::from_value(records.json().clone())?;
    assert!(
        records.contains(
            &"v=spf1 mx include:_spf.google.com include:spf.protection.outlook.com ~all".to_owned()
        ),
        "{records:?}"
    );
    assert!(
        records.iter().any(|r| r.starts_with("v=DMARC1; p=none")),
        "{records:?}"
    );
    let text = app.find("[data-sending-domain]").await?.text().await?;
    assert!(text.contains("staat Microsoft 365 niet toe"), "{text}");
    scroll_to(&app, "[data-sending-domain]").await?;
    app.screenshot("sending-domain-nl").await?;
    app.quit().await?;
    Ok(())
}

const OFFICE: &str = "office@example.org";
const PASSWORD: &str = "imap-s3cret";

#[tokio::test(flavor = "multi_thread")]
async fn a_test_sent_to_the_own_mailbox_is_found_in_junk_and_said_so() -> Result<()> {
    let smtp = tandem_testkit::Aiosmtpd::builder().start()?;
    let dovecot = tandem_testkit::Dovecot::builder()
        .user(OFFICE, PASSWORD)
        .start()?;
    // The mailbox password goes to a real keychain.
    let keyring = tandem_testkit::Keyring::start()?;
    let (_dir, mut launch) = Launch::temp("fr_BE.UTF-8");
    launch
        .env
        .push(("DBUS_SESSION_BUS_ADDRESS".into(), keyring.address().into()));
    let sample = tandem_testkit::workspace_root().join("core/src/sample/issue.json");
    launch.cli(&["issue".as_ref(), "import".as_ref(), sample.as_os_str()])?;

    let app = App::start(&launch).await?;
    app.click("nav [data-view='settings']").await?;
    app.find_soon("#smtp-host", Duration::from_secs(10)).await?;
    app.fill("#smtp-host", "127.0.0.1").await?;
    app.fill("#smtp-port", &smtp.port().to_string()).await?;
    app.click("#smtp-security option[value='none']").await?;
    app.fill("#smtp-from-address", OFFICE).await?;
    app.click("[data-action='save-smtp']").await?;
    app.find_soon("[data-smtp-saved]", Duration::from_secs(10))
        .await?;
    app.fill("#imap-host", "127.0.0.1").await?;
    app.fill("#imap-port", &dovecot.port().to_string()).await?;
    app.fill("#imap-username", OFFICE).await?;
    app.fill("#imap-password", PASSWORD).await?;
    app.fill(
        "#imap-ca",
        &dovecot.certificate().ca_pem.display().to_string(),
    )
    .await?;
    app.click("#imap-test").await?;
    app.find_soon("[data-imap-test='ok']", Duration::from_secs(20))
        .await?;
    app.click("#imap-save").await?;
    app.find_soon("[data-imap-saved]", Duration::from_secs(10))
        .await?;

    app.click("nav [data-view='send']").await?;
    app.find_soon("[data-action='round-trip']", Duration::from_secs(10))
        .await?;
    app.click("[data-action='round-trip']").await?;
    // The receiving side: what the server accepted lands in junk, judged a spoof.
    let received = smtp.wait_for_messages(1, Duration::from_secs(20))?;
    let mut raw = b"Authentication-Results: mx.example.org; dkim=none; spf=fail smtp.mailfrom=office@example.org; dmarc=fail (p=quarantine) header.from=example.org\r\n".to_vec();
    raw.extend_from_slice(&received[0].raw);
    dovecot.append(OFFICE, "Junk", &[raw])?;
    app.wait_for(
        "document.querySelector('[data-round-trip]')?.dataset.roundTrip === 'done'",
        Duration::from_secs(60),
    )
    .await?;
    let codes = app
        .driver()
        .execute(
            "return [...document.querySelectorAll('.round-trip [data-code]')].map(e => e.dataset.finding + ' ' + e.dataset.status)",
            vec![],
        )
        .await?;
    let codes: Vec<String> = serde_json::from_value(codes.json().clone())?;
    for expected in [
        "arrival blocking",
        "spf blocking",
        "dmarc blocking",
        "dkim improve",
    ] {
        assert!(codes.iter().any(|c| c == expected), "{expected}: {codes:?}");
    }
    assert_eq!(dovecot.messages(OFFICE, "Tandem")?.len(), 1, "filed");
    scroll_to(&app, ".round-trip").await?;
    app.screenshot("send-round-trip-fr").await?;
    app.choose_language("nl").await?;
    let text = app.find(".round-trip").await?.text().await?;
    assert!(text.contains("ongewenste e-mail"), "{text}");
    scroll_to(&app, ".round-trip").await?;
    app.screenshot("send-round-trip-nl").await?;
    app.quit().await?;
    Ok(())
}
