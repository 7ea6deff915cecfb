//! `cargo xtask dist [--check]` and `cargo xtask icons`: the Linux installers, finished
//! so that Debian's own tools accept them, and installed into a clean Debian root the
//! way a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::{build_ui, json_string, run_cmd, setup, Ctx};

/// Who maintains the package (Debian requires a name and an address).
const MAINTAINER: &str = "Tandem developers <tandem@example.org>";
/// Every hicolor size the icons come in (besides the scalable SVG).
const ICON_SIZES: &[u32] = &[16, 22, 24, 32, 48, 64, 128, 256, 512];
/// The app's binary and icon name on Linux.
const APP: &str = "tandem-app";

/// The Tauri command line from the UI's npm packages.
fn tauri_cli(ctx: &Ctx) -> Command {
    let mut c = ctx.cmd(
        ctx.ui()
            .join("node_modules/.bin/tauri")
            .to_str()
            .unwrap_or("tauri"),
    );
    c.current_dir(ctx.root.join("src-tauri"));
    c
}

/// A command's stdout, or an error naming it.
fn output(mut cmd: Command, what: &str) -> Result<String, String> {
    let out = cmd
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("{what}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Linux installers: the release app and the `tandem` command line (on the PATH as
/// /usr/bin/tandem), bundled by Tauri as .deb and .rpm; the .deb is then finished for
/// Debian's tools. Windows and macOS installers are made on those systems by the
/// release workflow.
pub fn dist(ctx: &Ctx, check: bool) -> Result<(), String> {
    let started = Instant::now();
    setup::system_packages(ctx, false)?;
    setup::dist_packages(ctx, check)?;
    setup::npm(ctx)?;
    build_ui(ctx)?;
    ctx.step("manual pages and shell completions (tandem __manuals)");
    let manuals = manuals(ctx)?;
    // /usr/bin/tandem: the app's own binary asked for its command line (one copy of
    // the core in the package, not two).
    let script = ctx.target_dir.join("dist/tandem");
    std::fs::write(
        &script,
        "#!/bin/sh\n# Tandem's command line: the app's program, asked for its command line.\nexec /usr/bin/tandem-app --cli \"$@\"\n",
    )
    .map_err(|e| e.to_string())?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| e.to_string())?;
    }
    let cli = script
        .to_str()
        .ok_or("the target folder is not valid UTF-8")?;
    ctx.step("installers: .deb and .rpm (tauri build)");
    let bundle_dir = ctx.target_dir.join("release/bundle");
    for kind in ["deb", "rpm"] {
        // Only this build's files are reported.
        let _ = std::fs::remove_dir_all(bundle_dir.join(kind));
    }
    let mut files = vec![format!("\"/usr/bin/tandem\": {}", json_string(cli))];
    for (to, from) in &manuals {
        let from = from
            .to_str()
            .ok_or("the target folder is not valid UTF-8")?;
        files.push(format!("{}: {}", json_string(to), json_string(from)));
    }
    let files = format!("{{{}}}", files.join(", "));
    let config = format!(
        "{{\"bundle\": {{\"linux\": {{\"deb\": {{\"files\": {files}}}, \"rpm\": {{\"files\": {files}}}}}}}}}"
    );
    let mut c = tauri_cli(ctx);
    c.args(["build", "--ci", "--bundles", "deb,rpm", "--config", &config]);
    run_cmd(c, "tauri build")?;
    let deb = find_one(&bundle_dir.join("deb"), "deb")?;
    let rpm = find_one(&bundle_dir.join("rpm"), "rpm")?;
    ctx.step("finish the .deb (control, copyright, changelog, AppStream, icons)");
    let deb = finish_deb(ctx, &deb)?;
    ctx.step("check the .deb (lintian, desktop-file-validate, appstreamcli)");
    lint_deb(ctx, &deb)?;
    ctx.step("both packages carry the manual pages and completions, and stay under 10 MB");
    let in_deb = output(
        {
            let mut c = Command::new("dpkg-deb");
            c.arg("--contents").arg(&deb);
            c
        },
        "dpkg-deb --contents",
    )?;
    let in_rpm = output(
        {
            let mut c = Command::new("rpm");
            c.args(["-qlp", "--nosignature"]).arg(&rpm);
            c
        },
        "rpm -qlp (apt-get install rpm)",
    )?;
    for (to, _) in &manuals {
        for (kind, listing) in [("deb", &in_deb), ("rpm", &in_rpm)] {
            if !listing.lines().any(|l| l.ends_with(to.as_str())) {
                return Err(format!("the .{kind} does not carry {to}"));
            }
        }
    }
    println!(
        "{} manual pages and completion files in each package",
        manuals.len()
    );
    let mut too_big = Vec::new();
    for path in [&deb, &rpm] {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        println!(
            "bundle: {} {size} bytes ({:.1} MB of the {:.0} MB allowed)",
            path.display(),
            size as f64 / 1e6,
            MAX_PACKAGE_BYTES as f64 / 1e6
        );
        if size > MAX_PACKAGE_BYTES {
            too_big.push(path.display().to_string());
        }
    }
    if !too_big.is_empty() {
        return Err(format!(
            "{} over {} bytes: a user downloads it at every update; find what grew",
            too_big.join(" and "),
            MAX_PACKAGE_BYTES
        ));
    }
    if check {
        install_check(ctx, &deb)?;
        println!(
            "dist --check: built, installed and started in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The largest package `dist` accepts (issue 20 §9), so that size cannot creep back.
const MAX_PACKAGE_BYTES: u64 = 10_000_000;

/// `man tandem` (one page per subcommand, gzipped as Debian asks) and the bash, zsh and
/// fish completions, written by the command line itself; where each goes in the
/// packages, and the file it comes from.
fn manuals(ctx: &Ctx) -> Result<Vec<(String, PathBuf)>, String> {
    let dir = ctx.target_dir.join("dist/manuals");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // The pages depend on the arguments only, not the build: the debug command line.
    let mut c = ctx.cargo();
    c.args([
        "run",
        "--quiet",
        "--locked",
        "-p",
        "tandem-cli",
        "--",
        "__manuals",
    ])
    .arg(&dir);
    run_cmd(c, "tandem __manuals")?;
    // The app's own page (what starting it does, --cli), written by hand.
    std::fs::copy(
        ctx.root.join("packaging/linux/tandem-app.1"),
        dir.join("man1/tandem-app.1"),
    )
    .map_err(|e| format!("packaging/linux/tandem-app.1: {e}"))?;
    let mut files = Vec::new();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.join("man1"))
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .collect();
    pages.sort();
    for page in pages {
        let name = page
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("a page name is not UTF-8")?
            .to_owned();
        let to = page.with_file_name(format!("{name}.gz"));
        gzip(&page, &to)?;
        files.push((format!("/usr/share/man/man1/{name}.gz"), to));
    }
    let completions = dir.join("completions");
    for (file, to) in [
        ("tandem", "/usr/share/bash-completion/completions/tandem"),
        ("_tandem", "/usr/share/zsh/vendor-completions/_tandem"),
        (
            "tandem.fish",
            "/usr/share/fish/vendor_completions.d/tandem.fish",
        ),
    ] {
        files.push((to.to_owned(), completions.join(file)));
    }
    Ok(files)
}

/// `from` gzipped into `to`, at the best compression and without a timestamp (the same
/// bytes at every build, as Debian asks of a package).
fn gzip(from: &Path, to: &Path) -> Result<(), String> {
    let gz = Command::new("gzip")
        .args(["-9n", "-c"])
        .arg(from)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    if !gz.status.success() {
        return Err(format!(
            "gzip {}: {}",
            from.display(),
            String::from_utf8_lossy(&gz.stderr)
        ));
    }
    std::fs::write(to, gz.stdout).map_err(|e| format!("{}: {e}", to.display()))
}

fn find_one(dir: &Path, ext: &str) -> Result<PathBuf, String> {
    std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .ok_or_else(|| format!("tauri build made no .{ext} in {}", dir.display()))
}

/// Rebuilds Tauri's .deb with what Debian's policy asks for and Tauri leaves out: a
/// maintainer address, a section, the shared libraries' packages as dependencies
/// (dpkg-shlibdeps), a copyright file and a changelog, the AppStream metadata, and the
/// icon in every hicolor size; compressed with xz.
fn finish_deb(ctx: &Ctx, deb: &Path) -> Result<PathBuf, String> {
    let work = ctx.target_dir.join("dist/deb-root");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let mut c = Command::new("dpkg-deb");
    c.arg("-R").arg(deb).arg(&work);
    run_cmd(c, "dpkg-deb -R")?;
    let packaging = ctx.root.join("packaging/linux");
    let copy = |from: &Path, to: &str| -> Result<(), String> {
        let to = work.join(to.trim_start_matches('/'));
        std::fs::create_dir_all(to.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::copy(from, &to)
            .map(|_| ())
            .map_err(|e| format!("{} -> {}: {e}", from.display(), to.display()))
    };
    copy(
        &packaging.join("copyright"),
        "/usr/share/doc/tandem/copyright",
    )?;
    // The changelog, gzipped without a timestamp (a reproducible package).
    gzip(
        &packaging.join("changelog"),
        &work.join("usr/share/doc/tandem/changelog.gz"),
    )?;
    copy(
        &packaging.join("be.mineursenexil.tandem.metainfo.xml"),
        "/usr/share/metainfo/be.mineursenexil.tandem.metainfo.xml",
    )?;
    // Icons: every hicolor size from the committed PNGs, and the SVG itself. (Tauri
    // files its 256-pixel icon under 256x256@2, which means 512 pixels.)
    let hicolor = work.join("usr/share/icons/hicolor");
    let _ = std::fs::remove_dir_all(&hicolor);
    for size in ICON_SIZES {
        copy(
            &ctx.root
                .join(format!("src-tauri/icons/hicolor/{size}x{size}.png")),
            &format!("/usr/share/icons/hicolor/{size}x{size}/apps/{APP}.png"),
        )?;
    }
    copy(
        &ctx.root.join("src-tauri/icons/icon.svg"),
        &format!("/usr/share/icons/hicolor/scalable/apps/{APP}.svg"),
    )?;

    // The libraries the binaries link, as Debian package dependencies.
    let shlibs = work.join("shlibdeps");
    std::fs::create_dir_all(shlibs.join("debian")).map_err(|e| e.to_string())?;
    std::fs::write(
        shlibs.join("debian/control"),
        "Source: tandem\n\nPackage: tandem\nArchitecture: any\n",
    )
    .map_err(|e| e.to_string())?;
    let mut c = Command::new("dpkg-shlibdeps");
    c.current_dir(&shlibs).args(["-O", "--warnings=0"]);
    // The one binary (/usr/bin/tandem is a script that runs it).
    c.arg(work.join("usr/bin/tandem-app"));
    let depends = output(c, "dpkg-shlibdeps")?;
    let depends = depends
        .lines()
        .find_map(|l| l.strip_prefix("shlibs:Depends="))
        .ok_or("dpkg-shlibdeps printed no dependencies")?
        .trim()
        .to_owned();
    std::fs::remove_dir_all(&shlibs).map_err(|e| e.to_string())?;

    // The control file: Tauri's, with the fields Debian asks for.
    let control_path = work.join("DEBIAN/control");
    let control = std::fs::read_to_string(&control_path).map_err(|e| e.to_string())?;
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in control.lines() {
        match line.split_once(": ") {
            Some((k, v)) if !line.starts_with(' ') => fields.push((k.to_owned(), v.to_owned())),
            _ => {
                if let Some(last) = fields.last_mut() {
                    last.1.push('\n');
                    last.1.push_str(line);
                }
            }
        }
    }
    let set = |fields: &mut Vec<(String, String)>, key: &str, value: String| match fields
        .iter_mut()
        .find(|(k, _)| k == key)
    {
        Some(f) => f.1 = value,
        None => fields.push((key.to_owned(), value)),
    };
    set(&mut fields, "Maintainer", MAINTAINER.to_owned());
    set(&mut fields, "Section", "mail".to_owned());
    set(&mut fields, "Depends", depends);
    let size_kb = dir_size(&work.join("usr")) / 1024;
    set(&mut fields, "Installed-Size", size_kb.to_string());
    let description = fields
        .iter()
        .find(|(k, _)| k == "Description")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let (summary, long) = description.split_once('\n').unwrap_or((&description, ""));
    let long: String = long.lines().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    set(
        &mut fields,
        "Description",
        format!("{summary}\n{}", wrap(&long, 78)),
    );
    let mut control = String::new();
    for (k, v) in &fields {
        control.push_str(&format!("{k}: {v}\n"));
    }
    std::fs::write(&control_path, control).map_err(|e| e.to_string())?;

    // md5sums of every file, as dpkg keeps them.
    let mut sums = String::new();
    let mut files = Vec::new();
    collect_files(&work.join("usr"), &mut files);
    files.sort();
    for file in files {
        let rel = file.strip_prefix(&work).unwrap().display().to_string();
        let out = output(
            {
                let mut c = Command::new("md5sum");
                c.current_dir(&work).arg(&rel);
                c
            },
            "md5sum",
        )?;
        sums.push_str(&out);
    }
    std::fs::write(work.join("DEBIAN/md5sums"), sums).map_err(|e| e.to_string())?;
    set_modes(&work)?;

    let out = deb.to_path_buf();
    let mut c = Command::new("dpkg-deb");
    c.args(["--root-owner-group", "-Zxz", "-z9", "--build"])
        .arg(&work)
        .arg(&out);
    run_cmd(c, "dpkg-deb --build")?;
    Ok(out)
}

/// Files 0644 and folders 0755 (binaries 0755), whatever the umask of the build.
fn set_modes(root: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fn walk(dir: &Path) -> std::io::Result<()> {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))?;
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    walk(&path)?;
                } else {
                    let exec = path.parent().is_some_and(|p| p.ends_with("usr/bin"));
                    let mode = if exec { 0o755 } else { 0o644 };
                    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))?;
                }
            }
            Ok(())
        }
        walk(&root.join("usr")).map_err(|e| e.to_string())?;
    }
    #[cfg(not(unix))]
    let _ = root;
    Ok(())
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_files(&path, out);
            } else {
                out.push(path);
            }
        }
    }
}

fn dir_size(dir: &Path) -> u64 {
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// A Debian extended description: lines of at most `width`, each starting with a space.
fn wrap(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(format!(" {line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!(" {line}"));
    }
    lines.join("\n")
}

/// lintian (errors fail; the warnings kept are listed in docs/platforms.md),
/// desktop-file-validate and appstreamcli on what the package installs.
fn lint_deb(ctx: &Ctx, deb: &Path) -> Result<(), String> {
    let out = Command::new("lintian")
        .args(["--tag-display-limit", "0", "--allow-root"])
        .arg(deb)
        .output()
        .map_err(|e| format!("lintian (apt-get install lintian): {e}"))?;
    let report = String::from_utf8_lossy(&out.stdout);
    print!("{report}");
    if report.lines().any(|l| l.starts_with("E: ")) {
        return Err("lintian reports errors in the .deb (above)".into());
    }
    let root = ctx.target_dir.join("dist/deb-root");
    let mut c = Command::new("desktop-file-validate");
    c.arg(root.join("usr/share/applications/Tandem.desktop"));
    let text = output(c, "desktop-file-validate")?;
    if !text.trim().is_empty() {
        return Err(format!("desktop-file-validate: {text}"));
    }
    let mut c = Command::new("appstreamcli");
    c.args(["validate", "--no-net", "--pedantic"])
        .arg(root.join("usr/share/metainfo/be.mineursenexil.tandem.metainfo.xml"));
    print!("{}", output(c, "appstreamcli validate")?);
    Ok(())
}

/// Installs the .deb into a clean Debian 12 root as a user would (apt resolves its
/// dependencies from Debian), starts the app there as a normal user under a virtual
/// display, checks that its window opens on the sample issue and that the command line
/// works from the PATH, then removes the package and checks that the user's data is
/// still there.
fn install_check(ctx: &Ctx, deb: &Path) -> Result<(), String> {
    let started = Instant::now();
    ctx.step("a clean Debian 12 root (mmdebstrap, from Debian's packages)");
    let root = ctx.target_dir.join("dist/debian-root");
    let _ = std::fs::remove_dir_all(&root);
    let mut c = Command::new("mmdebstrap");
    c.args(["--variant=apt", "--quiet", "bookworm"]).arg(&root);
    run_cmd(c, "mmdebstrap")?;
    println!("root made in {:.0} s", started.elapsed().as_secs_f64());
    std::fs::copy(deb, root.join("tmp/tandem.deb")).map_err(|e| e.to_string())?;

    // Each step runs in the root, in its own mount and PID namespaces (so /dev and
    // /proc mounted for it vanish with it, and so does any process it leaves).
    let step = |name: &str, script: &str| -> Result<String, String> {
        let file = root.join("tmp").join(format!("{name}.sh"));
        std::fs::write(&file, script).map_err(|e| e.to_string())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755))
                .map_err(|e| e.to_string())?;
        }
        let mut c = Command::new("unshare");
        c.args(["--mount", "--fork", "--pid", "--", "/bin/sh", "-euc"])
            .arg(
                "mount --bind /dev \"$1/dev\"; mount -t proc proc \"$1/proc\"; \
                 exec chroot \"$1\" /bin/sh -eu \"/tmp/$2.sh\"",
            )
            .args(["sh"])
            .arg(&root)
            .arg(name)
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .env("LANG", "C.UTF-8");
        output(c, name)
    };

    ctx.step("apt-get install ./tandem.deb (its Depends pull in WebKitGTK)");
    step(
        "install",
        "apt-get update -qq\n\
         apt-get install -y -qq --no-install-recommends /tmp/tandem.deb \
           xvfb xauth x11-utils x11-apps > /tmp/apt.log 2>&1 || { tail -40 /tmp/apt.log; exit 1; }\n\
         useradd --create-home --shell /bin/sh anne\n",
    )?;
    println!("installed in {:.0} s", started.elapsed().as_secs_f64());

    ctx.step("start Tandem as a normal user, look at its window");
    std::fs::write(
        root.join("tmp/as-anne.sh"),
        "export LANG=C.UTF-8 WEBKIT_DISABLE_COMPOSITING_MODE=1\n\
         tandem --version\n\
         xvfb-run -a -s '-screen 0 1440x900x24' sh -c '\n\
           tandem-app & app=$!\n\
           i=0\n\
           until xwininfo -root -tree | grep -q \"Tandem\"; do\n\
             i=$((i+1)); [ $i -lt 60 ] || { echo no window; exit 1; }; sleep 1\n\
           done\n\
           sleep 8\n\
           xwd -root -silent > /tmp/installed.xwd\n\
           kill $app; wait $app || true'\n\
         tandem issue list\n",
    )
    .map_err(|e| e.to_string())?;
    let out = step(
        "run",
        "chmod 755 /tmp/as-anne.sh\nsu - anne -c 'sh /tmp/as-anne.sh'\n",
    )?;
    print!("{out}");
    let version = out.lines().next().unwrap_or_default();
    if !version.starts_with("tandem ") {
        return Err(format!("tandem --version printed {version:?}"));
    }
    if !out.contains("no. ") {
        return Err(format!(
            "the installed app did not seed the sample issue:\n{out}"
        ));
    }
    let shots = ctx.root.join("target/e2e");
    std::fs::create_dir_all(&shots).map_err(|e| e.to_string())?;
    let shot = shots.join("installed-app-debian12.png");
    let mut c = Command::new("convert");
    c.arg(format!("xwd:{}", root.join("tmp/installed.xwd").display()))
        .arg(&shot);
    run_cmd(c, "convert (imagemagick) of the screenshot")?;
    println!("screenshot: {}", shot.display());

    ctx.step("apt-get remove tandem: the user's data stays");
    step(
        "remove",
        "apt-get remove -y -qq tandem > /dev/null\n\
         test ! -e /usr/bin/tandem-app\n\
         test ! -e /usr/bin/tandem\n\
         test -s /home/anne/.local/share/be.mineursenexil.tandem/tandem.sqlite3\n",
    )?;
    println!(
        "installed, started and removed in a clean Debian 12 root in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Every icon (PNG sizes, .ico for Windows, .icns for macOS, each hicolor size for
/// Linux) from the one vector source; the results are committed.
pub fn icons(ctx: &Ctx) -> Result<(), String> {
    setup::npm(ctx)?;
    ctx.step("icons from src-tauri/icons/icon.svg (tauri icon)");
    let mut c = tauri_cli(ctx);
    c.args(["icon", "icons/icon.svg", "--output", "icons"]);
    run_cmd(c, "tauri icon")?;
    // Mobile icons are not Tandem's.
    for dir in ["android", "ios"] {
        let _ = std::fs::remove_dir_all(ctx.root.join("src-tauri/icons").join(dir));
    }
    let sizes: Vec<String> = ICON_SIZES.iter().map(u32::to_string).collect();
    let mut c = tauri_cli(ctx);
    c.args([
        "icon",
        "icons/icon.svg",
        "--png",
        &sizes.join(","),
        "--output",
        "icons/hicolor",
    ]);
    run_cmd(c, "tauri icon --png")
}

/// Copies the screenshots the user guides show (every `img/NAME.png` they name) from
/// the last end-to-end run (`target/e2e/`) into `docs/img/`, 960 pixels wide.
pub fn docs_images(ctx: &Ctx) -> Result<(), String> {
    ctx.step("screenshots for the guides (target/e2e -> docs/img)");
    let docs = ctx.root.join("docs");
    let mut names = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&docs)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        for part in text.split("(img/").skip(1) {
            if let Some(name) = part.split(')').next().filter(|n| n.ends_with(".png")) {
                names.insert(name.to_owned());
            }
        }
    }
    let shots = ctx.root.join("target/e2e");
    let missing: Vec<&String> = names.iter().filter(|n| !shots.join(n).is_file()).collect();
    if !missing.is_empty() {
        return Err(format!(
            "no screenshot {missing:?} in {}: run `cargo xtask test` first",
            shots.display()
        ));
    }
    std::fs::create_dir_all(docs.join("img")).map_err(|e| e.to_string())?;
    for name in &names {
        let mut c = Command::new("convert");
        c.arg(shots.join(name))
            .args(["-resize", "960x", "-strip"])
            .arg(docs.join("img").join(name));
        run_cmd(c, "convert (imagemagick)")?;
        println!("docs/img/{name}");
    }
    Ok(())
}
