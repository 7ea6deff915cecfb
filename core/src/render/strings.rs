//! The newsletter's fixed strings and dates in each language, from `locales/*/email.ftl`
//! and chrono's `fr_BE` / `nl_BE` locales.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use fluent_bundle::FluentArgs;

use crate::i18n::{Domain, Localizer};
use crate::model::{Lang, UiLanguage};

static FR: LazyLock<Localizer> = LazyLock::new(|| Localizer::new(UiLanguage::Fr, Domain::Email));
static NL: LazyLock<Localizer> = LazyLock::new(|| Localizer::new(UiLanguage::Nl, Domain::Email));

fn localizer(lang: Lang) -> &'static Localizer {
    match lang {
        Lang::Fr => &FR,
        Lang::Nl => &NL,
    }
}

/// A fixed string of the newsletter.
pub fn s(lang: Lang, id: &str) -> String {
    localizer(lang).format(id, None)
}

/// A fixed string with arguments.
pub fn format(lang: Lang, id: &str, args: &FluentArgs<'_>) -> String {
    localizer(lang).format(id, Some(args))
}

/// A fixed string with one argument.
pub fn s1(lang: Lang, id: &str, name: &str, value: &str) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value.to_owned());
    localizer(lang).format(id, Some(&args))
}

fn locale(lang: Lang) -> chrono::Locale {
    match lang {
        Lang::Fr => chrono::Locale::fr_BE,
        Lang::Nl => chrono::Locale::nl_BE,
    }
}

/// "mardi 1 décembre 2026" / "dinsdag 1 december 2026".
pub fn date(lang: Lang, date: NaiveDate) -> String {
    date.format_localized(&s(lang, "email-date-format"), locale(lang))
        .to_string()
}

/// "jeudi 22 avril 2027 à 19 h 30" / "donderdag 22 april 2027 om 19.30 uur", in the
/// event's own time zone (as entered).
pub fn date_time(lang: Lang, at: DateTime<FixedOffset>) -> String {
    let day = date(lang, at.date_naive());
    let time_format = if at.minute() == 0 {
        s(lang, "email-time-format-hour")
    } else {
        s(lang, "email-time-format")
    };
    let time = at.format_localized(&time_format, locale(lang)).to_string();
    let mut args = FluentArgs::new();
    args.set("date", day);
    args.set("time", time);
    localizer(lang).format("email-event-when", Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_spelled_out_in_belgian_french_and_dutch() {
        let at = DateTime::parse_from_rfc3339("2027-04-22T19:30:00+02:00").unwrap();
        assert_eq!(date_time(Lang::Fr, at), "jeudi 22 avril 2027 à 19 h 30");
        assert_eq!(
            date_time(Lang::Nl, at),
            "donderdag 22 april 2027 om 19.30 uur"
        );
        let on_the_hour = DateTime::parse_from_rfc3339("2027-01-15T19:00:00+01:00").unwrap();
        assert_eq!(
            date_time(Lang::Fr, on_the_hour),
            "vendredi 15 janvier 2027 à 19 h"
        );
        assert_eq!(
            date_time(Lang::Nl, on_the_hour),
            "vrijdag 15 januari 2027 om 19 uur"
        );
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(date(Lang::Fr, d), "mardi 1 décembre 2026");
        assert_eq!(date(Lang::Nl, d), "dinsdag 1 december 2026");
    }
}
