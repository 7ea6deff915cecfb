//! The app's own `tandem:` protocol, serving the preview: the rendered edition of an
//! issue (exactly the HTML that is sent, images aside) and the issue's images. The
//! preview page gets its own strict CSP (no script at all, images only from here) and is
//! shown in a sandboxed frame, so newsletter content can never reach the IPC.

use std::borrow::Cow;

use tandem_core::model::Edition;
use tandem_core::render::{email_html, RenderOptions};
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::{AppError, AppState};

pub const SCHEME: &str = "tandem";

/// The origin of the protocol as the webview sees it.
fn base() -> &'static str {
    if cfg!(any(windows, target_os = "android")) {
        "http://tandem.localhost/"
    } else {
        "tandem://localhost/"
    }
}

const PREVIEW_CSP: &str = "default-src 'none'; img-src tandem: http://tandem.localhost; \
    style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Images in the preview point back at this protocol.
pub fn preview_options(issue_id: i64) -> RenderOptions {
    RenderOptions {
        image_base: format!("{}asset/{issue_id}/", base()),
        image_suffix: String::new(),
        unsubscribe_url: None,
        greeting: None,
    }
}

/// The preview's URL; `version` changes on every call so the frame reloads.
pub fn preview_url(issue_id: i64, edition: Edition, dark: bool, version: u64) -> String {
    let dark = if dark { "&dark=1" } else { "" };
    format!(
        "{}preview/{issue_id}/{}?v={version}{dark}",
        base(),
        edition.code()
    )
}

/// Forces the email's dark-mode rules on, as a mail client in dark mode would.
fn force_dark(html: &str) -> String {
    html.replace("@media (prefers-color-scheme:dark){", "@media all{")
}

fn respond(status: StatusCode, mime: &str, body: Vec<u8>) -> Response<Cow<'static, [u8]>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, mime)
        .header("Content-Security-Policy", PREVIEW_CSP)
        .header(header::CACHE_CONTROL, "no-store")
        .body(Cow::Owned(body))
        .expect("static headers are valid")
}

fn not_found(what: &str) -> Response<Cow<'static, [u8]>> {
    respond(
        StatusCode::NOT_FOUND,
        "text/plain; charset=utf-8",
        what.as_bytes().to_vec(),
    )
}

/// Answers on a worker thread: rendering an issue and reading its images from the
/// database never hold up the window's own thread (which also carries every command's
/// answer and the window's drawing).
pub fn handle_async<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || responder.respond(handle(&app, &request)));
}

pub fn handle<R: Runtime>(
    app: &tauri::AppHandle<R>,
    request: &Request<Vec<u8>>,
) -> Response<Cow<'static, [u8]>> {
    let state = app.state::<AppState>();
    let uri = request.uri();
    let dark = uri
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "dark=1"));
    let parts: Vec<&str> = uri.path().trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["preview", id, edition] => {
            let (Ok(id), Some(edition)) = (id.parse::<i64>(), Edition::from_code(edition)) else {
                return not_found("no such preview");
            };
            match render_preview(&state, id, edition) {
                Ok(html) => {
                    let html = if dark { force_dark(&html) } else { html };
                    respond(
                        StatusCode::OK,
                        "text/html; charset=utf-8",
                        html.into_bytes(),
                    )
                }
                Err(e) => not_found(&e.detail),
            }
        }
        ["asset", id, name] => {
            let Ok(id) = id.parse::<i64>() else {
                return not_found("no such image");
            };
            let asset = state.store().ok().and_then(|s| s.asset(id, name).ok());
            match asset {
                Some(a) => respond(StatusCode::OK, &a.mime, a.bytes),
                None => not_found("no such image"),
            }
        }
        _ => not_found("not found"),
    }
}

/// The render the preview shows (and `preview_info` measures).
pub fn render_preview(
    state: &AppState,
    issue_id: i64,
    edition: Edition,
) -> Result<String, AppError> {
    let store = state.store()?;
    let issue = store.issue(issue_id)?.issue;
    // With a greeting set up, the preview shows the one a reader without a name gets.
    let greeting = store
        .smtp_settings()?
        .is_some_and(|s| s.greeting)
        .then(String::new);
    Ok(email_html(
        &issue,
        edition,
        &RenderOptions {
            greeting,
            ..preview_options(issue_id)
        },
    ))
}
