//! Reading a contacts file into checked rows, before anything is written: the user sees
//! the detected encoding, delimiter and column mapping, the counts and every problem row
//! (with its line number) first; `store::apply_import` then writes it in one transaction.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    decode, is_valid_email, map_headers, normalise_email, parse_language, ContactLanguage,
    ContactStatus, Field, SourceEncoding,
};

/// What to do with a row whose address is already in the contacts file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum OnDuplicate {
    #[default]
    Skip,
    Update,
}

/// The user's choices for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    /// A list every imported contact is added to.
    pub list: Option<String>,
    pub on_duplicate: OnDuplicate,
    /// The language of rows that give none.
    pub default_language: Option<ContactLanguage>,
    /// The user's corrected mapping, one entry per column; `None` keeps the detected one.
    pub mapping: Option<Vec<Option<Field>>>,
}

/// One readable row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ParsedRow {
    /// Line in the file where the row starts (1 = the header line).
    pub line: u64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub language: ContactLanguage,
    pub lists: Vec<String>,
    pub notes: String,
    pub consent_source: String,
    pub consent_date: String,
    pub status: Option<ContactStatus>,
}

/// A row that will not be imported, and why (`reason` is a stable code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowProblem {
    pub line: u64,
    pub email: String,
    /// `invalid-email`, `missing-email`, `missing-language`, `duplicate-in-file`,
    /// `unsubscribed`, `erased`, `malformed`.
    pub reason: String,
}

/// A whole file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ParsedFile {
    pub encoding: SourceEncoding,
    pub delimiter: char,
    pub headers: Vec<String>,
    pub mapping: Vec<Option<Field>>,
    /// Data rows in the file (blank lines not counted).
    pub rows: usize,
    pub valid: Vec<ParsedRow>,
    pub problems: Vec<RowProblem>,
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("no column holds e-mail addresses (columns found: {0})")]
    NoEmailColumn(String),
    #[error("the file cannot be read as CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("the workbook cannot be read: {0}")]
    Spreadsheet(String),
}

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "error-import-empty",
            ImportError::NoEmailColumn(_) => "error-import-no-email-column",
            ImportError::Csv(_) => "error-import-unreadable",
            ImportError::Spreadsheet(_) => "error-import-spreadsheet",
        }
    }
}

/// The delimiter used in the header line: `;`, `,` or tab, whichever appears most
/// outside quotes (`;` wins ties: Belgian Excel).
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in first.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b';'))
        .map(|(d, _)| *d)
        .unwrap_or(b';')
}

/// Byte offsets where each line starts, counting CRLF, LF and a lone CR (old Mac
/// exports) as one line end each, as a text editor shows them.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 2;
                continue;
            }
            b'\r' | b'\n' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// The 1-based line where a record starting at byte offset `byte` begins. With CRLF
/// terminators the reader may place a record on the LF of the line before it: line-end
/// bytes are skipped first.
fn line_of(text: &str, starts: &[usize], byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut byte = byte as usize;
    while matches!(bytes.get(byte), Some(b'\r' | b'\n')) {
        byte += 1;
    }
    starts.partition_point(|s| *s <= byte) as u64
}

/// Google Contacts writes lists as "* myContacts ::: Presse"; others use `,` `;` `|`.
fn split_lists(raw: &str) -> Vec<String> {
    raw.split([',', ';', '|'])
        .flat_map(|p| p.split(":::"))
        .map(|p| p.trim().trim_start_matches('*').trim())
        .filter(|p| !p.is_empty() && !p.eq_ignore_ascii_case("myContacts"))
        .map(str::to_owned)
        .collect()
}

/// Checks rows one by one against the mapping, as the file gives them.
struct Checker<'o> {
    options: &'o ImportOptions,
    mapping: Vec<Option<Field>>,
    email_col: usize,
    seen: std::collections::HashSet<String>,
    rows: usize,
    valid: Vec<ParsedRow>,
    problems: Vec<RowProblem>,
}

impl<'o> Checker<'o> {
    fn new(headers: &[String], options: &'o ImportOptions) -> Result<Self, ImportError> {
        let mapping = match &options.mapping {
            Some(m) if m.len() == headers.len() => m.clone(),
            _ => map_headers(headers),
        };
        let email_col = mapping
            .iter()
            .position(|m| *m == Some(Field::Email))
            .ok_or_else(|| ImportError::NoEmailColumn(headers.join(", ")))?;
        Ok(Checker {
            options,
            mapping,
            email_col,
            seen: Default::default(),
            rows: 0,
            valid: Vec::new(),
            problems: Vec::new(),
        })
    }

    fn malformed(&mut self, line: u64) {
        self.rows += 1;
        self.problems.push(RowProblem {
            line,
            email: String::new(),
            reason: "malformed".into(),
        });
    }

    /// One row starting at `line`; blank rows are not counted.
    fn row(&mut self, line: u64, cells: &[&str]) {
        if cells.iter().all(|f| f.trim().is_empty()) {
            return;
        }
        self.rows += 1;
        let get = |f: Field| {
            self.mapping
                .iter()
                .position(|m| *m == Some(f))
                .and_then(|i| cells.get(i))
                .map(|c| crate::spreadsheet::unguard(c.trim()))
                .unwrap_or("")
                .to_owned()
        };
        let email = normalise_email(crate::spreadsheet::unguard(
            cells.get(self.email_col).copied().unwrap_or("").trim(),
        ));
        let problem = |reason: &str| RowProblem {
            line,
            email: email.clone(),
            reason: reason.into(),
        };
        if email.is_empty() {
            self.problems.push(problem("missing-email"));
            return;
        }
        if !is_valid_email(&email) {
            self.problems.push(problem("invalid-email"));
            return;
        }
        let language = match parse_language(&get(Field::Language)).or(self.options.default_language)
        {
            Some(l) => l,
            None => {
                self.problems.push(problem("missing-language"));
                return;
            }
        };
        if !self.seen.insert(email.to_lowercase()) {
            self.problems.push(problem("duplicate-in-file"));
            return;
        }
        let mut lists = split_lists(&get(Field::Lists));
        if let Some(list) = self.options.list.as_ref().filter(|l| !l.trim().is_empty()) {
            if !lists.iter().any(|l| l.eq_ignore_ascii_case(list.trim())) {
                lists.push(list.trim().to_owned());
            }
        }
        let row = ParsedRow {
            line,
            first_name: get(Field::FirstName),
            last_name: get(Field::LastName),
            organisation: get(Field::Organisation),
            language,
            lists,
            notes: get(Field::Notes),
            consent_source: get(Field::ConsentSource),
            consent_date: get(Field::ConsentDate),
            status: ContactStatus::from_code(&get(Field::Status).to_lowercase()),
            email,
        };
        self.valid.push(row);
    }

    fn finish(self, encoding: SourceEncoding, delimiter: char, headers: Vec<String>) -> ParsedFile {
        ParsedFile {
            encoding,
            delimiter,
            headers,
            mapping: self.mapping,
            rows: self.rows,
            valid: self.valid,
            problems: self.problems,
        }
    }
}

/// Whether the bytes are a workbook (zip-based .xlsx/.ods, or OLE2 .xls), not text.
fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A cell as the text a CSV export would have given: dates as YYYY-MM-DD, whole
/// numbers without ".0".
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::{Data, DataType};
    match cell {
        Data::DateTime(_) | Data::DateTimeIso(_) => cell
            .as_date()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| cell.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Error(_) => String::new(),
        other => other.to_string(),
    }
}

/// The first sheet of a workbook; line numbers are the sheet's row numbers.
fn parse_spreadsheet(bytes: &[u8], options: &ImportOptions) -> Result<ParsedFile, ImportError> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| ImportError::Spreadsheet(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(ImportError::Empty)?
        .map_err(|e| ImportError::Spreadsheet(e.to_string()))?;
    let first_row = u64::from(range.start().map_or(0, |(r, _)| r)) + 1;
    let mut rows = range.rows();
    let headers: Vec<String> = rows
        .next()
        .ok_or(ImportError::Empty)?
        .iter()
        .map(|c| cell_text(c).trim().to_owned())
        .collect();
    let mut checker = Checker::new(&headers, options)?;
    for (i, row) in rows.enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        checker.row(first_row + 1 + i as u64, &cells);
    }
    Ok(checker.finish(SourceEncoding::Spreadsheet, ',', headers))
}

/// Reads and checks a file's bytes. Fails only when it cannot be read at all.
pub fn parse(bytes: &[u8], options: &ImportOptions) -> Result<ParsedFile, ImportError> {
    if is_spreadsheet(bytes) {
        return parse_spreadsheet(bytes, options);
    }
    let decoded = decode(bytes);
    // CRLF, LF and a lone CR (old Mac exports) all end a record: csv's CRLF terminator.
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(&text);
    let starts = line_starts(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .terminator(csv::Terminator::CRLF)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut checker = Checker::new(&headers, options)?;
    let mut record = csv::StringRecord::new();
    loop {
        let line = line_of(&text, &starts, reader.position().byte());
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                checker.malformed(line);
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record
            .position()
            .map_or(line, |p| line_of(&text, &starts, p.byte()));
        let cells: Vec<&str> = record.iter().collect();
        checker.row(line, &cells);
    }
    Ok(checker.finish(decoded.encoding, delimiter as char, headers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter("email;langue\n"), b';');
        assert_eq!(sniff_delimiter("\"a;b;c\",email,langue\n"), b',');
        assert_eq!(sniff_delimiter("email\tlangue\tnom\n"), b'\t');
    }

    #[test]
    fn lines_are_counted_as_an_editor_shows_them() {
        let text = "a\r\nb\rc\nd";
        let starts = line_starts(text);
        assert_eq!(starts, [0, 3, 5, 7]);
        assert_eq!(line_of(text, &starts, 0), 1);
        assert_eq!(
            line_of(text, &starts, 2),
            2,
            "on the LF of a CRLF: the next line"
        );
        assert_eq!(line_of(text, &starts, 5), 3);
        assert_eq!(line_of(text, &starts, 7), 4);
    }

    #[test]
    fn google_list_cells_are_split() {
        assert_eq!(
            split_lists("* myContacts ::: Presse ::: Membres"),
            ["Presse", "Membres"]
        );
        assert_eq!(split_lists("members, press"), ["members", "press"]);
    }
}
