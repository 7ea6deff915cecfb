//! Integration tests of tandem-core against real files on disk.
//! One module per area of `src/`, as the crate grows.

// store: opening, WAL/foreign keys, migrating files written by older schemas, refusals.
mod store;

// render: email HTML and text per edition (snapshots, email rules, hostile input).
mod render;

// media: image import (orientation, resize, re-encode, limits) on real files.
mod media;

// contacts: imports of real export files, GDPR actions, export round trip.
mod contacts;

// paths: a user folder with a non-ASCII name.
mod paths;

// mailbox: bounces, unsubscribe requests and auto-replies recognised in real and
// documented messages; a check recorded once per message.
mod mailbox;

// backups: a damaged file at start, the newest good backup restored into a new one.
mod backups;

// rooms: the one-way imports between the rooms of core, and no circle in the shell.
mod rooms;

// relocate: the data folder moved elsewhere, and back.
mod relocate;

// arrival: Authentication-Results of Microsoft 365, Gmail, OpenDKIM/OpenDMARC, rspamd.
mod arrival;

// exchange: issue files from outside, bounded (blocks, text lengths, file size).
mod exchange;
