//! The newsletter's two languages and the three editions a reader can receive.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the newsletter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    Fr,
    Nl,
}

impl Lang {
    pub const BOTH: [Lang; 2] = [Lang::Fr, Lang::Nl];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::Nl,
            Lang::Nl => Lang::Fr,
        }
    }
}

/// What one reader receives: French, Dutch, or both texts one after the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Edition {
    Fr,
    Nl,
    Bilingual,
}

impl Edition {
    pub const ALL: [Edition; 3] = [Edition::Fr, Edition::Nl, Edition::Bilingual];

    /// The languages shown, in order.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            Edition::Fr => &[Lang::Fr],
            Edition::Nl => &[Lang::Nl],
            Edition::Bilingual => &Lang::BOTH,
        }
    }

    /// The language of the document as a whole (`lang` on `<html>`): the first shown.
    pub fn primary(self) -> Lang {
        self.langs()[0]
    }

    pub fn code(self) -> &'static str {
        match self {
            Edition::Fr => "fr",
            Edition::Nl => "nl",
            Edition::Bilingual => "bilingual",
        }
    }

    pub fn from_code(code: &str) -> Option<Edition> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// A value in each language: every text of the newsletter is one of these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Bilingual<T> {
    pub fr: T,
    pub nl: T,
}

/// Plain text in both languages.
pub type Text = Bilingual<String>;

impl<T> Bilingual<T> {
    pub fn new(fr: T, nl: T) -> Self {
        Bilingual { fr, nl }
    }

    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Fr => &self.fr,
            Lang::Nl => &self.nl,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Fr => &mut self.fr,
            Lang::Nl => &mut self.nl,
        }
    }
}

impl Text {
    /// The languages whose text is blank.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::BOTH
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
            .collect()
    }
}
