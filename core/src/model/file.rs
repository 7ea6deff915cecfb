//! The interchange format `tandem-issue/1`: one issue as JSON (rich text as limited
//! CommonMark), with its images as files in `assets/` beside it. Documented in
//! docs/issue-format.md.

use serde::{Deserialize, Serialize};

use super::{Issue, Problem, RichText};

/// The format tag written in every file.
pub const FORMAT: &str = "tandem-issue/1";

#[derive(Serialize, Deserialize)]
struct IssueFile<'a> {
    format: std::borrow::Cow<'a, str>,
    #[serde(flatten)]
    issue: std::borrow::Cow<'a, Issue>,
}

/// Why an issue file was refused.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("this is not a Tandem issue file: {0}")]
    Syntax(#[from] serde_json::Error),
    #[error("this file is in format {found:?}; this version reads {FORMAT:?}")]
    Format { found: String },
    #[error("the issue has {} problem(s): {}", .0.len(), .0.iter().map(Problem::describe).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
}

impl FileError {
    /// The Fluent id of the message shown to the user.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::Syntax(_) => "error-issue-file-syntax",
            FileError::Format { .. } => "error-issue-file-format",
            FileError::Invalid(_) => "error-issue-invalid",
        }
    }
}

/// Rich text is written as limited CommonMark in files (readable, diffable, easy to
/// write by hand) and as the structured [`RichText`] everywhere else: these two walk the
/// JSON tree and convert every article body between the two forms.
fn bodies_mut(value: &mut serde_json::Value) -> Vec<&mut serde_json::Value> {
    let mut out = Vec::new();
    if let Some(blocks) = value
        .get_mut("blocks")
        .and_then(serde_json::Value::as_array_mut)
    {
        for block in blocks {
            if block.get("kind").and_then(serde_json::Value::as_str) != Some("article") {
                continue;
            }
            if let Some(body) = block
                .get_mut("body")
                .and_then(serde_json::Value::as_object_mut)
            {
                out.extend(body.values_mut());
            }
        }
    }
    out
}

fn bodies_to_markdown(value: &mut serde_json::Value) -> Result<(), serde_json::Error> {
    for body in bodies_mut(value) {
        let rich: RichText = serde_json::from_value(body.take())?;
        *body = serde_json::Value::String(rich.to_markdown());
    }
    Ok(())
}

fn bodies_from_markdown(value: &mut serde_json::Value) -> Result<(), serde_json::Error> {
    for body in bodies_mut(value) {
        // A body written another way (a JSON structure) is refused, not read as empty:
        // its text would be lost without a word.
        let markdown = match body {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => String::new(),
            other => {
                return Err(<serde_json::Error as serde::de::Error>::custom(format!(
                    "an article body must be text (CommonMark), not {}",
                    match other {
                        serde_json::Value::Array(_) => "a list",
                        serde_json::Value::Object(_) => "an object",
                        _ => "a number or true/false",
                    }
                )))
            }
        };
        *body = serde_json::to_value(RichText::from_markdown(&markdown))?;
    }
    Ok(())
}

impl Issue {
    /// Reads an issue file, refusing it when it has errors (unsafe links, line breaks
    /// in one-line fields, …). Missing translations are allowed: they show as
    /// incomplete and block sending, not importing.
    pub fn from_json(json: &str) -> Result<Issue, FileError> {
        let mut value: serde_json::Value = serde_json::from_str(json)?;
        bodies_from_markdown(&mut value)?;
        let file: IssueFile<'static> = serde_json::from_value(value)?;
        if file.format != FORMAT {
            return Err(FileError::Format {
                found: file.format.into_owned(),
            });
        }
        let issue = file.issue.into_owned();
        let report = issue.check();
        if !report.errors.is_empty() {
            return Err(FileError::Invalid(report.errors));
        }
        Ok(issue)
    }

    /// Writes the issue as a pretty-printed `tandem-issue/1` file.
    pub fn to_json(&self) -> String {
        let file = IssueFile {
            format: FORMAT.into(),
            issue: std::borrow::Cow::Borrowed(self),
        };
        let mut value = serde_json::to_value(&file).expect("an issue always serialises");
        bodies_to_markdown(&mut value).expect("rich text always serialises");
        serde_json::to_string_pretty(&value).expect("a JSON value always serialises")
    }

    /// The sample issue written from the organisation's own texts, seeded on first run.
    pub fn sample() -> Issue {
        Issue::from_json(include_str!("../sample/issue.json")).expect("the sample issue is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_is_not_text_is_refused_rather_than_emptied() {
        let mut value: serde_json::Value =
            serde_json::from_str(&Issue::sample().to_json()).unwrap();
        let article = value["blocks"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|b| b["kind"] == "article")
            .unwrap();
        article["body"]["fr"] = serde_json::json!([{"kind": "paragraph", "content": []}]);
        let err = Issue::from_json(&value.to_string()).unwrap_err();
        assert!(err.to_string().contains("must be text"), "{err}");
    }

    #[test]
    fn the_sample_issue_is_complete_and_round_trips() {
        let issue = Issue::sample();
        let report = issue.check();
        assert!(report.is_valid() && report.is_complete(), "{report:?}");
        assert_eq!(Issue::from_json(&issue.to_json()).unwrap(), issue);
    }

    #[test]
    fn a_wrong_format_or_broken_json_is_refused_with_its_reason() {
        let other = Issue::sample().to_json().replace(FORMAT, "tandem-issue/9");
        let err = Issue::from_json(&other).unwrap_err();
        assert_eq!(err.code(), "error-issue-file-format");
        assert!(err.to_string().contains("tandem-issue/9"));
        assert_eq!(
            Issue::from_json("{\"format\":").unwrap_err().code(),
            "error-issue-file-syntax"
        );
    }

    #[test]
    fn unsafe_links_and_multi_line_subjects_are_refused_naming_the_place() {
        let json = Issue::sample()
            .to_json()
            .replace("https://www.mineursenexil.be/", "javascript:alert(1)")
            .replacen(
                "Newsletter de décembre",
                "Newsletter\\r\\nBcc: x@example.org",
                1,
            );
        let err = Issue::from_json(&json).unwrap_err();
        assert_eq!(err.code(), "error-issue-invalid");
        let text = err.to_string();
        assert!(text.contains("block 2, link.url"), "{text}");
        assert!(
            text.contains("subject (fr): must be a single line"),
            "{text}"
        );
    }

    #[test]
    fn a_missing_translation_is_imported_but_marked_incomplete() {
        let json = Issue::sample().to_json().replace("Werkgroepen", "");
        let issue = Issue::from_json(&json).unwrap();
        let report = issue.check();
        assert_eq!(report.incomplete_blocks(), vec![2]);
        assert_eq!(report.incomplete[0].lang, Some(crate::model::Lang::Nl));
    }
}
