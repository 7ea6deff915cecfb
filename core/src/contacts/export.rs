//! CSV export of the contacts file: UTF-8 with `,` by default; `excel` adds a BOM and
//! uses `;`, as Excel on Belgian Windows expects. Reading it back imports the same
//! contacts (a property test checks it).

use crate::store::Contact;

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
            w.write_record([
                c.email.as_str(),
                &c.first_name,
                &c.last_name,
                &c.organisation,
                c.language.code(),
                &c.lists.join(" | "),
                c.status.code(),
                &c.consent_source,
                &c.consent_date,
            ])
            .expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}

/// 128 random bits from the operating system, as hex: unsubscribe tokens and salts.
pub fn os_random_token() -> String {
    // Imports ask for one token per row: the OS is asked for 256 at a time.
    thread_local! {
        static POOL: std::cell::RefCell<(Vec<u8>, usize)> = const { std::cell::RefCell::new((Vec::new(), 0)) };
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    POOL.with(|pool| {
        let (bytes, used) = &mut *pool.borrow_mut();
        if *used + 16 > bytes.len() {
            bytes.resize(4096, 0);
            getrandom::fill(bytes).expect("the OS random source is available");
            *used = 0;
        }
        let mut token = String::with_capacity(32);
        for b in &bytes[*used..*used + 16] {
            token.push(HEX[usize::from(b >> 4)] as char);
            token.push(HEX[usize::from(b & 15)] as char);
        }
        *used += 16;
        token
    })
}

#[cfg(test)]
mod token_tests {
    use super::os_random_token;

    #[test]
    fn tokens_are_32_lower_hex_digits_and_distinct_across_pool_refills() {
        let tokens: std::collections::HashSet<String> =
            (0..1000).map(|_| os_random_token()).collect();
        assert_eq!(tokens.len(), 1000);
        assert!(tokens.iter().all(|t| t.len() == 32
            && t.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))));
    }
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
