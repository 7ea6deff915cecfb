//! The real app in a real window: navigation, language switch and its persistence,
//! keyboard use, accessibility, and a database that cannot be opened.
//! Screenshots land in target/e2e/ (look at them).

use std::time::Duration;

use tandem_e2e::thirtyfour::prelude::*;
use tandem_e2e::{artifacts_dir, App, Launch, Result};

const VIEWS: [&str; 4] = ["composer", "contacts", "send", "settings"];

async fn nav_labels(app: &App) -> Result<Vec<String>> {
    let mut labels = Vec::new();
    for view in VIEWS {
        let button = app.find(&format!("nav [data-view='{view}']")).await?;
        labels.push(button.text().await?.trim().to_owned());
    }
    Ok(labels)
}

async fn open_view(app: &App, view: &str) -> Result<String> {
    app.find(&format!("nav [data-view='{view}']"))
        .await?
        .click()
        .await?;
    app.wait_for(
        &format!("document.querySelector('main').dataset.currentView === '{view}'"),
        Duration::from_secs(5),
    )
    .await?;
    Ok(app.find("main h1").await?.text().await?)
}

#[tokio::test(flavor = "multi_thread")]
async fn four_views_in_french_then_dutch_and_the_choice_is_remembered() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;

    // A Belgian French system starts in French.
    assert_eq!(
        nav_labels(&app).await?,
        ["Rédaction", "Contacts", "Envoi", "Réglages"]
    );
    let titles_fr = ["Rédaction", "Contacts", "Envoi", "Réglages"];
    let mut axe_report = serde_json::Map::new();
    for (view, title) in VIEWS.iter().zip(titles_fr) {
        assert_eq!(open_view(&app, view).await?, title);
        app.screenshot(&format!("{view}-fr")).await?;
        let violations = app.serious_accessibility_violations().await?;
        axe_report.insert(format!("{view}-fr"), serde_json::json!(violations));
    }
    // The Send view speaks French too, down to its preflight.
    open_view(&app, "send").await?;
    let preflight = app
        .find_soon(".preflight h2", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert_eq!(preflight, "Avant d'envoyer");
    open_view(&app, "composer").await?;

    // Switching to Dutch relabels everything at once, without a reload.
    app.choose_language("nl").await?;
    assert_eq!(
        nav_labels(&app).await?,
        ["Opstellen", "Contacten", "Verzenden", "Instellingen"]
    );
    assert_eq!(app.find("main h1").await?.text().await?, "Opstellen");
    let titles_nl = ["Opstellen", "Contacten", "Verzenden", "Instellingen"];
    for (view, title) in VIEWS.iter().zip(titles_nl) {
        assert_eq!(open_view(&app, view).await?, title);
        app.screenshot(&format!("{view}-nl")).await?;
        let violations = app.serious_accessibility_violations().await?;
        axe_report.insert(format!("{view}-nl"), serde_json::json!(violations));
    }
    // Settings shows where the data is: the folder this test gave the app (the panels
    // read it when they open: waited for, not read at once).
    let folder = serde_json::to_string(&launch.data_dir.display().to_string())?;
    app.wait_for(
        &format!(
            "[...document.querySelectorAll('.facts')].some(f => f.textContent.includes({folder}))"
        ),
        Duration::from_secs(10),
    )
    .await?;

    app.choose_language("en").await?;
    assert_eq!(
        nav_labels(&app).await?,
        ["Composer", "Contacts", "Send", "Settings"]
    );
    app.choose_language("nl").await?;
    app.quit().await?;

    std::fs::write(
        artifacts_dir().join("axe-report.json"),
        serde_json::to_string_pretty(&axe_report)?,
    )?;
    let serious: Vec<_> = axe_report
        .iter()
        .filter(|(_, v)| v != &&serde_json::json!([]))
        .collect();
    assert!(
        serious.is_empty(),
        "serious accessibility violations: {serious:?}"
    );

    // Restarted on a French system, the app keeps the Dutch the user chose.
    let app = App::start(&launch).await?;
    assert_eq!(
        nav_labels(&app).await?,
        ["Opstellen", "Contacten", "Verzenden", "Instellingen"]
    );
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_system_in_neither_language_starts_in_english_and_the_keyboard_navigates() -> Result<()> {
    let (_dir, launch) = Launch::temp("de_DE.UTF-8");
    let app = App::start(&launch).await?;
    assert_eq!(
        nav_labels(&app).await?,
        ["Composer", "Contacts", "Send", "Settings"]
    );

    // Tab from the top reaches the skip link first; arrows move between sections.
    let body = app.find("body").await?;
    body.send_keys(Key::Tab).await?;
    let focused = app.driver().active_element().await?;
    assert_eq!(focused.class_name().await?.as_deref(), Some("skip-link"));
    let first = app
        .driver()
        .find(By::Css("nav [data-view='composer']"))
        .await?;
    first.focus().await?;
    first.send_keys(Key::Down).await?;
    app.wait_for(
        "document.querySelector('main').dataset.currentView === 'contacts'",
        Duration::from_secs(5),
    )
    .await?;
    let focused = app.driver().active_element().await?;
    assert_eq!(
        focused.attr("data-view").await?.as_deref(),
        Some("contacts")
    );
    focused.send_keys(Key::Up).await?;
    focused.send_keys(Key::Up).await?;
    app.wait_for(
        "document.querySelector('main').dataset.currentView === 'settings'",
        Duration::from_secs(5),
    )
    .await?;
    app.screenshot("keyboard-settings-en").await?;

    // The accessibility check can fail: an image without alt text is reported.
    assert!(app.serious_accessibility_violations().await?.is_empty());
    app.driver()
        .execute("const i = document.createElement('img'); i.src = 'x.png'; i.id = 'bad'; document.querySelector('main').append(i);", vec![])
        .await?;
    let violations = app.serious_accessibility_violations().await?;
    assert!(
        violations.iter().any(|(id, _, _)| id == "image-alt"),
        "{violations:?}"
    );
    app.quit().await
}

/// A file that is not a database where Tandem's should be: it is put aside untouched
/// (never overwritten), the app says so in the user's language and, with no backup to
/// offer, how to go on (issue 18: it used to stay in place with an error).
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_is_explained_in_the_users_language_and_kept() -> Result<()> {
    let (dir, launch) = Launch::temp("nl_BE.UTF-8");
    let db = dir.path().join("tandem.sqlite3");
    let content = "Dit is geen database.\n".repeat(300);
    std::fs::write(&db, &content)?;
    let app = App::start(&launch).await?;
    let notice = app
        .find_soon("[data-recovery]", Duration::from_secs(10))
        .await?;
    let text = notice.text().await?;
    assert!(
        text.contains("beschadigd")
            && text.contains("opzijgezet")
            && text.contains("Geen enkele back-up"),
        "{text}"
    );
    app.screenshot("damaged-database-nl").await?;
    app.quit().await?;
    let aside: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("tandem.sqlite3.damaged-")
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is put aside");
    assert_eq!(
        std::fs::read_to_string(aside[0].path())?,
        content,
        "the user's file must be untouched"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_content_security_policy_blocks_remote_loads_and_inline_script() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    // Port 9 on loopback (discard): nothing leaves the machine even if CSP failed.
    let blocked = app
        .driver()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const seen = [];
             document.addEventListener('securitypolicyviolation',
               e => seen.push(e.violatedDirective + ' ' + e.blockedURI));
             window.__inlineRan = false;
             const div = document.createElement('div');
             div.innerHTML = '<img src=\"http://127.0.0.1:9/pixel.png\" onerror=\"window.__inlineRan = true\">';
             document.body.append(div);
             fetch('http://127.0.0.1:9/data').catch(() => {});
             setTimeout(() => done({ seen, inlineRan: window.__inlineRan }), 1500);",
            vec![],
        )
        .await?;
    let result = blocked.json().clone();
    let seen: Vec<String> = serde_json::from_value(result["seen"].clone())?;
    assert_eq!(
        result["inlineRan"], false,
        "an inline event handler ran: {result}"
    );
    assert!(seen.iter().any(|v| v.starts_with("img-src")), "{seen:?}");
    assert!(
        seen.iter().any(|v| v.starts_with("connect-src")),
        "{seen:?}"
    );
    assert!(seen.iter().any(|v| v.starts_with("script-src")), "{seen:?}");
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_is_reported_at_the_next_start_and_can_be_copied_or_dismissed() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    // The command line panics on purpose (a command only test builds have).
    assert!(launch.cli(&["__crash"]).is_err());
    let app = App::start(&launch).await?;
    let banner = app
        .find_soon("[data-crash]", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(banner.contains("fermé de façon inattendue"), "{banner}");
    app.click("[data-crash] summary").await?;
    let report = app.find("[data-crash-report]").await?.text().await?;
    assert!(report.contains("closed unexpectedly"), "{report}");
    assert!(!report.contains("anne.dupont"), "{report}");
    app.screenshot("crash-reported-fr").await?;
    app.choose_language("nl").await?;
    let banner = app.find("[data-crash]").await?.text().await?;
    assert!(banner.contains("onverwacht afgesloten"), "{banner}");
    app.screenshot("crash-reported-nl").await?;
    app.click("[data-action='crash-dismiss']").await?;
    app.wait_for(
        "document.querySelector('[data-crash]') === null",
        Duration::from_secs(10),
    )
    .await?;
    app.quit().await?;
    // Seen: not shown again, and kept in logs/ under its new name.
    let logs: Vec<String> = std::fs::read_dir(launch.data_dir.join("logs"))?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<Vec<_>>>()?
        .into_iter()
        .filter(|n| n.starts_with("crash-"))
        .collect();
    assert!(
        !logs.is_empty() && logs.iter().all(|n| n.ends_with(".seen.txt")),
        "{logs:?}"
    );
    let app = App::start(&launch).await?;
    let shown = app
        .driver()
        .execute(
            "return document.querySelector('[data-crash]') !== null",
            vec![],
        )
        .await?;
    assert_eq!(shown.json().as_bool(), Some(false));
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_comes_back_at_the_size_it_was_left() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    app.driver().set_window_rect(0, 0, 1100, 760).await?;
    let set = app.driver().get_window_rect().await?;
    assert_eq!((set.width, set.height), (1100, 760), "{set:?}");
    // Written shortly after the window changed (not only when the app exits: a
    // crash would forget it), in the data folder.
    let state = launch.data_dir.join("window-state.json");
    let started = std::time::Instant::now();
    let mut saved = String::new();
    while started.elapsed() < Duration::from_secs(10) {
        saved = std::fs::read_to_string(&state).unwrap_or_default();
        if saved.contains("1100") && saved.contains("760") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(saved.contains("1100") && saved.contains("760"), "{saved}");
    app.quit().await?;

    let app = App::start(&launch).await?;
    let back = app.driver().get_window_rect().await?;
    assert_eq!((back.width, back.height), (1100, 760), "{back:?}");
    app.quit().await?;
    Ok(())
}

/// A second start of the app beside the running `app` (its data folder, its D-Bus), with
/// `args`: how it ended; an error if it stayed open 30 s (a window of its own).
async fn second_start(
    app: &App,
    launch: &Launch,
    bus: &tandem_testkit::Keyring,
    args: &[&std::ffi::OsStr],
) -> Result<std::process::ExitStatus> {
    let mut second = std::process::Command::new(tandem_e2e::app_binary())
        .args(args)
        .env("DISPLAY", app.display())
        .env("TANDEM_DATA_DIR", &launch.data_dir)
        .env("TANDEM_DNS", "127.0.0.1:9")
        .env("DBUS_SESSION_BUS_ADDRESS", bus.address())
        .env("LANG", &launch.locale)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = second.try_wait()? {
            return Ok(status);
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = second.kill();
            let _ = second.wait();
            return Err("the second start opened a window of its own and stayed".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_hands_over_to_the_running_window_and_ends() -> Result<()> {
    // The app finds the running one on the session's D-Bus (a private one here).
    let bus = tandem_testkit::Keyring::start()?;
    let (_dir, mut launch) = Launch::temp("fr_BE.UTF-8");
    launch
        .env
        .push(("DBUS_SESSION_BUS_ADDRESS".into(), bus.address().into()));
    let app = App::start(&launch).await?;
    let status = second_start(&app, &launch, &bus, &[]).await?;
    assert!(status.success(), "{status}");
    // The first window goes on as it was.
    app.click("nav [data-view='settings']").await?;
    app.find_soon("[data-backups]", Duration::from_secs(10))
        .await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issue_file_given_to_a_second_start_opens_in_the_running_window() -> Result<()> {
    let bus = tandem_testkit::Keyring::start()?;
    let (dir, mut launch) = Launch::temp("nl_BE.UTF-8");
    launch
        .env
        .push(("DBUS_SESSION_BUS_ADDRESS".into(), bus.address().into()));
    // An issue file as a colleague would send it: a folder with issue.json.
    let folder = dir.path().join("Nummer van maart");
    std::fs::create_dir_all(&folder)?;
    let mut issue: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/sample/issue.json"),
    )?)?;
    issue["subject"]["nl"] = "Nummer geopend vanuit een bestand".into();
    std::fs::write(folder.join("issue.json"), issue.to_string())?;

    let app = App::start(&launch).await?;
    let status = second_start(&app, &launch, &bus, &[folder.as_os_str()]).await?;
    assert!(status.success(), "{status}");
    app.wait_for(
        "document.querySelector('main').dataset.currentView === 'composer' && \
         (document.querySelector('#issue-select option:checked')?.textContent ?? '').includes('Nummer geopend vanuit een bestand')",
        Duration::from_secs(20),
    )
    .await?;
    app.screenshot("issue-file-opened-nl").await?;
    app.quit().await?;
    // One issue more: the file's, imported once.
    let list = launch.cli(&["issue", "list"])?;
    assert_eq!(
        list.lines()
            .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .count(),
        2,
        "{list}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diagnostic_report_is_shown_in_the_users_language_without_anything_personal(
) -> Result<()> {
    let (dir, launch) = Launch::temp("fr_BE.UTF-8");
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "email;prénom;nom;langue\nanne.dupont@example.be;Anne;Dubois;fr\n",
    )?;
    launch.cli(&["contacts".as_ref(), "import".as_ref(), csv.as_os_str()])?;
    let app = App::start(&launch).await?;
    open_view(&app, "settings").await?;
    app.click("[data-action='diagnostic']").await?;
    app.wait_for(
        "(document.querySelector('[data-diagnostic-text]')?.value ?? '').length > 0",
        Duration::from_secs(60),
    )
    .await?;
    let text = app
        .driver()
        .execute(
            "return document.querySelector('[data-diagnostic-text]').value",
            vec![],
        )
        .await?
        .json()
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for expected in [
        "Tandem — rapport de diagnostic",
        "== Tests de connexion ==",
        "Contacts\u{a0}: 1",
        "Trousseau du système disponible\u{a0}: non",
        "Serveur d’envoi (SMTP)\u{a0}: non configuré",
        // Values in words are in French too (issue 20 §4), not only the labels.
        "Serveur d’envoi\u{a0}: boîte d’envoi (aucun serveur configuré)",
        "Contacts par statut\u{a0}: inscrits\u{a0}: 1",
        "Moteur d’affichage\u{a0}: ",
        "(app)",
        "== Dernières lignes du journal ==",
        "Tandem app ",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    for personal in ["anne.dupont", "@example.be", "Anne", "Dubois"] {
        assert!(!text.contains(personal), "{personal:?} in:\n{text}");
    }
    app.find("[data-diagnostic]")
        .await?
        .scroll_into_view()
        .await?;
    app.screenshot("diagnostic-report-fr").await?;
    app.quit().await
}

/// One program for both (issue 20 §9): `tandem-app --cli …` is the command line, as the
/// Linux packages' /usr/bin/tandem runs it, on the same files as the `tandem` binary.
#[test]
fn the_apps_binary_is_also_the_command_line() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("t.sqlite3");
    let cli = |args: &[&std::ffi::OsStr]| -> Result<std::process::Output> {
        Ok(std::process::Command::new(tandem_e2e::app_binary())
            .arg("--cli")
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("TANDEM_DATA_DIR")
            .output()?)
    };
    let out = cli(&["--version".as_ref()])?;
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("tandem {}", env!("CARGO_PKG_VERSION"))
    );
    let out = cli(&["init".as_ref()])?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "email;langue\nanne@example.be;fr\n")?;
    let out = cli(&["contacts".as_ref(), "import".as_ref(), csv.as_os_str()])?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The separate `tandem` binary reads what the app's binary wrote.
    let out = std::process::Command::new(tandem_e2e::cli_binary())
        .arg("--db")
        .arg(&db)
        .args(["contacts", "show", "anne@example.be"])
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A wrong command is the command line's error, not a window.
    let out = cli(&["no-such-command".as_ref()])?;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unrecognized subcommand"));
    Ok(())
}
