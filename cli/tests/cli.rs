//! The `tandem` binary as a user runs it: exit codes, stdout, stderr, files on disk.

use std::process::Command;

fn tandem() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.env_remove("TANDEM_DB").env_remove("TANDEM_DATA_DIR");
    cmd
}

#[test]
fn version_prints_the_crate_version() {
    let out = tandem().arg("--version").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.trim(),
        format!("tandem {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_is_in_english_and_lists_init() {
    let out = tandem().arg("--help").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Usage: tandem"), "{stdout}");
    assert!(stdout.contains("init"), "{stdout}");
    assert!(stdout.contains("--db <PATH>"), "{stdout}");
}

#[test]
fn init_creates_the_database_and_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/folder/t.sqlite3");
    let out = tandem().arg("--db").arg(&db).arg("init").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["schema_version"],
        tandem_core::store::latest_version()
    );
    assert!(db.is_file());
    // Running it again is harmless.
    let again = tandem().arg("--db").arg(&db).arg("init").output().unwrap();
    assert!(again.status.success());
}

#[test]
fn default_database_lives_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = tandem()
        .env("TANDEM_DATA_DIR", dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("tandem.sqlite3").is_file());
}

#[test]
fn a_file_that_is_not_a_database_fails_clearly_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.sqlite3");
    let content = "Ceci est un texte, pas une base de données.\n".repeat(200);
    std::fs::write(&db, &content).unwrap();
    let out = tandem().arg("--db").arg(&db).arg("init").output().unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("is not a Tandem database"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        content,
        "file must be untouched"
    );
}

#[test]
fn an_unknown_command_fails_with_usage_on_stderr() {
    let out = tandem().arg("frobnicate").output().unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage"));
}

fn fixture_issue_dir(dir: &std::path::Path) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let mut issue: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("core/src/sample/issue.json")).unwrap(),
    )
    .unwrap();
    issue["blocks"].as_array_mut().unwrap().insert(
        1,
        serde_json::json!({"kind": "image", "src": "assets/photo.jpg",
            "alt": {"fr": "Une classe", "nl": "Een klas"}}),
    );
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::copy(
        root.join("core/tests/fixtures/images/photo-landscape.jpg"),
        dir.join("assets/photo.jpg"),
    )
    .unwrap();
    let file = dir.join("issue.json");
    std::fs::write(&file, serde_json::to_string_pretty(&issue).unwrap()).unwrap();
    file
}

fn run_ok(db: &std::path::Path, args: &[&str]) -> String {
    let out = tandem().arg("--db").arg(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_issue_is_imported_listed_rendered_and_exported_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = fixture_issue_dir(&dir.path().join("in"));
    let out = run_ok(&db, &["issue", "import", file.to_str().unwrap()]);
    let id = out.lines().last().unwrap().trim().to_owned();
    assert_eq!(id, "1");

    let list = run_ok(&db, &["issue", "list"]);
    assert!(
        list.contains("complete") && list.contains("Newsletter de décembre"),
        "{list}"
    );

    let html = run_ok(&db, &["render", &id, "--edition", "nl"]);
    assert!(
        html.contains("lang=\"nl\"") && html.contains("Een klas"),
        "{html}"
    );
    assert!(!html.contains("Une classe"));
    let text = run_ok(&db, &["render", &id, "--edition", "fr", "--text"]);
    assert!(text.contains("jeudi 21 janvier 2027 à 19 h"), "{text}");

    let out_dir = dir.path().join("out");
    run_ok(&db, &["issue", "export", &id, out_dir.to_str().unwrap()]);
    let exported = std::fs::read_to_string(out_dir.join("issue.json")).unwrap();
    assert!(exported.contains("\"format\": \"tandem-issue/1\""));
    // The stored photo: upright, 1200 px wide at most, no EXIF.
    let photo = std::fs::read(out_dir.join("assets/photo.jpg")).unwrap();
    assert!(!photo.windows(4).any(|w| w == b"Exif"));

    // Importing the export gives the same issue again.
    let again = run_ok(
        &db,
        &[
            "issue",
            "import",
            out_dir.join("issue.json").to_str().unwrap(),
        ],
    );
    assert_eq!(again.lines().last().unwrap(), "2");
    let a = run_ok(&db, &["render", "1", "--edition", "bilingual"]);
    let b = run_ok(&db, &["render", "2", "--edition", "bilingual"]);
    assert_eq!(a, b);

    let archive = dir.path().join("site");
    run_ok(
        &db,
        &[
            "render",
            &id,
            "--edition",
            "fr",
            "--archive",
            archive.to_str().unwrap(),
        ],
    );
    assert!(archive.join("index.html").is_file() && archive.join("assets/photo.jpg").is_file());
}

#[test]
fn a_bad_issue_file_is_refused_with_the_reason_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = fixture_issue_dir(&dir.path().join("in"));
    let json = std::fs::read_to_string(&file)
        .unwrap()
        .replace("https://www.mineursenexil.be/", "javascript:alert(1)");
    std::fs::write(&file, json).unwrap();
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["issue", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("javascript:alert(1)") && stderr.contains("http, https or mailto"),
        "{stderr}"
    );
    assert_eq!(run_ok(&db, &["issue", "list"]), "");

    // A corrupt image: the whole import is refused, nothing half-written.
    let file = fixture_issue_dir(&dir.path().join("in2"));
    std::fs::write(
        dir.path().join("in2/assets/photo.jpg"),
        b"\xFF\xD8\xFF not really",
    )
    .unwrap();
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["issue", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("image photo.jpg"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(run_ok(&db, &["issue", "list"]), "");

    // A missing image names the file.
    let file = fixture_issue_dir(&dir.path().join("in3"));
    std::fs::remove_file(dir.path().join("in3/assets/photo.jpg")).unwrap();
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["issue", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("photo.jpg is used by the issue but is not in its assets folder"));
}

#[test]
fn rendering_an_unknown_issue_or_edition_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["render", "7"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("issue 7 does not exist"));
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["render", "1", "--edition", "de"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown edition \"de\""));
}

/// The .eml is parsed by a real MIME parser (Python's `email` package).
#[test]
fn the_eml_of_an_edition_is_a_well_formed_multipart_message_with_cid_images() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = fixture_issue_dir(&dir.path().join("in"));
    run_ok(&db, &["issue", "import", file.to_str().unwrap()]);
    let eml = dir.path().join("nl.eml");
    run_ok(
        &db,
        &[
            "render",
            "1",
            "--edition",
            "nl",
            "--eml",
            eml.to_str().unwrap(),
        ],
    );
    let script = r#"
import email, json, sys
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
parts = [(p.get_content_type(), p.get('Content-ID')) for p in m.walk()]
html = m.get_body(('html',)).get_content()
text = m.get_body(('plain',)).get_content()
long_lines = [l for l in open(sys.argv[1], 'rb').read().split(b'\r\n') if len(l) > 998]
print(json.dumps({'subject': str(m['Subject']), 'parts': parts, 'html_has_cid': 'src="cid:photo.jpg@tandem"' in html,
  'text_has_nl': 'Werkgroepen' in text, 'long_lines': len(long_lines), 'data_uri': 'data:' in html}))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&eml)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        r["subject"],
        "Nieuwsbrief december: werkgroepen, stage en film- en debatavond"
    );
    let types: Vec<&str> = r["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[0].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "multipart/alternative",
            "text/plain",
            "multipart/related",
            "text/html",
            "image/jpeg"
        ]
    );
    assert_eq!(r["parts"][4][1], "<photo.jpg@tandem>");
    assert_eq!(r["html_has_cid"], true);
    assert_eq!(r["text_has_nl"], true);
    assert_eq!(r["long_lines"], 0);
    assert_eq!(r["data_uri"], false);
}

fn contacts_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("core/tests/fixtures/contacts")
        .join(name)
}

#[test]
fn contacts_import_prints_a_json_report_and_gdpr_commands_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = contacts_fixture("mixed.csv");
    let out = run_ok(
        &db,
        &[
            "contacts",
            "import",
            file.to_str().unwrap(),
            "--list",
            "membres",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["rows"], 8);
    assert_eq!(report["imported"], 3);
    assert_eq!(report["rejected"].as_array().unwrap().len(), 5);
    assert_eq!(
        report["rejected"][0],
        serde_json::json!({"line": 4, "email": "------", "reason": "invalid-email"})
    );

    let shown = run_ok(&db, &["contacts", "show", "OK.TWO@example.be", "--json"]);
    let c: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        (c["language"].as_str(), c["lists"][0].as_str()),
        (Some("nl"), Some("membres"))
    );

    let csv = run_ok(&db, &["contacts", "export", "--list", "membres"]);
    assert!(csv.starts_with("email,first_name,last_name,organisation,language,lists,status,consent_source,consent_date\r\n"), "{csv}");
    assert_eq!(csv.lines().count(), 4);
    let excel = tandem()
        .arg("--db")
        .arg(&db)
        .args(["contacts", "export", "--excel"])
        .output()
        .unwrap();
    assert!(excel.stdout.starts_with(b"\xEF\xBB\xBFemail;first_name;"));

    run_ok(&db, &["contacts", "unsubscribe", "ok.one@example.be"]);
    run_ok(&db, &["contacts", "erase", "ok.two@example.be"]);
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["contacts", "show", "ok.two@example.be"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    // Importing the same file again adds nobody back and re-subscribes nobody.
    let again: serde_json::Value = serde_json::from_str(&run_ok(
        &db,
        &[
            "contacts",
            "import",
            file.to_str().unwrap(),
            "--on-duplicate",
            "update",
        ],
    ))
    .unwrap();
    assert_eq!(again["imported"], 0);
    assert!(again["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reason"] == "erased"));
    let one: serde_json::Value = serde_json::from_str(&run_ok(
        &db,
        &["contacts", "show", "ok.one@example.be", "--json"],
    ))
    .unwrap();
    assert_eq!(one["status"], "unsubscribed");
}

#[test]
fn a_contacts_file_that_cannot_be_read_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let missing = tandem()
        .arg("--db")
        .arg(&db)
        .args(["contacts", "import", "/nonexistent/x.csv"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/x.csv"));
    let no_email = dir.path().join("no-email.csv");
    std::fs::write(&no_email, "nom;prénom\nDubois;Anne\n").unwrap();
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["contacts", "import"])
        .arg(&no_email)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no column holds e-mail addresses"));
}

/// Unsupported feature/client pairs that Gmail and Outlook show in each edition of the
/// sample issue (with a photo), counted with caniemail's data (npm
/// `@jsx-email/doiuse-email`, `ui/scripts/email-lint.mjs`). The ceiling keeps the count
/// from creeping back up; what remains, and how each client degrades, is listed in
/// `docs/email-clients.md`.
#[test]
fn gmail_and_outlook_drop_few_features_of_each_edition() {
    const CEILING: usize = 18;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = fixture_issue_dir(&dir.path().join("in"));
    let id = run_ok(&db, &["issue", "import", file.to_str().unwrap()])
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned();
    let mut files = Vec::new();
    for edition in ["fr", "nl", "bilingual"] {
        let html = run_ok(&db, &["render", &id, "--edition", edition]);
        assert!(html.contains("<html"), "{edition}");
        let path = dir.path().join(format!("{edition}.html"));
        std::fs::write(&path, html).unwrap();
        files.push(path);
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let out = Command::new("node")
        .arg(root.join("ui/scripts/email-lint.mjs"))
        .args(&files)
        .current_dir(root.join("ui"))
        .output()
        .expect("node (cargo xtask setup installs it with the UI's packages)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (path, edition) in files.iter().zip(["fr", "nl", "bilingual"]) {
        let mut pairs: Vec<&str> = report[path.to_str().unwrap()]["unsupported"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        pairs.sort();
        pairs.dedup();
        eprintln!("{edition}: {} unsupported pairs", pairs.len());
        for p in &pairs {
            eprintln!("  {p}");
        }
        assert!(
            pairs.len() <= CEILING,
            "{edition}: {} unsupported feature/client pairs (ceiling {CEILING}): {pairs:#?}",
            pairs.len()
        );
        // Ones that have another way and must not come back.
        for gone in [
            "`target attribute`",
            "`Attribute selector`",
            "`opacity`",
            "`outline`",
        ] {
            assert!(
                !pairs.iter().any(|p| p.starts_with(gone)),
                "{edition}: {gone} is back"
            );
        }
    }
}

/// Every file under `dir`, with its bytes (the database, its -wal, the outbox).
fn all_bytes(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_bytes(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

fn files_holding(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let needle = needle.to_lowercase();
    all_bytes(dir)
        .into_iter()
        .filter(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .to_lowercase()
                .contains(&needle)
        })
        .map(|(path, _)| path)
        .collect()
}

/// The defect issue 18 found: after an erase the person's address and name were still
/// in the database file's bytes (SQLite leaves a deleted row in its page), in the
/// mailbox log (address, sender, the bounce's words), in the ledger's bounce reason and
/// in the outbox's .eml. Now none of the files Tandem writes holds a byte of them.
#[test]
fn an_erased_person_is_in_no_byte_of_any_file_tandem_writes() {
    use tandem_core::mailbox::classify;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("contacts.csv");
    std::fs::write(
        &csv,
        "email;prénom;nom;organisation;langue\r\n\
         sofie.desmet@voorbeeld.be;Sofie;Desmet;Voogdijcentrum Desmet;nl\r\n\
         amelie.dubois@exemple.be;Amélie;Dubois;Cabinet Dubois;fr\r\n\
         jan.peeters@voorbeeld.be;Jan;Peeters;Caritas;nl\r\n",
    )
    .unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    std::fs::remove_file(&csv).unwrap();
    let issue_dir = dir.path().join("issue");
    let file = fixture_issue_dir(&issue_dir);
    run_ok(&db, &["issue", "import", file.to_str().unwrap()]);
    std::fs::remove_dir_all(&issue_dir).unwrap();
    run_ok(&db, &["send", "1"]);
    assert_eq!(
        std::fs::read_dir(dir.path().join("outbox"))
            .unwrap()
            .count(),
        3
    );

    // What came back: a hard bounce quoting Amélie's address, and Sofie asking in words.
    {
        let mut store = tandem_core::store::Store::open(&db).unwrap();
        let ledger = store.ledger(1, None).unwrap();
        let amelie = ledger
            .iter()
            .find(|r| r.email == "amelie.dubois@exemple.be")
            .unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        // A real Postfix bounce, made about her: the server quotes her address.
        let ndr =
            std::fs::read_to_string(root.join("core/tests/fixtures/mail/postfix-unknown-user.eml"))
                .unwrap()
                .replace(
                    "Diagnostic-Code: X-Postfix; unknown user: \"ghost\"",
                    "Diagnostic-Code: smtp; 550 5.1.1 <amelie.dubois@exemple.be>: Recipient \
                 address rejected: User unknown in virtual mailbox table",
                )
                .replace("ghost@example.org", "amelie.dubois@exemple.be")
                .replace(
                    "fixture-message-id@tandem.invalid",
                    amelie.message_id.trim_matches(['<', '>']),
                );
        let words = std::fs::read_to_string(
            root.join("core/tests/fixtures/mail/unsubscribe-words-only.eml"),
        )
        .unwrap()
        .replace("{{SENDER}}", "Sofie Desmet <sofie.desmet@voorbeeld.be>");
        for (uid, text) in [(1, ndr), (2, words)] {
            let read = classify(text.as_bytes()).unwrap();
            store
                .record_mailbox_message("INBOX", 1, uid, Ok(&read), false)
                .unwrap()
                .unwrap();
        }
        let row = store.ledger_row(amelie.id).unwrap().unwrap();
        assert!(
            row.bounce_reason.contains("amelie.dubois@exemple.be"),
            "{row:?}"
        );
        let log = store.mailbox_log(10).unwrap();
        assert!(
            log.iter().any(|a| a.sender.contains("sofie.desmet")),
            "{log:?}"
        );
    }
    for needle in [
        "sofie.desmet",
        "Desmet",
        "amelie.dubois",
        "Dubois",
        "jan.peeters",
    ] {
        assert!(
            !files_holding(dir.path(), needle).is_empty(),
            "{needle} before"
        );
    }

    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["contacts", "erase", "sofie.desmet@voorbeeld.be"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("1 outbox files removed"), "{said}");
    run_ok(&db, &["contacts", "erase", "amelie.dubois@exemple.be"]);
    // A backup made after the erasure holds none of it either (it is under dir too).
    let made: serde_json::Value = serde_json::from_str(&run_ok(&db, &["backup"])).unwrap();
    assert_eq!(
        (made["contacts"].as_u64(), made["verified"].as_bool()),
        (Some(1), Some(true))
    );

    for needle in [
        "sofie.desmet",
        "Desmet",
        "amelie.dubois",
        "Dubois",
        "Amélie",
    ] {
        assert_eq!(
            files_holding(dir.path(), needle),
            Vec::<std::path::PathBuf>::new(),
            "{needle}"
        );
    }
    // The test reads the right files: the person kept is still there, and so is her mail.
    assert!(!files_holding(dir.path(), "jan.peeters").is_empty());
    assert_eq!(
        std::fs::read_dir(dir.path().join("outbox"))
            .unwrap()
            .count(),
        1
    );
    // The ledger still counts three messages; the log still has its two lines.
    let store = tandem_core::store::Store::open(&db).unwrap();
    assert_eq!(store.ledger(1, None).unwrap().len(), 3);
    assert_eq!(store.mailbox_log(10).unwrap().len(), 2);
}

fn csv_of(n: usize) -> String {
    let mut csv = String::from("email;first_name;language\r\n");
    for i in 0..n {
        csv.push_str(&format!("reader{i}@example.be;Reader {i};fr\r\n"));
    }
    csv
}

#[test]
fn a_backup_is_verified_listed_and_only_backups_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(3)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let issue = fixture_issue_dir(&dir.path().join("issue"));
    run_ok(&db, &["issue", "import", issue.to_str().unwrap()]);
    let made: serde_json::Value = serde_json::from_str(&run_ok(&db, &["backup"])).unwrap();
    assert_eq!(made["verified"], true, "{made}");
    assert_eq!(
        (made["issues"].as_u64(), made["contacts"].as_u64()),
        (Some(1), Some(3))
    );
    let path = std::path::PathBuf::from(made["path"].as_str().unwrap());
    assert_eq!(path.parent().unwrap(), dir.path().join("backups"));
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        made["bytes"].as_u64().unwrap()
    );
    // The backup is a database of its own, sound, with the same contacts.
    let out = tandem()
        .arg("--db")
        .arg(&path)
        .args(["contacts", "export"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        run_ok(&db, &["contacts", "export"])
    );

    // Another folder, and files there that are not Tandem's backups.
    let usb = dir.path().join("usb stick");
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::write(usb.join("notes.txt"), "mine").unwrap();
    std::fs::write(
        usb.join("tandem-backup-2026-01-01T000000.000Z.sqlite3.partial"),
        "half",
    )
    .unwrap();
    run_ok(&db, &["backup", "--to", usb.to_str().unwrap()]);
    let listed = run_ok(&db, &["backup", "list", "--dir", usb.to_str().unwrap()]);
    let lines: Vec<serde_json::Value> = listed
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{listed}");
    assert_eq!(lines[0]["encrypted"], false);
    assert_eq!(lines[0]["verified"], true);
    assert!(lines[0]["created"].as_str().unwrap().starts_with("20"));
    assert!(usb.join("notes.txt").exists());
    // The default folder lists its own backup.
    assert_eq!(run_ok(&db, &["backup", "list"]).lines().count(), 1);
}

/// `kill -9` at several moments of a backup: nothing half-written is ever listed, and
/// the database stays sound. The moments are fixed fractions of how long one backup
/// takes on this machine (no randomness in CI), from the process's start to its end.
#[test]
fn a_backup_killed_at_any_moment_leaves_nothing_listed_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(60_000)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let backups = dir.path().join("backups");
    let started = std::time::Instant::now();
    run_ok(&db, &["backup"]);
    let whole = started.elapsed();
    let partials = || {
        std::fs::read_dir(&backups)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".partial")
            })
            .count()
    };
    let mut left_partial = 0;
    for tenth in 0..10u32 {
        let mut child = tandem()
            .arg("--db")
            .arg(&db)
            .arg("backup")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * tenth / 10);
        child.kill().ok();
        child.wait().unwrap();
        if partials() > 0 {
            left_partial += 1;
        }
        for line in run_ok(&db, &["backup", "list"]).lines() {
            let b: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(b["verified"], true, "after {tenth}/10: {b}");
            assert_eq!(b["contacts"], 60_000, "after {tenth}/10: {b}");
        }
        let check = tandem().arg("--db").arg(&db).arg("check").output().unwrap();
        assert!(
            check.status.success(),
            "after {tenth}/10: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    // Some kill landed while the copy was being written (its .partial was left).
    assert!(
        left_partial > 0,
        "no kill landed during the copy (one backup: {whole:?})"
    );
    // What a kill left behind is never listed; it is removed once it is stale.
    let listed = run_ok(&db, &["backup", "list"]).lines().count();
    let named = std::fs::read_dir(&backups)
        .unwrap()
        .filter(|e| {
            let name = e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .into_owned();
            name.ends_with(".sqlite3") && name.starts_with("tandem-backup-")
        })
        .count();
    assert_eq!(listed, named);
}

#[test]
fn check_tells_a_sound_file_from_a_damaged_one_and_changes_neither() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(2_000)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let sound: serde_json::Value = serde_json::from_str(&run_ok(&db, &["check"])).unwrap();
    assert_eq!(
        (sound["sound"].as_bool(), sound["contacts"].as_u64()),
        (Some(true), Some(2000))
    );

    let good = std::fs::read(&db).unwrap();
    // Truncated (a copy cut short), then pages overwritten in the middle.
    let truncated = dir.path().join("truncated.sqlite3");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    let overwritten = dir.path().join("overwritten.sqlite3");
    let mut bytes = good.clone();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 8192] {
        *b = 0x5A;
    }
    std::fs::write(&overwritten, &bytes).unwrap();
    let text = dir.path().join("text.sqlite3");
    std::fs::write(&text, "this is not a database").unwrap();
    for damaged in [&truncated, &overwritten, &text] {
        let before = std::fs::read(damaged).unwrap();
        let out = tandem()
            .arg("--db")
            .arg(damaged)
            .arg("check")
            .output()
            .unwrap();
        assert!(!out.status.success(), "{}", damaged.display());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("restore the newest backup"), "{stderr}");
        let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(found["sound"], false);
        assert_eq!(
            std::fs::read(damaged).unwrap(),
            before,
            "check changed {}",
            damaged.display()
        );
    }
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out.lines().last().unwrap()).unwrap()
}

/// Backup, then Anne unsubscribes and Jan is erased, then the backup is restored: the
/// next send reaches neither, and Jan's address is nowhere in the live files.
#[test]
fn a_restore_never_brings_back_who_left_after_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "email;first_name;last_name;language\r\nanne.dupont@example.be;Anne;Dupont;fr\r\n\
         jan.janssens@voorbeeld.be;Jan;Janssens;nl\r\nsam@example.be;Sam;Peeters;both\r\n",
    )
    .unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    std::fs::remove_file(&csv).unwrap();
    let issue = fixture_issue_dir(&dir.path().join("issue"));
    run_ok(&db, &["issue", "import", issue.to_str().unwrap()]);
    std::fs::remove_dir_all(dir.path().join("issue")).unwrap();
    let before = json(&run_ok(&db, &["backup"]));
    let backup = before["path"].as_str().unwrap().to_owned();

    run_ok(&db, &["contacts", "unsubscribe", "anne.dupont@example.be"]);
    run_ok(&db, &["contacts", "erase", "jan.janssens@voorbeeld.be"]);

    // --dry-run says the same and changes nothing.
    let dry = json(&run_ok(&db, &["restore", &backup, "--dry-run"]));
    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        dry["kept_stopped"],
        serde_json::json!(["anne.dupont@example.be"])
    );
    assert_eq!(dry["erased_again"], 1);
    assert_eq!(run_ok(&db, &["backup", "list"]).lines().count(), 1);

    let report = json(&run_ok(&db, &["restore", &backup]));
    assert_eq!(report["dry_run"], false);
    assert_eq!(
        report["kept_stopped"],
        serde_json::json!(["anne.dupont@example.be"])
    );
    assert_eq!(report["erased_again"], 1);
    assert_eq!(report["restored"]["contacts"], 2);
    assert!(report["undo_backup"].as_str().is_some(), "{report}");
    let anne: serde_json::Value = serde_json::from_str(&run_ok(
        &db,
        &["contacts", "show", "anne.dupont@example.be", "--json"],
    ))
    .unwrap();
    assert_eq!(anne["status"], "unsubscribed");
    // Importing Jan again is refused: the erasure's hash came along.
    std::fs::write(&csv, "email;language\r\njan.janssens@voorbeeld.be;nl\r\n").unwrap();
    let again = json(&run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]));
    assert_eq!(again["imported"], 0, "{again}");
    std::fs::remove_file(&csv).unwrap();

    // The next send reaches Sam only.
    let sent = json(&run_ok(&db, &["send", "1"]));
    assert_eq!(sent["outbox"], 1, "{sent}");
    let ledger = run_ok(&db, &["ledger", "1", "--format", "csv"]);
    assert!(ledger.contains("sam@example.be"), "{ledger}");
    assert!(
        !ledger.contains("anne.dupont") && !ledger.contains("jan.janssens"),
        "{ledger}"
    );

    // Jan is nowhere but in the backup made before he was erased.
    let older = std::path::PathBuf::from(&backup);
    let found: Vec<_> = files_holding(dir.path(), "janssens")
        .into_iter()
        .filter(|p| *p != older)
        .collect();
    assert_eq!(found, Vec::<std::path::PathBuf>::new());
}

/// A backup restored over the state it was made from gives the same contacts and
/// issues back, byte for byte in their exports.
#[test]
fn a_restore_round_trip_gives_identical_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(50)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let issue = fixture_issue_dir(&dir.path().join("issue"));
    run_ok(&db, &["issue", "import", issue.to_str().unwrap()]);
    let contacts = run_ok(&db, &["contacts", "export"]);
    let issues = run_ok(&db, &["issue", "list"]);
    let exported = dir.path().join("before");
    run_ok(&db, &["issue", "export", "1", exported.to_str().unwrap()]);
    let made = json(&run_ok(&db, &["backup"]));
    run_ok(&db, &["contacts", "erase", "reader7@example.be"]);
    run_ok(&db, &["restore", made["path"].as_str().unwrap()]);
    // The erasure since the backup stays; everything else is as it was.
    let expected: String = contacts
        .lines()
        .filter(|l| !l.starts_with("reader7@"))
        .map(|l| format!("{l}\r\n"))
        .collect();
    assert_eq!(run_ok(&db, &["contacts", "export"]), expected);
    assert_eq!(run_ok(&db, &["issue", "list"]), issues);
    let after = dir.path().join("after");
    run_ok(&db, &["issue", "export", "1", after.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(exported.join("issue.json")).unwrap(),
        std::fs::read(after.join("issue.json")).unwrap()
    );
}

/// A backup taken while a send ran comes back with that send paused, and with the
/// ledger as it is now: nobody gets the issue twice.
#[test]
fn a_send_running_at_the_backup_comes_back_paused_with_todays_ledger() {
    use tandem_core::send::{Destination, NewRun};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(4)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let (run, backup) = {
        let mut store = tandem_core::store::Store::open(&db).unwrap();
        let recipients = store.audience_recipients(&[]).unwrap();
        let mut k = 0;
        let run = store
            .create_run(
                &NewRun {
                    issue_id: None,
                    issue_number: 1,
                    issue_json: "{}".into(),
                    sender: "PMO <info@example.org>".into(),
                    reply_to: String::new(),
                    unsubscribe_url: String::new(),
                    lists: vec![],
                    is_test: false,
                    greeting: false,
                    destination: Destination::default_outbox(),
                },
                &recipients,
                1000,
                &mut || {
                    k += 1;
                    format!("<m{k}@example.org>")
                },
            )
            .unwrap();
        let rows = store.ledger(run, None).unwrap();
        store.mark_sent(rows[0].id, "250 OK", 1000, 1001).unwrap();
        let made =
            tandem_core::backup::make(&store, &dir.path().join("backups"), chrono::Utc::now())
                .unwrap();
        // After the backup, the send went on: two more accepted.
        store.mark_sent(rows[1].id, "250 OK", 2000, 2001).unwrap();
        store.mark_sent(rows[2].id, "250 OK", 2000, 2002).unwrap();
        (run, made.path)
    };
    let report = json(&run_ok(&db, &["restore", &backup]));
    assert_eq!(
        (report["ledger"].as_str(), report["paused_sends"].as_u64()),
        (Some("current"), Some(1)),
        "{report}"
    );
    let store = tandem_core::store::Store::open(&db).unwrap();
    let info = store.run(run).unwrap();
    assert_eq!(info.state.code(), "paused");
    let statuses: Vec<&str> = store
        .ledger(run, None)
        .unwrap()
        .iter()
        .map(|r| r.status.code())
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == "sent").count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == "pending").count(),
        1,
        "{statuses:?}"
    );
}

#[test]
fn a_restore_over_a_damaged_file_keeps_it_aside_and_one_in_use_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(30)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let made = json(&run_ok(&db, &["backup"]));
    let backup = made["path"].as_str().unwrap().to_owned();

    // The app (here: a store opened in this process) is using the file: refused.
    {
        let _open = tandem_core::store::Store::open(&db).unwrap();
        let out = tandem()
            .arg("--db")
            .arg(&db)
            .args(["restore", &backup])
            .output()
            .unwrap();
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("in use"), "{stderr}");
    }

    // The file damaged: overwritten in its middle.
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.path().join("t.sqlite3-wal"));
    assert!(!tandem()
        .arg("--db")
        .arg(&db)
        .arg("check")
        .output()
        .unwrap()
        .status
        .success());
    let report = json(&run_ok(&db, &["restore", &backup]));
    let aside = std::path::PathBuf::from(report["damaged_moved_to"].as_str().unwrap());
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        bytes,
        "the damaged file is kept as it was"
    );
    assert!(report["undo_backup"].is_null());
    let check = json(&run_ok(&db, &["check"]));
    assert_eq!(
        (check["sound"].as_bool(), check["contacts"].as_u64()),
        (Some(true), Some(30))
    );
}

/// A backup under a passphrase (TANDEM_BACKUP_PASSPHRASE): no contact readable in it;
/// listed as encrypted; a wrong or missing passphrase is told and changes nothing; the
/// right one restores it.
#[test]
fn a_backup_under_a_passphrase_opens_only_with_it() {
    let plain_copies = || -> std::collections::BTreeSet<String> {
        std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("tandem-plain-"))
            .collect()
    };
    let plain_before = plain_copies();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(40)).unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let with = |pass: Option<&str>, args: &[&str]| {
        let mut cmd = tandem();
        cmd.arg("--db").arg(&db).args(args);
        cmd.env_remove("TANDEM_BACKUP_PASSPHRASE");
        if let Some(p) = pass {
            cmd.env("TANDEM_BACKUP_PASSPHRASE", p);
        }
        cmd.output().unwrap()
    };
    let out = with(Some("tuteur voogd 2026"), &["backup"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let made = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        (made["encrypted"].as_bool(), made["verified"].as_bool()),
        (Some(true), Some(true))
    );
    let path = made["path"].as_str().unwrap().to_owned();
    assert!(path.ends_with(".sqlite3.age"), "{path}");
    let bytes = std::fs::read(&path).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("reader1@example.be"));
    assert!(!String::from_utf8_lossy(&bytes).contains("SQLite format"));
    // Listed as encrypted; its counts read only with the passphrase.
    let listed = json(&String::from_utf8_lossy(
        &with(None, &["backup", "list"]).stdout,
    ));
    assert_eq!(
        (listed["encrypted"].as_bool(), listed["verified"].as_bool()),
        (Some(true), Some(false))
    );
    let listed = json(&String::from_utf8_lossy(
        &with(Some("tuteur voogd 2026"), &["backup", "list"]).stdout,
    ));
    assert_eq!(
        (listed["verified"].as_bool(), listed["contacts"].as_u64()),
        (Some(true), Some(40))
    );

    run_ok(&db, &["contacts", "erase", "reader3@example.be"]);
    let before = std::fs::read(&db).unwrap();
    for (pass, says) in [
        (None, "encrypted: give its passphrase"),
        (Some("voogd tuteur"), "does not open"),
    ] {
        let out = with(pass, &["restore", &path]);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "a refused restore changes nothing"
        );
    }
    let out = with(Some("tuteur voogd 2026"), &["restore", &path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        (
            report["restored"]["contacts"].as_u64(),
            report["erased_again"].as_u64()
        ),
        (Some(39), Some(1))
    );
    // No plain copy is left in the temporary folder by this test's commands.
    assert_eq!(plain_copies(), plain_before, "a plain copy was left behind");
}

#[test]
fn a_moved_data_folder_is_where_every_later_command_goes() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("Dropbox/Tandem");
    let to = dir.path().join("local data");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, csv_of(50)).unwrap();
    // The log elsewhere, so that the files moved are the same whatever the day.
    let logs = dir.path().join("logs");
    let in_data = |args: &[&str]| {
        let out = tandem()
            .env("TANDEM_DATA_DIR", &base)
            .env("TANDEM_LOG_DIR", &logs)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    in_data(&["contacts", "import", csv.to_str().unwrap()]);
    in_data(&["backup"]);
    let before = in_data(&["contacts", "export"]);

    let moved = json(&in_data(&["move-data", to.to_str().unwrap()]));
    assert_eq!(moved["to"].as_str(), Some(to.to_str().unwrap()));
    assert_eq!(moved["files"].as_u64(), Some(1), "the backup: {moved}");

    let init = json(&in_data(&["init"]));
    assert_eq!(
        init["database"].as_str(),
        Some(to.join("tandem.sqlite3").to_str().unwrap())
    );
    assert_eq!(in_data(&["contacts", "export"]), before);
    assert_eq!(in_data(&["backup", "list"]).lines().count(), 1);
    assert!(!base.join("tandem.sqlite3").exists());

    // Into a folder that has a database of its own: refused, with the reason.
    let other = dir.path().join("other");
    tandem()
        .arg("--db")
        .arg(other.join("tandem.sqlite3"))
        .arg("init")
        .output()
        .unwrap();
    let out = tandem()
        .env("TANDEM_DATA_DIR", &base)
        .args(["move-data", other.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("has-database"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(in_data(&["contacts", "export"]), before);
}

#[test]
fn an_exported_contact_never_runs_as_a_formula_and_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "email;first_name;last_name;organisation;language\r\n\
         x@example.be;\"=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"click\"\")\";'t Hooft;@SUM(1+1);nl\r\n",
    )
    .unwrap();
    run_ok(&db, &["contacts", "import", csv.to_str().unwrap()]);
    let exported = run_ok(&db, &["contacts", "export", "--excel"]);
    assert!(exported.contains("'=HYPERLINK"), "{exported}");
    assert!(exported.contains(";'@SUM(1+1);"), "{exported}");
    assert!(exported.contains(";'t Hooft;"), "{exported}");
    assert!(
        !exported.contains(";=HYPERLINK") && !exported.contains(";@SUM"),
        "{exported}"
    );
    // Back in: the same names, without the guard.
    let again = dir.path().join("again.sqlite3");
    let file = dir.path().join("export.csv");
    std::fs::write(&file, &exported).unwrap();
    run_ok(&again, &["contacts", "import", file.to_str().unwrap()]);
    assert_eq!(run_ok(&again, &["contacts", "export", "--excel"]), exported);
    let shown: serde_json::Value = serde_json::from_str(&run_ok(
        &again,
        &["contacts", "show", "x@example.be", "--json"],
    ))
    .unwrap();
    assert_eq!(
        shown["first_name"].as_str(),
        Some("=HYPERLINK(\"http://x.example/?\"&A1,\"click\")")
    );
    assert_eq!(shown["organisation"].as_str(), Some("@SUM(1+1)"));
    assert_eq!(shown["last_name"].as_str(), Some("'t Hooft"));
}

#[test]
fn a_new_issue_from_an_earlier_one_has_its_blocks_and_images_and_a_draft_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let file = fixture_issue_dir(&dir.path().join("src"));
    let first: i64 = run_ok(&db, &["issue", "import", file.to_str().unwrap()])
        .lines()
        .last()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let out = run_ok(&db, &["issue", "new", "--from", &first.to_string()]);
    let second: i64 = out.lines().last().unwrap().trim().parse().unwrap();
    assert_ne!(first, second);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    run_ok(
        &db,
        &["issue", "export", &first.to_string(), a.to_str().unwrap()],
    );
    run_ok(
        &db,
        &["issue", "export", &second.to_string(), b.to_str().unwrap()],
    );
    let read = |d: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(d.join("issue.json")).unwrap()).unwrap()
    };
    let (old, new) = (read(&a), read(&b));
    assert_eq!(
        new["blocks"], old["blocks"],
        "the same blocks, texts and alt texts"
    );
    assert_eq!(
        (new["subject"].clone(), new["preheader"].clone()),
        (old["subject"].clone(), old["preheader"].clone())
    );
    assert_eq!(
        new["number"].as_u64(),
        Some(old["number"].as_u64().unwrap() + 1)
    );
    assert_eq!(new["status"].as_str().unwrap_or("draft"), "draft");
    assert_eq!(
        new["date"].as_str(),
        Some(chrono::Local::now().date_naive().to_string().as_str())
    );
    assert_eq!(
        std::fs::read(a.join("assets/photo.jpg")).unwrap(),
        std::fs::read(b.join("assets/photo.jpg")).unwrap(),
        "the same image"
    );

    // A draft can be deleted; the list no longer has it.
    run_ok(&db, &["issue", "delete", &second.to_string()]);
    let list = run_ok(&db, &["issue", "list", "--json"]);
    assert!(!list.contains(&format!("\"id\":{second}")), "{list}");
    // A sent issue stays, for its ledger (marked sent here as a finished send marks it).
    let conn_db = db.clone();
    Command::new("python3")
        .arg("-c")
        .arg(format!(
            "import sqlite3;c=sqlite3.connect({:?});c.execute(\"UPDATE issues SET status='sent' WHERE id={first}\");c.commit()",
            conn_db.display().to_string()
        ))
        .status()
        .unwrap();
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .args(["issue", "delete", &first.to_string()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("stays, for its ledger"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_panic_leaves_a_report_without_addresses_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite3");
    let out = tandem()
        .arg("--db")
        .arg(&db)
        .arg("__crash")
        .output()
        .unwrap();
    assert!(!out.status.success());
    // The crash report (the day's log may be beside it).
    let logs: Vec<_> = std::fs::read_dir(dir.path().join("logs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("crash-")
        })
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    let name = logs[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("crash-") && name.ends_with("-cli.txt"),
        "{name}"
    );
    let report = std::fs::read_to_string(&logs[0]).unwrap();
    assert!(
        report.contains(&format!("Tandem cli {}", env!("CARGO_PKG_VERSION"))),
        "{report}"
    );
    assert!(report.contains("where: cli/src/lib.rs"), "{report}");
    assert!(report.contains("backtrace:"), "{report}");
    assert!(report.contains("about <address>"), "{report}");
    assert!(!report.contains("anne.dupont"), "{report}");
}

/// `tandem __manuals DIR` (what the packages install): `man tandem`, a page per
/// subcommand, and completions that bash really completes with.
#[test]
fn manual_pages_and_completions_are_written_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = tandem().arg("__manuals").arg(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let man = dir.path().join("man1");
    let page = std::fs::read_to_string(man.join("tandem.1")).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH tandem 1"),
        "{page}"
    );
    // Every subcommand `tandem --help` lists has its page; the hidden ones and `help` none.
    let help = tandem().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let listed: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| *w != "help")
        .collect();
    assert!(listed.len() > 10, "{listed:?}");
    for sub in &listed {
        assert!(
            man.join(format!("tandem-{sub}.1")).exists(),
            "no page for {sub}"
        );
    }
    assert!(man.join("tandem-contacts-import.1").exists());
    assert!(!man.join("tandem-help.1").exists());
    assert!(!man.join("tandem-__manuals.1").exists());
    let import = std::fs::read_to_string(man.join("tandem-contacts-import.1")).unwrap();
    assert!(import.contains("default\\-language"), "{import}");

    // bash completes the subcommands from the file.
    let bash = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {}; COMP_WORDS=(tandem con); COMP_CWORD=1; _tandem tandem con tandem; echo \"${{COMPREPLY[@]}}\"",
            dir.path().join("completions/tandem").display()
        ))
        .output()
        .unwrap();
    let words = String::from_utf8_lossy(&bash.stdout);
    assert_eq!(
        words.trim(),
        "contacts",
        "{}",
        String::from_utf8_lossy(&bash.stderr)
    );
    for file in ["_tandem", "tandem.fish"] {
        let text = std::fs::read_to_string(dir.path().join("completions").join(file)).unwrap();
        assert!(text.contains("deliverability"), "{file}");
    }
}
