//! Runs a test command while passing its output through, and counts what it reports,
//! so `cargo xtask test` ends with one line for every layer: "N passed, N failed".

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }

    pub fn closing_line(&self) -> String {
        format!(
            "xtask: {} passed, {} failed, {} skipped",
            self.passed, self.failed, self.ignored
        )
    }
}

/// Runs `cmd`, echoing its stdout, and sums cargo's `test result:` lines and vitest's
/// `Tests  N passed` line. Fails when the command fails or reports no test at all.
pub fn run_and_count(mut cmd: Command, what: &str) -> Result<Counts, String> {
    cmd.stdout(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("{what}: cannot start: {e}"))?;
    let mut counts = Counts::default();
    let stdout = child.stdout.take().unwrap();
    let mut out = std::io::stdout();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let _ = writeln!(out, "{line}");
        counts.add(parse_line(&line));
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!(
            "{what} failed ({status}); {}",
            counts.closing_line()
        ));
    }
    if counts.passed + counts.failed == 0 {
        return Err(format!("{what} ran no test"));
    }
    Ok(counts)
}

fn number_before(text: &str, word: &str) -> u64 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find(|w| w[1] == word)
        .and_then(|w| w[0].parse().ok())
        .unwrap_or(0)
}

fn parse_line(line: &str) -> Counts {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("test result:") {
        // cargo: "test result: ok. 6 passed; 0 failed; 1 ignored; 0 measured; …"
        return Counts {
            passed: number_before(rest, "passed"),
            failed: number_before(rest, "failed"),
            ignored: number_before(rest, "ignored"),
        };
    }
    if let Some(rest) = line.strip_prefix("Tests") {
        // vitest: "Tests  5 passed (5)" or "Tests  1 failed | 4 passed (5)"
        let rest = rest.replace('|', " ");
        return Counts {
            passed: number_before(&rest, "passed"),
            failed: number_before(&rest, "failed"),
            ignored: number_before(&rest, "skipped"),
        };
    }
    Counts::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_and_vitest_summaries() {
        let c = parse_line("test result: ok. 6 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        assert_eq!((c.passed, c.failed, c.ignored), (6, 2, 1));
        let v = parse_line("      Tests  1 failed | 4 passed (5)");
        assert_eq!((v.passed, v.failed), (4, 1));
        let n = parse_line("Tests  5 passed (5)");
        assert_eq!(n.passed, 5);
        assert_eq!(parse_line("running 3 tests").passed, 0);
    }
}
