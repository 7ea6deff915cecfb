//! The ledger from the window: the runs, one run's rows (the first page), and the
//! failed recipients put back in the queue.

use serde::Serialize;
use tandem_core::send::{LedgerRow, RowStatus, RunInfo};
use ts_rs::TS;

use crate::{AppError, AppState};

#[tauri::command(async)]
pub fn send_runs(state: tauri::State<'_, AppState>) -> Result<Vec<RunInfo>, AppError> {
    Ok(state.store()?.runs()?)
}

/// The first rows of a ledger and how many there are in all (a send to 50,000 people
/// is not shipped to the window row by row; the file export has everything).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LedgerPage {
    pub total: u32,
    pub rows: Vec<LedgerRow>,
}

#[tauri::command(async)]
pub fn send_ledger(
    state: tauri::State<'_, AppState>,
    run: i64,
    status: Option<RowStatus>,
    limit: usize,
) -> Result<LedgerPage, AppError> {
    let mut rows = state.store()?.ledger(run, status)?;
    let total = rows.len() as u32;
    rows.truncate(limit.min(2_000));
    Ok(LedgerPage { total, rows })
}

/// Puts a run's failed recipients back in the queue; the UI then resumes the run.
#[tauri::command(async)]
pub fn retry_failed(state: tauri::State<'_, AppState>, run: i64) -> Result<usize, AppError> {
    Ok(state.store()?.retry_failed(run)?)
}
