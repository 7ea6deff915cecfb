-- 0006: reading the sending mailbox back (unsubscribe requests, bounces).
-- Each message read is recorded once (mailbox_messages, keyed by folder, UIDVALIDITY and
-- UID) in the same transaction as what it changed, so a crash, a kill or two checks at
-- once never apply a message twice; mailbox_folders remembers the last UID read.
-- mailbox_actions is the log the user reads and undoes.
-- Never edit this file once shipped: add 0007_….sql instead.

CREATE TABLE mailbox_folders (
    name        TEXT PRIMARY KEY NOT NULL,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL
) STRICT;

CREATE TABLE mailbox_messages (
    folder      TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    read_at     INTEGER NOT NULL,               -- unix time, milliseconds
    -- What it was: unsubscribe, bounce, to_confirm, auto_reply, other, skipped.
    kind        TEXT NOT NULL,
    -- 1: to be moved to the Tandem folder; moved_at once the server did it.
    move        INTEGER NOT NULL DEFAULT 0,
    moved_at    INTEGER,
    PRIMARY KEY (folder, uidvalidity, uid)
) STRICT;

CREATE TABLE mailbox_actions (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,              -- unix time, milliseconds
    folder       TEXT NOT NULL,
    uidvalidity  INTEGER NOT NULL,
    uid          INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('unsubscribed', 'bounced', 'soft_bounce',
                                               'to_confirm', 'auto_reply', 'left', 'skipped')),
    -- done; to_confirm items become confirmed or dismissed; any may become undone.
    state        TEXT NOT NULL DEFAULT 'done'
                 CHECK (state IN ('done', 'pending', 'confirmed', 'dismissed', 'undone')),
    contact_id   INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    email        TEXT NOT NULL DEFAULT '',       -- the contact's address, or the sender's
    recipient_id INTEGER REFERENCES send_recipients(id) ON DELETE SET NULL,
    status_code  TEXT NOT NULL DEFAULT '',       -- a bounce's 5.1.1 / 4.2.2
    diagnostic   TEXT NOT NULL DEFAULT '',       -- the server's words
    -- The contact's status before this action (for undo): subscribed, unsubscribed, bounced.
    previous     TEXT NOT NULL DEFAULT '',
    sender       TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX mailbox_actions_contact ON mailbox_actions (contact_id);

-- Why and when a contact stopped receiving (by e-mail request, a bounce): shown with
-- the status.
ALTER TABLE contacts ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN status_at TEXT NOT NULL DEFAULT '';

-- A bounce that came back later for a message the server had accepted.
ALTER TABLE send_recipients ADD COLUMN bounce TEXT NOT NULL DEFAULT ''
    CHECK (bounce IN ('', 'soft', 'hard'));
ALTER TABLE send_recipients ADD COLUMN bounce_code TEXT NOT NULL DEFAULT '';
ALTER TABLE send_recipients ADD COLUMN bounce_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE send_recipients ADD COLUMN bounced_at INTEGER;
