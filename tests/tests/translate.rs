//! Translation drafts in the real window, in Dutch then French: the service set up in
//! Settings (the key in a real keychain, a DeepL-compatible test server on 127.0.0.1),
//! the one-time notice, "Translate from French" on one block, the machine-draft mark,
//! the Dutch edition in the preview, "Translate every missing side", "Reread, OK", the
//! Send view's warning, a new draft over a reread side compared and accepted.
//! Screenshots looked at.

use std::time::Duration;

use tandem_e2e::{App, Launch, Result};
use tandem_testkit::{Keyring, TranslateServer};

const KEY: &str = "e2e-key:fx";

/// Imports `issue` (a `tandem-issue/1` document) with the CLI, before the app starts.
fn import_issue(launch: &Launch, issue: serde_json::Value) -> Result<()> {
    let file = launch.data_dir.join("issue.json");
    std::fs::write(&file, issue.to_string())?;
    launch.cli(&["issue".as_ref(), "import".as_ref(), file.as_os_str()])?;
    Ok(())
}

/// Settings → Translation: DeepL with the test server's address and key, saved.
async fn set_up_deepl(app: &App, server: &TranslateServer) -> Result<()> {
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    app.find_soon(
        "#translate-service option[value='deepl']",
        Duration::from_secs(10),
    )
    .await?
    .click()
    .await?;
    app.fill("#translate-key", KEY).await?;
    app.fill("#translate-url", &server.url()).await?;
    app.click("#translate-save").await?;
    app.find_soon("[data-translate-saved]", Duration::from_secs(10))
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn translate_a_block_then_every_missing_side_then_reread_in_dutch_and_french() -> Result<()> {
    let keyring = Keyring::start()?;
    let server = TranslateServer::start(KEY, None)?;
    let (_dir, mut launch) = Launch::temp("nl_BE.UTF-8");
    launch.env = vec![("DBUS_SESSION_BUS_ADDRESS".into(), keyring.address().into())];
    // An issue written in French only (Dutch still to do), as a colleague left it.
    import_issue(
        &launch,
        serde_json::json!({
            "format": "tandem-issue/1", "number": 9, "date": "2027-02-01",
            "subject": {"fr": "Lettre d'information", "nl": ""},
            "preheader": {"fr": "Groupe de travail école", "nl": ""},
            "blocks": [
                {"kind": "article", "title": {"fr": "Le tuteur et les MENA", "nl": ""},
                 "body": {"fr": "Le **tuteur** est *désigné* par le [service](https://www.just.fgov.be/tutelle).\n\n- un enfant\n- deux enfants", "nl": ""}},
                {"kind": "heading", "text": {"fr": "Formation", "nl": ""}},
                {"kind": "button", "label": {"fr": "Inscrivez-vous", "nl": ""}, "url": "https://example.be/form"}
            ]
        }),
    )?;

    let app = App::start(&launch).await?;
    // Off until someone sets it up: no translate button yet.
    app.find_soon("[data-block-index='0']", Duration::from_secs(15))
        .await?;
    assert!(app.absent("[data-action='translate-block']").await?);

    set_up_deepl(&app, &server).await?;
    app.click("#translate-usage").await?;
    let usage = app
        .find_soon("[data-translate-usage]", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(usage.contains("0 van 500.000"), "{usage}");
    app.find(".translate-settings")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("settings-translation-nl").await?;

    // The glossary from a CSV (as Excel writes it: ;) and back out.
    let csv = launch.data_dir.join("woordenlijst.csv");
    std::fs::write(&csv, "fr;nl\ntuteur;voogd\nMENA;NBMV\nformation;vorming\n")?;
    app.find("[data-glossary-input]")
        .await?
        .send_keys(csv.display().to_string())
        .await?;
    app.wait_for(
        "document.querySelector('[data-glossary-rows]')?.dataset.glossaryRows === '3'",
        Duration::from_secs(10),
    )
    .await?;
    app.click("[data-action='glossary-export']").await?;
    app.find_soon("[data-glossary-exported]", Duration::from_secs(10))
        .await?;
    let exported = std::fs::read_to_string(launch.export_dir().join("glossaire-woordenlijst.csv"))?;
    assert_eq!(
        exported,
        "fr,nl\ntuteur,voogd\nMENA,NBMV\nformation,vorming\n"
    );
    // A file that is not a glossary changes nothing and says why.
    let bad = launch.data_dir.join("one-column.csv");
    std::fs::write(&bad, "tuteur\nvoogd\n")?;
    app.find("[data-glossary-input]")
        .await?
        .send_keys(bad.display().to_string())
        .await?;
    let err = app
        .find_soon("[data-glossary-error]", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(
        err.contains("Regel 1 van dit bestand heeft maar één kolom"),
        "{err}"
    );
    app.find("[data-action='glossary-export']")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("settings-glossary-nl").await?;
    assert_eq!(
        app.find("[data-glossary-rows]")
            .await?
            .attr("data-glossary-rows")
            .await?
            .as_deref(),
        Some("3")
    );

    // One block: the notice first, then the draft with its mark.
    app.find("nav [data-view='composer']")
        .await?
        .click()
        .await?;
    app.click("[data-block-index='0'] [data-action='translate-block']")
        .await?;
    app.find_soon("[data-translate-notice]", Duration::from_secs(10))
        .await?;
    // The keyboard is in the notice, on its safe answer.
    app.wait_for(
        "document.activeElement?.closest('[data-translate-notice]') !== null
         && document.activeElement.dataset.action !== 'accept-notice'",
        Duration::from_secs(5),
    )
    .await?;
    app.screenshot("composer-translate-notice-nl").await?;
    app.click("[data-action='accept-notice']").await?;
    let mark = app
        .find_soon(
            "[data-block-index='0'] [data-machine-draft='nl']",
            Duration::from_secs(20),
        )
        .await?;
    assert!(mark.text().await?.contains("automatisch concept — nalezen"));
    let nl = app.preview_text("nl").await?;
    assert!(nl.contains("De voogd en de NBMV"), "{nl}");
    assert!(nl.contains("twee kinderen"), "{nl}");
    app.find("[data-block-index='0']")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("composer-translated-block-nl").await?;

    // Every other missing side, with progress.
    app.click("[data-action='translate-all']").await?;
    app.wait_for(
        "document.querySelectorAll('[data-machine-draft=\"nl\"]').length === 4",
        Duration::from_secs(30),
    )
    .await?;
    let status = app.find("[data-machine-drafts]").await?.text().await?;
    assert!(status.contains("4 automatische concepten"), "{status}");
    assert!(
        app.absent("[data-action='translate-all']").await?,
        "nothing left to translate"
    );

    // "Reread, OK" on the first block clears its mark (saved, and so after a reload).
    app.click("[data-block-index='0'] [data-action='reread']")
        .await?;
    app.wait_for(
        "!document.querySelector(\"[data-block-index='0'] [data-machine-draft]\")",
        Duration::from_secs(10),
    )
    .await?;
    app.wait_for(
        "document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
        Duration::from_secs(10),
    )
    .await?;

    // The Send view warns (it does not block).
    app.find("nav [data-view='send']").await?.click().await?;
    let warning = app
        .find_soon("[data-check='machine-drafts']", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(
        warning.contains("3 teksten zijn automatische concepten"),
        "{warning}"
    );

    // In French.
    app.choose_language("fr").await?;
    app.find("nav [data-view='composer']")
        .await?
        .click()
        .await?;
    let mark = app
        .find_soon(
            "[data-block-index='1'] [data-machine-draft='nl']",
            Duration::from_secs(10),
        )
        .await?
        .text()
        .await?;
    assert!(mark.contains("brouillon automatique — à relire"), "{mark}");
    app.find("[data-block-index='1']")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("composer-machine-drafts-fr").await?;

    // The French title changes after the Dutch was reread: a new Dutch draft is asked
    // for, shown beside the Dutch text now, and replaces it only when chosen.
    app.fill(
        "[data-block-index='0'] input[lang='fr']",
        "Le tuteur des MENA",
    )
    .await?;
    app.wait_for(
        "document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
        Duration::from_secs(10),
    )
    .await?;
    app.click("[data-block-index='0'] .redraft-menu summary")
        .await?;
    app.click("[data-block-index='0'] [data-action='redraft'][data-from='fr']")
        .await?;
    let current = app
        .find_soon(
            "[data-redraft='0'] [data-redraft-current]",
            Duration::from_secs(20),
        )
        .await?
        .text()
        .await?;
    assert!(current.contains("De voogd en de NBMV"), "{current}");
    let draft = app
        .find("[data-redraft='0'] [data-redraft-draft]")
        .await?
        .text()
        .await?;
    assert!(draft.contains("De voogd van de NBMV"), "{draft}");
    // Nothing replaced yet.
    assert!(app
        .preview_text("nl")
        .await?
        .contains("De voogd en de NBMV"));
    app.find("[data-redraft='0']")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("composer-redraft-fr").await?;
    app.choose_language("nl").await?;
    app.find("[data-redraft='0']")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("composer-redraft-nl").await?;
    app.choose_language("fr").await?;
    app.click("[data-action='accept-redraft']").await?;
    app.find_soon(
        "[data-block-index='0'] [data-machine-draft='nl']",
        Duration::from_secs(10),
    )
    .await?;
    let nl = app.preview_text("nl").await?;
    assert!(
        nl.contains("De voogd van de NBMV") && !nl.contains("De voogd en de NBMV"),
        "{nl}"
    );
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");
    app.quit().await?;

    let dir = launch.data_dir.join("export");
    launch.cli(&[
        "issue".as_ref(),
        "export".as_ref(),
        "1".as_ref(),
        dir.as_os_str(),
    ])?;
    let issue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("issue.json"))?)?;
    assert_eq!(
        issue["blocks"][0]["machine_draft"],
        serde_json::json!(["nl"]),
        "reread, then a new draft accepted"
    );
    assert_eq!(
        issue["blocks"][1]["machine_draft"],
        serde_json::json!(["nl"])
    );
    assert_eq!(issue["machine_draft"], serde_json::json!(["nl"]));
    // Texts only ever went to the service.
    let requests = serde_json::to_string(&server.requests()?)?;
    assert!(
        !requests.contains("@example"),
        "no address reached the service"
    );
    Ok(())
}

/// A translation takes a while (here the service answers after 5 s): what someone types
/// meanwhile in another block is saved at once and is still there, on screen and in the
/// database, once the draft has arrived.
#[tokio::test(flavor = "multi_thread")]
async fn typing_in_another_block_while_a_block_is_translated_is_kept() -> Result<()> {
    let keyring = Keyring::start()?;
    let server = TranslateServer::start(KEY, None)?;
    let (_dir, mut launch) = Launch::temp("fr_BE.UTF-8");
    launch.env = vec![("DBUS_SESSION_BUS_ADDRESS".into(), keyring.address().into())];
    import_issue(
        &launch,
        serde_json::json!({
            "format": "tandem-issue/1", "number": 9, "date": "2027-02-01",
            "subject": {"fr": "Lettre", "nl": "Brief"},
            "preheader": {"fr": "Groupe école", "nl": ""},
            "blocks": [
                {"kind": "heading", "text": {"fr": "Le tuteur", "nl": ""}},
                {"kind": "heading", "text": {"fr": "Formation", "nl": "Opleiding"}},
                {"kind": "heading", "text": {"fr": "Le tuteur désigné", "nl": ""}}
            ]
        }),
    )?;
    let app = App::start(&launch).await?;
    set_up_deepl(&app, &server).await?;
    app.find("nav [data-view='composer']")
        .await?
        .click()
        .await?;

    server.fault("timeout", 1)?;
    app.click("[data-block-index='0'] [data-action='translate-block']")
        .await?;
    app.click("[data-action='accept-notice']").await?;
    // While the service thinks: another block is edited, and saved.
    let other = "[data-block-index='1'] input[lang='fr']";
    app.fill(other, "Formation continue").await?;
    app.wait_for(
        "document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
        Duration::from_secs(3),
    )
    .await?;
    assert!(
        app.absent("[data-block-index='0'] [data-machine-draft]")
            .await?,
        "saved before the draft arrived"
    );
    app.fill(other, "Formation continue des tuteurs").await?;
    app.find_soon(
        "[data-block-index='0'] [data-machine-draft='nl']",
        Duration::from_secs(20),
    )
    .await?;
    app.wait_for(
        "document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
        Duration::from_secs(10),
    )
    .await?;
    let shown = app.find(other).await?.prop("value").await?;
    assert_eq!(shown.as_deref(), Some("Formation continue des tuteurs"));

    // "Translate every missing side": the first text (the preheader) is itself edited
    // while it is translated. The edit wins, its draft is left out and the message says
    // so; the next block is still translated.
    server.fault("timeout", 1)?;
    app.click("[data-action='translate-all']").await?;
    app.fill("#preheader-fr", "Groupe école et santé").await?;
    app.find_soon(
        "[data-block-index='2'] [data-machine-draft='nl']",
        Duration::from_secs(20),
    )
    .await?;
    let error = app
        .find_soon(
            "[data-translate-error='translate-error-edited']",
            Duration::from_secs(20),
        )
        .await?
        .text()
        .await?;
    assert!(error.contains("votre modification est gardée"), "{error}");
    app.wait_for(
        "document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
        Duration::from_secs(10),
    )
    .await?;
    let preheader = app.find("#preheader-nl").await?.prop("value").await?;
    assert_eq!(preheader.as_deref(), Some(""), "no draft put in");
    app.find("[data-translate-error]")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("composer-translate-edited-fr").await?;
    app.quit().await?;

    let dir = launch.data_dir.join("export");
    launch.cli(&[
        "issue".as_ref(),
        "export".as_ref(),
        "1".as_ref(),
        dir.as_os_str(),
    ])?;
    let issue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("issue.json"))?)?;
    assert_eq!(
        issue["blocks"][1]["text"]["fr"],
        "Formation continue des tuteurs"
    );
    assert_eq!(issue["blocks"][0]["text"]["nl"], "De voogd");
    assert_eq!(issue["preheader"]["fr"], "Groupe école et santé");
    assert_eq!(issue["preheader"]["nl"], "");
    assert_eq!(issue["blocks"][2]["text"]["nl"], "De voogd aangesteld");
    Ok(())
}
