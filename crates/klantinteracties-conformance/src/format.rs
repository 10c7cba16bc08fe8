//! The file format of the conformance suite: case files (`conformance/cases/*.json`) and rule
//! files (`conformance/rules/*.json`). The types are the format: their JSON Schema is
//! generated from them (`conformance/schema/`), and every file is checked against it.
//!
//! Keys are English (the format is technical); values are API 0.9.0 JSON, whose vocabulary
//! is the standard's Dutch.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use klantinteracties::register::Method;

/// Where a step, a variant or a rule comes from: a document of the standard (relative to its
/// `vng-klantinteracties` folder), an Open Klant rule, or the project's own decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// The document, e.g. `achtergronddocumentatie/cases/C9167.md` or
    /// `docs/open-klant-notes.md R21`.
    pub document: String,
    /// The section of the document, e.g. `3. Vastleggen contactgegevens / Variant A`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// For a case the standard names without a document (only its code and title in the case
    /// index): that there is no artefact, and what the scenario is derived from instead (the
    /// information model, F-functions, uitgangspunten). Such a case is marked *derived*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

/// One case file: a documented case (C-code) with its variants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseFile {
    /// The case code, e.g. `C9167`.
    pub case: String,
    /// The case's title as the standard gives it (Dutch).
    pub title: String,
    /// The case document.
    pub source: Source,
    /// The date of the case document as it states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What the case is about, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Steps every variant starts with: the actoren, partijen and earlier contacts the case
    /// presupposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixtures: Vec<Step>,
    /// The variants; a case without variants in its document has one, named `-`.
    pub variants: Vec<Variant>,
}

/// One variant of a case: its own fixtures, its steps and the end state it must leave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Variant {
    /// The variant's name: `A`, `B`, … as the document names them, or `-`.
    pub name: String,
    /// What distinguishes the variant.
    pub title: String,
    /// Where the document describes the variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Fixtures of this variant only, run after the case's fixtures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixtures: Vec<Step>,
    /// The case's steps, in order.
    pub steps: Vec<Step>,
    /// The same variant through the library's case workflows instead of `steps`: run after
    /// the fixtures, checked against the same end state. Targets that offer workflows (the
    /// embedded register) run the variant both ways, as `<id>` and `<id>@workflow`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via_workflow: Vec<Step>,
    /// The state the register must be in afterwards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub end_state: Vec<EndState>,
}

/// What a step does: an F-function of the standard, an API 0.9.0 operation without an
/// F-code, or a case workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Operation {
    /// The HTTP-like method.
    pub method: Method,
    /// The API 0.9.0 collection, e.g. `rekeningnummers`.
    pub resource: String,
}

/// One step: a call, with the expectation on its answer.
///
/// Exactly one of `function`, `operation` and `workflow` is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    /// What the step does, in the case's words.
    pub title: String,
    /// Where the document describes the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// An F-code of the standard, e.g. `F2173`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// An API 0.9.0 operation that has no F-code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// A case workflow by name, e.g. `registreer_terugbelverzoek`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// The object the call is about (`{uuid}` in the path), usually a bound variable such as
    /// `$klantcontact.uuid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Query parameters of a search, as strings.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub query: BTreeMap<String, String>,
    /// `expand` of a read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expand: Vec<String>,
    /// The request body (API 0.9.0 JSON) or the workflow's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// Binds the answer's body to this name, for `$name.path` in later steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    /// Where the step departs from the document, and why (old attribute names, values that
    /// break a rule, re-keyed ids, normalised dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the answer must be; by default a success.
    #[serde(default)]
    pub expect: Expect,
}

/// The expected answer of a step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expect {
    /// Success or rejection; success by default.
    #[serde(default)]
    pub outcome: Outcome,
    /// For a success: a JSON value the answer's body must contain (objects match by subset,
    /// arrays element by element with equal length; strings `$name.path` are substituted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// For a success: dotted paths that must be absent or null in the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// For a success: the properties of the object at each dotted path (`""` for the answer
    /// itself), exactly these and in this order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, Vec<String>>,
    /// For a search: the number of results (`count`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// For a search: results that must be present (each a subset of one result).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<Value>,
    /// For a search: results that must not be present (no result contains them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_contains: Vec<Value>,
    /// For a rejection: entries that must be among the problem's `invalidParams`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

/// Whether a call is to succeed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A 2xx answer.
    #[default]
    Success,
    /// A 4xx answer with a problem body (`invalidParams` for a 400).
    Rejected,
    /// A 404.
    NotFound,
}

/// One expected entry of a problem's `invalidParams`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InvalidParam {
    /// The dotted path, e.g. `omschrijving` or `betrokkenen.0.rol`.
    pub name: String,
    /// The error code, e.g. `max_length`.
    pub code: String,
}

/// What must exist of one resource at the end of a variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndState {
    /// The API 0.9.0 collection, e.g. `internetaken`.
    pub resource: String,
    /// Query parameters that narrow the objects considered (all objects by default).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub query: BTreeMap<String, String>,
    /// How many objects there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// Objects that must be among them, each matched to a different object by subset.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objects: Vec<Value>,
    /// Why, where the end state departs from or adds to the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One rule file: groups of tests for the rules of one resource or rule family, in the manner
/// of JSON-Schema-Test-Suite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleFile {
    /// What the file covers.
    pub description: String,
    /// Steps every test of the file starts with (the objects its documents refer to).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixtures: Vec<Step>,
    /// The groups, one per rule (or per rule and resource).
    pub groups: Vec<RuleGroup>,
}

/// The tests of one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleGroup {
    /// The rule's id in the catalogue, e.g. `veld.max-lengte` or `register.uniek-bsn`.
    pub rule: String,
    /// What the group tests.
    pub description: String,
    /// Where the rule comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The profiles the rule belongs to (`standaard`, `open-klant`); both when absent. In a
    /// profile not listed, an invalid document must not get the expected `invalidParams`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<String>,
    /// Steps each test of the group starts with, after the file's fixtures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<Step>,
    /// The call the tests make, unless a test names its own: an F-code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// The call the tests make as an operation without an F-code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// The call the tests make as a case workflow, with the test's body as its input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// The object the calls are about (for updates), e.g. `$partij.uuid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Query parameters of the calls (searches), as strings.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub query: BTreeMap<String, String>,
    /// The tests: at least one valid and one invalid document.
    pub tests: Vec<RuleTest>,
}

/// One document and whether the rule accepts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleTest {
    /// What the document shows.
    pub description: String,
    /// The request body. A string is sent as raw text (for documents that are not JSON);
    /// `null` sends none (reads, searches, deletes).
    #[serde(default)]
    pub body: Value,
    /// Query parameters of the call (searches), as strings; they replace the group's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub query: BTreeMap<String, String>,
    /// Whether the document is accepted.
    pub valid: bool,
    /// For an invalid document: the expected `invalidParams` entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
    /// More about the answer, in a step's terms: for a valid document what the answer must
    /// show (`body`, `count`, `contains`, …); for an invalid one `outcome: not_found` when
    /// the call names nothing (a page past the last: 404) instead of a rejection with
    /// `invalidParams`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expect>,
    /// The profiles the test is for (`standaard`, `open-klant`); all when absent. A target in
    /// another profile leaves the test out (where the profiles differ in what they accept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<String>,
    /// An F-code other than the group's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// An operation other than the group's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// A workflow other than the group's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// An object other than the group's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Why the test is there, when it is not obvious.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Known deviations of one target (`conformance/expectations/<target>.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expectations {
    /// The target the file is for.
    pub target: String,
    /// The deviations.
    #[serde(default)]
    pub deviations: Vec<Deviation>,
}

/// A scenario that is known to fail on a target, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deviation {
    /// The scenario id: `C9167/A` for a case variant, `rules/partijen/veld.max-lengte/2` for
    /// a rule test.
    pub id: String,
    /// Why the target deviates.
    pub reason: String,
    /// What kind of deviation it is (left out for the embedded profiles' documented ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DeviationKind>,
}

/// What kind of deviation a listed one is: what a standards maintainer reads it as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DeviationKind {
    /// The implementation does something API 0.9.0 or its own published behaviour does not
    /// allow: a 500, a refusal of a valid document, an acceptance of an invalid one.
    ImplementationDefect,
    /// A rule of the `standaard` profile (the standard's documents beyond the API's schemas)
    /// that the implementation does not enforce.
    StandaardRule,
    /// The rule is enforced, but the violation is reported under another name than the
    /// field's JSON path (a model field name, `__all__`, a list without its index).
    Naming,
    /// The harness cannot make the check against this target (fix the harness where it can).
    HarnessLimit,
}

impl DeviationKind {
    /// Every kind, in report order.
    pub const ALL: [Self; 4] = [
        Self::ImplementationDefect,
        Self::StandaardRule,
        Self::Naming,
        Self::HarnessLimit,
    ];

    /// Its name in files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::ImplementationDefect => "implementation-defect",
            Self::StandaardRule => "standaard-rule",
            Self::Naming => "naming",
            Self::HarnessLimit => "harness-limit",
        }
    }
}
