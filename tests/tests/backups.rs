//! Settings → Backups in the real window: back up, someone unsubscribes, restore the
//! backup, and the person is still unsubscribed (the restore said so before it ran).

use std::time::Duration;

use tandem_e2e::{App, Launch, Result};

fn contact_status(launch: &Launch, email: &str) -> Result<String> {
    let shown: serde_json::Value =
        serde_json::from_str(&launch.cli(&["contacts", "show", email, "--json"])?)?;
    Ok(shown["status"].as_str().unwrap_or_default().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn back_up_unsubscribe_restore_and_the_person_stays_unsubscribed() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "email;prénom;langue\r\nanne.dupont@example.be;Anne;fr\r\njan@example.be;Jan;nl\r\n",
    )?;
    launch.cli(&["contacts", "import", csv.to_str().unwrap()])?;
    let app = App::start(&launch).await?;
    app.click("nav [data-view='settings']").await?;
    app.find_soon("[data-backups]", Duration::from_secs(5))
        .await?;
    app.click("[data-action='backup-now']").await?;
    app.wait_for(
        "document.querySelectorAll('[data-backup]').length === 1",
        Duration::from_secs(10),
    )
    .await?;
    let row = app.find("[data-backup]").await?.text().await?;
    assert!(row.contains("2 contacts"), "{row}");
    app.screenshot("backups-fr").await?;

    // Anne asks to stop (here through the command line, beside the running app).
    launch.cli(&["contacts", "unsubscribe", "anne.dupont@example.be"])?;

    // Restore: first what it would do, with the safe answer focused.
    app.click("[data-restore]").await?;
    app.find_soon("[data-restore-confirm]", Duration::from_secs(10))
        .await?;
    // (Fluent isolates each number it places with U+2068/U+2069.)
    let confirm = app
        .find("[data-restore-confirm]")
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        confirm.contains("1 personne qui s'est désinscrite"),
        "{confirm}"
    );
    assert!(confirm.contains("2 contacts"), "{confirm}");
    let focused = app
        .driver()
        .execute(
            "return document.activeElement?.hasAttribute('data-restore-no')",
            vec![],
        )
        .await?;
    assert_eq!(
        focused.json().as_bool(),
        Some(true),
        "the safe answer has the focus"
    );
    app.screenshot("backups-restore-fr").await?;

    // The same question in Dutch.
    app.choose_language("nl").await?;
    let confirm = app
        .find("[data-restore-confirm]")
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        confirm.contains("1 persoon die zich sindsdien heeft uitgeschreven"),
        "{confirm}"
    );
    app.screenshot("backups-restore-nl").await?;
    app.choose_language("fr").await?;

    app.click("[data-restore-yes]").await?;
    app.find_soon("[data-restored]", Duration::from_secs(20))
        .await?;
    let done = app.find("[data-restored]").await?.text().await?;
    assert!(done.contains("restaurée"), "{done}");
    // The state it replaced was backed up first: two backups now.
    app.wait_for(
        "document.querySelectorAll('[data-backup]').length === 2",
        Duration::from_secs(10),
    )
    .await?;
    app.screenshot("backups-restored-fr").await?;
    assert_eq!(
        contact_status(&launch, "anne.dupont@example.be")?,
        "unsubscribed"
    );
    assert_eq!(contact_status(&launch, "jan@example.be")?, "subscribed");

    // The app goes on with the restored file: the contacts view reads it.
    app.click("nav [data-view='contacts']").await?;
    app.wait_for(
        "document.querySelector(\".contact-row[data-email='anne.dupont@example.be'] [data-status]\")?.dataset.status === 'unsubscribed'",
        Duration::from_secs(10),
    )
    .await?;
    app.quit().await?;
    Ok(())
}

/// The data file is damaged when the app starts: it is put aside untouched, the app
/// says so and offers the newest good backup, and restoring it brings the contacts back.
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_file_at_start_is_put_aside_and_the_newest_backup_restored() -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    let mut rows = String::from("email;voornaam;taal\r\n");
    for i in 0..300 {
        rows.push_str(&format!("lezer{i}@voorbeeld.be;Lezer {i};nl\r\n"));
    }
    std::fs::write(&csv, rows)?;
    launch.cli(&["contacts", "import", csv.to_str().unwrap()])?;
    launch.cli(&["backup"])?;
    let db = launch.data_dir.join("tandem.sqlite3");
    let mut bytes = std::fs::read(&db)?;
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes)?;

    let app = App::start(&launch).await?;
    let notice = app
        .find_soon("[data-recovery]", Duration::from_secs(10))
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(notice.contains("beschadigd"), "{notice}");
    assert!(notice.contains("300 contacten"), "{notice}");
    app.screenshot("recovery-nl").await?;
    app.choose_language("fr").await?;
    app.screenshot("recovery-fr").await?;
    let aside: Vec<_> = std::fs::read_dir(&launch.data_dir)?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains(".damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is put aside");
    assert_eq!(std::fs::read(aside[0].path())?, bytes, "untouched");

    app.click("[data-recovery-restore]").await?;
    app.wait_for(
        "document.body.dataset.ready === 'true' && !document.querySelector('[data-recovery]')",
        Duration::from_secs(20),
    )
    .await?;
    app.click("nav [data-view='contacts']").await?;
    app.wait_for(
        "document.querySelector('[data-total]')?.dataset.total === '300'",
        Duration::from_secs(10),
    )
    .await?;
    app.quit().await?;
    Ok(())
}

/// A passphrase set in Settings → Backups: the next backup is encrypted (marked so),
/// and restoring it opens with the passphrase kept for it.
#[tokio::test(flavor = "multi_thread")]
async fn a_passphrase_encrypts_the_backups_and_opens_them_again() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(&csv, "email;langue\r\nanne.dupont@example.be;fr\r\n")?;
    launch.cli(&["contacts", "import", csv.to_str().unwrap()])?;
    let app = App::start(&launch).await?;
    app.click("nav [data-view='settings']").await?;
    app.find_soon("[data-backup-passphrase]", Duration::from_secs(5))
        .await?
        .send_keys("tuteur voogd 2026")
        .await?;
    app.click("[data-action='backup-passphrase-save']").await?;
    // Without a keychain on this machine, the app asks before using a private file.
    app.wait_for(
        "document.querySelector(\"[data-action='allow-backup-passphrase-file']\") !== null || document.querySelector('#backup-passphrase-help')?.textContent.includes('sont chiffrées')",
        Duration::from_secs(10),
    )
    .await?;
    let asked = app
        .driver()
        .execute(
            "return document.querySelector(\"[data-action='allow-backup-passphrase-file']\") !== null",
            vec![],
        )
        .await?;
    if asked.json().as_bool() == Some(true) {
        app.click("[data-action='allow-backup-passphrase-file']")
            .await?;
    }
    app.wait_for(
        "document.querySelector('#backup-passphrase-help')?.textContent.includes('sont chiffrées')",
        Duration::from_secs(10),
    )
    .await?;
    app.click("[data-action='backup-now']").await?;
    app.wait_for(
        "document.querySelectorAll('[data-backup] [data-encrypted]').length === 1",
        Duration::from_secs(20),
    )
    .await?;
    let path = app
        .find("[data-backup]")
        .await?
        .attr("data-backup")
        .await?
        .unwrap_or_default();
    assert!(path.ends_with(".sqlite3.age"), "{path}");
    let bytes = std::fs::read(&path)?;
    assert!(!String::from_utf8_lossy(&bytes).contains("anne.dupont"));
    app.screenshot("backups-encrypted-fr").await?;

    app.click("[data-restore]").await?;
    let confirm = app
        .find_soon("[data-restore-confirm]", Duration::from_secs(20))
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(confirm.contains("1 contact"), "{confirm}");
    app.click("[data-restore-yes]").await?;
    app.find_soon("[data-restored]", Duration::from_secs(20))
        .await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_data_folder_in_onedrive_moves_to_this_computers_own_folder() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let onedrive = dir.path().join("OneDrive - PMO");
    let local_share = dir.path().join("local-share");
    let local = local_share.join("be.mineursenexil.tandem");
    let launch = Launch {
        data_dir: onedrive.join("Tandem"),
        locale: "fr_BE.UTF-8".into(),
        env: vec![
            ("OneDrive".into(), onedrive.display().to_string()),
            ("XDG_DATA_HOME".into(), local_share.display().to_string()),
            // The log in the data folder, as for a user: it moves with it.
            ("TANDEM_LOG_DIR".into(), String::new()),
        ],
    };
    std::fs::create_dir_all(&launch.data_dir)?;
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "email;langue\r\nanne.dupont@example.be;fr\r\njan@example.be;nl\r\n",
    )?;
    launch.cli(&["contacts", "import", csv.to_str().unwrap()])?;
    launch.cli(&["backup"])?;

    let app = App::start(&launch).await?;
    app.find_soon("[data-placement='synced']", Duration::from_secs(5))
        .await?;
    app.click("nav [data-view='settings']").await?;
    app.find_soon("[data-action='move-data-local']", Duration::from_secs(5))
        .await?;
    let shown = app.find("[data-data-folder]").await?.text().await?;
    assert!(shown.contains("OneDrive - PMO"), "{shown}");
    app.click("[data-action='move-data-local']").await?;
    let confirm = app
        .find_soon("[data-move-confirm]", Duration::from_secs(5))
        .await?
        .text()
        .await?;
    assert!(confirm.contains(&local.display().to_string()), "{confirm}");
    // The safe answer has the focus.
    let focused = app
        .driver()
        .execute(
            "return document.activeElement?.dataset.action === 'move-data-cancel'",
            vec![],
        )
        .await?;
    assert_eq!(focused.json().as_bool(), Some(true));
    app.driver()
        .execute(
            "document.querySelector('[data-data-folder]').scrollIntoView()",
            vec![],
        )
        .await?;
    app.screenshot("data-folder-move-fr").await?;
    app.click("[data-action='move-data-confirm']").await?;
    app.find_soon("[data-data-folder-moved]", Duration::from_secs(20))
        .await?;
    let path = app.find("[data-data-folder-path]").await?.text().await?;
    assert_eq!(path, local.display().to_string());

    // On disk: the database, its backup and the imported file are in the new folder;
    // the old one keeps only the note.
    assert!(local.join("tandem.sqlite3").is_file());
    assert!(local.join("contacts.csv").is_file());
    assert_eq!(std::fs::read_dir(local.join("backups"))?.count(), 1);
    let left: Vec<String> = std::fs::read_dir(&launch.data_dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()?;
    assert_eq!(left, ["moved-to.txt"]);
    // The running app's log went on in the new folder, not in the old one's file.
    let log: String = std::fs::read_dir(local.join("logs"))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".log"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(log.contains("data folder moved"), "{log}");

    // The app goes on in the new folder: a backup now lands there.
    app.click("[data-action='backup-now']").await?;
    app.wait_for(
        "document.querySelectorAll('[data-backup]').length === 2",
        Duration::from_secs(10),
    )
    .await?;
    assert_eq!(std::fs::read_dir(local.join("backups"))?.count(), 2);
    app.choose_language("nl").await?;
    app.driver()
        .execute(
            "document.querySelector('[data-data-folder]').scrollIntoView()",
            vec![],
        )
        .await?;
    let moved = app.find("[data-data-folder-moved]").await?.text().await?;
    assert!(moved.contains("De gegevens zijn verplaatst"), "{moved}");
    app.screenshot("data-folder-moved-nl").await?;
    app.quit().await?;

    // Started again: the note leads there, nothing is offered as a first start, and
    // the warning is gone.
    let app = App::start(&launch).await?;
    app.click("nav [data-view='contacts']").await?;
    app.wait_for(
        "document.body.textContent.includes('anne.dupont@example.be')",
        Duration::from_secs(10),
    )
    .await?;
    let banners = app
        .driver()
        .execute(
            "return [document.querySelector('[data-placement]') === null, document.querySelector('[data-welcome]') === null]",
            vec![],
        )
        .await?;
    assert_eq!(banners.json(), &serde_json::json!([true, true]));
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_protected_on_another_computer_asks_for_its_passphrase() -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "email;taal\r\nsofie@voorbeeld.be;nl\r\nanne@exemple.be;fr\r\n",
    )?;
    launch.cli(&["contacts", "import", csv.to_str().unwrap()])?;
    // Made elsewhere with that computer's passphrase (this one has none).
    let out = std::process::Command::new(tandem_e2e::cli_binary())
        .arg("--db")
        .arg(launch.data_dir.join("tandem.sqlite3"))
        .arg("backup")
        .env("TANDEM_BACKUP_PASSPHRASE", "kinderen op de vlucht")
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    launch.cli(&["contacts", "erase", "anne@exemple.be"])?;

    let app = App::start(&launch).await?;
    app.click("nav [data-view='settings']").await?;
    app.find_soon("[data-backup] [data-encrypted]", Duration::from_secs(10))
        .await?;
    app.click("[data-restore]").await?;
    app.find_soon("[data-restore-passphrase]", Duration::from_secs(10))
        .await?;
    // Nothing is said to be wrong before anything was typed.
    let banner = app
        .driver()
        .execute(
            "return document.querySelector('[data-backups] [role=alert]')?.textContent ?? ''",
            vec![],
        )
        .await?;
    assert_eq!(banner.json().as_str(), Some(""));
    app.fill("#restore-passphrase", "kinderen op de vlucht!")
        .await?;
    app.click("[data-action='restore-passphrase-open']").await?;
    let wrong = app
        .find_soon("[data-passphrase-wrong]", Duration::from_secs(20))
        .await?
        .text()
        .await?;
    assert!(wrong.contains("Er werd niets gewijzigd"), "{wrong}");
    app.driver()
        .execute(
            "document.querySelector('[data-restore-passphrase]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await?;
    app.screenshot("backups-passphrase-wrong-nl").await?;
    app.fill("#restore-passphrase", "kinderen op de vlucht")
        .await?;
    app.click("[data-action='restore-passphrase-open']").await?;
    let confirm = app
        .find_soon("[data-restore-confirm]", Duration::from_secs(20))
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    // Two in the backup; the one erased since comes back erased.
    assert!(confirm.contains("1 contact terug"), "{confirm}");
    assert!(
        confirm.contains("1 persoon die sindsdien gewist is"),
        "{confirm}"
    );
    app.click("[data-restore-yes]").await?;
    app.find_soon("[data-restored]", Duration::from_secs(20))
        .await?;
    app.quit().await?;
    // The person erased after that backup stays erased.
    let shown = launch.cli(&["contacts", "export"])?;
    assert!(shown.contains("sofie@voorbeeld.be"), "{shown}");
    assert!(!shown.contains("anne@exemple.be"), "{shown}");
    Ok(())
}
