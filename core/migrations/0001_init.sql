-- 0001: the floor. Key/value preferences of this installation (interface language, …).
-- Never edit this file once shipped: add 0002_….sql instead.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
