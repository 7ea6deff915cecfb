//! Bytes to text, detecting what Excel and friends really write: UTF-8 (with or without
//! BOM), UTF-16 LE/BE with BOM ("Unicode text"), and Windows-1252 ("CSV" on Belgian
//! Windows) — detected, never asked.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::Serialize;
use ts_rs::TS;

/// The encoding a file turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// Not text: an Excel (.xlsx, .xls) or OpenDocument (.ods) workbook, first sheet.
    Spreadsheet,
}

/// A decoded file: UTF-8 is the file's own bytes (no copy of a 60 MB file), other
/// encodings a decoded copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub encoding: SourceEncoding,
}

/// Decodes a file's bytes. Never fails: Windows-1252 maps every byte.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let (encoding, source, bom) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (UTF_8, SourceEncoding::Utf8Bom, 3),
        [0xFF, 0xFE, ..] => (UTF_16LE, SourceEncoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (UTF_16BE, SourceEncoding::Utf16Be, 2),
        _ if std::str::from_utf8(bytes).is_ok() => (UTF_8, SourceEncoding::Utf8, 0),
        _ => (WINDOWS_1252, SourceEncoding::Windows1252, 0),
    };
    let text = decode_with(encoding, &bytes[bom..]);
    Decoded {
        text,
        encoding: source,
    }
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> std::borrow::Cow<'a, str> {
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_is_recognised() {
        assert_eq!(decode("é".as_bytes()).encoding, SourceEncoding::Utf8);
        assert!(matches!(
            decode("é".as_bytes()).text,
            std::borrow::Cow::Borrowed(_)
        ));
        let bom = [&[0xEF, 0xBB, 0xBF][..], "é".as_bytes()].concat();
        assert_eq!(
            decode(&bom),
            Decoded {
                text: "é".into(),
                encoding: SourceEncoding::Utf8Bom
            }
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é;x".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode(&le),
            Decoded {
                text: "é;x".into(),
                encoding: SourceEncoding::Utf16Le
            }
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ë".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).text, "ë");
        // "Désirée" in Windows-1252, with the euro sign 0x80.
        let cp1252 = b"D\xe9sir\xe9e \x80";
        assert_eq!(
            decode(cp1252),
            Decoded {
                text: "Désirée €".into(),
                encoding: SourceEncoding::Windows1252
            }
        );
    }
}
