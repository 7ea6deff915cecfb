//! A TCP relay on 127.0.0.1 that holds back what a server says: for a client that must
//! wait on a slow server (a mailbox check still running when the user clicks Send).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::Error;

/// Relays connections to a server on 127.0.0.1, holding each piece of the server's
/// answer back by [`SlowRelay::set_delay`] (none at first). Stops when dropped.
#[derive(Debug)]
pub struct SlowRelay {
    port: u16,
    delay_ms: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

impl SlowRelay {
    /// Relays to `127.0.0.1:target`.
    pub fn start(target: u16) -> Result<SlowRelay, Error> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let delay_ms = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (delay, stopped) = (delay_ms.clone(), stop.clone());
        thread::spawn(move || {
            for client in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else {
                    continue;
                };
                let delay = delay.clone();
                let (client_in, server_out) = match (client.try_clone(), server.try_clone()) {
                    (Ok(c), Ok(s)) => (c, s),
                    _ => continue,
                };
                thread::spawn(move || pipe(client_in, server_out, None));
                thread::spawn(move || pipe(server, client, Some(delay)));
            }
        });
        Ok(SlowRelay {
            port,
            delay_ms,
            stop,
        })
    }

    /// The port clients connect to.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// From now on, each piece of the server's answer reaches the client `delay` late.
    pub fn set_delay(&self, delay: Duration) {
        self.delay_ms
            .store(delay.as_millis() as u64, Ordering::SeqCst);
    }
}

/// Copies `from` to `to` until either side closes, sleeping the current delay before
/// each piece when there is one.
fn pipe(mut from: TcpStream, mut to: TcpStream, delay: Option<Arc<AtomicU64>>) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(ms) = delay.as_ref().map(|d| d.load(Ordering::SeqCst)) {
            thread::sleep(Duration::from_millis(ms));
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

impl Drop for SlowRelay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the stop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relays_both_ways_and_holds_the_answer_back() {
        let server = TcpListener::bind("127.0.0.1:0").unwrap();
        let target = server.local_addr().unwrap().port();
        thread::spawn(move || {
            for s in server.incoming() {
                let mut s = s.unwrap();
                let mut line = [0u8; 5];
                s.read_exact(&mut line).unwrap();
                s.write_all(&line).unwrap();
            }
        });
        let relay = SlowRelay::start(target).unwrap();
        let echo = |expect_at_least: Duration| {
            let mut c = TcpStream::connect(("127.0.0.1", relay.port())).unwrap();
            let started = std::time::Instant::now();
            c.write_all(b"hello").unwrap();
            let mut back = [0u8; 5];
            c.read_exact(&mut back).unwrap();
            assert_eq!(&back, b"hello");
            assert!(started.elapsed() >= expect_at_least);
        };
        echo(Duration::ZERO);
        relay.set_delay(Duration::from_millis(300));
        echo(Duration::from_millis(300));
    }
}
