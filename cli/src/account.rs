//! `tandem account`: sign in with Microsoft 365 or Google (OAuth 2.0), see who is signed
//! in, sign out. The refresh token goes to the OS keychain; stdout gets JSON, never a
//! token.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use tandem_core::i18n::{Domain, Localizer};
use tandem_core::model::UiLanguage;
use tandem_core::oauth::{self, OAuthClient, OAuthError, Provider, SignedIn};
use tandem_core::store::Store;

use crate::AccountCommand;

/// An error of the sign-in, in words that say what to do (English, like the CLI).
pub fn explain(e: &OAuthError) -> String {
    let text = Localizer::new(UiLanguage::En, Domain::Ui);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("detail", e.to_string());
    let advice = text.format(e.message_id(), Some(&args));
    if matches!(e, OAuthError::Secret(_)) {
        format!("{advice} Run again with --allow-file to keep the sign-in in a file of the data folder that only your account can read.")
    } else {
        advice
    }
}

pub fn account(store: &Store, data_dir: &Path, command: AccountCommand) -> Result<(), String> {
    match command {
        AccountCommand::Login {
            provider,
            client_id,
            client_secret,
            tenant,
            issuer,
            device,
            no_browser,
            allow_file,
            timeout,
        } => {
            let provider = Provider::parse(&provider)
                .ok_or_else(|| format!("unknown provider {provider:?}: use microsoft or google"))?;
            let saved = store
                .oauth_account()
                .map_err(|e| e.to_string())?
                .filter(|a| a.client.provider == provider);
            let pick = |given: Option<String>, saved: Option<&str>| {
                given
                    .or_else(|| saved.map(str::to_owned))
                    .unwrap_or_default()
            };
            let client = OAuthClient {
                provider,
                client_id: pick(
                    client_id,
                    saved.as_ref().map(|a| a.client.client_id.as_str()),
                ),
                client_secret: pick(
                    client_secret,
                    saved.as_ref().map(|a| a.client.client_secret.as_str()),
                ),
                tenant: pick(tenant, saved.as_ref().map(|a| a.client.tenant.as_str())),
                issuer: pick(issuer, saved.as_ref().map(|a| a.client.issuer.as_str())),
            }
            // None given or saved: the release's own registration, when it carries one.
            .or_builtin();
            if client.client_id.trim().is_empty() {
                return Err(
                    "no client ID: pass --client-id with the Application (client) ID of your \
                     organisation's app registration (see docs/sign-in-fr.md or docs/sign-in-nl.md); \
                     this build carries none of its own"
                        .into(),
                );
            }
            let language = store.ui_language().ok().flatten().unwrap_or(UiLanguage::En);
            let cancel = Arc::new(AtomicBool::new(false));
            let started = std::time::Instant::now();
            let signed_in: SignedIn = if device {
                let login = oauth::begin_device(&client).map_err(|e| explain(&e))?;
                eprintln!("open: {}", login.code.uri);
                eprintln!("code: {}", login.code.code);
                eprintln!(
                    "Open that address in a browser on any device, enter the code and sign in \
                     (the code is valid for {} minutes).",
                    login.code.expires_in.div_ceil(60)
                );
                login.wait(cancel).map_err(|e| explain(&e))?
            } else {
                let login = oauth::begin_browser(&client, language).map_err(|e| explain(&e))?;
                eprintln!("open: {}", login.url);
                if !no_browser && open::that_detached(&login.url).is_err() {
                    eprintln!("No browser could be opened: open the address above yourself.");
                }
                login
                    .wait(&cancel, Duration::from_secs(timeout.max(1)))
                    .map_err(|e| explain(&e))?
            };
            signed_in
                .save(allow_file, data_dir)
                .map_err(|e| explain(&e))?;
            store
                .set_oauth_account(Some(&signed_in.account))
                .map_err(|e| e.to_string())?;
            // Saved settings of this provider now log in as the account, with its token.
            if let Some(mut settings) = store.smtp_settings().map_err(|e| e.to_string())? {
                if Provider::of_preset(&settings.preset) == Some(provider) {
                    settings.username = signed_in.account.account.clone();
                    settings.oauth = true;
                    store
                        .set_smtp_settings(&settings)
                        .map_err(|e| e.to_string())?;
                    eprintln!(
                        "The saved sending settings now sign in as {}.",
                        signed_in.account.account
                    );
                }
            }
            eprintln!("signed in in {} ms", started.elapsed().as_millis());
            let report = serde_json::json!({
                "account": signed_in.account.account,
                "provider": provider.id(),
                "expires": signed_in.expires().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            });
            println!("{report}");
        }
        AccountCommand::Status => {
            let Some(account) = store.oauth_account().map_err(|e| e.to_string())? else {
                println!("{}", serde_json::json!({ "signed_in": false }));
                return Ok(());
            };
            // Asking for a token is the one true check that the sign-in still works.
            let check = oauth::Tokens::of_saved(&account, data_dir).and_then(|tokens| {
                tokens.access_token(None)?;
                Ok(tokens.valid_until())
            });
            let mut report = serde_json::json!({
                "signed_in": true,
                "account": account.account,
                "provider": account.client.provider.id(),
                "client_id": account.client.client_id,
                "tenant": account.client.tenant,
                "issuer": account.client.issuer_url(),
                "signed_in_at": account.signed_in_at,
            });
            match check {
                Ok(until) => {
                    report["token_valid_until"] = until
                        .map(|u| u.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                        .into();
                }
                Err(e) => {
                    report["problem"] = explain(&e).into();
                }
            }
            println!("{report}");
        }
        AccountCommand::Logout => {
            let account = store.oauth_account().map_err(|e| e.to_string())?;
            if let Some(account) = &account {
                tandem_core::secrets::delete_refresh_token(
                    account.client.provider.id(),
                    &account.account,
                    data_dir,
                );
                store.set_oauth_account(None).map_err(|e| e.to_string())?;
            }
            println!(
                "{}",
                serde_json::json!({ "signed_out": account.map(|a| a.account) })
            );
        }
    }
    Ok(())
}
