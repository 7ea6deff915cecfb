//! The Python virtualenv with aiosmtpd and dnslib, made once under the target folder.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use crate::Error;

/// The pinned server version (../shared/TESTING.md was verified with it).
const AIOSMTPD: &str = "aiosmtpd==1.4.6";
/// The DNS server library (testkit/py/dns_server.py).
const DNSLIB: &str = "dnslib==0.9.26";

/// The venv's python, creating the venv on first use. Creation happens in a temporary
/// folder renamed into place, so a concurrent or interrupted run never sees half a venv.
pub(crate) fn python() -> Result<PathBuf, Error> {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    PYTHON
        .get_or_init(|| make_venv().map_err(|e| e.to_string()))
        .clone()
        .map_err(Into::into)
}

fn make_venv() -> Result<PathBuf, Error> {
    let root = crate::target_dir().join("testkit");
    let venv = root.join("venv-aiosmtpd-1.4.6-dnslib-0.9.26");
    let python = venv.join("bin/python");
    if python.is_file() {
        return Ok(python);
    }
    std::fs::create_dir_all(&root)?;
    let staging = tempfile::Builder::new()
        .prefix("venv-staging-")
        .tempdir_in(&root)?;
    let status = Command::new("python3")
        .arg("-m")
        .arg("venv")
        .arg(staging.path())
        .status()
        .map_err(|e| format!("cannot run python3 (apt-get install python3 python3-venv): {e}"))?;
    if !status.success() {
        return Err("python3 -m venv failed (apt-get install python3-venv)".into());
    }
    let pip = Command::new(staging.path().join("bin/python"))
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            AIOSMTPD,
            DNSLIB,
        ])
        .status()?;
    if !pip.success() {
        return Err(format!("pip install {AIOSMTPD} {DNSLIB} failed").into());
    }
    let staged = staging.keep();
    if std::fs::rename(&staged, &venv).is_err() {
        // Another process won the race: use theirs.
        let _ = std::fs::remove_dir_all(&staged);
    }
    if python.is_file() {
        Ok(python)
    } else {
        Err(format!("no python in {}", venv.display()).into())
    }
}
