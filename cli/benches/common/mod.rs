//! What the CLI's benchmarks share: the release binary on a database, a command that
//! must succeed, the repository root.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

pub fn tandem(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.env_remove("TANDEM_DB")
        .env_remove("TANDEM_DATA_DIR")
        .arg("--db")
        .arg(db);
    cmd
}

pub fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("command runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}
