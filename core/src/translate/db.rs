//! The glossary, the translation settings, and the DeepL glossaries made from the list.

use std::collections::HashMap;

use rusqlite::params;

use super::TranslateSettings;
use crate::model::Lang;
use crate::store::{Store, StoreError};

const TRANSLATE: &str = "translate";
const DEEPL_GLOSSARIES: &str = "deepl_glossaries";

impl Store {
    /// The glossary: (French, Dutch) pairs, in the order they were added.
    pub fn glossary(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT fr, nl FROM glossary ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Replaces the glossary (blank and repeated pairs left out), in one transaction.
    pub fn set_glossary(&mut self, pairs: &[(String, String)]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM glossary", [])?;
        let mut n = 0;
        for (fr, nl) in pairs {
            let (fr, nl) = (fr.trim(), nl.trim());
            if fr.is_empty() || nl.is_empty() {
                continue;
            }
            n += tx.execute(
                "INSERT OR IGNORE INTO glossary (fr, nl) VALUES (?1, ?2)",
                params![fr, nl],
            )?;
        }
        tx.commit()?;
        Ok(n)
    }

    pub fn translate_settings(&self) -> Result<TranslateSettings, StoreError> {
        Ok(self
            .setting(TRANSLATE)?
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default())
    }

    pub fn set_translate_settings(&self, settings: &TranslateSettings) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).expect("settings always serialise");
        self.set_setting(TRANSLATE, &json)
    }

    /// DeepL glossaries made earlier: (direction, content hash) → id.
    pub fn deepl_glossaries(&self) -> Result<HashMap<(Lang, Lang, String), String>, StoreError> {
        let map: HashMap<String, String> = self
            .setting(DEEPL_GLOSSARIES)?
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default();
        Ok(map
            .into_iter()
            .filter_map(|(k, id)| {
                let (dir, hash) = k.split_once(':')?;
                let (f, t) = dir.split_once('-')?;
                let lang = |c: &str| Lang::BOTH.into_iter().find(|l| l.code() == c);
                Some(((lang(f)?, lang(t)?, hash.to_owned()), id))
            })
            .collect())
    }

    pub fn set_deepl_glossaries(
        &self,
        known: &HashMap<(Lang, Lang, String), String>,
    ) -> Result<(), StoreError> {
        let map: HashMap<String, &String> = known
            .iter()
            .map(|((f, t, h), id)| (format!("{}-{}:{h}", f.code(), t.code()), id))
            .collect();
        self.set_setting(
            DEEPL_GLOSSARIES,
            &serde_json::to_string(&map).expect("a map of strings"),
        )
    }
}
