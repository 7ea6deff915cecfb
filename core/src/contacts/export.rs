//! CSV export of the contacts file: UTF-8 with `,` by default; `excel` adds a BOM and
//! uses `;`, as Excel on Belgian Windows expects. Reading it back imports the same
//! contacts (a property test checks it).

use super::Contact;
use crate::spreadsheet::guard;

pub const EXPORT_HEADER: [&str; 9] = [
    "email",
    "first_name",
    "last_name",
    "organisation",
    "language",
    "lists",
    "status",
    "consent_source",
    "consent_date",
];

/// The CSV bytes of `contacts`.
pub fn export_csv(contacts: &[Contact], excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(EXPORT_HEADER).expect("writing to memory");
        for c in contacts {
            // What people typed or imported never runs as a formula in Excel (OWASP's CSV
            // injection); the import takes the guard off again.
            w.write_record([
                guard(&c.email).as_ref(),
                &guard(&c.first_name),
                &guard(&c.last_name),
                &guard(&c.organisation),
                c.language.code(),
                &guard(&c.lists.join(" | ")),
                c.status.code(),
                &guard(&c.consent_source),
                &guard(&c.consent_date),
            ])
            .expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}

#[cfg(test)]
mod csv_tests {
    use super::export_csv;

    #[test]
    fn every_line_ends_in_crlf_on_every_platform() {
        // Excel expects CRLF; the csv crate writes the same bytes whatever the system.
        for excel in [true, false] {
            let bytes = export_csv(&[], excel);
            let text = String::from_utf8_lossy(&bytes);
            assert!(text.ends_with("\r\n"), "{text:?}");
            assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        }
    }
}
