//! The end-to-end harness: the built Tandem binary in a real window, on a virtual X
//! display, driven over WebDriver (tauri-driver in front of WebKitWebDriver).
//!
//! Each [`App`] gets its own data folder and environment, so tests start from a known
//! database and a known system locale. Dropping an [`App`] ends the WebDriver session,
//! stops tauri-driver with SIGTERM (so it also ends WebKitWebDriver and the app) and
//! stops the Xvfb it started.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

pub use thirtyfour;

/// Result type of the harness and the tests.
pub type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

/// The repository root (the parent of this crate).
pub use tandem_testkit::workspace_root;

/// Where screenshots and reports go: `target/e2e/` in the repository, whatever
/// CARGO_TARGET_DIR the build used, so they are found next to the code.
pub fn artifacts_dir() -> PathBuf {
    let dir = workspace_root().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app binary under test: `$TANDEM_APP_BIN` (set by `cargo xtask test`), else the
/// debug build in the cargo target dir.
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("TANDEM_APP_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("debug/tandem-app")
}

/// The `tandem` command line, built beside the app.
pub fn cli_binary() -> PathBuf {
    app_binary().with_file_name("tandem")
}

fn two_free_ports() -> (u16, u16) {
    let a = TcpListener::bind("127.0.0.1:0").unwrap();
    let b = TcpListener::bind("127.0.0.1:0").unwrap();
    (
        a.local_addr().unwrap().port(),
        b.local_addr().unwrap().port(),
    )
}

fn find_tool(name: &str) -> PathBuf {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .map(|p| p.join("bin").join(name));
    match cargo_bin {
        Some(p) if p.is_file() => p,
        _ => PathBuf::from(name),
    }
}

/// A virtual X display started for the tests, unless one is already set.
#[derive(Debug)]
struct Display {
    name: String,
    xvfb: Option<Child>,
}

impl Display {
    fn get() -> Result<Self> {
        if let Ok(name) = std::env::var("DISPLAY") {
            if !name.is_empty() {
                return Ok(Display { name, xvfb: None });
            }
        }
        // -displayfd makes Xvfb pick a free display and print its number once ready.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start Xvfb (apt-get install xvfb): {e}"))?;
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap()).read_line(&mut line)?;
        let number = line.trim();
        if number.is_empty() {
            return Err("Xvfb did not report a display number".into());
        }
        Ok(Display {
            name: format!(":{number}"),
            xvfb: Some(xvfb),
        })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(x) = &mut self.xvfb {
            let _ = x.kill();
            let _ = x.wait();
        }
    }
}

/// How to start the app.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The app's data folder (`TANDEM_DATA_DIR`).
    pub data_dir: PathBuf,
    /// The system locale the app sees (`LANG`, `LC_ALL`).
    pub locale: String,
    /// More environment for the app (a keychain's D-Bus address, a test identity server).
    pub env: Vec<(String, String)>,
}

impl Launch {
    /// A fresh data folder (kept until the returned guard drops) and a system locale.
    pub fn temp(locale: &str) -> (tempfile::TempDir, Launch) {
        let dir = tempfile::tempdir().expect("temp dir");
        let launch = Launch {
            data_dir: dir.path().to_path_buf(),
            locale: locale.into(),
            env: Vec::new(),
        };
        (dir, launch)
    }

    /// Runs the `tandem` command line on this launch's database (to prepare data before
    /// the app starts); its stdout, or an error with its stderr.
    pub fn cli<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Result<String> {
        let out = Command::new(cli_binary())
            .arg("--db")
            .arg(self.data_dir.join("tandem.sqlite3"))
            .args(args)
            .output()?;
        if !out.status.success() {
            return Err(format!(
                "tandem {:?} failed: {}",
                args.iter()
                    .map(|a| a.as_ref().to_owned())
                    .collect::<Vec<_>>(),
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Where exports go without a dialog (`TANDEM_EXPORT_DIR`): `DATA_DIR/exports`.
    pub fn export_dir(&self) -> PathBuf {
        self.data_dir.join("exports")
    }
}

/// One process's proportional set size (KiB) and what its pages are.
#[derive(Debug, Clone)]
pub struct ProcessMemory {
    pub name: String,
    pub pss_kib: u64,
    pub anon_kib: u64,
    pub file_kib: u64,
    pub shmem_kib: u64,
}

/// A running app with a WebDriver session on its window.
#[derive(Debug)]
pub struct App {
    pub driver: Option<WebDriver>,
    driver_process: Child,
    _display: Display,
    /// One app at a time: windows compete for the two cores and for focus.
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

impl App {
    /// Starts tauri-driver and opens a session on the built app.
    pub async fn start(launch: &Launch) -> Result<App> {
        let app = App::open(launch, &app_binary()).await?;
        app.wait_ready().await?;
        Ok(app)
    }

    /// Starts tauri-driver and opens a session on `binary` (any Tauri app), without
    /// waiting for Tandem's UI.
    pub async fn open(launch: &Launch, binary: &Path) -> Result<App> {
        let binary = binary.to_path_buf();
        if !binary.is_file() {
            return Err(format!(
                "the app binary {} does not exist: run `cargo xtask test` (it builds it)",
                binary.display()
            )
            .into());
        }
        let turn = ONE_AT_A_TIME.lock().await;
        let display = Display::get()?;
        // Two distinct ports, held together so the system cannot hand out the same one twice.
        let (port, native_port) = two_free_ports();
        let log_path = artifacts_dir().join(format!("tauri-driver-{port}.log"));
        let log = std::fs::File::create(&log_path)?;
        let driver_process = Command::new(find_tool("tauri-driver"))
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &display.name)
            .env("TANDEM_DATA_DIR", &launch.data_dir)
            .env("TANDEM_EXPORT_DIR", launch.export_dir())
            // Every lookup of the deliverability checks stays on this computer: a port
            // where nothing answers, unless a test starts its own DNS server.
            .env("TANDEM_DNS", "127.0.0.1:9")
            .env("LANG", &launch.locale)
            .env("LC_ALL", &launch.locale)
            .env("LANGUAGE", "")
            .envs(launch.env.iter().map(|(k, v)| (k, v)))
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .map_err(|e| {
                format!("cannot start tauri-driver (cargo install tauri-driver --locked): {e}")
            })?;
        let mut app = App {
            driver: None,
            driver_process,
            _display: display,
            _turn: turn,
        };
        wait_for_port(port, Duration::from_secs(20))?;
        // tauri-driver forwards to WebKitWebDriver, which starts beside it: a session asked
        // for before that one listens fails with a bare HTTP error (seen once in CI).
        wait_for_port(native_port, Duration::from_secs(20))?;

        // In a workspace build, reqwest (under thirtyfour) has no crypto provider of its
        // own: the app's updater plugin asks for rustls without one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry")?;
        caps.set(
            "tauri:options",
            serde_json::json!({ "application": binary, "args": [] }),
        )?;
        let url = format!("http://127.0.0.1:{port}");
        let mut attempt = 0;
        let driver = loop {
            attempt += 1;
            match WebDriver::new(&url, caps.clone()).await {
                Ok(driver) => break driver,
                Err(e) if attempt < 3 => {
                    eprintln!("new WebDriver session failed (attempt {attempt}), retrying: {e}");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => {
                    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                    return Err(format!(
                        "no WebDriver session after {attempt} attempts: {e}\n\
                         tauri-driver log:\n{log}"
                    )
                    .into());
                }
            }
        };
        // Finding an element waits for it a while (WebDriver's implicit wait): a screen
        // opened is drawn a moment after the click (Contacts, Send and Settings are
        // loaded when first opened). Whether something is absent: [`App::absent`].
        driver
            .set_implicit_wait_timeout(Duration::from_secs(5))
            .await?;
        app.driver = Some(driver);
        Ok(app)
    }

    /// Whether no element matches `css` now (without the wait a find has).
    pub async fn absent(&self, css: &str) -> Result<bool> {
        let script = format!(
            "return document.querySelector({}) === null;",
            serde_json::to_string(css)?
        );
        Ok(self
            .driver()
            .execute(&script, vec![])
            .await?
            .json()
            .as_bool()
            == Some(true))
    }

    /// Every process of the app started by `binary` (the app and the web view's
    /// processes it started): their proportional set size in KiB, summed (shared pages
    /// counted once across them).
    pub fn memory_kib(binary: &Path) -> u64 {
        Self::memory_by_process(binary)
            .iter()
            .map(|p| p.pss_kib)
            .sum()
    }

    /// [`App::memory_kib`], process by process, with what the pages are: private memory
    /// (heaps, the web view's layers), files mapped (programs, libraries, fonts), shared.
    pub fn memory_by_process(binary: &Path) -> Vec<ProcessMemory> {
        let binary = std::fs::canonicalize(binary).unwrap_or_else(|_| binary.to_path_buf());
        let mut parents = std::collections::HashMap::new();
        let mut roots = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // The parent pid is the second field after the ")" that ends the name.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(0);
            parents.insert(pid, ppid);
            if std::fs::read_link(format!("/proc/{pid}/exe"))
                .ok()
                .as_deref()
                == Some(&binary)
            {
                roots.push(pid);
            }
        }
        let in_app = |mut pid: u32| {
            for _ in 0..16 {
                if roots.contains(&pid) {
                    return true;
                }
                pid = match parents.get(&pid) {
                    Some(&p) if p > 1 => p,
                    _ => return false,
                };
            }
            false
        };
        let mut found: Vec<ProcessMemory> = parents
            .keys()
            .filter(|pid| in_app(**pid))
            .map(|pid| {
                let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
                    .unwrap_or_default();
                let field = |name: &str| {
                    rollup
                        .lines()
                        .find_map(|l| l.strip_prefix(name))
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                        .unwrap_or(0)
                };
                ProcessMemory {
                    name: std::fs::read_to_string(format!("/proc/{pid}/comm"))
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                    pss_kib: field("Pss:"),
                    anon_kib: field("Pss_Anon:"),
                    file_kib: field("Pss_File:"),
                    shmem_kib: field("Pss_Shmem:"),
                }
            })
            .collect();
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found
    }

    /// The session (always present between `start` and `quit`).
    pub fn driver(&self) -> &WebDriver {
        self.driver.as_ref().expect("session open")
    }

    /// Waits until the UI has asked the core for its state and drawn itself.
    async fn wait_ready(&self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = self
                .driver()
                .execute(
                    "return document.body && document.body.dataset.ready === 'true';",
                    vec![],
                )
                .await?;
            if ready.json().as_bool() == Some(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err("the UI did not become ready within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Replaces the value of the input `css` with `value`, as typed.
    pub async fn fill(&self, css: &str, value: &str) -> Result<()> {
        let input = self.find(css).await?;
        input.clear().await?;
        input.send_keys(value).await?;
        Ok(())
    }

    /// In the Send view: once the audience counts `count`, "Send" and its confirmation.
    pub async fn start_send_to_everyone(&self, count: usize) -> Result<()> {
        self.wait_for(
            &format!("document.querySelector('.audience')?.dataset.total === '{count}'"),
            Duration::from_secs(10),
        )
        .await?;
        self.find("[data-action='send']").await?.click().await?;
        self.find_soon("[data-action='confirm-send']", Duration::from_secs(5))
            .await?
            .click()
            .await?;
        Ok(())
    }

    /// [`App::start_send_to_everyone`], then waits until the progress says all `count`
    /// were sent.
    pub async fn send_to_everyone(&self, count: usize) -> Result<()> {
        self.start_send_to_everyone(count).await?;
        self.wait_for(
            &format!(
                "(() => {{ const p = document.querySelector('.progress');
                   return p && p.dataset.active === 'false' && p.dataset.sent === '{count}'; }})()"
            ),
            Duration::from_secs(30),
        )
        .await
    }

    /// Finds an element by CSS selector; the error names the selector.
    pub async fn find(&self, css: &str) -> Result<WebElement> {
        self.driver()
            .find(By::Css(css.to_owned()))
            .await
            .map_err(|e| format!("no element matches {css:?}: {e}").into())
    }

    /// Waits up to `timeout` for an element to appear (after a command returns), then
    /// finds it.
    pub async fn find_soon(&self, css: &str, timeout: Duration) -> Result<WebElement> {
        let script = format!(
            "return document.querySelector({}) !== null;",
            serde_json::to_string(css)?
        );
        let deadline = Instant::now() + timeout;
        loop {
            let found = self.poll(&script, deadline).await?;
            if found || Instant::now() > deadline {
                return self.find(css).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// One look of a polling loop: whether `script` returned true. WebKitWebDriver now
    /// and then answers "Could not parse script result" while the page is busy (seen
    /// once in a fresh-clone run, in the translate test, as the preview frame reloaded):
    /// a polling loop takes that as "not yet" and looks again, until `deadline`.
    async fn poll(&self, script: &str, deadline: Instant) -> Result<bool> {
        match self.driver().execute(script, vec![]).await {
            Ok(value) => Ok(value.json().as_bool() == Some(true)),
            Err(e)
                if e.to_string().contains("Could not parse script result")
                    && Instant::now() <= deadline =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Finds and clicks an element, finding it again if the page re-rendered it in
    /// between (a list that reloads after a search or an action).
    pub async fn click(&self, css: &str) -> Result<()> {
        let mut last = None;
        for _ in 0..5 {
            let element = self.find_soon(css, Duration::from_secs(5)).await?;
            match element.click().await {
                Ok(()) => return Ok(()),
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("cannot click {css:?}: {}", last.expect("an error")).into())
    }

    /// Switches the interface language with the sidebar switch and waits until it applies.
    pub async fn choose_language(&self, lang: &str) -> Result<()> {
        self.find(&format!(".sidebar label[data-lang='{lang}']"))
            .await?
            .click()
            .await?;
        self.wait_for(
            &format!("document.documentElement.lang === '{lang}'"),
            Duration::from_secs(5),
        )
        .await
    }

    /// Adds a block of `kind` at the end of the open issue and waits until it shows;
    /// returns its position.
    pub async fn add_block(&self, kind: &str) -> Result<usize> {
        let before = self.driver().find_all(By::Css(".block-card")).await?.len();
        let select = self.find("#new-kind").await?;
        select
            .find(By::Css(format!("option[value='{kind}']")))
            .await?
            .click()
            .await?;
        self.find("[data-action='add-block']")
            .await?
            .click()
            .await?;
        self.wait_for(
            &format!(
                "document.querySelectorAll('.block-card').length === {}",
                before + 1
            ),
            Duration::from_secs(5),
        )
        .await?;
        Ok(before)
    }

    /// Waits until `script` (a JS expression) is truthy, or fails after `timeout`.
    pub async fn wait_for(&self, script: &str, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        let check = format!("return !!({script});");
        loop {
            if self.poll(&check, deadline).await? {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {script}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The preview frame's visible text, after it loaded `edition` (fr, nl, bilingual).
    pub async fn preview_text(&self, edition: &str) -> Result<String> {
        self.find(&format!("[data-edition='{edition}'][role='radio']"))
            .await?
            .click()
            .await?;
        // The frame has loaded the render of this edition (not the previous one).
        self.wait_for(
            &format!(
                "document.querySelector('iframe[data-edition=\"{edition}\"]')?.dataset.loaded === 'true'"
            ),
            Duration::from_secs(10),
        )
        .await?;
        let frame = self.find("iframe").await?;
        frame.enter_frame().await?;
        let text = self.find("body").await?.text().await?;
        self.driver().enter_parent_frame().await?;
        Ok(text)
    }

    /// Saves a PNG of the window under `target/e2e/NAME.png`, after two animation
    /// frames so WebKit has painted the latest DOM.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.driver()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await?;
        let png = self.driver().screenshot_as_png().await?;
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Runs axe-core (from ui/node_modules) on the current page and returns the
    /// violations whose impact is serious or critical, as (rule id, help, count).
    pub async fn serious_accessibility_violations(&self) -> Result<Vec<(String, String, usize)>> {
        let axe_path = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&axe_path)
            .map_err(|e| format!("cannot read {} (npm ci in ui/): {e}", axe_path.display()))?;
        let loaded = self
            .driver()
            .execute("return typeof window.axe;", vec![])
            .await?;
        if loaded.json().as_str() != Some("object") {
            self.driver()
                .execute(format!("{axe}\nwindow.axe = axe; return true;"), vec![])
                .await?;
        }
        let result = self
            .driver()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => [v.id, v.help, v.nodes.length])))
                   .catch(e => done([['axe-error', String(e), 0]]));",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(result.json().clone())?)
    }

    /// Ends the session and the processes behind it.
    /// The X display the window is on (to start something else beside it).
    pub fn display(&self) -> &str {
        &self._display.name
    }

    pub async fn quit(mut self) -> Result<()> {
        if let Some(driver) = self.driver.take() {
            driver.quit().await?;
        }
        Ok(())
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: only then does tauri-driver end WebKitWebDriver too.
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver_process.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver_process.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.driver_process.kill();
        let _ = self.driver_process.wait();
    }
}

fn wait_for_port(port: u16, timeout: Duration) -> Result<()> {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("tauri-driver did not listen on {port} within {timeout:?}").into())
}
