//! The translation services behind one small trait: DeepL's API (Free and Pro) and any
//! LibreTranslate-compatible server. Each takes HTML fragments and gives HTML back;
//! errors are named so the user can be told what to do.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};

use crate::model::Lang;

/// Why a translation could not be made (the texts stay as they were).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslateError {
    #[error("the translation service refused the key (403): check it in Settings")]
    Key,
    #[error("the translation service's quota for this month is used up (456)")]
    Quota,
    #[error("the translation service asks to slow down (429) and still did after waiting")]
    TooMany,
    #[error("a text is too long for the translation service (413), even one paragraph at a time")]
    TooLong,
    #[error("the translation service cannot be reached or did not answer in time: {0}")]
    Unreachable(String),
    #[error("the translation service answered with an error: {0}")]
    Service(String),
    #[error("no translation service is set up")]
    NotConfigured,
    #[error("cancelled")]
    Cancelled,
}

impl TranslateError {
    /// The Fluent message (ui.ftl) that tells the user what happened and what to do.
    pub fn message_id(&self) -> &'static str {
        match self {
            TranslateError::Key => "translate-error-key",
            TranslateError::Quota => "translate-error-quota",
            TranslateError::TooMany => "translate-error-too-many",
            TranslateError::TooLong => "translate-error-too-long",
            TranslateError::Unreachable(_) => "translate-error-unreachable",
            TranslateError::Service(_) => "translate-error-service",
            TranslateError::NotConfigured => "translate-error-not-configured",
            TranslateError::Cancelled => "translate-error-cancelled",
        }
    }
}

/// A translation service.
pub trait Service: Send {
    /// Translates HTML fragments from `from` to `to`, in order.
    fn translate(
        &mut self,
        texts: &[String],
        from: Lang,
        to: Lang,
    ) -> Result<Vec<String>, TranslateError>;
    /// Gets the glossary (term pairs, French → Dutch) applied to later translations.
    fn use_glossary(&mut self, pairs: &[(String, String)]) -> Result<(), TranslateError>;
    /// Characters used and allowed this month, when the service says.
    fn usage(&mut self) -> Result<Option<(u64, u64)>, TranslateError>;
    /// Whether the service applies the glossary itself (else Tandem protects the terms).
    fn applies_glossary(&self) -> bool;
    /// The glossaries this service made earlier, by (direction, content hash), to be
    /// kept between runs; `None` for a service without glossaries.
    fn known_glossaries(&mut self) -> Option<&mut HashMap<(Lang, Lang, String), String>> {
        None
    }
}

/// How long a request may take.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The longest answer read: one block's texts come back in a few KB (a glossary list
/// in a few hundred); more is a broken or hostile server.
const MAX_ANSWER: u64 = 4 << 20;
/// Waits before retrying a 429 ("too many requests"), in milliseconds.
const BACKOFF_MS: [u64; 3] = [500, 1500, 3000];

/// One request with the 429 retries; errors named.
fn request(
    send: &dyn Fn() -> Result<ureq::Response, Box<ureq::Error>>,
    backoff: &[u64],
) -> Result<Value, TranslateError> {
    let mut waits = backoff.iter();
    loop {
        match send().map_err(|e| *e) {
            Ok(resp) => {
                if resp.status() == 204 {
                    return Ok(Value::Null);
                }
                let body = crate::net::http::read_body(resp, MAX_ANSWER)
                    .map_err(|e| TranslateError::Service(format!("unreadable answer: {e}")))?;
                return serde_json::from_slice::<Value>(&body)
                    .map_err(|e| TranslateError::Service(format!("unreadable answer: {e}")));
            }
            Err(ureq::Error::Status(code, resp)) => {
                // Only the start of an error page is shown.
                let body = crate::net::http::read_body(resp, MAX_ANSWER)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                match code {
                    403 | 401 => return Err(TranslateError::Key),
                    456 => return Err(TranslateError::Quota),
                    413 => return Err(TranslateError::TooLong),
                    429 => match waits.next() {
                        Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                        None => return Err(TranslateError::TooMany),
                    },
                    _ => {
                        let detail: String = body.chars().take(300).collect();
                        return Err(TranslateError::Service(format!("{code} {detail}")));
                    }
                }
            }
            Err(ureq::Error::Transport(t)) => {
                return Err(TranslateError::Unreachable(t.to_string()))
            }
        }
    }
}

/// The answers, when there is one per text sent.
fn same_count(texts: &[String], out: Vec<String>) -> Result<Vec<String>, TranslateError> {
    if out.len() == texts.len() {
        Ok(out)
    } else {
        Err(TranslateError::Service(format!(
            "{} texts sent, {} translations back",
            texts.len(),
            out.len()
        )))
    }
}

/// DeepL's API. A key ending in `:fx` is a Free key: `api-free.deepl.com`.
#[derive(Debug)]
pub struct DeepL {
    base: String,
    key: String,
    agent: ureq::Agent,
    backoff: Vec<u64>,
    /// Glossary ids by direction, with the content they were made from.
    glossaries: HashMap<(Lang, Lang), String>,
    /// A glossary made earlier for this content (e.g. saved in the database):
    /// (direction, content hash) → id.
    pub known_glossaries: HashMap<(Lang, Lang, String), String>,
}

impl DeepL {
    /// `base`: another address than DeepL's (a test server on this computer).
    pub fn new(key: &str, base: Option<&str>) -> DeepL {
        let base = match base {
            Some(b) => b.trim_end_matches('/').to_owned(),
            None if key.trim().ends_with(":fx") => "https://api-free.deepl.com".into(),
            None => "https://api.deepl.com".into(),
        };
        DeepL {
            base,
            key: key.trim().to_owned(),
            agent: crate::net::http::agent(TIMEOUT),
            backoff: BACKOFF_MS.to_vec(),
            glossaries: HashMap::new(),
            known_glossaries: HashMap::new(),
        }
    }

    /// Another time limit for each request than 30 s.
    pub fn with_timeout(mut self, timeout: Duration) -> DeepL {
        self.agent = crate::net::http::agent(timeout);
        self
    }

    fn auth(&self) -> String {
        format!("DeepL-Auth-Key {}", self.key)
    }

    fn post(&self, path: &str, body: &Value) -> Result<Value, TranslateError> {
        let url = format!("{}{path}", self.base);
        request(
            &|| {
                self.agent
                    .post(&url)
                    .set("Authorization", &self.auth())
                    .set("Content-Type", "application/json")
                    // The body serialised once, sent as one buffer.
                    .send_string(&body.to_string())
                    .map_err(Box::new)
            },
            &self.backoff,
        )
    }
}

/// A short hash of a glossary's content, to reuse the one made for the same list.
pub fn glossary_hash(pairs: &[(String, String)], from: Lang) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(from.code());
    for (fr, nl) in pairs {
        h.update(fr.as_bytes());
        h.update([0]);
        h.update(nl.as_bytes());
        h.update([1]);
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Service for DeepL {
    fn translate(
        &mut self,
        texts: &[String],
        from: Lang,
        to: Lang,
    ) -> Result<Vec<String>, TranslateError> {
        let mut body = json!({
            "text": texts,
            "source_lang": from.code().to_uppercase(),
            "target_lang": to.code().to_uppercase(),
            "tag_handling": "html",
        });
        if let Some(id) = self.glossaries.get(&(from, to)) {
            body["glossary_id"] = json!(id);
        }
        let answer = self.post("/v2/translate", &body)?;
        let out: Vec<String> = answer["translations"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| t["text"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        same_count(texts, out)
    }

    fn use_glossary(&mut self, pairs: &[(String, String)]) -> Result<(), TranslateError> {
        if pairs.is_empty() {
            self.glossaries.clear();
            return Ok(());
        }
        for from in Lang::BOTH {
            let to = from.other();
            let hash = glossary_hash(pairs, from);
            if let Some(id) = self.known_glossaries.get(&(from, to, hash.clone())) {
                self.glossaries.insert((from, to), id.clone());
                continue;
            }
            // The list changed: the glossary made from the old one is replaced.
            let stale: Vec<(Lang, Lang, String)> = self
                .known_glossaries
                .keys()
                .filter(|(f, t, h)| *f == from && *t == to && *h != hash)
                .cloned()
                .collect();
            for key in stale {
                if let Some(old) = self.known_glossaries.remove(&key) {
                    let url = format!("{}/v2/glossaries/{old}", self.base);
                    // Already gone is fine.
                    let _ = self
                        .agent
                        .delete(&url)
                        .set("Authorization", &self.auth())
                        .call();
                }
            }
            let entries: String = pairs
                .iter()
                .map(|(fr, nl)| match from {
                    Lang::Fr => format!("{fr}\t{nl}\n"),
                    Lang::Nl => format!("{nl}\t{fr}\n"),
                })
                .collect();
            let answer = self.post(
                "/v2/glossaries",
                &json!({
                    "name": format!("Tandem {}-{} {hash}", from.code(), to.code()),
                    "source_lang": from.code(),
                    "target_lang": to.code(),
                    "entries": entries,
                    "entries_format": "tsv",
                }),
            )?;
            let id = answer["glossary_id"]
                .as_str()
                .ok_or_else(|| TranslateError::Service("no glossary_id in the answer".into()))?
                .to_owned();
            self.known_glossaries.insert((from, to, hash), id.clone());
            self.glossaries.insert((from, to), id);
        }
        Ok(())
    }

    fn usage(&mut self) -> Result<Option<(u64, u64)>, TranslateError> {
        let url = format!("{}/v2/usage", self.base);
        let answer = request(
            &|| {
                self.agent
                    .get(&url)
                    .set("Authorization", &self.auth())
                    .call()
                    .map_err(Box::new)
            },
            &self.backoff,
        )?;
        Ok(answer["character_count"]
            .as_u64()
            .zip(answer["character_limit"].as_u64()))
    }

    fn applies_glossary(&self) -> bool {
        true
    }

    fn known_glossaries(&mut self) -> Option<&mut HashMap<(Lang, Lang, String), String>> {
        Some(&mut self.known_glossaries)
    }
}

/// A LibreTranslate-compatible server (its `/translate`), with an optional key.
#[derive(Debug)]
pub struct LibreTranslate {
    base: String,
    key: Option<String>,
    agent: ureq::Agent,
    backoff: Vec<u64>,
}

impl LibreTranslate {
    pub fn new(base: &str, key: Option<&str>) -> LibreTranslate {
        LibreTranslate {
            base: base.trim().trim_end_matches('/').to_owned(),
            key: key
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_owned),
            agent: crate::net::http::agent(TIMEOUT),
            backoff: BACKOFF_MS.to_vec(),
        }
    }

    /// Another time limit for each request than 30 s.
    pub fn with_timeout(mut self, timeout: Duration) -> LibreTranslate {
        self.agent = crate::net::http::agent(timeout);
        self
    }
}

impl Service for LibreTranslate {
    fn translate(
        &mut self,
        texts: &[String],
        from: Lang,
        to: Lang,
    ) -> Result<Vec<String>, TranslateError> {
        let mut body = json!({
            "q": texts,
            "source": from.code(),
            "target": to.code(),
            "format": "html",
        });
        if let Some(k) = &self.key {
            body["api_key"] = json!(k);
        }
        let url = format!("{}/translate", self.base);
        let answer = request(
            &|| {
                self.agent
                    .post(&url)
                    .set("Content-Type", "application/json")
                    .send_string(&body.to_string())
                    .map_err(Box::new)
            },
            &self.backoff,
        )?;
        let out: Vec<String> = match &answer["translatedText"] {
            Value::Array(a) => a
                .iter()
                .map(|t| t.as_str().unwrap_or("").to_owned())
                .collect(),
            Value::String(s) => vec![s.clone()],
            _ => Vec::new(),
        };
        same_count(texts, out)
    }

    fn use_glossary(&mut self, _pairs: &[(String, String)]) -> Result<(), TranslateError> {
        Ok(())
    }

    fn usage(&mut self) -> Result<Option<(u64, u64)>, TranslateError> {
        Ok(None)
    }

    fn applies_glossary(&self) -> bool {
        false
    }
}
