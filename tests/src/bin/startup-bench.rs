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

    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        ours.push(measure(&launch, tandem, composer).await?);
        theirs.push(measure(&launch, hello, page).await?);
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
    Ok(())
}
