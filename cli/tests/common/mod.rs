//! What the CLI's integration tests share: the binary, a database with the sample issue
//! and contacts, the ledger.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn tandem(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.env_remove("TANDEM_DB")
        .env_remove("TANDEM_DATA_DIR")
        .env_remove("TANDEM_SMTP_PASSWORD")
        .arg("--db")
        .arg(db);
    cmd
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap()
}

/// Runs a command that a timeout of its own must end: a guard against a hung test, not a
/// measure (the caller asserts on what the command said). Killed and failed after 3 min.
pub fn run_bounded(cmd: &mut Command) -> Output {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(180);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().ok();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{cmd:?} had not ended after 3 minutes: its own timeout never fired\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

pub fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{:?} failed: {}\n{}",
        cmd,
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn last_json(stdout: &str) -> Value {
    serde_json::from_str(stdout.lines().last().unwrap()).unwrap()
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A database with the sample issue plus a photo, and `contacts` as CSV
/// (`email;language;…`). Returns the issue id.
pub fn setup(dir: &Path, contacts_csv: &str) -> (PathBuf, i64) {
    let db = dir.join("t.sqlite3");
    let issue_dir = dir.join("issue");
    std::fs::create_dir_all(issue_dir.join("assets")).unwrap();
    std::fs::copy(
        root().join("core/tests/fixtures/images/logo.png"),
        issue_dir.join("assets/logo.png"),
    )
    .unwrap();
    let mut issue: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("core/src/sample/issue.json")).unwrap(),
    )
    .unwrap();
    issue["blocks"].as_array_mut().unwrap().insert(
        1,
        serde_json::json!({"kind": "image", "src": "assets/logo.png",
            "alt": {"fr": "Logo de la plate-forme", "nl": "Logo van het platform"}}),
    );
    std::fs::write(issue_dir.join("issue.json"), issue.to_string()).unwrap();
    let out = ok(tandem(&db)
        .args(["issue", "import"])
        .arg(issue_dir.join("issue.json")));
    let id: i64 = out.lines().last().unwrap().trim().parse().unwrap();
    let csv = dir.join("contacts.csv");
    std::fs::write(&csv, contacts_csv).unwrap();
    ok(tandem(&db).args(["contacts", "import"]).arg(&csv));
    (db, id)
}

pub fn ledger(db: &Path) -> Vec<Value> {
    let out = ok(tandem(db).args(["ledger", "--format", "json"]));
    serde_json::from_str::<Vec<Value>>(out.trim()).unwrap()
}

pub fn by_email(rows: &[Value]) -> HashMap<String, Value> {
    rows.iter()
        .map(|r| (r["email"].as_str().unwrap().to_owned(), r.clone()))
        .collect()
}

/// `tandem account login` with Microsoft against the test identity server `issuer`,
/// printing the address instead of opening a browser.
pub fn login_args(cmd: &mut Command, issuer: &str) {
    cmd.args([
        "account",
        "login",
        "--provider",
        "microsoft",
        "--client-id",
        "00000000-tandem-test",
        "--issuer",
        issuer,
        "--no-browser",
        "--timeout",
        "60",
    ]);
}
