-- 0008: a move to the Tandem folder that a check took on but never did (the app killed
-- between the two) is done by a later check.
-- mailbox_messages.move_claimed_at: when a check took the move of this message on (ms);
-- moved_at is now set only once the server has moved it. A claim older than ten
-- minutes belonged to a check that stopped: the next check takes it over.
-- Rows with a moved_at from schema 7 (moved, or taken on) stay as moved.
-- Never edit this file once shipped: add 0009_….sql instead.

ALTER TABLE mailbox_messages ADD COLUMN move_claimed_at INTEGER;
