//! What the runner plays scenarios against. A target answers calls addressed as API 0.9.0
//! addresses them; the embedded register is the first, an HTTP client of any implementation
//! of API 0.9.0 implements the same trait without any change to the scenario files.

use klantinteracties::register::Method;
use klantinteracties::Resource;
use serde_json::Value;
use uuid::Uuid;

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

/// An implementation under test.
///
/// Contract: [`reset`](Target::reset) gives an empty register with a deterministic clock and
/// id source where the target can offer them; every scenario starts with it. An HTTP target
/// resets by flushing its database or starting a fresh instance.
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
}
