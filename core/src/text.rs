//! Text as people search and compare it. A leaf room.

/// Lower case without accents, so "celik" finds "Çelik" and "helene" finds "Hélène".
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        // Most addresses and many names: nothing to decompose.
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}
