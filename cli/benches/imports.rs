//! The contacts import's peak memory (issue 20 §11: at most 300 MB whatever the file),
//! measured by GNU time's maximum resident size of `tandem contacts import`, for:
//! - a zip bomb: a 4 MB .xlsx whose sheet unzips to 1.5 GB (refused from its directory);
//! - a 1 GB CSV (refused before it is read);
//! - the largest file accepted: a 60 MB CSV of 200,000 contacts with notes, imported;
//! - a 60 MB-unzipped .xlsx of 150,000 contacts, read cell by cell, imported.
//!
//! Each beside its reference, side by side: SQLite's own `.import` of the same CSV (the
//! memory of putting those rows in a database and nothing else), and the budget.

mod common;

use std::path::Path;
use std::process::Command;

use common::tandem;

const BUDGET_KB: u64 = 300 * 1024;

/// Peak resident memory (KB) of `cmd`, run under GNU time, and whether it succeeded.
fn peak(cmd: &Command) -> (u64, bool, String) {
    let mut timed = Command::new("/usr/bin/time");
    timed
        .args(["-f", "%M"])
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => timed.env(k, v),
            None => timed.env_remove(k),
        };
    }
    let out = timed
        .output()
        .expect("/usr/bin/time (Debian's time package)");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let kb = stderr
        .lines()
        .filter_map(|l| l.trim().parse::<u64>().ok())
        .next_back()
        .unwrap_or(0);
    (kb, out.status.success(), stderr)
}

fn line(name: &str, kb: u64, what: &str) {
    println!(
        "  {name:<52} {:>7.1} MB   {:.2}x of the 300 MB budget   {what}",
        kb as f64 / 1024.0,
        kb as f64 / BUDGET_KB as f64
    );
}

fn import(dir: &Path, file: &Path) -> (u64, bool, String) {
    let db = dir.join("t.sqlite3");
    let _ = std::fs::remove_file(&db);
    let mut cmd = tandem(&db);
    cmd.env("TANDEM_LOG_DIR", dir.join("logs"))
        .args(["contacts", "import", "--default-language", "fr"])
        .arg(file);
    peak(&cmd)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!("contacts import, peak memory (GNU time's maximum resident size)");

    // The zip bomb: 1.5 million rows with a 1,000-character cell.
    let long = "x".repeat(1_000);
    let row = format!(
        r#"<row r="{{r}}"><c r="A{{r}}" t="inlineStr"><is><t>a{{r}}@example.be</t></is></c><c r="B{{r}}" t="inlineStr"><is><t>fr</t></is></c><c r="C{{r}}" t="inlineStr"><is><t>{long}</t></is></c></row>"#
    );
    let bomb = dir.path().join("bomb.xlsx");
    std::fs::write(&bomb, tandem_testkit::xlsx_with_rows(1_500_000, &row)).unwrap();
    let size = std::fs::metadata(&bomb).unwrap().len();
    let (kb, ok, err) = import(dir.path(), &bomb);
    assert!(!ok && err.contains("unzips to"), "{err}");
    line(
        &format!(
            "zip bomb .xlsx ({:.1} MB, 1.5 GB unzipped)",
            size as f64 / 1e6
        ),
        kb,
        "refused",
    );

    // 1 GB of CSV rows.
    let huge = dir.path().join("huge.csv");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        writeln!(f, "email;langue;nom;notes").unwrap();
        let mut written = 0u64;
        let mut i = 0u64;
        while written < 1 << 30 {
            let l = format!("r{i}@example.be;fr;Nom {i};{}\n", "n".repeat(200));
            written += l.len() as u64;
            f.write_all(l.as_bytes()).unwrap();
            i += 1;
        }
    }
    let (kb, ok, err) = import(dir.path(), &huge);
    assert!(!ok && err.contains("may be up to"), "{err}");
    line("CSV of 1 GB", kb, "refused");
    std::fs::remove_file(&huge).unwrap();

    // The largest accepted: 200,000 contacts, each with 250 characters of notes.
    let big = dir.path().join("big.csv");
    let mut csv = String::from("email;langue;prénom;nom;organisation;notes\n");
    for i in 0..200_000 {
        csv.push_str(&format!(
            "person{i}@example.be;{};Prénom{i};Nom{i};Organisation {};{}\n",
            ["fr", "nl", "fr/nl"][i % 3],
            i % 97,
            "note ".repeat(50)
        ));
    }
    std::fs::write(&big, &csv).unwrap();
    let (kb, ok, err) = import(dir.path(), &big);
    assert!(ok, "{err}");
    line(
        &format!("CSV of 200,000 contacts ({:.0} MB)", csv.len() as f64 / 1e6),
        kb,
        "imported",
    );
    // Reference: SQLite's own shell importing the same file into a table.
    let refdb = dir.path().join("ref.sqlite3");
    let mut sqlite = Command::new("sqlite3");
    sqlite
        .arg(&refdb)
        .arg(".mode csv")
        .arg(".separator ;")
        .arg(format!(".import {} raw", big.display()));
    let (rkb, rok, rerr) = peak(&sqlite);
    if rok {
        line("  reference: sqlite3 .import of the same CSV", rkb, "");
        println!(
            "  ratio (tandem / sqlite3 .import): {:.2}x  (tandem also checks, maps and indexes every row)",
            kb as f64 / rkb.max(1) as f64
        );
    } else {
        println!("  reference: sqlite3 not run ({})", rerr.trim());
    }

    // A workbook at the edge: 150,000 contacts, about 60 MB of sheet once unzipped.
    let row = r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>w{r}@example.be</t></is></c><c r="B{r}" t="inlineStr"><is><t>nl</t></is></c><c r="C{r}" t="inlineStr"><is><t>Naam met een langere achternaam {r}</t></is></c></row>"#;
    let book = dir.path().join("book.xlsx");
    std::fs::write(&book, tandem_testkit::xlsx_with_rows(150_000, row)).unwrap();
    let (kb, ok, err) = import(dir.path(), &book);
    assert!(ok, "{err}");
    line(
        "xlsx of 150,000 contacts, read cell by cell",
        kb,
        "imported",
    );
}
