//! Signing in with OAuth 2.0 and sending with `AUTH XOAUTH2`, against real servers on
//! 127.0.0.1: an authorization server (oauth2-mock-server), aiosmtpd accepting only
//! tokens that server issued and that have not expired, and a real OS keychain (GNOME
//! Keyring on a private D-Bus session). The test plays the browser's part.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use tandem_testkit::{check_mime, get_page, Aiosmtpd, Keyring, OAuthServer};

const ACCOUNT: &str = "newsletter@example.org";

/// The CLI without any keychain (a D-Bus address that leads nowhere).
fn no_keychain(db: &Path) -> Command {
    let mut cmd = tandem(db);
    cmd.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/tandem-test-bus",
    );
    cmd
}

/// The CLI seeing the test keychain.
fn with_keychain(db: &Path, keyring: &Keyring) -> Command {
    let mut cmd = tandem(db);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", keyring.address());
    cmd
}

/// Everything a run printed, to check that no token is in it.
#[derive(Default)]
struct Transcript(String);

impl Transcript {
    fn run(&mut self, cmd: &mut Command) -> (bool, String, String) {
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        self.0.push_str(&stdout);
        self.0.push_str(&stderr);
        (out.status.success(), stdout, stderr)
    }

    fn ok(&mut self, cmd: &mut Command) -> String {
        let (success, stdout, stderr) = self.run(cmd);
        assert!(success, "{cmd:?} failed: {stderr}\n{stdout}");
        stdout
    }
}

/// Starts `tandem account login …` and returns it with the first `open:`/`code:` lines
/// it printed on stderr.
fn start_login(
    mut cmd: Command,
) -> (
    Child,
    HashMap<String, String>,
    BufReader<std::process::ChildStderr>,
) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = HashMap::new();
    let until = Instant::now() + Duration::from_secs(30);
    while Instant::now() < until {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            break;
        }
        if let Some((k, v)) = line.trim().split_once(": ") {
            if k == "open" || k == "code" {
                seen.insert(k.to_owned(), v.to_owned());
            }
        }
        let device = cmd.get_args().any(|a| a == "--device");
        if seen.contains_key("open") && (!device || seen.contains_key("code")) {
            break;
        }
    }
    assert!(seen.contains_key("open"), "no 'open:' line from the login");
    (child, seen, stderr)
}

/// Waits for the login to end; its stdout and the rest of its stderr.
fn finish_login(
    child: Child,
    mut stderr: BufReader<std::process::ChildStderr>,
    transcript: &mut Transcript,
) -> (bool, String, String) {
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    transcript.0.push_str(&stdout);
    transcript.0.push_str(&rest);
    (out.status.success(), stdout, rest)
}

/// Signs in through the browser flow (the test follows the redirects), keeping the
/// sign-in in a file (these tests have no keychain).
fn sign_in(mut cmd: Command, oauth: &OAuthServer, transcript: &mut Transcript) -> Value {
    login_args(&mut cmd, &oauth.issuer());
    cmd.arg("--allow-file");
    let (child, seen, stderr) = start_login(cmd);
    let (status, page) = oauth.browse(&seen["open"]).unwrap();
    assert_eq!(status, 200, "{page}");
    let (success, stdout, rest) = finish_login(child, stderr, transcript);
    assert!(success, "login failed: {rest}");
    last_json(&stdout)
}

fn contacts(n: usize) -> String {
    let mut csv = String::from("email;langue\n");
    for i in 0..n {
        let lang = ["fr", "nl", "fr/nl"][i % 3];
        csv.push_str(&format!("reader{i:04}@example.be;{lang}\n"));
    }
    csv
}

fn smtp_url(server: &Aiosmtpd) -> String {
    format!(
        "smtp://newsletter%40example.org@127.0.0.1:{}?tls=required",
        server.port()
    )
}

/// Copies per recipient among what the server stored.
fn copies(server: &Aiosmtpd) -> HashMap<String, usize> {
    let mut copies = HashMap::new();
    for m in server.messages().unwrap() {
        for r in m.rcpt_to {
            *copies.entry(r).or_default() += 1;
        }
    }
    copies
}

/// The refresh token as the keychain holds it: `secret-tool search` prints one block
/// per item (`[path]`, `secret = …`, `attribute.username = …`).
fn refresh_token_in(keyring: &Keyring) -> Option<String> {
    let dump = keyring.dump().unwrap();
    dump.split("\n[")
        .find(|item| item.contains("attribute.username = oauth:microsoft:newsletter@example.org"))
        .and_then(|item| {
            item.lines()
                .find_map(|l| l.strip_prefix("secret = "))
                .map(|s| s.trim().to_owned())
        })
}

#[test]
fn sign_in_with_code_and_pkce_keeps_the_token_in_the_keychain_and_sends_with_xoauth2() {
    let keyring = Keyring::start().unwrap();
    let oauth = OAuthServer::start(3600, ACCOUNT).unwrap();
    let server = Aiosmtpd::builder()
        .starttls()
        .xoauth2(&oauth.introspect_url())
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(
        dir.path(),
        "email;prénom;langue\nanne@example.be;Anne;fr\njan@example.be;Jan;nl\nsam@example.be;Sam;fr/nl\n",
    );
    let mut transcript = Transcript::default();

    // A redirect with another state is refused and the login keeps waiting for its own.
    let mut cmd = with_keychain(&db, &keyring);
    login_args(&mut cmd, &oauth.issuer());
    let started = Instant::now();
    let (child, seen, stderr) = start_login(cmd);
    let redirect = oauth.authorize(&seen["open"]).unwrap();
    assert!(redirect.starts_with("http://localhost:"), "{redirect}");
    let state = url_param(&redirect, "state");
    let forged = redirect.replace(&format!("state={state}"), "state=forged-by-a-web-page");
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let (status, page) = get_page(&agent, &forged).unwrap();
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("does not belong"), "{page}");
    let (status, page) = get_page(&agent, &redirect).unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("You are signed in"), "{page}");
    let (success, stdout, rest) = finish_login(child, stderr, &mut transcript);
    assert!(success, "{rest}");
    eprintln!(
        "sign-in round trip on loopback: {} ms",
        started.elapsed().as_millis()
    );
    let signed_in = last_json(&stdout);
    assert_eq!(signed_in["account"], ACCOUNT);
    assert_eq!(signed_in["provider"], "microsoft");
    assert!(signed_in["expires"].as_str().unwrap().ends_with('Z'));

    // The refresh token is in the OS keychain, and nowhere else.
    let token = refresh_token_in(&keyring).expect("the refresh token is in the keychain");
    assert!(token.len() >= 16);
    assert!(
        !dir.path().join("sign-in").exists(),
        "no file when a keychain exists"
    );

    let status =
        last_json(&transcript.ok(with_keychain(&db, &keyring).args(["account", "status"])));
    assert_eq!(status["account"], ACCOUNT, "{status}");
    assert!(status["token_valid_until"].as_str().is_some(), "{status}");

    let out = transcript.ok(with_keychain(&db, &keyring)
        .args(["send", &issue.to_string(), "--smtp", &smtp_url(&server)])
        .args(["--auth", "xoauth2", "--ca-cert"])
        .arg(&server.certificate().unwrap().ca_pem)
        .args([
            "--from",
            "Plate-forme Mineurs en exil <newsletter@example.org>",
        ]));
    let summary = last_json(&out);
    assert_eq!(summary["sent"], 3, "{summary}");
    let reports = check_mime(server.maildir()).unwrap();
    assert_eq!(reports.as_array().unwrap().len(), 3);
    for report in reports.as_array().unwrap() {
        assert_eq!(report["problems"], serde_json::json!([]), "{report}");
    }
    let stats = oauth.stats().unwrap();
    assert_eq!(stats["authorization_code"], 1, "{stats}");
    assert!(stats["introspect_active"].as_u64().unwrap() >= 1, "{stats}");
    assert_eq!(stats["introspect_inactive"], 0, "{stats}");

    // No token in anything printed, nor in the database.
    let db_bytes = std::fs::read(&db).unwrap();
    assert!(!transcript.0.contains(&token), "a token was printed");
    assert!(
        !db_bytes.windows(token.len()).any(|w| w == token.as_bytes()),
        "a token is in the database"
    );

    // Signing out forgets it.
    transcript.ok(with_keychain(&db, &keyring).args(["account", "logout"]));
    assert_eq!(refresh_token_in(&keyring), None);
    let status =
        last_json(&transcript.ok(with_keychain(&db, &keyring).args(["account", "status"])));
    assert_eq!(status["signed_in"], false);
    let (success, _, stderr) = transcript.run(
        with_keychain(&db, &keyring)
            .args(["send", &issue.to_string(), "--smtp", &smtp_url(&server)])
            .args(["--auth", "xoauth2", "--ca-cert"])
            .arg(&server.certificate().unwrap().ca_pem),
    );
    assert!(!success);
    assert!(stderr.contains("not signed in"), "{stderr}");
}

fn url_param(url: &str, name: &str) -> String {
    url.split(['?', '&'])
        .find_map(|p| p.strip_prefix(&format!("{name}=")))
        .unwrap()
        .to_owned()
}

#[test]
fn device_code_sign_in_and_the_no_keychain_file_only_with_consent() {
    let oauth = OAuthServer::start(3600, ACCOUNT).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let mut transcript = Transcript::default();

    // Without a keychain and without consent: refused, nothing written.
    let mut cmd = no_keychain(&db);
    login_args(&mut cmd, &oauth.issuer());
    cmd.arg("--device");
    let (child, seen, stderr) = start_login(cmd);
    assert_eq!(seen["open"], format!("{}/device", oauth.issuer()));
    oauth.approve(&seen["code"]).unwrap();
    let (success, _, rest) = finish_login(child, stderr, &mut transcript);
    assert!(!success);
    assert!(rest.contains("--allow-file"), "{rest}");
    assert!(!dir.path().join("sign-in").exists());

    // With consent: a file only this account can read.
    let mut cmd = no_keychain(&db);
    login_args(&mut cmd, &oauth.issuer());
    cmd.args(["--device", "--allow-file"]);
    let (child, seen, stderr) = start_login(cmd);
    oauth.approve(&seen["code"]).unwrap();
    let (success, stdout, rest) = finish_login(child, stderr, &mut transcript);
    assert!(success, "{rest}");
    assert_eq!(last_json(&stdout)["account"], ACCOUNT);
    let file = dir.path().join("sign-in");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let stats = oauth.stats().unwrap();
    assert_eq!(stats["device_code"], 2, "{stats}");
    let status = last_json(&transcript.ok(no_keychain(&db).args(["account", "status"])));
    assert!(status["token_valid_until"].as_str().is_some(), "{status}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // One secret by name: this sign-in's.
    let secrets = saved["secrets"].as_object().unwrap();
    assert_eq!(secrets.len(), 1, "{saved}");
    let token = secrets.values().next().unwrap().as_str().unwrap();
    assert!(!transcript.0.contains(token), "a token was printed");
}

#[test]
fn tokens_that_expire_every_two_seconds_are_refreshed_during_a_send_without_a_duplicate() {
    let oauth = OAuthServer::start(2, ACCOUNT).unwrap();
    // The server ends each session after 10 messages: every new session logs in again,
    // so expired tokens would show.
    let server = Aiosmtpd::builder()
        .starttls()
        .xoauth2(&oauth.introspect_url())
        .session_limit(10)
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), &contacts(200));
    let mut transcript = Transcript::default();
    let signed_in = sign_in(no_keychain(&db), &oauth, &mut transcript);
    assert_eq!(signed_in["account"], ACCOUNT);

    let started = Instant::now();
    let out = transcript.ok(no_keychain(&db)
        .args(["send", &issue.to_string(), "--smtp", &smtp_url(&server)])
        .args(["--auth", "xoauth2", "--ca-cert"])
        .arg(&server.certificate().unwrap().ca_pem)
        .args(["--rate", "40/s", "--concurrency", "2"])
        .args([
            "--from",
            "Plate-forme Mineurs en exil <newsletter@example.org>",
        ]));
    let took = started.elapsed();
    let summary = last_json(&out);
    assert_eq!(summary["sent"], 200, "{summary}");
    assert_eq!(summary["failed"], 0, "{summary}");
    let copies = copies(&server);
    assert_eq!(copies.len(), 200);
    let twice: Vec<_> = copies.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "received twice: {twice:?}");
    assert!(ledger(&db).iter().all(|r| r["status"] == "sent"));
    let stats = oauth.stats().unwrap();
    let refreshes = stats["refresh_token"].as_u64().unwrap();
    eprintln!("200 recipients in {took:?} with 2 s tokens: {refreshes} refreshes, stats {stats}");
    assert!(
        refreshes as f64 >= took.as_secs_f64() / 2.0 - 1.0,
        "the token was not refreshed as it expired: {refreshes} refreshes in {took:?}"
    );
    assert_eq!(
        stats["introspect_inactive"], 0,
        "an expired token was sent: {stats}"
    );
}

#[test]
fn a_withdrawn_sign_in_pauses_the_send_and_after_signing_in_again_resume_delivers_everyone_once() {
    let oauth = OAuthServer::start(2, ACCOUNT).unwrap();
    let server = Aiosmtpd::builder()
        .starttls()
        .xoauth2(&oauth.introspect_url())
        .session_limit(5)
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), &contacts(120));
    let mut transcript = Transcript::default();
    sign_in(no_keychain(&db), &oauth, &mut transcript);

    let ca = server.certificate().unwrap().ca_pem.clone();
    let send = no_keychain(&db)
        .args(["send", &issue.to_string(), "--smtp", &smtp_url(&server)])
        .args(["--auth", "xoauth2", "--ca-cert"])
        .arg(&ca)
        .args(["--rate", "20/s", "--concurrency", "2"])
        .args([
            "--from",
            "Plate-forme Mineurs en exil <newsletter@example.org>",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The sign-in is withdrawn (password changed, admin revoked it) mid-send.
    let until = Instant::now() + Duration::from_secs(30);
    let mut send = send;
    while server.count().unwrap() < 20 {
        if let Ok(Some(status)) = send.try_wait() {
            let out = send.wait_with_output().unwrap();
            panic!(
                "the send ended early ({status}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(Instant::now() < until, "the send did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    oauth.revoke().unwrap();
    let out = send.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    transcript.0.push_str(&stderr);
    assert!(!out.status.success(), "the send should have paused");
    assert!(stderr.contains("Sign in"), "{stderr}");
    assert!(stderr.contains("tandem send --resume"), "{stderr}");
    let summary = last_json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(summary["ending"]["kind"], "signin", "{summary}");
    let pending = summary["pending"].as_u64().unwrap();
    assert!(pending > 0, "{summary}");
    assert_eq!(
        summary["failed"], 0,
        "nobody is failed because of the sign-in"
    );

    // Sign in again, resume: everyone has it, once.
    sign_in(no_keychain(&db), &oauth, &mut transcript);
    let out = transcript.ok(no_keychain(&db).args(["send", "--resume"]));
    let summary = last_json(&out);
    assert_eq!(summary["pending"], 0, "{summary}");
    let copies = copies(&server);
    assert_eq!(copies.len(), 120);
    let twice: Vec<_> = copies.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "received twice: {twice:?}");
    assert!(ledger(&db).iter().all(|r| r["status"] == "sent"));
    eprintln!(
        "paused with {pending} pending; stats {}",
        oauth.stats().unwrap()
    );
}

#[test]
fn google_asks_for_offline_access_and_comes_back_to_the_loopback_address() {
    let oauth = OAuthServer::start(3600, ACCOUNT).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let mut cmd = no_keychain(&db);
    cmd.args([
        "account",
        "login",
        "--provider",
        "google",
        "--client-id",
        "123.apps.googleusercontent.com",
    ])
    .args(["--client-secret", "GOCSPX-desktop", "--issuer"])
    .arg(oauth.issuer())
    .args(["--no-browser", "--allow-file", "--timeout", "60"]);
    let (child, seen, stderr) = start_login(cmd);
    let url = &seen["open"];
    // Google gives a refresh token only when asked for offline access; its desktop
    // clients come back to the loopback address; the scope is Gmail's SMTP/IMAP one.
    assert!(url.contains("access_type=offline"), "{url}");
    assert!(
        url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"),
        "{url}"
    );
    assert!(url.contains("https%3A%2F%2Fmail.google.com%2F"), "{url}");
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    let (status, _) = oauth.browse(url).unwrap();
    assert_eq!(status, 200);
    let mut transcript = Transcript::default();
    let (success, stdout, rest) = finish_login(child, stderr, &mut transcript);
    assert!(success, "{rest}");
    let signed_in = last_json(&stdout);
    assert_eq!(signed_in["provider"], "google");
    assert!(
        !transcript.0.contains("GOCSPX-desktop"),
        "the client secret is not printed"
    );
    let status = last_json(&transcript.ok(no_keychain(&db).args(["account", "status"])));
    assert_eq!(status["provider"], "google", "{status}");
    assert!(status["token_valid_until"].as_str().is_some(), "{status}");
}

#[test]
fn provider_refusals_are_explained_with_what_to_do() {
    // Microsoft 365 once basic authentication is off: a password is refused.
    let server = Aiosmtpd::builder()
        .starttls()
        .auth_reply("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.")
        .start()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, issue) = setup(dir.path(), "email;langue\nanne@example.be;fr\n");
    let out = tandem(&db)
        .env("TANDEM_SMTP_PASSWORD", "an-old-password")
        .args([
            "send",
            &issue.to_string(),
            "--smtp",
            &smtp_url(&server),
            "--ca-cert",
        ])
        .arg(&server.certificate().unwrap().ca_pem)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("no longer accepts passwords"), "{stderr}");
    assert!(stderr.contains("sign in instead"), "{stderr}");
    assert!(stderr.contains("5.7.139"), "{stderr}");
    let out = run(tandem(&db).args(["ledger"]));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("nothing has been sent"),
        "nothing is marked"
    );

    // A client ID the identity server does not know (AADSTS700016).
    let oauth = OAuthServer::start(3600, ACCOUNT).unwrap();
    let mut cmd = no_keychain(&db);
    cmd.args([
        "account",
        "login",
        "--provider",
        "microsoft",
        "--client-id",
        "wrong-client",
        "--issuer",
    ])
    .arg(oauth.issuer())
    .args(["--no-browser", "--allow-file", "--timeout", "60"]);
    let (child, seen, stderr) = start_login(cmd);
    oauth.browse(&seen["open"]).unwrap();
    let mut transcript = Transcript::default();
    let (success, _, rest) = finish_login(child, stderr, &mut transcript);
    assert!(!success);
    assert!(
        rest.contains("client ID or the tenant is not right"),
        "{rest}"
    );
    assert!(rest.contains("AADSTS700016"), "{rest}");
}
