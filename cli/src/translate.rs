//! `tandem translate` and `tandem glossary`.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use clap::{Args, Subcommand};
use tandem_core::model::Lang;
use tandem_core::store::Store;
use tandem_core::translate::{self, Scope, Service};

#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// The issue's id (see `tandem issue list`).
    id: i64,
    /// The language written: its blank counterparts are filled.
    #[arg(long, value_parser = ["fr", "nl"])]
    from: String,
    /// Only this block (1 = the first). Default: every block, the subject and preheader.
    #[arg(long, value_name = "N")]
    block: Option<usize>,
    /// deepl or libretranslate (default: the saved settings).
    #[arg(long, value_parser = ["deepl", "libretranslate"])]
    service: Option<String>,
    /// The service's address (a self-hosted LibreTranslate; for DeepL, to replace
    /// DeepL's own, e.g. a test server).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Send the texts and report, save nothing.
    #[arg(long)]
    dry_run: bool,
    /// Seconds to wait for the service's answer.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Replace the glossary with a CSV file: `fr;nl` (or `fr,nl`), one pair a line, an
    /// optional header `fr,nl`.
    Import { file: PathBuf },
    /// Write the glossary as CSV (`fr,nl` with a header).
    Export { file: PathBuf },
}

fn lang(code: &str) -> Lang {
    if code == "nl" {
        Lang::Nl
    } else {
        Lang::Fr
    }
}

/// The service of the arguments or the saved settings, with its key.
pub fn service(
    store: &Store,
    data_dir: &Path,
    name: Option<&str>,
    url: Option<&str>,
    timeout: Duration,
) -> Result<Box<dyn Service>, String> {
    let mut settings = store.translate_settings().map_err(|e| e.to_string())?;
    if let Some(name) = name {
        settings.service = name.to_owned();
    }
    if let Some(url) = url {
        settings.url = url.to_owned();
    }
    let key = std::env::var("TANDEM_TRANSLATE_KEY")
        .ok()
        .filter(|k| !k.trim().is_empty())
        .or_else(|| tandem_core::secrets::translate_key(&settings.service, data_dir));
    translate::service_for(&settings, key, timeout).map_err(|e| match e {
        translate::TranslateError::Key => {
            "no DeepL key: set TANDEM_TRANSLATE_KEY or save it in the app's Settings".to_owned()
        }
        _ if settings.service == "libretranslate" => {
            "LibreTranslate needs the server's address: --url URL".to_owned()
        }
        _ => "no translation service is set: pass --service deepl|libretranslate or set one in the app's Settings".to_owned(),
    })
}

pub fn translate(store: &mut Store, db: &Path, args: TranslateArgs) -> Result<(), String> {
    let data_dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut service = service(
        store,
        data_dir,
        args.service.as_deref(),
        args.url.as_deref(),
        Duration::from_secs(args.timeout),
    )?;
    let glossary = translate::prepare(store, service.as_mut()).map_err(|e| e.to_string())?;
    let scope = Scope {
        from: lang(&args.from),
        block: args.block.map(|b| b.saturating_sub(1)),
        dry_run: args.dry_run,
    };
    let report = translate::translate_issue(
        store,
        args.id,
        scope,
        service.as_mut(),
        &glossary,
        &AtomicBool::new(false),
        &mut |done, total| eprintln!("translated {done}/{total}"),
    )
    .map_err(|e| e.to_string())?;
    for f in &report.flagged {
        let at = f
            .block
            .map(|b| format!("block {}", b + 1))
            .unwrap_or("subject/preheader".into());
        eprintln!(
            "check: {at}: {:?} is not rendered as {:?}",
            f.term, f.expected
        );
    }
    for d in &report.dropped {
        eprintln!("dropped from the service's answer: {d}");
    }
    let flagged: Vec<serde_json::Value> = report
        .flagged
        .iter()
        .map(|f| serde_json::json!({"block": f.block.map(|b| b + 1), "term": f.term, "expected": f.expected}))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "blocks": report.blocks, "fields": report.fields, "characters": report.characters,
            "flagged": flagged, "dropped": report.dropped.len(), "dry_run": args.dry_run,
        })
    );
    Ok(())
}

pub fn glossary(store: &mut Store, cmd: GlossaryCommand) -> Result<(), String> {
    match cmd {
        GlossaryCommand::Import { file } => {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let pairs = translate::read_glossary_csv(&bytes)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let n = store.set_glossary(&pairs).map_err(|e| e.to_string())?;
            eprintln!("{n} pairs in the glossary");
        }
        GlossaryCommand::Export { file } => {
            let pairs = store.glossary().map_err(|e| e.to_string())?;
            std::fs::write(&file, translate::glossary_csv(&pairs))
                .map_err(|e| format!("{}: {e}", file.display()))?;
            eprintln!("{} pairs written to {}", pairs.len(), file.display());
        }
    }
    Ok(())
}
