//! Email HTML per edition, built like MJML's output: a 600 px table layout with inline
//! styles, Outlook ghost tables, a hidden preheader, `color-scheme` metas and a small
//! `<style>` only for phones and dark mode.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::strings::{date, date_time, s, s1};
use super::{preheader, safe_url, section_id, subject, RenderOptions};
use crate::model::{Block, BlockKind, Edition, ImageRef, Issue, Lang, Link, Para, RichText, Span};

const WIDTH: u32 = 600;
const PAD: u32 = 24;
const INNER: u32 = WIDTH - 2 * PAD;

const FONT: &str = "font-family:Segoe UI,Helvetica,Arial,sans-serif;";
const INK: &str = "#1d2b33";
const SOFT: &str = "#4a5a63";
const TEAL: &str = "#1f5f7a";
const PAPER: &str = "#f4f1ea";

/// Only what inline styles cannot do: phone widths and dark mode. Kept to what Gmail and
/// Outlook honour where they can (caniemail; `cli/tests/cli.rs` counts what they drop):
/// no `target` on links (Gmail ignores it), no attribute selectors such as
/// `[data-ogsc]` (Outlook.com then applies its own dark-mode colours), no `outline` or
/// `opacity`.
const STYLE: &str = "\
:root{color-scheme:light dark;supported-color-schemes:light dark}\
body{margin:0;padding:0;-webkit-text-size-adjust:100%}\
table,td{border-collapse:collapse;mso-table-lspace:0;mso-table-rspace:0}\
img{border:0;text-decoration:none;-ms-interpolation-mode:bicubic;display:block}\
a{color:#1f5f7a}\
@media only screen and (max-width:620px){\
.tdm-container{width:100%!important}.tdm-pad{padding-left:16px!important;padding-right:16px!important}\
.tdm-img{width:100%!important;height:auto!important}}\
@media (prefers-color-scheme:dark){\
.tdm-bg{background:#14181b!important}.tdm-card{background:#1e2428!important}\
.tdm-ink,.tdm-ink p,.tdm-ink li,.tdm-ink h1,.tdm-ink h2,.tdm-ink h3{color:#e8e4dc!important}\
.tdm-soft{color:#b4bcc0!important}.tdm-ink a,.tdm-link{color:#8cc8e0!important}\
.tdm-button{background:#8cc8e0!important}.tdm-button a{color:#0f2530!important}\
.tdm-event{background:#24303a!important}.tdm-rule{border-color:#3a4449!important}}";

const MSO_HEAD: &str = "<!--[if mso]><noscript><xml><o:OfficeDocumentSettings>\
<o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->";

/// The email HTML of one edition of `issue`.
pub fn email_html(issue: &Issue, edition: Edition, options: &RenderOptions) -> String {
    document(issue, edition, options, false).into_string()
}

/// The web archive page of one edition: the same document, meant to be published on the
/// organisation's website with the images as files beside it.
pub fn archive_page(issue: &Issue, edition: Edition, options: &RenderOptions) -> String {
    document(issue, edition, options, true).into_string()
}

fn document(issue: &Issue, edition: Edition, o: &RenderOptions, archive: bool) -> Markup {
    let lang = edition.primary();
    let title = subject(issue, edition);
    html! {
        (DOCTYPE)
        html lang=(lang.code()) dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                meta http-equiv="X-UA-Compatible" content="IE=edge";
                meta name="x-apple-disable-message-reformatting";
                meta name="color-scheme" content="light dark";
                meta name="supported-color-schemes" content="light dark";
                @if archive {
                    meta name="robots" content="noindex";
                }
                title { (title) }
                (PreEscaped(MSO_HEAD))
                style { (PreEscaped(STYLE)) }
            }
            body.tdm-bg style={"margin:0;padding:0;background:" (PAPER) ";"} {
                div role="article" aria-roledescription="email" aria-label=(title) lang=(lang.code()) dir="ltr" {
                    (preheader_div(issue, edition))
                    (PreEscaped(format!("<!--[if mso]><table role=\"presentation\" width=\"{WIDTH}\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\"><tr><td><![endif]-->")))
                    table.tdm-container role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style={"max-width:" (WIDTH) "px;margin:0 auto;"} {
                        (masthead(issue, edition))
                        @for (i, l) in edition.langs().iter().enumerate() {
                            tr { td.tdm-card.tdm-pad style={"background:#ffffff;padding:8px " (PAD) "px 24px;"} {
                                div.tdm-ink id=(section_id(*l)) lang=(l.code()) dir="ltr" style={(FONT) "color:" (INK) ";font-size:16px;line-height:1.55;"} {
                                    @if edition == Edition::Bilingual {
                                        (section_header(*l, i))
                                    }
                                    @if let Some(greeting) = super::greeting_line(*l, o) {
                                        p.tdm-greeting style="margin:16px 0 8px;font-size:16px;" { (greeting) }
                                    }
                                    @for block in issue.blocks.iter().filter(|b| b.shown_in(*l)) {
                                        (render_block(block, *l, o))
                                    }
                                }
                            } }
                        }
                        (footer(edition, o))
                    }
                    (PreEscaped("<!--[if mso]></td></tr></table><![endif]-->"))
                }
            }
        }
    }
}

/// The hidden preview text, padded so clients don't pull body text after it.
fn preheader_div(issue: &Issue, edition: Edition) -> Markup {
    let text = preheader(issue, edition);
    html! {
        div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;overflow:hidden;mso-hide:all;" {
            (text)
            (PreEscaped("&#847; &zwnj; &nbsp; ".repeat(30)))
        }
    }
}

fn masthead(issue: &Issue, edition: Edition) -> Markup {
    let number = issue.number.to_string();
    html! {
        tr { td.tdm-pad style={"padding:28px " (PAD) "px 12px;" (FONT)} {
            @for l in edition.langs() {
                div.tdm-ink lang=(l.code()) style={"font-size:20px;font-weight:700;color:" (TEAL) ";"} { (s(*l, "email-org-name")) }
                div.tdm-soft lang=(l.code()) style={"font-size:14px;color:" (SOFT) ";margin-bottom:4px;"} {
                    (s1(*l, "email-issue-label", "number", &number)) " · " (date(*l, issue.date))
                }
            }
            @if edition == Edition::Bilingual {
                div style="font-size:14px;padding-top:8px;" {
                    a.tdm-link href="#nl" lang="nl" style={"color:" (TEAL) ";"} { (s(Lang::Fr, "email-jump-to-other")) }
                }
            }
        } }
    }
}

fn section_header(lang: Lang, index: usize) -> Markup {
    html! {
        @if index > 0 {
            table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" {
                tr { td.tdm-rule style="border-top:3px solid #f2b84b;font-size:0;line-height:0;padding:0 0 16px;" { (PreEscaped("&nbsp;")) } }
            }
        }
        p.tdm-soft style={"margin:8px 0 4px;font-size:13px;letter-spacing:.06em;text-transform:uppercase;color:" (SOFT) ";"} {
            (s(lang, "email-language-section"))
        }
    }
}

fn render_block(block: &Block, lang: Lang, o: &RenderOptions) -> Markup {
    match &block.kind {
        BlockKind::Heading { text } => html! {
            h2 style={"margin:28px 0 8px;font-size:22px;line-height:1.3;color:" (TEAL) ";"} { (text.get(lang)) }
        },
        BlockKind::Article {
            title,
            body,
            image,
            link,
        } => html! {
            @if let Some(image) = image { (picture(image, lang, o, None)) }
            h3 style={"margin:20px 0 6px;font-size:19px;line-height:1.35;color:" (INK) ";"} { (title.get(lang)) }
            (rich(body.get(lang)))
            @if let Some(link) = link { (text_link(link, lang)) }
        },
        BlockKind::Event {
            title,
            starts,
            place,
            link,
        } => html! {
            table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0;" {
                tr { td.tdm-event style="background:#e3eef2;border-left:4px solid #1f5f7a;padding:14px 16px;" {
                    p style={"margin:0 0 4px;font-size:17px;font-weight:700;color:" (INK) ";"} { (title.get(lang)) }
                    p style={"margin:0;font-size:15px;color:" (INK) ";"} { (date_time(lang, *starts)) }
                    @if !place.get(lang).trim().is_empty() {
                        p style={"margin:0;font-size:15px;color:" (INK) ";"} { (s1(lang, "email-event-place", "place", place.get(lang))) }
                    }
                    @if let Some(link) = link { (text_link(link, lang)) }
                } }
            }
        },
        BlockKind::Button { label, url } => match safe_url(url) {
            Some(url) => html! {
                table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0;" {
                    tr { td.tdm-button align="center" bgcolor=(TEAL) style={"border-radius:6px;background:" (TEAL) ";"} {
                        a href=(url) style={"display:inline-block;padding:12px 22px;" (FONT) "font-size:16px;font-weight:700;color:#ffffff;text-decoration:none;border-radius:6px;"} { (label.get(lang)) }
                    } }
                }
            },
            None => html! { p { strong { (label.get(lang)) } } },
        },
        BlockKind::Image { image, caption } => {
            html! { (picture(image, lang, o, caption.as_ref().map(|c| c.get(lang).as_str()))) }
        }
        BlockKind::Divider => html! {
            table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" {
                tr { td.tdm-rule style="border-top:1px solid #d9d4c9;font-size:0;line-height:0;padding:12px 0 0;margin:16px 0;" { (PreEscaped("&nbsp;")) } }
            }
        },
    }
}

fn picture(image: &ImageRef, lang: Lang, o: &RenderOptions, caption: Option<&str>) -> Markup {
    if !crate::model::is_asset_path(&image.src) {
        return html! {};
    }
    let (w, h) = match (image.width, image.height) {
        (Some(w), Some(h)) if w > 0 => (
            INNER,
            (u64::from(h) * u64::from(INNER) / u64::from(w)) as u32,
        ),
        _ => (INNER, INNER * 9 / 16),
    };
    let src = o.image_url(&image.src);
    html! {
        table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:16px 0 4px;" {
            tr { td {
                img.tdm-img src=(src) width=(w) height=(h) alt=(image.alt.get(lang)) style={"width:100%;max-width:" (w) "px;height:auto;border-radius:4px;"};
            } }
            @if let Some(caption) = caption.filter(|c| !c.trim().is_empty()) {
                tr { td.tdm-soft style={"padding-top:6px;font-size:13px;color:" (SOFT) ";"} { (caption) } }
            }
        }
    }
}

fn text_link(link: &Link, lang: Lang) -> Markup {
    let label = link.label.get(lang);
    let label = if label.trim().is_empty() {
        s(lang, "email-read-more")
    } else {
        label.clone()
    };
    match safe_url(&link.url) {
        Some(url) => html! {
            p style="margin:8px 0 0;font-size:16px;" {
                a.tdm-link href=(url) style={"color:" (TEAL) ";font-weight:700;"} { (label) " →" }
            }
        },
        None => html! {},
    }
}

fn spans(spans: &[Span]) -> Markup {
    html! {
        @for span in spans {
            @let inner = html! {
                @if span.bold && span.italic { strong { em { (span.text) } } }
                @else if span.bold { strong { (span.text) } }
                @else if span.italic { em { (span.text) } }
                @else { (span.text) }
            };
            @match span.link.as_deref().and_then(safe_url) {
                Some(url) => a href=(url) style={"color:" (TEAL) ";"} { (inner) },
                None => (inner),
            }
        }
    }
}

fn rich(text: &RichText) -> Markup {
    let p = "margin:0 0 12px;font-size:16px;line-height:1.55;";
    html! {
        @for para in &text.0 {
            @match para {
                Para::Paragraph(s) => p style=(p) { (spans(s)) },
                Para::Bullets(items) => ul style="margin:0 0 12px;padding-left:22px;" {
                    @for item in items { li style="margin:0 0 4px;" { (spans(item)) } }
                },
                Para::Numbered(items) => ol style="margin:0 0 12px;padding-left:22px;" {
                    @for item in items { li style="margin:0 0 4px;" { (spans(item)) } }
                },
            }
        }
    }
}

fn footer(edition: Edition, o: &RenderOptions) -> Markup {
    html! {
        tr { td.tdm-pad style={"padding:20px " (PAD) "px 32px;" (FONT) "font-size:13px;line-height:1.5;color:" (SOFT) ";"} {
            @for l in edition.langs() {
                p.tdm-soft lang=(l.code()) style="margin:0 0 8px;" {
                    (s(*l, "email-footer")) " "
                    (s(*l, "email-unsubscribe-text")) " "
                    @match o.unsubscribe_url.as_deref().and_then(safe_url) {
                        Some(url) => a.tdm-link href=(url) style={"color:" (TEAL) ";"} { (s(*l, "email-unsubscribe")) },
                        None => (s(*l, "email-unsubscribe-reply")),
                    }
                }
            }
        } }
    }
}
