//! Translation drafts against a translation test server on 127.0.0.1 that follows
//! DeepL's and LibreTranslate's published formats with a word-list "translation"
//! (testkit/py/translate_server.py), so the output can be asserted exactly.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;
use tandem_testkit::TranslateServer;

const KEY: &str = "3f6c7a10-test:fx";

/// An issue whose block 1 is an article with bold, italic, a link and a list in French
/// and nothing in Dutch, whose block 2 is a heading written in both, and whose
/// subject/preheader are French only; contacts too (that must never reach the service).
fn issue(dir: &Path) -> (std::path::PathBuf, i64) {
    let db = dir.join("t.sqlite3");
    let issue = serde_json::json!({
        "format": "tandem-issue/1",
        "number": 7,
        "date": "2026-12-01",
        "subject": {"fr": "Lettre d'information", "nl": ""},
        "preheader": {"fr": "Groupe de travail école", "nl": ""},
        "blocks": [
            {"kind": "article",
             "title": {"fr": "Le tuteur et les MENA", "nl": ""},
             "body": {"fr": "Le **tuteur** est *désigné* par le [service](https://www.just.fgov.be/tutelle).\n\n- un enfant\n- deux enfants", "nl": ""},
             "link": {"url": "https://www.mineursenexil.be/", "label": {"fr": "Lire la suite", "nl": ""}}},
            {"kind": "heading", "text": {"fr": "Formation", "nl": "Opleiding"}},
            {"kind": "button", "label": {"fr": "Inscrivez-vous", "nl": ""}, "url": "https://example.be/form"}
        ]
    });
    let file = dir.join("issue.json");
    std::fs::write(&file, issue.to_string()).unwrap();
    let out = ok(tandem(&db).args(["issue", "import"]).arg(&file));
    let id: i64 = out.lines().last().unwrap().trim().parse().unwrap();
    let csv = dir.join("contacts.csv");
    std::fs::write(&csv, "email;language\nanne.secret@example.be;fr\n").unwrap();
    ok(tandem(&db).args(["contacts", "import"]).arg(&csv));
    (db, id)
}

fn translate(db: &Path, server: &TranslateServer, service: &str, extra: &[&str]) -> Command {
    let mut cmd = tandem(db);
    cmd.env("TANDEM_TRANSLATE_KEY", KEY)
        .args([
            "translate",
            "1",
            "--from",
            "fr",
            "--service",
            service,
            "--url",
        ])
        .arg(server.url())
        .args(extra);
    cmd
}

fn exported(db: &Path, dir: &Path) -> Value {
    let out = dir.join(format!(
        "export-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    ok(tandem(db).args(["issue", "export", "1"]).arg(&out));
    serde_json::from_str(&std::fs::read_to_string(out.join("issue.json")).unwrap()).unwrap()
}

#[test]
fn deepl_fills_the_missing_sides_with_formatting_and_glossary_and_marks_them_as_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = issue(dir.path());
    let server = TranslateServer::start(KEY, None).unwrap();
    let before = exported(&db, dir.path());

    // --dry-run sends and reports, saves nothing.
    let dry = last_json(&ok(&mut translate(&db, &server, "deepl", &["--dry-run"])));
    assert_eq!(dry["fields"], 6, "{dry}");
    assert_eq!(exported(&db, dir.path()), before);

    let report = last_json(&ok(&mut translate(&db, &server, "deepl", &[])));
    assert_eq!(
        (report["blocks"].as_u64(), report["fields"].as_u64()),
        (Some(3), Some(6)),
        "{report}"
    );
    assert_eq!(report["flagged"], serde_json::json!([]));
    // Only the missing sides, each once: the French texts of the six fields.
    let sources = [
        "Lettre d'information",
        "Groupe de travail école",
        "Le tuteur et les MENA",
        "Le tuteur est désigné par le service.\n\nun enfant\ndeux enfants",
        "Lire la suite",
        "Inscrivez-vous",
    ];
    let expected: usize = sources.iter().map(|s| s.chars().count()).sum();
    assert_eq!(
        report["characters"].as_u64().unwrap() as usize,
        expected,
        "{report}"
    );

    let issue = exported(&db, dir.path());
    let b = &issue["blocks"];
    // The glossary (tuteur → voogd, MENA → NBMV) and the word list; marks and the link kept.
    assert_eq!(b[0]["title"]["nl"], "De voogd en de NBMV");
    assert_eq!(
        b[0]["body"]["nl"],
        "De **voogd** is *aangesteld* door de [dienst](<https://www.just.fgov.be/tutelle>).\n\n- een kind\n- twee kinderen"
    );
    assert_eq!(b[0]["link"]["label"]["nl"], "Lees de verder");
    assert_eq!(b[0]["link"]["url"], "https://www.mineursenexil.be/");
    assert_eq!(b[2]["label"]["nl"], "Schrijf u in");
    assert_eq!(
        b[1]["text"]["nl"], "Opleiding",
        "a side a person wrote is never touched"
    );
    assert_eq!(
        issue["subject"]["nl"], "Brief d'informatie",
        "the apostrophe goes out as &#39; and comes back as itself"
    );
    // The marks: blocks 1 and 3 and the subject/preheader in Dutch; the heading not.
    assert_eq!(b[0]["machine_draft"], serde_json::json!(["nl"]));
    assert_eq!(b[1].get("machine_draft"), None);
    assert_eq!(issue["machine_draft"], serde_json::json!(["nl"]));
    let list: Vec<Value> =
        serde_json::from_str(&ok(tandem(&db).args(["issue", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["machine_drafts"], 3);
    assert!(ok(tandem(&db).args(["issue", "list"])).contains("3 machine draft(s) to reread"));

    // What the service received: the glossary by id, texts only — never a contact's
    // address or an unsubscribe token.
    let requests = server.requests().unwrap();
    let translated: Vec<&Value> = requests
        .iter()
        .filter(|r| r["path"] == "/v2/translate")
        .collect();
    assert!(translated.iter().all(|r| r["body"]["glossary_id"]
        .as_str()
        .is_some_and(|g| !g.is_empty())));
    assert!(translated
        .iter()
        .all(|r| r["auth"] == format!("DeepL-Auth-Key {KEY}")));
    assert!(translated
        .iter()
        .all(|r| r["body"]["tag_handling"] == "html"));
    let token = serde_json::from_str::<Value>(&ok(tandem(&db).args([
        "contacts",
        "show",
        "anne.secret@example.be",
        "--json",
    ])))
    .unwrap()["unsubscribe_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let everything = serde_json::to_string(&requests).unwrap();
    assert!(!everything.contains("anne.secret"));
    assert!(!everything.contains(&token));
    let glossaries = requests
        .iter()
        .filter(|r| r["path"] == "/v2/glossaries" && r["method"] == "POST")
        .count();
    assert_eq!(glossaries, 2, "one per direction");

    // A second run: nothing left to fill, and the glossary is reused (same content).
    let again = last_json(&ok(&mut translate(&db, &server, "deepl", &[])));
    assert_eq!(again["fields"], 0);
    let requests = server.requests().unwrap();
    assert_eq!(
        requests
            .iter()
            .filter(|r| r["path"] == "/v2/glossaries" && r["method"] == "POST")
            .count(),
        2
    );

    // The file format round-trips the marks.
    let out = dir.path().join("roundtrip");
    ok(tandem(&db).args(["issue", "export", "1"]).arg(&out));
    let db2 = dir.path().join("second.sqlite3");
    ok(tandem(&db2)
        .args(["issue", "import"])
        .arg(out.join("issue.json")));
    assert_eq!(
        exported(&db2, dir.path())["blocks"][0]["machine_draft"],
        serde_json::json!(["nl"])
    );
}

#[test]
fn a_changed_glossary_replaces_the_deepl_glossary_and_a_term_split_by_formatting_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = issue(dir.path());
    let server = TranslateServer::start(KEY, Some("libre-key")).unwrap();
    // DeepL gets a glossary per direction made from the seeded list...
    ok(&mut translate(&db, &server, "deepl", &["--dry-run"]));
    // Import: a header naming the columns the other way round, ; as Excel writes it.
    let csv = dir.path().join("glossary.csv");
    std::fs::write(
        &csv,
        "nl;fr\nvoogd;tuteur\nDienst Voogdij;Service des Tutelles\nopleiding;formation\n",
    )
    .unwrap();
    ok(tandem(&db).args(["glossary", "import"]).arg(&csv));
    let exported_csv = dir.path().join("out.csv");
    ok(tandem(&db).args(["glossary", "export"]).arg(&exported_csv));
    assert_eq!(
        std::fs::read_to_string(&exported_csv).unwrap(),
        "fr,nl\ntuteur,voogd\nService des Tutelles,Dienst Voogdij\nformation,opleiding\n"
    );
    // ... replaced when the list changed: the old ones deleted, new ones made.
    ok(&mut translate(&db, &server, "deepl", &["--dry-run"]));
    let requests = server.requests().unwrap();
    let count = |method: &str| {
        requests
            .iter()
            .filter(|r| {
                r["method"] == method && r["path"].as_str().unwrap().starts_with("/v2/glossaries")
            })
            .count()
    };
    assert_eq!((count("POST"), count("DELETE")), (4, 2));
    let one_column = dir.path().join("bad.csv");
    std::fs::write(&one_column, "tuteur\nvoogd\n").unwrap();
    let out = run(tandem(&db).args(["glossary", "import"]).arg(&one_column));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1: one column only"));
    // A file with a header and no pair is refused: it would have emptied the glossary.
    let (before, after) = (dir.path().join("before.csv"), dir.path().join("after.csv"));
    ok(tandem(&db).args(["glossary", "export"]).arg(&before));
    let header_only = dir.path().join("empty.csv");
    std::fs::write(&header_only, "fr;nl\n;\n").unwrap();
    let out = run(tandem(&db).args(["glossary", "import"]).arg(&header_only));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no pair of terms"));
    ok(tandem(&db).args(["glossary", "export"]).arg(&after));
    assert_eq!(
        std::fs::read(&after).unwrap(),
        std::fs::read(&before).unwrap()
    );
    assert!(std::fs::read_to_string(&after).unwrap().lines().count() > 1);

    // LibreTranslate has no glossaries: Tandem protects the terms itself.
    let report = last_json(&ok(translate(
        &db,
        &server,
        "libretranslate",
        &["--block", "1"],
    )
    .env("TANDEM_TRANSLATE_KEY", "libre-key")));
    assert_eq!(report["fields"], 3, "{report}");
    let issue = exported(&db, dir.path());
    assert_eq!(issue["blocks"][0]["title"]["nl"], "De voogd en de MENA");
    let requests = server.requests().unwrap();
    let libre: Vec<&Value> = requests
        .iter()
        .filter(|r| r["path"] == "/translate")
        .collect();
    assert!(libre
        .iter()
        .all(|r| r["body"]["api_key"] == "libre-key" && r["body"]["format"] == "html"));
    assert!(
        !serde_json::to_string(&libre).unwrap().contains("tuteur"),
        "the term was protected"
    );

    // A term cut in two by formatting is not protected: the draft is flagged.
    let file = dir.path().join("split.json");
    std::fs::write(
        &file,
        serde_json::json!({
            "format": "tandem-issue/1", "number": 8, "date": "2026-12-02",
            "subject": {"fr": "x", "nl": "x"}, "preheader": {"fr": "x", "nl": "x"},
            "blocks": [{"kind": "article", "title": {"fr": "Tutelle", "nl": ""},
                "body": {"fr": "Le **Service** des Tutelles répond.", "nl": ""}}]
        })
        .to_string(),
    )
    .unwrap();
    let id = ok(tandem(&db).args(["issue", "import"]).arg(&file))
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned();
    let out = run(tandem(&db)
        .env("TANDEM_TRANSLATE_KEY", "libre-key")
        .args([
            "translate",
            &id,
            "--from",
            "fr",
            "--service",
            "libretranslate",
            "--url",
        ])
        .arg(server.url()));
    assert!(out.status.success());
    let report = last_json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        report["flagged"],
        serde_json::json!([{"block": 1, "term": "Service des Tutelles", "expected": "Dienst Voogdij"}])
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not rendered as"));
}

#[test]
fn hostile_markup_from_the_service_is_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = issue(dir.path());
    let server = TranslateServer::start(KEY, None).unwrap();
    server.hostile(true).unwrap();
    let out = ok(&mut translate(&db, &server, "deepl", &[]));
    assert!(last_json(&out)["dropped"].as_u64().unwrap() > 0);
    let issue = serde_json::to_string(&exported(&db, dir.path())).unwrap();
    for bad in ["<script", "alert(", "onclick", "javascript:", "<blink"] {
        assert!(!issue.contains(bad), "{bad} in {issue}");
    }
    // And the Dutch edition a reader gets has none of it either.
    let html = ok(tandem(&db).args(["render", "1", "--edition", "nl"]));
    for bad in ["<script", "onclick", "javascript:"] {
        assert!(!html.contains(bad), "{bad} in the Dutch edition");
    }
    assert!(
        html.contains("De <strong>voogd</strong>") || html.contains("<strong>voogd</strong>"),
        "the draft is there"
    );
}

#[test]
fn each_service_error_says_what_to_do_and_leaves_the_issue_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = issue(dir.path());
    let server = TranslateServer::start(KEY, None).unwrap();
    let before = exported(&db, dir.path());
    let fails = |cmd: &mut Command, needle: &str| {
        let out = run(cmd);
        assert!(!out.status.success(), "{needle}: succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{needle} not in {err}");
    };
    // A wrong key: the server's 403.
    fails(
        translate(&db, &server, "deepl", &[]).env("TANDEM_TRANSLATE_KEY", "wrong:fx"),
        "refused the key (403)",
    );
    // The month's quota used up.
    server.fault("456", 1).unwrap();
    fails(
        &mut translate(&db, &server, "deepl", &["--block", "3"]),
        "quota",
    );
    // Too many requests, again and again (four 429 in a row: three retries, then stop).
    server.fault("429", 4).unwrap();
    fails(
        &mut translate(&db, &server, "deepl", &["--block", "3"]),
        "slow down (429)",
    );
    // Not answering in time.
    server.fault("timeout", 1).unwrap();
    fails(
        &mut translate(&db, &server, "deepl", &["--block", "3", "--timeout", "1"]),
        "did not answer in time",
    );
    // An answer that goes on and on (64 MB): read no further than any answer can be.
    server.fault("huge", 1).unwrap();
    fails(
        &mut translate(&db, &server, "deepl", &["--block", "3"]),
        "the answer is longer than",
    );
    // A paragraph longer than the service takes, alone.
    server.max_chars(30).unwrap();
    fails(
        &mut translate(&db, &server, "deepl", &["--block", "1"]),
        "too long for the translation service (413)",
    );
    assert_eq!(
        exported(&db, dir.path()),
        before,
        "nothing was half-written"
    );

    // 429 twice then an answer: retried; 413 for the whole body: sent one paragraph at
    // a time.
    server.max_chars(110).unwrap();
    server.fault("429", 2).unwrap();
    let report = last_json(&ok(&mut translate(
        &db,
        &server,
        "deepl",
        &["--block", "1"],
    )));
    assert_eq!(report["fields"], 3, "{report}");
    let issue = exported(&db, dir.path());
    assert_eq!(
        issue["blocks"][0]["body"]["nl"],
        "De **voogd** is *aangesteld* door de [dienst](<https://www.just.fgov.be/tutelle>).\n\n- een kind\n- twee kinderen"
    );
    // No service set up at all.
    let out = run(tandem(&db).args(["translate", "1", "--from", "fr"]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no translation service is set"));
}
