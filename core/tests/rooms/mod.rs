//! The guard of the rooms: which room of core may import which is written once, in
//! docs/architecture.md ("Who may import whom"), and this test holds the code to it.
//! It fails when a room imports one it may not (an arrow back up), when a room is
//! missing from the list, when the list itself has a circle, and when two files of the
//! desktop shell import each other, directly or round a longer circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `room: a, b` lines between the markers of the architecture page.
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let doc = std::fs::read_to_string(repo().join("docs/architecture.md")).unwrap();
    let start = doc
        .find("<!-- rooms:begin -->")
        .expect("rooms:begin marker");
    let end = doc.find("<!-- rooms:end -->").expect("rooms:end marker");
    let mut out = BTreeMap::new();
    for line in doc[start..end].lines() {
        let Some((room, deps)) = line.split_once(" may import ") else {
            continue;
        };
        let room = room
            .trim()
            .trim_start_matches('-')
            .trim()
            .trim_matches('`')
            .to_owned();
        let deps: BTreeSet<String> = deps
            .split([',', ' ', '.'])
            .map(|d| d.trim().trim_matches('`'))
            .filter(|d| !d.is_empty() && *d != "nothing" && *d != "and")
            .map(str::to_owned)
            .collect();
        assert!(
            out.insert(room.clone(), deps).is_none(),
            "{room} is listed twice"
        );
    }
    assert!(!out.is_empty(), "no room found between the markers");
    out
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return out;
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The code of a file without its comments (doc links name rooms without importing
/// them).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every `crate::…` path in `text`, groups included
/// (`use crate::{a::X, b}` gives a and b).
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // tandem_crate::, not ours
        }
        if let Some(group) = rest.strip_prefix('{') {
            let close = group.find('}').unwrap_or(group.len());
            for item in group[..close].split(',') {
                out.push(segments(item.trim()));
            }
        } else {
            out.push(segments(rest));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn segments(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = path;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        out.push(rest[..end].to_owned());
        match rest[end..].strip_prefix("::") {
            Some(next) if !next.starts_with('{') => rest = next,
            _ => break,
        }
    }
    out
}

/// The rooms of core: each folder and each file of `core/src` but lib.rs.
fn core_rooms() -> BTreeMap<String, PathBuf> {
    let src = repo().join("core/src");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || (path.is_file() && path.extension().is_none_or(|e| e != "rs")) {
            continue;
        }
        out.insert(name, path);
    }
    out
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(2) => return None,
            Some(1) => {
                let from = stack.iter().position(|n| n == node).unwrap();
                let mut cycle = stack[from..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn every_room_of_core_imports_only_what_the_architecture_page_allows() {
    let rules = declared();
    let rooms = core_rooms();
    let mut problems = Vec::new();
    for room in rooms.keys() {
        if !rules.contains_key(room) {
            problems.push(format!("{room} is not in docs/architecture.md's list"));
        }
    }
    for (room, deps) in &rules {
        if !rooms.contains_key(room) {
            problems.push(format!(
                "{room} is listed but has no folder or file in core/src"
            ));
        }
        for dep in deps {
            if !rules.contains_key(dep) {
                problems.push(format!("{room} may import {dep}, which is not a room"));
            }
        }
    }
    for (room, path) in &rooms {
        let allowed = rules.get(room).cloned().unwrap_or_default();
        for file in files(path) {
            for segs in crate_paths(&code(&file)) {
                let target = &segs[0];
                if target == room || !rooms.contains_key(target) {
                    continue;
                }
                if !allowed.contains(target) {
                    problems.push(format!(
                        "{} imports crate::{} (room {room} may import only: {})",
                        file.strip_prefix(repo()).unwrap_or(&file).display(),
                        segs.join("::"),
                        allowed.iter().cloned().collect::<Vec<_>>().join(", ")
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert_eq!(find_cycle(&rules), None, "the list itself has a circle");
}

#[test]
fn no_two_files_of_the_desktop_shell_import_each_other() {
    let src = repo().join("src-tauri/src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    // What the crate root re-exports (`pub use error::AppError;`) belongs to that file.
    let mut root: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines() {
        if let Some(rest) = line.trim().strip_prefix("pub use ") {
            let segs = segments(rest);
            if segs.len() == 2 {
                root.insert(segs[1].clone(), format!("{}.rs", segs[0]));
            }
        }
    }
    let rel = |p: &Path| {
        p.strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/")
    };
    let known: BTreeSet<String> = files(&src).iter().map(|p| rel(p)).collect();
    // crate::a::b::C → the deepest file that exists: a/b.rs, a/b/mod.rs, a.rs, a/mod.rs.
    let resolve = |segs: &[String]| -> Option<String> {
        if segs.len() == 1 {
            return root.get(&segs[0]).cloned();
        }
        for n in (1..=segs.len()).rev() {
            let base = segs[..n].join("/");
            for candidate in [format!("{base}.rs"), format!("{base}/mod.rs")] {
                if known.contains(&candidate) {
                    return Some(candidate);
                }
            }
        }
        None
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files(&src) {
        let name = rel(&file);
        // The root wires every file in; the unit tests use what they test.
        if ["lib.rs", "main.rs", "tests.rs"].contains(&name.as_str()) {
            continue;
        }
        let text = code(&file);
        let mut targets: BTreeSet<String> = crate_paths(&text)
            .iter()
            .filter_map(|segs| resolve(segs))
            .collect();
        // super::x from a/b.rs is a/x.rs, else a/mod.rs.
        let parent = Path::new(&name)
            .parent()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for (i, _) in text.match_indices("super::") {
            let segs = segments(&text[i + "super::".len()..]);
            let Some(first) = segs.first() else { continue };
            let sibling = format!("{parent}/{first}.rs");
            let target = if known.contains(&sibling) {
                sibling
            } else {
                format!("{parent}/mod.rs")
            };
            targets.insert(target);
        }
        targets.remove(&name);
        graph.insert(name, targets);
    }
    assert!(
        graph.len() > 5,
        "the shell's files were not found: {graph:?}"
    );
    assert_eq!(
        find_cycle(&graph),
        None,
        "files of src-tauri import each other"
    );
}

#[test]
fn the_guard_sees_groups_and_circles() {
    assert_eq!(
        crate_paths("use crate::{store::Store, net::tls};\nlet x = crate::clock::now_ms();"),
        vec![
            vec!["store".to_owned(), "Store".to_owned()],
            vec!["net".to_owned(), "tls".to_owned()],
            vec!["clock".to_owned(), "now_ms".to_owned()],
        ]
    );
    assert!(crate_paths("tandem_crate::x").is_empty());
    let mut g = BTreeMap::new();
    g.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    g.insert("b".to_owned(), BTreeSet::from(["a".to_owned()]));
    assert!(find_cycle(&g).is_some());
    g.insert("b".to_owned(), BTreeSet::new());
    assert_eq!(find_cycle(&g), None);
}

/// Files stay where they read well: no core file over 800 lines before its tests, no
/// command file of the shell over 400 (its logic goes to core).
#[test]
fn no_file_grows_past_where_it_reads_well() {
    let mut long = Vec::new();
    for (dir, limit) in [("core/src", 800), ("src-tauri/src/commands", 400)] {
        for file in files(&repo().join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            let before_tests = text
                .lines()
                .take_while(|l| !l.starts_with("#[cfg(test)]"))
                .count();
            if before_tests > limit {
                long.push(format!(
                    "{}: {before_tests} lines (at most {limit})",
                    file.display()
                ));
            }
        }
    }
    assert!(long.is_empty(), "\n{}", long.join("\n"));
}
