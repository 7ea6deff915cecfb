//! Preferences of this installation, kept in the `settings` table.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::model::UiLanguage;

const UI_LANGUAGE: &str = "ui_language";
const UPDATE_CHECK: &str = "update_check_daily";
const UPDATE_CHECKED_AT: &str = "update_checked_at";

impl Store {
    /// The interface language the user chose, if they ever chose one.
    pub fn ui_language(&self) -> Result<Option<UiLanguage>, StoreError> {
        let Some(value) = self.setting(UI_LANGUAGE)? else {
            return Ok(None);
        };
        UiLanguage::from_code(&value)
            .map(Some)
            .ok_or(StoreError::BadSetting {
                key: UI_LANGUAGE.into(),
                value,
            })
    }

    /// Remembers the interface language for the next start.
    pub fn set_ui_language(&self, lang: UiLanguage) -> Result<(), StoreError> {
        self.set_setting(UI_LANGUAGE, lang.code())
    }

    /// Whether the app looks for a new version once a day when it starts (off until the
    /// organisation turns it on: some staff work on metered connections).
    pub fn update_check_daily(&self) -> Result<bool, StoreError> {
        Ok(self.setting(UPDATE_CHECK)?.as_deref() == Some("on"))
    }

    pub fn set_update_check_daily(&self, on: bool) -> Result<(), StoreError> {
        self.set_setting(UPDATE_CHECK, if on { "on" } else { "off" })
    }

    /// When updates were last looked for (RFC 3339), if ever.
    pub fn update_checked_at(&self) -> Result<Option<String>, StoreError> {
        self.setting(UPDATE_CHECKED_AT)
    }

    pub fn set_update_checked_at(&self, at: &str) -> Result<(), StoreError> {
        self.set_setting(UPDATE_CHECKED_AT, at)
    }

    /// A setting stored as JSON by the room that owns it; a value that does not read as
    /// a `T` is an error, never a guess.
    pub fn json_setting<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        match self.setting(key)? {
            None => Ok(None),
            Some(value) if value.is_empty() => Ok(None),
            Some(value) => {
                serde_json::from_str(&value)
                    .map(Some)
                    .map_err(|_| StoreError::BadSetting {
                        key: key.into(),
                        value,
                    })
            }
        }
    }

    /// Saves a setting as JSON; `None` removes it.
    pub fn set_json_setting<T: serde::Serialize>(
        &self,
        key: &str,
        value: Option<&T>,
    ) -> Result<(), StoreError> {
        match value {
            Some(v) => {
                let json = serde_json::to_string(v).expect("settings always serialise");
                self.set_setting(key, &json)
            }
            None => {
                self.conn
                    .execute("DELETE FROM settings WHERE key = ?1", [key])?;
                Ok(())
            }
        }
    }

    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value,
               updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            params![key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ui_language_is_unset_then_remembered() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.ui_language().unwrap(), None);
        store.set_ui_language(UiLanguage::Nl).unwrap();
        assert_eq!(store.ui_language().unwrap(), Some(UiLanguage::Nl));
        store.set_ui_language(UiLanguage::Fr).unwrap();
        assert_eq!(store.ui_language().unwrap(), Some(UiLanguage::Fr));
    }

    #[test]
    fn an_unknown_stored_language_is_an_error_not_a_guess() {
        let store = Store::open_in_memory().unwrap();
        store.set_setting(UI_LANGUAGE, "klingon").unwrap();
        let err = store.ui_language().unwrap_err();
        assert_eq!(err.code(), "error-store-internal");
    }

    #[test]
    fn json_settings_are_saved_read_back_and_removed() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.json_setting::<Vec<u32>>("k").unwrap(), None);
        store.set_json_setting("k", Some(&vec![1u32, 2])).unwrap();
        assert_eq!(
            store.json_setting::<Vec<u32>>("k").unwrap(),
            Some(vec![1, 2])
        );
        assert!(store.json_setting::<String>("k").is_err());
        store.set_json_setting::<Vec<u32>>("k", None).unwrap();
        assert_eq!(store.json_setting::<Vec<u32>>("k").unwrap(), None);
    }
}
