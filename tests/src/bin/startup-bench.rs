//! `cargo xtask bench` scenario: start-up time and memory of the release app, beside
//! the smallest Tauri 2 app (`tests/hello`, built with the same profile and dependency
//! versions) started the same way in the same run.
//!
//! Each start goes through tauri-driver (a WebDriver session launches the app under
//! Xvfb) and ends when the page is ready: for Tandem, the Composer showing the sample
//! issue's blocks (on a database seeded by a first, unmeasured start); for the hello
//! world, its page. Memory: the proportional set size of the app and its web view's
//! processes, once ready. Alternating, best (lowest) of five each.
//!
//! Usage: startup-bench TANDEM_RELEASE_BINARY HELLO_RELEASE_BINARY

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tandem_e2e::{App, Launch, Result};

const ROUNDS: usize = 5;

async fn measure(launch: &Launch, binary: &Path, ready: &str) -> Result<(Duration, u64)> {
    let started = Instant::now();
    let app = App::open(launch, binary).await?;
    app.wait_for(ready, Duration::from_secs(30)).await?;
    let elapsed = started.elapsed();
    // Let the web view settle before reading memory.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let memory = App::memory_kib(binary);
    app.quit().await?;
    Ok((elapsed, memory))
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
    let best_time = |v: &[(Duration, u64)]| v.iter().map(|m| m.0).min().unwrap_or_default();
    let best_memory = |v: &[(Duration, u64)]| v.iter().map(|m| m.1).min().unwrap_or_default();
    let (t_ours, t_theirs) = (best_time(&ours), best_time(&theirs));
    let (m_ours, m_theirs) = (best_memory(&ours), best_memory(&theirs));
    println!(
        "{:<48} {:>9.0} ms vs hello world {:>6.0} ms   ratio {:>5.2}x   (goal <= 1.5x; best of {ROUNDS}, through WebDriver)",
        "start-up: release app to the Composer's blocks",
        t_ours.as_secs_f64() * 1000.0,
        t_theirs.as_secs_f64() * 1000.0,
        t_ours.as_secs_f64() / t_theirs.as_secs_f64()
    );
    println!(
        "{:<48} {:>9.1} MiB vs hello world {:>6.1} MiB  ratio {:>5.2}x   (goal <= 1.3x; PSS of all its processes)",
        "memory after start-up",
        m_ours as f64 / 1024.0,
        m_theirs as f64 / 1024.0,
        m_ours as f64 / m_theirs.max(1) as f64
    );
    Ok(())
}
