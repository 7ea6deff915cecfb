//! `cargo xtask bench` scenario measured in the real app: how long the preview takes to
//! show a change. Types into a block of the sample issue, one character every 600 ms
//! (so each keystroke is saved on its own), and reads the app's own clock: when the
//! keystroke was sent, when the new render was asked for (after the 50 ms autosave
//! delay and the save), and when the preview frame had loaded it.

use std::time::Duration;

use tandem_e2e::{App, Launch, Result};

#[tokio::main]
async fn main() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let launch = Launch {
        data_dir: dir.path().to_path_buf(),
        locale: "fr_BE.UTF-8".into(),
        env: Vec::new(),
    };
    let app = App::start(&launch).await?;
    app.wait_for(
        "document.querySelectorAll('.block-card').length > 0",
        Duration::from_secs(10),
    )
    .await?;
    let input = app.find("[data-block-index='0'] input[lang='fr']").await?;
    input.click().await?;
    app.driver()
        .execute("window.__previewTimings.length = 0;", vec![])
        .await?;
    let (mut refresh, mut total) = (Vec::new(), Vec::new());
    for c in "abcdefghijklmnopqrst".chars() {
        let sent = app
            .driver()
            .execute("return performance.now();", vec![])
            .await?;
        let sent = sent.json().as_f64().unwrap_or(0.0);
        input.send_keys(c.to_string()).await?;
        tokio::time::sleep(Duration::from_millis(600)).await;
        let last = app
            .driver()
            .execute(
                "const t = window.__previewTimings; return t[t.length - 1] ?? null;",
                vec![],
            )
            .await?;
        let last = last.json();
        if let (Some(req), Some(loaded)) = (last["requested"].as_f64(), last["loaded"].as_f64()) {
            if req >= sent {
                refresh.push(loaded - req);
                total.push(loaded - sent);
            }
        }
    }
    app.quit().await?;
    if refresh.is_empty() {
        return Err("the preview recorded no refresh".into());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let n = refresh.len();
    let (r, t) = (median(&mut refresh), median(&mut total));
    println!(
        "{:<48} {:>9.1} ms vs budget     16.0 ms   ratio {:>6.2}x   (goal: < 1x; {n} keystrokes)",
        "preview refresh: render + frame reload (median)",
        r,
        r / 16.0,
    );
    println!(
        "{:<48} {:>9.1} ms vs budget     16.0 ms   ratio {:>6.2}x   (incl. 50 ms autosave delay, save, key dispatch)",
        "preview refresh: keystroke to preview (median)",
        t,
        t / 16.0,
    );
    Ok(())
}
