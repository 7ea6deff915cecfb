//! An authoritative DNS server on 127.0.0.1 (testkit/py/dns_server.py, PyPI's dnslib in
//! the testkit's virtualenv), serving the zones a test gives; the code under test points
//! every lookup at it with `TANDEM_DNS=127.0.0.1:PORT`.

use std::process::{Child, ChildStdin, Command};

use crate::Error;

#[derive(Debug)]
pub struct DnsServer {
    child: Child,
    _stdin: Option<ChildStdin>,
    port: u16,
    _zones: tempfile::NamedTempFile,
}

impl DnsServer {
    /// Serves `zones`: `{"name.test": {"TXT": [["v=spf1 …"]], "MX": [[10, "mx.name.test"]],
    /// "A": ["127.0.0.1"], "CNAME": "other.test"}}` (UDP and TCP on one port).
    pub fn start(zones: &serde_json::Value) -> Result<DnsServer, Error> {
        let python = crate::python::python()?;
        let script = crate::workspace_root().join("testkit/py/dns_server.py");
        let mut file = tempfile::NamedTempFile::new()?;
        std::io::Write::write_all(&mut file, zones.to_string().as_bytes())?;
        let started = crate::ready::start("DNS test server", 1, |ports| {
            let mut cmd = Command::new(&python);
            cmd.arg(&script)
                .args(["--port", &ports[0].to_string(), "--zones"])
                .arg(file.path());
            cmd
        })?;
        Ok(DnsServer {
            child: started.child,
            _stdin: started.stdin,
            port: started.ports[0],
            _zones: file,
        })
    }

    /// Serves `zones` from now on (the server reads its file again when it changes).
    pub fn set_zones(&self, zones: &serde_json::Value) -> Result<(), Error> {
        // Written beside and renamed: the server never reads half a file.
        let path = self._zones.path();
        let tmp = path.with_extension("new");
        std::fs::write(&tmp, zones.to_string())?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    }

    /// `127.0.0.1:PORT`, the value of `TANDEM_DNS`.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

impl Drop for DnsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
