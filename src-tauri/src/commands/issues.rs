//! Composer commands: one per intent. Each returns what the UI needs next (the issue's
//! check report, or the whole issue after a structural change).

use chrono::{Datelike, FixedOffset, Local, NaiveTime, TimeZone};
use serde::Serialize;
use tandem_core::model::{Block, BlockKind, Edition, Issue, Report};
use tandem_core::store::{IssueMeta, IssueSummary, StoredIssue};
use ts_rs::TS;

use crate::{AppError, AppState};

/// An issue open in the composer, with its check report.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EditorIssue {
    pub stored: StoredIssue,
    pub report: Report,
}

pub(crate) fn editor(state: &AppState, id: i64) -> Result<EditorIssue, AppError> {
    let stored = state.store()?.issue(id)?;
    let report = stored.issue.check();
    Ok(EditorIssue { stored, report })
}

fn report(state: &AppState, id: i64) -> Result<Report, AppError> {
    Ok(state.store()?.issue(id)?.issue.check())
}

#[tauri::command(async)]
pub fn list_issues(state: tauri::State<'_, AppState>) -> Result<Vec<IssueSummary>, AppError> {
    Ok(state.store()?.issues()?)
}

/// What the Composer opens on, in one call: the issues, and the one to show (`wanted`
/// while it exists, else the first listed; none when there is no issue).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ComposerStart {
    pub issues: Vec<IssueSummary>,
    pub issue: Option<EditorIssue>,
}

#[tauri::command(async)]
pub fn composer_start(
    state: tauri::State<'_, AppState>,
    wanted: Option<i64>,
) -> Result<ComposerStart, AppError> {
    let issues = state.store()?.issues()?;
    let id = wanted
        .filter(|w| issues.iter().any(|i| i.id == *w))
        .or_else(|| issues.first().map(|i| i.id));
    let issue = id.map(|id| editor(&state, id)).transpose()?;
    Ok(ComposerStart { issues, issue })
}

#[tauri::command(async)]
pub fn get_issue(state: tauri::State<'_, AppState>, id: i64) -> Result<EditorIssue, AppError> {
    editor(&state, id)
}

/// Starts a new, empty issue numbered after the last one and dated today.
#[tauri::command]
pub fn new_issue(state: tauri::State<'_, AppState>) -> Result<EditorIssue, AppError> {
    let id = {
        let mut store = state.store()?;
        let number = store.issues()?.iter().map(|i| i.number).max().unwrap_or(0) + 1;
        let issue = Issue {
            number,
            date: Local::now().date_naive(),
            subject: Default::default(),
            preheader: Default::default(),
            blocks: Vec::new(),
            status: Default::default(),
            machine_draft: Vec::new(),
        };
        store.create_issue(&issue)?
    };
    editor(&state, id)
}

/// "New issue from this one": a draft with the blocks, texts and images of `from`.
#[tauri::command]
pub fn new_issue_from(
    state: tauri::State<'_, AppState>,
    from: i64,
) -> Result<EditorIssue, AppError> {
    let id = state.store()?.issue_from(from, Local::now().date_naive())?;
    editor(&state, id)
}

/// Deletes a draft (a sent issue stays, for its ledger).
#[tauri::command]
pub fn delete_issue(state: tauri::State<'_, AppState>, id: i64) -> Result<(), AppError> {
    Ok(state.store()?.delete_draft(id)?)
}

#[tauri::command]
pub fn save_issue_meta(
    state: tauri::State<'_, AppState>,
    id: i64,
    meta: IssueMeta,
) -> Result<Report, AppError> {
    state.store()?.save_issue_meta(id, &meta)?;
    report(&state, id)
}

#[tauri::command]
pub fn save_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    block_id: i64,
    block: Block,
) -> Result<Report, AppError> {
    state.store()?.save_block(issue_id, block_id, &block)?;
    report(&state, issue_id)
}

/// A new event defaults to 19:00 on the issue's date a month later, Brussels winter time.
fn default_event_start(issue_date: chrono::NaiveDate) -> chrono::DateTime<FixedOffset> {
    let date = issue_date
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(issue_date);
    let offset = FixedOffset::east_opt(if (4..=10).contains(&date.month()) {
        7200
    } else {
        3600
    })
    .expect("valid offset");
    offset
        .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(19, 0, 0).expect("valid time")))
        .single()
        .expect("fixed offsets are unambiguous")
}

#[tauri::command]
pub fn add_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    position: usize,
    kind: String,
) -> Result<EditorIssue, AppError> {
    {
        let mut store = state.store()?;
        let date = store.issue(issue_id)?.issue.date;
        let kind = BlockKind::empty(&kind, default_event_start(date)).ok_or_else(|| {
            AppError::new("error-unknown", format!("unknown block kind {kind:?}"))
        })?;
        store.add_block(issue_id, position, &Block::new(kind))?;
    }
    editor(&state, issue_id)
}

/// Puts a whole block back at `position` (undo of a deletion).
#[tauri::command]
pub fn insert_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    position: usize,
    block: Block,
) -> Result<EditorIssue, AppError> {
    state.store()?.add_block(issue_id, position, &block)?;
    editor(&state, issue_id)
}

#[tauri::command]
pub fn duplicate_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    block_id: i64,
) -> Result<EditorIssue, AppError> {
    {
        let mut store = state.store()?;
        let stored = store.issue(issue_id)?;
        let pos = stored
            .block_ids
            .iter()
            .position(|id| *id == block_id)
            .ok_or_else(|| {
                AppError::from(tandem_core::store::StoreError::NotFound {
                    what: format!("block {block_id}"),
                })
            })?;
        let copy = stored.issue.blocks[pos].clone();
        store.add_block(issue_id, pos + 1, &copy)?;
    }
    editor(&state, issue_id)
}

#[tauri::command]
pub fn delete_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    block_id: i64,
) -> Result<EditorIssue, AppError> {
    state.store()?.delete_block(issue_id, block_id)?;
    editor(&state, issue_id)
}

#[tauri::command]
pub fn move_block(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    block_id: i64,
    position: usize,
) -> Result<EditorIssue, AppError> {
    state.store()?.move_block(issue_id, block_id, position)?;
    editor(&state, issue_id)
}

/// What the preview pane shows: the URL of the rendered edition (served by the app's
/// own `tandem:` protocol into a sandboxed frame) and its size against Gmail's clip.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PreviewInfo {
    pub url: String,
    pub bytes: usize,
}

#[tauri::command(async)]
pub fn preview_info(
    state: tauri::State<'_, AppState>,
    issue_id: i64,
    edition: Edition,
    dark: bool,
) -> Result<PreviewInfo, AppError> {
    let html = crate::protocol::render_preview(&state, issue_id, edition)?;
    let version = state.next_preview_version();
    Ok(PreviewInfo {
        url: crate::protocol::preview_url(issue_id, edition, dark, version),
        bytes: html.len(),
    })
}

/// An image stored with an issue, as the block editor needs it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UploadedImage {
    pub src: String,
    pub width: u32,
    pub height: u32,
}

fn bad_upload(detail: &str) -> AppError {
    AppError::new("error-unknown", detail)
}

/// Stores an image the user dropped or picked. The file's bytes come as the raw body of
/// the request (no JSON detour for megabytes); the issue id and the file's name
/// (percent-encoded) as headers.
#[tauri::command(async)]
pub fn upload_image(
    state: tauri::State<'_, AppState>,
    request: tauri::ipc::Request<'_>,
) -> Result<UploadedImage, AppError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(bad_upload("the image must be sent as raw bytes"));
    };
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
    let issue_id: i64 = header("x-issue-id")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| bad_upload("missing x-issue-id"))?;
    let file_name = header("x-file-name")
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_else(|| "image".into());
    let asset = tandem_core::exchange::add_image(&mut *state.store()?, issue_id, &file_name, bytes)
        .map_err(AppError::from)?;
    Ok(UploadedImage {
        src: format!("assets/{}", asset.name),
        width: asset.width,
        height: asset.height,
    })
}
