//! "Check for updates" in the real window, against a version feed on 127.0.0.1
//! (latest.json and minisign-signed bundles, signed with a key made for this run): a
//! newer version is found and its download verified; a bundle whose signature does not
//! match is refused with a clear message and nothing is installed; a feed that is down
//! or answers nonsense is said plainly and the app goes on.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use tandem_e2e::{workspace_root, App, Launch, Result};
use tandem_testkit::StaticServer;

fn tauri(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(workspace_root().join("ui/node_modules/.bin/tauri"))
        .args(args)
        .current_dir(dir)
        .env("CI", "true")
        .output()?;
    if !out.status.success() {
        return Err(format!("tauri {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// latest.json announcing `version` with `bundle` at `url` and `signature`.
fn feed(version: &str, url: &str, signature: &str) -> Vec<u8> {
    serde_json::json!({
        "version": version,
        "notes": "Nouvelle version / Nieuwe versie",
        "pub_date": "2026-12-01T10:00:00Z",
        "platforms": { "linux-x86_64": { "url": url, "signature": signature } }
    })
    .to_string()
    .into_bytes()
}

async fn open_settings(app: &App) -> Result<()> {
    app.find("nav [data-view='settings']")
        .await?
        .click()
        .await?;
    app.find_soon("[data-action='check-update']", Duration::from_secs(10))
        .await?;
    Ok(())
}

async fn check(app: &App) -> Result<()> {
    app.find("[data-action='check-update']")
        .await?
        .click()
        .await?;
    app.wait_for(
        "document.querySelector('.updates [data-update], .updates [data-error-code]') !== null",
        Duration::from_secs(20),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newer_signed_version_is_found_and_verified_a_forged_one_is_refused() -> Result<()> {
    let keys = tempfile::tempdir()?;
    tauri(
        keys.path(),
        &["signer", "generate", "-w", "k", "--ci", "-p", ""],
    )?;
    let pubkey = std::fs::read_to_string(keys.path().join("k.pub"))?;
    let bundle: Vec<u8> = (0..65_536u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(keys.path().join("good.tar.gz"), &bundle)?;
    tauri(
        keys.path(),
        &["signer", "sign", "-f", "k", "-p", "", "good.tar.gz"],
    )?;
    let good_sig = std::fs::read_to_string(keys.path().join("good.tar.gz.sig"))?;
    // The same name and signature, other bytes: what a tampered mirror would serve.
    let mut forged = bundle.clone();
    forged[1000] ^= 0xff;

    let server = StaticServer::start(vec![
        (
            "/good/latest.json".to_owned(),
            "application/json".to_owned(),
            feed("9.9.9", "{{base}}/good.tar.gz", &good_sig),
        ),
        (
            "/forged/latest.json".to_owned(),
            "application/json".to_owned(),
            feed("9.9.9", "{{base}}/forged.tar.gz", &good_sig),
        ),
        (
            "/broken/latest.json".to_owned(),
            "text/html".to_owned(),
            b"<html>not a feed</html>".to_vec(),
        ),
        (
            "/good.tar.gz".to_owned(),
            "application/gzip".to_owned(),
            bundle,
        ),
        (
            "/forged.tar.gz".to_owned(),
            "application/gzip".to_owned(),
            forged,
        ),
    ])?;
    let base = server.url("");

    for (locale, feed_path, expect) in [
        ("fr_BE.UTF-8", "/good/latest.json", "verified"),
        (
            "nl_BE.UTF-8",
            "/forged/latest.json",
            "update-error-signature",
        ),
        ("en_GB.UTF-8", "/broken/latest.json", "update-error-feed"),
        ("fr_BE.UTF-8", "/down", "update-error-feed"),
    ] {
        let (_dir, mut launch) = Launch::temp(locale);
        let feed_url = if feed_path == "/down" {
            // A port nobody listens on.
            format!(
                "http://127.0.0.1:{}/latest.json",
                tandem_testkit::free_port()
            )
        } else {
            format!("{base}{feed_path}")
        };
        launch.env = vec![
            ("TANDEM_UPDATE_FEED".into(), feed_url),
            ("TANDEM_UPDATE_PUBKEY".into(), pubkey.trim().into()),
        ];
        let app = App::start(&launch).await?;
        open_settings(&app).await?;
        check(&app).await?;
        match expect {
            "verified" => {
                let found = app.find(".updates [data-update]").await?;
                assert_eq!(found.attr("data-update").await?.as_deref(), Some("9.9.9"));
                assert!(found.text().await?.contains("Tandem 9.9.9 est disponible"));
                app.find("[data-action='download-update']")
                    .await?
                    .click()
                    .await?;
                app.find_soon("[data-update-verified]", Duration::from_secs(20))
                    .await?;
                app.find("[data-action='install-update']").await?;
                app.driver()
                    .execute(
                        "document.querySelector('.updates').scrollIntoView();",
                        vec![],
                    )
                    .await?;
                app.screenshot("settings-update-verified-fr").await?;
            }
            "update-error-signature" => {
                // The feed itself is fine: the version is offered…
                app.find(".updates [data-update='9.9.9']").await?;
                app.find("[data-action='download-update']")
                    .await?
                    .click()
                    .await?;
                // …and its download refused, with nothing to install.
                let error = app
                    .find_soon(".updates [data-error-code]", Duration::from_secs(20))
                    .await?;
                assert_eq!(
                    error.attr("data-error-code").await?.as_deref(),
                    Some(expect)
                );
                let text = error.text().await?;
                assert!(text.contains("niet ondertekend"), "{text}");
                assert!(app.absent("[data-action='install-update']").await?);
                app.driver()
                    .execute(
                        "document.querySelector('.updates').scrollIntoView();",
                        vec![],
                    )
                    .await?;
                app.screenshot("settings-update-refused-nl").await?;
            }
            _ => {
                let error = app.find(".updates [data-error-code]").await?;
                assert_eq!(
                    error.attr("data-error-code").await?.as_deref(),
                    Some(expect)
                );
                // The app goes on: another screen works.
                app.find("nav [data-view='composer']")
                    .await?
                    .click()
                    .await?;
                app.find_soon(".block-card", Duration::from_secs(10))
                    .await?;
            }
        }
        app.quit().await?;
    }
    Ok(())
}
