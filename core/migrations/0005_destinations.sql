-- 0005: where a run's messages go.
-- A run records its destination when it starts (a server: host, port, security, user,
-- authentication kind, extra CA or pinned certificate; never a password or token; or
-- the outbox folder), so that a resume delivers where the send started. A change of
-- destination is made only when the user says so, and is kept in
-- send_destination_changes.
-- The ledger tells a message accepted by a server ('sent') from one written to the
-- outbox folder ('outbox'): a folder is never reported as delivery to a person.
-- Never edit this file once shipped: add 0006_….sql instead.

-- JSON of the destination ('' for runs started before schema 5: not recorded).
ALTER TABLE send_runs ADD COLUMN destination TEXT NOT NULL DEFAULT '';

CREATE TABLE send_destination_changes (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES send_runs(id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,               -- unix time, milliseconds
    previous    TEXT NOT NULL,                  -- JSON, or '' when not recorded
    destination TEXT NOT NULL                   -- JSON
) STRICT;

-- SQLite cannot change a CHECK constraint: the ledger table is rebuilt with the new
-- status. Rows that earlier versions marked 'sent' when they only wrote a file (their
-- reply is the outbox's "saved as …") become 'outbox'.
CREATE TABLE send_recipients_5 (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES send_runs(id) ON DELETE CASCADE,
    contact_id        INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    email             TEXT NOT NULL,
    name              TEXT NOT NULL DEFAULT '',
    edition           TEXT NOT NULL CHECK (edition IN ('fr', 'nl', 'bilingual')),
    unsubscribe_token TEXT NOT NULL DEFAULT '',
    message_id        TEXT NOT NULL UNIQUE,     -- kept across retries
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sent', 'outbox', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    reply             TEXT NOT NULL DEFAULT '', -- the server's last reply, in its words
    next_attempt_at   INTEGER NOT NULL DEFAULT 0,
    last_attempt_at   INTEGER,
    sent_at           INTEGER,                  -- accepted by the server or written to the outbox
    UNIQUE (run_id, email)
) STRICT;

INSERT INTO send_recipients_5 (id, run_id, contact_id, email, name, edition,
        unsubscribe_token, message_id, status, attempts, reply, next_attempt_at,
        last_attempt_at, sent_at)
    SELECT id, run_id, contact_id, email, name, edition, unsubscribe_token, message_id,
        CASE WHEN status = 'sent' AND reply LIKE 'saved as %' THEN 'outbox' ELSE status END,
        attempts, reply, next_attempt_at, last_attempt_at, sent_at
    FROM send_recipients;

DROP TABLE send_recipients;
ALTER TABLE send_recipients_5 RENAME TO send_recipients;
-- Only pending rows are looked up by due time: a row that is done leaves the index
-- (one page less to rewrite per result than a status column inside the key).
CREATE INDEX send_recipients_due ON send_recipients (run_id, next_attempt_at)
    WHERE status = 'pending';

-- send_events is appended in time order and read once per run: its time index cost a
-- page per message handed over.
DROP INDEX send_events_at;

-- A run of an earlier version whose every delivery went to the outbox went there.
UPDATE send_runs SET destination = '{"kind":"outbox"}'
WHERE EXISTS (SELECT 1 FROM send_recipients r WHERE r.run_id = send_runs.id AND r.status = 'outbox')
  AND NOT EXISTS (SELECT 1 FROM send_recipients r WHERE r.run_id = send_runs.id AND r.status = 'sent');
