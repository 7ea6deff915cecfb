-- 0004: sending. A run snapshots an issue and its audience; the ledger has one row per
-- recipient; send_events remembers every message handed to a server, for the rolling
-- rate-limit window that must hold across runs and restarts.
-- Never edit this file once shipped: add 0005_….sql instead.
CREATE TABLE send_runs (
    id              INTEGER PRIMARY KEY,
    issue_id        INTEGER REFERENCES issues(id) ON DELETE SET NULL,
    issue_number    INTEGER NOT NULL,
    -- The issue exactly as it was when the send started (tandem-issue JSON without assets):
    -- a resume sends what the first recipients got, even if the draft was edited since.
    issue_json      TEXT NOT NULL,
    sender          TEXT NOT NULL,              -- "Name <address>"
    reply_to        TEXT NOT NULL DEFAULT '',
    unsubscribe_url TEXT NOT NULL DEFAULT '',   -- the organisation's page, or ''
    lists           TEXT NOT NULL DEFAULT '[]', -- JSON array of list names ([] = everyone)
    is_test         INTEGER NOT NULL DEFAULT 0,
    greeting        INTEGER NOT NULL DEFAULT 0, -- open with "Bonjour Anne," / "Beste Jan,"
    state           TEXT NOT NULL DEFAULT 'running'
                    CHECK (state IN ('running', 'paused', 'cancelled', 'finished')),
    created_at      INTEGER NOT NULL,           -- unix time, milliseconds
    finished_at     INTEGER,
    -- Set and renewed every second by the process sending this run; a run whose
    -- heartbeat is recent belongs to that process (two senders would double messages).
    heartbeat_at    INTEGER
) STRICT;

CREATE TABLE send_recipients (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES send_runs(id) ON DELETE CASCADE,
    contact_id        INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    email             TEXT NOT NULL,
    name              TEXT NOT NULL DEFAULT '',
    edition           TEXT NOT NULL CHECK (edition IN ('fr', 'nl', 'bilingual')),
    unsubscribe_token TEXT NOT NULL DEFAULT '',
    message_id        TEXT NOT NULL UNIQUE,     -- kept across retries
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sent', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    reply             TEXT NOT NULL DEFAULT '', -- the server's last reply, in its words
    next_attempt_at   INTEGER NOT NULL DEFAULT 0,
    last_attempt_at   INTEGER,
    sent_at           INTEGER,
    UNIQUE (run_id, email)
) STRICT;

CREATE INDEX send_recipients_due ON send_recipients (run_id, status, next_attempt_at);

CREATE TABLE send_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL                         -- unix time, milliseconds
) STRICT;

CREATE INDEX send_events_at ON send_events (at);
