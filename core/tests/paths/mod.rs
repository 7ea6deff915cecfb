//! A user whose name is not ASCII (`C:\Users\Zoë Çelik`, `/home/zoë`): the database,
//! issue files, images and the web archive all live under such a folder.

use tandem_core::exchange;
use tandem_core::model::Edition;
use tandem_core::store::Store;

#[test]
fn everything_works_under_a_folder_named_for_zoe_celik() {
    let base = tempfile::tempdir().unwrap();
    let home = base.path().join("Zoë Çelik").join("Données de l'équipe");
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("tandem.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let id = store
        .seed_sample_once()
        .unwrap()
        .expect("the sample is seeded");

    // Out as a folder, back in as a new issue, with its images.
    let exported = exchange::export_issue(&store, id, &home.join("Numéro 1")).unwrap();
    assert!(exported.starts_with(&home));
    let again = exchange::import_issue(&mut store, &exported).unwrap();
    assert_ne!(again, id);
    let archive =
        exchange::export_archive(&store, again, Edition::Bilingual, &home.join("Archive été"))
            .unwrap();
    let html = std::fs::read_to_string(&archive).unwrap();
    assert!(html.contains("<html"), "{}", &html[..html.len().min(200)]);
    drop(store);

    // The same file reopens.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.issues().unwrap().len(), 2);
}
