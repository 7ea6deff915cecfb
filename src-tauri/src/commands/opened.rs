//! An issue file given on the command line (`tandem-app issue.json`, or a folder that
//! holds one): imported and opened in the composer — in the running window when Tandem
//! is already open (the second start hands its arguments over and ends), or in the new
//! one. The window asks for the result when it starts, handing over a channel by which it
//! is told when another comes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::ipc::Channel;
use tauri::Manager;

use crate::{AppError, AppState};

/// The latest result, until the window takes it; and how to tell the window (a channel
/// it handed over: no event permission needed).
#[derive(Default)]
pub struct Opened {
    result: Mutex<Option<Result<i64, AppError>>>,
    tell: Mutex<Option<Channel<()>>>,
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened").finish_non_exhaustive()
    }
}

/// The issue file among `args` (the program's own name first), relative to `cwd`: a
/// `.json` file, or a folder holding `issue.json`.
pub fn issue_file(args: &[String], cwd: &Path) -> Option<PathBuf> {
    args.iter().skip(1).find_map(|arg| {
        if arg.starts_with('-') {
            return None;
        }
        let path = cwd.join(arg);
        if path.is_dir() && path.join("issue.json").is_file() {
            Some(path.join("issue.json"))
        } else if path.is_file() && path.extension().is_some_and(|e| e == "json") {
            Some(path)
        } else {
            None
        }
    })
}

/// Imports `file` on a thread of its own (images are processed), keeps the result and
/// tells the window.
pub fn open(app: &tauri::AppHandle, file: PathBuf) {
    let app = app.clone();
    std::thread::spawn(move || {
        let result = (|| -> Result<i64, AppError> {
            let mut store = app.state::<AppState>().own_store()?;
            Ok(tandem_core::exchange::import_issue(&mut store, &file)?)
        })();
        match &result {
            Ok(id) => tracing::info!("issue file opened as issue {id}"),
            Err(e) => tracing::warn!("an issue file could not be opened [{}]", e.code),
        }
        let opened = app.state::<Opened>();
        *opened.result.lock().unwrap_or_else(|p| p.into_inner()) = Some(result);
        let tell = opened
            .tell
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(tell) = tell {
            let _ = tell.send(());
        }
    });
}

/// The issue opened from a file since the window last asked (its id), if any; the
/// error, if the file could not be opened. `tell` is called whenever another comes.
#[tauri::command(async)]
pub fn take_opened_issue(
    opened: tauri::State<'_, Opened>,
    tell: Channel<()>,
) -> Result<Option<i64>, AppError> {
    *opened.tell.lock().unwrap_or_else(|p| p.into_inner()) = Some(tell);
    match opened
        .result
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
    {
        None => Ok(None),
        Some(result) => result.map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_file_is_found_among_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Numéro de mars");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("issue.json"), "{}").unwrap();
        std::fs::write(dir.path().join("other.json"), "{}").unwrap();
        let args = |a: &[&str]| -> Vec<String> {
            std::iter::once("tandem-app")
                .chain(a.iter().copied())
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(
            issue_file(&args(&["Numéro de mars"]), dir.path()),
            Some(folder.join("issue.json"))
        );
        assert_eq!(
            issue_file(&args(&["--flag", "other.json"]), dir.path()),
            Some(dir.path().join("other.json"))
        );
        assert_eq!(issue_file(&args(&["missing.json"]), dir.path()), None);
        assert_eq!(issue_file(&args(&[]), dir.path()), None);
        // The program's own name is never taken for a file.
        assert_eq!(issue_file(&["other.json".to_owned()], dir.path()), None);
    }
}
