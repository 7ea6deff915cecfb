//! Moving the data folder (Settings → Backups, `tandem move-data`): out of a synced or
//! network folder, onto a new disk. Under the database's exclusive lock, the database is
//! copied with `VACUUM INTO` and checked, everything else of the folder (backups, outbox,
//! a secrets file, a file moved aside) is copied beside it, and only then does the
//! original folder get a note pointing to the new one ([`crate::paths::MOVED_FILE`]);
//! the old copies are removed last. A move cut off at any point leaves one complete
//! data folder that the app and the CLI find: the old one until the note is written,
//! the new one after.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::{verify, BackupError, PARTIAL};
use crate::paths::{with_suffix, DB_FILE_NAME, MOVED_FILE};
use crate::store;

/// What a move did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Moved {
    pub from: String,
    pub to: String,
    /// Files copied besides the database (backups, outbox messages, …).
    pub files: u32,
    /// Bytes now in the new folder.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Why a folder cannot take the data.
fn refuse(path: &Path, reason: &str) -> BackupError {
    BackupError::MoveTarget {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    }
}

/// Checks that `to` can receive the data folder of `db` (nothing is changed): an
/// absolute path, not the same folder nor inside it (or around it), and holding no
/// Tandem database of its own.
pub fn check_target(db: &Path, to: &Path) -> Result<(), BackupError> {
    let from = db.parent().unwrap_or(Path::new("."));
    if !to.is_absolute() {
        return Err(refuse(to, "not-absolute"));
    }
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (from_real, to_real) = (real(from), real(to));
    if to_real == from_real {
        return Err(refuse(to, "same"));
    }
    if to_real.starts_with(&from_real) || from_real.starts_with(&to_real) {
        return Err(refuse(to, "nested"));
    }
    if to.exists() && !to.is_dir() {
        return Err(refuse(to, "not-a-folder"));
    }
    if to.join(DB_FILE_NAME).exists() {
        return Err(refuse(to, "has-database"));
    }
    Ok(())
}

/// Moves the data folder of `db` to `to`, writing the note in `base` (the folder the
/// app and the CLI look in first: `$TANDEM_DATA_DIR` or the platform's; no note when
/// `to` is `base` itself). Nobody may have the database open: the exclusive lock is
/// taken, as for a restore.
pub fn move_data(db: &Path, to: &Path, base: &Path) -> Result<Moved, BackupError> {
    check_target(db, to)?;
    let from = db.parent().unwrap_or(Path::new(".")).to_path_buf();
    let lock = store::lock(db, true)?;
    let folder = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BackupError::Folder { path, source }
    };
    std::fs::create_dir_all(to).map_err(folder(to))?;
    let new_db = to.join(DB_FILE_NAME);
    let partial = with_suffix(&new_db, PARTIAL);
    let _ = std::fs::remove_file(&partial);

    // 1. The database, copied and checked under a name nobody opens.
    let copied = (|| {
        let conn = rusqlite::Connection::open_with_flags(
            db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()])?;
        drop(conn);
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(folder(to))?;
        verify(&partial).map_err(|reason| BackupError::Unverified {
            path: partial.clone(),
            reason,
        })?;
        // 2. Everything else of the folder.
        let mut copied = Vec::new();
        copy_tree(&from, to, &from, db, &mut copied)?;
        Ok::<_, BackupError>(copied)
    })();
    let copied = match copied {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    // 3. The new folder is complete: its database gets its name, then the note.
    std::fs::rename(&partial, &new_db).map_err(folder(to))?;
    sync_dir(to);
    let note = base.join(MOVED_FILE);
    let _ = std::fs::remove_file(to.join(MOVED_FILE));
    if same_folder(to, base) {
        let _ = std::fs::remove_file(&note);
    } else {
        std::fs::create_dir_all(base).map_err(folder(base))?;
        let tmp = with_suffix(&note, PARTIAL);
        std::fs::write(&tmp, format!("{}\n", to.display()))
            .and_then(|()| std::fs::File::open(&tmp)?.sync_all())
            .and_then(|()| std::fs::rename(&tmp, &note))
            .map_err(folder(base))?;
        sync_dir(base);
    }
    // 4. The old copies go (their content is in the new folder, checked).
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(db, suffix));
    }
    for (old, _) in copied.iter().rev() {
        if old.is_dir() {
            let _ = std::fs::remove_dir(old);
        } else {
            let _ = std::fs::remove_file(old);
        }
    }
    drop(lock);
    let _ = std::fs::remove_file(store::lock_path(db));
    if !same_folder(&from, base) {
        // Empty now, unless someone kept files of their own there.
        let _ = std::fs::remove_dir(&from);
    }
    let bytes = copied
        .iter()
        .filter_map(|(_, new)| std::fs::metadata(new).ok())
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
        .sum::<u64>()
        + std::fs::metadata(&new_db).map(|m| m.len()).unwrap_or(0);
    Ok(Moved {
        from: from.display().to_string(),
        to: to.display().to_string(),
        files: u32::try_from(copied.iter().filter(|(_, n)| n.is_file()).count())
            .unwrap_or(u32::MAX),
        bytes,
    })
}

fn same_folder(a: &Path, b: &Path) -> bool {
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    real(a) == real(b)
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Copies `dir` (inside the data folder `root`) to `to`, leaving out the database and
/// its companions, the note and half-written files; `copied` gets each (old, new) pair,
/// folders before what they hold.
fn copy_tree(
    dir: &Path,
    to: &Path,
    root: &Path,
    db: &Path,
    copied: &mut Vec<(PathBuf, PathBuf)>,
) -> Result<(), BackupError> {
    let read = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BackupError::Folder { path, source }
    };
    let skipped: Vec<PathBuf> = ["", "-wal", "-shm", ".lock"]
        .iter()
        .map(|s| with_suffix(db, s))
        .chain([root.join(MOVED_FILE)])
        .collect();
    for entry in std::fs::read_dir(dir).map_err(read(dir))? {
        let entry = entry.map_err(read(dir))?;
        let old = entry.path();
        let name = entry.file_name();
        if skipped.contains(&old) || name.to_string_lossy().ends_with(PARTIAL) {
            continue;
        }
        let new = to.join(&name);
        let kind = entry.file_type().map_err(read(&old))?;
        if kind.is_dir() {
            std::fs::create_dir_all(&new).map_err(read(&new))?;
            copied.push((old.clone(), new.clone()));
            copy_tree(&old, &new, root, db, copied)?;
        } else if kind.is_file() {
            std::fs::copy(&old, &new)
                .and_then(|_| std::fs::File::open(&new)?.sync_all())
                .map_err(read(&new))?;
            copied.push((old, new));
        }
        // A link is left where it is: it points somewhere Tandem does not own.
    }
    Ok(())
}
