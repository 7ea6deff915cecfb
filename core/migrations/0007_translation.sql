-- 0007: translation drafts.
-- issues.machine_draft: the languages ("fr", "nl", comma-separated) whose subject and
-- preheader a translation service wrote and nobody has reread yet (a block keeps its
-- own mark in its JSON). glossary: the organisation's term pairs that must always be
-- translated one way, seeded with its own names and the sector's words (as its own
-- bilingual job posting writes them).
-- Never edit this file once shipped: add 0008_….sql instead.

ALTER TABLE issues ADD COLUMN machine_draft TEXT NOT NULL DEFAULT '';

CREATE TABLE glossary (
    id INTEGER PRIMARY KEY,
    fr TEXT NOT NULL,
    nl TEXT NOT NULL,
    UNIQUE (fr, nl)
) STRICT;

INSERT INTO glossary (fr, nl) VALUES
    ('Plate-forme Mineurs en exil', 'Platform Kinderen op de vlucht'),
    ('MENA', 'NBMV'),
    ('mineurs étrangers non-accompagnés', 'niet-begeleide minderjarige vreemdelingen'),
    ('mineurs étrangers', 'minderjarige vreemdelingen'),
    ('tuteur', 'voogd'),
    ('Service des Tutelles', 'Dienst Voogdij'),
    ('Fedasil', 'Fedasil'),
    ('Office des étrangers', 'Dienst Vreemdelingenzaken');
