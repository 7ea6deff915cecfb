//! Fluent message bundles for the app's screens (`ui.ftl`) and the newsletter's fixed
//! strings (`email.ftl`), embedded from `locales/` at compile time.
//!
//! `locales/` is the one source of truth: the Svelte UI imports the same `ui.ftl` files
//! and formats them with `@fluent/bundle`; Rust formats them here (CLI messages, errors).
//! Tests below fail when a locale lacks a message another one has.

use std::collections::BTreeSet;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::model::UiLanguage;

/// Which file of a locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// The app's own screens and messages.
    Ui,
    /// The fixed strings of the newsletter (footer, "read more", …).
    Email,
}

/// The raw Fluent source of one file, as shipped.
pub fn source(lang: UiLanguage, domain: Domain) -> &'static str {
    match (lang, domain) {
        (UiLanguage::Fr, Domain::Ui) => include_str!("../../locales/fr/ui.ftl"),
        (UiLanguage::Nl, Domain::Ui) => include_str!("../../locales/nl/ui.ftl"),
        (UiLanguage::En, Domain::Ui) => include_str!("../../locales/en/ui.ftl"),
        (UiLanguage::Fr, Domain::Email) => include_str!("../../locales/fr/email.ftl"),
        (UiLanguage::Nl, Domain::Email) => include_str!("../../locales/nl/email.ftl"),
        (UiLanguage::En, Domain::Email) => include_str!("../../locales/en/email.ftl"),
    }
}

/// Formats messages of one language and domain.
pub struct Localizer {
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("locales", &self.bundle.locales)
            .finish()
    }
}

impl Localizer {
    /// Builds the bundle. The shipped files are checked by tests, so a parse error here
    /// is a build defect; the resource is still used with whatever parsed.
    pub fn new(lang: UiLanguage, domain: Domain) -> Self {
        let langid: LanguageIdentifier = lang.code().parse().expect("static language code");
        let resource = match FluentResource::try_new(source(lang, domain).to_owned()) {
            Ok(r) => r,
            Err((r, _errors)) => r,
        };
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks (U+2068/9) would leak into terminals, subjects and text mail.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("one resource per bundle, no overlap");
        Localizer { bundle }
    }

    /// The formatted message `id`, or the id itself when it does not exist (so a
    /// missing string is visible, never a blank).
    pub fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// The ids of every message in a Fluent source, or the parse errors' descriptions.
pub fn message_ids(source: &str) -> Result<BTreeSet<String>, Vec<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>())?;
    Ok(resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect())
}

/// Panics naming the first of `ids` that some interface language lacks (for the tests
/// of every room whose errors name a `ui.ftl` message).
#[cfg(test)]
pub(crate) fn assert_explained<'a>(ids: impl IntoIterator<Item = &'a str>) {
    let ids: Vec<&str> = ids.into_iter().collect();
    for lang in UiLanguage::ALL {
        let known = message_ids(source(lang, Domain::Ui)).unwrap();
        for id in &ids {
            assert!(known.contains(*id), "{id} missing in {lang:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_same_ids(domain: Domain) {
        let reference = message_ids(source(UiLanguage::En, domain)).expect("en parses");
        assert!(!reference.is_empty());
        for lang in UiLanguage::ALL {
            let ids = message_ids(source(lang, domain))
                .unwrap_or_else(|e| panic!("{lang:?} {domain:?} does not parse: {e:?}"));
            let missing: Vec<_> = reference.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&reference).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang:?} {domain:?}: missing {missing:?}, not in en {extra:?}"
            );
        }
    }

    #[test]
    fn every_locale_has_the_same_ui_messages() {
        check_same_ids(Domain::Ui);
    }

    #[test]
    fn every_locale_has_the_same_email_messages() {
        check_same_ids(Domain::Email);
    }

    #[test]
    fn duplicate_ids_are_caught() {
        // The parser accepts duplicates; our check must count them.
        let src = "a = 1\nb = 2\na = 3\n";
        let parsed = fluent_syntax::parser::parse(src).unwrap();
        let n = parsed
            .body
            .iter()
            .filter(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)))
            .count();
        assert_eq!(n, 3);
        assert_eq!(message_ids(src).unwrap().len(), 2);
        for lang in UiLanguage::ALL {
            for domain in [Domain::Ui, Domain::Email] {
                let src = source(lang, domain);
                let parsed = fluent_syntax::parser::parse(src).unwrap();
                let count = parsed
                    .body
                    .iter()
                    .filter(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)))
                    .count();
                assert_eq!(
                    count,
                    message_ids(src).unwrap().len(),
                    "{lang:?} {domain:?} defines a message twice"
                );
            }
        }
    }

    #[test]
    fn formats_with_arguments_and_without_isolation_marks() {
        let l = Localizer::new(UiLanguage::Fr, Domain::Ui);
        let mut args = FluentArgs::new();
        args.set("found", 9);
        args.set("supported", 1);
        let text = l.format("error-store-too-new", Some(&args));
        assert!(text.contains('9') && text.contains('1'), "{text}");
        assert!(!text.contains('\u{2068}'));
        assert_eq!(l.format("no-such-message", None), "no-such-message");
        assert_eq!(
            Localizer::new(UiLanguage::Nl, Domain::Ui).format("nav-contacts", None),
            "Contacten"
        );
    }
}
