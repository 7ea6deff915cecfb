//! `tandem backup`, `tandem backup list` and `tandem check`: verified copies of the
//! database, the backups of a folder, and the integrity of the file itself.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use tandem_core::backup;
use tandem_core::store::Store;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    command: Option<BackupCommand>,
    /// The folder to write the backup to (default: backups/ beside the database).
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum BackupCommand {
    /// The backups of a folder, newest first, one JSON object per line:
    /// {"path", "bytes", "created", "encrypted", "issues", "contacts", "sends"}.
    List {
        /// The folder to list (default: backups/ beside the database).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The backups' passphrase, from `TANDEM_BACKUP_PASSPHRASE` when set (else none: plain
/// backups).
fn passphrase() -> Option<String> {
    std::env::var("TANDEM_BACKUP_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
}

fn data_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

pub fn backup(db: &Path, args: BackupArgs) -> Result<(), String> {
    match args.command {
        Some(BackupCommand::List { dir }) => {
            let dir = dir.unwrap_or_else(|| backup::default_dir(&data_dir(db)));
            let passphrase = passphrase();
            for b in
                backup::list_with(&dir, true, passphrase.as_deref()).map_err(|e| e.to_string())?
            {
                let counts = b.counts.as_ref();
                println!(
                    "{}",
                    serde_json::json!({
                        "path": b.path,
                        "bytes": b.bytes,
                        "created": b.created,
                        "encrypted": b.encrypted,
                        "issues": counts.map(|c| c.issues),
                        "contacts": counts.map(|c| c.contacts),
                        "sends": counts.map(|c| c.sends),
                        "verified": counts.is_some(),
                    })
                );
            }
            Ok(())
        }
        None => {
            if !db.exists() {
                return Err(format!(
                    "there is no database at {} to back up",
                    db.display()
                ));
            }
            let store = Store::open(db).map_err(|e| e.to_string())?;
            let dir = args
                .to
                .unwrap_or_else(|| backup::default_dir(&data_dir(db)));
            let passphrase = passphrase();
            let (made, removed) =
                backup::make_and_thin_with(&store, &dir, chrono::Utc::now(), passphrase.as_deref())
                    .map_err(|e| e.to_string())?;
            for path in &removed {
                eprintln!("removed an older backup: {}", path.display());
            }
            let counts = made.counts.as_ref();
            println!(
                "{}",
                serde_json::json!({
                    "path": made.path,
                    "bytes": made.bytes,
                    "issues": counts.map(|c| c.issues),
                    "contacts": counts.map(|c| c.contacts),
                    "sends": counts.map(|c| c.sends),
                    "verified": counts.is_some(),
                    "encrypted": made.encrypted,
                })
            );
            Ok(())
        }
    }
}

/// `tandem check`: the file opened read-only (nothing is written, not even a
/// migration), `PRAGMA integrity_check`, its counts. Exits 0 only when it is sound.
pub fn check(db: &Path) -> Result<(), String> {
    if !db.exists() {
        return Err(format!("there is no database at {}", db.display()));
    }
    match backup::verify(db) {
        Ok(counts) => {
            println!(
                "{}",
                serde_json::json!({
                    "path": db.display().to_string(),
                    "sound": true,
                    "problems": [],
                    "schema": counts.schema,
                    "issues": counts.issues,
                    "contacts": counts.contacts,
                    "sends": counts.sends,
                })
            );
            Ok(())
        }
        Err(problem) => {
            println!(
                "{}",
                serde_json::json!({
                    "path": db.display().to_string(),
                    "sound": false,
                    "problems": [problem],
                })
            );
            Err(format!(
                "{} is damaged: {problem}. Keep the file as it is and restore the newest \
                 backup (tandem backup list)",
                db.display()
            ))
        }
    }
}

/// `tandem restore FILE [--dry-run]`.
pub fn restore(db: &Path, file: &Path, dry_run: bool) -> Result<(), String> {
    let report = backup::restore_with(
        db,
        file,
        chrono::Utc::now(),
        dry_run,
        passphrase().as_deref(),
    )
    .map_err(|e| e.to_string())?;
    for email in &report.kept_stopped {
        eprintln!("kept as it is now (unsubscribed or bounced since the backup): {email}");
    }
    if report.erased_again > 0 {
        eprintln!(
            "{} people erased since the backup were erased again in it",
            report.erased_again
        );
    }
    if let Some(undo) = &report.undo_backup {
        eprintln!("the state it replaced is in {undo} (restore it to undo this)");
    }
    if let Some(aside) = &report.damaged_moved_to {
        eprintln!("the damaged database was moved to {aside}");
    }
    println!(
        "{}",
        serde_json::to_string(&report).map_err(|e| e.to_string())?
    );
    Ok(())
}
