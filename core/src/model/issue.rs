//! An issue of the newsletter: numbered, dated, with a subject and preheader in both
//! languages and an ordered list of blocks.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Bilingual, Lang, RichText, Text};

/// Where an issue stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum IssueStatus {
    #[default]
    Draft,
    Sent,
}

/// An issue of the newsletter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Issue {
    pub number: u32,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub subject: Text,
    pub preheader: Text,
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub status: IssueStatus,
    /// The languages whose subject and preheader were filled by a translation service
    /// and not yet reread by a person (see [`Block::machine_draft`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Lang>>")]
    pub machine_draft: Vec<Lang>,
}

/// A picture placed in the newsletter: a reference to a stored asset (`src`, e.g.
/// `assets/photo.jpg`) with its alternative text in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImageRef {
    pub src: String,
    pub alt: Text,
    /// Pixel size of the stored (already resized) image; filled at import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

impl Issue {
    /// How many texts are machine drafts nobody has reread (the subject and preheader of
    /// a language count as one, each block side as one).
    pub fn machine_drafts(&self) -> u32 {
        (self.machine_draft.len()
            + self
                .blocks
                .iter()
                .map(|b| b.machine_draft.len())
                .sum::<usize>()) as u32
    }
}

/// A link with a label in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Link {
    pub url: String,
    pub label: Text,
}

/// One block of an issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Block {
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Set when staff decided on purpose that this block appears in one language only:
    /// the other language's edition then leaves it out, and it does not count as
    /// incomplete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Lang>,
    /// The languages of this block that a translation service wrote and nobody has
    /// reread yet ("machine draft"): cleared when a person edits that side or says it
    /// is reread. Absent in files written before it existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Lang>>")]
    pub machine_draft: Vec<Lang>,
}

/// One translatable text of a block or an issue, to read or to fill.
#[derive(Debug)]
pub enum TextField<'a> {
    /// Plain text (titles, alt texts, labels, places, the subject…).
    Plain(&'a mut Text),
    /// An article body.
    Rich(&'a mut Bilingual<RichText>),
}

impl TextField<'_> {
    /// True when `lang`'s side has no visible text.
    pub fn is_blank(&self, lang: Lang) -> bool {
        match self {
            TextField::Plain(t) => t.get(lang).trim().is_empty(),
            TextField::Rich(r) => r.get(lang).is_blank(),
        }
    }
}

/// What a block is, with its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum BlockKind {
    Heading {
        text: Text,
    },
    Article {
        title: Text,
        body: Bilingual<RichText>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image: Option<ImageRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<Link>,
    },
    Event {
        title: Text,
        #[ts(type = "string")]
        starts: DateTime<FixedOffset>,
        place: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<Link>,
    },
    Button {
        label: Text,
        url: String,
    },
    Image {
        #[serde(flatten)]
        image: ImageRef,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<Text>,
    },
    Divider,
}

impl BlockKind {
    /// A new, empty block of the named kind (`heading`, `article`, `event`, `button`,
    /// `image`, `divider`); `starts` is the default date of a new event.
    pub fn empty(kind: &str, starts: DateTime<FixedOffset>) -> Option<BlockKind> {
        Some(match kind {
            "heading" => BlockKind::Heading {
                text: Text::default(),
            },
            "article" => BlockKind::Article {
                title: Text::default(),
                body: Bilingual::default(),
                image: None,
                link: None,
            },
            "event" => BlockKind::Event {
                title: Text::default(),
                starts,
                place: Text::default(),
                link: None,
            },
            "button" => BlockKind::Button {
                label: Text::default(),
                url: String::new(),
            },
            "image" => BlockKind::Image {
                image: ImageRef {
                    src: String::new(),
                    alt: Text::default(),
                    width: None,
                    height: None,
                },
                caption: None,
            },
            "divider" => BlockKind::Divider,
            _ => return None,
        })
    }

    /// The kind's name as written in files (`heading`, `article`, …).
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Article { .. } => "article",
            BlockKind::Event { .. } => "event",
            BlockKind::Button { .. } => "button",
            BlockKind::Image { .. } => "image",
            BlockKind::Divider => "divider",
        }
    }
}

impl Block {
    pub fn new(kind: BlockKind) -> Self {
        Block {
            kind,
            only: None,
            machine_draft: Vec::new(),
        }
    }

    /// Every translatable text of the block, in reading order.
    pub fn text_fields(&mut self) -> Vec<TextField<'_>> {
        let mut out = Vec::new();
        match &mut self.kind {
            BlockKind::Heading { text } => out.push(TextField::Plain(text)),
            BlockKind::Article {
                title,
                body,
                image,
                link,
            } => {
                out.push(TextField::Plain(title));
                out.push(TextField::Rich(body));
                if let Some(image) = image {
                    out.push(TextField::Plain(&mut image.alt));
                }
                if let Some(link) = link {
                    out.push(TextField::Plain(&mut link.label));
                }
            }
            BlockKind::Event {
                title, place, link, ..
            } => {
                out.push(TextField::Plain(title));
                out.push(TextField::Plain(place));
                if let Some(link) = link {
                    out.push(TextField::Plain(&mut link.label));
                }
            }
            BlockKind::Button { label, .. } => out.push(TextField::Plain(label)),
            BlockKind::Image { image, caption } => {
                out.push(TextField::Plain(&mut image.alt));
                if let Some(caption) = caption {
                    out.push(TextField::Plain(caption));
                }
            }
            BlockKind::Divider => {}
        }
        out
    }

    /// Everything of one language side, to tell whether a person changed it.
    pub fn side(&self, lang: Lang) -> String {
        let mut copy = self.clone();
        copy.text_fields()
            .iter()
            .map(|f| match f {
                TextField::Plain(t) => t.get(lang).clone(),
                TextField::Rich(r) => r.get(lang).to_markdown(),
            })
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    /// Whether this block appears in an edition showing `lang`.
    pub fn shown_in(&self, lang: Lang) -> bool {
        self.only.is_none_or(|only| only == lang)
    }
}
