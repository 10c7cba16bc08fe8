//! The target file: how to reach an implementation of API 0.9.0 (TOML or JSON, checked
//! against `conformance/schema/target.schema.json`). Secrets are never in the file: it names
//! the environment variables that hold them.
//!
//! ```toml
//! name = "open-klant-2.18"
//! base_url = "http://127.0.0.1:8000/klantinteracties/api/v1"
//! profile = "standaard"
//!
//! [authentication]
//! kind = "token"
//! token_env = "OPENKLANT_TOKEN"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A target file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetFile {
    /// The target's name: it names the expectations file (`expectations/<name>.json`) and the
    /// column of a comparison.
    pub name: String,
    /// The API's root, up to and including the version: `https://host/klantinteracties/api/v1`.
    pub base_url: String,
    /// The rule set the implementation is checked against: `standaard` (the standard) or
    /// `open-klant` (what Open Klant 2.18 enforces; rules only the standard has stay silent).
    #[serde(default = "standaard")]
    pub profile: String,
    /// The API version the implementation serves; only `0.9.0` is checked.
    #[serde(default = "api_version")]
    pub api_version: String,
    /// How to authenticate.
    #[serde(default)]
    pub authentication: Authentication,
    /// Time limits.
    #[serde(default)]
    pub timeouts: Timeouts,
    /// Headers sent with every request (e.g. `Accept-Crs`). Their values are not written to
    /// run records.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// A command (program and arguments) that empties the implementation. With it, every
    /// scenario starts from an empty register; without it, the server is shared: each
    /// scenario is judged on the objects it created, which are deleted afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset: Option<Vec<String>>,
    /// How F2173's whole registration (klantcontact with actoren, betrokkenen, …) is sent:
    /// `sequence` (plain API 0.9.0: one POST per object, compensated by deletes when a later
    /// one is refused) or `one-call` (the implementation takes the registration as one
    /// `POST /klantcontacten`, as `klantinteracties serve` does).
    #[serde(default)]
    pub registration: Registration,
    /// Whether a create sends the uuid a scenario documents (`send`, the default) or leaves it
    /// out (`omit`) for an implementation that refuses a client's uuid (Open Klant 2.18 takes
    /// a `uuid` in a POST /partij-identificatoren for a reference to an existing one). Either
    /// way, later calls use the uuid the implementation assigned.
    #[serde(default)]
    pub client_uuids: ClientUuids,
    /// The expectations file to judge against (default: the target's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectations: Option<String>,
}

fn standaard() -> String {
    "standaard".to_owned()
}

fn api_version() -> String {
    klantinteracties::API_VERSION.to_owned()
}

/// How requests authenticate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Authentication {
    /// No `Authorization` header.
    #[default]
    None,
    /// `Authorization: Token <key>` (Open Klant, `klantinteracties serve`).
    Token {
        /// The environment variable holding the key.
        token_env: String,
    },
    /// `Authorization: Bearer <token>`.
    Bearer {
        /// The environment variable holding the token.
        token_env: String,
    },
    /// A ZGW JWT (HS256) made from a client id and secret, as the ZGW APIs accept it.
    ZgwJwt {
        /// The client id (`iss` and `client_id` claims).
        client_id: String,
        /// The environment variable holding the secret.
        secret_env: String,
        /// The `user_id` claim (default: `conformance`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        user_id: Option<String>,
    },
}

impl Authentication {
    /// Its kind, as a run record names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Token { .. } => "token",
            Self::Bearer { .. } => "bearer",
            Self::ZgwJwt { .. } => "zgw-jwt",
        }
    }
}

/// Time limits, in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timeouts {
    /// To open a connection.
    #[serde(default = "connect")]
    pub connect_seconds: f64,
    /// For a whole request and its answer.
    #[serde(default = "request")]
    pub request_seconds: f64,
}

fn connect() -> f64 {
    5.0
}

fn request() -> f64 {
    30.0
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect_seconds: connect(),
            request_seconds: request(),
        }
    }
}

/// How F2173's whole registration is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Registration {
    /// One POST per object, compensated when a later one is refused.
    #[default]
    Sequence,
    /// One `POST /klantcontacten` with the whole registration.
    OneCall,
}

/// What a create does with a documented uuid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ClientUuids {
    /// Sent as the scenario documents it.
    #[default]
    Send,
    /// Left out of the body (a uuid that is not valid stays: it is what a rule tests).
    Omit,
}

/// Why a target file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct TargetFileError {
    /// The file.
    pub file: String,
    /// What is wrong, with the field's path.
    pub message: String,
}

impl TargetFile {
    /// Reads a `.toml` or `.json` target file and checks it.
    pub fn load(path: &Path) -> Result<Self, TargetFileError> {
        let file = path.display().to_string();
        let err = |message: String| TargetFileError {
            file: file.clone(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read: {e}")))?;
        let parsed: Self = if path.extension().is_some_and(|e| e == "json") {
            serde_json::from_str(&text).map_err(|e| err(e.to_string()))?
        } else {
            toml::from_str(&text).map_err(|e| err(e.to_string().trim_end().to_owned()))?
        };
        parsed.check().map_err(err)?;
        Ok(parsed)
    }

    /// Checks what the types cannot: the URL, the profile, the API version.
    pub fn check(&self) -> Result<(), String> {
        if !(self.base_url.starts_with("http://") || self.base_url.starts_with("https://")) {
            return Err(format!("base_url: `{}` is no http(s) URL", self.base_url));
        }
        if !["standaard", "open-klant"].contains(&self.profile.as_str()) {
            return Err(format!(
                "profile: `{}` is neither `standaard` nor `open-klant`",
                self.profile
            ));
        }
        if self.api_version != klantinteracties::API_VERSION {
            return Err(format!(
                "api_version: `{}`; this suite checks API {}",
                self.api_version,
                klantinteracties::API_VERSION
            ));
        }
        if self.name.is_empty() || self.name.contains(['/', '\\']) {
            return Err("name: a non-empty name without slashes".to_owned());
        }
        if self.reset.as_ref().is_some_and(Vec::is_empty) {
            return Err("reset: a program and its arguments".to_owned());
        }
        if self.timeouts.connect_seconds <= 0.0 || self.timeouts.request_seconds <= 0.0 {
            return Err("timeouts: positive numbers of seconds".to_owned());
        }
        Ok(())
    }
}
