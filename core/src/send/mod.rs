//! Sending: the message each reader gets (this module), and later the ledger, the
//! transports and the rate limiter.

mod message;

pub use message::{compose, MessageError};
