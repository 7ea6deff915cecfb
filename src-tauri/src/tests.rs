//! The commands through Tauri's real IPC and capability checks, on a mock runtime (no
//! display needed). The window itself is tested end to end in `tests/`.

use tandem_core::model::UiLanguage;
use tandem_core::store::Store;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

use crate::{configure, AppError, AppState};

fn app(
    state: AppState,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let app = configure(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

fn invoke(
    window: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<serde_json::Value>().unwrap())
}

#[test]
fn the_language_choice_is_saved_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite3");
    let (_app, window) = app(AppState::new(Ok(Store::open(&path).unwrap())));

    invoke(
        &window,
        "set_ui_language",
        serde_json::json!({ "language": "nl" }),
    )
    .unwrap();
    let info = invoke(&window, "app_info", serde_json::json!({})).unwrap();
    assert_eq!(info["ui_language"], "nl");
    assert_eq!(info["schema_version"], tandem_core::store::latest_version());
    assert!(info["store_error"].is_null());
    // And it is really on disk, not just in memory.
    assert_eq!(
        Store::open(&path).unwrap().ui_language().unwrap(),
        Some(UiLanguage::Nl)
    );
}

#[test]
fn an_unknown_language_is_refused_by_deserialisation() {
    let (_app, window) = app(AppState::new(Ok(Store::open_in_memory().unwrap())));
    let err = invoke(
        &window,
        "set_ui_language",
        serde_json::json!({ "language": "de" }),
    );
    assert!(err.is_err(), "{err:?}");
}

#[test]
fn a_database_that_failed_to_open_is_reported_with_its_code() {
    let failure = AppError::new("error-store-not-a-database", "x is not a Tandem database");
    let (_app, window) = app(AppState::new(Err(failure)));
    let info = invoke(&window, "app_info", serde_json::json!({})).unwrap();
    assert_eq!(info["store_error"]["code"], "error-store-not-a-database");
    let err = invoke(
        &window,
        "set_ui_language",
        serde_json::json!({ "language": "fr" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "error-store-not-a-database");
}

#[test]
fn commands_outside_the_capability_are_refused() {
    let (_app, window) = app(AppState::new(Ok(Store::open_in_memory().unwrap())));
    // A core plugin command the page has no permission for.
    let err = invoke(&window, "plugin:window|close", serde_json::json!({})).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn the_composer_opens_on_the_issue_wanted_or_the_first_listed_in_one_call() {
    let (_app, window) = app(AppState::new(Ok(Store::open_in_memory().unwrap())));
    let empty = invoke(
        &window,
        "composer_start",
        serde_json::json!({ "wanted": null }),
    )
    .unwrap();
    assert_eq!(empty["issues"], serde_json::json!([]));
    assert!(empty["issue"].is_null());

    let older =
        invoke(&window, "new_issue", serde_json::json!({})).unwrap()["stored"]["id"].clone();
    let newer =
        invoke(&window, "new_issue", serde_json::json!({})).unwrap()["stored"]["id"].clone();
    let list = invoke(&window, "list_issues", serde_json::json!({})).unwrap();
    let first = list[0]["id"].clone();

    let wanted = invoke(
        &window,
        "composer_start",
        serde_json::json!({ "wanted": older }),
    )
    .unwrap();
    assert_eq!(wanted["issues"], list);
    assert_eq!(wanted["issue"]["stored"]["id"], older);
    assert!(wanted["issue"]["report"].is_object());

    // An issue deleted meanwhile, or none asked for: the first of the list.
    for asked in [serde_json::json!(9_999), serde_json::Value::Null] {
        let start = invoke(
            &window,
            "composer_start",
            serde_json::json!({ "wanted": asked }),
        )
        .unwrap();
        assert_eq!(start["issue"]["stored"]["id"], first);
    }
    assert_ne!(older, newer);
}
