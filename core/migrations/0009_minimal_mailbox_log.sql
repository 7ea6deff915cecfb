-- 0009: the mailbox log keeps nothing of mail that is none of Tandem's business.
-- Earlier checks stored the sender and the subject of every ordinary message they left
-- in the inbox ("left"), of out-of-office replies and of unreadable messages: a
-- colleague's mail, a lawyer's correspondence about a child's case. Only what reading
-- a message once needs stays (folder, UIDVALIDITY, UID, kind, when); the rows are
-- overwritten in place, and secure_delete (set on every connection) zeroes the old
-- bytes.
-- Never edit this file once shipped: add 0010_….sql instead.

UPDATE mailbox_actions SET email = '', sender = '', subject = ''
 WHERE kind IN ('left', 'auto_reply', 'skipped');
