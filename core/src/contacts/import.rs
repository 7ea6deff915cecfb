//! Reading a contacts file into checked rows, before anything is written: the user sees
//! the detected encoding, delimiter and column mapping, the counts and every problem row
//! (with its line number) first; `store::apply_import` then writes it in one transaction.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    decode, is_valid_email, map_headers, normalise_email, parse_language, ContactLanguage,
    ContactStatus, Field, SourceEncoding,
};

/// The largest contacts file read (CSV or workbook, as stored on disk). A contacts
/// file of 200,000 people with long notes stays well under it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The largest any part of a workbook may grow to once unzipped (a sheet, its shared
/// strings): a 4 MB .xlsx can unzip to gigabytes (a zip bomb). Checked before reading.
pub const MAX_EXPANDED_BYTES: u64 = 64 * 1024 * 1024;
/// All the parts of a workbook together, unzipped (the sheet, its shared strings, styles).
pub const MAX_EXPANDED_TOTAL: u64 = 4 * MAX_EXPANDED_BYTES;
/// The most data rows read; a file with more is refused (split it).
pub const MAX_ROWS: usize = 200_000;
/// The longest cell kept (characters); a row with a longer one is refused, row by row.
pub const MAX_CELL_CHARS: usize = 1_000;
/// Notes may be longer (Outlook's notes), up to this.
pub const MAX_NOTES_CHARS: usize = 5_000;
/// Problem rows listed in a report (the first ones); all are counted by reason.
pub const MAX_LISTED_PROBLEMS: usize = 1_000;

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
    /// `cell-too-long`, `unsubscribed`, `erased`, `malformed`.
    pub reason: String,
}

/// How many rows were refused for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProblemCount {
    pub reason: String,
    pub count: usize,
}

/// A refused row into a report: listed among the first `MAX_LISTED_PROBLEMS`, counted
/// by its reason whatever its place (reasons in the order they first appear).
pub(crate) fn refuse_into(
    listed: &mut Vec<RowProblem>,
    counts: &mut Vec<ProblemCount>,
    problem: RowProblem,
) {
    match counts.iter_mut().find(|c| c.reason == problem.reason) {
        Some(c) => c.count += 1,
        None => counts.push(ProblemCount {
            reason: problem.reason.clone(),
            count: 1,
        }),
    }
    if listed.len() < MAX_LISTED_PROBLEMS {
        listed.push(problem);
    }
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
    /// The first `MAX_LISTED_PROBLEMS` problem rows.
    pub problems: Vec<RowProblem>,
    /// Every problem row, counted by reason (also those not listed).
    pub problem_counts: Vec<ProblemCount>,
}

impl ParsedFile {
    /// Problem rows in all, listed or not.
    pub fn problems_total(&self) -> usize {
        self.problem_counts.iter().map(|c| c.count).sum()
    }
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
    #[error("the file is {bytes} bytes; a contacts file may be up to {limit} bytes")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("the workbook's part {part} unzips to {bytes} bytes; up to {limit} bytes are read (a file that grows this much is not a contacts list)")]
    Expands {
        part: String,
        bytes: u64,
        limit: u64,
    },
    #[error("the file has more than {limit} rows; split it into smaller files")]
    TooManyRows { limit: usize },
    #[error("the file cannot be read: {0}")]
    Io(String),
}

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "error-import-empty",
            ImportError::NoEmailColumn(_) => "error-import-no-email-column",
            ImportError::Csv(_) => "error-import-unreadable",
            ImportError::Spreadsheet(_) => "error-import-spreadsheet",
            ImportError::TooLarge { .. } | ImportError::Expands { .. } => "error-import-too-large",
            ImportError::TooManyRows { .. } => "error-import-too-many-rows",
            ImportError::Io(_) => "error-file-access",
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
    /// Every problem, counted by reason.
    counts: Vec<ProblemCount>,
}

/// A problem row's address as the report shows it: no longer than an address can be.
fn shown_email(email: &str) -> String {
    email.chars().take(254).collect()
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
            counts: Vec::new(),
        })
    }

    fn refuse(&mut self, problem: RowProblem) {
        refuse_into(&mut self.problems, &mut self.counts, problem);
    }

    /// Counts a data row; past `MAX_ROWS` the file is refused.
    fn count_row(&mut self) -> Result<(), ImportError> {
        self.rows += 1;
        if self.rows > MAX_ROWS {
            return Err(ImportError::TooManyRows { limit: MAX_ROWS });
        }
        Ok(())
    }

    fn malformed(&mut self, line: u64) -> Result<(), ImportError> {
        self.count_row()?;
        self.refuse(RowProblem {
            line,
            email: String::new(),
            reason: "malformed".into(),
        });
        Ok(())
    }

    /// One row starting at `line`; blank rows are not counted.
    fn row(&mut self, line: u64, cells: &[&str]) -> Result<(), ImportError> {
        if cells.iter().all(|f| f.trim().is_empty()) {
            return Ok(());
        }
        self.count_row()?;
        // A cell longer than anything a person types in a contacts list: the row is
        // refused (its content is not copied into the report).
        let too_long = self.mapping.iter().zip(cells).any(|(field, cell)| {
            let limit = match field {
                None => return false,
                Some(Field::Notes) => MAX_NOTES_CHARS,
                Some(_) => MAX_CELL_CHARS,
            };
            cell.len() > limit && cell.chars().count() > limit
        });
        if too_long {
            let email = cells.get(self.email_col).copied().unwrap_or("").trim();
            self.refuse(RowProblem {
                line,
                email: shown_email(email),
                reason: "cell-too-long".into(),
            });
            return Ok(());
        }
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
            email: shown_email(&email),
            reason: reason.into(),
        };
        if email.is_empty() {
            self.refuse(problem("missing-email"));
            return Ok(());
        }
        if !is_valid_email(&email) {
            self.refuse(problem("invalid-email"));
            return Ok(());
        }
        let language = match parse_language(&get(Field::Language)).or(self.options.default_language)
        {
            Some(l) => l,
            None => {
                self.refuse(problem("missing-language"));
                return Ok(());
            }
        };
        if !self.seen.insert(email.to_lowercase()) {
            self.refuse(problem("duplicate-in-file"));
            return Ok(());
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
        Ok(())
    }

    fn finish(self, encoding: SourceEncoding, delimiter: char, headers: Vec<String>) -> ParsedFile {
        ParsedFile {
            encoding,
            delimiter,
            headers,
            mapping: self.mapping,
            rows: self.rows,
            problem_counts: self.counts,
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

/// Refuses a zip-based workbook (.xlsx, .ods) any part of which unzips past
/// `MAX_EXPANDED_BYTES`, or all of them past `MAX_EXPANDED_TOTAL`: first from the sizes
/// its directory declares, then, as a directory can lie, by unzipping each part into
/// nothing and counting (memory stays one buffer; time is bounded by the limits). An
/// .xls is not compressed: the file's own size bounds it.
fn check_expansion(bytes: &[u8]) -> Result<(), ImportError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let unreadable = |e: &dyn std::fmt::Display| ImportError::Spreadsheet(e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let expands = |part: &str, bytes: u64, limit: u64| ImportError::Expands {
        part: part.chars().take(100).collect(),
        bytes,
        limit,
    };
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| unreadable(&e))?;
        if part.size() > MAX_EXPANDED_BYTES {
            return Err(expands(part.name(), part.size(), MAX_EXPANDED_BYTES));
        }
        declared = declared.saturating_add(part.size());
    }
    if declared > MAX_EXPANDED_TOTAL {
        return Err(expands("*", declared, MAX_EXPANDED_TOTAL));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let name = part.name().to_owned();
        let read = std::io::copy(
            &mut std::io::Read::take(&mut part, MAX_EXPANDED_BYTES + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| unreadable(&e))?;
        if read > MAX_EXPANDED_BYTES {
            return Err(expands(&name, read, MAX_EXPANDED_BYTES));
        }
        total += read;
        if total > MAX_EXPANDED_TOTAL {
            return Err(expands("*", total, MAX_EXPANDED_TOTAL));
        }
    }
    Ok(())
}

/// The first sheet of a workbook; line numbers are the sheet's row numbers. An .xlsx is
/// read cell by cell (never the whole sheet at once); .ods and .xls as a range.
fn parse_spreadsheet(bytes: &[u8], options: &ImportOptions) -> Result<ParsedFile, ImportError> {
    use calamine::{Reader, Sheets};
    check_expansion(bytes)?;
    let book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::Spreadsheet(e.to_string()))?;
    let spreadsheet = |e: &dyn std::fmt::Display| ImportError::Spreadsheet(e.to_string());
    match book {
        Sheets::Xlsx(mut xlsx) => {
            let name = xlsx
                .sheet_names()
                .first()
                .cloned()
                .ok_or(ImportError::Empty)?;
            let mut cells = xlsx
                .worksheet_cells_reader(&name)
                .map_err(|e| spreadsheet(&e))?;
            let mut rows = Rows::default();
            while let Some(cell) = cells.next_cell().map_err(|e| spreadsheet(&e))? {
                let (row, col) = cell.get_position();
                let text = cell_text(&calamine::Data::from(cell.get_value().clone()));
                rows.cell(row, col, text, options)?;
            }
            rows.finish(options)
        }
        mut other => {
            let range = other
                .worksheet_range_at(0)
                .ok_or(ImportError::Empty)?
                .map_err(|e| spreadsheet(&e))?;
            let (first_row, first_col) = range.start().unwrap_or((0, 0));
            let mut rows = Rows::default();
            for (r, row) in range.rows().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    rows.cell(
                        first_row + r as u32,
                        first_col + c as u32,
                        cell_text(cell),
                        options,
                    )?;
                }
            }
            rows.finish(options)
        }
    }
}

/// A sheet's cells gathered row by row as they come (row order), each row checked as
/// soon as it is complete: only one row is ever held.
#[derive(Default)]
struct Rows<'o> {
    current: Option<u32>,
    cells: Vec<String>,
    headers: Option<Vec<String>>,
    checker: Option<Checker<'o>>,
}

impl<'o> Rows<'o> {
    fn cell(
        &mut self,
        row: u32,
        col: u32,
        text: String,
        options: &'o ImportOptions,
    ) -> Result<(), ImportError> {
        if self.current != Some(row) {
            self.flush(options)?;
            self.current = Some(row);
        }
        let col = col as usize;
        // Columns past the last header are nobody's field: not kept.
        let width = self.headers.as_ref().map_or(usize::MAX, Vec::len);
        if col < width {
            if self.cells.len() <= col {
                self.cells.resize(col + 1, String::new());
            }
            self.cells[col] = text;
        }
        Ok(())
    }

    fn flush(&mut self, options: &'o ImportOptions) -> Result<(), ImportError> {
        let Some(row) = self.current else {
            return Ok(());
        };
        let cells = std::mem::take(&mut self.cells);
        match &mut self.checker {
            None => {
                let headers: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
                self.checker = Some(Checker::new(&headers, options)?);
                self.headers = Some(headers);
            }
            Some(checker) => {
                let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                checker.row(u64::from(row) + 1, &cells)?;
            }
        }
        Ok(())
    }

    fn finish(mut self, options: &'o ImportOptions) -> Result<ParsedFile, ImportError> {
        self.flush(options)?;
        let (Some(checker), Some(headers)) = (self.checker, self.headers) else {
            return Err(ImportError::Empty);
        };
        Ok(checker.finish(SourceEncoding::Spreadsheet, ',', headers))
    }
}

/// Reads the contacts file at `path`, refusing one past `MAX_FILE_BYTES` before
/// reading it (a 1 GB file costs nothing).
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, ImportError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| ImportError::Io(e.to_string()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // A file that grows while it is read (a pipe, a file being written) stops at the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Io(e.to_string()))?;
    Ok(bytes)
}

/// Reads and checks a file's bytes. Fails only when it cannot be read at all (or is
/// beyond the limits above).
pub fn parse(bytes: &[u8], options: &ImportOptions) -> Result<ParsedFile, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
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
                checker.malformed(line)?;
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
        checker.row(line, &cells)?;
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
