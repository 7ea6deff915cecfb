//! The MIME message of one edition: multipart/alternative of the text/plain twin and a
//! multipart/related holding the HTML (from the one renderer) and its images as inline
//! CID parts — never `data:` URIs.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

use crate::model::{is_asset_path, BlockKind, Edition, Issue};
use crate::render::{email_html, email_text, subject, RenderOptions};
use crate::store::Asset;

/// Why a message could not be built.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    #[error("image {0} is used by the issue but is not stored")]
    MissingImage(String),
    #[error("the message cannot be built: {0}")]
    Build(#[from] lettre::error::Error),
}

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

/// Builds the message of `edition` from `from` to `to`. `assets` are the issue's stored
/// images (only those the issue uses are attached).
pub fn compose(
    issue: &Issue,
    edition: Edition,
    assets: &[Asset],
    from: Mailbox,
    to: Mailbox,
) -> Result<Message, MessageError> {
    let options = RenderOptions {
        image_base: "cid:".into(),
        image_suffix: "@tandem".into(),
        unsubscribe_url: None,
    };
    let html = email_html(issue, edition, &options);
    let text = email_text(issue, edition, &options);
    let mut related = MultiPart::related().singlepart(SinglePart::html(html));
    for name in used_images(issue) {
        let asset = assets
            .iter()
            .find(|a| a.name == name)
            .ok_or_else(|| MessageError::MissingImage(name.clone()))?;
        let content_type = ContentType::parse(&asset.mime).unwrap_or(ContentType::TEXT_PLAIN);
        related = related.singlepart(
            Attachment::new_inline(format!("{name}@tandem"))
                .body(asset.bytes.clone(), content_type),
        );
    }
    let body = MultiPart::alternative()
        .singlepart(SinglePart::plain(text))
        .multipart(related);
    Ok(Message::builder()
        .from(from)
        .to(to)
        .subject(subject(issue, edition))
        .multipart(body)?)
}
