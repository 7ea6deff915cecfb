// The smallest Tauri 2 app: one window, one static page.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the hello-world app starts");
}
