//! The Contacts view in the real window: import a Belgian Excel export through the
//! wizard, read the report, find a contact by typing part of a name, unsubscribe them.

use std::time::Duration;

use tandem_e2e::thirtyfour::prelude::*;
use tandem_e2e::{App, Launch, Result};

#[tokio::test(flavor = "multi_thread")]
async fn a_file_is_imported_through_the_wizard_and_a_contact_found_and_unsubscribed() -> Result<()>
{
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    app.find("nav [data-view='contacts']")
        .await?
        .click()
        .await?;
    app.find("[data-action='open-import']")
        .await?
        .click()
        .await?;
    let file = tandem_e2e::workspace_root().join("core/tests/fixtures/contacts/belgian-excel.csv");
    app.find("[data-contacts-input]")
        .await?
        .send_keys(file.display().to_string())
        .await?;
    app.wait_for(
        "document.querySelector('[data-detected]') !== null",
        Duration::from_secs(10),
    )
    .await?;
    let detected = app.find("[data-detected]").await?.text().await?;
    assert!(
        detected.contains("Windows") && detected.contains("« ; »"),
        "{detected}"
    );
    let problems = app.find("[data-problems]").await?.text().await?;
    assert!(
        problems.contains("Ligne 5") && problems.contains("adresse e-mail non valide"),
        "{problems}"
    );
    let counts = app.find("[data-counts]").await?.text().await?;
    assert!(
        counts.contains("3 lignes peuvent") && counts.contains("une ligne pose problème"),
        "{counts}"
    );
    app.screenshot("contacts-wizard-fr").await?;

    app.find("[data-action='apply-import']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('[data-report]') !== null",
        Duration::from_secs(10),
    )
    .await?;
    let report = app.find("[data-report]").await?.text().await?;
    assert!(report.contains("3 ajoutés"), "{report}");
    app.wait_for(
        "document.querySelector('[data-total]')?.dataset.total === '3'",
        Duration::from_secs(5),
    )
    .await?;

    // Search as you type, accents optional.
    app.find("[data-contacts-search]")
        .await?
        .send_keys("helene")
        .await?;
    app.wait_for(
        "document.querySelector('[data-matches]')?.dataset.matches === '1'",
        Duration::from_secs(5),
    )
    .await?;
    let row = app
        .find(".contact-row[data-email='helene.dubois@example.be']")
        .await?;
    row.find(By::Css("[data-action='unsubscribe']"))
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector(\".contact-row[data-email='helene.dubois@example.be'] [data-status]\")?.dataset.status === 'unsubscribed'",
        Duration::from_secs(5),
    )
    .await?;
    app.screenshot("contacts-fr").await?;

    // Add a contact by hand; an address already used is refused with a message.
    app.find("[data-action='add-contact']")
        .await?
        .click()
        .await?;
    app.find("[data-contact-form] [data-field='email']")
        .await?
        .send_keys("helene.dubois@example.be")
        .await?;
    app.find("[data-action='save-contact']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('[data-contact-form] [role=alert]') !== null",
        Duration::from_secs(5),
    )
    .await?;
    let refused = app
        .find("[data-contact-form] [role='alert']")
        .await?
        .text()
        .await?;
    assert!(
        refused.contains("appartient déjà à un autre contact"),
        "{refused}"
    );
    app.screenshot("contact-form-refused-fr").await?;
    let email = app.find("[data-contact-form] [data-field='email']").await?;
    email.clear().await?;
    email.send_keys("nora.haddad@example.be").await?;
    app.find("[data-contact-form] [data-field='first_name']")
        .await?
        .send_keys("Nora")
        .await?;
    app.find("[data-contact-form] [data-field='language'] option[value='nl']")
        .await?
        .click()
        .await?;
    app.find("[data-action='save-contact']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('[data-total]')?.dataset.total === '4'",
        Duration::from_secs(5),
    )
    .await?;
    let search = app.find("[data-contacts-search]").await?;
    search.clear().await?;
    search.send_keys("nora").await?;
    app.wait_for(
        "document.querySelector('[data-matches]')?.dataset.matches === '1' && document.querySelector(\".contact-row[data-email='nora.haddad@example.be']\") !== null",
        Duration::from_secs(5),
    )
    .await?;
    let row: String = app
        .driver()
        .execute(
            "return document.querySelector(\".contact-row[data-email='nora.haddad@example.be']\").textContent;",
            vec![],
        )
        .await?
        .convert()?;
    assert!(row.contains("Nora") && row.contains("NL"), "{row}");

    app.choose_language("nl").await?;
    let counts = app.find("[data-total]").await?.text().await?;
    assert!(counts.contains("4 contacten"), "{counts}");
    search.send_keys(Key::Control + "a").await?;
    search.send_keys(Key::Backspace).await?;
    app.wait_for(
        "document.querySelector('[data-matches]')?.dataset.matches === '4'",
        Duration::from_secs(5),
    )
    .await?;
    assert_nothing_cut_off(&app).await?;
    app.screenshot("contacts-nl").await?;
    let violations = app.serious_accessibility_violations().await?;
    assert!(violations.is_empty(), "{violations:?}");
    // The window's minimum width: still nothing cut off.
    app.driver().set_window_rect(0, 0, 1024, 768).await?;
    app.wait_for("window.innerWidth <= 1024", Duration::from_secs(5))
        .await?;
    assert_nothing_cut_off(&app).await?;
    app.screenshot("contacts-nl-1024").await?;
    app.quit().await
}

/// No status, header or row button of the contacts table is truncated or runs past
/// its row (hidden ones aside).
async fn assert_nothing_cut_off(app: &App) -> Result<()> {
    let cut: Vec<String> = app
        .driver()
        .execute(
            "const cut = [];
             for (const row of document.querySelectorAll('.contact-row')) {
               const r = row.getBoundingClientRect();
               for (const el of row.querySelectorAll('[data-status], [role=columnheader], .row-actions, .row-actions button')) {
                 if (el.offsetParent === null) continue;
                 const e = el.getBoundingClientRect();
                 if (el.scrollWidth > el.clientWidth + 1 || e.right > r.right + 0.5)
                   cut.push((row.dataset.email || 'header') + ': ' + el.textContent.trim());
               }
             }
             return cut;",
            vec![],
        )
        .await?
        .convert()?;
    assert!(cut.is_empty(), "cut off: {cut:?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn rows_are_edited_in_place_and_a_selection_is_listed_then_erased_in_one_go() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    std::fs::write(
        &csv,
        "email;prénom;nom;langue\nanne@example.be;Anne;Dubois;fr\njan@example.be;Jan;Peeters;nl\n\
         sam@example.be;Sam;Janssens;fr/nl\nzoe@example.be;Zoé;Martin;fr\n",
    )?;
    launch.cli(&["contacts".as_ref(), "import".as_ref(), csv.as_os_str()])?;

    let app = App::start(&launch).await?;
    app.click("nav [data-view='contacts']").await?;
    let anne = app
        .find_soon(
            ".contact-row[data-email='anne@example.be']",
            Duration::from_secs(10),
        )
        .await?;
    // Edit in place: the row becomes fields.
    anne.find(By::Css("[data-action='edit']"))
        .await?
        .click()
        .await?;
    let first = app
        .find_soon("[data-inline='first_name']", Duration::from_secs(5))
        .await?;
    first.clear().await?;
    first.send_keys("Anne-Marie").await?;
    app.click("[data-action='inline-save']").await?;
    app.wait_for(
        "document.querySelector(\".contact-row[data-email='anne@example.be']\")?.textContent.includes('Anne-Marie')",
        Duration::from_secs(5),
    )
    .await?;

    // Tick two rows, put them on a list.
    for email in ["jan@example.be", "sam@example.be"] {
        app.click(&format!("[data-select='{email}']")).await?;
    }
    let bar = app.find_soon(".bulk-bar", Duration::from_secs(5)).await?;
    assert_eq!(bar.attr("data-selected").await?.as_deref(), Some("2"));
    app.find("[data-bulk-list]")
        .await?
        .send_keys("presse")
        .await?;
    app.screenshot("contacts-bulk-fr").await?;
    app.click("[data-action='bulk-add-to-list']").await?;
    app.wait_for(
        "document.querySelector('[data-bulk-done]')?.dataset.bulkDone === '2'",
        Duration::from_secs(5),
    )
    .await?;
    app.wait_for(
        "document.querySelector(\".contact-row[data-email='jan@example.be']\")?.textContent.includes('presse')",
        Duration::from_secs(5),
    )
    .await?;

    // The view as a file for Excel: the same columns as the CLI's export.
    app.click("[data-action='export-contacts']").await?;
    app.find_soon("[data-contacts-exported]", Duration::from_secs(10))
        .await?;
    let csv = std::fs::read_to_string(launch.export_dir().join("contacts.csv"))?;
    assert!(
        csv.starts_with("\u{feff}email;first_name;last_name"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 5, "header and four contacts: {csv}");
    assert!(csv.contains("Anne-Marie"), "{csv}");

    // Every match of a search, erased after confirmation.
    app.find("[data-contacts-search]")
        .await?
        .send_keys("example.be")
        .await?;
    // Every keystroke reloads the list: wait until it answers the whole search (all four
    // matched before it too), so the row ticked below is not being redrawn.
    app.wait_for(
        "(() => { const m = document.querySelector('[data-matches]');
           return m?.dataset.loadedQuery === 'example.be' && m.dataset.matches === '4'; })()",
        Duration::from_secs(10),
    )
    .await?;
    // Seen once in a full run: Zoé's row was not there within 5 s of the search. Wait
    // for the row itself, longer, and say what the table showed if it never comes.
    if let Err(e) = app
        .wait_for(
            "document.querySelector(\"[data-select='zoe@example.be']\") !== null",
            Duration::from_secs(15),
        )
        .await
    {
        let rows = app
            .driver()
            .execute(
                "return [document.querySelector('[data-matches]')?.dataset.matches, \
                   document.querySelector('[data-contacts-search]')?.value, \
                   [...document.querySelectorAll('.contact-row')].map(r => r.dataset.email ?? '?'), \
                   document.querySelector('.contact-scroll')?.clientHeight, \
                   document.querySelector('.view [role=alert]')?.textContent];",
                vec![],
            )
            .await?;
        return Err(format!("{e}; matches, search, rows, height, alert: {}", rows.json()).into());
    }
    app.click("[data-select='zoe@example.be']").await?;
    app.find_soon(
        "[data-action='select-all-matching']",
        Duration::from_secs(5),
    )
    .await?
    .click()
    .await?;
    assert_eq!(
        app.find(".bulk-bar")
            .await?
            .attr("data-selected")
            .await?
            .as_deref(),
        Some("4")
    );
    app.click("[data-action='bulk-erase']").await?;
    app.click("[data-action='bulk-confirm-erase']").await?;
    app.wait_for(
        "document.querySelector('[data-total]')?.dataset.total === '0'",
        Duration::from_secs(5),
    )
    .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_excel_workbook_goes_through_the_wizard() -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let path = launch.data_dir.join("contacten.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in [
        ["E-mailadres", "Voornaam", "Naam", "Taal"],
        ["sofie@example.be", "Sofie", "Maes", "nederlands"],
        ["luc@example.be", "Luc", "Lambert", "français"],
        ["geen-adres", "X", "Y", "nl"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v)?;
        }
    }
    std::fs::write(&path, book.save_to_buffer()?)?;

    let app = App::start(&launch).await?;
    app.find("nav [data-view='contacts']")
        .await?
        .click()
        .await?;
    app.find_soon("[data-action='open-import']", Duration::from_secs(10))
        .await?
        .click()
        .await?;
    app.find("[data-contacts-input]")
        .await?
        .send_keys(path.display().to_string())
        .await?;
    let detected = app
        .find_soon("[data-detected]", Duration::from_secs(10))
        .await?
        .text()
        .await?;
    assert!(detected.contains("Eerste blad"), "{detected}");
    let problems = app.find("[data-problems]").await?.text().await?;
    assert!(
        problems.contains("4"),
        "the bad row is named by its sheet row: {problems}"
    );
    app.screenshot("contacts-wizard-xlsx-nl").await?;
    app.find("[data-action='apply-import']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('[data-total]')?.dataset.total === '2'",
        Duration::from_secs(10),
    )
    .await?;
    app.quit().await
}

/// A file with more problem rows than a report lists (issue 20 §11): the first 1,000
/// are listed, the rest counted by reason, and the good rows still go in.
#[tokio::test(flavor = "multi_thread")]
async fn a_file_with_many_problem_rows_lists_the_first_and_counts_them_all() -> Result<()> {
    let (dir, launch) = Launch::temp("fr_BE.UTF-8");
    let long = "x".repeat(1_200);
    let mut csv = String::from("email;langue;nom\n");
    for i in 0..1_200 {
        csv.push_str(&format!("long{i}@example.be;fr;{long}\n"));
    }
    for i in 0..30 {
        csv.push_str(&format!("pas-une-adresse-{i};fr;Nom\n"));
    }
    csv.push_str("bon@example.be;nl;Goed\n");
    let file = dir.path().join("beaucoup.csv");
    std::fs::write(&file, csv)?;
    let app = App::start(&launch).await?;
    app.find("nav [data-view='contacts']")
        .await?
        .click()
        .await?;
    app.find("[data-action='open-import']")
        .await?
        .click()
        .await?;
    app.find("[data-contacts-input]")
        .await?
        .send_keys(file.display().to_string())
        .await?;
    app.find_soon("[data-more-problems]", Duration::from_secs(20))
        .await?;
    let listed = app
        .driver()
        .execute(
            "return document.querySelectorAll('[data-problems] li').length",
            vec![],
        )
        .await?;
    assert_eq!(listed.json().as_u64(), Some(1_000));
    // Numbers as Fluent writes them (isolated, grouped with a narrow space): compared
    // without the marks and spaces.
    let bare = |t: String| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{2068}' | '\u{2069}'))
            .collect()
    };
    let more = bare(app.find("[data-more-problems]").await?.text().await?);
    assert!(more.contains("230autres"), "{more}");
    let counts = bare(app.find("[data-problem-counts]").await?.text().await?);
    assert!(counts.contains(":1200"), "{counts}");
    assert!(counts.contains(":30"), "{counts}");
    app.driver()
        .execute(
            "document.querySelector('[data-more-problems]').scrollIntoView();",
            vec![],
        )
        .await?;
    app.screenshot("contacts-wizard-many-problems-fr").await?;
    app.find("[data-action='apply-import']")
        .await?
        .click()
        .await?;
    let report = app
        .find_soon("[data-report]", Duration::from_secs(20))
        .await?
        .text()
        .await?;
    let report = bare(report);
    assert!(
        report.contains("1ajout") && report.contains("1230nonimport"),
        "{report}"
    );
    app.quit().await
}
