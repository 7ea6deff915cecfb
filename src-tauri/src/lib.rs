//! Tandem's desktop shell: opens the database, registers the commands and the preview
//! protocol, starts the window. Business logic lives in tandem-core; commands only adapt it.

// Commands return `Result<_, AppError>`, serialised straight onto the IPC channel once per
// call; boxing the error would only add an allocation on a cold path.
#![allow(clippy::result_large_err)]

mod auto_backup;
pub mod commands;
mod error;
mod protocol;
mod state;
#[cfg(test)]
mod tests;

pub use error::AppError;
pub use state::AppState;
use tauri::Manager;

/// Adds Tandem's state, commands and protocol to a builder (the real one in [`run`], a
/// mock runtime's in the tests).
pub fn configure<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        // Size, place and maximised state, kept in the data folder (so a data folder of
        // its own, a test's, has its own); a place on no monitor is not restored.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(WINDOW_STATE)
                .with_filename(window_state_file())
                .build(),
        )
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(state)
        .manage(commands::contacts::PendingImport::default())
        .manage(commands::send::Sending::default())
        .manage(auto_backup::AutoBackups::default())
        .manage(commands::account::SignIns::default())
        .manage(commands::updates::PendingUpdate::default())
        .manage(commands::deliverability::Links::default())
        .manage(commands::opened::Opened::default())
        .register_asynchronous_uri_scheme_protocol(protocol::SCHEME, protocol::handle_async)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::set_ui_language,
            commands::dismiss_crash,
            commands::doctor::diagnostic_report,
            commands::opened::take_opened_issue,
            commands::issues::list_issues,
            commands::issues::get_issue,
            commands::issues::composer_start,
            commands::issues::new_issue,
            commands::issues::new_issue_from,
            commands::issues::delete_issue,
            commands::issues::save_issue_meta,
            commands::issues::save_block,
            commands::issues::add_block,
            commands::issues::duplicate_block,
            commands::issues::insert_block,
            commands::issues::delete_block,
            commands::issues::move_block,
            commands::issues::preview_info,
            commands::issues::upload_image,
            commands::export::export_archive,
            commands::export::export_eml,
            commands::export::export_ledger,
            commands::export::export_contacts,
            commands::contacts::contact_summary,
            commands::contacts::search_contacts,
            commands::contacts::read_contacts_file,
            commands::contacts::recheck_contacts_file,
            commands::contacts::apply_contacts_import,
            commands::contacts::unsubscribe_contact,
            commands::contacts::erase_contact,
            commands::contacts::save_contact,
            commands::contacts::bulk_contacts,
            commands::smtp::smtp_settings,
            commands::translate::translate_view,
            commands::translate::save_translate_settings,
            commands::translate::accept_translate_notice,
            commands::translate::save_glossary,
            commands::translate::import_glossary,
            commands::translate::export_glossary,
            commands::translate::translate_usage,
            commands::translate::translate_block,
            commands::translate::translate_meta,
            commands::translate::reread_meta,
            commands::translate::redraft_block,
            commands::translate::accept_redraft,
            commands::mailbox::mailbox_view,
            commands::mailbox::save_mailbox_settings,
            commands::mailbox::test_mailbox,
            commands::mailbox::check_mailbox,
            commands::mailbox::decide_mailbox_request,
            commands::mailbox::undo_mailbox_action,
            commands::account::oauth_account,
            commands::account::sign_in_start,
            commands::account::sign_in_finish,
            commands::account::sign_in_cancel,
            commands::account::sign_out,
            commands::updates::update_view,
            commands::updates::set_update_check_daily,
            commands::updates::check_update,
            commands::updates::check_update_if_due,
            commands::updates::download_update,
            commands::updates::install_update,
            commands::smtp::save_smtp_settings,
            commands::smtp::test_smtp,
            commands::send::send_overview,
            commands::send::start_send,
            commands::send::test_send,
            commands::send::resume_send,
            commands::send::pause_send,
            commands::send::cancel_send,
            commands::send::send_status,
            commands::ledger::send_runs,
            commands::ledger::send_ledger,
            commands::ledger::retry_failed,
            commands::backups::backups_view,
            commands::backups::backup_now,
            commands::backups::set_backup_folder,
            commands::backups::pick_backup_file,
            commands::backups::preview_restore,
            commands::backups::restore_backup,
            commands::backups::dismiss_recovery,
            commands::backups::set_backup_passphrase,
            commands::data_folder::data_folder_view,
            commands::data_folder::propose_data_folder,
            commands::data_folder::move_data_folder,
            commands::deliverability::preflight_issue,
            commands::deliverability::check_sending_domain,
            commands::deliverability::check_arrival,
        ])
}

/// Where the window's state is kept: `window-state.json` in the data folder (an
/// absolute name: the plugin joins it to its own folder, and an absolute one wins).
fn window_state_file() -> String {
    tandem_core::paths::default_data_dir()
        .map(|d| d.join("window-state.json").display().to_string())
        .unwrap_or_else(|| "window-state.json".into())
}

/// What of the window is remembered.
const WINDOW_STATE: tauri_plugin_window_state::StateFlags =
    tauri_plugin_window_state::StateFlags::SIZE
        .union(tauri_plugin_window_state::StateFlags::POSITION)
        .union(tauri_plugin_window_state::StateFlags::MAXIMIZED);

/// The plugin writes the window's state only when the app exits; a crash or a killed
/// process would forget it. Written again half a second after the window last moved
/// or changed size (one write per gesture, not one per pixel).
fn keep_window_state(app: &tauri::AppHandle) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use tauri_plugin_window_state::AppHandleExt;
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let generation = std::sync::Arc::new(AtomicU64::new(0));
    let app = app.clone();
    window.on_window_event(move |event| {
        if matches!(
            event,
            tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)
        ) {
            let mine = generation.fetch_add(1, Ordering::SeqCst) + 1;
            let (generation, app) = (std::sync::Arc::clone(&generation), app.clone());
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(500));
                if generation.load(Ordering::SeqCst) == mine {
                    let _ = app.save_window_state(WINDOW_STATE);
                }
            });
        }
    });
}

/// The program: `tandem-app --cli ARGS…` is the `tandem` command line (the Linux
/// packages install /usr/bin/tandem as a script that calls it so: one copy of the core
/// for both programs); anything else starts the desktop app.
pub fn main() -> std::process::ExitCode {
    let mut args = std::env::args_os().skip(1).peekable();
    if args.next_if(|a| a == "--cli").is_some() {
        return tandem_cli::main_with(std::iter::once("tandem".into()).chain(args));
    }
    run();
    std::process::ExitCode::SUCCESS
}

/// Starts the desktop app on the default database (see `tandem_core::paths`).
pub fn run() {
    // A panic leaves a report in the data folder's logs/, shown at the next start.
    // The log (logs/ of the data folder, a file a day kept a week).
    if let Some(dir) = tandem_core::paths::default_data_dir() {
        tandem_core::logs::init(&dir, "app", tandem_core::logs::Echo::None);
        tandem_core::crash::install(dir, "app");
    }
    let state = AppState::open_default();
    let db = state.db_path();
    // One instance: the single-instance plugin, registered first as its documentation
    // asks (on Linux it finds the running app on the session's D-Bus). A second start
    // brings the running window forward and ends.
    // An issue file given to the second start opens in the running window.
    let builder =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            if let Some(file) = commands::opened::issue_file(&args, std::path::Path::new(&cwd)) {
                commands::opened::open(app, file);
            }
        }));
    configure(builder, state)
        .setup(move |app| {
            if let Some(db) = db {
                app.state::<auto_backup::AutoBackups>().start(db);
            }
            keep_window_state(app.handle());
            // An issue file given to this start.
            let args: Vec<String> = std::env::args().collect();
            let cwd = std::env::current_dir().unwrap_or_default();
            if let Some(file) = commands::opened::issue_file(&args, &cwd) {
                commands::opened::open(app.handle(), file);
            }
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while starting the Tandem window")
        .run(|app, event| {
            // Quitting: a last backup of what changed since the previous one.
            if let tauri::RunEvent::Exit = event {
                app.state::<auto_backup::AutoBackups>().on_exit();
            }
        });
}
