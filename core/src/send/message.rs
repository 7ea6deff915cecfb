//! The MIME message of one edition: multipart/alternative of the text/plain twin and a
//! multipart/related holding the HTML (from the one renderer) and its images as inline
//! CID parts — never `data:` URIs.
//!
//! A send renders each edition once ([`Prepared`]), encodes its HTML and text as
//! quoted-printable once and each image once; a recipient's message only fills in
//! their address, name, Message-ID and unsubscribe token (spliced into the encoded
//! text between soft line breaks, so no recipient's body is encoded again).

use std::time::SystemTime;

use lettre::address::Envelope;
use lettre::message::header::{
    ContentTransferEncoding, ContentType, Header, HeaderName, HeaderValue,
};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::Message;

use crate::model::{is_asset_path, BlockKind, Edition, Issue};
use crate::render::{email_html, email_text, subject, RenderOptions};
use crate::store::Asset;

/// Why a message could not be built.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    #[error("image {0} is used by the issue but is not stored")]
    MissingImage(String),
    #[error("{0:?} is not a valid e-mail address")]
    Address(String),
    #[error("the message cannot be built: {0}")]
    Build(#[from] lettre::error::Error),
}

/// Stands for the recipient's unsubscribe token in the rendered HTML and text: tokens
/// are lower-case hex, so the upper-case marker never collides with one.
const TOKEN_MARK: &str = "TANDEMUNSUBSCRIBETOKEN";

/// Stands for the reader's name in the greeting ("Bonjour TANDEMREADERNAME,").
const NAME_MARK: &str = "TANDEMREADERNAME";

/// The images an issue uses, by file name, in order of first use.
fn used_images(issue: &Issue) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for block in &issue.blocks {
        let src = match &block.kind {
            BlockKind::Article {
                image: Some(image), ..
            } => &image.src,
            BlockKind::Image { image, .. } => &image.src,
            _ => continue,
        };
        if is_asset_path(src) {
            let name = src["assets/".len()..].to_owned();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// `List-Unsubscribe` (RFC 2369).
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post` (RFC 8058), only sent with an https unsubscribe URL.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}

/// Who a message goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub edition: Edition,
    /// Lower-case hex; empty for test sends and exports.
    pub unsubscribe_token: &'a str,
    /// With its angle brackets: `<…@domain>`.
    pub message_id: &'a str,
}

/// A part of a message encoded as quoted-printable once, with slots for what differs
/// per recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Already encoded; ends with a line break (hard, or a soft `=` one) when a slot
    /// follows, so the slot starts a line of its own.
    Encoded(Vec<u8>),
    /// The recipient's unsubscribe token.
    Token,
    /// The recipient's name (HTML-escaped in the HTML part).
    Name,
}

/// `text` with its markers turned into slots, each stretch encoded (CRLF line endings,
/// lines of at most 76 characters). Decoding the result with the slots filled gives
/// back `text` with the markers replaced.
fn encode_template(text: &str, token_slot: bool, name_slot: bool) -> Vec<Piece> {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut pieces = Vec::new();
    let mut rest = text.as_str();
    loop {
        let next = [(TOKEN_MARK, Piece::Token), (NAME_MARK, Piece::Name)]
            .into_iter()
            .filter(|(_, piece)| match piece {
                Piece::Token => token_slot,
                _ => name_slot,
            })
            .filter_map(|(mark, piece)| rest.find(mark).map(|at| (at, mark.len(), piece)))
            .min_by_key(|(at, ..)| *at);
        let (end, slot) = match next {
            Some((at, len, piece)) => (at, Some((len, piece))),
            None => (rest.len(), None),
        };
        let mut encoded = quoted_printable::encode(&rest[..end]);
        if let Some((len, piece)) = slot {
            if !encoded.is_empty() && !encoded.ends_with(b"\r\n") {
                encoded.extend_from_slice(b"=\r\n");
            }
            if !encoded.is_empty() {
                pieces.push(Piece::Encoded(encoded));
            }
            pieces.push(piece);
            rest = &rest[end + len..];
        } else {
            if !encoded.is_empty() {
                pieces.push(Piece::Encoded(encoded));
            }
            return pieces;
        }
    }
}

/// A template filled in: each slot encoded on a line of its own, ended by a soft break.
fn fill_template(pieces: &[Piece], token: &str, name: &str) -> Vec<u8> {
    let size = pieces
        .iter()
        .map(|p| match p {
            Piece::Encoded(bytes) => bytes.len(),
            _ => 3 * 80,
        })
        .sum();
    let mut out = Vec::with_capacity(size);
    for (i, piece) in pieces.iter().enumerate() {
        let value = match piece {
            Piece::Encoded(bytes) => {
                out.extend_from_slice(bytes);
                continue;
            }
            Piece::Token => token,
            Piece::Name => name,
        };
        out.extend_from_slice(&quoted_printable::encode(value));
        if i + 1 < pieces.len() {
            out.extend_from_slice(b"=\r\n");
        }
    }
    out
}

#[derive(Debug, Clone)]
struct EditionParts {
    edition: Edition,
    subject: String,
    /// The HTML's length in bytes, before encoding.
    html_len: usize,
    /// For a reader without a name (and every reader when there is no greeting).
    html: Vec<Piece>,
    text: Vec<Piece>,
    /// With a greeting: HTML and text greeting by name.
    named: Option<(Vec<Piece>, Vec<Piece>)>,
}

/// An issue ready to be sent: each edition rendered once, each image encoded once.
#[derive(Debug, Clone)]
pub struct Prepared {
    editions: Vec<EditionParts>,
    images: Vec<(String, ContentType, Body)>,
    from: Mailbox,
    reply_to: Option<Mailbox>,
    unsubscribe_url: Option<String>,
    subject_prefix: String,
}

impl Prepared {
    /// `unsubscribe_url` is the organisation's unsubscribe page (the recipient's token
    /// is appended as `t=`); `test` puts "[TEST]" before the subject; `greeting` opens
    /// each language section with "Bonjour Anne," / "Beste Anne," (or "Bonjour," /
    /// "Beste lezer," for a reader without a name).
    pub fn new(
        issue: &Issue,
        assets: &[Asset],
        from: Mailbox,
        reply_to: Option<Mailbox>,
        unsubscribe_url: Option<&str>,
        test: bool,
        greeting: bool,
    ) -> Result<Self, MessageError> {
        let unsubscribe_url = unsubscribe_url
            .map(str::trim)
            .filter(|u| u.starts_with("https://"))
            .map(str::to_owned);
        let options = RenderOptions {
            image_base: "cid:".into(),
            image_suffix: "@tandem".into(),
            unsubscribe_url: unsubscribe_url.as_deref().map(|base| {
                let sep = if base.contains('?') { '&' } else { '?' };
                format!("{base}{sep}t={TOKEN_MARK}")
            }),
            greeting: greeting.then(String::new),
        };
        let named_options = RenderOptions {
            greeting: Some(NAME_MARK.to_owned()),
            ..options.clone()
        };
        // Without an unsubscribe page the marker is not in the text, and a token is only
        // in List-Unsubscribe.
        let slots = unsubscribe_url.is_some();
        let editions = Edition::ALL
            .into_iter()
            .map(|edition| {
                let html = email_html(issue, edition, &options);
                EditionParts {
                    edition,
                    subject: subject(issue, edition),
                    html_len: html.len(),
                    html: encode_template(&html, slots, false),
                    text: encode_template(&email_text(issue, edition, &options), slots, false),
                    named: greeting.then(|| {
                        (
                            encode_template(
                                &email_html(issue, edition, &named_options),
                                slots,
                                true,
                            ),
                            encode_template(
                                &email_text(issue, edition, &named_options),
                                slots,
                                true,
                            ),
                        )
                    }),
                }
            })
            .collect();
        let mut images = Vec::new();
        for name in used_images(issue) {
            let asset = assets
                .iter()
                .find(|a| a.name == name)
                .ok_or_else(|| MessageError::MissingImage(name.clone()))?;
            let content_type = ContentType::parse(&asset.mime).unwrap_or(ContentType::TEXT_PLAIN);
            let body =
                Body::new_with_encoding(asset.bytes.clone(), ContentTransferEncoding::Base64)
                    .map_err(|_| MessageError::MissingImage(name.clone()))?;
            images.push((format!("{name}@tandem"), content_type, body));
        }
        Ok(Prepared {
            editions,
            images,
            from,
            reply_to,
            unsubscribe_url,
            subject_prefix: if test {
                "[TEST] ".into()
            } else {
                String::new()
            },
        })
    }

    pub fn from(&self) -> &Mailbox {
        &self.from
    }

    /// The size in bytes of an edition's HTML (Gmail clips messages over 102 KB).
    pub fn html_len(&self, edition: Edition) -> usize {
        self.parts(edition).html_len
    }

    fn parts(&self, edition: Edition) -> &EditionParts {
        self.editions
            .iter()
            .find(|p| p.edition == edition)
            .expect("every edition is rendered")
    }

    /// The whole message for one recipient, and its envelope.
    pub fn message(
        &self,
        to: &Addressee<'_>,
        date: SystemTime,
    ) -> Result<(Envelope, Vec<u8>), MessageError> {
        let message = self.build(to, date)?;
        Ok((message.envelope().clone(), message.formatted()))
    }

    fn build(&self, to: &Addressee<'_>, date: SystemTime) -> Result<Message, MessageError> {
        let parts = self.parts(to.edition);
        let address = to
            .email
            .parse()
            .map_err(|_| MessageError::Address(to.email.to_owned()))?;
        // One line whatever the contacts file held (a quoted CSV field can hold line
        // breaks): a name can never start a header of its own.
        let name = to.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let mailbox = Mailbox::new((!name.is_empty()).then(|| name.clone()), address);
        // The name as it may appear: one line, not absurdly long.
        let greet_name: String = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(80)
            .collect();
        let token = to.unsubscribe_token;
        let (html, text) = match &parts.named {
            Some((html, text)) if !greet_name.is_empty() => (
                fill_template(html, token, &crate::render::escape_html(&greet_name)),
                fill_template(text, token, &greet_name),
            ),
            _ => (
                fill_template(&parts.html, token, ""),
                fill_template(&parts.text, token, ""),
            ),
        };
        let qp = |bytes: Vec<u8>, content_type: ContentType| {
            SinglePart::builder()
                .header(content_type)
                .body(Body::dangerous_pre_encoded(
                    bytes,
                    ContentTransferEncoding::QuotedPrintable,
                ))
        };
        let mut related = MultiPart::related().singlepart(qp(html, ContentType::TEXT_HTML));
        for (cid, content_type, body) in &self.images {
            related = related.singlepart(
                Attachment::new_inline(cid.clone()).body(body.clone(), content_type.clone()),
            );
        }
        let body = MultiPart::alternative()
            .singlepart(qp(text, ContentType::TEXT_PLAIN))
            .multipart(related);

        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(mailbox)
            .subject(format!("{}{}", self.subject_prefix, parts.subject))
            .date(date)
            .message_id(Some(to.message_id.to_owned()));
        if let Some(reply_to) = &self.reply_to {
            builder = builder.reply_to(reply_to.clone());
        }
        if !to.unsubscribe_token.is_empty() {
            let mut value = format!(
                "<mailto:{}?subject=unsubscribe%20{}>",
                self.from.email, to.unsubscribe_token
            );
            if let Some(url) = &self.unsubscribe_url {
                let sep = if url.contains('?') { '&' } else { '?' };
                value.push_str(&format!(", <{url}{sep}t={}>", to.unsubscribe_token));
                builder = builder.header(ListUnsubscribePost);
            }
            builder = builder.header(ListUnsubscribe(value));
        }
        Ok(builder.multipart(body)?)
    }
}

/// Builds the message of `edition` from `from` to `to` (exports and previews: no
/// unsubscribe token, a fresh Message-ID).
pub fn compose(
    issue: &Issue,
    edition: Edition,
    assets: &[Asset],
    from: Mailbox,
    to: Mailbox,
) -> Result<Message, MessageError> {
    let domain = from.email.domain().to_owned();
    let prepared = Prepared::new(issue, assets, from, None, None, false, false)?;
    let message_id = format!("<{}@{domain}>", crate::token::os_random_token());
    let email = to.email.to_string();
    let name = to.name.clone().unwrap_or_default();
    prepared.build(
        &Addressee {
            email: &email,
            name: &name,
            edition,
            unsubscribe_token: "",
            message_id: &message_id,
        },
        SystemTime::now(),
    )
}

#[cfg(test)]
mod template_tests {
    use super::*;

    /// Encoded once with slots, filled per recipient, decoded: the same as replacing the
    /// markers in the text and encoding it whole; no line over 76 characters.
    #[test]
    fn a_filled_template_decodes_to_the_text_with_its_markers_replaced() {
        let long = "é".repeat(50);
        let cases = [
            format!(
                "<p>Bonjour {NAME_MARK},</p><a href=\"https://x.be/u?t={TOKEN_MARK}\">{long}</a>"
            ),
            format!("{TOKEN_MARK}{NAME_MARK}\nline two {long}{long}\n\n{TOKEN_MARK}"),
            format!("no markers at all, {long}"),
            format!("trailing space before a slot {NAME_MARK} and after"),
            String::new(),
        ];
        for text in cases {
            for name in ["", "Zoë &amp; Jan", "Anne"] {
                let token = "0123abcd";
                let filled = fill_template(&encode_template(&text, true, true), token, name);
                for line in filled.split(|&b| b == b'\n') {
                    assert!(line.len() <= 77, "{:?}", String::from_utf8_lossy(line));
                }
                let decoded =
                    quoted_printable::decode(&filled, quoted_printable::ParseMode::Strict)
                        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&filled)));
                let want = text
                    .replace(TOKEN_MARK, token)
                    .replace(NAME_MARK, name)
                    .replace('\n', "\r\n");
                assert_eq!(
                    String::from_utf8(decoded).unwrap(),
                    want,
                    "{text:?} {name:?}"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bilingual, Block};

    fn issue() -> Issue {
        let mut issue = Issue::sample();
        issue.subject = Bilingual::new("Lettre été".into(), "Nieuwsbrief".into());
        issue
            .blocks
            .retain(|b| !matches!(b.kind, BlockKind::Image { .. }));
        issue.blocks.iter_mut().for_each(|b: &mut Block| {
            if let BlockKind::Article { image, .. } = &mut b.kind {
                *image = None;
            }
        });
        issue
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    /// The unfolded value of the first header `name`.
    fn header(raw: &str, name: &str) -> Option<String> {
        let head = raw.split("\r\n\r\n").next()?.replace("\r\n ", " ");
        head.split("\r\n").find_map(|line| {
            let (n, v) = line.split_once(": ")?;
            n.eq_ignore_ascii_case(name).then(|| v.to_owned())
        })
    }

    #[test]
    fn each_recipient_gets_their_edition_token_and_message_id() {
        let prepared = Prepared::new(
            &issue(),
            &[],
            "PMO <info@example.org>".parse().unwrap(),
            Some("Secrétariat <secretariat@example.org>".parse().unwrap()),
            Some("https://example.org/unsubscribe"),
            false,
            false,
        )
        .unwrap();
        let (envelope, bytes) = prepared
            .message(
                &Addressee {
                    email: "anne@example.be",
                    name: "Anne Peeters",
                    edition: Edition::Nl,
                    unsubscribe_token: "00ff",
                    message_id: "<abc@example.org>",
                },
                SystemTime::UNIX_EPOCH,
            )
            .unwrap();
        let raw = text(&bytes);
        assert_eq!(envelope.to()[0].to_string(), "anne@example.be");
        assert_eq!(header(&raw, "Subject").as_deref(), Some("Nieuwsbrief"));
        assert_eq!(
            header(&raw, "To").as_deref(),
            Some("\"Anne Peeters\" <anne@example.be>")
        );
        assert_eq!(
            header(&raw, "Message-ID").as_deref(),
            Some("<abc@example.org>")
        );
        assert_eq!(
            header(&raw, "List-Unsubscribe").as_deref(),
            Some("<mailto:info@example.org?subject=unsubscribe%2000ff>, <https://example.org/unsubscribe?t=00ff>")
        );
        assert_eq!(
            header(&raw, "List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
        assert!(
            raw.contains("t=3D00ff") || raw.contains("t=00ff"),
            "the token is in the body"
        );
        assert!(!raw.contains(TOKEN_MARK));
        assert!(raw.lines().all(|l| l.len() <= 998));
    }

    /// The decoded body of the part with this content type.
    fn part(raw: &[u8], content_type: &str) -> String {
        use mail_parser::MimeHeaders;
        let (ty, sub) = content_type.split_once('/').unwrap();
        let message = mail_parser::MessageParser::default().parse(raw).unwrap();
        let part = message
            .parts
            .iter()
            .find(|p| p.is_content_type(ty, sub))
            .unwrap();
        part.text_contents().unwrap().to_owned()
    }

    #[test]
    fn the_greeting_names_each_reader_escaped_and_falls_back_without_a_name() {
        let prepared = Prepared::new(
            &issue(),
            &[],
            "PMO <info@example.org>".parse().unwrap(),
            None,
            None,
            false,
            true,
        )
        .unwrap();
        let message = |name: &str, edition| {
            prepared
                .message(
                    &Addressee {
                        email: "reader@example.be",
                        name,
                        edition,
                        unsubscribe_token: "00",
                        message_id: "<g@example.org>",
                    },
                    SystemTime::UNIX_EPOCH,
                )
                .unwrap()
                .1
        };
        let bilingual = message("Anne  <b>Dubois</b>", Edition::Bilingual);
        let html = part(&bilingual, "text/html");
        assert!(
            html.contains("Bonjour Anne &lt;b&gt;Dubois&lt;/b&gt;,"),
            "{html}"
        );
        assert!(
            html.contains("Beste Anne &lt;b&gt;Dubois&lt;/b&gt;,"),
            "{html}"
        );
        assert!(!html.contains("<b>Dubois"), "a name is text, never markup");
        let text = part(&bilingual, "text/plain");
        assert!(text.contains("Bonjour Anne <b>Dubois</b>,"), "{text}");
        assert!(!text.contains(NAME_MARK));

        let anonymous = part(&message("", Edition::Nl), "text/html");
        assert!(anonymous.contains("Beste lezer,"), "{anonymous}");
        assert!(!anonymous.contains("Bonjour"));
        assert!(!anonymous.contains(NAME_MARK));
    }

    #[test]
    fn a_name_with_line_breaks_cannot_add_a_header() {
        let prepared = Prepared::new(
            &issue(),
            &[],
            "PMO <info@example.org>".parse().unwrap(),
            None,
            None,
            false,
            true,
        )
        .unwrap();
        let (envelope, bytes) = prepared
            .message(
                &Addressee {
                    email: "anne@example.be",
                    name: "Anne\r\nBcc: everyone@example.org\r\n",
                    edition: Edition::Fr,
                    unsubscribe_token: "00",
                    message_id: "<h@example.org>",
                },
                SystemTime::UNIX_EPOCH,
            )
            .unwrap();
        let raw = text(&bytes);
        let head = raw.split("\r\n\r\n").next().unwrap();
        assert!(
            !head
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "{head}"
        );
        assert_eq!(envelope.to().len(), 1);
        let html = part(&bytes, "text/html");
        assert!(
            html.contains("Bonjour Anne Bcc: everyone@example.org,"),
            "{html}"
        );
    }

    #[test]
    fn without_an_unsubscribe_page_only_mailto_is_offered_and_no_one_click() {
        let prepared = Prepared::new(
            &issue(),
            &[],
            "PMO <info@example.org>".parse().unwrap(),
            None,
            Some("javascript:alert(1)"),
            true,
            false,
        )
        .unwrap();
        let (_, bytes) = prepared
            .message(
                &Addressee {
                    email: "jan@example.be",
                    name: "",
                    edition: Edition::Fr,
                    unsubscribe_token: "beef",
                    message_id: "<x@example.org>",
                },
                SystemTime::UNIX_EPOCH,
            )
            .unwrap();
        let raw = text(&bytes);
        let subject = header(&raw, "Subject").unwrap();
        assert!(subject.starts_with("[TEST] Lettre =?utf-8?"), "{subject}");
        assert_eq!(
            header(&raw, "List-Unsubscribe").as_deref(),
            Some("<mailto:info@example.org?subject=unsubscribe%20beef>")
        );
        assert!(!raw.contains("List-Unsubscribe-Post"));
        assert!(!raw.contains("javascript"));
    }
}
