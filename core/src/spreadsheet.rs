//! Cells for files people open in a spreadsheet (the ledger, the mailbox log).

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

#[cfg(test)]
mod tests {
    use super::*;

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
