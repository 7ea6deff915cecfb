//! The many ways people write a language in a spreadsheet.

use super::ContactLanguage;

/// Lower case, accents off the e's, and any run of separators as one "/".
fn fold(s: &str) -> String {
    s.to_lowercase()
        .replace(['é', 'è', 'ê'], "e")
        .replace('ç', "c")
        .split(['/', '\\', '|', '+', '&', ' ', '-', ',', ';'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// fr, f, français, french, nl, n, nederlands, néerlandais, dutch, vlaams, both, fr/nl,
/// nl/fr, bilingue, tweetalig, … → fr / nl / both; `None` when unknown or blank.
pub fn parse_language(raw: &str) -> Option<ContactLanguage> {
    let v = fold(raw);
    match v.as_str() {
        "fr" | "f" | "francais" | "french" | "frans" | "franstalig" | "francophone" => {
            Some(ContactLanguage::Fr)
        }
        "nl" | "n" | "nederlands" | "neerlandais" | "dutch" | "vlaams" | "flamand"
        | "nederlandstalig" | "neerlandophone" => Some(ContactLanguage::Nl),
        "both" | "fr/nl" | "nl/fr" | "f/n" | "n/f" | "bilingue" | "bilingual" | "tweetalig"
        | "beide" | "les/deux" => Some(ContactLanguage::Both),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_from_the_issue_is_understood() {
        use ContactLanguage::*;
        for (raw, lang) in [
            ("fr", Fr),
            ("F", Fr),
            ("Français", Fr),
            ("french", Fr),
            ("nl", Nl),
            ("N", Nl),
            ("Nederlands", Nl),
            ("néerlandais", Nl),
            ("Dutch", Nl),
            ("Vlaams", Nl),
            ("both", Both),
            ("FR/NL", Both),
            ("nl/fr", Both),
            ("Bilingue", Both),
            ("tweetalig", Both),
            (" fr - nl ", Both),
            ("FR+NL", Both),
        ] {
            assert_eq!(parse_language(raw), Some(lang), "{raw}");
        }
        assert_eq!(parse_language(""), None);
        assert_eq!(parse_language("deutsch"), None);
    }
}
