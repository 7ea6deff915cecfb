//! The ledger as a file: who got which edition, when, and what the server answered.

use super::LedgerRow;
use crate::spreadsheet::safe;

/// Column names of the ledger file (the same for the CLI and the app).
pub const LEDGER_HEADER: [&str; 12] = [
    "email",
    "edition",
    "status",
    "attempts",
    "reply",
    "message_id",
    "last_attempt_at",
    "sent_at",
    "bounce",
    "bounce_code",
    "bounce_reason",
    "bounced_at",
];

/// Writes `rows` as CSV: UTF-8 with `,`, or for Excel on Belgian Windows (`excel`) with
/// a byte-order mark and `;`. Times are UTC, ISO 8601. What servers wrote (replies,
/// bounce reasons) cannot run as a spreadsheet formula.
pub fn ledger_csv(rows: &[LedgerRow], excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let time = |ms: Option<i64>| {
        ms.and_then(chrono::DateTime::from_timestamp_millis)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default()
    };
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .from_writer(&mut out);
        w.write_record(LEDGER_HEADER).expect("writing to memory");
        for r in rows {
            w.write_record([
                r.email.as_str(),
                r.edition.code(),
                r.status.code(),
                &r.attempts.to_string(),
                &safe(&r.reply),
                &r.message_id,
                &time(r.last_attempt_at),
                &time(r.sent_at),
                &r.bounce,
                &safe(&r.bounce_code),
                &safe(&r.bounce_reason),
                &time(r.bounced_at),
            ])
            .expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edition;
    use crate::send::RowStatus;

    #[test]
    fn rows_become_csv_for_machines_or_for_belgian_excel() {
        let row = LedgerRow {
            id: 1,
            email: "anne@example.be".into(),
            name: "Anne".into(),
            edition: Edition::Fr,
            status: RowStatus::Failed,
            attempts: 2,
            reply: "550 5.1.1 No such user; \"here\"".into(),
            message_id: "<a@example.org>".into(),
            unsubscribe_token: "secret".into(),
            last_attempt_at: Some(1_795_000_000_000),
            sent_at: None,
            bounce: String::new(),
            bounce_code: String::new(),
            bounce_reason: String::new(),
            bounced_at: None,
        };
        let plain = String::from_utf8(ledger_csv(std::slice::from_ref(&row), false)).unwrap();
        assert_eq!(
            plain,
            "email,edition,status,attempts,reply,message_id,last_attempt_at,sent_at,bounce,bounce_code,bounce_reason,bounced_at\n\
             anne@example.be,fr,failed,2,\"550 5.1.1 No such user; \"\"here\"\"\",<a@example.org>,2026-11-18T11:06:40Z,,,,,\n"
        );
        assert!(!plain.contains("secret"), "tokens never leave the database");
        let excel = ledger_csv(std::slice::from_ref(&row), true);
        assert!(excel.starts_with("\u{feff}email;edition".as_bytes()));

        // A bounce's diagnostic is written by whoever sent the bounce.
        let hostile = LedgerRow {
            reply: "-2+3".into(),
            bounce: "hard".into(),
            bounce_code: "5.1.1".into(),
            bounce_reason: "=HYPERLINK(\"http://evil.example\",\"open\")".into(),
            ..row
        };
        let text = String::from_utf8(ledger_csv(&[hostile], false)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[4], "'-2+3");
        assert_eq!(&record[9], "5.1.1");
        assert_eq!(&record[10], "'=HYPERLINK(\"http://evil.example\",\"open\")");
    }
}
