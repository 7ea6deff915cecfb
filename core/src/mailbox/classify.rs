//! What one message in the sending mailbox is: a bounce (RFC 3464 delivery status
//! notification, or the common non-standard notices), an unsubscribe request (with the
//! token Tandem put in `List-Unsubscribe`, or only worded like one), an auto-reply, or
//! something for a person. Reads bytes, knows no IMAP and no database.

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

/// A recipient a bounce reports on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    /// The address as the reporting server wrote it (`Final-Recipient`, or the
    /// `X-Failed-Recipients` list).
    pub address: String,
    /// `5.1.1`, `4.2.2`… (empty when the notice gives none and none can be found).
    pub status: String,
    /// `failed`, `delayed`… (lower case; empty when not given).
    pub action: String,
    /// The remote server's words (`Diagnostic-Code`, or the notice's line about it).
    pub diagnostic: String,
}

impl Failed {
    /// Permanent: a 5.x.x status, or `Action: failed` without a status.
    pub fn is_hard(&self) -> bool {
        if self.action == "delayed" {
            return false;
        }
        match self.status.chars().next() {
            Some('5') => true,
            Some('4') => false,
            _ => self.action == "failed",
        }
    }

    /// Worth counting at all: a relay's `delivered`/`relayed`/`expanded` report is not a bounce.
    fn is_problem(&self) -> bool {
        !matches!(self.action.as_str(), "delivered" | "relayed" | "expanded")
    }
}

/// What a message is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A delivery failure (hard or soft per recipient), with the Message-IDs of the
    /// returned message when it came back with it.
    Bounce {
        failed: Vec<Failed>,
        message_ids: Vec<String>,
    },
    /// "unsubscribe TOKEN" in the subject or the first lines of the body.
    Unsubscribe { token: String },
    /// Worded like an unsubscribe request (FR/NL/EN) but without a token: a person
    /// confirms.
    ProbableUnsubscribe,
    /// A reply (to the Message-IDs of its In-Reply-To and References) whose own lines —
    /// not the quoted newsletter — ask to unsubscribe: a person confirms when it answers
    /// a message of the ledger.
    ReplyAsking { replies_to: Vec<String> },
    /// Out-of-office and other automatic answers: left alone.
    AutoReply,
    /// Anything else: left for a person.
    Other,
}

/// One message as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The sender's address (lower case), or empty.
    pub from: String,
    pub subject: String,
    pub kind: Kind,
}

/// Why a message could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// Reads one message (possibly cut after its first megabyte: a bounce says what it
/// has to say long before any attachment).
pub fn classify(raw: &[u8]) -> Result<Read, Unreadable> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| Unreadable("no message headers".into()))?;
    if message.headers().is_empty() {
        return Err(Unreadable("no message headers".into()));
    }
    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| a.trim().to_lowercase())
        .unwrap_or_default();
    let subject = message.subject().unwrap_or("").trim().to_owned();
    let kind = bounce(&message, &from, &subject)
        .or_else(|| unsubscribe_token(&message, &subject).map(|token| Kind::Unsubscribe { token }))
        .or_else(|| is_auto_reply(&message, &subject).then_some(Kind::AutoReply))
        .or_else(|| looks_like_unsubscribe(&subject).then_some(Kind::ProbableUnsubscribe))
        .or_else(|| reply_asking(&message))
        .unwrap_or(Kind::Other);
    Ok(Read {
        from,
        subject,
        kind,
    })
}

fn header_text<'a>(message: &'a Message<'_>, name: &'static str) -> Option<&'a str> {
    message
        .header(name)
        .and_then(|v| v.as_text())
        .or_else(|| message.header_raw(name))
        .map(str::trim)
}

/// A delivery status notification, standard or not.
fn bounce(message: &Message<'_>, from: &str, subject: &str) -> Option<Kind> {
    let mut failed = Vec::new();
    let mut message_ids = Vec::new();
    let mut standard = false;
    for part in message.parts.iter() {
        let Some(ct) = part.content_type() else {
            continue;
        };
        let ctype = ct.ctype().to_ascii_lowercase();
        let subtype = ct.subtype().unwrap_or("").to_ascii_lowercase();
        match (ctype.as_str(), subtype.as_str()) {
            ("message", "delivery-status" | "global-delivery-status") => {
                standard = true;
                failed.extend(delivery_status(part.contents()));
            }
            ("text", "rfc822-headers") | ("message", "rfc822-headers") => {
                message_ids.extend(message_ids_in(part.contents()));
            }
            _ => {}
        }
        if let PartType::Message(returned) = &part.body {
            if let Some(id) = returned.message_id() {
                message_ids.push(id.to_owned());
            }
        }
    }
    if standard {
        failed.retain(Failed::is_problem);
        if failed.is_empty() {
            return None;
        }
        dedup(&mut message_ids);
        return Some(Kind::Bounce {
            failed,
            message_ids,
        });
    }
    // Non-standard notices: Exim's X-Failed-Recipients, or a mailer daemon's subject.
    let listed: Vec<String> = message
        .header_values("X-Failed-Recipients")
        .filter_map(|v| v.as_text())
        .flat_map(|v| v.split(','))
        .map(|a| a.trim().trim_matches(['<', '>']).to_lowercase())
        .filter(|a| a.contains('@'))
        .collect();
    let from_daemon = {
        let local = from.split('@').next().unwrap_or("");
        local == "mailer-daemon" || local == "postmaster"
    };
    let subject_lower = subject.to_lowercase();
    let says_undelivered = [
        "undeliver",
        "undelivered",
        "delivery status notification",
        "delivery failure",
        "mail delivery failed",
        "returned mail",
        "failure notice",
        "non remis",
        "échec de la remise",
        "onbestelbaar",
        "niet bezorgd",
    ]
    .iter()
    .any(|w| subject_lower.contains(w));
    if listed.is_empty() && !(from_daemon && says_undelivered) {
        return None;
    }
    let text = message
        .body_text(0)
        .map(|t| t.into_owned())
        .unwrap_or_default();
    let mut addresses = listed;
    if addresses.is_empty() {
        addresses = addresses_in_text(&text);
    }
    if addresses.is_empty() {
        return None;
    }
    // The original's headers, when the notice quotes them in its text.
    message_ids.extend(message_ids_in(text.as_bytes()));
    dedup(&mut message_ids);
    let failed = addresses
        .into_iter()
        .map(|address| {
            let line = line_about(&text, &address);
            let status = status_code_in(&line)
                .or_else(|| status_code_in(&text))
                .unwrap_or_default();
            let action = if status.starts_with('4') || text.to_lowercase().contains("delayed") {
                "delayed"
            } else {
                "failed"
            };
            Failed {
                address,
                status,
                action: action.into(),
                diagnostic: line,
            }
        })
        .collect();
    Some(Kind::Bounce {
        failed,
        message_ids,
    })
}

fn dedup(ids: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
}

/// The per-recipient fields of a `message/delivery-status` body (RFC 3464 §2.3): blocks
/// of header-like lines separated by blank lines; the first block is about the message.
fn delivery_status(body: &[u8]) -> Vec<Failed> {
    let text = String::from_utf8_lossy(body).replace("\r\n", "\n");
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let fields = unfold(block);
        let get = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let Some(recipient) = get("Final-Recipient").or_else(|| get("Original-Recipient")) else {
            continue;
        };
        // "rfc822; someone@example.org" (or "utf-8; …" in global DSNs).
        let address = recipient
            .split_once(';')
            .map(|(_, a)| a)
            .unwrap_or(&recipient)
            .trim()
            .trim_matches(['<', '>'])
            .to_lowercase();
        if !address.contains('@') {
            continue;
        }
        let diagnostic = get("Diagnostic-Code")
            .map(|d| {
                d.split_once(';')
                    .map(|(_, t)| t.trim().to_owned())
                    .unwrap_or(d)
            })
            .unwrap_or_default();
        let status = get("Status")
            .and_then(|s| status_code_in(&s))
            .or_else(|| status_code_in(&diagnostic))
            .unwrap_or_default();
        out.push(Failed {
            address,
            status,
            action: get("Action").unwrap_or_default().trim().to_lowercase(),
            diagnostic,
        });
    }
    out
}

/// `Name: value` lines with continuation lines joined.
pub fn unfold(block: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = fields.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    fields
}

/// Message-IDs named by `Message-ID:` lines in returned headers or quoted text.
fn message_ids_in(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut ids = Vec::new();
    for (name, value) in unfold(&text.replace("\r\n", "\n")) {
        if name.eq_ignore_ascii_case("Message-ID") {
            let id = value.trim().trim_start_matches('<');
            let id = id.split('>').next().unwrap_or("").trim();
            if id.contains('@') {
                ids.push(id.to_owned());
            }
        }
    }
    ids
}

/// The first RFC 3463 status code (`5.1.1`) in a text.
fn status_code_in(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'2' | b'4' | b'5') || bytes.get(i + 1) != Some(&b'.') {
            continue;
        }
        if i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.') {
            continue;
        }
        let rest = &text[i + 2..];
        let a: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if a.is_empty() || a.len() > 3 {
            continue;
        }
        let rest = &rest[a.len()..];
        let Some(rest) = rest.strip_prefix('.') else {
            continue;
        };
        let c: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if c.is_empty() || c.len() > 3 {
            continue;
        }
        if rest[c.len()..].starts_with(|ch: char| ch.is_ascii_digit() || ch == '.') {
            continue;
        }
        return Some(format!("{}.{a}.{c}", b as char));
    }
    None
}

/// Addresses a plain-text notice names on their own (Exim: an indented line per
/// address; others: `<address>:`), never the notice's own headers.
fn addresses_in_text(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().take(80) {
        let t = line.trim();
        let candidate = t.trim_end_matches(':').trim_matches(['<', '>']);
        let candidate = candidate.split(">:").next().unwrap_or(candidate);
        let candidate = candidate.trim_matches(['<', '>']);
        if !candidate.is_empty()
            && !candidate.contains(char::is_whitespace)
            && candidate.contains('@')
            && !candidate.starts_with('@')
        {
            let a = candidate.to_lowercase();
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// The notice's line about an address and the one after (the remote reply), trimmed.
fn line_about(text: &str, address: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let lower = address.to_lowercase();
    for (i, line) in lines.iter().enumerate() {
        if line.to_lowercase().contains(&lower) {
            let mut about: Vec<&str> = Vec::new();
            for l in lines.iter().skip(i).take(4) {
                let t = l.trim();
                if t.is_empty() && !about.is_empty() {
                    break;
                }
                if !t.is_empty() {
                    about.push(t);
                }
            }
            let joined = about.join(" ");
            return joined.chars().take(500).collect();
        }
    }
    String::new()
}

/// "unsubscribe" followed by a token Tandem issues (32 lower-case hex digits).
fn unsubscribe_token(message: &Message<'_>, subject: &str) -> Option<String> {
    if let Some(t) = token_after_unsubscribe(subject) {
        return Some(t);
    }
    let body = message.body_text(0)?;
    let head: String = body.chars().take(4096).collect();
    token_after_unsubscribe(&head)
}

fn token_after_unsubscribe(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("unsubscribe") {
        let after = &lower[from + pos + "unsubscribe".len()..];
        let after = after.trim_start_matches([' ', '\t', ':', '=']);
        let token: String = after
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        if token.len() == 32 {
            return Some(token);
        }
        from += pos + "unsubscribe".len();
    }
    None
}

fn is_auto_reply(message: &Message<'_>, subject: &str) -> bool {
    if let Some(v) = header_text(message, "Auto-Submitted") {
        if !v.eq_ignore_ascii_case("no") {
            return true;
        }
    }
    if message.header("X-Autoreply").is_some()
        || message.header("X-Autorespond").is_some()
        || message.header("X-MS-Exchange-Inbox-Rules-Loop").is_some()
    {
        return true;
    }
    if let Some(p) = header_text(message, "Precedence") {
        if p.eq_ignore_ascii_case("auto_reply") {
            return true;
        }
    }
    let s = subject.to_lowercase();
    [
        "out of office",
        "automatic reply",
        "auto-reply",
        "autoreply",
        "réponse automatique",
        "absence du bureau",
        "automatisch antwoord",
        "afwezig",
        "afwezigheid",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// The Message-IDs a reply answers (In-Reply-To, then References), without brackets.
fn replies_to(message: &Message<'_>) -> Vec<String> {
    let mut ids = Vec::new();
    for name in ["In-Reply-To", "References"] {
        let Some(raw) = message.header_raw(name) else {
            continue;
        };
        for part in raw.split('<').skip(1) {
            let id = part.split('>').next().unwrap_or("").trim();
            if id.contains('@') && !ids.iter().any(|i: &String| i == id) {
                ids.push(id.to_owned());
            }
        }
    }
    ids
}

/// The lines the sender wrote: the body up to where the quoted message starts (a
/// "> " line, an attribution such as "On … wrote:" / "Le … a écrit :" / "Op …
/// schreef …:", Outlook's "-----Original Message-----" or its "From:/De :/Van:" block
/// after a rule).
pub(crate) fn own_lines(body: &str) -> String {
    let mut out = Vec::new();
    let lines: Vec<&str> = body.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let folded = crate::text::fold(t);
        let next = lines
            .get(i + 1)
            .map(|l| crate::text::fold(l.trim()))
            .unwrap_or_default();
        let attribution = (folded.ends_with("wrote:")
            || folded.ends_with("a ecrit :")
            || folded.ends_with("a ecrit:")
            || folded.ends_with("schreef:")
            || folded.ends_with("schreef :")
            || folded.ends_with("geschreven:")
            || folded.ends_with("geschreven :"))
            && (folded.starts_with("on ")
                || folded.starts_with("le ")
                || folded.starts_with("op ")
                || folded.contains('@')
                || folded.contains(" <"));
        let original = folded.starts_with("-----original message")
            || folded.starts_with("-----message d'origine")
            || folded.starts_with("-----oorspronkelijk bericht")
            || folded.starts_with("----- original message")
            || folded.starts_with("begin forwarded message")
            || folded.starts_with("---------- forwarded message");
        let header_block = (t.starts_with("____") || t.is_empty())
            && ["from:", "de :", "de:", "van:"]
                .iter()
                .any(|h| next.starts_with(h));
        let header_line = ["from:", "de :", "van:"]
            .iter()
            .any(|h| folded.starts_with(h))
            && lines.get(i + 1).is_some_and(|l| {
                let n = crate::text::fold(l.trim());
                [
                    "sent:",
                    "envoye :",
                    "envoye:",
                    "verzonden:",
                    "date:",
                    "datum:",
                ]
                .iter()
                .any(|h| n.starts_with(h))
            });
        if attribution || original || header_block || header_line {
            break;
        }
        if t.starts_with('>') {
            continue;
        }
        out.push(*line);
    }
    out.join("\n")
}

/// A reply whose own lines ask to unsubscribe.
fn reply_asking(message: &Message<'_>) -> Option<Kind> {
    let replies_to = replies_to(message);
    if replies_to.is_empty() {
        return None;
    }
    let body = message.body_text(0)?;
    let own = own_lines(&body);
    asks_to_unsubscribe(&own).then_some(Kind::ReplyAsking { replies_to })
}

/// Own words that ask to stop receiving the newsletter (FR/NL/EN).
fn asks_to_unsubscribe(text: &str) -> bool {
    let s = crate::text::fold(text);
    looks_like_unsubscribe(text)
        || [
            "ne plus recevoir",
            "retirez-moi",
            "retirer de votre liste",
            "retirer de la liste",
            "niet meer ontvangen",
            "verwijder mij",
            "verwijder me",
            "schrap mij",
            "remove me",
            "take me off",
            "stop sending",
        ]
        .iter()
        .any(|w| s.contains(w))
}

/// An unsubscribe-like subject in French, Dutch or English.
fn looks_like_unsubscribe(subject: &str) -> bool {
    let s = crate::text::fold(subject);
    [
        "unsubscribe",
        "desinscri",
        "desabonne",
        "desabonnement",
        "se retirer de la liste",
        "uitschrijv",
        "afmelden",
        "afmelding",
        "uit de lijst",
    ]
    .iter()
    .any(|w| s.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_are_found_and_not_confused_with_versions_or_addresses() {
        assert_eq!(status_code_in("Status: 5.1.1"), Some("5.1.1".into()));
        assert_eq!(
            status_code_in("550 5.7.1 Rejected by policy"),
            Some("5.7.1".into())
        );
        assert_eq!(
            status_code_in("smtp; 452 4.2.2 Mailbox full"),
            Some("4.2.2".into())
        );
        assert_eq!(status_code_in("version 12.5.1.3"), None);
        assert_eq!(status_code_in("no code here"), None);
    }

    #[test]
    fn tokens_follow_the_word_unsubscribe() {
        let t = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            token_after_unsubscribe(&format!("unsubscribe {t}")),
            Some(t.into())
        );
        assert_eq!(
            token_after_unsubscribe(&format!("Re: UNSUBSCRIBE {t}")),
            Some(t.into())
        );
        assert_eq!(token_after_unsubscribe("unsubscribe me please"), None);
        assert_eq!(token_after_unsubscribe(&format!("unsubscribe {t}ff")), None);
    }

    #[test]
    fn unsubscribe_wording_in_three_languages() {
        assert!(looks_like_unsubscribe("Désinscription"));
        assert!(looks_like_unsubscribe("me désabonner svp"));
        assert!(looks_like_unsubscribe("Graag uitschrijven"));
        assert!(looks_like_unsubscribe("afmelden nieuwsbrief"));
        assert!(looks_like_unsubscribe("Please unsubscribe me"));
        assert!(!looks_like_unsubscribe("Inscription à la journée d'étude"));
    }
}
