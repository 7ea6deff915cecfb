const COMMANDS: &[&str] = &[
    "app_info",
    "set_ui_language",
    "list_issues",
    "get_issue",
    "new_issue",
    "save_issue_meta",
    "save_block",
    "add_block",
    "duplicate_block",
    "insert_block",
    "delete_block",
    "move_block",
    "preview_info",
    "upload_image",
    "export_archive",
    "export_eml",
    "export_ledger",
    "export_contacts",
    "contact_summary",
    "search_contacts",
    "read_contacts_file",
    "recheck_contacts_file",
    "apply_contacts_import",
    "unsubscribe_contact",
    "erase_contact",
    "save_contact",
    "bulk_contacts",
    "smtp_settings",
    "save_smtp_settings",
    "test_smtp",
    "send_overview",
    "start_send",
    "test_send",
    "resume_send",
    "pause_send",
    "cancel_send",
    "send_status",
    "send_runs",
    "send_ledger",
    "retry_failed",
];

fn main() {
    // Declaring the app's commands makes each one a permission that a capability must
    // grant (capabilities/main.json), instead of every command being open to the page.
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script");
}
