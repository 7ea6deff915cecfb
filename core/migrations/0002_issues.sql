-- 0002: issues of the newsletter, their ordered blocks, and their images.
-- Never edit this file once shipped: add 0003_….sql instead.
CREATE TABLE issues (
    id           INTEGER PRIMARY KEY,
    number       INTEGER NOT NULL CHECK (number >= 0),
    date         TEXT NOT NULL,                 -- YYYY-MM-DD
    subject_fr   TEXT NOT NULL DEFAULT '',
    subject_nl   TEXT NOT NULL DEFAULT '',
    preheader_fr TEXT NOT NULL DEFAULT '',
    preheader_nl TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- One row per block; `data` is the block as written in tandem-issue/1 files (JSON).
CREATE TABLE blocks (
    id         INTEGER PRIMARY KEY,
    issue_id   INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    data       TEXT NOT NULL CHECK (json_valid(data)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX blocks_by_issue ON blocks(issue_id, position);

-- Images, already resized and stripped of metadata; referenced as assets/NAME.
CREATE TABLE assets (
    id       INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    mime     TEXT NOT NULL,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    bytes    BLOB NOT NULL,
    UNIQUE (issue_id, name)
) STRICT;
