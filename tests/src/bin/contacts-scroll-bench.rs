//! `cargo xtask bench` scenario measured in the real app: scrolling the Contacts table
//! over 50,000 contacts. The contacts are imported with the `tandem` CLI into the app's
//! data folder first; the page then scrolls by 600 px every animation frame for two
//! seconds and records each frame's duration. The reference is an empty element of the
//! same size scrolled the same way in the same window: under Xvfb WebKit paints in
//! software, and that alone costs most of a frame.

use std::time::Duration;

use tandem_e2e::{App, Launch, Result};

fn main() -> Result<()> {
    let (_dir, launch) = Launch::temp("fr_BE.UTF-8");
    let csv = launch.data_dir.join("contacts.csv");
    let mut text = String::from("email;langue;nom;prénom;organisation;listes\n");
    for i in 0..50_000 {
        text.push_str(&format!(
            "c{i}@example{}.be;{};Nom{i};Prénom{i};Organisation {};membres\n",
            i % 50,
            ["fr", "nl", "both"][i % 3],
            i % 300
        ));
    }
    std::fs::write(&csv, text)?;
    let cli = tandem_e2e::app_binary().with_file_name("tandem");
    let out = std::process::Command::new(&cli)
        .env("TANDEM_DATA_DIR", &launch.data_dir)
        .args(["contacts", "import"])
        .arg(&csv)
        .output()?;
    if !out.status.success() {
        return Err(format!("import failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    tokio::runtime::Runtime::new()?.block_on(async {
        let app = App::start(&launch).await?;
        app.find("nav [data-view='contacts']").await?.click().await?;
        app.wait_for("document.querySelector('[data-total]')?.dataset.total === '50000'", Duration::from_secs(20)).await?;
        let frames = app
            .driver()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const el = document.querySelector('.contact-scroll');
                 const times = []; let last = performance.now(); const end = last + 2000;
                 function step(now) {
                   times.push(now - last); last = now; el.scrollTop += 600;
                   if (now < end) requestAnimationFrame(step); else done(times.slice(1));
                 }
                 requestAnimationFrame(step);",
                vec![],
            )
            .await?;
        let mut ms: Vec<f64> = frames.convert()?;
        // The same loop without scrolling: what a frame costs on this display at all.
        let idle = app
            .driver()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const times = []; let last = performance.now(); const end = last + 1000;
                 function step(now) { times.push(now - last); last = now;
                   if (now < end) requestAnimationFrame(step); else done(times.slice(1)); }
                 requestAnimationFrame(step);",
                vec![],
            )
            .await?;
        let mut idle: Vec<f64> = idle.convert()?;
        // The same scrolling on a plain element of the same size with no rows: what
        // scrolling costs on this display whatever the table does.
        let plain = app
            .driver()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const box = document.createElement('div');
                 box.style.cssText = 'position:fixed;left:300px;top:200px;width:1000px;height:600px;overflow-y:auto;background:#fff;z-index:9';
                 const inner = document.createElement('div'); inner.style.height = '2200000px';
                 inner.style.background = 'repeating-linear-gradient(#fff 0 43px, #ddd 43px 44px)';
                 box.append(inner); document.body.append(box);
                 const times = []; let last = performance.now(); const end = last + 1000;
                 function step(now) { times.push(now - last); last = now; box.scrollTop += 600;
                   if (now < end) requestAnimationFrame(step); else { box.remove(); done(times.slice(1)); } }
                 requestAnimationFrame(step);",
                vec![],
            )
            .await?;
        let mut plain: Vec<f64> = plain.convert()?;
        plain.sort_by(|a, b| a.total_cmp(b));
        let plain_median = plain[plain.len() / 2];
        idle.sort_by(|a, b| a.total_cmp(b));
        let idle_median = idle[idle.len() / 2];
        app.quit().await?;
        ms.sort_by(|a, b| a.total_cmp(b));
        let median = ms[ms.len() / 2];
        let p95 = ms[(ms.len() * 95 / 100).min(ms.len() - 1)];
        println!(
            "{:<48} {:>9.1} ms vs reference {:>7.1} ms   ratio {:>6.2}x   (reference: an empty element scrolled the same way; idle frame {:.1} ms; p95 {:.1} ms; {} frames)",
            "scroll 50,000 contacts (median frame)",
            median,
            plain_median,
            median / plain_median,
            idle_median,
            p95,
            ms.len()
        );
        Ok(())
    })
}
