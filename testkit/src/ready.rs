//! Starting a test server that prints "READY …" once it listens: on free ports, again
//! with others when one was taken meanwhile, its stdin held so that it ends with the test.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use crate::Error;

/// A started server: the process, its stdin (held open), the rest of its stdout.
#[derive(Debug)]
pub(crate) struct Started {
    pub child: Child,
    pub stdin: Option<ChildStdin>,
    pub stdout: BufReader<ChildStdout>,
    pub ports: Vec<u16>,
}

/// Starts `command(ports)` with `n` free ports until its first line is
/// `READY PORT…`; `what` names it in the error.
pub(crate) fn start(
    what: &str,
    n: usize,
    command: impl Fn(&[u16]) -> Command,
) -> Result<Started, Error> {
    let mut last = String::new();
    for _attempt in 0..5 {
        let ports: Vec<u16> = (0..n).map(|_| crate::free_port()).collect();
        if (1..ports.len()).any(|i| ports[..i].contains(&ports[i])) {
            continue;
        }
        let mut child = command(&ports)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let mut line = String::new();
        stdout.read_line(&mut line)?;
        let ready = std::iter::once("READY".to_owned())
            .chain(ports.iter().map(u16::to_string))
            .collect::<Vec<_>>()
            .join(" ");
        if line.trim() == ready {
            let stdin = child.stdin.take();
            return Ok(Started {
                child,
                stdin,
                stdout,
                ports,
            });
        }
        let _ = child.kill();
        let out = child.wait_with_output()?;
        last = String::from_utf8_lossy(&out.stderr).into_owned();
    }
    Err(format!("the {what} did not start: {last}").into())
}
