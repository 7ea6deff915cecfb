//! Issues in and out of the database as files: `tandem-issue/1` folders
//! (`issue.json` + `assets/`) for backup and sharing, and the web archive page of an
//! edition (`index.html` + `assets/`) for the organisation's website.
//!
//! Import is all or nothing: every image is read and processed before the single
//! transaction that stores the issue, so a bad image leaves the database untouched.

use std::path::{Path, PathBuf};

use crate::media::{self, MediaError};
use crate::model::{is_asset_path, BlockKind, Edition, FileError, ImageRef, Issue};
use crate::render::{archive_page, RenderOptions};
use crate::store::{Asset, Store, StoreError};

/// Why an import or export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    File(#[from] FileError),
    #[error("image {name}: {source}")]
    Image {
        name: String,
        #[source]
        source: MediaError,
    },
    #[error("image {name} is used by the issue but is not in its assets folder")]
    MissingImage { name: String },
    #[error("{path} is {bytes} bytes; an issue file is at most {limit} bytes")]
    TooLarge {
        path: PathBuf,
        bytes: u64,
        limit: u64,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The largest `issue.json` read (its blocks and texts have their own limits, in
/// `model::validate`).
pub const MAX_ISSUE_FILE_BYTES: u64 = 5 * 1024 * 1024;

impl ExchangeError {
    /// The Fluent id of the message shown to the user.
    pub fn code(&self) -> &'static str {
        match self {
            ExchangeError::Io { .. } => "error-file-access",
            ExchangeError::File(e) => e.code(),
            ExchangeError::Image { source, .. } => source.code(),
            ExchangeError::MissingImage { .. } => "error-image-missing",
            ExchangeError::TooLarge { .. } => "error-issue-file-too-large",
            ExchangeError::Store(e) => e.code(),
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExchangeError + '_ {
    move |source| ExchangeError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Every image reference of an issue, mutably (block images, article images).
fn images_mut(issue: &mut Issue) -> Vec<&mut ImageRef> {
    issue
        .blocks
        .iter_mut()
        .filter_map(|b| match &mut b.kind {
            BlockKind::Article {
                image: Some(image), ..
            } => Some(image),
            BlockKind::Image { image, .. } => Some(image),
            _ => None,
        })
        .collect()
}

/// Reads `FILE` (an `issue.json`, its images in `assets/` beside it), stores the issue
/// and its processed images, and returns the new issue's id.
pub fn import_issue(store: &mut Store, file: &Path) -> Result<i64, ExchangeError> {
    // An issue's text is a few hundred KB at most (its images are files beside it):
    // a larger file is refused before it is read.
    let bytes = std::fs::metadata(file).map_err(io(file))?.len();
    if bytes > MAX_ISSUE_FILE_BYTES {
        return Err(ExchangeError::TooLarge {
            path: file.to_path_buf(),
            bytes,
            limit: MAX_ISSUE_FILE_BYTES,
        });
    }
    let json = std::fs::read_to_string(file).map_err(io(file))?;
    let mut issue = Issue::from_json(&json)?;
    let base = file.parent().unwrap_or(Path::new("."));
    // Original file name -> stored image (an image used twice is processed once).
    let mut processed: std::collections::BTreeMap<String, Asset> = Default::default();
    for image in images_mut(&mut issue) {
        let original = image.src.trim_start_matches("assets/").to_owned();
        if !processed.contains_key(&original) {
            let path = base.join("assets").join(&original);
            let bytes = std::fs::read(&path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => ExchangeError::MissingImage {
                    name: original.clone(),
                },
                _ => ExchangeError::Io {
                    path: path.clone(),
                    source: e,
                },
            })?;
            let p = media::process(&bytes).map_err(|source| ExchangeError::Image {
                name: original.clone(),
                source,
            })?;
            // Re-encoding may change the extension; keep names unique.
            let taken: Vec<&str> = processed.values().map(|a| a.name.as_str()).collect();
            let asset = stored_asset(&stem(&original), &taken, p);
            processed.insert(original.clone(), asset);
        }
        let asset = &processed[&original];
        image.src = format!("assets/{}", asset.name);
        image.width = Some(asset.width);
        image.height = Some(asset.height);
    }
    let assets: Vec<Asset> = processed.into_values().collect();
    Ok(store.create_issue_with_assets(&issue, &assets)?)
}

/// A safe stored name for a user's file: letters, digits, `-` and `_` from its stem
/// (accents dropped), at most 40 characters, never empty.
fn safe_stem(file_name: &str) -> String {
    let stem = stem(file_name.rsplit(['/', '\\']).next().unwrap_or(file_name));
    let mut out: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    out.truncate(40);
    if out.is_empty() {
        out.push_str("image");
    }
    out
}

/// Processes an image the user dropped or picked and stores it with the issue under a
/// unique, safe name. Returns the stored image (its `src` is `assets/NAME`).
pub fn add_image(
    store: &mut Store,
    issue_id: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<Asset, ExchangeError> {
    store.issue(issue_id)?; // a missing issue is reported before any work
    let p = media::process(bytes).map_err(|source| ExchangeError::Image {
        name: file_name.to_owned(),
        source,
    })?;
    let existing: Vec<String> = store
        .assets(issue_id)?
        .into_iter()
        .map(|a| a.name)
        .collect();
    let taken: Vec<&str> = existing.iter().map(String::as_str).collect();
    let asset = stored_asset(&safe_stem(file_name), &taken, p);
    store.put_asset(issue_id, &asset)?;
    Ok(asset)
}

/// A processed image under `STEM.EXT`, or `STEM-2.EXT`, … when that name is `taken`.
fn stored_asset(stem: &str, taken: &[&str], p: media::ProcessedImage) -> Asset {
    let mut name = format!("{stem}.{}", p.extension);
    let mut n = 2;
    while taken.contains(&name.as_str()) {
        name = format!("{stem}-{n}.{}", p.extension);
        n += 1;
    }
    Asset {
        name,
        mime: p.mime.to_owned(),
        width: p.width,
        height: p.height,
        bytes: p.bytes,
    }
}

/// The file name without its extension (re-encoding may change the extension).
fn stem(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
        _ => name.to_owned(),
    }
}

fn write_assets(
    store: &Store,
    issue_id: i64,
    issue: &Issue,
    dir: &Path,
) -> Result<(), ExchangeError> {
    let assets_dir = dir.join("assets");
    let used: Vec<String> = {
        let mut issue = issue.clone();
        images_mut(&mut issue)
            .into_iter()
            .map(|i| i.src.clone())
            .collect()
    };
    if used.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(&assets_dir).map_err(io(&assets_dir))?;
    for src in used.iter().filter(|s| is_asset_path(s)) {
        let name = &src["assets/".len()..];
        let asset = store.asset(issue_id, name)?;
        let path = assets_dir.join(name);
        std::fs::write(&path, &asset.bytes).map_err(io(&path))?;
    }
    Ok(())
}

/// Writes `DIR/issue.json` and `DIR/assets/*` for an issue.
pub fn export_issue(store: &Store, issue_id: i64, dir: &Path) -> Result<PathBuf, ExchangeError> {
    let issue = store.issue(issue_id)?.issue;
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    write_assets(store, issue_id, &issue, dir)?;
    let path = dir.join("issue.json");
    std::fs::write(&path, issue.to_json()).map_err(io(&path))?;
    Ok(path)
}

/// Writes the web archive page of one edition: `DIR/index.html` and `DIR/assets/*`.
pub fn export_archive(
    store: &Store,
    issue_id: i64,
    edition: Edition,
    dir: &Path,
) -> Result<PathBuf, ExchangeError> {
    let issue = store.issue(issue_id)?.issue;
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    write_assets(store, issue_id, &issue, dir)?;
    let html = archive_page(&issue, edition, &RenderOptions::default());
    let path = dir.join("index.html");
    std::fs::write(&path, html).map_err(io(&path))?;
    Ok(path)
}

/// Writes the message of one edition as an `.eml` file (openable in any mail program),
/// exactly as it would be sent, from `from` to `to`.
pub fn export_eml(
    store: &Store,
    issue_id: i64,
    edition: Edition,
    from: lettre::message::Mailbox,
    to: lettre::message::Mailbox,
    path: &Path,
) -> Result<PathBuf, ExchangeError> {
    let issue = store.issue(issue_id)?.issue;
    let assets = store.assets(issue_id)?;
    let message =
        crate::send::compose(&issue, edition, &assets, from, to).map_err(|e| match e {
            crate::send::MessageError::MissingImage(name) => ExchangeError::MissingImage { name },
            other => ExchangeError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(other.to_string()),
            },
        })?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    std::fs::write(path, message.formatted()).map_err(io(path))?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_are_safe_whatever_the_user_file_is_called() {
        assert_eq!(safe_stem("Photo école été 2026.JPG"), "Photo-cole-t-2026");
        assert_eq!(safe_stem("../../etc/passwd"), "passwd");
        assert_eq!(safe_stem("C:\\Users\\anne\\logo.png"), "logo");
        assert_eq!(safe_stem("«».png"), "image");
        assert!(is_asset_path(&format!("assets/{}.jpg", safe_stem("x y z"))));
    }
}
