import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentResource } from '@fluent/bundle';
import { LANGUAGES, SOURCES, format, hasMessage, systemLanguage } from './i18n.svelte';
import { BLOCK_KINDS } from './blocks';

function ids(source: string): string[] {
  return new FluentResource(source).body.map((m) => m.id);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bindings' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('ui.ftl', () => {
  it('has the same messages in fr, nl and en', () => {
    const reference = ids(SOURCES.en).sort();
    expect(reference.length).toBeGreaterThan(10);
    for (const lang of LANGUAGES) {
      expect(ids(SOURCES[lang]).sort(), lang).toEqual(reference);
    }
  });

  it('has every message id the UI code refers to, in every language', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const used = new Set<string>();
    // t('id') calls, message ids passed as props, and the view-label table.
    const patterns = [
      /\bt\(\s*['"`]([a-z0-9-]+)['"`]/g,
      /\b(?:title|intro|notice)="([a-z][a-z0-9-]+)"/g,
      /:\s*'(nav-[a-z0-9-]+)'/g,
      /code:\s*['"](error-[a-z0-9-]+)['"]/g,
    ];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const re of patterns) for (const m of text.matchAll(re)) used.add(m[1]);
    }
    // Ids built at run time from a family and a value.
    for (const lang of LANGUAGES) used.add(`lang-${lang}`);
    for (const kind of BLOCK_KINDS) used.add(`block-${kind}`);
    for (const e of ['fr', 'nl', 'bilingual']) used.add(`edition-${e}`);
    for (const s of ['saved', 'saving', 'error']) used.add(`save-${s}`);
    for (const l of ['fr', 'nl']) used.add(`missing-${l}`);
    for (const e of ['utf8', 'utf8-bom', 'utf16-le', 'utf16-be', 'windows1252', 'spreadsheet']) used.add(`encoding-${e}`);
    for (const f of ['email', 'first_name', 'last_name', 'organisation', 'language', 'lists', 'notes',
      'consent_source', 'consent_date', 'status']) used.add(`contact-field-${f}`);
    for (const r of ['invalid-email', 'missing-email', 'missing-language', 'duplicate-in-file',
      'unsubscribed', 'erased', 'malformed', 'cell-too-long']) used.add(`reason-${r}`);
    for (const s of ['subscribed', 'unsubscribed', 'bounced']) used.add(`status-${s}`);
    for (const c of ['unsafe-link', 'line-break', 'missing', 'required', 'bad-image-path', 'too-long', 'too-many-blocks'])
      used.add(`problem-${c}`);
    for (const f of ['text', 'title', 'body', 'place', 'label', 'url', 'alt', 'caption', 'src',
      'link-url', 'link-label', 'image-src', 'image-alt', 'subject', 'preheader'])
      used.add(`field-${f}`);
    for (const p of ['microsoft365', 'google', 'ovh', 'custom']) used.add(`smtp-preset-${p}`);
    for (const u of ['min', 'hour', 'day']) used.add(`smtp-per-${u}`);
    for (const s of ['keychain', 'file']) used.add(`smtp-saved-${s}`);
    for (const p of ['host', 'port', 'insecure', 'address', 'unsubscribe-url', 'line-break',
      'concurrency']) used.add(`smtp-problem-${p}`);
    for (const e of ['finished', 'paused', 'cancelled', 'unreachable', 'refused', 'signin'])
      used.add(`send-ending-${e}`);
    for (const s of ['pending', 'sent', 'failed']) used.add(`ledger-status-${s}`);
    for (const p of ['microsoft', 'google'])
      for (const m of ['oauth-help', 'oauth-client-id-help', 'oauth-sign-in']) used.add(`${m}-${p}`);
    for (const e of ['config', 'unreachable', 'sign-in-again', 'state', 'cancelled', 'timed-out',
      'consent', 'conditional-access', 'client', 'admin-policy', 'denied', 'refused'])
      used.add(`oauth-error-${e}`);
    for (const r of ['basic-auth-off', 'smtp-auth-disabled', 'authentication'])
      used.add(`smtp-refused-${r}`);
    for (const e of ['no-feed', 'feed', 'signature', 'platform', 'install', 'none'])
      used.add(`update-error-${e}`);
    for (const d of ['reading', 'importing']) used.add(`import-busy-${d}`);
    for (const k of ['synced', 'network', 'fuse']) used.add(`data-folder-target-${k}`);
    for (const c of ['has-database', 'not-a-folder', 'nested', 'send-running']) used.add(`error-move-${c}`);
    // Codes of errors raised in Rust (tandem-core's SendError, the send commands).
    for (const c of ['smtp-unreachable', 'smtp-refused', 'smtp-settings', 'smtp-no-password',
      'keychain-missing', 'keychain-write', 'send-incomplete', 'send-no-recipients', 'send-sender',
      'send-message', 'send-busy', 'send-closed', 'send-thread', 'import-spreadsheet',
      'oauth-not-signed-in']) used.add(`error-${c}`);
    expect(used.size).toBeGreaterThan(15);
    const missing = [...used].flatMap((id) =>
      LANGUAGES.filter((lang) => !hasMessage(lang, id)).map((lang) => `${lang}:${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('formats arguments and labels the navigation in each language', () => {
    expect(format('nl', 'nav-contacts')).toBe('Contacten');
    expect(format('fr', 'nav-send')).toBe('Envoi');
    expect(format('en', 'nav-settings')).toBe('Settings');
    const text = format('fr', 'error-store-too-new', { found: 7, supported: 1 });
    expect(text).toContain('schéma 7');
    expect(text).not.toMatch(/[\u2068\u2069]/);
    expect(format('nl', 'does-not-exist')).toBe('does-not-exist');
    // French counts 0 as singular ("one"): a message must never say "1" or "une" for 0.
    expect(format('fr', 'send-excluded-counts', { unsubscribed: 0, bounced: 0 })).toMatch(/^0 désinscrit,/);
    expect(format('fr', 'bulk-done', { count: 0 })).toBe('Aucun contact modifié.');
    expect(format('fr', 'send-button', { count: 0 })).toBe('Envoyer à personne');
    expect(format('fr', 'contacts-matches', { count: 0 })).toBe('Aucun affiché');
    expect(format('fr', 'send-button', { count: 1 })).toBe('Envoyer à une personne');
    expect(format('fr', 'send-button', { count: 2 })).toBe('Envoyer à 2 personnes');
    expect(format('nl', 'composer-issue-option', { number: 3, subject: 'Lente', status: 'sent' }))
      .toBe('Nr. 3 — Lente (verzonden)');
    expect(format('fr', 'composer-issue-option', { number: 3, subject: 'Printemps', status: 'draft' }))
      .toBe('N° 3 — Printemps');
  });
});

describe('the language the interface starts in', () => {
  it('is the system language, read as the app reads it, English otherwise', () => {
    expect(systemLanguage('fr-BE')).toBe('fr');
    expect(systemLanguage('nl_BE.UTF-8')).toBe('nl');
    expect(systemLanguage('NL')).toBe('nl');
    expect(systemLanguage('de-DE')).toBe('en');
    expect(systemLanguage('')).toBe('en');
    expect(systemLanguage(undefined)).toBe('en');
  });
});
