//! The wall clock, in the one unit the database keeps. A leaf room. Business logic
//! takes the time as a parameter where tests pin it; this is what callers pass.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
