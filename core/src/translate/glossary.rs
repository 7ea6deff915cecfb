//! The organisation's glossary: terms found as whole words, protected from a service
//! that has no glossary of its own and put back as their pair, and the CSV file staff
//! keep it in.

use super::markup::escape;
use crate::model::Lang;

/// Where `term` occurs in `text` as whole words, ignoring case: byte ranges.
pub(super) fn occurrences(text: &str, term: &str) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    let t = term.trim().to_lowercase();
    if t.is_empty() || lower.len() != text.len() {
        // Lower-casing changed the length (rare letters): no protection, only the check.
        return Vec::new();
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&t) {
        let start = from + pos;
        let end = start + t.len();
        if !word(lower[..start].chars().next_back()) && !word(lower[end..].chars().next()) {
            out.push((start, end));
        }
        from = end;
    }
    out
}

pub(super) fn contains_term(text: &str, term: &str) -> bool {
    crate::text::fold(text).contains(&crate::text::fold(term.trim()))
}

/// The pairs as (source term, target term) for a direction, longest first.
pub(super) fn directed(glossary: &[(String, String)], from: Lang) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = glossary
        .iter()
        .map(|(fr, nl)| match from {
            Lang::Fr => (fr.clone(), nl.clone()),
            Lang::Nl => (nl.clone(), fr.clone()),
        })
        .filter(|(s, t)| !s.trim().is_empty() && !t.trim().is_empty())
        .collect();
    pairs.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    pairs
}

/// For a service without glossaries: each source term replaced by a marker the service
/// leaves alone, put back as the target term afterwards. Only text is touched, never
/// a tag or an address inside one.
pub(super) fn protect(html: &str, pairs: &[(String, String)], used: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let (text, after) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
        let mut text = text.to_owned();
        for (source, target) in pairs {
            for (start, end) in occurrences(&text, &escape(source)).into_iter().rev() {
                let marker = format!("⟦{}⟧", used.len());
                used.push(escape(target));
                text.replace_range(start..end, &marker);
            }
        }
        out.push_str(&text);
        if after.is_empty() {
            return out;
        }
        let end = after.find('>').map_or(after.len(), |j| j + 1);
        out.push_str(&after[..end]);
        rest = &after[end..];
    }
}

pub(super) fn unprotect(html: &str, used: &[String]) -> String {
    let mut out = html.to_owned();
    for (i, target) in used.iter().enumerate() {
        out = out.replace(&format!("⟦{i}⟧"), target);
    }
    out
}

/// Why a glossary file was refused (the glossary then stays as it was).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum GlossaryFileError {
    #[error("line {line}: one column only; write French;Dutch on each line")]
    OneColumn { line: usize },
    #[error("line {line}: {detail}")]
    Unreadable { line: usize, detail: String },
    /// No line holds both terms: importing it would empty the glossary.
    #[error("no pair of terms in this file")]
    Empty,
}

impl GlossaryFileError {
    /// The Fluent id of the message that says what to do.
    pub fn code(&self) -> &'static str {
        match self {
            GlossaryFileError::OneColumn { .. } => "glossary-error-one-column",
            GlossaryFileError::Unreadable { .. } => "glossary-error-file",
            GlossaryFileError::Empty => "glossary-error-empty",
        }
    }

    /// The line the problem is on, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            GlossaryFileError::OneColumn { line } | GlossaryFileError::Unreadable { line, .. } => {
                Some(*line)
            }
            GlossaryFileError::Empty => None,
        }
    }
}

/// Reads a glossary file: CSV `fr;nl` or `fr,nl` (the delimiter of the first line), one
/// pair a line, an optional header naming the columns fr and nl (in either order);
/// UTF-8 or Windows-1252 as Excel writes it. A file with no pair is refused, never
/// taken as "empty the glossary".
pub fn read_glossary_csv(bytes: &[u8]) -> Result<Vec<(String, String)>, GlossaryFileError> {
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)) {
        Ok(t) => t.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut pairs = Vec::new();
    let mut columns = (0, 1);
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| GlossaryFileError::Unreadable {
            line: n + 1,
            detail: e.to_string(),
        })?;
        let cell = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        if n == 0 {
            let (a, b) = (cell(0).to_lowercase(), cell(1).to_lowercase());
            if (a == "fr" || a == "nl") && (b == "fr" || b == "nl") && a != b {
                columns = if a == "fr" { (0, 1) } else { (1, 0) };
                continue;
            }
        }
        if record.len() < 2 {
            return Err(GlossaryFileError::OneColumn { line: n + 1 });
        }
        let (fr, nl) = (cell(columns.0), cell(columns.1));
        if !fr.is_empty() && !nl.is_empty() {
            pairs.push((fr, nl));
        }
    }
    if pairs.is_empty() {
        return Err(GlossaryFileError::Empty);
    }
    Ok(pairs)
}

/// The glossary as CSV with a header `fr,nl`.
pub fn glossary_csv(pairs: &[(String, String)]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["fr", "nl"]).expect("writing to memory");
    for (fr, nl) in pairs {
        w.write_record([fr, nl]).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_afterwards_sees_plurals_too() {
        // "tuteurs" in the source asks for "voogd" in the draft: "voogden" has it,
        // "begeleiders" does not (the block is flagged).
        assert!(contains_term("Les tuteurs désignés", "tuteur"));
        assert!(contains_term("De voogden", "voogd"));
        assert!(!contains_term("De begeleiders", "voogd"));
        assert!(contains_term("Les MENA", "mena"));
    }

    #[test]
    fn terms_are_found_as_whole_words_and_protected_then_put_back() {
        assert_eq!(
            occurrences("Le tuteur, les tuteurs", "tuteur"),
            vec![(3, 9)]
        );
        let pairs = directed(
            &[
                ("tuteur".into(), "voogd".into()),
                ("MENA".into(), "NBMV".into()),
            ],
            Lang::Fr,
        );
        let mut used = Vec::new();
        let html = protect("<p>Le <b>tuteur</b> des MENA</p>", &pairs, &mut used);
        assert!(!html.contains("tuteur") && !html.contains("MENA"), "{html}");
        assert_eq!(unprotect(&html, &used), "<p>Le <b>voogd</b> des NBMV</p>");
        // A term inside a tag (an address) is left alone.
        let pairs = directed(&[("service".into(), "dienst".into())], Lang::Fr);
        let mut used = Vec::new();
        let html = protect(
            "<a href=\"https://x.be/service\">le service</a>",
            &pairs,
            &mut used,
        );
        assert_eq!(
            unprotect(&html, &used),
            "<a href=\"https://x.be/service\">le dienst</a>"
        );
    }
}
