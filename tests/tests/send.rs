//! Sending in the real window: set up the mail server in Settings (a local aiosmtpd with
//! STARTTLS and a login; no keychain here, so the password file is consented to, and the
//! mailbox's password (a Dovecot) goes beside it), test
//! the connection, send a test message, send to the contacts, watch the progress reach
//! the end and read the ledger. Screenshots in FR and NL.

use std::process::Command;
use std::time::Duration;

use tandem_e2e::thirtyfour::prelude::*;
use tandem_e2e::{App, Launch, Result};
use tandem_testkit::{Aiosmtpd, Dovecot};

async fn select(app: &App, css: &str, value: &str) -> Result<()> {
    app.find(&format!("{css} option[value='{value}']"))
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_is_set_up_a_test_is_sent_then_the_issue_and_the_ledger_shows_everyone(
) -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    // The contacts file, imported with the CLI into the app's database before it starts.
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "email;prénom;nom;langue\nanne@example.be;Anne;Dubois;fr\njan@example.be;Jan;Peeters;nl\n\
         sam@example.be;Sam;Janssens;fr/nl\nparti@example.be;Parti;Ailleurs;fr\n",
    )?;
    launch.cli(&["contacts".as_ref(), "import".as_ref(), csv.as_os_str()])?;
    launch.cli(&["contacts", "unsubscribe", "parti@example.be"])?;
    let server = Aiosmtpd::builder()
        .starttls()
        .auth("lettre@example.org", "mot-de-passe")
        .start()?;
    let dovecot = Dovecot::builder()
        .user("lettre@example.org", "lecture-seule")
        .start()?;
    let ca = server.certificate().unwrap().ca_pem.display().to_string();

    let app = App::start(&launch).await?;
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    // Nothing configured yet: the outbox is explained.
    app.find_soon("[data-smtp-outbox]", Duration::from_secs(10))
        .await?;
    app.find_soon("#smtp-preset", Duration::from_secs(10))
        .await?;
    select(&app, "#smtp-preset", "microsoft365").await?;
    let host = app.find("#smtp-host").await?.prop("value").await?;
    assert_eq!(
        host.as_deref(),
        Some("smtp.office365.com"),
        "the preset fills the server"
    );
    // Microsoft 365 offers its sign-in first; this mailbox still takes a password.
    app.find("fieldset.sign-in[data-provider='microsoft']")
        .await?;
    app.find("[data-action='use-password']")
        .await?
        .click()
        .await?;
    app.fill("#smtp-host", "127.0.0.1").await?;
    app.fill("#smtp-port", &server.port().to_string()).await?;
    app.fill("#smtp-username", "lettre@example.org").await?;
    app.fill("#smtp-password", "mot-de-passe").await?;
    app.fill("#smtp-from-name", "Plate-forme Mineurs en exil")
        .await?;
    app.fill("#smtp-from-address", "lettre@example.org").await?;
    app.find("#smtp-greeting").await?.click().await?;
    app.find(".advanced summary").await?.click().await?;
    app.fill("#smtp-ca-file", &ca).await?;

    app.find("[data-action='test-smtp']").await?.click().await?;
    app.wait_for(
        "document.querySelector('.smtp-test-result') !== null",
        Duration::from_secs(20),
    )
    .await?;
    let result = app.find(".smtp-test-result").await?;
    assert_eq!(
        result.attr("data-ok").await?.as_deref(),
        Some("true"),
        "{}",
        result.text().await?
    );

    app.find("[data-action='save-smtp']").await?.click().await?;
    // No keychain under Xvfb: Tandem asks before keeping the password in a file.
    app.find_soon(
        "[data-action='allow-password-file']",
        Duration::from_secs(10),
    )
    .await?
    .click()
    .await?;
    app.wait_for(
        "document.querySelector('[data-smtp-saved]')?.dataset.smtpSaved === 'file'",
        Duration::from_secs(10),
    )
    .await?;
    app.screenshot("settings-smtp-fr").await?;
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");

    // The mailbox's own password goes to the same private file, beside the sending one
    // (not over it): the Send view's check logs in with it, and the send below still
    // logs in with the sending one.
    app.find_soon("#imap-host", Duration::from_secs(10)).await?;
    // It follows the sending settings just saved: their account by default.
    app.wait_for(
        "document.querySelector('#imap-username')?.placeholder === 'lettre@example.org'",
        Duration::from_secs(10),
    )
    .await?;
    app.fill("#imap-host", "127.0.0.1").await?;
    app.fill("#imap-port", &dovecot.port().to_string()).await?;
    app.fill("#imap-password", "lecture-seule").await?;
    app.fill(
        "#imap-ca",
        &dovecot.certificate().ca_pem.display().to_string(),
    )
    .await?;
    app.click("#imap-save").await?;
    app.find_soon(
        "[data-action='allow-imap-password-file']",
        Duration::from_secs(10),
    )
    .await?
    .scroll_into_view()
    .await?;
    app.screenshot("settings-mailbox-no-keychain-fr").await?;
    app.click("[data-action='allow-imap-password-file']")
        .await?;
    app.find_soon("[data-imap-saved]", Duration::from_secs(10))
        .await?;
    // So does a translation key.
    select(&app, "#translate-service", "deepl").await?;
    app.fill("#translate-key", "cle-deepl:fx").await?;
    app.click("#translate-save").await?;
    app.click("[data-action='allow-translate-key-file']")
        .await?;
    app.find_soon("[data-translate-saved]", Duration::from_secs(10))
        .await?;
    // The key is read back from the file: the form offers DeepL's usage.
    app.find_soon("#translate-usage", Duration::from_secs(10))
        .await?;

    app.find("nav [data-view='send']").await?.click().await?;
    app.wait_for(
        "document.querySelector('.audience')?.dataset.total === '3'",
        Duration::from_secs(10),
    )
    .await?;
    let summary = app
        .find_soon("[data-mailbox-summary]", Duration::from_secs(30))
        .await?
        .text()
        .await?;
    assert!(summary.contains("Rien de nouveau"), "{summary}");
    for (edition, n) in [("fr", "1"), ("nl", "1"), ("bilingual", "1")] {
        let dd = app.find(&format!("dd[data-edition='{edition}']")).await?;
        assert_eq!(dd.text().await?, n, "{edition}");
    }
    let destination = app.find("[data-check='destination']").await?.text().await?;
    assert!(destination.contains("127.0.0.1"), "{destination}");

    app.fill("#send-test-email", "essai@example.org").await?;
    app.find("[data-action='send-test']").await?.click().await?;
    let received = server.wait_for_messages(1, Duration::from_secs(20))?;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_to, ["essai@example.org"]);
    let raw = String::from_utf8_lossy(&received[0].raw);
    assert!(
        raw.contains("Subject: [TEST]"),
        "{}",
        &raw[..raw.len().min(600)]
    );
    app.wait_for(
        "document.querySelector('[data-ending]')?.dataset.ending === 'finished'",
        Duration::from_secs(20),
    )
    .await?;

    app.send_to_everyone(3).await?;
    let bar = app.find(".progress progress").await?;
    assert_eq!(bar.prop("value").await?.as_deref(), Some("3"));
    assert_eq!(bar.prop("max").await?.as_deref(), Some("3"));
    app.wait_for(
        "document.querySelector('.ledger-table')?.dataset.rows === '3'",
        Duration::from_secs(10),
    )
    .await?;
    let sent_rows = app
        .driver()
        .find_all(By::Css(".ledger-table tr[data-status='sent']"))
        .await?;
    assert_eq!(sent_rows.len(), 3);
    let received = server.wait_for_messages(4, Duration::from_secs(10))?;
    // Each reader is greeted by name, in their language.
    let reports = tandem_testkit::check_mime(server.maildir())?;
    let anne = reports
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["to"]
                .as_str()
                .unwrap_or_default()
                .contains("anne@example.be")
        })
        .expect("Anne's message");
    assert_eq!(anne["greeting"], "Bonjour Anne Dubois,", "{anne}");
    let mut rcpts: Vec<String> = received[1..]
        .iter()
        .flat_map(|m| m.rcpt_to.clone())
        .collect();
    rcpts.sort();
    assert_eq!(
        rcpts,
        ["anne@example.be", "jan@example.be", "sam@example.be"]
    );
    // Sending the same issue again is possible, but said plainly first.
    app.find_soon("[data-check='already-sent']", Duration::from_secs(5))
        .await?;
    app.driver()
        .execute(
            "document.querySelector('.sending').scrollIntoView();",
            vec![],
        )
        .await?;
    app.screenshot("send-fr").await?;
    // The organisation's record of who received what, as a file for Excel.
    app.find("[data-action='export-ledger']")
        .await?
        .click()
        .await?;
    app.find_soon("[data-ledger-saved]", Duration::from_secs(10))
        .await?;
    let csv = std::fs::read_to_string(launch.export_dir().join(format!(
        "ledger-send-{}.csv",
        app.find("#ledger-run").await?.prop("value").await?.unwrap_or_default()
    )))?;
    assert!(csv.starts_with("\u{feff}email;edition;status"), "{csv}");
    assert_eq!(
        csv.lines().filter(|l| l.contains(";sent;")).count(),
        3,
        "{csv}"
    );
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");

    app.choose_language("nl").await?;
    let ending = app
        .find_soon("[data-ending]", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(ending.contains("voltooid"), "{ending}");
    app.screenshot("send-nl").await?;
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    app.find_soon("#smtp-host", Duration::from_secs(10)).await?;
    app.screenshot("settings-smtp-nl").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_send_cut_off_by_a_dead_server_is_offered_at_start_up_and_resumes_to_the_end(
) -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let db = launch.data_dir.join("tandem.sqlite3");
    let cli = tandem_e2e::cli_binary();
    let mut csv = String::from("email,language\n");
    for i in 0..20 {
        csv.push_str(&format!("lezer{i:02}@example.be,nl\n"));
    }
    let file = launch.data_dir.join("contacts.csv");
    std::fs::write(&file, csv)?;
    let sample = tandem_e2e::workspace_root().join("core/src/sample/issue.json");
    launch.cli(&["issue".as_ref(), "import".as_ref(), sample.as_os_str()])?;
    launch.cli(&["contacts".as_ref(), "import".as_ref(), file.as_os_str()])?;
    // The server dies at its 5th message and never comes back: the send stops, resumable.
    let sink = tandem_testkit::SmtpSink::builder()
        .flags(["-M", "5"])
        .start()?;
    let out = Command::new(&cli)
        .arg("--db")
        .arg(&db)
        .args([
            "send",
            "1",
            "--from",
            "PKV <info@example.org>",
            "--concurrency",
            "1",
        ])
        .args(["--give-up-after", "1", "--smtp"])
        .arg(format!("smtp://127.0.0.1:{}", sink.port()))
        .output()?;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("tandem send --resume"), "{stderr}");

    let app = App::start(&launch).await?;
    let banner = app
        .find_soon("[data-interrupted-banner]", Duration::from_secs(10))
        .await?;
    let text = banner.text().await?;
    assert!(text.contains("onderbroken"), "{text}");
    app.screenshot("send-interrupted-nl").await?;
    banner
        .find(By::Css("button.button-primary"))
        .await?
        .click()
        .await?;
    // No server is set up in the app, but the send started through one: Tandem asks
    // which way to go on, naming both, and sends nothing before the answer.
    app.find_soon(
        "[data-action='resume-interrupted']",
        Duration::from_secs(10),
    )
    .await?
    .click()
    .await?;
    let dialog = app
        .find_soon("[data-destination-changed]", Duration::from_secs(10))
        .await?;
    let text = dialog.text().await?;
    let server = format!("127.0.0.1:{}", sink.port());
    let outbox_dir = launch.data_dir.join("outbox");
    assert!(text.contains(&server), "{text}");
    assert!(text.contains(&outbox_dir.display().to_string()), "{text}");
    assert!(text.contains("via de server"), "{text}");
    app.screenshot("send-resume-where-nl").await?;
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");

    // The server is back: go on as the send started.
    let back = Aiosmtpd::builder().port(sink.port()).start()?;
    app.find("[data-action='resume-started']")
        .await?
        .click()
        .await?;
    let finished = app
        .wait_for(
            "document.querySelector('[data-ending]')?.dataset.ending === 'finished'",
            Duration::from_secs(30),
        )
        .await;
    if finished.is_err() {
        app.screenshot("send-interrupted-resume-failed").await?;
        let page = app.find(".view").await?.text().await?;
        panic!("the resumed send did not finish: {page}");
    }
    app.wait_for(
        "document.querySelectorAll('.ledger-table tr[data-status=\"sent\"]').length === 20",
        Duration::from_secs(10),
    )
    .await?;
    let received = back.count()?;
    assert!(
        (15..=16).contains(&received),
        "the 15 or 16 still pending went to the server, got {received}"
    );
    assert!(!outbox_dir.exists(), "nothing went to the outbox folder");
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_providers_limit_makes_the_send_wait_and_pause_stops_it_with_nobody_lost() -> Result<()>
{
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "email,language\nun@example.be,fr\ndeux@example.be,nl\ntrois@example.be,fr\n",
    )?;
    launch.cli(&["contacts".as_ref(), "import".as_ref(), csv.as_os_str()])?;
    let server = Aiosmtpd::builder().start()?;

    let app = App::start(&launch).await?;
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    app.find_soon("#smtp-host", Duration::from_secs(10)).await?;
    // Testing an empty form says what is missing, in French, before trying anything.
    app.find("[data-action='test-smtp']").await?.click().await?;
    let said = app
        .find_soon(".smtp-test-result", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(said.contains("nom du serveur"), "{said}");
    app.fill("#smtp-host", "127.0.0.1").await?;
    app.fill("#smtp-port", &server.port().to_string()).await?;
    select(&app, "#smtp-security", "none").await?;
    app.fill("#smtp-from-address", "lettre@example.org").await?;
    // What was typed and not saved yet survives a visit to another screen.
    app.find_soon("[data-smtp-dirty]", Duration::from_secs(5))
        .await?;
    app.find("nav [data-view='composer']")
        .await?
        .click()
        .await?;
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    let host = app
        .find_soon("#smtp-host", Duration::from_secs(10))
        .await?
        .prop("value")
        .await?;
    assert_eq!(host.as_deref(), Some("127.0.0.1"));
    app.find_soon("[data-smtp-dirty]", Duration::from_secs(5))
        .await?;
    // One message a minute: the second one has to wait.
    app.find("[data-action='add-limit']").await?.click().await?;
    app.fill(".limit-row input[type='number']", "1").await?;
    app.find("[data-action='save-smtp']").await?.click().await?;
    app.find_soon("[data-smtp-saved]", Duration::from_secs(10))
        .await?;

    app.find("nav [data-view='send']").await?.click().await?;
    app.start_send_to_everyone(3).await?;
    let waiting = app
        .wait_for(
            "(() => { const p = document.querySelector('.progress');
               return p && p.dataset.sent === '1' && p.textContent.includes('limite'); })()",
            Duration::from_secs(60),
        )
        .await;
    if waiting.is_err() {
        app.screenshot("send-waiting-limit-failed").await?;
        let page = app.find(".view").await?.text().await?;
        panic!("the send did not wait for the limit: {page}");
    }
    app.screenshot("send-waiting-limit-fr").await?;
    app.find("[data-action='pause']").await?.click().await?;
    app.wait_for(
        "document.querySelector('[data-ending]')?.dataset.ending === 'paused'",
        Duration::from_secs(10),
    )
    .await?;
    app.wait_for(
        "document.querySelectorAll('.ledger-table tr[data-status=\"pending\"]').length === 2",
        Duration::from_secs(10),
    )
    .await?;
    app.find("[data-action='resume']").await?;
    assert_eq!(
        server.messages()?.len(),
        1,
        "only the first went before the pause"
    );
    app.quit().await
}

/// A server with a self-signed certificate: "Test connection" shows the certificate with
/// a warning; the user trusts this exact certificate; the test then succeeds and the pin
/// is saved with the settings; a send goes through. (FR: certificate; NL: changed.)
#[tokio::test(flavor = "multi_thread")]
async fn a_self_signed_certificate_is_shown_trusted_by_the_user_and_then_used() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let server = Aiosmtpd::builder().self_signed().start()?;
    let pin = server.certificate().unwrap().sha256.clone();

    let app = App::start(&launch).await?;
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    app.find_soon("#smtp-host", Duration::from_secs(10)).await?;
    app.fill("#smtp-host", "127.0.0.1").await?;
    app.fill("#smtp-port", &server.port().to_string()).await?;
    app.fill("#smtp-from-address", "lettre@example.org").await?;
    app.find("[data-action='test-smtp']").await?.click().await?;
    let box_ = app
        .find_soon("[data-certificate]", Duration::from_secs(20))
        .await?;
    assert_eq!(
        box_.attr("data-certificate").await?.as_deref(),
        Some(pin.as_str())
    );
    let text = box_.text().await?;
    assert!(text.contains("mail.asbl-exemple.be"), "{text}");
    assert!(text.contains("auto-signé"), "{text}");
    assert!(text.contains(&pin[..2].to_uppercase()), "{text}");
    let warning = app.find(".smtp-test-result").await?;
    assert_eq!(
        warning.attr("data-error-code").await?.as_deref(),
        Some("error-smtp-certificate-untrusted")
    );
    box_.scroll_into_view().await?;
    app.screenshot("settings-certificate-fr").await?;
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");

    app.find("[data-action='trust-certificate']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('.smtp-test-result')?.dataset.ok === 'true'",
        Duration::from_secs(20),
    )
    .await?;
    app.find("[data-action='save-smtp']").await?.click().await?;
    app.find_soon("[data-smtp-saved]", Duration::from_secs(10))
        .await?;
    let saved = launch.cli(&["send", "1", "--test", "essai@example.org"])?;
    assert!(saved.contains("\"sent\":1"), "{saved}");
    assert_eq!(server.count()?, 1, "the pinned server was used");

    // The server's certificate changes: the test says so, in Dutch, and shows the new one.
    let port = server.port();
    drop(server);
    let other = Aiosmtpd::builder().self_signed().port(port).start()?;
    app.find("[data-lang='nl']").await?.click().await?;
    app.find("[data-action='test-smtp']").await?.click().await?;
    let box_ = app
        .find_soon("[data-certificate]", Duration::from_secs(20))
        .await?;
    assert_eq!(
        box_.attr("data-certificate").await?.as_deref(),
        Some(other.certificate().unwrap().sha256.as_str())
    );
    let warning = app.find(".smtp-test-result").await?;
    assert_eq!(
        warning.attr("data-error-code").await?.as_deref(),
        Some("error-smtp-certificate-changed")
    );
    assert!(warning.text().await?.contains("Opgelet"));
    box_.scroll_into_view().await?;
    app.screenshot("settings-certificate-changed-nl").await?;
    assert_eq!(other.count()?, 0);
    app.quit().await
}
