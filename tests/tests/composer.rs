//! The composer in the real window: typing in French and Dutch, the preview following
//! in the right edition, autosave surviving a kill -9, block actions, refused links.
//! Screenshots of the composer and of every preview variant land in target/e2e/.

use std::time::Duration;

use tandem_e2e::thirtyfour::prelude::*;
use tandem_e2e::{App, Launch, Result};

async fn wait_saved(app: &App) -> Result<()> {
    app.wait_for(
        "document.querySelector('[data-save-state]')?.dataset.saveState === 'saved'",
        Duration::from_secs(10),
    )
    .await
}

async fn wait_composer(app: &App) -> Result<()> {
    app.wait_for(
        "document.querySelectorAll('.block-card').length > 0",
        Duration::from_secs(10),
    )
    .await
}

async fn replace_text(el: &WebElement, text: &str) -> Result<()> {
    el.click().await?;
    el.send_keys(Key::Control + "a").await?;
    el.send_keys(Key::Backspace).await?;
    el.send_keys(text).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_in_french_and_dutch_updates_the_right_edition_of_the_preview() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    app.screenshot("composer-fr").await?;

    let heading = "[data-block-index='0']";
    let fr = app
        .driver()
        .find(By::Css(format!("{heading} input[lang='fr']")))
        .await?;
    replace_text(&fr, "Bonjour <b>les amis</b>").await?;
    let nl = app
        .driver()
        .find(By::Css(format!("{heading} input[lang='nl']")))
        .await?;
    replace_text(&nl, "Dag vrienden").await?;
    wait_saved(&app).await?;

    // An article's body: shown as text, no editor made until a text is reached (an
    // issue's dozen editors cost memory and time); a click makes it, and typing there
    // reaches the preview too.
    let body = ".block-card .rich[lang='fr']";
    let editors: u64 = app
        .driver()
        .execute(
            "return document.querySelectorAll('.ProseMirror').length;",
            vec![],
        )
        .await?
        .convert()?;
    assert_eq!(editors, 0, "no editor before a text is reached");
    app.click(&format!("{body} .rich-input")).await?;
    app.wait_for(
        &format!("document.querySelector(\"{body} .ProseMirror\") !== null"),
        Duration::from_secs(10),
    )
    .await?;
    let editor = app.find(&format!("{body} .ProseMirror")).await?;
    editor.send_keys(Key::Control + Key::End).await?;
    editor.send_keys(" Zébulon ajouté").await?;
    wait_saved(&app).await?;

    let fr_text = app.preview_text("fr").await?;
    assert!(
        fr_text.contains("Zébulon ajouté"),
        "typed in the rich editor: {fr_text}"
    );
    assert!(
        fr_text.contains("Bonjour <b>les amis</b>"),
        "markup typed is shown as text: {fr_text}"
    );
    assert!(!fr_text.contains("Dag vrienden"));
    let nl_text = app.preview_text("nl").await?;
    assert!(
        nl_text.contains("Dag vrienden") && !nl_text.contains("Bonjour"),
        "{nl_text}"
    );
    let both = app.preview_text("bilingual").await?;
    assert!(
        both.contains("Dag vrienden") && both.contains("Bonjour"),
        "{both}"
    );

    // The gauge reports the size of the HTML a reader gets.
    let bytes: u64 = app
        .driver()
        .find(By::Css(".gauge"))
        .await?
        .attr("data-bytes")
        .await?
        .unwrap_or_default()
        .parse()?;
    assert!(bytes > 5_000 && bytes < 90 * 1024, "{bytes}");

    // Every preview variant, for people to look at.
    for edition in ["fr", "nl", "bilingual"] {
        app.preview_text(edition).await?;
        for width in ["600", "375"] {
            app.find(&format!("[data-width='{width}'][role='radio']"))
                .await?
                .click()
                .await?;
            for theme in ["light", "dark"] {
                app.find(&format!("[data-theme='{theme}']"))
                    .await?
                    .click()
                    .await?;
                tokio::time::sleep(Duration::from_millis(300)).await;
                app.screenshot(&format!("preview-{edition}-{width}-{theme}"))
                    .await?;
            }
        }
    }
    let dark_frame = app
        .driver()
        .find(By::Css("iframe"))
        .await?
        .attr("src")
        .await?
        .unwrap_or_default();
    assert!(dark_frame.contains("dark=1"), "{dark_frame}");

    // Switching the interface to Dutch relabels the composer too.
    app.choose_language("nl").await?;
    let status = app
        .driver()
        .find(By::Css(".issue-status"))
        .await?
        .text()
        .await?;
    assert!(status.contains("Beide talen"), "{status}");
    app.screenshot("composer-nl").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn what_was_typed_survives_a_kill_9() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    let subject = app.find("#subject-nl").await?;
    replace_text(&subject, "Nieuwsbrief van de lente").await?;
    // Autosave writes within a few hundred milliseconds of the last keystroke: wait until
    // the database holds it (read by the CLI), then kill.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !launch
        .cli(&["issue", "list", "--json"])?
        .contains("Nieuwsbrief van de lente")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "autosaved within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let killed = std::process::Command::new("pkill")
        .args(["-9", "-f", &tandem_e2e::app_binary().display().to_string()])
        .status()?;
    assert!(killed.success(), "the app process was found and killed");
    drop(app);

    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    let value = app
        .driver()
        .find(By::Css("#subject-nl"))
        .await?
        .prop("value")
        .await?;
    assert_eq!(value.as_deref(), Some("Nieuwsbrief van de lente"));
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn blocks_are_added_moved_by_keyboard_and_unsafe_links_are_refused() -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    // Add a call-to-action block at the end: it is incomplete until written.
    let before = app.add_block("button").await?;
    let last = format!("[data-block-index='{before}']");
    let status = app
        .driver()
        .find(By::Css(format!("{last} .status")))
        .await?;
    assert_eq!(
        status.attr("data-status").await?.as_deref(),
        Some("incomplete")
    );

    // A javascript: address is refused with the field named; nothing is stored.
    let url = app
        .driver()
        .find(By::Css(format!("{last} input[type='url']")))
        .await?;
    url.send_keys("javascript:alert(1)").await?;
    // Typed one key at a time: a save may fire halfway ("javascript:alert(1") and be
    // refused too; wait for the refusal of the whole address.
    app.wait_for(
        &format!(
            "document.querySelector('[data-save-state]').dataset.saveState === 'error' && \
             (document.querySelector(\"{last} .block-errors\")?.textContent ?? '').includes('javascript:alert(1)')"
        ),
        Duration::from_secs(10),
    )
    .await?;
    let errors = app
        .driver()
        .find(By::Css(format!("{last} .block-errors")))
        .await?
        .text()
        .await?;
    assert!(
        errors.contains("javascript:alert(1)") && errors.contains("https://"),
        "{errors}"
    );
    app.screenshot("composer-refused-link-nl").await?;
    replace_text(&url, "https://www.mineursenexil.be/").await?;
    wait_saved(&app).await?;

    // Alt+↑ moves the focused block up.
    let label = app
        .driver()
        .find(By::Css(format!("{last} input[lang='fr']")))
        .await?;
    replace_text(&label, "Faire un don").await?;
    wait_saved(&app).await?;
    label.send_keys(Key::Alt + Key::Up).await?;
    let moved = format!("[data-block-index='{}'] input[lang='fr']", before - 1);
    app.wait_for(
        &format!("document.querySelector(\"{moved}\")?.value === 'Faire un don'"),
        Duration::from_secs(5),
    )
    .await?;

    // Deleting a block can be undone (content back in place) and redone.
    let first = "document.querySelector(\"[data-block-index='0'] input[lang='fr']\")?.value";
    let title: String = app
        .driver()
        .execute(format!("return {first};"), vec![])
        .await?
        .convert()?;
    app.find("[data-block-index='0'] button.danger")
        .await?
        .click()
        .await?;
    app.wait_for(&format!("{first} !== {title:?}"), Duration::from_secs(5))
        .await?;
    app.find("[data-action='undo']").await?.click().await?;
    app.wait_for(&format!("{first} === {title:?}"), Duration::from_secs(5))
        .await?;
    app.find("[data-action='redo']").await?.click().await?;
    app.wait_for(&format!("{first} !== {title:?}"), Duration::from_secs(5))
        .await?;
    app.find("[data-action='undo']").await?.click().await?;
    app.wait_for(&format!("{first} === {title:?}"), Duration::from_secs(5))
        .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_image_is_picked_turned_upright_described_and_a_damaged_one_is_explained() -> Result<()>
{
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    let before = app.add_block("image").await?;
    let block = format!("[data-block-index='{before}']");
    let fixtures = tandem_e2e::workspace_root().join("core/tests/fixtures/images");

    // A damaged file: a precise message in French, and the block keeps no image.
    let input = app
        .find(&format!("{block} input[data-image-input]"))
        .await?;
    input
        .send_keys(fixtures.join("truncated.jpg").display().to_string())
        .await?;
    app.wait_for(
        &format!("document.querySelector(\"{block} .image-picker .field-error\") !== null"),
        Duration::from_secs(10),
    )
    .await?;
    let message = app
        .find(&format!("{block} .image-picker .field-error"))
        .await?
        .text()
        .await?;
    assert!(message.contains("endommagée"), "{message}");

    // A camera photo stored sideways (EXIF orientation 6) comes out upright.
    let input = app
        .find(&format!("{block} input[data-image-input]"))
        .await?;
    input
        .send_keys(fixtures.join("photo-landscape.jpg").display().to_string())
        .await?;
    app.wait_for(
        &format!("document.querySelector(\"{block} img.thumb\")?.naturalWidth > 0"),
        Duration::from_secs(15),
    )
    .await?;
    let size = app
        .driver()
        .execute(
            &format!("const i = document.querySelector(\"{block} img.thumb\"); return [i.naturalWidth, i.naturalHeight];"),
            vec![],
        )
        .await?;
    assert_eq!(size.json(), &serde_json::json!([1200, 1600]));
    let status = app.find(&format!("{block} .status")).await?;
    assert_eq!(
        status.attr("data-status").await?.as_deref(),
        Some("incomplete")
    );
    replace_text(
        &app.find(&format!("{block} input[id$='-alt-fr']")).await?,
        "Une classe",
    )
    .await?;
    replace_text(
        &app.find(&format!("{block} input[id$='-alt-nl']")).await?,
        "Een klas",
    )
    .await?;
    wait_saved(&app).await?;
    app.wait_for(
        &format!("document.querySelector(\"{block} .status\").dataset.status === 'complete'"),
        Duration::from_secs(5),
    )
    .await?;
    let fr = app.preview_text("fr").await?;
    assert!(!fr.is_empty());
    let frame = app.find("iframe").await?;
    frame.enter_frame().await?;
    let alt = app.find("img[alt='Une classe']").await?;
    let loaded = app
        .driver()
        .execute(
            "return document.querySelector(\"img[alt='Une classe']\").naturalWidth;",
            vec![],
        )
        .await?;
    assert!(
        loaded.json().as_u64().unwrap_or(0) > 0,
        "the preview shows the stored image"
    );
    assert_eq!(alt.attr("width").await?.as_deref(), Some("552"));
    app.driver().enter_parent_frame().await?;
    app.screenshot("composer-image-fr").await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edition_is_exported_as_a_web_page_and_as_an_eml() -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    app.preview_text("nl").await?;
    app.find("[data-action='export-archive']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('[data-exported]') !== null",
        Duration::from_secs(10),
    )
    .await?;
    let page = launch.export_dir().join("issue-1-nl/index.html");
    let html = std::fs::read_to_string(&page)?;
    assert!(
        html.contains("lang=\"nl\"") && html.contains("Werkgroepen"),
        "{}",
        page.display()
    );

    app.find("[data-action='export-eml']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('[data-exported]')?.dataset.exported.endsWith('.eml')",
        Duration::from_secs(10),
    )
    .await?;
    let eml = std::fs::read_to_string(launch.export_dir().join("newsletter-1-nl.eml"))?;
    assert!(eml.contains("multipart/alternative"), "{eml}");
    let status = app.find("[data-exported]").await?.text().await?;
    assert!(status.starts_with("Opgeslagen:"), "{status}");
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_issue_starts_from_the_last_one_and_a_draft_can_be_deleted() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    let blocks = "document.querySelectorAll('[data-block-index]').length";
    let count = |v: serde_json::Value| v.as_u64().unwrap_or(0);
    let before = count(
        app.driver()
            .execute(&format!("return {blocks}"), vec![])
            .await?
            .json()
            .clone(),
    );
    assert!(before > 3, "the sample issue has blocks");
    app.click("[data-action='new-from']").await?;
    app.wait_for(
        "document.querySelectorAll('#issue-select option').length === 2",
        Duration::from_secs(10),
    )
    .await?;
    app.wait_for(&format!("{blocks} === {before}"), Duration::from_secs(10))
        .await?;
    let chosen = app
        .driver()
        .execute(
            "const s = document.querySelector('#issue-select'); return s.options[s.selectedIndex].textContent",
            vec![],
        )
        .await?;
    let chosen = chosen
        .json()
        .as_str()
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        chosen.contains('2'),
        "the new issue, no. 2, is the one shown: {chosen}"
    );
    app.screenshot("composer-new-from-fr").await?;

    // In Dutch: delete the new draft, after one question.
    app.choose_language("nl").await?;
    app.click("[data-action='delete-issue']").await?;
    let asked = app
        .find_soon("[data-delete-confirm]", Duration::from_secs(5))
        .await?
        .text()
        .await?
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(asked.contains("Nummer 2"), "{asked}");
    app.screenshot("composer-delete-issue-nl").await?;
    app.click("[data-action='delete-issue-yes']").await?;
    app.wait_for(
        "document.querySelectorAll('#issue-select option').length === 1",
        Duration::from_secs(10),
    )
    .await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_is_made_where_its_text_is_clicked_or_by_its_toolbar() -> Result<()> {
    let (_dir, launch) = Launch::temp("nl_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;

    // A click on the sixth letter of a text not yet edited: the caret is there, not at
    // the end (the text is static until reached, laid out as the editor lays it out).
    let body = ".block-card .rich[lang='nl']";
    // The start's last work done (the preview drawn after the Composer), so that nothing
    // moves between aiming and clicking.
    app.wait_for(
        "document.querySelector('iframe[data-loaded=\"true\"]') !== null",
        Duration::from_secs(20),
    )
    .await?;
    let placeholder = app.find(&format!("{body} .rich-input")).await?;
    placeholder.scroll_into_view().await?;
    let point = app
        .driver()
        .execute(
            &format!(
                "const box = document.querySelector(\"{body} .rich-input\");
                 const text = box.querySelector('p').firstChild;
                 const range = document.createRange();
                 range.setStart(text, 5); range.setEnd(text, 6);
                 const letter = range.getBoundingClientRect(), all = box.getBoundingClientRect();
                 return {{ text: box.querySelector('p').textContent,
                   x: Math.round(letter.left + 1 - (all.left + all.width / 2)),
                   y: Math.round(letter.top + letter.height / 2 - (all.top + all.height / 2)) }};"
            ),
            vec![],
        )
        .await?;
    let point = point.json();
    let before = point["text"].as_str().unwrap_or_default().to_owned();
    assert!(before.chars().count() > 10, "{before}");
    assert!(app.absent(&format!("{body} .ProseMirror")).await?);
    app.driver()
        .action_chain()
        .move_to_element_with_offset(
            &placeholder,
            point["x"].as_i64().unwrap_or_default(),
            point["y"].as_i64().unwrap_or_default(),
        )
        .click()
        .perform()
        .await?;
    let editor = app
        .find_soon(&format!("{body} .ProseMirror"), Duration::from_secs(10))
        .await
        .map_err(|e| format!("no editor made by the click at {point}: {e}"))?;
    // The editor made by the click has the focus at once (sent keys would otherwise
    // focus it themselves, caret at the end: the suite saw this once).
    let focused: bool = app
        .driver()
        .execute(
            "return document.activeElement?.classList.contains('ProseMirror') === true;",
            vec![],
        )
        .await?
        .convert()?;
    assert!(focused, "the editor has the focus as soon as it is made");
    editor.send_keys("¶").await?;
    let first = editor.find(By::Css("p")).await?.text().await?;
    let expected: String = before
        .chars()
        .take(5)
        .chain(['¶'])
        .chain(before.chars().skip(5))
        .collect();
    assert_eq!(first, expected, "typed where the text was clicked");

    // The toolbar of a text not reached yet makes its editor and applies: bold typing.
    let bars = app
        .driver()
        .find_all(By::Css(".block-card .rich[lang='fr']"))
        .await?;
    let last = bars.last().ok_or("no French rich text")?;
    let reached = "[...document.querySelectorAll(\".block-card .rich[lang='fr']\")].pop().querySelector('.ProseMirror') !== null";
    let not_yet: bool = app
        .driver()
        .execute(&format!("return !({reached});"), vec![])
        .await?
        .convert()?;
    assert!(not_yet, "no editor before its text is reached");
    last.find(By::Css(".rich-toolbar button"))
        .await?
        .click()
        .await?;
    app.wait_for(reached, Duration::from_secs(10))
        .await
        .map_err(|e| format!("no editor made by the toolbar: {e}"))?;
    let made = last.find(By::Css(".ProseMirror")).await?;
    made.send_keys("Gras").await?;
    let html = made.inner_html().await?;
    assert!(html.contains("<strong>Gras</strong>"), "{html}");
    wait_saved(&app).await?;
    app.quit().await?;
    Ok(())
}

/// Keys pressed while an editor's code still loads (the first click on a text) are typed
/// into the editor once it is made: nothing typed is lost. The test holds the making
/// (`tandemHoldEditors`) so that the keys certainly come first.
#[tokio::test(flavor = "multi_thread")]
async fn keys_pressed_while_the_editor_loads_are_typed_into_it() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    app.wait_for(
        "document.querySelector('iframe[data-loaded=\"true\"]') !== null",
        Duration::from_secs(20),
    )
    .await?;
    app.driver()
        .execute(
            "window.tandemHoldEditors = new Promise(r => { window.tandemReleaseEditors = r; });",
            vec![],
        )
        .await?;
    let body = ".block-card .rich[lang='fr']";
    let placeholder = app.find(&format!("{body} .rich-input")).await?;
    placeholder.scroll_into_view().await?;
    // The text, and its paragraphs, of the static text or of the editor.
    let read = |css: &'static str| {
        let app = &app;
        async move {
            let got = app
                .driver()
                .execute(
                    &format!(
                        "const box = document.querySelector(\"{body} {css}\");
                         return [box.textContent, box.querySelectorAll('p').length];"
                    ),
                    vec![],
                )
                .await?;
            let (text, paragraphs): (String, u64) = got.convert()?;
            Result::<_>::Ok((text, paragraphs))
        }
    };
    let (before, paragraphs) = read(".rich-input").await?;
    placeholder.click().await?;
    placeholder
        .send_keys("Zoë x" + Key::Backspace + "y !" + Key::Enter + "Ok")
        .await?;
    assert!(
        app.absent(&format!("{body} .ProseMirror")).await?,
        "the editor was held, yet made"
    );
    app.driver()
        .execute("window.tandemReleaseEditors();", vec![])
        .await?;
    app.find_soon(&format!("{body} .ProseMirror"), Duration::from_secs(10))
        .await?;
    let (after, split) = read(".ProseMirror").await?;
    assert!(after.contains("Zoë y !Ok"), "{after:?}");
    assert_eq!(
        after.replacen("Zoë y !Ok", "", 1),
        before,
        "typed where the text was clicked, nothing else changed"
    );
    assert_eq!(split, paragraphs + 1, "Enter made a paragraph");
    // What was typed is kept like anything typed in the editor.
    wait_saved(&app).await?;
    app.quit().await?;
    Ok(())
}

/// The issue's stored date (YYYY-MM-DD), read by the CLI.
fn stored_date(launch: &Launch) -> Result<String> {
    let list: serde_json::Value = serde_json::from_str(&launch.cli(&["issue", "list", "--json"])?)?;
    Ok(list[0]["date"].as_str().unwrap_or_default().to_owned())
}

/// The sample issue's event start (RFC 3339), read from an export by the CLI.
fn stored_event_start(launch: &Launch, dir: &std::path::Path) -> Result<String> {
    let out = dir.join(format!("export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    launch.cli(&[
        std::ffi::OsStr::new("issue"),
        "export".as_ref(),
        "1".as_ref(),
        out.as_os_str(),
    ])?;
    let issue: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("issue.json"))?)?;
    let blocks = issue["blocks"].as_array().cloned().unwrap_or_default();
    Ok(blocks
        .iter()
        .find_map(|b| b["starts"].as_str())
        .unwrap_or_default()
        .to_owned())
}

async fn wait_stored(launch: &Launch, what: &str, wanted: &str) -> Result<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let now = stored_date(launch)?;
        if now == wanted {
            return Ok(());
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: stored {now}, wanted {wanted} within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dates_are_written_day_first_and_one_not_understood_is_said_and_not_saved() -> Result<()> {
    let (dir, launch) = Launch::temp("fr_BE.UTF-8");
    let app = App::start(&launch).await?;
    wait_composer(&app).await?;
    let value = |el: WebElement| async move {
        Ok::<_, WebDriverError>(el.prop("value").await?.unwrap_or_default())
    };

    // Shown day first, as the stored date says (WebKitGTK's own date input showed
    // 12/01/2026 for the 1st of December).
    let stored = stored_date(&launch)?;
    let (y, rest) = stored.split_once('-').expect("YYYY-MM-DD");
    let (m, d) = rest.split_once('-').expect("YYYY-MM-DD");
    let date = app.find("#issue-date").await?;
    assert_eq!(value(date.clone()).await?, format!("{d}/{m}/{y}"));

    // Typed day/month/year: saved, shown again in full and written out in French.
    replace_text(&date, "15/3/2027").await?;
    date.send_keys(Key::Tab).await?;
    wait_stored(&launch, "15/3/2027", "2027-03-15").await?;
    assert_eq!(value(date.clone()).await?, "15/03/2027");
    let said = app.find("[data-date-said]").await?.text().await?;
    assert_eq!(said, "lundi 15 mars 2027");

    // A day that does not exist: said in French, kept as typed, not saved.
    replace_text(&date, "31/02/2027").await?;
    date.send_keys(Key::Tab).await?;
    let said = app
        .find("[data-date-said][role='alert']")
        .await?
        .text()
        .await?;
    assert!(said.starts_with("Date non comprise"), "{said}");
    assert_eq!(value(date.clone()).await?, "31/02/2027");
    assert_eq!(date.attr("aria-invalid").await?.as_deref(), Some("true"));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(stored_date(&launch)?, "2027-03-15", "nothing saved");
    app.screenshot("composer-date-fr").await?;

    // In Dutch: the message, then a date written with dots.
    app.choose_language("nl").await?;
    let date = app.find("#issue-date").await?;
    replace_text(&date, "32.12.2026").await?;
    date.send_keys(Key::Tab).await?;
    let said = app
        .find("[data-date-said][role='alert']")
        .await?
        .text()
        .await?;
    assert!(said.starts_with("Datum niet begrepen"), "{said}");
    replace_text(&date, "1.12.2026").await?;
    date.send_keys(Key::Tab).await?;
    wait_stored(&launch, "1.12.2026", "2026-12-01").await?;
    let said = app.find("[data-date-said]").await?.text().await?;
    assert_eq!(said, "dinsdag 1 december 2026");

    // The event's time on 24 hours, as Belgians write it; its day and offset stay.
    let before = stored_event_start(&launch, dir.path())?;
    let time = app.find("input[id$='-starts-time']").await?;
    assert_eq!(value(time.clone()).await?, before[11..16]);
    replace_text(&time, "20u15").await?;
    time.send_keys(Key::Tab).await?;
    wait_saved(&app).await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let now = stored_event_start(&launch, dir.path())?;
        if now != before {
            assert_eq!(now, format!("{}T20:15:00{}", &before[..10], &before[19..]));
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the event's time saved within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(value(time.clone()).await?, "20:15");
    app.screenshot("composer-date-nl").await?;
    app.quit().await
}
