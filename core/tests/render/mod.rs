//! The renderer: snapshots of every edition of the sample issue (HTML and text), the
//! email HTML rules checked on a parsed DOM, and hostile input that must never produce
//! script, event handlers or dangerous URLs.

use scraper::{Html, Selector};
use tandem_core::model::{
    Bilingual, Block, BlockKind, Edition, ImageRef, Issue, Link, Para, RichText, Span, Text,
};
use tandem_core::render::{archive_page, email_html, email_text, subject, RenderOptions};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn options() -> RenderOptions {
    RenderOptions {
        image_base: "cid:".into(),
        image_suffix: String::new(),
        unsubscribe_url: None,
        greeting: None,
    }
}

fn text(fr: &str, nl: &str) -> Text {
    Bilingual::new(fr.to_owned(), nl.to_owned())
}

/// The sample issue plus one of each block kind with images, so every path renders.
fn full_issue() -> Issue {
    let mut issue = Issue::sample();
    let image = ImageRef {
        src: "assets/photo.jpg".into(),
        alt: text("Des enfants dans une classe", "Kinderen in een klas"),
        width: Some(1200),
        height: Some(800),
    };
    issue.blocks.push(Block::new(BlockKind::Image {
        image: image.clone(),
        caption: Some(text("Une classe à Bruxelles", "Een klas in Brussel")),
    }));
    issue.blocks.push(Block::new(BlockKind::Article {
        title: text("Avec photo", "Met foto"),
        body: Bilingual::new(
            RichText::from_markdown("Texte."),
            RichText::from_markdown("Tekst."),
        ),
        image: Some(image),
        link: Some(Link {
            url: "https://example.org/a".into(),
            label: text("", ""),
        }),
    }));
    issue
}

#[test]
fn snapshots_of_every_edition_of_the_sample_issue() {
    let issue = Issue::sample();
    for edition in Edition::ALL {
        let html = email_html(&issue, edition, &options());
        insta::assert_snapshot!(format!("sample_{}_html", edition.code()), html);
        let text = email_text(&issue, edition, &options());
        insta::assert_snapshot!(format!("sample_{}_text", edition.code()), text);
    }
}

#[test]
fn the_email_rules_hold_in_every_edition() {
    let issue = full_issue();
    for edition in Edition::ALL {
        let html = email_html(&issue, edition, &options());
        assert!(html.len() < 90 * 1024, "{edition:?}: {} bytes", html.len());
        let doc = Html::parse_document(&html);

        let root = doc.select(&sel("html")).next().unwrap();
        assert_eq!(root.value().attr("lang"), Some(edition.primary().code()));
        let metas: Vec<_> = doc.select(&sel("meta[name=color-scheme]")).collect();
        assert_eq!(metas.len(), 1);

        for table in doc.select(&sel("table")) {
            assert_eq!(
                table.value().attr("role"),
                Some("presentation"),
                "{edition:?}"
            );
        }
        let imgs: Vec<_> = doc.select(&sel("img")).collect();
        assert_eq!(imgs.len(), 2 * edition.langs().len());
        for img in imgs {
            let v = img.value();
            assert!(
                v.attr("alt").is_some_and(|a| !a.is_empty()),
                "{edition:?}: {v:?}"
            );
            assert!(
                v.attr("width").is_some() && v.attr("height").is_some(),
                "{v:?}"
            );
            assert!(v.attr("src").unwrap().starts_with("cid:"), "{v:?}");
        }
        // One section per language, tagged with its language.
        for lang in edition.langs() {
            let section = doc
                .select(&sel(&format!("div#{}", lang.code())))
                .next()
                .unwrap();
            assert_eq!(section.value().attr("lang"), Some(lang.code()));
            assert_eq!(section.value().attr("dir"), Some("ltr"));
        }
        // The French alt text appears only where French is shown.
        let has_fr_alt = html.contains("Des enfants dans une classe");
        assert_eq!(
            has_fr_alt,
            edition.langs().contains(&tandem_core::model::Lang::Fr)
        );
        // The preheader is the first text in the body.
        let pre = doc.select(&sel("div[role=article] > div")).next().unwrap();
        assert!(pre.value().attr("style").unwrap().contains("display:none"));
    }
}

#[test]
fn the_bilingual_edition_links_to_the_dutch_section_and_has_both_subjects() {
    let issue = Issue::sample();
    let html = email_html(&issue, Edition::Bilingual, &options());
    let doc = Html::parse_document(&html);
    assert!(doc.select(&sel("a[href='#nl']")).next().is_some());
    assert_eq!(
        subject(&issue, Edition::Bilingual),
        format!("{} | {}", issue.subject.fr, issue.subject.nl)
    );
    let fr_pos = html.find("id=\"fr\"").unwrap();
    let nl_pos = html.find("id=\"nl\"").unwrap();
    assert!(fr_pos < nl_pos);
}

#[test]
fn a_single_language_block_appears_only_in_its_language() {
    let mut issue = Issue::sample();
    let mut block = Block::new(BlockKind::Heading {
        text: text("Seulement en français", ""),
    });
    block.only = Some(tandem_core::model::Lang::Fr);
    issue.blocks.push(block);
    assert!(
        issue.check().is_complete(),
        "{:?}",
        issue.check().incomplete
    );
    assert!(email_html(&issue, Edition::Fr, &options()).contains("Seulement en français"));
    assert!(!email_html(&issue, Edition::Nl, &options()).contains("Seulement en français"));
    assert!(email_text(&issue, Edition::Fr, &options()).contains("Seulement en français"));
}

fn hostile_issue() -> Issue {
    let evil = "<script>alert('x')</script><img src=x onerror=alert(1)> \" onclick=\"x";
    let spans = vec![
        Span {
            text: "clic".into(),
            bold: false,
            italic: false,
            link: Some("javascript:alert(1)".into()),
        },
        Span {
            text: "data".into(),
            bold: true,
            italic: false,
            link: Some("data:text/html,<script>1</script>".into()),
        },
        Span {
            text: "vb".into(),
            bold: false,
            italic: true,
            link: Some(" JaVaScRiPt:alert(1)".into()),
        },
        Span::plain(evil),
    ];
    let body = RichText(vec![Para::Paragraph(spans)]);
    let mut issue = Issue::sample();
    issue.subject = text(&format!("{evil}\r\nBcc: victim@example.org"), evil);
    issue.preheader = text(evil, evil);
    issue.blocks = vec![
        Block::new(BlockKind::Heading {
            text: text(evil, evil),
        }),
        Block::new(BlockKind::Article {
            title: text(evil, evil),
            body: Bilingual::new(body.clone(), body),
            image: Some(ImageRef {
                src: "javascript:alert(1)".into(),
                alt: text(evil, evil),
                width: None,
                height: None,
            }),
            link: Some(Link {
                url: "javascript:alert(document.cookie)".into(),
                label: text(evil, evil),
            }),
        }),
        Block::new(BlockKind::Button {
            label: text(evil, evil),
            url: "vbscript:msgbox(1)".into(),
        }),
        Block::new(BlockKind::Event {
            title: text(evil, evil),
            starts: "2027-01-15T19:00:00+01:00".parse().unwrap(),
            place: text(evil, evil),
            link: Some(Link {
                url: "data:text/html;base64,PHNjcmlwdD4=".into(),
                label: text(evil, evil),
            }),
        }),
    ];
    issue
}

#[test]
fn hostile_text_and_links_never_become_markup_or_dangerous_urls() {
    let issue = hostile_issue();
    // Validation refuses every bad link, naming block and field.
    let errors = issue.check().errors;
    let described: Vec<String> = errors.iter().map(|p| p.describe()).collect();
    assert!(
        described.iter().any(|d| d.starts_with("block 2, link.url")),
        "{described:?}"
    );
    assert!(
        described.iter().any(|d| d.starts_with("block 3, url")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|d| d.starts_with("block 2, image.src")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|d| d.starts_with("issue, subject (fr): must be a single line")),
        "{described:?}"
    );

    // And even rendered unchecked, nothing dangerous comes out.
    for edition in Edition::ALL {
        for html in [
            email_html(&issue, edition, &RenderOptions::default()),
            archive_page(&issue, edition, &RenderOptions::default()),
        ] {
            let lower = html.to_lowercase();
            assert!(!lower.contains("<script"), "{edition:?}");
            assert!(!lower.contains("javascript:"), "{edition:?}");
            assert!(!lower.contains("vbscript:"), "{edition:?}");
            assert!(!lower.contains("data:"), "{edition:?}");
            let doc = Html::parse_document(&html);
            for el in doc.select(&sel("*")) {
                for (name, _) in el.value().attrs() {
                    assert!(
                        !name.starts_with("on"),
                        "{edition:?}: {name} on {:?}",
                        el.value()
                    );
                }
            }
            assert!(doc.select(&sel("script")).next().is_none());
        }
        let text = email_text(&issue, edition, &RenderOptions::default());
        assert!(!text.to_lowercase().contains("javascript:"));
        let subject = subject(&issue, edition);
        assert!(!subject.contains(['\r', '\n']), "{subject:?}");
    }
}
