-- 0003: the contacts file, its lists, and the suppression list of erased people.
-- Never edit this file once shipped: add 0004_….sql instead.
CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    first_name        TEXT NOT NULL DEFAULT '',
    last_name         TEXT NOT NULL DEFAULT '',
    organisation      TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'both')),
    status            TEXT NOT NULL DEFAULT 'subscribed'
                      CHECK (status IN ('subscribed', 'unsubscribed', 'bounced')),
    consent_source    TEXT NOT NULL DEFAULT '',
    consent_date      TEXT NOT NULL DEFAULT '',          -- YYYY-MM-DD or ''
    notes             TEXT NOT NULL DEFAULT '',
    unsubscribe_token TEXT NOT NULL UNIQUE,
    -- Address, names and organisation folded (lower case, no accents) for search.
    search            TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE lists (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE contact_lists (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    list_id    INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, list_id)
) STRICT;

-- Erased people: only a salted hash of the address, so no import adds them back.
CREATE TABLE suppressions (
    hash       TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
