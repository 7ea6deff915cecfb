// The app's strings, formatted with Fluent from the same locales/*/ui.ftl files that
// Rust embeds (one source of truth). Switching `i18n.lang` relabels every screen at once.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import fr from '../../../locales/fr/ui.ftl?raw';
import nl from '../../../locales/nl/ui.ftl?raw';
import en from '../../../locales/en/ui.ftl?raw';
import type { UiLanguage } from './bindings/UiLanguage';

export const LANGUAGES: readonly UiLanguage[] = ['fr', 'nl', 'en'];

export const SOURCES: Record<UiLanguage, string> = { fr, nl, en };

function makeBundle(lang: UiLanguage): FluentBundle {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[lang]));
  if (errors.length > 0) {
    console.error(`ui.ftl (${lang}) has errors`, errors);
  }
  return bundle;
}

// Each language's messages are parsed the first time they are needed (parsing all
// three at start-up cost the window tens of milliseconds before its first paint).
const bundles: Partial<Record<UiLanguage, FluentBundle>> = {};

function bundleOf(lang: UiLanguage): FluentBundle {
  return (bundles[lang] ??= makeBundle(lang));
}

/** The system's language, as the app reads it (`UiLanguage::from_system_locale`): the
 * interface starts in it, and the saved choice, when another, follows from `appInfo`. */
export function systemLanguage(locale: string | undefined): UiLanguage {
  const primary = (locale ?? '').split(/[-_.@]/)[0].toLowerCase();
  return primary === 'fr' || primary === 'nl' ? primary : 'en';
}

export const i18n = $state({
  lang: systemLanguage(typeof navigator === 'undefined' ? undefined : navigator.language),
});

/** The message `id` in the current language; the id itself if it is missing, so a
 * missing string is visible rather than blank. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  return format(i18n.lang, id, args);
}

export function format(
  lang: UiLanguage,
  id: string,
  args?: Record<string, FluentVariable>,
): string {
  const bundle = bundleOf(lang);
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args);
}

export function hasMessage(lang: UiLanguage, id: string): boolean {
  return bundleOf(lang).hasMessage(id);
}

/** The locale of the interface language, as Belgian readers write dates and numbers. */
export function localeTag(): string {
  return { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' }[i18n.lang];
}

/** A date and time (ms since the epoch, or RFC 3339) in the interface language. */
export function dateTime(
  value: number | string,
  dateStyle: 'long' | 'medium' = 'medium',
  timeStyle: 'medium' | 'short' = 'short',
): string {
  return new Date(value).toLocaleString(localeTag(), { dateStyle, timeStyle });
}

export function setLanguage(lang: UiLanguage): void {
  i18n.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
