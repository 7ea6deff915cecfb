//! Issue files from outside (`tandem issue import`, the composer's import): a file too
//! large, too many blocks or a text longer than any newsletter's is refused with what
//! is wrong, and nothing is stored.

use tandem_core::exchange::{self, MAX_ISSUE_FILE_BYTES};
use tandem_core::model::{ProblemKind, MAX_BLOCKS, MAX_BODY_CHARS, MAX_LINE_CHARS};
use tandem_core::store::Store;

fn sample() -> serde_json::Value {
    serde_json::from_str(include_str!("../../src/sample/issue.json")).unwrap()
}

fn import(value: &serde_json::Value) -> (Result<i64, exchange::ExchangeError>, usize) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("issue.json");
    std::fs::write(&file, value.to_string()).unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    let result = exchange::import_issue(&mut store, &file);
    let stored = store.issues().unwrap().len();
    (result, stored)
}

fn kinds(err: &exchange::ExchangeError) -> Vec<ProblemKind> {
    match err {
        exchange::ExchangeError::File(tandem_core::model::FileError::Invalid(problems)) => {
            problems.iter().map(|p| p.kind.clone()).collect()
        }
        other => panic!("not a list of problems: {other}"),
    }
}

#[test]
fn an_issue_file_past_the_limits_is_refused_and_nothing_is_stored() {
    // The sample itself is well within them.
    let (ok, stored) = import(&sample());
    assert!(ok.is_ok(), "{ok:?}");
    assert_eq!(stored, 1);

    // More blocks than an issue holds.
    let mut many = sample();
    let divider = serde_json::json!({"kind": "divider"});
    let blocks = many["blocks"].as_array_mut().unwrap();
    while blocks.len() <= MAX_BLOCKS {
        blocks.push(divider.clone());
    }
    let (err, stored) = import(&many);
    let err = err.unwrap_err();
    assert_eq!(err.code(), "error-issue-invalid");
    assert_eq!(
        kinds(&err),
        [ProblemKind::TooManyBlocks { max: MAX_BLOCKS }]
    );
    assert_eq!(stored, 0);

    // A title longer than any line, a body longer than any article.
    let mut long = sample();
    let blocks = long["blocks"].as_array_mut().unwrap();
    let article = blocks
        .iter_mut()
        .find(|b| b["kind"] == "article")
        .expect("the sample has an article");
    article["title"]["fr"] = "T".repeat(MAX_LINE_CHARS + 1).into();
    article["body"]["nl"] = "woord ".repeat(MAX_BODY_CHARS / 5).into();
    let (err, stored) = import(&long);
    let kinds = kinds(&err.unwrap_err());
    assert!(
        kinds.contains(&ProblemKind::TooLong {
            max: MAX_LINE_CHARS
        }),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&ProblemKind::TooLong {
            max: MAX_BODY_CHARS
        }),
        "{kinds:?}"
    );
    assert_eq!(stored, 0);

    // A file larger than any issue: refused before it is read.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("issue.json");
    std::fs::File::create(&file)
        .unwrap()
        .set_len(MAX_ISSUE_FILE_BYTES + 1)
        .unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    let err = exchange::import_issue(&mut store, &file).unwrap_err();
    assert_eq!(err.code(), "error-issue-file-too-large");
}
