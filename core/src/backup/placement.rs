//! Whether the data folder sits where SQLite's locking is not safe: inside a folder a
//! sync client uploads (OneDrive, Dropbox, Google Drive, iCloud Drive), or on a network
//! or FUSE file system. Both can corrupt a database that is being written, or hand
//! another computer a half-copied file. Such a folder is fine for *backups* (finished
//! files), so that is what Tandem suggests it for.
//!
//! Everything the answer depends on (the environment, the home folder, the mount
//! table) is passed in, so each system's case is tested here on any system.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

/// What is risky about where a folder is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Risk {
    /// Inside the folder a sync client uploads; `root` is that folder.
    Synced { service: String, root: String },
    /// On a network file system (`fs`: its type, e.g. nfs, cifs, smbfs; or `unc` for a
    /// Windows `\\server\share` path).
    Network { fs: String },
    /// On a FUSE file system (often a network or cloud drive: sshfs, rclone, onedriver).
    Fuse { fs: String },
}

/// What the answer depends on.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Environment variables that name sync roots (`OneDrive`, `OneDriveCommercial`,
    /// `OneDriveConsumer`), as (name, value).
    pub env: Vec<(String, String)>,
    /// The user's home folder.
    pub home: Option<PathBuf>,
    /// Linux: the text of `/proc/self/mountinfo`.
    pub mountinfo: Option<String>,
    /// macOS: the output of `mount` (`… on /Volumes/x (smbfs, …)`).
    pub mount_output: Option<String>,
    /// Windows: the output of `net use` (the drive letters mapped to network shares).
    pub net_use: Option<String>,
}

impl Inputs {
    /// This computer's.
    pub fn of_this_computer() -> Inputs {
        let env = ["OneDrive", "OneDriveCommercial", "OneDriveConsumer"]
            .iter()
            .filter_map(|k| std::env::var(k).ok().map(|v| ((*k).to_owned(), v)))
            .collect();
        Inputs {
            env,
            home: dirs::home_dir(),
            mountinfo: if cfg!(target_os = "linux") {
                std::fs::read_to_string("/proc/self/mountinfo").ok()
            } else {
                None
            },
            mount_output: if cfg!(target_os = "macos") {
                std::process::Command::new("/sbin/mount")
                    .output()
                    .ok()
                    .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            } else {
                None
            },
            net_use: if cfg!(windows) {
                std::process::Command::new("net")
                    .arg("use")
                    .output()
                    .ok()
                    .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            } else {
                None
            },
        }
    }
}

/// The drive letters `net use` lists as mapped to a network share (`Z:`), upper case.
fn mapped_drives(net_use: &str) -> Vec<char> {
    net_use
        .lines()
        .flat_map(|line| line.split_whitespace())
        .filter(|w| w.len() == 2 && w.ends_with(':'))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The folders sync clients upload, by service, for these inputs.
pub fn sync_roots(inputs: &Inputs) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = inputs
        .env
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(_, v)| ("OneDrive".to_owned(), PathBuf::from(v.trim())))
        .collect();
    if let Some(home) = &inputs.home {
        for (service, rel) in [
            ("OneDrive", "OneDrive"),
            ("Dropbox", "Dropbox"),
            ("Google Drive", "Google Drive"),
            ("Google Drive", "My Drive"),
            ("iCloud Drive", "iCloudDrive"),
            ("iCloud Drive", "Library/Mobile Documents"),
        ] {
            out.push((service.to_owned(), home.join(rel)));
        }
        // macOS File Provider folders: ~/Library/CloudStorage/OneDrive-Org, GoogleDrive-…,
        // Dropbox…; and Windows' "OneDrive - Organisation" beside the home.
        for (parent, prefixes) in [
            (
                home.join("Library/CloudStorage"),
                &["OneDrive", "GoogleDrive", "Dropbox", "Box"][..],
            ),
            (home.clone(), &["OneDrive - ", "Dropbox ("][..]),
        ] {
            if let Ok(entries) = std::fs::read_dir(&parent) {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if let Some(p) = prefixes.iter().find(|p| name.starts_with(**p)) {
                        let service = match *p {
                            "GoogleDrive" => "Google Drive",
                            "OneDrive - " => "OneDrive",
                            "Dropbox (" => "Dropbox",
                            other => other,
                        };
                        out.push((service.to_owned(), entry.path()));
                    }
                }
            }
        }
    }
    out
}

/// Whether `path` is `root` or inside it, whichever system wrote the two (a Windows path
/// compares without regard to case or to the kind of slash).
fn within(path: &Path, root: &Path) -> bool {
    let norm = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let (mut p, mut r) = (norm(path), norm(root).trim_end_matches('/').to_owned());
    let windows = r.as_bytes().get(1) == Some(&b':') || path.to_string_lossy().contains('\\');
    if windows {
        p = p.to_lowercase();
        r = r.to_lowercase();
    }
    !r.is_empty() && (p == r || p.starts_with(&format!("{r}/")))
}

/// The mount point and file system type that hold `path`, from Linux's mountinfo.
fn linux_fs(mountinfo: &str, path: &Path) -> Option<(PathBuf, String)> {
    let mut best: Option<(PathBuf, String)> = None;
    for line in mountinfo.lines() {
        // id parent major:minor root mount-point options [optional…] - type source …
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(dash) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        let (Some(point), Some(fs)) = (fields.get(4), fields.get(dash + 1)) else {
            continue;
        };
        // Spaces and the like are octal escapes (\040) in mountinfo.
        let point = PathBuf::from(point.replace("\\040", " ").replace("\\011", "\t"));
        if path.starts_with(&point)
            && best
                .as_ref()
                .is_none_or(|(p, _)| point.as_os_str().len() >= p.as_os_str().len())
        {
            best = Some((point, (*fs).to_owned()));
        }
    }
    best
}

/// The file system type that holds `path`, from macOS's `mount` output.
fn macos_fs(mount_output: &str, path: &Path) -> Option<(PathBuf, String)> {
    let mut best: Option<(PathBuf, String)> = None;
    for line in mount_output.lines() {
        let Some((_, rest)) = line.split_once(" on ") else {
            continue;
        };
        let Some((point, kind)) = rest.rsplit_once(" (") else {
            continue;
        };
        let fs = kind.split([',', ')']).next().unwrap_or_default().trim();
        let point = PathBuf::from(point);
        if path.starts_with(&point)
            && best
                .as_ref()
                .is_none_or(|(p, _)| point.as_os_str().len() >= p.as_os_str().len())
        {
            best = Some((point, fs.to_owned()));
        }
    }
    best
}

const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "afpfs",
    "webdav",
    "9p",
    "ceph",
    "glusterfs",
    "afs",
    "ncpfs",
    "davfs",
];

/// What is risky about keeping a database in `path`, if anything.
pub fn assess(path: &Path, inputs: &Inputs) -> Option<Risk> {
    let text = path.to_string_lossy();
    let unc =
        (text.starts_with(r"\\") && !text.starts_with(r"\\?\")) || text.starts_with(r"\\?\UNC\");
    if unc {
        return Some(Risk::Network { fs: "unc".into() });
    }
    // A drive letter mapped to a share (Z:\Tandem): a network drive under another name.
    let mut chars = text.chars();
    if let (Some(letter), Some(':')) = (chars.next(), chars.next()) {
        let mapped = inputs
            .net_use
            .as_deref()
            .map(mapped_drives)
            .unwrap_or_default();
        if mapped.contains(&letter.to_ascii_uppercase()) {
            return Some(Risk::Network {
                fs: "mapped-drive".into(),
            });
        }
    }
    for (service, root) in sync_roots(inputs) {
        if within(path, &root) {
            return Some(Risk::Synced {
                service,
                root: root.display().to_string(),
            });
        }
    }
    let fs = inputs
        .mountinfo
        .as_deref()
        .and_then(|m| linux_fs(m, path))
        .or_else(|| {
            inputs
                .mount_output
                .as_deref()
                .and_then(|m| macos_fs(m, path))
        })
        .map(|(_, fs)| fs)?;
    if NETWORK_FS.contains(&fs.as_str()) {
        Some(Risk::Network { fs })
    } else if fs == "fuse" || fs.starts_with("fuse.") {
        // (fuseblk is ntfs-3g and the like: a local disk.)
        Some(Risk::Fuse { fs })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 27 0:40 / /mnt/partage rw,relatime shared:5 - cifs //nas/partage rw,vers=3.0
41 27 0:41 / /home/anne/Mes\\040fichiers rw,relatime - nfs4 nas:/export rw
42 27 0:42 / /home/anne/Drive rw,nosuid - fuse.rclone gdrive: rw
43 27 0:43 / /tmp/bind rw - fuse /tmp/src rw
";

    fn linux() -> Inputs {
        Inputs {
            home: Some("/home/anne".into()),
            mountinfo: Some(MOUNTINFO.into()),
            ..Inputs::default()
        }
    }

    #[test]
    fn a_windows_drive_letter_mapped_to_a_share_is_a_network_drive() {
        // `net use` as Windows prints it (French Windows: the same columns).
        let net_use = "\
New connections will be remembered.


Status       Local     Remote                    Network

-------------------------------------------------------------------------------
OK           Z:        \\\\nas\\partage              Microsoft Windows Network
Unavailable  Y:        \\\\old\\archive              Microsoft Windows Network
The command completed successfully.
";
        let inputs = Inputs {
            net_use: Some(net_use.into()),
            ..Inputs::default()
        };
        assert_eq!(
            assess(Path::new(r"Z:\Tandem"), &inputs),
            Some(Risk::Network {
                fs: "mapped-drive".into()
            })
        );
        assert_eq!(
            assess(Path::new(r"y:\Tandem"), &inputs).map(|r| matches!(r, Risk::Network { .. })),
            Some(true)
        );
        assert_eq!(
            assess(Path::new(r"C:\Users\anne\AppData\Roaming\Tandem"), &inputs),
            None
        );
        assert_eq!(mapped_drives(net_use), ['Z', 'Y']);
    }

    #[test]
    fn linux_mounts_tell_network_and_fuse_file_systems() {
        let at = |p: &str| assess(Path::new(p), &linux());
        assert_eq!(at("/home/anne/.local/share/be.mineursenexil.tandem"), None);
        assert_eq!(
            at("/mnt/partage/tandem"),
            Some(Risk::Network { fs: "cifs".into() })
        );
        assert_eq!(
            at("/home/anne/Mes fichiers/tandem"),
            Some(Risk::Network { fs: "nfs4".into() })
        );
        assert_eq!(
            at("/home/anne/Drive/x"),
            Some(Risk::Fuse {
                fs: "fuse.rclone".into()
            })
        );
        assert_eq!(at("/tmp/bind/x"), Some(Risk::Fuse { fs: "fuse".into() }));
        // The longest mount point wins: /mnt is ext4 (under /).
        assert_eq!(at("/mnt/other"), None);
    }

    #[test]
    fn windows_onedrive_and_unc_paths_are_told() {
        let inputs = Inputs {
            env: vec![(
                "OneDriveCommercial".into(),
                r"C:\Users\anne\OneDrive - PMO".into(),
            )],
            home: Some(r"C:\Users\anne".into()),
            ..Inputs::default()
        };
        let risk = assess(Path::new(r"C:\Users\anne\OneDrive - PMO\Tandem"), &inputs);
        assert!(
            matches!(risk, Some(Risk::Synced { ref service, .. }) if service == "OneDrive"),
            "{risk:?}"
        );
        assert_eq!(
            assess(Path::new(r"\\serveur\partage\tandem"), &inputs),
            Some(Risk::Network { fs: "unc".into() })
        );
        assert_eq!(
            assess(Path::new(r"C:\Users\anne\AppData\Roaming\tandem"), &inputs),
            None
        );
    }

    #[test]
    fn macos_cloud_folders_and_smb_volumes_are_told() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().to_path_buf();
        let google = home.join("Library/CloudStorage/GoogleDrive-anne@example.be");
        std::fs::create_dir_all(&google).unwrap();
        let inputs = Inputs {
            home: Some(home.clone()),
            mount_output: Some(
                "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n\
                 //anne@nas/partage on /Volumes/partage (smbfs, nodev, nosuid, mounted by anne)\n"
                    .into(),
            ),
            ..Inputs::default()
        };
        assert_eq!(
            assess(&google.join("Tandem"), &inputs),
            Some(Risk::Synced {
                service: "Google Drive".into(),
                root: google.display().to_string()
            })
        );
        assert_eq!(
            assess(
                &home.join("Library/Mobile Documents/com~apple~CloudDocs/t"),
                &inputs
            ),
            Some(Risk::Synced {
                service: "iCloud Drive".into(),
                root: home.join("Library/Mobile Documents").display().to_string()
            })
        );
        assert_eq!(
            assess(Path::new("/Volumes/partage/tandem"), &inputs),
            Some(Risk::Network { fs: "smbfs".into() })
        );
        assert_eq!(
            assess(&home.join("Library/Application Support/t"), &inputs),
            None
        );
        assert!(matches!(
            assess(&home.join("Dropbox/Tandem"), &inputs),
            Some(Risk::Synced { ref service, .. }) if service == "Dropbox"
        ));
    }
}
