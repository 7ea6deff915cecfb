//! The app registrations a release carries, so that signing in needs none of the
//! organisation's own (issue 20 §8).

use super::{OAuthClient, Provider};

/// The app registration a release carries for `provider`, set at build time from the
/// release's secrets (`TANDEM_MICROSOFT_CLIENT_ID`: a multi-tenant public client;
/// `TANDEM_GOOGLE_CLIENT_ID` and `TANDEM_GOOGLE_CLIENT_SECRET`: a desktop client, whose
/// "secret" Google says is not one), as Thunderbird carries its own: signing in then asks
/// for nothing but the click. `None` in a build without them (a developer's, a fork's):
/// the organisation gives its own, as before. See docs/releasing.md.
pub fn builtin_client(provider: Provider) -> Option<(String, String)> {
    let (id, secret) = match provider {
        Provider::Microsoft => (option_env!("TANDEM_MICROSOFT_CLIENT_ID"), None),
        Provider::Google => (
            option_env!("TANDEM_GOOGLE_CLIENT_ID"),
            option_env!("TANDEM_GOOGLE_CLIENT_SECRET"),
        ),
    };
    let id = id.map(str::trim).filter(|id| !id.is_empty())?;
    Some((id.to_owned(), secret.unwrap_or("").trim().to_owned()))
}

impl OAuthClient {
    /// This client, or — its ID left blank — the release's own registration for its
    /// provider (with that registration's secret), when the build carries one.
    pub fn or_builtin(mut self) -> OAuthClient {
        self.client_id = self.client_id.trim().to_owned();
        if self.client_id.is_empty() {
            if let Some((id, secret)) = builtin_client(self.provider) {
                self.client_id = id;
                self.client_secret = secret;
            }
        }
        self
    }
}
