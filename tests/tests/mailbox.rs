//! Reading the sending mailbox in the real window, in Dutch then French: the mailbox
//! settings (a real Dovecot on 127.0.0.1, the password in a real keychain), "Check the
//! mailbox" after a real send, the summary, a request confirmed by a person, and what
//! the Contacts view and the ledger then show. Screenshots looked at.

use std::time::Duration;

use tandem_e2e::{App, Launch, Result};
use tandem_testkit::{Aiosmtpd, Dovecot, Keyring, SlowRelay};

const OFFICE: &str = "office@example.org";
const PASSWORD: &str = "imap-s3cret";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        tandem_testkit::workspace_root()
            .join("core/tests/fixtures/mail")
            .join(name),
    )
    .unwrap()
}

/// In Settings (open): fills the mailbox form for `dovecot`, reached at `port`, tests
/// the connection and saves; returns what the test said.
async fn set_up_mailbox(app: &App, port: u16, dovecot: &Dovecot) -> Result<String> {
    app.find_soon("#imap-host", Duration::from_secs(10)).await?;
    app.fill("#imap-host", "127.0.0.1").await?;
    app.fill("#imap-port", &port.to_string()).await?;
    app.fill("#imap-username", OFFICE).await?;
    app.fill("#imap-password", PASSWORD).await?;
    app.fill(
        "#imap-ca",
        &dovecot.certificate().ca_pem.display().to_string(),
    )
    .await?;
    app.click("#imap-test").await?;
    let tested = app
        .find_soon("[data-imap-test='ok']", Duration::from_secs(20))
        .await?
        .text()
        .await?;
    app.click("#imap-save").await?;
    app.find_soon("[data-imap-saved]", Duration::from_secs(10))
        .await?;
    Ok(tested)
}

/// Imports `csv` (contacts) and the sample issue with the CLI, before the app starts.
fn contacts_and_sample_issue(launch: &Launch, csv: &str) -> Result<()> {
    let file = launch.data_dir.join("contacts.csv");
    std::fs::write(&file, csv)?;
    launch.cli(&["contacts".as_ref(), "import".as_ref(), file.as_os_str()])?;
    let sample = tandem_testkit::workspace_root().join("core/src/sample/issue.json");
    launch.cli(&["issue".as_ref(), "import".as_ref(), sample.as_os_str()])?;
    Ok(())
}

fn unsubscribe_token(launch: &Launch, email: &str) -> Result<String> {
    let contact: serde_json::Value =
        serde_json::from_str(&launch.cli(&["contacts", "show", email, "--json"])?)?;
    Ok(contact["unsubscribe_token"].as_str().unwrap().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn check_the_mailbox_then_confirm_a_request_in_dutch_and_french() -> Result<()> {
    let keyring = Keyring::start()?;
    let smtp = Aiosmtpd::builder().start()?;
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start()?;
    let (_dir, mut launch) = Launch::temp("nl_BE.UTF-8");
    launch.env = vec![("DBUS_SESSION_BUS_ADDRESS".into(), keyring.address().into())];

    // A real send to four contacts, made with the command line before the app starts.
    contacts_and_sample_issue(
        &launch,
        "email;voornaam;taal\nanne@example.be;Anne;fr\njan@example.be;Jan;nl\n\
         sam@example.be;Sam;fr/nl\nzoe@example.be;Zoé;fr\n",
    )?;
    launch.cli(&[
        "send",
        "1",
        "--smtp",
        &format!("smtp://127.0.0.1:{}", smtp.port()),
        "--from",
        "Platform Kinderen op de vlucht <office@example.org>",
    ])?;
    let ledger: serde_json::Value = serde_json::from_str(&launch.cli(&["ledger"])?)?;
    let message_id = |email: &str| {
        ledger
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["email"] == email)
            .unwrap()["message_id"]
            .as_str()
            .unwrap()
            .trim_matches(['<', '>'])
            .to_owned()
    };
    let token = unsubscribe_token(&launch, "anne@example.be")?;

    // What came back: Zoé's address no longer exists (Exchange Online's report), Anne
    // clicked "unsubscribe" in her mail client, Jan wrote in Dutch without a token.
    dovecot.append(
        OFFICE,
        "INBOX",
        &[
            fixture("exchange-online-ndr.eml")
                .replace("{{RECIPIENT}}", "zoe@example.be")
                .replace("{{MESSAGE_ID}}", &message_id("zoe@example.be"))
                .into_bytes(),
            fixture("unsubscribe-with-token.eml")
                .replace("{{SENDER}}", "Anne <anne@example.be>")
                .replace("{{TOKEN}}", &token)
                .into_bytes(),
            b"From: Jan <jan@example.be>\r\nSubject: Graag uitschrijven\r\n\r\nIk wil de nieuwsbrief niet meer ontvangen.\r\n".to_vec(),
        ],
    )?;

    let app = App::start(&launch).await?;
    // Before it is set: the Send view says the mailbox is not read, and where to set it.
    app.find("nav [data-view='send']").await?.click().await?;
    app.find_soon("[data-mailbox-off]", Duration::from_secs(10))
        .await?;

    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    let tested = set_up_mailbox(&app, dovecot.port(), &dovecot).await?;
    assert!(tested.contains('3'), "{tested}");
    app.find(".mailbox-settings")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("settings-mailbox-nl").await?;

    // The Send view checks by itself when it opens (automatic is on by default).
    app.find("nav [data-view='send']").await?.click().await?;
    let summary = app
        .find_soon("[data-mailbox-summary]", Duration::from_secs(30))
        .await?
        .text()
        .await?;
    assert!(summary.contains("1 afgemeld op eigen verzoek"), "{summary}");
    assert!(summary.contains("1 foutief adres"), "{summary}");
    assert!(
        !summary.contains("tijdelijk"),
        "only what happened: {summary}"
    );
    assert!(summary.contains("1 te bevestigen"), "{summary}");
    app.find("[data-mailbox-request='jan@example.be']").await?;
    app.find("[data-mailbox-action='bounced'][data-email='zoe@example.be']")
        .await?;
    app.find("[data-mailbox]").await?.scroll_into_view().await?;
    app.screenshot("send-mailbox-checked-nl").await?;

    // A person confirms Jan's request.
    app.click("[data-mailbox-request='jan@example.be'] [data-confirm]")
        .await?;
    app.wait_for(
        "!document.querySelector(\"[data-mailbox-request='jan@example.be']\")",
        Duration::from_secs(10),
    )
    .await?;
    // The ledger says Zoé's message bounced later.
    app.find_soon(
        "tr[data-email='zoe@example.be'] td[data-bounce='hard']",
        Duration::from_secs(10),
    )
    .await?;
    let row = app
        .find("tr[data-email='zoe@example.be']")
        .await?
        .text()
        .await?;
    assert!(row.contains("5.1.10"), "{row}");
    // The send's bounce rate, against the 2 % at which providers start to penalise.
    let rate = app
        .find_soon("[data-bounce-rate]", Duration::from_secs(10))
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(rate.contains("1 van de"), "{rate}");
    assert!(rate.contains("boven de 2"), "{rate}");
    app.find("tr[data-email='zoe@example.be']")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("send-ledger-bounced-later-nl").await?;

    // Contacts: the statuses and why.
    app.find("nav [data-view='contacts']")
        .await?
        .click()
        .await?;
    app.find_soon(
        "[data-status='bounced'][data-reason='bounce']",
        Duration::from_secs(10),
    )
    .await?;
    // The row says it briefly; the pointer gets the whole reason and the date.
    let anne = app
        .find("[data-status='unsubscribed'][data-reason='email_request']")
        .await?;
    assert!(anne.text().await?.contains("gevraagd per e-mail"));
    let title = anne.attr("title").await?.unwrap_or_default();
    assert!(
        title.starts_with("op eigen verzoek per e-mail — "),
        "{title}"
    );
    app.screenshot("contacts-after-mailbox-nl").await?;

    // In French: the undo asks first.
    app.choose_language("fr").await?;
    app.find("nav [data-view='send']").await?.click().await?;
    // The panel checks by itself as it opens; the list is there before that check
    // ends, so wait for it (its end used to move the list under a click in flight).
    app.find_soon("[data-mailbox-summary='1']", Duration::from_secs(30))
        .await?;
    app.find_soon(
        "[data-mailbox-action='unsubscribed'] [data-undo]",
        Duration::from_secs(10),
    )
    .await?
    .click()
    .await?;
    let warning = app
        .find_soon(".confirm-undo", Duration::from_secs(5))
        .await?
        .text()
        .await?;
    assert!(
        warning.contains("a demandé à ne plus recevoir"),
        "{warning}"
    );
    // The keyboard is on "No", not lost with the button that opened the question.
    app.wait_for(
        "document.activeElement?.hasAttribute('data-undo-no')",
        Duration::from_secs(5),
    )
    .await?;
    app.find("[data-mailbox]").await?.scroll_into_view().await?;
    app.screenshot("send-mailbox-undo-fr").await?;
    app.click("[data-undo-confirm]").await?;
    app.find_soon(
        "[data-mailbox-action='unsubscribed'].undone",
        Duration::from_secs(10),
    )
    .await?;
    app.click("#mailbox-check").await?;
    // The second check of this panel, not the first one's summary still shown.
    let summary = app
        .find_soon("[data-mailbox-summary='2']", Duration::from_secs(30))
        .await?
        .text()
        .await?;
    assert!(summary.contains("Rien de nouveau"), "{summary}");
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");
    app.quit().await?;

    let anne: serde_json::Value =
        serde_json::from_str(&launch.cli(&["contacts", "show", "anne@example.be", "--json"])?)?;
    assert_eq!(anne["status"], "subscribed", "undone");
    let jan: serde_json::Value =
        serde_json::from_str(&launch.cli(&["contacts", "show", "jan@example.be", "--json"])?)?;
    assert_eq!(jan["status"], "unsubscribed");
    let moved = dovecot.messages(OFFICE, "Tandem")?;
    assert_eq!(
        moved.len(),
        2,
        "the bounce and Anne's request; Jan's stays for a person"
    );
    Ok(())
}

/// Send confirmed right after the Send view opened, while the check it started is
/// still reading a slow mailbox: the send waits for that check, so Anne, whose
/// unsubscribe request is in the mailbox, gets nothing (it used to start at once).
#[tokio::test(flavor = "multi_thread")]
async fn a_send_waits_for_the_check_under_way_and_leaves_out_who_just_unsubscribed() -> Result<()> {
    let keyring = Keyring::start()?;
    let dovecot = Dovecot::builder().user(OFFICE, PASSWORD).start()?;
    let relay = SlowRelay::start(dovecot.port())?;
    let (_dir, mut launch) = Launch::temp("fr_BE.UTF-8");
    launch.env = vec![("DBUS_SESSION_BUS_ADDRESS".into(), keyring.address().into())];
    contacts_and_sample_issue(
        &launch,
        "email;langue\nanne@example.be;fr\njan@example.be;nl\nsam@example.be;fr/nl\n",
    )?;
    let token = unsubscribe_token(&launch, "anne@example.be")?;
    dovecot.append(
        OFFICE,
        "INBOX",
        &[fixture("unsubscribe-with-token.eml")
            .replace("{{SENDER}}", "Anne <anne@example.be>")
            .replace("{{TOKEN}}", &token)
            .into_bytes()],
    )?;

    let app = App::start(&launch).await?;
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    set_up_mailbox(&app, relay.port(), &dovecot).await?;

    // From now on every answer of the mailbox comes a second late: a check takes seconds.
    relay.set_delay(Duration::from_millis(1000));
    app.find("nav [data-view='send']").await?.click().await?;
    app.find_soon("#mailbox-check:disabled", Duration::from_secs(10))
        .await?;
    app.find_soon("[data-action='send']:enabled", Duration::from_secs(10))
        .await?
        .click()
        .await?;
    app.find_soon("[data-action='confirm-send']", Duration::from_secs(5))
        .await?
        .click()
        .await?;
    // Confirmed during the check: the send says it waits for it.
    let waiting = app.find("[data-send-preparing]").await?.text().await?;
    assert!(waiting.contains("boîte aux lettres d'abord"), "{waiting}");
    assert_eq!(
        app.find("#mailbox-check")
            .await?
            .prop("disabled")
            .await?
            .as_deref(),
        Some("true"),
        "the check ended before the send was confirmed: this run did not test the wait"
    );
    app.find(".sending").await?.scroll_into_view().await?;
    app.screenshot("send-preparing-fr").await?;
    app.wait_for(
        "(() => { const p = document.querySelector('.progress');
           return p && p.dataset.active === 'false' && p.dataset.outbox === '2'; })()",
        Duration::from_secs(60),
    )
    .await?;
    let summary = app.find("[data-mailbox-summary]").await?.text().await?;
    assert!(summary.contains("1 désinscription"), "{summary}");
    // A send's ledger: each reader with where the message stands.
    let ledger = |run: &str| -> Result<Vec<String>> {
        let rows: serde_json::Value = serde_json::from_str(&launch.cli(&["ledger", run])?)?;
        let mut rows: Vec<_> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r["email"].as_str().unwrap(),
                    r["status"].as_str().unwrap()
                )
            })
            .collect();
        rows.sort();
        Ok(rows)
    };
    let delivered = vec![
        "jan@example.be outbox".to_owned(),
        "sam@example.be outbox".to_owned(),
    ];
    assert_eq!(ledger("1")?, delivered);
    // The ledger's list of sends counts what went to the outbox folder ("0 of 2" read as
    // a failure).
    app.wait_for(
        r##"document.querySelector("#ledger-run option[value='1']")?.textContent
             .includes("2 sur 2 dans le dossier d'envoi")"##,
        Duration::from_secs(10),
    )
    .await?;

    // The mailbox server is gone: before sending again, the user is told that what came
    // back since the last reading is not applied, and chooses.
    drop(relay);
    app.find_soon("[data-action='send']:enabled", Duration::from_secs(10))
        .await?
        .click()
        .await?;
    app.click("[data-action='confirm-send']").await?;
    let dialog = app
        .find_soon("[data-send-mailbox-unread]", Duration::from_secs(30))
        .await?
        .text()
        .await?;
    assert!(
        dialog.contains("pas pu être lue juste avant cet envoi"),
        "{dialog}"
    );
    app.find(".sending").await?.scroll_into_view().await?;
    app.screenshot("send-mailbox-unread-fr").await?;
    // The keyboard is on "Not now", then back on "Send" (not lost with the buttons
    // that the questions replaced).
    let focused = |action: &str| format!("document.activeElement?.dataset.action === '{action}'");
    app.wait_for(&focused("send-not-now"), Duration::from_secs(5))
        .await?;
    // The same question in Dutch.
    app.choose_language("nl").await?;
    let dialog = app.find("[data-send-mailbox-unread]").await?.text().await?;
    assert!(
        dialog.contains("De mailbox kon net voor deze verzending niet gelezen worden"),
        "{dialog}"
    );
    app.find(".sending").await?.scroll_into_view().await?;
    app.screenshot("send-mailbox-unread-nl").await?;
    app.click("[data-action='send-not-now']").await?;
    app.wait_for(&focused("send"), Duration::from_secs(5))
        .await?;
    assert!(
        launch.cli(&["ledger", "2"]).is_err(),
        "not now: nothing was sent"
    );
    app.click("[data-action='send']").await?;
    app.wait_for(&focused("confirm-send-no"), Duration::from_secs(5))
        .await?;
    app.click("[data-action='confirm-send']").await?;
    app.click("[data-action='send-anyway']").await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while ledger("2").ok().as_ref() != Some(&delivered) {
        assert!(
            std::time::Instant::now() < deadline,
            "the second send did not reach its two readers: {:?}",
            ledger("2")
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.quit().await?;
    Ok(())
}
