//! `cargo xtask bench`, translation: the release `tandem translate` filling the Dutch
//! side of the sample issue (its Dutch removed) from a DeepL-compatible test server on
//! 127.0.0.1, against replaying the very requests it made with a plain HTTP client (the
//! server's own time): the difference per block is Tandem's overhead (reading and
//! writing the issue, HTML out and back, the glossary, process start). Also the
//! characters sent against the sample's total. Best of three. Asserts nothing but that
//! every missing side was filled.

mod common;

use std::time::{Duration, Instant};

use common::{ok, tandem};
use tandem_core::model::{Issue, Lang, TextField};
use tandem_testkit::TranslateServer;

const KEY: &str = "bench-key:fx";
const ROUNDS: usize = 3;

/// Characters of every text of the issue, both languages.
fn characters(issue: &Issue) -> usize {
    let mut issue = issue.clone();
    let mut n = 0;
    for lang in Lang::BOTH {
        n += issue.subject.get(lang).chars().count() + issue.preheader.get(lang).chars().count();
    }
    for block in &mut issue.blocks {
        for field in block.text_fields() {
            for lang in Lang::BOTH {
                n += match &field {
                    TextField::Plain(t) => t.get(lang).chars().count(),
                    TextField::Rich(r) => r.get(lang).plain_text().chars().count(),
                };
            }
        }
    }
    n
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Issue::sample();
    let mut french_only = sample.clone();
    french_only.subject.nl.clear();
    french_only.preheader.nl.clear();
    for block in &mut french_only.blocks {
        for field in block.text_fields() {
            match field {
                TextField::Plain(t) => t.nl.clear(),
                TextField::Rich(r) => r.nl = Default::default(),
            }
        }
    }
    let file = dir.path().join("issue.json");
    std::fs::write(&file, french_only.to_json()).unwrap();

    let (mut ours, mut replay) = (Vec::new(), Vec::new());
    let mut report = serde_json::Value::Null;
    for round in 0..ROUNDS {
        let server = TranslateServer::start(KEY, None).unwrap();
        let db = dir.path().join(format!("round{round}.sqlite3"));
        ok(tandem(&db).args(["issue", "import"]).arg(&file));
        let start = Instant::now();
        let out = ok(tandem(&db)
            .env("TANDEM_TRANSLATE_KEY", KEY)
            .args([
                "translate",
                "1",
                "--from",
                "fr",
                "--service",
                "deepl",
                "--url",
            ])
            .arg(server.url()));
        ours.push(start.elapsed());
        report = serde_json::from_str(out.trim().lines().last().unwrap()).unwrap();
        // The same requests, replayed one after the other by a plain client.
        let requests = server.requests().unwrap();
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .build();
        let start = Instant::now();
        for r in requests.iter().filter(|r| r["method"] == "POST") {
            agent
                .post(&format!("{}{}", server.url(), r["path"].as_str().unwrap()))
                .set("Authorization", r["auth"].as_str().unwrap())
                .set("Content-Type", "application/json")
                .send_string(&r["body"].to_string())
                .unwrap();
        }
        replay.push(start.elapsed());
    }
    let blocks = report["blocks"].as_u64().unwrap();
    assert!(report["fields"].as_u64().unwrap() > 0, "{report}");
    let best = |v: &[Duration]| v.iter().min().copied().unwrap();
    let (o, r) = (best(&ours), best(&replay));
    let total = characters(&sample);
    println!("translation: the sample issue's Dutch side from its French, DeepL-compatible server on 127.0.0.1");
    println!(
        "  characters sent: {} of the sample's {total} ({:.0}%: only the missing sides, each once)",
        report["characters"],
        report["characters"].as_u64().unwrap() as f64 * 100.0 / total as f64
    );
    println!(
        "  tandem translate        {:>6.0} ms ({blocks} blocks incl. subject/preheader, {} fields)",
        o.as_secs_f64() * 1e3,
        report["fields"]
    );
    println!(
        "  the same requests alone {:>6.0} ms",
        r.as_secs_f64() * 1e3
    );
    println!(
        "  ratio {:.2}x; Tandem's own time {:.1} ms per block (goal: under 50 ms)",
        o.as_secs_f64() / r.as_secs_f64(),
        (o.as_secs_f64() - r.as_secs_f64()) * 1e3 / blocks as f64
    );
}
