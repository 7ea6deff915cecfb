//! `cargo xtask bench` scenario: start-up time and memory of the release app, beside
//! the smallest Tauri 2 app (`tests/hello`, built with the same profile and dependency
//! versions) started the same way in the same run.
//!
//! Each start goes through tauri-driver (a WebDriver session launches the app under
//! Xvfb) and ends when the page is ready: for Tandem, the Composer showing the sample
//! issue's blocks (on a database seeded by a first, unmeasured start); for the hello
//! world, its page. Memory: the proportional set size of the app and its web view's
//! processes, each app started directly (no WebDriver: automation adds its own memory
//! to every web view process) under a virtual display and read 8 s later, when both
//! are long ready. Alternating, best (lowest) of three each.
//!
//! A third program is measured for memory: Tandem's first screen, as drawn, made into a
//! still page of the hello world (no script; `still_page`). It tells what drawing the
//! screen costs and what Tandem's program adds to it.
//!
//! `STARTUP_DETAIL=1` prints each start's timeline in the page (marks, the first IPC
//! calls, resources, paints) and each process's memory (private, files, shared);
//! `STARTUP_ONLY=1` leaves memory out.
//!
//! Usage: startup-bench TANDEM_RELEASE_BINARY HELLO_RELEASE_BINARY

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tandem_e2e::{App, Launch, Result};

const ROUNDS: usize = 3;

/// The app started as a user starts it, under its own virtual display: the PSS of all
/// its processes once settled.
fn memory(launch: &Launch, binary: &Path, compositing: bool) -> Result<u64> {
    use std::os::unix::process::CommandExt;
    let mut child = std::process::Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1440x900x24"])
        .arg(binary)
        .env("TANDEM_DATA_DIR", &launch.data_dir)
        .env("LANG", &launch.locale)
        .env(
            "WEBKIT_DISABLE_COMPOSITING_MODE",
            if compositing { "0" } else { "1" },
        )
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn()?;
    std::thread::sleep(Duration::from_secs(8));
    let processes = App::memory_by_process(binary);
    let kib = processes.iter().map(|p| p.pss_kib).sum();
    if std::env::var_os("STARTUP_DETAIL").is_some() {
        for p in &processes {
            eprintln!(
                "{} (compositing {}): {:<16} {:>7} KiB = private {:>7} + files {:>7} + shared {:>6}",
                binary.display(),
                if compositing { "on" } else { "off" },
                p.name,
                p.pss_kib,
                p.anon_kib,
                p.file_kib,
                p.shmem_kib
            );
        }
    }
    let _ = std::process::Command::new("kill")
        .args(["--", &format!("-{}", child.id())])
        .status();
    let _ = child.wait();
    if kib == 0 {
        return Err(format!("{} did not start under xvfb-run", binary.display()).into());
    }
    Ok(kib)
}

/// Start-up time; memory with WebKit's compositing on (software GL under Xvfb) and off.
async fn measure(launch: &Launch, binary: &Path, ready: &str) -> Result<(Duration, u64, u64)> {
    let started = Instant::now();
    let epoch = std::time::SystemTime::now();
    let app = App::open(launch, binary).await?;
    app.wait_for(ready, Duration::from_secs(30)).await?;
    let elapsed = started.elapsed();
    if std::env::var_os("STARTUP_DETAIL").is_some() {
        let t = app
            .driver()
            .execute(
                "const n = performance.getEntriesByType('navigation')[0]; \
                 return {origin: performance.timeOrigin, ready: performance.now(), dcl: n && n.domContentLoadedEventEnd, \
                 load: n && n.loadEventEnd, cards: document.querySelectorAll('.block-card').length, \
                 timeline: performance.getEntries().filter(e => ['mark', 'measure', 'resource', 'paint'].includes(e.entryType)) \
                   .map(e => `${e.name.replace(/^.*\\//, '')} ${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`)};",
                vec![],
            )
            .await?;
        // From asking for the session to the page's own clock starting (the program
        // started, its window made, the page asked for).
        let before_page = t.json()["origin"].as_f64().unwrap_or_default()
            - epoch.duration_since(std::time::UNIX_EPOCH)?.as_secs_f64() * 1000.0;
        eprintln!(
            "{}: {:?}, {before_page:.0} ms before the page, in page: {}",
            binary.display(),
            elapsed,
            t.json()
        );
    }
    app.quit().await?;
    if std::env::var_os("STARTUP_ONLY").is_some() {
        return Ok((elapsed, 0, 0));
    }
    Ok((
        elapsed,
        memory(launch, binary, true)?,
        memory(launch, binary, false)?,
    ))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [tandem, hello] = args.as_slice() else {
        return Err("usage: startup-bench TANDEM_RELEASE_BINARY HELLO_RELEASE_BINARY".into());
    };
    let dir = tempfile::tempdir()?;
    let launch = Launch {
        data_dir: dir.path().to_path_buf(),
        locale: "fr_BE.UTF-8".into(),
        env: Vec::new(),
    };
    let composer = "document.querySelectorAll('.block-card').length > 0";
    let page = "document.body && document.body.dataset.ready === 'true'";
    // First start: the database is made and the sample issue seeded (not measured).
    measure(&launch, tandem, composer).await?;
    // The third reference: Tandem's first screen as a still page in the hello world.
    let still_dir = tempfile::tempdir()?;
    let still = still_page(&launch, tandem, hello, still_dir.path()).await?;

    let (mut ours, mut theirs, mut stills) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        ours.push(measure(&launch, tandem, composer).await?);
        theirs.push(measure(&launch, hello, page).await?);
        stills.push(memory(&launch, &still, true)?);
    }
    let best_time = |v: &[(Duration, u64, u64)]| v.iter().map(|m| m.0).min().unwrap_or_default();
    let best_gl = |v: &[(Duration, u64, u64)]| v.iter().map(|m| m.1).min().unwrap_or_default();
    let best_plain = |v: &[(Duration, u64, u64)]| v.iter().map(|m| m.2).min().unwrap_or_default();
    let (t_ours, t_theirs) = (best_time(&ours), best_time(&theirs));
    println!(
        "{:<48} {:>9.0} ms vs hello world {:>6.0} ms   ratio {:>5.2}x   (goal <= 1.5x; best of {ROUNDS}, through WebDriver)",
        "start-up: release app to the Composer's blocks",
        t_ours.as_secs_f64() * 1000.0,
        t_theirs.as_secs_f64() * 1000.0,
        t_ours.as_secs_f64() / t_theirs.as_secs_f64()
    );
    for (what, m_ours, m_theirs) in [
        (
            "memory after start-up (compositing off)",
            best_plain(&ours),
            best_plain(&theirs),
        ),
        (
            "memory after start-up (compositing, software GL)",
            best_gl(&ours),
            best_gl(&theirs),
        ),
    ] {
        println!(
            "{:<48} {:>9.1} MiB vs hello world {:>6.1} MiB  ratio {:>5.2}x   (goal <= 1.3x; PSS of all its processes, started directly)",
            what,
            m_ours as f64 / 1024.0,
            m_theirs as f64 / 1024.0,
            m_ours as f64 / m_theirs.max(1) as f64
        );
    }
    // What the screen alone costs: how much of Tandem's memory is its program (Rust,
    // the page's script, the editors) and how much is drawing what the Composer shows.
    let m_still = stills.iter().copied().min().unwrap_or_default();
    println!(
        "{:<48} {:>9.1} MiB vs hello world {:>6.1} MiB  ratio {:>5.2}x   (no goal: the same screen as a still page, no program; Tandem is {:.2}x this)",
        "memory of the Composer's screen, still (comp.)",
        m_still as f64 / 1024.0,
        best_gl(&theirs) as f64 / 1024.0,
        m_still as f64 / best_gl(&theirs).max(1) as f64,
        best_gl(&ours) as f64 / m_still.max(1) as f64
    );
    Ok(())
}

/// Tandem's first screen, as it is drawn, made into a still page of the hello world
/// (`tests/hello` with another page): the document with what its fields show, its
/// style sheets inline, no script, and the preview frame showing the same edition's
/// HTML (`tandem render`). Built with the same profile and dependency versions into the
/// same target folder; returns the built program.
async fn still_page(launch: &Launch, tandem: &Path, hello: &Path, dir: &Path) -> Result<PathBuf> {
    let app = App::open(launch, tandem).await?;
    app.wait_for(
        "document.querySelectorAll('.block-card').length > 0 && document.querySelector('iframe[data-loaded=\"true\"]')",
        Duration::from_secs(30),
    )
    .await?;
    let page = app
        .driver()
        .execute(
            r#"const doc = document.documentElement.cloneNode(true);
            const live = document.querySelectorAll('input, textarea, select');
            const copies = doc.querySelectorAll('input, textarea, select');
            live.forEach((el, i) => {
              const c = copies[i];
              if (el.tagName === 'TEXTAREA') c.textContent = el.value;
              else if (el.tagName === 'SELECT') [...c.options].forEach((o, j) => o.toggleAttribute('selected', j === el.selectedIndex));
              else if (el.type === 'checkbox' || el.type === 'radio') c.toggleAttribute('checked', el.checked);
              else c.setAttribute('value', el.value);
            });
            doc.querySelectorAll('script, link').forEach(e => e.remove());
            const style = document.createElement('style');
            style.textContent = [...document.styleSheets].map(s => [...s.cssRules].map(r => r.cssText).join('\n')).join('\n');
            doc.querySelector('head').appendChild(style);
            const frame = doc.querySelector('iframe');
            const src = new URL(frame.getAttribute('src'));
            frame.setAttribute('src', 'preview.html');
            return {html: '<!doctype html>\n' + doc.outerHTML, preview: src.pathname};"#,
            vec![],
        )
        .await?;
    app.quit().await?;
    let html = page.json()["html"].as_str().unwrap_or_default().to_owned();
    // "/preview/{id}/{edition}" (the protocol's path; its host differs by platform).
    let route = page.json()["preview"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    let ["preview", id, edition] = parts.as_slice() else {
        return Err(
            format!("the preview frame's address {route:?} is not /preview/ID/EDITION").into(),
        );
    };
    let render = std::process::Command::new(tandem)
        .args(["--cli", "render", id, "--edition", edition])
        .env("TANDEM_DATA_DIR", &launch.data_dir)
        .output()?;
    if !render.status.success() || !html.contains("block-card") {
        return Err(format!(
            "the still page could not be made: render exited {}, page of {} bytes",
            render.status,
            html.len()
        )
        .into());
    }

    let target = hello
        .parent()
        .and_then(Path::parent)
        .ok_or("the hello world's program is not in TARGET/release/")?;
    // The hello world's project under another name, this page, no CSP (no script runs).
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("hello");
    let icons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/icons");
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::create_dir_all(dir.join("dist"))?;
    let rename = |text: String| text.replace("tandem-hello", "tandem-still");
    std::fs::write(
        dir.join("Cargo.toml"),
        rename(std::fs::read_to_string(source.join("Cargo.toml"))?),
    )?;
    std::fs::write(
        dir.join("Cargo.lock"),
        rename(std::fs::read_to_string(source.join("Cargo.lock"))?),
    )?;
    std::fs::copy(source.join("build.rs"), dir.join("build.rs"))?;
    std::fs::copy(source.join("src/main.rs"), dir.join("src/main.rs"))?;
    let mut conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(source.join("tauri.conf.json"))?)?;
    conf["identifier"] = "org.example.tandem-still".into();
    conf["app"]["security"]["csp"] = serde_json::Value::Null;
    conf["bundle"]["icon"] = serde_json::json!([icons.join("32x32.png"), icons.join("icon.png")]);
    std::fs::write(
        dir.join("tauri.conf.json"),
        serde_json::to_string_pretty(&conf)?,
    )?;
    std::fs::write(dir.join("dist/index.html"), html)?;
    std::fs::write(dir.join("dist/preview.html"), render.stdout)?;
    let status =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--quiet", "--release", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .status()?;
    if !status.success() {
        return Err("cargo build --release of the still page failed".into());
    }
    Ok(target.join("release/tandem-still"))
}
