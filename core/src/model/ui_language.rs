//! The language of the app's own screens (not of the newsletter).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the app's interface is available in.
///
/// French and Dutch are the organisation's working languages; English is the fallback
/// for anyone whose system speaks neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum UiLanguage {
    Fr,
    Nl,
    En,
}

impl UiLanguage {
    /// Every interface language, in the order the switch shows them.
    pub const ALL: [UiLanguage; 3] = [UiLanguage::Fr, UiLanguage::Nl, UiLanguage::En];

    /// The BCP 47 code, as stored in the database and used for Fluent.
    pub fn code(self) -> &'static str {
        match self {
            UiLanguage::Fr => "fr",
            UiLanguage::Nl => "nl",
            UiLanguage::En => "en",
        }
    }

    /// Parses a stored code (`fr`, `nl`, `en`); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language to start in for a system locale such as `fr-BE`, `nl_BE.UTF-8` or
    /// `en-US`: French or Dutch when the system speaks it, English otherwise.
    pub fn from_system_locale(locale: Option<&str>) -> Self {
        let primary = locale
            .unwrap_or("")
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => UiLanguage::Fr,
            "nl" => UiLanguage::Nl,
            _ => UiLanguage::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_locale_picks_french_or_dutch_else_english() {
        assert_eq!(
            UiLanguage::from_system_locale(Some("fr-BE")),
            UiLanguage::Fr
        );
        assert_eq!(
            UiLanguage::from_system_locale(Some("fr_BE.UTF-8")),
            UiLanguage::Fr
        );
        assert_eq!(
            UiLanguage::from_system_locale(Some("nl-BE")),
            UiLanguage::Nl
        );
        assert_eq!(UiLanguage::from_system_locale(Some("NL")), UiLanguage::Nl);
        assert_eq!(
            UiLanguage::from_system_locale(Some("de-DE")),
            UiLanguage::En
        );
        assert_eq!(UiLanguage::from_system_locale(Some("C")), UiLanguage::En);
        assert_eq!(UiLanguage::from_system_locale(None), UiLanguage::En);
    }

    #[test]
    fn codes_round_trip_and_match_serde() {
        for lang in UiLanguage::ALL {
            assert_eq!(UiLanguage::from_code(lang.code()), Some(lang));
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
        }
        assert_eq!(UiLanguage::from_code("de"), None);
    }
}
