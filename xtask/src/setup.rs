//! Installs what the build and the tests need, only when it is missing.

use std::process::{Command, Stdio};

use crate::{run_cmd, Ctx};

/// Debian/Ubuntu packages to build the Tauri app.
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libxdo-dev",
];

/// Packages the test layers use: a virtual display and WebKit's WebDriver for the
/// window, postfix's smtp-sink and Python's venv for the SMTP servers, sqlite3 and
/// ImageMagick as benchmark references, a D-Bus session bus with GNOME Keyring and
/// secret-tool for a real OS keychain.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "postfix",
    // A real IMAP server for the mailbox tests (testkit starts its own instance).
    "dovecot-imapd",
    "python3",
    "python3-venv",
    "sqlite3",
    "imagemagick",
    "dbus",
    "gnome-keyring",
    "libsecret-tools",
    // A real FUSE mount for the test of a data folder on one.
    "bindfs",
    // A receiving chain that really signs and verifies (SPF, DKIM, DMARC) against the
    // test DNS, and the keys it signs with.
    "rspamd",
    "openssl",
    // GNU time: the peak memory of an import (the imports benchmark).
    "time",
];

/// Debian's tools that finish and check the .deb (`cargo xtask dist`), and what
/// `dist --check` installs into a clean root with.
const DIST_PACKAGES: &[&str] = &[
    "dpkg-dev",
    "lintian",
    "appstream",
    "desktop-file-utils",
    // `rpm -qlp`: what the .rpm carries.
    "rpm",
];
const DIST_CHECK_PACKAGES: &[&str] = &["mmdebstrap", "imagemagick"];

/// The oldest Node.js that Vite 8 supports.
const NODE_MIN: (u32, u32) = (20, 19);

pub fn all(ctx: &Ctx) -> Result<(), String> {
    system_packages(ctx, true)?;
    tauri_driver(ctx)?;
    npm(ctx)?;
    testkit_npm(ctx)
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .stderr(Stdio::null())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The packages `cargo xtask dist` needs besides the build's.
pub fn dist_packages(ctx: &Ctx, check: bool) -> Result<(), String> {
    let mut wanted = DIST_PACKAGES.to_vec();
    if check {
        wanted.extend_from_slice(DIST_CHECK_PACKAGES);
    }
    install(ctx, "packaging tools", wanted)
}

/// Installs the missing system packages with apt-get (through sudo when not root);
/// elsewhere prints what to install.
pub fn system_packages(ctx: &Ctx, for_tests: bool) -> Result<(), String> {
    let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
    if for_tests {
        wanted.extend_from_slice(TEST_PACKAGES);
    }
    install(ctx, "system packages", wanted)?;
    check_node()
}

fn install(ctx: &Ctx, title: &str, wanted: Vec<&str>) -> Result<(), String> {
    ctx.step(title);
    let has_apt = Command::new("apt-get")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    if !has_apt {
        println!(
            "not a Debian/Ubuntu system: install the equivalents of {} yourself",
            wanted.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = wanted.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        println!("all present");
    } else {
        println!("installing: {}", missing.join(" "));
        let sudo = !is_root();
        let apt = |args: &[&str]| {
            let mut c = if sudo {
                Command::new("sudo")
            } else {
                Command::new("apt-get")
            };
            if sudo {
                c.arg("apt-get");
            }
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        if missing.contains(&"postfix") {
            // Install postfix's tools without configuring a mail daemon.
            let preseed = "postfix postfix/main_mailer_type select No configuration\n";
            let mut c = if sudo {
                Command::new("sudo")
            } else {
                Command::new("debconf-set-selections")
            };
            if sudo {
                c.arg("debconf-set-selections");
            }
            let mut child = c.stdin(Stdio::piped()).spawn().map_err(|e| e.to_string())?;
            std::io::Write::write_all(child.stdin.as_mut().unwrap(), preseed.as_bytes())
                .map_err(|e| e.to_string())?;
            child.wait().map_err(|e| e.to_string())?;
        }
        run_cmd(apt(&["update", "-qq"]), "apt-get update")?;
        let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
        args.extend(&missing);
        run_cmd(apt(&args), "apt-get install")?;
        for service in ["dovecot", "rspamd"] {
            // The packages start system-wide servers where services can start; the tests
            // run their own instances, so the system ones are stopped again.
            if !missing.iter().any(|p| p.starts_with(service)) {
                continue;
            }
            let mut c = if sudo {
                Command::new("sudo")
            } else {
                Command::new("service")
            };
            if sudo {
                c.arg("service");
            }
            let _ = c
                .args([service, "stop"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
    Ok(())
}

fn check_node() -> Result<(), String> {
    let out = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|_| {
            format!(
                "Node.js is missing: install Node.js {}.{} or newer (with npm)",
                NODE_MIN.0, NODE_MIN.1
            )
        })?;
    let version = String::from_utf8_lossy(&out.stdout);
    let mut parts = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(0));
    let found = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    if found < NODE_MIN {
        return Err(format!(
            "Node.js {} is too old for the UI build: install {}.{} or newer",
            version.trim(),
            NODE_MIN.0,
            NODE_MIN.1
        ));
    }
    Ok(())
}

/// tauri-driver (the WebDriver front for Tauri apps), from crates.io, 2.x only.
pub fn tauri_driver(ctx: &Ctx) -> Result<(), String> {
    ctx.step("tauri-driver");
    let present = Command::new("tauri-driver")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
        || std::env::var_os("HOME")
            .map(|h| {
                std::path::Path::new(&h)
                    .join(".cargo/bin/tauri-driver")
                    .is_file()
            })
            .unwrap_or(false);
    if present {
        println!("present");
        return Ok(());
    }
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.args(["install", "tauri-driver", "--locked", "--version", "^2"]);
    run_cmd(c, "cargo install tauri-driver")
}

/// `npm ci` in ui/ when node_modules is missing or older than the lock file.
pub fn npm(ctx: &Ctx) -> Result<(), String> {
    ctx.step("UI packages (npm ci)");
    npm_ci(ctx, &ctx.ui())
}

/// The test servers' npm packages (testkit/js: the OAuth 2.0 test server).
pub fn testkit_npm(ctx: &Ctx) -> Result<(), String> {
    ctx.step("test servers' packages (npm ci in testkit/js)");
    npm_ci(ctx, &ctx.root.join("testkit/js"))
}

fn npm_ci(ctx: &Ctx, dir: &std::path::Path) -> Result<(), String> {
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => match (l.modified(), s.modified()) {
            (Ok(l), Ok(s)) => s >= l,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        println!("up to date");
        return Ok(());
    }
    let mut c = ctx.npm();
    c.current_dir(dir).args(["ci", "--no-audit", "--no-fund"]);
    run_cmd(c, "npm ci")
}
