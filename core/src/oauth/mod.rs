//! Signing in with Microsoft 365 or Google (OAuth 2.0), so that Tandem sends with a
//! token where the provider no longer takes a password (SMTP `AUTH XOAUTH2`).
//!
//! - The organisation registers its own app with the provider and gives Tandem its
//!   client ID ([`OAuthClient`]); Tandem ships none.
//! - [`begin_browser`] signs in in the system browser: authorization code with PKCE
//!   (S256), redirect to a listener on this computer's loopback ([`loopback`]), `state`
//!   checked. [`begin_device`] is the device-code flow, for a machine whose browser
//!   cannot reach the loopback.
//! - The refresh token goes to the OS keychain ([`crate::secrets`]); the access token
//!   only lives in memory, in [`Tokens`], which the send engine's links ask for a valid
//!   one before each login and which refreshes it shortly before it expires.
//! - No token is ever formatted by `Debug`, an error or a log: oauth2's token types print
//!   as `[redacted]` and [`OAuthError`] carries only the server's error code and text.

mod builtin;
mod http;
mod loopback;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use oauth2::basic::{
    BasicErrorResponse, BasicErrorResponseType, BasicRevocationErrorResponse,
    BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken, DeviceAuthorizationUrl,
    DeviceCodeErrorResponseType, EndpointNotSet, EndpointSet, ExtraTokenFields, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, RefreshToken, RequestTokenError, Scope,
    StandardDeviceAuthorizationResponse, StandardRevocableToken, StandardTokenResponse,
    TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::UiLanguage;
use crate::secrets::SecretError;
use crate::store::{Store, StoreError};

pub use self::builtin::builtin_client;
pub use self::http::Http;

/// The providers Tandem signs in with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Provider {
    Microsoft,
    Google,
}

impl Provider {
    pub fn parse(text: &str) -> Option<Provider> {
        match text.trim().to_ascii_lowercase().as_str() {
            "microsoft" | "microsoft365" | "m365" => Some(Provider::Microsoft),
            "google" | "gmail" => Some(Provider::Google),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Provider::Microsoft => "microsoft",
            Provider::Google => "google",
        }
    }

    /// The provider's identity server (OpenID Connect issuer). Microsoft's depends on
    /// the tenant: `organizations` (any work account), a domain or a tenant id.
    pub fn issuer(self, tenant: &str) -> String {
        match self {
            Provider::Microsoft => {
                let tenant = match tenant.trim() {
                    "" => "organizations",
                    t => t,
                };
                format!("https://login.microsoftonline.com/{tenant}/v2.0")
            }
            Provider::Google => "https://accounts.google.com".into(),
        }
    }

    /// What Tandem asks to be allowed: sending mail by SMTP, reading the mailbox by IMAP
    /// (unsubscribe requests and bounces; Google's one scope covers both), staying signed
    /// in, and the account's address (to log in as it and to show who is signed in).
    fn scopes(self) -> &'static [&'static str] {
        match self {
            Provider::Microsoft => &[
                "https://outlook.office.com/SMTP.Send",
                "https://outlook.office.com/IMAP.AccessAsUser.All",
                "offline_access",
                "openid",
                "email",
                "profile",
            ],
            Provider::Google => &["https://mail.google.com/", "openid", "email"],
        }
    }

    fn oauth_scopes(self) -> impl Iterator<Item = Scope> {
        self.scopes().iter().map(|s| Scope::new((*s).to_owned()))
    }

    /// The loopback redirect host each provider's registration accepts: Microsoft's app
    /// registrations take `http://localhost` (any port); Google's desktop clients the
    /// loopback address.
    fn redirect_host(self) -> &'static str {
        match self {
            Provider::Microsoft => "localhost",
            Provider::Google => "127.0.0.1",
        }
    }

    /// The SMTP preset (an id of `send::presets`) that signs in with this provider.
    pub fn preset(self) -> &'static str {
        match self {
            Provider::Microsoft => "microsoft365",
            Provider::Google => "google",
        }
    }

    /// The provider whose sign-in a preset uses, if it has one.
    pub fn of_preset(preset: &str) -> Option<Provider> {
        match preset {
            "microsoft365" => Some(Provider::Microsoft),
            "google" => Some(Provider::Google),
            _ => None,
        }
    }
}

/// The organisation's own app registration with the provider.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OAuthClient {
    pub provider: Provider,
    pub client_id: String,
    /// Google's desktop clients come with a "client secret" that Google itself says is
    /// not one for an installed app; empty for Microsoft (a public client has none).
    #[serde(default)]
    pub client_secret: String,
    /// Microsoft's tenant: `organizations` (default), the organisation's domain or id.
    #[serde(default)]
    pub tenant: String,
    /// An identity server replacing the provider's (national clouds, tests); empty for
    /// the provider's own. Plain `http://` only to this computer.
    #[serde(default)]
    pub issuer: String,
}

impl std::fmt::Debug for OAuthClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthClient")
            .field("provider", &self.provider)
            .field("client_id", &self.client_id)
            .field("tenant", &self.tenant)
            .field("issuer", &self.issuer)
            .finish_non_exhaustive()
    }
}

impl OAuthClient {
    /// The identity server to ask: the configured one, else the provider's.
    pub fn issuer_url(&self) -> String {
        match self.issuer.trim() {
            "" => self.provider.issuer(&self.tenant),
            i => i.trim_end_matches('/').to_owned(),
        }
    }
}

/// Who is signed in, saved in the database (never a token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Account {
    #[serde(flatten)]
    pub client: OAuthClient,
    /// The signed-in address: the SMTP login.
    pub account: String,
    /// When the sign-in happened (RFC 3339).
    pub signed_in_at: String,
}

/// What went wrong while signing in or getting a token. Never carries a token.
#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    /// The client registration or the issuer is unusable (says what).
    #[error("{0}")]
    Config(String),
    /// The identity server could not be reached (network, timeout, not an answer).
    #[error("the identity server cannot be reached: {0}")]
    Unreachable(String),
    /// The identity server said no (its error code and description).
    #[error("the identity server refused: {code}: {description}")]
    Refused { code: String, description: String },
    /// The refresh token is expired or revoked (`invalid_grant`): sign in again.
    #[error("the sign-in has expired or was withdrawn: sign in again ({0})")]
    SignInAgain(String),
    /// The loopback got an answer that does not belong to this sign-in.
    #[error("the answer to the sign-in does not belong to it (wrong state)")]
    State,
    #[error("the sign-in was cancelled")]
    Cancelled,
    #[error("the sign-in was not completed within {0} minutes")]
    TimedOut(u64),
    #[error(transparent)]
    Secret(#[from] SecretError),
}

impl OAuthError {
    /// The `ui.ftl` message that explains this error to the user and says what to do.
    pub fn message_id(&self) -> &'static str {
        match self {
            OAuthError::Config(_) => "oauth-error-config",
            OAuthError::Unreachable(_) => "oauth-error-unreachable",
            OAuthError::Refused { code, description } => explain_refusal(code, description),
            OAuthError::SignInAgain(_) => "oauth-error-sign-in-again",
            OAuthError::State => "oauth-error-state",
            OAuthError::Cancelled => "oauth-error-cancelled",
            OAuthError::TimedOut(_) => "oauth-error-timed-out",
            OAuthError::Secret(SecretError::NoKeychain(_)) => "error-keychain-missing",
            OAuthError::Secret(SecretError::Io(_)) => "oauth-error-config",
        }
    }
}

/// The message for an identity server's refusal: Microsoft's `AADSTS` codes are in the
/// description; Google's are error codes.
fn explain_refusal(code: &str, description: &str) -> &'static str {
    let aadsts = |n: &str| description.contains(&format!("AADSTS{n}"));
    if aadsts("65001") || code == "consent_required" {
        "oauth-error-consent"
    } else if aadsts("50076")
        || aadsts("50079")
        || aadsts("53003")
        || code == "interaction_required"
    {
        "oauth-error-conditional-access"
    } else if aadsts("700016")
        || aadsts("90002")
        || code == "invalid_client"
        || code == "unauthorized_client"
    {
        "oauth-error-client"
    } else if code == "admin_policy_enforced" || aadsts("53000") {
        "oauth-error-admin-policy"
    } else if code == "access_denied" {
        "oauth-error-denied"
    } else {
        "oauth-error-refused"
    }
}

/// The `ui.ftl` message that explains an SMTP server's refusal of a login, if it is one
/// of the refusals people meet with these providers.
pub fn explain_smtp_refusal(reply: &str) -> Option<&'static str> {
    let r = reply.to_ascii_lowercase();
    if r.contains("smtpclientauthentication is disabled")
        || r.contains("smtp auth is disabled")
        || r.contains("5.7.57")
    {
        Some("smtp-refused-smtp-auth-disabled")
    } else if r.contains("5.7.139") || r.contains("5.7.30") || r.contains("basic authentication is")
    {
        Some("smtp-refused-basic-auth-off")
    } else if r.starts_with("535") || r.contains("5.7.3") || r.contains("5.7.8") {
        Some("smtp-refused-authentication")
    } else {
        None
    }
}

const OAUTH_ACCOUNT: &str = "oauth_account";

impl Store {
    /// Who is signed in with Microsoft 365 or Google (never a token: those are in the
    /// keychain), if anyone.
    pub fn oauth_account(&self) -> Result<Option<Account>, StoreError> {
        self.json_setting(OAUTH_ACCOUNT)
    }

    /// Records who signed in (or, with `None`, that nobody is).
    pub fn set_oauth_account(&self, account: Option<&Account>) -> Result<(), StoreError> {
        // An empty value, as earlier versions wrote "nobody".
        match account {
            Some(a) => self.set_json_setting(OAUTH_ACCOUNT, Some(a)),
            None => self.set_setting(OAUTH_ACCOUNT, ""),
        }
    }
}

/// The identity server's endpoints, from its OpenID Connect discovery document.
#[derive(Debug, Clone, Deserialize)]
pub struct Endpoints {
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub device_authorization_endpoint: Option<String>,
}

/// A URL Tandem may send a sign-in to: https, or http to this computer only.
fn check_url(what: &str, text: &str) -> Result<url::Url, OAuthError> {
    crate::net::http::secure_url(text).map_err(|e| OAuthError::Config(format!("{what} {e}")))
}

/// Reads the issuer's `/.well-known/openid-configuration`.
pub fn discover(client: &OAuthClient, http: &Http) -> Result<Endpoints, OAuthError> {
    let issuer = check_url("the identity server", &client.issuer_url())?;
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.as_str().trim_end_matches('/')
    );
    let endpoints: Endpoints = http.get_json(&url)?;
    check_url(
        "the authorization endpoint",
        &endpoints.authorization_endpoint,
    )?;
    check_url("the token endpoint", &endpoints.token_endpoint)?;
    if let Some(device) = &endpoints.device_authorization_endpoint {
        check_url("the device endpoint", device)?;
    }
    Ok(endpoints)
}

/// The ID token beside the access token: who signed in.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IdTokenField {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}
impl ExtraTokenFields for IdTokenField {}

type TokenAnswer = StandardTokenResponse<IdTokenField, BasicTokenType>;
type OidcClient<HasAuth, HasDevice> = Client<
    BasicErrorResponse,
    TokenAnswer,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    HasAuth,
    HasDevice,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

fn base_client(
    client: &OAuthClient,
    endpoints: &Endpoints,
) -> Result<OidcClient<EndpointNotSet, EndpointNotSet>, OAuthError> {
    if client.client_id.trim().is_empty() {
        return Err(OAuthError::Config(
            "no client ID: enter the one of your organisation's app registration".into(),
        ));
    }
    let token = TokenUrl::new(endpoints.token_endpoint.clone())
        .map_err(|e| OAuthError::Config(format!("token endpoint: {e}")))?;
    let mut c = Client::new(ClientId::new(client.client_id.trim().to_owned())).set_token_uri(token);
    if !client.client_secret.trim().is_empty() {
        c = c
            .set_client_secret(ClientSecret::new(client.client_secret.trim().to_owned()))
            .set_auth_type(oauth2::AuthType::RequestBody);
    }
    Ok(c)
}

/// The address in an ID token (read, not verified: it came straight from the token
/// endpoint over TLS, and is only used to name the account).
fn account_of(answer: &TokenAnswer) -> Option<String> {
    let token = answer.extra_fields().id_token.as_deref()?;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    ["email", "preferred_username", "upn"]
        .iter()
        .filter_map(|k| claims[*k].as_str())
        .find(|v| v.contains('@'))
        .map(str::to_owned)
}

fn token_error(e: RequestTokenError<http::HttpError, BasicErrorResponse>) -> OAuthError {
    match e {
        RequestTokenError::ServerResponse(r) => {
            let description = r.error_description().cloned().unwrap_or_default();
            match r.error() {
                BasicErrorResponseType::InvalidGrant => OAuthError::SignInAgain(description),
                other => OAuthError::Refused {
                    code: other.as_ref().to_owned(),
                    description,
                },
            }
        }
        RequestTokenError::Request(e) => OAuthError::Unreachable(e.to_string()),
        RequestTokenError::Parse(e, _) => {
            OAuthError::Unreachable(format!("the answer is not a token response: {e}"))
        }
        RequestTokenError::Other(e) => OAuthError::Unreachable(e),
    }
}

/// A completed sign-in.
#[derive(Debug)]
pub struct SignedIn {
    pub account: Account,
    refresh: RefreshToken,
    access: Access,
}

impl SignedIn {
    fn of(client: &OAuthClient, answer: TokenAnswer) -> Result<SignedIn, OAuthError> {
        let refresh = answer.refresh_token().cloned().ok_or_else(|| {
            OAuthError::Config(
                "the identity server gave no refresh token (is offline_access allowed?)".into(),
            )
        })?;
        let account = account_of(&answer).ok_or_else(|| {
            OAuthError::Config("the identity server did not say which address signed in".into())
        })?;
        Ok(SignedIn {
            account: Account {
                client: client.clone(),
                account: account.to_lowercase(),
                signed_in_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            },
            refresh,
            access: Access::of(&answer),
        })
    }

    /// Keeps the refresh token in the keychain (or the consented file).
    pub fn save(
        &self,
        allow_file: bool,
        data_dir: &std::path::Path,
    ) -> Result<crate::secrets::Saved, OAuthError> {
        Ok(crate::secrets::save_refresh_token(
            self.account.client.provider.id(),
            &self.account.account,
            self.refresh.secret(),
            allow_file,
            data_dir,
        )?)
    }

    /// When the current access token expires.
    pub fn expires(&self) -> chrono::DateTime<chrono::Utc> {
        let left = self
            .access
            .expires_at
            .saturating_duration_since(Instant::now());
        chrono::Utc::now() + chrono::Duration::from_std(left).unwrap_or_default()
    }
}

/// A browser sign-in waiting for the browser to come back.
#[derive(Debug)]
pub struct BrowserLogin {
    /// The address to open in the browser.
    pub url: String,
    listener: loopback::Listener,
    redirect_uri: String,
    state: CsrfToken,
    verifier: PkceCodeVerifier,
    client: OAuthClient,
    endpoints: Endpoints,
    http: Http,
    language: UiLanguage,
}

/// Starts a sign-in in the browser: listens on the loopback and returns the address to
/// open. Nothing is saved until [`BrowserLogin::wait`] succeeds.
pub fn begin_browser(
    client: &OAuthClient,
    language: UiLanguage,
) -> Result<BrowserLogin, OAuthError> {
    let http = Http::new(Duration::from_secs(30));
    let endpoints = discover(client, &http)?;
    let listener = loopback::Listener::bind()
        .map_err(|e| OAuthError::Config(format!("cannot listen on this computer: {e}")))?;
    let redirect_uri = format!(
        "http://{}:{}",
        client.provider.redirect_host(),
        listener.port()
    );
    let auth = AuthUrl::new(endpoints.authorization_endpoint.clone())
        .map_err(|e| OAuthError::Config(format!("authorization endpoint: {e}")))?;
    let redirect = RedirectUrl::new(redirect_uri.clone())
        .map_err(|e| OAuthError::Config(format!("redirect: {e}")))?;
    let oauth = base_client(client, &endpoints)?
        .set_auth_uri(auth)
        .set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = oauth
        .authorize_url(CsrfToken::new_random)
        .add_scopes(client.provider.oauth_scopes())
        .set_pkce_challenge(challenge);
    if client.provider == Provider::Google {
        // Google gives a refresh token only when asked for offline access.
        request = request
            .add_extra_param("access_type", "offline")
            .add_extra_param("prompt", "consent");
    } else {
        request = request.add_extra_param("prompt", "select_account");
    }
    let (url, state) = request.url();
    Ok(BrowserLogin {
        url: url.to_string(),
        listener,
        redirect_uri,
        state,
        verifier,
        client: client.clone(),
        endpoints,
        http,
        language,
    })
}

impl BrowserLogin {
    /// Waits for the browser to come back (until `timeout` or `cancel`), checks the
    /// state and exchanges the code (with the PKCE verifier) for tokens.
    pub fn wait(self, cancel: &AtomicBool, timeout: Duration) -> Result<SignedIn, OAuthError> {
        let code = self
            .listener
            .wait(self.state.secret(), self.language, cancel, timeout)?;
        let oauth = base_client(&self.client, &self.endpoints)?.set_redirect_uri(
            RedirectUrl::new(self.redirect_uri.clone())
                .map_err(|e| OAuthError::Config(e.to_string()))?,
        );
        let answer = oauth
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(self.verifier)
            .request(&self.http)
            .map_err(token_error)?;
        SignedIn::of(&self.client, answer)
    }
}

/// What the user must do for a device-code sign-in: open `uri` and enter `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DeviceCode {
    pub uri: String,
    pub code: String,
    /// Seconds before the code expires.
    pub expires_in: u64,
}

/// A device-code sign-in waiting for the user to enter the code elsewhere.
#[derive(Debug)]
pub struct DeviceLogin {
    pub code: DeviceCode,
    details: StandardDeviceAuthorizationResponse,
    client: OAuthClient,
    endpoints: Endpoints,
}

/// Starts a device-code sign-in (Microsoft, or any identity server that offers it).
pub fn begin_device(client: &OAuthClient) -> Result<DeviceLogin, OAuthError> {
    let http = Http::new(Duration::from_secs(30));
    let endpoints = discover(client, &http)?;
    let device = endpoints
        .device_authorization_endpoint
        .clone()
        .ok_or_else(|| {
            OAuthError::Config("this identity server does not offer sign-in with a code".into())
        })?;
    let oauth = base_client(client, &endpoints)?.set_device_authorization_url(
        DeviceAuthorizationUrl::new(device).map_err(|e| OAuthError::Config(e.to_string()))?,
    );
    let details: StandardDeviceAuthorizationResponse = oauth
        .exchange_device_code()
        .add_scopes(client.provider.oauth_scopes())
        .request(&http)
        .map_err(token_error)?;
    Ok(DeviceLogin {
        code: DeviceCode {
            uri: details.verification_uri().to_string(),
            code: details.user_code().secret().clone(),
            expires_in: details.expires_in().as_secs(),
        },
        details,
        client: client.clone(),
        endpoints,
    })
}

impl DeviceLogin {
    /// Polls the identity server until the user has entered the code (or `cancel`).
    pub fn wait(self, cancel: Arc<AtomicBool>) -> Result<SignedIn, OAuthError> {
        let http = Http::new(Duration::from_secs(30)).cancelled_by(Arc::clone(&cancel));
        let oauth = base_client(&self.client, &self.endpoints)?;
        let sleep_cancel = Arc::clone(&cancel);
        let result = oauth.exchange_device_access_token(&self.details).request(
            &http,
            move |d| {
                // Sleep in short steps so that Cancel is heard at once.
                let until = Instant::now() + d;
                while Instant::now() < until && !sleep_cancel.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(50).min(d));
                }
            },
            None,
        );
        if cancel.load(Ordering::SeqCst) {
            return Err(OAuthError::Cancelled);
        }
        let answer = result.map_err(|e| match e {
            RequestTokenError::ServerResponse(r) => {
                let description = r.error_description().cloned().unwrap_or_default();
                match r.error() {
                    DeviceCodeErrorResponseType::ExpiredToken => {
                        OAuthError::TimedOut(self.details.expires_in().as_secs().div_ceil(60))
                    }
                    DeviceCodeErrorResponseType::AccessDenied => OAuthError::Refused {
                        code: "access_denied".into(),
                        description,
                    },
                    DeviceCodeErrorResponseType::Basic(BasicErrorResponseType::InvalidGrant) => {
                        OAuthError::SignInAgain(description)
                    }
                    other => OAuthError::Refused {
                        code: other.as_ref().to_owned(),
                        description,
                    },
                }
            }
            RequestTokenError::Request(e) => OAuthError::Unreachable(e.to_string()),
            RequestTokenError::Parse(e, _) => OAuthError::Unreachable(e.to_string()),
            RequestTokenError::Other(e) => OAuthError::Unreachable(e),
        })?;
        SignedIn::of(&self.client, answer)
    }
}

/// Where a rotated refresh token is kept (the keychain, in the app and the CLI).
pub trait RefreshStore: Send + Sync {
    fn save(&self, refresh_token: &str);
}

/// Keeps rotated refresh tokens where the sign-in saved the first one.
#[derive(Debug)]
pub struct KeychainStore {
    pub provider: Provider,
    pub account: String,
    pub data_dir: std::path::PathBuf,
}

impl RefreshStore for KeychainStore {
    fn save(&self, refresh_token: &str) {
        // The file fallback is only written if it was consented before (it exists).
        // Failing to keep a rotated token is not fatal: the one in memory goes on, and
        // providers keep the previous refresh token valid for a while.
        let _ = crate::secrets::save_refresh_token(
            self.provider.id(),
            &self.account,
            refresh_token,
            crate::secrets::refresh_token_file_consented(&self.data_dir),
            &self.data_dir,
        );
    }
}

#[derive(Debug)]
struct TokenState {
    refresh: RefreshToken,
    access: Option<Access>,
}

/// An access token and its life.
#[derive(Debug)]
struct Access {
    token: oauth2::AccessToken,
    issued: Instant,
    expires_at: Instant,
}

impl Access {
    fn of(answer: &TokenAnswer) -> Access {
        let issued = Instant::now();
        // Without expires_in, assume the shortest lifetime providers give (an hour).
        let life = answer.expires_in().unwrap_or(Duration::from_secs(3600));
        Access {
            token: answer.access_token().clone(),
            issued,
            expires_at: issued + life,
        }
    }

    /// How long before expiry the token is replaced.
    fn margin(&self) -> Duration {
        ((self.expires_at - self.issued) / 4).min(Duration::from_secs(300))
    }
}

/// Access tokens for one signed-in account, shared by every connection of a send:
/// refreshed shortly before they expire (or when the server refused one), one refresh
/// at a time.
pub struct Tokens {
    client: OAuthClient,
    account: String,
    endpoints: Endpoints,
    http: Http,
    state: Mutex<TokenState>,
    store: Box<dyn RefreshStore>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("client", &self.client)
            .field("account", &self.account)
            .finish_non_exhaustive()
    }
}

impl Tokens {
    /// The tokens of a saved sign-in (its refresh token from the keychain).
    pub fn of_saved(account: &Account, data_dir: &std::path::Path) -> Result<Tokens, OAuthError> {
        let refresh =
            crate::secrets::refresh_token(account.client.provider.id(), &account.account, data_dir)
                .ok_or_else(|| {
                    OAuthError::SignInAgain("no sign-in is saved on this computer".into())
                })?;
        let http = Http::new(Duration::from_secs(30));
        let endpoints = discover(&account.client, &http)?;
        Ok(Tokens {
            client: account.client.clone(),
            account: account.account.clone(),
            endpoints,
            http,
            state: Mutex::new(TokenState {
                refresh: RefreshToken::new(refresh),
                access: None,
            }),
            store: Box::new(KeychainStore {
                provider: account.client.provider,
                account: account.account.clone(),
                data_dir: data_dir.to_path_buf(),
            }),
        })
    }

    /// When the current access token expires, if there is one.
    pub fn valid_until(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let access = state.access.as_ref()?;
        let left = access.expires_at.saturating_duration_since(Instant::now());
        Some(chrono::Utc::now() + chrono::Duration::from_std(left).unwrap_or_default())
    }

    /// A valid access token: the current one unless it expires soon (in the last
    /// quarter of its life, at most the last five minutes) or is `stale` (the server
    /// just refused it).
    pub fn access_token(&self, stale: Option<&str>) -> Result<String, OAuthError> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(access) = &state.access {
            let refused = stale == Some(access.token.secret().as_str());
            if !refused && Instant::now() + access.margin() < access.expires_at {
                return Ok(access.token.secret().clone());
            }
        }
        let oauth = base_client(&self.client, &self.endpoints)?;
        let answer = oauth
            .exchange_refresh_token(&state.refresh)
            .request(&self.http)
            .map_err(token_error)
            .inspect_err(|e| {
                tracing::warn!(
                    "sign-in: the token could not be renewed [{}]: {e}",
                    e.message_id()
                );
            })?;
        tracing::debug!("sign-in: access token renewed");
        if let Some(rotated) = answer.refresh_token() {
            if rotated.secret() != state.refresh.secret() {
                self.store.save(rotated.secret());
                state.refresh = rotated.clone();
            }
        }
        let access = Access::of(&answer);
        let secret = access.token.secret().clone();
        state.access = Some(access);
        Ok(secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_this_computer_may_receive_a_sign_in() {
        assert!(check_url("x", "https://login.microsoftonline.com/organizations/v2.0").is_ok());
        assert!(check_url("x", "http://127.0.0.1:8080").is_ok());
        assert!(check_url("x", "http://localhost:8080/token").is_ok());
        assert!(check_url("x", "http://login.example.org/token").is_err());
        assert!(check_url("x", "ftp://127.0.0.1/").is_err());
        assert!(check_url("x", "not a url").is_err());
    }

    #[test]
    fn providers_issuers_and_presets() {
        assert_eq!(
            Provider::Microsoft.issuer(""),
            "https://login.microsoftonline.com/organizations/v2.0"
        );
        assert_eq!(
            Provider::Microsoft.issuer("mineursenexil.be"),
            "https://login.microsoftonline.com/mineursenexil.be/v2.0"
        );
        assert_eq!(
            Provider::Google.issuer("ignored"),
            "https://accounts.google.com"
        );
        assert_eq!(
            Provider::of_preset("microsoft365"),
            Some(Provider::Microsoft)
        );
        assert_eq!(Provider::of_preset("ovh"), None);
        let client = OAuthClient {
            provider: Provider::Google,
            client_id: "id".into(),
            client_secret: "GOCSPX-not-so-secret".into(),
            tenant: String::new(),
            issuer: "http://127.0.0.1:9/".into(),
        };
        assert_eq!(client.issuer_url(), "http://127.0.0.1:9");
        assert!(!format!("{client:?}").contains("GOCSPX"), "{client:?}");
    }

    #[test]
    fn refusals_are_explained_by_their_codes() {
        let id = |code: &str, description: &str| {
            OAuthError::Refused {
                code: code.into(),
                description: description.into(),
            }
            .message_id()
        };
        assert_eq!(
            id(
                "invalid_client",
                "AADSTS700016: Application with identifier"
            ),
            "oauth-error-client"
        );
        assert_eq!(
            id(
                "invalid_grant",
                "AADSTS65001: The user or administrator has not consented"
            ),
            "oauth-error-consent"
        );
        assert_eq!(
            id("invalid_grant", "AADSTS50076: you must use multi-factor"),
            "oauth-error-conditional-access"
        );
        assert_eq!(
            id(
                "access_denied",
                "AADSTS53003: blocked by Conditional Access"
            ),
            "oauth-error-conditional-access"
        );
        assert_eq!(id("admin_policy_enforced", ""), "oauth-error-admin-policy");
        assert_eq!(
            id("access_denied", "the user said no"),
            "oauth-error-denied"
        );
        assert_eq!(id("temporarily_unavailable", ""), "oauth-error-refused");
        assert_eq!(
            OAuthError::SignInAgain("x".into()).message_id(),
            "oauth-error-sign-in-again"
        );

        let smtp = explain_smtp_refusal;
        assert_eq!(
            smtp("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."),
            Some("smtp-refused-basic-auth-off")
        );
        assert_eq!(
            smtp("550 5.7.30 Basic authentication is not supported for Client Submission."),
            Some("smtp-refused-basic-auth-off")
        );
        assert_eq!(
            smtp("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."),
            Some("smtp-refused-smtp-auth-disabled")
        );
        assert_eq!(
            smtp("535 5.7.3 Authentication unsuccessful"),
            Some("smtp-refused-authentication")
        );
        assert_eq!(smtp("421 4.3.2 Service not available"), None);
        // Every message named here exists in every language.
        crate::i18n::assert_explained([
            "oauth-error-client",
            "oauth-error-consent",
            "oauth-error-conditional-access",
            "oauth-error-admin-policy",
            "oauth-error-denied",
            "oauth-error-refused",
            "oauth-error-sign-in-again",
            "oauth-error-config",
            "oauth-error-unreachable",
            "oauth-error-state",
            "oauth-error-cancelled",
            "oauth-error-timed-out",
            "smtp-refused-basic-auth-off",
            "smtp-refused-smtp-auth-disabled",
            "smtp-refused-authentication",
            "oauth-page-done",
            "oauth-page-wrong-state",
            "oauth-page-failed",
        ]);
    }

    #[test]
    fn the_loopback_answers_in_the_users_language_and_hands_over_only_its_own_code() {
        let listener = loopback::Listener::bind().unwrap();
        let port = listener.port();
        let cancel = AtomicBool::new(false);
        let browser = std::thread::spawn(move || {
            let get = |path: &str| {
                let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
                std::io::Write::write_all(
                    &mut s,
                    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes(),
                )
                .unwrap();
                let mut page = String::new();
                std::io::Read::read_to_string(&mut s, &mut page).unwrap();
                page
            };
            let favicon = get("/favicon.ico");
            let forged = get("/?code=evil&state=other");
            let real = get("/?code=the-code&state=s1");
            (favicon, forged, real)
        });
        let code = listener
            .wait("s1", UiLanguage::Nl, &cancel, Duration::from_secs(20))
            .unwrap();
        assert_eq!(code, "the-code");
        let (favicon, forged, real) = browser.join().unwrap();
        assert!(favicon.starts_with("HTTP/1.1 404"), "{favicon}");
        assert!(forged.starts_with("HTTP/1.1 400"), "{forged}");
        assert!(real.starts_with("HTTP/1.1 200"), "{real}");
        assert!(real.contains("U bent aangemeld"), "{real}");

        // Cancel is heard while waiting.
        let listener = loopback::Listener::bind().unwrap();
        let cancel = AtomicBool::new(true);
        assert!(matches!(
            listener.wait("s", UiLanguage::Fr, &cancel, Duration::from_secs(20)),
            Err(OAuthError::Cancelled)
        ));
    }
}
