//! `cargo xtask bench`: each scenario timed against its reference, side by side in the
//! same run (interleaved rounds, so machine noise hits both alike), printed as a ratio.
//! Nothing here asserts a time; the figures are for people to read.
//!
//! Scenarios:
//! - rendering each edition of a 30-block issue with images, against the 2 ms budget
//!   set in the compose issue;
//! - importing a 24-megapixel camera JPEG (decode, orient, resize to 1200 px, re-encode)
//!   vs ImageMagick's `convert -resize 1200x` on the same file (goal ≤ 1×);
//! - opening a new database with Tandem's store (pragmas + embedded migrations) vs
//!   opening one with bare rusqlite and running the same schema SQL;
//! - formatting a UI message with Fluent vs copying the same text into a String;
//! - a verified backup of 120,000 contacts and issues with images vs the sqlite3 shell's
//!   `.backup` + `PRAGMA integrity_check` on the same file (goal ≤ 1.2×), and saving a
//!   block (a keystroke) while a backup runs vs on an idle file.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tandem_core::i18n::{Domain, Localizer};
use tandem_core::model::{
    Bilingual, Block, BlockKind, Edition, ImageRef, Issue, Link, RichText, UiLanguage,
};
use tandem_core::render::{email_html, RenderOptions};
use tandem_core::store::Store;

/// Times `f` over enough iterations to last about `budget`, returning ns per call.
fn time_per_call(budget: Duration, f: &mut dyn FnMut()) -> f64 {
    let mut iterations = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..iterations {
            f();
        }
        let elapsed = start.elapsed();
        if elapsed >= budget {
            return elapsed.as_nanos() as f64 / iterations as f64;
        }
        iterations = (iterations * 2).max(1);
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Interleaves rounds of `subject` and `reference` and prints medians and the ratio.
fn scenario(name: &str, goal: &str, subject: &mut dyn FnMut(), reference: &mut dyn FnMut()) {
    let rounds = 11;
    let budget = Duration::from_millis(40);
    let (mut s, mut r) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        s.push(time_per_call(budget, subject));
        r.push(time_per_call(budget, reference));
    }
    let (s, r) = (median(s), median(r));
    println!(
        "{name:<48} {:>12} vs reference {:>12}   ratio {:>6.2}x   (goal: {goal})",
        human(s),
        human(r),
        s / r
    );
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// Times `f` alone (for absolute budgets), median of rounds.
fn measure(f: &mut dyn FnMut()) -> f64 {
    let rounds: Vec<f64> = (0..11)
        .map(|_| time_per_call(Duration::from_millis(40), f))
        .collect();
    median(rounds)
}

/// A 30-block issue: the sample's blocks repeated, with an image in every article.
fn thirty_blocks() -> Issue {
    let mut issue = Issue::sample();
    let image = ImageRef {
        src: "assets/photo.jpg".into(),
        alt: Bilingual::new("Une classe".into(), "Een klas".into()),
        width: Some(1200),
        height: Some(800),
    };
    let base = issue.blocks.clone();
    issue.blocks = base.iter().cycle().take(29).cloned().collect();
    for (i, b) in issue.blocks.iter_mut().enumerate() {
        if let BlockKind::Article { image: img, .. } = &mut b.kind {
            *img = Some(image.clone());
        }
        if i % 10 == 9 {
            *b = Block::new(BlockKind::Image {
                image: image.clone(),
                caption: None,
            });
        }
    }
    issue.blocks.push(Block::new(BlockKind::Article {
        title: Bilingual::new("Fin".into(), "Einde".into()),
        body: Bilingual::new(
            RichText::from_markdown("Merci."),
            RichText::from_markdown("Dank."),
        ),
        image: None,
        link: Some(Link {
            url: "https://example.org".into(),
            label: Bilingual::default(),
        }),
    }));
    issue
}

/// A 6000×4000 (24 MP) photo-like JPEG, as a camera would produce.
fn camera_jpeg(path: &std::path::Path) {
    let img = image::RgbImage::from_fn(6000, 4000, |x, y| {
        let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) >> 27;
        image::Rgb([
            ((x / 24 + n) % 256) as u8,
            ((y / 16 + n * 3) % 256) as u8,
            (((x + y) / 40 + n) % 256) as u8,
        ])
    });
    let mut out = std::fs::File::create(path).unwrap();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    img.write_with_encoder(encoder).unwrap();
}

fn image_import_vs_convert() {
    let has_convert = std::process::Command::new("convert")
        .arg("-version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let dir = std::env::temp_dir().join(format!("tandem-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("camera.jpg");
    camera_jpeg(&src);
    let bytes = std::fs::read(&src).unwrap();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        black_box(tandem_core::media::process(&bytes).unwrap());
        ours.push(t.elapsed().as_secs_f64() * 1e9);
        if has_convert {
            let t = Instant::now();
            let status = std::process::Command::new("convert")
                .arg(&src)
                .args(["-resize", "1200x", "-quality", "85"])
                .arg(dir.join("out.jpg"))
                .status()
                .unwrap();
            assert!(status.success());
            theirs.push(t.elapsed().as_secs_f64() * 1e9);
        }
    }
    let ours = median(ours);
    let name = format!("import 24 MP JPEG ({:.1} MB)", bytes.len() as f64 / 1e6);
    if has_convert {
        let theirs = median(theirs);
        println!(
            "{name:<48} {:>12} vs reference {:>12}   ratio {:>6.2}x   (goal: <= 1x vs convert -resize 1200x)",
            human(ours),
            human(theirs),
            ours / theirs
        );
    } else {
        println!(
            "{name:<48} {:>12} (ImageMagick's convert not found: no reference)",
            human(ours)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// 100,000 contacts as a Belgian Excel export would have them (`;`, quoted names).
fn contacts_csv(path: &std::path::Path, rows: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "Courriel;Langue;Nom;Prénom;Organisation;Listes").unwrap();
    let langs = ["fr", "nl", "fr/nl"];
    for i in 0..rows {
        writeln!(
            out,
            "contact{i}@example{}.be;{};Nom{i};\"Prénom {i}\";Organisation {};membres",
            i % 97,
            langs[i % 3],
            i % 500
        )
        .unwrap();
    }
}

fn contacts_import_vs_sqlite3() {
    let has_sqlite3 = std::process::Command::new("sqlite3")
        .arg("-version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let dir = std::env::temp_dir().join(format!("tandem-bench-contacts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("contacts.csv");
    let rows = 100_000;
    contacts_csv(&csv, rows);
    let (mut ours, mut theirs, mut parse_times) = (Vec::new(), Vec::new(), Vec::new());
    let mut floor = Vec::new();
    for round in 0..3 {
        let db = dir.join(format!("tandem-{round}.sqlite3"));
        let t = Instant::now();
        let mut store = Store::open(&db).unwrap();
        let bytes = std::fs::read(&csv).unwrap();
        let options = tandem_core::contacts::ImportOptions::default();
        let parsed = tandem_core::contacts::parse(&bytes, &options).unwrap();
        parse_times.push(t.elapsed().as_secs_f64() * 1e9);
        let mut n = 0u64;
        let report = store
            .apply_import(&parsed, options.on_duplicate, &mut || {
                n += 1;
                format!("{n:032x}")
            })
            .unwrap();
        ours.push(t.elapsed().as_secs_f64() * 1e9);
        assert_eq!(report.imported, rows);
        if has_sqlite3 {
            let db = dir.join(format!("sqlite3-{round}.sqlite3"));
            let t = Instant::now();
            let status = std::process::Command::new("sqlite3")
                .arg(&db)
                .arg(".mode csv")
                .arg(".separator ;")
                .arg(format!(".import {} contacts", csv.display()))
                .status()
                .unwrap();
            assert!(status.success());
            theirs.push(t.elapsed().as_secs_f64() * 1e9);

            // The floor of Tandem's own schema: the sqlite3 CLI loads the same file into
            // the same tables (unique address and token indexes, lists, WAL), in SQL only.
            let db = dir.join(format!("floor-{round}.sqlite3"));
            drop(Store::open(&db).unwrap());
            let script = format!(
                ".mode csv\n.separator ;\n.import {} raw\nBEGIN;\n\
                 INSERT INTO contacts (email, first_name, last_name, organisation, language,
                   unsubscribe_token, search)
                 SELECT Courriel, \"Prénom\", Nom, Organisation,
                   CASE Langue WHEN 'fr' THEN 'fr' WHEN 'nl' THEN 'nl' ELSE 'both' END,
                   lower(hex(randomblob(16))),
                   lower(Courriel || ' ' || \"Prénom\" || ' ' || Nom || ' ' || Organisation) FROM raw;\n\
                 INSERT INTO lists (name) VALUES ('membres');\n\
                 INSERT INTO contact_lists SELECT id, 1 FROM contacts;\nDROP TABLE raw;\nCOMMIT;\n",
                csv.display()
            );
            let t = Instant::now();
            let mut child = std::process::Command::new("sqlite3")
                .arg(&db)
                .stdin(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(script.as_bytes())
                .unwrap();
            assert!(child.wait().unwrap().success());
            floor.push(t.elapsed().as_secs_f64() * 1e9);
        }
    }
    let ours = median(ours);
    let parse_ns = median(parse_times);
    let name = "import 100,000 contacts (CSV, Excel style)";
    if has_sqlite3 {
        let theirs = median(theirs);
        println!(
            "{name:<48} {:>12} vs reference {:>12}   ratio {:>6.2}x   (goal: <= 2x vs sqlite3 .import; reading and checking the file: {})",
            human(ours),
            human(theirs),
            ours / theirs,
            human(parse_ns)
        );
        let floor = median(floor);
        println!(
            "{:<48} {:>12} vs reference {:>12}   ratio {:>6.2}x   (reference: sqlite3 loading the same file into Tandem's schema in SQL)",
            "  same, against the floor of Tandem's schema",
            human(ours),
            human(floor),
            ours / floor
        );
    } else {
        println!(
            "{name:<48} {:>12} (sqlite3 not found: no reference)",
            human(ours)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    // `cargo bench` passes --bench; there are no options to read.
    println!(
        "scenario                                         Tandem          reference       ratio"
    );

    let issue = thirty_blocks();
    let options = RenderOptions {
        image_base: "cid:".into(),
        image_suffix: String::new(),
        unsubscribe_url: None,
        greeting: None,
    };
    let budget = 2_000_000.0;
    for edition in Edition::ALL {
        let ns = measure(&mut || {
            black_box(email_html(black_box(&issue), edition, &options));
        });
        println!(
            "{:<48} {:>12} vs budget    {:>12}   ratio {:>6.2}x   (goal: < 1x; {} KB of HTML)",
            format!("render 30 blocks, {} edition", edition.code()),
            human(ns),
            human(budget),
            ns / budget,
            email_html(&issue, edition, &options).len() / 1024
        );
    }

    image_import_vs_convert();
    contacts_import_vs_sqlite3();

    let schema = [
        include_str!("../migrations/0001_init.sql"),
        include_str!("../migrations/0002_issues.sql"),
        include_str!("../migrations/0003_contacts.sql"),
    ];
    scenario(
        "open new in-memory db: Store vs bare rusqlite",
        "overhead of the migration layer",
        &mut || {
            black_box(Store::open_in_memory().unwrap());
        },
        &mut || {
            let conn = rusqlite::Connection::open_in_memory().unwrap();
            conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
            for sql in schema {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", schema.len() as i64)
                .unwrap();
            black_box(conn);
        },
    );

    let l = Localizer::new(UiLanguage::Fr, Domain::Ui);
    scenario(
        "UI message: Fluent vs a plain String copy",
        "cost of a Fluent lookup",
        &mut || {
            black_box(l.format(black_box("nav-contacts"), None));
        },
        &mut || {
            black_box(black_box("Contacts").to_owned());
        },
    );

    backup_vs_sqlite3();
}

/// A verified backup (VACUUM INTO, fsync, integrity_check and counts, rename) of a
/// database of 120,000 contacts and a few issues with images, against the sqlite3
/// shell's `.backup` then `PRAGMA integrity_check` of the copy, in one sqlite3 process;
/// then a keystroke's save while a backup runs on another thread, against the same save
/// on an idle file.
fn backup_vs_sqlite3() {
    let has_sqlite3 = std::process::Command::new("sqlite3")
        .arg("-version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let dir = std::env::temp_dir().join(format!("tandem-bench-backup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("contacts.csv");
    contacts_csv(&csv, 120_000);
    let db = dir.join("tandem.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let bytes = std::fs::read(&csv).unwrap();
    let options = tandem_core::contacts::ImportOptions::default();
    let parsed = tandem_core::contacts::parse(&bytes, &options).unwrap();
    let mut n = 0u64;
    store
        .apply_import(&parsed, options.on_duplicate, &mut || {
            n += 1;
            format!("{n:032x}")
        })
        .unwrap();
    let photo = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/images/photo-landscape.jpg"),
    )
    .unwrap();
    let mut issue_id = 0;
    for number in 1..=4 {
        let mut issue = thirty_blocks();
        issue.number = number;
        issue_id = store.create_issue(&issue).unwrap();
        for k in 0..3 {
            store
                .put_asset(
                    issue_id,
                    &tandem_core::store::Asset {
                        name: format!("photo{k}.jpg"),
                        mime: "image/jpeg".into(),
                        width: 1200,
                        height: 800,
                        bytes: photo.clone(),
                    },
                )
                .unwrap();
        }
    }
    store.scrub_wal().unwrap();
    let size = std::fs::metadata(&db).unwrap().len();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..3 {
        let out = dir.join(format!("ours-{round}"));
        let t = Instant::now();
        let made = tandem_core::backup::make(&store, &out, chrono::Utc::now()).unwrap();
        ours.push(t.elapsed().as_secs_f64() * 1e9);
        assert_eq!(made.counts.unwrap().contacts, 120_000);
        if has_sqlite3 {
            let copy = dir.join(format!("sqlite3-{round}.sqlite3"));
            let t = Instant::now();
            let out = std::process::Command::new("sqlite3")
                .arg(&db)
                .arg(format!(".backup '{}'", copy.display()))
                .arg(format!(".open '{}'", copy.display()))
                .arg("PRAGMA integrity_check;")
                .output()
                .unwrap();
            theirs.push(t.elapsed().as_secs_f64() * 1e9);
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
        }
    }
    let name = "verified backup, 120,000 contacts + 4 issues";
    let ours = median(ours);
    if has_sqlite3 {
        let theirs = median(theirs);
        println!(
            "{name:<48} {:>12} vs reference {:>12}   ratio {:>6.2}x   (goal: <= 1.2x vs sqlite3 .backup + integrity_check; {} MB file)",
            human(ours),
            human(theirs),
            ours / theirs,
            size / (1 << 20)
        );
    } else {
        println!(
            "{name:<48} {:>12} (sqlite3 not found: no reference)",
            human(ours)
        );
    }

    // A keystroke while a backup runs: the block's save on the app's connection.
    let block_id: i64 = store
        .connection()
        .query_row(
            "SELECT id FROM blocks WHERE issue_id = ?1 ORDER BY position LIMIT 1",
            [issue_id],
            |r| r.get(0),
        )
        .unwrap();
    let mut block = store.issue(issue_id).unwrap().issue.blocks[0].clone();
    let mut save = |store: &mut Store, i: usize| {
        match &mut block.kind {
            BlockKind::Heading { text: t }
            | BlockKind::Article { title: t, .. }
            | BlockKind::Event { title: t, .. } => t.fr = format!("Titre {i}"),
            _ => {}
        }
        let t = Instant::now();
        store.save_block(issue_id, block_id, &block).unwrap();
        t.elapsed().as_secs_f64() * 1e9
    };
    let idle: Vec<f64> = (0..60).map(|i| save(&mut store, i)).collect();
    let running = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let backups = {
        let (db, out, running) = (db.clone(), dir.join("during"), running.clone());
        std::thread::spawn(move || {
            let other = Store::open(&db).unwrap();
            let mut made = 0;
            while running.load(std::sync::atomic::Ordering::Relaxed) {
                tandem_core::backup::make(&other, &out, chrono::Utc::now()).unwrap();
                made += 1;
            }
            made
        })
    };
    std::thread::sleep(Duration::from_millis(50));
    let during: Vec<f64> = (0..60)
        .map(|i| {
            std::thread::sleep(Duration::from_millis(20));
            save(&mut store, 100 + i)
        })
        .collect();
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    let made = backups.join().unwrap();
    let slowest = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    let (idle_max, during_max) = (slowest(&idle), slowest(&during));
    let (idle, during) = (median(idle), median(during));
    println!(
        "{:<48} {:>12} vs reference {:>12}   ratio {:>6.2}x   (goal: ~1x: a keystroke saved as fast while backing up; slowest {} vs {}; {made} backups ran meanwhile)",
        "  a keystroke's save during a backup vs idle",
        human(during),
        human(idle),
        during / idle,
        human(during_max),
        human(idle_max)
    );
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
