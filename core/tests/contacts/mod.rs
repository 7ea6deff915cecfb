//! Imports of real export files into a real database: who came in, with which language
//! and exact names, and which rows were reported; all-or-nothing; never re-subscribing;
//! export → import is the identity.

use std::path::Path;

use tandem_core::contacts::{
    export_csv, parse, ContactLanguage, ContactStatus, ImportOptions, OnDuplicate, SourceEncoding,
    MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_LISTED_PROBLEMS, MAX_ROWS,
};
use tandem_core::contacts::{Contact, ImportReport};
use tandem_core::store::Store;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/contacts")
            .join(name),
    )
    .unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    (dir, store)
}

/// Unique tokens across every import of a test run.
fn counter() -> impl FnMut() -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    || {
        format!(
            "token-{}",
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        )
    }
}

fn import(store: &mut Store, name: &str, options: ImportOptions) -> ImportReport {
    let parsed = parse(&fixture(name), &options).unwrap();
    store
        .apply_import(&parsed, options.on_duplicate, &mut counter())
        .unwrap()
}

fn reasons(report: &ImportReport) -> Vec<(u64, String, String)> {
    report
        .rejected
        .iter()
        .map(|p| (p.line, p.email.clone(), p.reason.clone()))
        .collect()
}

fn default(lang: ContactLanguage) -> ImportOptions {
    ImportOptions {
        default_language: Some(lang),
        ..Default::default()
    }
}

#[test]
fn a_belgian_excel_export_in_windows_1252_with_semicolons() {
    let parsed = parse(&fixture("belgian-excel.csv"), &ImportOptions::default()).unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Windows1252);
    assert_eq!(parsed.delimiter, ';');
    let (_d, mut store) = store();
    let report = import(&mut store, "belgian-excel.csv", ImportOptions::default());
    assert_eq!((report.rows, report.imported), (4, 3));
    assert_eq!(
        reasons(&report),
        [(5, "jan.peeters@example".into(), "invalid-email".into())]
    );

    let helene = store.contact("HELENE.DUBOIS@example.be").unwrap();
    assert_eq!(
        (helene.first_name.as_str(), helene.last_name.as_str()),
        ("Hélène", "Dubois")
    );
    assert_eq!(helene.organisation, "Service droit des jeunes; Bruxelles");
    assert_eq!(helene.language, ContactLanguage::Fr);
    assert_eq!(helene.lists, ["membres"]);
    let gv = store.contact("g.vandenbroeck@example.be").unwrap();
    assert_eq!(
        (gv.first_name.as_str(), gv.language),
        ("Geneviève", ContactLanguage::Nl)
    );
    let fl = store.contact("francois.lefevre@example.be").unwrap();
    assert_eq!(
        fl.email, "Francois.Lefevre@Example.be",
        "stored trimmed, case kept"
    );
    assert_eq!(fl.language, ContactLanguage::Both);
    assert_eq!(fl.lists, ["membres", "presse"]);
    assert_eq!(fl.status, ContactStatus::Subscribed);
}

#[test]
fn an_outlook_export_with_bom_and_multi_line_notes_needs_a_default_language() {
    let (_d, mut store) = store();
    let without = import(&mut store, "outlook.csv", ImportOptions::default());
    assert_eq!(without.imported, 0);
    assert!(
        without
            .rejected
            .iter()
            .all(|p| p.reason == "missing-language"),
        "{without:?}"
    );

    let report = import(&mut store, "outlook.csv", default(ContactLanguage::Fr));
    assert_eq!((report.rows, report.imported), (2, 2), "{report:?}");
    let anne = store.contact("anne.martin@example.org").unwrap();
    assert_eq!(
        anne.notes,
        "Rencontrée au colloque.\r\nRappeler en janvier; urgent"
    );
    assert_eq!(anne.organisation, "Caritas International");
    assert_eq!(anne.lists, ["Presse"]);
    assert_eq!(
        store.contact("pieter.desmet@example.be").unwrap().language,
        ContactLanguage::Fr
    );
}

#[test]
fn an_excel_unicode_text_file_in_utf16_with_tabs() {
    let parsed = parse(&fixture("unicode-text.txt"), &ImportOptions::default()).unwrap();
    assert_eq!(
        (parsed.encoding, parsed.delimiter),
        (SourceEncoding::Utf16Le, '\t')
    );
    let (_d, mut store) = store();
    let report = import(&mut store, "unicode-text.txt", ImportOptions::default());
    assert_eq!(report.imported, 2, "{report:?}");
    let zoe = store.contact("zoe.celik@example.be").unwrap();
    assert_eq!(
        (zoe.first_name.as_str(), zoe.last_name.as_str()),
        ("Zoë", "Çelik")
    );
    assert_eq!(zoe.language, ContactLanguage::Both);
    assert_eq!(
        store.contact("sofie.janssens@example.be").unwrap().language,
        ContactLanguage::Nl
    );
}

#[test]
fn a_google_contacts_export_with_labels_as_lists() {
    let (_d, mut store) = store();
    let report = import(&mut store, "google.csv", default(ContactLanguage::Nl));
    assert_eq!(report.imported, 2, "{report:?}");
    let marie = store.contact("marie.lambert@example.be").unwrap();
    assert_eq!(marie.organisation, "Défense des Enfants International");
    assert_eq!(marie.lists, ["Membres", "Presse"]);
    let tom = store.contact("tom.claes@example.be").unwrap();
    assert!(tom.lists.is_empty());
    assert_eq!(tom.notes, "Taal: NL");
}

#[test]
fn mixed_line_ends_and_garbage_rows_are_each_reported_with_their_line() {
    let (_d, mut store) = store();
    let report = import(&mut store, "mixed.csv", ImportOptions::default());
    assert_eq!(report.imported, 3, "{report:?}");
    assert_eq!(
        reasons(&report),
        [
            (4, "------".into(), "invalid-email".into()),
            (5, "".into(), "missing-email".into()),
            (6, "not-an-address".into(), "invalid-email".into()),
            (7, "OK.ONE@example.be".into(), "duplicate-in-file".into()),
            (
                8,
                "no.language@example.be".into(),
                "missing-language".into()
            ),
        ]
    );
    assert_eq!(report.rows, 8);
    assert_eq!(
        store.contact("ok.two@example.be").unwrap().first_name,
        "Tweede"
    );
    assert_eq!(
        store.contact("ok.three@example.be").unwrap().language,
        ContactLanguage::Both
    );
}

#[test]
fn existing_contacts_are_skipped_or_updated_and_leavers_never_come_back() {
    let (_d, mut store) = store();
    import(&mut store, "belgian-excel.csv", ImportOptions::default());
    store.unsubscribe("helene.dubois@example.be").unwrap();
    store
        .erase("g.vandenbroeck@example.be", &mut counter())
        .unwrap();

    let again = import(&mut store, "belgian-excel.csv", ImportOptions::default());
    assert_eq!((again.imported, again.updated), (0, 0), "{again:?}");
    assert!(again
        .rejected
        .iter()
        .any(|p| p.email == "g.vandenbroeck@example.be" && p.reason == "erased"));
    assert!(
        store.contact("g.vandenbroeck@example.be").is_err(),
        "erased stays erased"
    );

    let update = ImportOptions {
        on_duplicate: OnDuplicate::Update,
        ..Default::default()
    };
    let report = import(&mut store, "belgian-excel.csv", update);
    assert_eq!(
        store.contact("helene.dubois@example.be").unwrap().status,
        ContactStatus::Unsubscribed
    );
    assert_eq!(report.unchanged, 2, "{report:?}");
}

#[test]
fn an_import_is_all_or_nothing() {
    let (_d, mut store) = store();
    let parsed = parse(&fixture("belgian-excel.csv"), &ImportOptions::default()).unwrap();
    // Tokens must be unique: a source that repeats itself makes the second insert fail.
    let err = store.apply_import(&parsed, OnDuplicate::Skip, &mut || "same".to_owned());
    assert!(err.is_err());
    assert!(
        store.contacts(None).unwrap().is_empty(),
        "nothing half-written"
    );
}

#[test]
fn unreadable_files_are_clear_errors() {
    assert_eq!(
        parse(b"", &ImportOptions::default()).unwrap_err().code(),
        "error-import-empty"
    );
    let no_email = parse(b"nom;prenom\nDubois;Anne\n", &ImportOptions::default()).unwrap_err();
    assert_eq!(no_email.code(), "error-import-no-email-column");
    assert!(no_email.to_string().contains("nom, prenom"));
}

fn roundtrip(contacts: &[Contact], excel: bool) -> Vec<Contact> {
    let (_d, mut store) = store();
    let bytes = export_csv(contacts, excel);
    let parsed = parse(&bytes, &ImportOptions::default()).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    store
        .apply_import(&parsed, OnDuplicate::Skip, &mut counter())
        .unwrap();
    store.contacts(None).unwrap()
}

/// "D" and "d", "Éducation" and "ÉDUCATION" are one list, in one import or across
/// imports; the first spelling stays.
#[test]
fn lists_differing_only_in_case_are_one_list_even_beyond_ascii() {
    let (_d, mut store) = store();
    for csv in [
        "email,language,lists\na@example.be,fr,\"D, d, \u{c9}ducation\"\n",
        "email,language,lists\nb@example.be,nl,\"\u{e9}ducation, d\"\n",
    ] {
        let parsed = parse(csv.as_bytes(), &ImportOptions::default()).unwrap();
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        store
            .apply_import(&parsed, OnDuplicate::Skip, &mut counter())
            .unwrap();
    }
    assert_eq!(
        store.contact_summary().unwrap().lists,
        ["D", "\u{c9}ducation"]
    );
    for c in store.contacts(None).unwrap() {
        assert_eq!(c.lists.len(), 2, "{c:?}");
    }
}

fn comparable(
    c: &Contact,
) -> (
    String,
    String,
    String,
    String,
    ContactLanguage,
    Vec<String>,
    ContactStatus,
    String,
    String,
) {
    // List names are case-insensitive ("Presse" and "presse" are one list; a contact
    // in "D" and "d" is in one list).
    let mut lists: Vec<String> = c.lists.iter().map(|l| l.to_lowercase()).collect();
    lists.sort();
    lists.dedup();
    (
        c.email.clone(),
        c.first_name.clone(),
        c.last_name.clone(),
        c.organisation.clone(),
        c.language,
        lists,
        c.status,
        c.consent_source.clone(),
        c.consent_date.clone(),
    )
}

mod property {
    use super::*;
    use proptest::prelude::*;

    fn arb_contact() -> impl Strategy<Value = Contact> {
        let text = "[A-Za-zÀ-ÿ' .;,\"-]{0,12}";
        (
            "[a-z]{1,8}(\\.[a-z]{1,6})?@[a-z]{2,8}\\.(be|org|eu)",
            text,
            text,
            text,
            prop::sample::select(vec![
                ContactLanguage::Fr,
                ContactLanguage::Nl,
                ContactLanguage::Both,
            ]),
            prop::collection::btree_set("[a-zA-Zé]{1,8}", 0..3),
            prop::sample::select(vec![
                ContactStatus::Subscribed,
                ContactStatus::Unsubscribed,
                ContactStatus::Bounced,
            ]),
            text,
            prop::option::of("20[0-2][0-9]-0[1-9]-1[0-9]"),
        )
            .prop_map(
                |(email, first, last, org, language, lists, status, source, date)| Contact {
                    id: 0,
                    email,
                    first_name: first.trim().to_owned(),
                    last_name: last.trim().to_owned(),
                    organisation: org.trim().to_owned(),
                    language,
                    lists: lists.into_iter().collect(),
                    status,
                    status_reason: String::new(),
                    status_at: String::new(),
                    consent_source: source.trim().to_owned(),
                    consent_date: date.unwrap_or_default(),
                    notes: String::new(),
                    unsubscribe_token: String::new(),
                    created_at: String::new(),
                    updated_at: String::new(),
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn export_then_import_is_the_identity(
            contacts in prop::collection::vec(arb_contact(), 1..8),
            excel in any::<bool>(),
        ) {
            let mut seen = std::collections::HashSet::new();
            let contacts: Vec<Contact> =
                contacts.into_iter().filter(|c| seen.insert(c.email.to_lowercase())).collect();
            let back = roundtrip(&contacts, excel);
            let mut want: Vec<_> = contacts.iter().map(comparable).collect();
            let mut got: Vec<_> = back.iter().map(comparable).collect();
            want.sort();
            got.sort();
            prop_assert_eq!(got, want);
        }
    }
}

#[test]
fn searching_filters_and_counts() {
    use tandem_core::contacts::ContactFilter;
    let (_d, mut store) = store();
    import(&mut store, "belgian-excel.csv", ImportOptions::default());
    import(&mut store, "unicode-text.txt", ImportOptions::default());
    let all = store
        .search_contacts(&ContactFilter::default(), 0, 100)
        .unwrap();
    assert_eq!(all.total, 5);
    let by_name = ContactFilter {
        query: "gene".into(),
        ..Default::default()
    };
    let page = store.search_contacts(&by_name, 0, 100).unwrap();
    assert_eq!(
        page.rows
            .iter()
            .map(|c| c.email.as_str())
            .collect::<Vec<_>>(),
        ["g.vandenbroeck@example.be"]
    );
    let full_name = ContactFilter {
        query: "zoë çel".into(),
        ..Default::default()
    };
    assert_eq!(store.search_contacts(&full_name, 0, 10).unwrap().total, 1);
    let nl_members = ContactFilter {
        list: Some("leden".into()),
        language: Some(ContactLanguage::Nl),
        ..Default::default()
    };
    assert_eq!(
        store.search_contacts(&nl_members, 0, 10).unwrap().rows[0].first_name,
        "Sofie"
    );
    let second_page = store
        .search_contacts(&ContactFilter::default(), 3, 10)
        .unwrap();
    assert_eq!((second_page.total, second_page.rows.len()), (5, 2));
    let s = store.contact_summary().unwrap();
    assert_eq!((s.total, s.fr, s.nl, s.both, s.subscribed), (5, 1, 2, 2, 5));
    assert_eq!(s.lists, ["leden", "membres", "observateurs", "presse"]);
}

#[test]
fn a_contact_is_added_and_edited_by_hand_and_bad_input_is_refused() {
    use tandem_core::contacts::ContactInput;
    let (_d, mut store) = store();
    let mut input = ContactInput {
        id: None,
        email: " Nora.Haddad@example.be ".into(),
        first_name: "Nora".into(),
        last_name: "Haddad".into(),
        organisation: "SOS Jeunes".into(),
        language: ContactLanguage::Fr,
        lists: vec!["presse".into()],
        notes: String::new(),
    };
    let nora = store.save_contact(&input, &mut counter()).unwrap();
    assert_eq!(
        (nora.email.as_str(), nora.lists.clone()),
        ("Nora.Haddad@example.be", vec!["presse".to_owned()])
    );
    assert_eq!(nora.consent_source, "added by hand");

    input.id = Some(nora.id);
    input.language = ContactLanguage::Both;
    input.lists = vec!["membres".into()];
    let edited = store.save_contact(&input, &mut counter()).unwrap();
    assert_eq!(
        (edited.language, edited.lists),
        (ContactLanguage::Both, vec!["membres".to_owned()])
    );

    let other = ContactInput {
        id: None,
        email: "nora.haddad@EXAMPLE.be".into(),
        ..input.clone()
    };
    let err = store.save_contact(&other, &mut counter()).unwrap_err();
    assert_eq!(err.code(), "error-contact-email-taken");
    let bad = ContactInput {
        id: None,
        email: "nora@".into(),
        ..input.clone()
    };
    assert!(store
        .save_contact(&bad, &mut counter())
        .unwrap_err()
        .to_string()
        .contains("not a valid"));
    assert_eq!(store.contacts(None).unwrap().len(), 1);
    assert_eq!(
        store
            .search_contacts(&Default::default(), 0, 10)
            .unwrap()
            .rows[0]
            .language,
        ContactLanguage::Both
    );
    let found = tandem_core::contacts::ContactFilter {
        query: "sos jeu".into(),
        ..Default::default()
    };
    assert_eq!(store.search_contacts(&found, 0, 10).unwrap().total, 1);
}

#[test]
fn bulk_actions_apply_to_the_ticked_contacts_or_every_match_in_one_go() {
    use tandem_core::contacts::{BulkAction, BulkTarget, ContactFilter};
    let (_d, mut store) = store();
    import(&mut store, "belgian-excel.csv", ImportOptions::default());
    import(&mut store, "unicode-text.txt", ImportOptions::default());
    let all: Vec<String> = store
        .contacts(None)
        .unwrap()
        .into_iter()
        .map(|c| c.email)
        .collect();
    assert_eq!(all.len(), 5);

    // Ticked rows (one address unknown: ignored, not an error).
    let ticked = BulkTarget::Emails {
        emails: vec![all[0].clone(), all[1].clone(), "nobody@example.be".into()],
    };
    let add = BulkAction::AddToList {
        list: "presse".into(),
    };
    let before = already(&store, &all[..2], "presse");
    let added = store.bulk_contacts(&ticked, &add, &mut counter()).unwrap();
    assert_eq!(added, 2 - before);
    for e in &all[..2] {
        assert!(store
            .contact(e)
            .unwrap()
            .lists
            .contains(&"presse".to_owned()));
    }
    let both = BulkAction::SetLanguage {
        language: ContactLanguage::Both,
    };
    store.bulk_contacts(&ticked, &both, &mut counter()).unwrap();
    assert_eq!(
        store.contact(&all[0]).unwrap().language,
        ContactLanguage::Both
    );

    // Every match of a search: the Dutch speakers unsubscribe.
    let nl = BulkTarget::Filter {
        filter: ContactFilter {
            language: Some(ContactLanguage::Nl),
            ..Default::default()
        },
    };
    let n = store
        .bulk_contacts(&nl, &BulkAction::Unsubscribe, &mut counter())
        .unwrap();
    assert!(n >= 1);
    let s = store.contact_summary().unwrap();
    assert_eq!(s.subscribed, 5 - n);
    let dutch = ContactFilter {
        language: Some(ContactLanguage::Nl),
        ..Default::default()
    };
    let listed = store.contacts_matching(&dutch).unwrap();
    assert!(listed.iter().all(|c| c.language == ContactLanguage::Nl));
    assert_eq!(
        listed.len(),
        store.search_contacts(&dutch, 0, 100).unwrap().total
    );

    // Erasing a selection keeps only hashes: a re-import does not bring them back.
    let erased = store
        .bulk_contacts(&ticked, &BulkAction::Erase, &mut counter())
        .unwrap();
    assert_eq!(erased, 2);
    assert_eq!(store.contacts(None).unwrap().len(), 3);
    let again = import(&mut store, "belgian-excel.csv", ImportOptions::default());
    assert_eq!(store.contacts(None).unwrap().len(), 3, "{again:?}");

    let empty = BulkAction::AddToList { list: "  ".into() };
    assert!(store
        .bulk_contacts(&ticked, &empty, &mut counter())
        .is_err());
}

/// How many of `emails` are already on `list`.
fn already(store: &Store, emails: &[String], list: &str) -> usize {
    emails
        .iter()
        .filter(|e| store.contact(e).unwrap().lists.iter().any(|l| l == list))
        .count()
}

/// An Excel workbook as staff keep their contacts: French headers, accented names, a
/// consent date typed as a date, a blank row, a bad address and a repeated one.
fn workbook(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let headers = [
        "Adresse e-mail",
        "Prénom",
        "Nom",
        "Organisation",
        "Langue",
        "Date du consentement",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [[&str; 5]; 4] = [
        [
            "helene.dubois@example.be",
            "Hélène",
            "Dubois",
            "Service droit des jeunes",
            "français",
        ],
        ["jan.peeters@example.be", "Jan", "Peeters", "", "NL"],
        ["pas-une-adresse", "Zoë", "Çelik", "", "fr"],
        ["HELENE.DUBOIS@example.be", "Hélène", "Dubois", "", "fr"],
    ];
    // Row 3 (index 2) stays blank, as in a hand-kept sheet.
    for (i, row) in rows.iter().enumerate() {
        let r = if i < 2 { i as u32 + 1 } else { i as u32 + 2 };
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r, c as u16, *v).unwrap();
        }
        sheet
            .write_datetime_with_format(r, 5, ExcelDateTime::from_ymd(2025, 3, 14).unwrap(), &date)
            .unwrap();
    }
    sheet.write_number(2, 3, 1060.0).unwrap(); // an organisation typed as a number
    std::fs::write(path, book.save_to_buffer().unwrap()).unwrap();
}

#[test]
fn an_excel_workbook_is_read_from_its_first_sheet_with_sheet_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.xlsx");
    workbook(&path);
    let bytes = std::fs::read(&path).unwrap();
    let parsed = parse(&bytes, &ImportOptions::default()).unwrap();
    assert_eq!(parsed.encoding, SourceEncoding::Spreadsheet);
    assert_eq!(parsed.rows, 4, "the blank row is not counted");
    let helene = &parsed.valid[0];
    assert_eq!(
        (
            helene.first_name.as_str(),
            helene.language,
            helene.consent_date.as_str()
        ),
        ("Hélène", ContactLanguage::Fr, "2025-03-14")
    );
    assert_eq!(
        parsed.valid[1].organisation, "1060",
        "a number reads as typed"
    );
    assert_eq!(parsed.valid[1].language, ContactLanguage::Nl);
    let problems: Vec<(u64, &str)> = parsed
        .problems
        .iter()
        .map(|p| (p.line, p.reason.as_str()))
        .collect();
    // Rows as the spreadsheet numbers them (header = 1, blank row 4).
    assert_eq!(problems, [(5, "invalid-email"), (6, "duplicate-in-file")]);

    let (_d, mut store) = store();
    let report = store
        .apply_import(&parsed, OnDuplicate::Skip, &mut counter())
        .unwrap();
    assert_eq!(report.imported, 2);
}

#[test]
fn a_damaged_workbook_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.xlsx");
    workbook(&path);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.truncate(bytes.len() / 2);
    let err = parse(&bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "error-import-spreadsheet", "{err}");
}

// --- Hostile or mistaken files stay bounded (issue 20 §11) ---

#[test]
fn a_workbook_that_unzips_past_the_limit_is_refused_before_it_is_read() {
    // ~70,000 rows each with a 1,000-character cell: 70 MB of sheet in a small file.
    let long = "x".repeat(1_000);
    let row = format!(
        r#"<row r="{{r}}"><c r="A{{r}}" t="inlineStr"><is><t>a{{r}}@example.be</t></is></c><c r="B{{r}}" t="inlineStr"><is><t>fr</t></is></c><c r="C{{r}}" t="inlineStr"><is><t>{long}</t></is></c></row>"#
    );
    let bytes = tandem_testkit::xlsx_with_rows(70_000, &row);
    assert!(bytes.len() < 4 << 20, "{} bytes on disk", bytes.len());
    let err = parse(&bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "error-import-too-large", "{err}");
    assert!(
        err.to_string().contains("xl/worksheets/sheet1.xml"),
        "{err}"
    );

    // The same workbook whose zip directory says the sheet is 1,000 bytes: still
    // refused, from what it really unzips to.
    let lying = with_declared_size(bytes, "xl/worksheets/sheet1.xml", 1_000);
    let err = parse(&lying, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "error-import-too-large", "{err}");
    assert!(
        err.to_string().contains("xl/worksheets/sheet1.xml"),
        "{err}"
    );
}

/// A zip whose local header and central directory declare `size` bytes unzipped for
/// the part `name` (a lie, as a hostile file may tell).
fn with_declared_size(mut zip: Vec<u8>, name: &str, size: u32) -> Vec<u8> {
    let mut patched = 0;
    for i in 0..zip.len().saturating_sub(46) {
        // (signature, where the name starts, where the unzipped size is)
        let at = match &zip[i..i + 4] {
            b"PK\x03\x04" => Some((30, 22)),
            b"PK\x01\x02" => Some((46, 24)),
            _ => None,
        };
        if let Some((name_at, size_at)) = at {
            if zip[i + name_at..].starts_with(name.as_bytes()) {
                zip[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
    }
    assert_eq!(patched, 2, "the local header and the directory entry");
    zip
}

#[test]
fn long_cells_are_refused_row_by_row_and_only_the_first_problems_listed() {
    // A workbook within the limit, read cell by cell: 1,500 rows with a name longer than
    // anyone's, 10 good ones.
    let long = "y".repeat(MAX_CELL_CHARS + 1);
    let mut rows = String::new();
    for i in 0..1_500 {
        rows.push_str(&format!("bad{i}@example.be;fr;{long}\n"));
    }
    for i in 0..10 {
        rows.push_str(&format!("good{i}@example.be;nl;Naam\n"));
    }
    let csv = format!("email;langue;nom\n{rows}");
    let bad_row = format!(
        r#"<row r="{{r}}"><c r="A{{r}}" t="inlineStr"><is><t>b{{r}}@example.be</t></is></c><c r="B{{r}}" t="inlineStr"><is><t>fr</t></is></c><c r="C{{r}}" t="inlineStr"><is><t>{long}</t></is></c></row>"#
    );
    let xlsx = tandem_testkit::xlsx_with_rows(1_500, &bad_row);
    for (what, bytes) in [("csv", csv.into_bytes()), ("xlsx", xlsx)] {
        let parsed = parse(&bytes, &ImportOptions::default()).unwrap();
        assert_eq!(parsed.problems.len(), MAX_LISTED_PROBLEMS, "{what}");
        assert_eq!(parsed.problems_total(), 1_500, "{what}");
        assert_eq!(parsed.problem_counts.len(), 1, "{what}");
        assert_eq!(parsed.problem_counts[0].reason, "cell-too-long");
        assert!(parsed.problems.iter().all(|p| !p.email.contains("yyyy")));
        if what == "csv" {
            assert_eq!(parsed.valid.len(), 10);
            assert_eq!(parsed.problems[0].line, 2);
        } else {
            assert_eq!(parsed.problems[0].line, 2, "the sheet's row number");
        }
        // The import's report is bounded the same way, and counts them all.
        let (_dir, mut store) = store();
        let report = store
            .apply_import(&parsed, OnDuplicate::Skip, &mut counter())
            .unwrap();
        assert_eq!(report.rejected.len(), MAX_LISTED_PROBLEMS);
        assert_eq!(report.rejected_counts[0].count, 1_500);
    }
}

#[test]
fn too_many_rows_and_too_large_files_are_refused_with_what_to_do() {
    let mut csv = String::from("email;langue\n");
    for i in 0..=MAX_ROWS {
        csv.push_str(&format!("r{i}@example.be;fr\n"));
    }
    let err = parse(csv.as_bytes(), &ImportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "error-import-too-many-rows");
    // Exactly the limit is fine.
    let at_limit: String = csv
        .lines()
        .take(MAX_ROWS + 1)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        parse(at_limit.as_bytes(), &ImportOptions::default())
            .unwrap()
            .valid
            .len(),
        MAX_ROWS
    );

    // Larger than any contacts list: refused before it is read at all.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = tandem_core::contacts::read_file(&path).unwrap_err();
    assert_eq!(err.code(), "error-import-too-large");
    let err = parse(
        &vec![b'a'; MAX_FILE_BYTES as usize + 1],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "error-import-too-large");
}
