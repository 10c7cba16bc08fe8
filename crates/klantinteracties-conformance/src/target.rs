//! What the runner plays scenarios against. A target answers calls addressed as API 0.9.0
//! addresses them; the embedded register is the first, an HTTP client of any implementation
//! of API 0.9.0 implements the same trait without any change to the scenario files.

use std::collections::HashSet;

use klantinteracties::register::Method;
use klantinteracties::Resource;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::exchange::Exchange;

/// A request body: JSON, or raw text (for documents that are not JSON at all).
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A JSON document.
    Json(Value),
    /// Text sent as it is.
    Raw(String),
}

/// One call of a step, with every variable substituted.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// An API 0.9.0 operation (an F-function is one of these; `function` names it).
    Api {
        /// The F-code, when the step named one.
        function: Option<String>,
        /// The method.
        method: Method,
        /// The collection.
        resource: Resource,
        /// The object of a replace, patch, delete or get.
        uuid: Option<Uuid>,
        /// The body of a create, replace or patch.
        body: Option<Body>,
        /// Query parameters (filters, `page`, `pageSize`, `expand`).
        query: Vec<(String, String)>,
    },
    /// A case workflow by name, with its input.
    Workflow {
        /// The workflow's name, e.g. `registreer_terugbelverzoek`.
        name: String,
        /// Its input.
        input: Value,
    },
}

/// A target's answer: an HTTP status and a body (the resource, the search page, the
/// workflow's outcome, or a problem+json document for a 4xx).
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The body; `null` when there is none.
    pub body: Value,
}

impl Response {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why a target could not answer at all (as opposed to answering with an error status).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// The target cannot make this kind of call (e.g. a workflow over HTTP).
    #[error("not supported by this target: {0}")]
    Unsupported(String),
    /// The target failed: connection, storage, protocol.
    #[error("target failure: {0}")]
    Failure(String),
}

/// What a run record says about the target: enough to know what was checked, never a secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Description {
    /// The target's name.
    pub name: String,
    /// `embedded` or `http`.
    pub kind: String,
    /// The profile it was checked in.
    pub profile: String,
    /// The API version checked (`0.9.0`).
    pub api_version: String,
    /// The base URL of an HTTP target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// How the target authenticated (`token`, `bearer`, `zgw-jwt`, `none`), without the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<String>,
    /// How scenarios were kept apart: `fresh register`, `reset command` or `cleanup`
    /// (a shared server: each scenario's objects deleted afterwards, judged on its own).
    pub isolation: String,
    /// How F2173's whole registration was sent: `one call` or `sequence` (one POST per
    /// object, compensated by deletes when a later POST is refused).
    pub registration: String,
    /// The names of the extra headers sent (values left out: they may be secrets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_headers: Vec<String>,
}

/// What was left behind after a scenario on a shared server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Leftovers {
    /// `collection/uuid` of every object the cleanup could not delete.
    pub objects: Vec<String>,
}

/// An implementation under test.
///
/// Contract: [`reset`](Target::reset) starts a scenario. A target that can be emptied
/// gives an empty register (with a deterministic clock and id source where it can offer
/// them); a shared server cannot, and instead tells the runner which objects are the
/// scenario's own ([`Target::owned`]) and deletes them in [`Target::cleanup`].
pub trait Target {
    /// The target's name, as used by `--target` and the expectations file.
    fn name(&self) -> &str;
    /// The profile the target is checked in (`standaard` or `open-klant`): rules of the other
    /// profile must stay silent.
    fn profile(&self) -> &str;
    /// Starts from an empty register.
    fn reset(&mut self) -> Result<(), TargetError>;
    /// Whether the target runs the library's case workflows (`Call::Workflow`); variants'
    /// `viaWorkflow` steps run only on targets that do.
    fn supports_workflows(&self) -> bool {
        false
    }
    /// Makes one call.
    fn call(&mut self, call: &Call) -> Result<Response, TargetError>;
    /// The target as a run record describes it.
    fn describe(&self) -> Description {
        Description {
            name: self.name().to_owned(),
            kind: "embedded".to_owned(),
            profile: self.profile().to_owned(),
            api_version: klantinteracties::API_VERSION.to_owned(),
            isolation: "fresh register".to_owned(),
            registration: "one call".to_owned(),
            ..Description::default()
        }
    }
    /// The exchanges made since the last time they were taken, oldest first.
    fn take_exchanges(&mut self) -> Vec<Exchange> {
        Vec::new()
    }
    /// `value` as this target knows it: every uuid a scenario documents replaced by the one
    /// the target assigned to the object created with it (an implementation that chooses its
    /// own ids). Expectations pass through this before they are compared.
    fn localise(&self, value: &Value) -> Value {
        value.clone()
    }
    /// On a shared server, the uuids of every object the running scenario wrote: searches and
    /// end states are judged on these alone. `None` when the register holds nothing else.
    fn owned(&self) -> Option<&HashSet<String>> {
        None
    }
    /// Ends a scenario: on a shared server, deletes what it created (newest first).
    fn cleanup(&mut self) -> Result<Leftovers, TargetError> {
        Ok(Leftovers::default())
    }
    /// A `curl` credential for reproducing a request, naming an environment variable
    /// (`Token $KLANTINTERACTIES_TOKEN`); `None` when the target needs none.
    fn credential_hint(&self) -> Option<String> {
        None
    }
}
