//! Preferences of this installation, kept in the `settings` table.

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::model::UiLanguage;
use crate::send::SmtpSettings;

const UI_LANGUAGE: &str = "ui_language";
const SMTP: &str = "smtp";
const OAUTH_ACCOUNT: &str = "oauth_account";
const IMAP: &str = "imap";
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

    /// The organisation's sending settings, if they were ever saved.
    pub fn smtp_settings(&self) -> Result<Option<SmtpSettings>, StoreError> {
        let Some(value) = self.setting(SMTP)? else {
            return Ok(None);
        };
        serde_json::from_str(&value)
            .map(Some)
            .map_err(|_| StoreError::BadSetting {
                key: SMTP.into(),
                value,
            })
    }

    /// Saves the sending settings (never a password: that is in the OS keychain).
    pub fn set_smtp_settings(&self, settings: &SmtpSettings) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).expect("settings always serialise");
        self.set_setting(SMTP, &json)
    }

    /// The mailbox that is read for unsubscribe requests and bounces, if it was set.
    pub fn imap_settings(&self) -> Result<Option<crate::mailbox::ImapSettings>, StoreError> {
        let Some(value) = self.setting(IMAP)? else {
            return Ok(None);
        };
        serde_json::from_str(&value)
            .map(Some)
            .map_err(|_| StoreError::BadSetting {
                key: IMAP.into(),
                value,
            })
    }

    /// Saves the mailbox settings (`None`: the mailbox is not read).
    pub fn set_imap_settings(
        &self,
        settings: Option<&crate::mailbox::ImapSettings>,
    ) -> Result<(), StoreError> {
        match settings {
            Some(s) => {
                let json = serde_json::to_string(s).expect("settings always serialise");
                self.set_setting(IMAP, &json)
            }
            None => {
                self.conn
                    .execute("DELETE FROM settings WHERE key = ?1", [IMAP])?;
                Ok(())
            }
        }
    }

    /// Who is signed in with Microsoft 365 or Google (never a token: those are in the
    /// keychain), if anyone.
    pub fn oauth_account(&self) -> Result<Option<crate::oauth::Account>, StoreError> {
        let Some(value) = self.setting(OAUTH_ACCOUNT)? else {
            return Ok(None);
        };
        if value.is_empty() {
            return Ok(None);
        }
        serde_json::from_str(&value)
            .map(Some)
            .map_err(|_| StoreError::BadSetting {
                key: OAUTH_ACCOUNT.into(),
                value,
            })
    }

    /// Records who signed in (or, with `None`, that nobody is).
    pub fn set_oauth_account(
        &self,
        account: Option<&crate::oauth::Account>,
    ) -> Result<(), StoreError> {
        let json = account
            .map(|a| serde_json::to_string(a).expect("an account always serialises"))
            .unwrap_or_default();
        self.set_setting(OAUTH_ACCOUNT, &json)
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

    pub(super) fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub(super) fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
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
    fn smtp_settings_are_saved_and_read_back() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.smtp_settings().unwrap(), None);
        let settings = SmtpSettings {
            host: "smtp.example.org".into(),
            from_address: "info@example.org".into(),
            ..SmtpSettings::default()
        };
        store.set_smtp_settings(&settings).unwrap();
        assert_eq!(store.smtp_settings().unwrap(), Some(settings));
    }

    #[test]
    fn an_unknown_stored_language_is_an_error_not_a_guess() {
        let store = Store::open_in_memory().unwrap();
        store.set_setting(UI_LANGUAGE, "klingon").unwrap();
        let err = store.ui_language().unwrap_err();
        assert_eq!(err.code(), "error-store-internal");
    }
}
