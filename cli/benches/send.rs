//! `cargo xtask bench`, sending: the release `tandem send` into postfix's smtp-sink on
//! 127.0.0.1, against `smtp-source -d` (postfix's own load generator at its strongest:
//! like Tandem it keeps its connections open from one message to the next) and a Python
//! smtplib mail merge, with the same message size and session count, side by side in one
//! run, best of three each; then peak memory for 10,000 vs 50,000 recipients; then
//! logging in with a sign-in token (XOAUTH2) vs a password into the same kind of server;
//! and the send's throughput while backups run back to back, against the same send
//! alone, alternating.
//! Prints ratios, asserts nothing.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use common::{ok, root, tandem};
use tandem_testkit::{run_measuring_peak, Aiosmtpd, OAuthServer, SmtpSink};

const SESSIONS: usize = 4;
const MESSAGES: usize = 12_000;
const ROUNDS: usize = 3;

/// The measured command: issue 1 to everyone, through the sink, SESSIONS connections.
fn send_to_sink(db: &Path, url: &str) -> Command {
    let mut cmd = tandem(db);
    cmd.args([
        "send",
        "1",
        "--smtp",
        url,
        "--from",
        "PMO <info@example.org>",
    ])
    .args(["--concurrency", &SESSIONS.to_string()]);
    cmd
}

/// A database with the sample issue (id 1) and `n` contacts.
fn database(dir: &Path, n: usize) -> std::path::PathBuf {
    let db = dir.join(format!("bench-{n}.sqlite3"));
    ok(tandem(&db)
        .args(["issue", "import"])
        .arg(root().join("core/src/sample/issue.json")));
    let mut csv = String::from("email,first_name,last_name,language\n");
    for i in 0..n {
        let lang = ["fr", "nl", "both"][i % 3];
        csv.push_str(&format!("reader{i:06}@example.be,Reader,{i},{lang}\n"));
    }
    let file = dir.join(format!("contacts-{n}.csv"));
    std::fs::write(&file, csv).unwrap();
    ok(tandem(&db).args(["contacts", "import"]).arg(&file));
    db
}

fn best(v: Vec<f64>) -> f64 {
    v.into_iter().fold(0.0, f64::max)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let sink = SmtpSink::builder()
        .start()
        .expect("smtp-sink (apt-get install postfix)");
    let url = format!("smtp://127.0.0.1:{}", sink.port());
    let db = database(dir.path(), MESSAGES);

    // The size of a real Tandem message, for the references to send the same.
    let outbox = dir.path().join("outbox");
    ok(tandem(&db)
        .args(["send", "1", "--test", "size@example.be", "--outbox"])
        .arg(&outbox));
    let eml = std::fs::read_dir(&outbox)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let size = std::fs::metadata(&eml).unwrap().len();

    let smtp_source = ["/usr/sbin/smtp-source", "/usr/lib/postfix/sbin/smtp-source"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("smtp-source (apt-get install postfix)");

    let (mut ours, mut source, mut python) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        // Tandem: the whole command, snapshot of the audience and ledger included.
        let start = Instant::now();
        ok(&mut send_to_sink(&db, &url));
        ours.push(MESSAGES as f64 / start.elapsed().as_secs_f64());

        let start = Instant::now();
        ok(Command::new(smtp_source).args([
            "-d",
            "-s",
            &SESSIONS.to_string(),
            "-m",
            &MESSAGES.to_string(),
            "-l",
            &size.to_string(),
            "-f",
            "info@example.org",
            "-t",
            "reader@example.be",
            &format!("127.0.0.1:{}", sink.port()),
        ]));
        source.push(MESSAGES as f64 / start.elapsed().as_secs_f64());

        let out = ok(Command::new("python3")
            .arg(root().join("testkit/py/mailmerge.py"))
            .args([
                "127.0.0.1",
                &sink.port().to_string(),
                // A tenth: at ~120 msg/s the full count would take minutes.
                &(MESSAGES / 10).to_string(),
                &SESSIONS.to_string(),
            ])
            .arg(&eml));
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        python.push(v["sent"].as_f64().unwrap() / v["seconds"].as_f64().unwrap());
    }
    let (ours, source, python) = (best(ours), best(source), best(python));
    println!(
        "send throughput ({MESSAGES} messages of {:.1} KB, {SESSIONS} sessions, into smtp-sink, best of {ROUNDS}):",
        size as f64 / 1024.0
    );
    println!("  tandem send        {ours:>8.0} msg/s");
    println!(
        "  smtp-source -d     {source:>8.0} msg/s   tandem/smtp-source = {:.2}x (goal >= 0.8x)",
        ours / source
    );
    println!(
        "  python smtplib     {python:>8.0} msg/s   tandem/python      = {:.1}x (goal >= 10x)",
        ours / python
    );

    // Peak memory: the same command for 10,000 and 50,000 recipients.
    let mut peaks = Vec::new();
    for n in [10_000, 50_000] {
        let db = database(dir.path(), n);
        let (elapsed, peak_kb) = run_measuring_peak(send_to_sink(&db, &url));
        println!(
            "  send to {n:>6} recipients: {:>5.1} s, peak RSS {:.1} MiB",
            elapsed.as_secs_f64(),
            peak_kb as f64 / 1024.0
        );
        peaks.push(peak_kb as f64);
    }
    println!(
        "send peak memory 50,000 vs 10,000 recipients: {:+.0}% (goal within +20%)",
        (peaks[1] / peaks[0] - 1.0) * 100.0
    );

    send_during_backups(dir.path(), &db, &url);
    xoauth2_vs_password(dir.path());
}

/// The send into the sink while `tandem backup` runs again and again beside it (each a
/// verified copy of the database the send writes to), against the same send alone,
/// alternating, best of three each.
fn send_during_backups(dir: &Path, db: &Path, url: &str) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let (mut alone, mut during, mut backups) = (Vec::new(), Vec::new(), 0);
    for _ in 0..ROUNDS {
        let start = Instant::now();
        ok(&mut send_to_sink(db, url));
        alone.push(MESSAGES as f64 / start.elapsed().as_secs_f64());

        let stop = Arc::new(AtomicBool::new(false));
        let beside = {
            let (db, to, stop) = (db.to_path_buf(), dir.join("during"), stop.clone());
            std::thread::spawn(move || {
                let mut made = 0;
                while !stop.load(Ordering::Relaxed) {
                    ok(tandem(&db).arg("backup").arg("--to").arg(&to));
                    made += 1;
                }
                made
            })
        };
        let start = Instant::now();
        ok(&mut send_to_sink(db, url));
        during.push(MESSAGES as f64 / start.elapsed().as_secs_f64());
        stop.store(true, Ordering::Relaxed);
        backups += beside.join().unwrap();
    }
    let (alone, during) = (best(alone), best(during));
    println!(
        "send throughput while backups run back to back ({backups} backups in {ROUNDS} sends): {during:.0} msg/s vs {alone:.0} alone = {:.0}% (goal >= 90%)",
        during / alone * 100.0
    );
}

/// The same send over STARTTLS into aiosmtpd, logging in with a password or with
/// `AUTH XOAUTH2` (a token from a sign-in; the server checks each token with the
/// identity server), alternating, best of three.
fn xoauth2_vs_password(dir: &Path) {
    const N: usize = 1_000;
    const ACCOUNT: &str = "info@example.org";
    let oauth = OAuthServer::start(3600, ACCOUNT).expect("OAuth test server (npm)");
    let with_password = Aiosmtpd::builder()
        .starttls()
        .auth(ACCOUNT, "pw")
        .start()
        .expect("aiosmtpd");
    let with_token = Aiosmtpd::builder()
        .starttls()
        .xoauth2(&oauth.introspect_url())
        .start()
        .expect("aiosmtpd");
    let db = database(dir, N);
    // Sign in (the bench plays the browser), keeping the token in a private file.
    let mut login = tandem(&db)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .args([
            "account",
            "login",
            "--provider",
            "microsoft",
            "--client-id",
            "bench",
        ])
        .args(["--issuer", &oauth.issuer(), "--no-browser", "--allow-file"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(login.stderr.take().unwrap());
    let url = loop {
        let mut line = String::new();
        assert!(std::io::BufRead::read_line(&mut stderr, &mut line).unwrap() > 0);
        if let Some(url) = line.trim().strip_prefix("open: ") {
            break url.to_owned();
        }
    };
    let started = Instant::now();
    oauth.browse(&url).unwrap();
    assert!(login.wait().unwrap().success());
    let round_trip = started.elapsed();

    let send = |server: &Aiosmtpd, xoauth2: bool| {
        let url = format!(
            "smtp://info%40example.org@127.0.0.1:{}?tls=required",
            server.port()
        );
        let mut cmd = tandem(&db);
        cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
            .env("TANDEM_SMTP_PASSWORD", "pw")
            .args(["send", "1", "--smtp", &url, "--ca-cert"])
            .arg(&server.certificate().unwrap().ca_pem)
            .args(["--from", "PMO <info@example.org>", "--concurrency", "2"]);
        if xoauth2 {
            cmd.args(["--auth", "xoauth2"]);
        }
        let start = Instant::now();
        ok(&mut cmd);
        N as f64 / start.elapsed().as_secs_f64()
    };
    let (mut password, mut token) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        password.push(send(&with_password, false));
        token.push(send(&with_token, true));
    }
    let (password, token) = (best(password), best(token));
    println!(
        "sign-in: round trip on loopback (discovery, authorize, code + PKCE exchange) {:.0} ms",
        round_trip.as_secs_f64() * 1000.0
    );
    println!("send with a sign-in token vs a password ({N} messages, STARTTLS, 2 sessions, aiosmtpd, best of {ROUNDS}):");
    println!("  password           {password:>8.0} msg/s");
    println!(
        "  xoauth2            {token:>8.0} msg/s   xoauth2/password = {:.2}x (goal within 5%)",
        token / password
    );
}
