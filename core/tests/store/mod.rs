// open: pragmas, migrations from files of earlier schemas, refusals.
mod open;
// issues: issues and blocks on disk.
mod issues;
