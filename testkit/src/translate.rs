//! A translation test server on 127.0.0.1 (testkit/py/translate_server.py, Python's
//! standard library only) that follows DeepL's and LibreTranslate's published request
//! and response formats, translates with a fixed word list, records every request, and
//! injects the errors the real services give (403, 456, 429, 413, a stall).

use std::process::{Child, ChildStdin, Command};

use crate::Error;

#[derive(Debug)]
pub struct TranslateServer {
    child: Child,
    _stdin: Option<ChildStdin>,
    port: u16,
}

impl TranslateServer {
    /// `deepl_key`: the only DeepL key accepted (others get 403); `libre_key`: the
    /// LibreTranslate key required, if any.
    pub fn start(deepl_key: &str, libre_key: Option<&str>) -> Result<TranslateServer, Error> {
        let script = crate::workspace_root().join("testkit/py/translate_server.py");
        let started = crate::ready::start("translation test server", 1, |ports| {
            let mut cmd = Command::new("python3");
            cmd.arg(&script)
                .args(["--port", &ports[0].to_string(), "--key", deepl_key]);
            if let Some(k) = libre_key {
                cmd.args(["--libre-key", k]);
            }
            cmd
        })?;
        Ok(TranslateServer {
            child: started.child,
            _stdin: started.stdin,
            port: started.ports[0],
        })
    }

    /// `http://127.0.0.1:PORT`: DeepL's paths under `/v2/`, LibreTranslate's `/translate`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn control(&self, what: &str, body: serde_json::Value) -> Result<(), Error> {
        ureq::post(&format!("{}/control/{what}", self.url()))
            .set("Content-Type", "application/json")
            .send_string(&body.to_string())?;
        Ok(())
    }

    /// The next `times` translate requests get `status` (403, 456, 429, 413, 500), or
    /// with `"timeout"` wait 5 s before answering, or with `"huge"` get a 200 answer of
    /// 64 MB.
    pub fn fault(&self, status: &str, times: u32) -> Result<(), Error> {
        let status: serde_json::Value = status
            .parse::<u16>()
            .map(serde_json::Value::from)
            .unwrap_or_else(|_| status.into());
        self.control(
            "fault",
            serde_json::json!({"status": status, "times": times}),
        )
    }

    /// Answers carry a `<script>`, an `onclick`, a `javascript:` link and an unknown tag.
    pub fn hostile(&self, on: bool) -> Result<(), Error> {
        self.control("hostile", serde_json::json!({ "on": on }))
    }

    /// Texts longer than `n` characters get 413 (0: no limit).
    pub fn max_chars(&self, n: usize) -> Result<(), Error> {
        self.control("max_chars", serde_json::json!({ "n": n }))
    }

    /// Every request so far: `{"method", "path", "auth", "body"}`.
    pub fn requests(&self) -> Result<Vec<serde_json::Value>, Error> {
        let text = ureq::get(&format!("{}/control/requests", self.url()))
            .call()?
            .into_string()?;
        Ok(serde_json::from_str(&text)?)
    }
}

impl Drop for TranslateServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
