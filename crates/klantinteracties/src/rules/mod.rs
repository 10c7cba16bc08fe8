//! Validation of API 0.9.0 documents: one pass, every violation, never a panic.
//!
//! A document is checked against the shape of its resource ([`Resource::shape`]): presence,
//! nullability, types, lengths, enums and formats of every field, then the rules across
//! fields, in the chosen [`Profile`]. Rules that need other objects (references exist,
//! uniqueness, ownership) belong to the register.
//!
//! ```
//! use klantinteracties::rules::{validate, Options};
//! use klantinteracties::Resource;
//!
//! let report = validate(
//!     Resource::Rekeningnummers,
//!     br#"{"iban": "NL91ABNA0417164301"}"#,
//!     Options::default(),
//! );
//! assert!(report.contains("iban", "invalid")); // mod-97 check digits are wrong
//! ```

pub mod aliases;
pub mod catalogue;
mod normalise;
mod profile;
pub mod report;
pub mod shape;
pub mod shapes;
pub mod walk;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use profile::Profile;
pub use report::{Problem, Report, Violation};

use crate::Resource;

/// How a document is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The rule set.
    pub profile: Profile,
    /// Check a response body instead of a create/update body.
    pub response: bool,
    /// Check a partial update (PATCH) body: top-level properties are not required, and a
    /// group that is sent must still be complete.
    pub partial: bool,
}

impl Options {
    /// Options for a create/update body in `profile`.
    pub fn input(profile: Profile) -> Self {
        Self {
            profile,
            response: false,
            partial: false,
        }
    }

    /// Options for a response body in `profile`.
    pub fn response(profile: Profile) -> Self {
        Self {
            profile,
            response: true,
            partial: false,
        }
    }

    /// Options for a partial update (PATCH) body in `profile`.
    pub fn partial(profile: Profile) -> Self {
        Self {
            profile,
            response: false,
            partial: true,
        }
    }
}

/// Parses `bytes` as JSON and checks the document. Malformed JSON is reported as a
/// violation, not as an error.
pub fn validate(resource: Resource, bytes: &[u8], options: Options) -> Report {
    match parse_json(bytes) {
        Ok(value) => validate_value(resource, &value, options),
        Err(report) => report,
    }
}

/// How many violations a report lists (`document.overtredingen`); a last one says how many
/// more were found. A document with millions of violations then costs time in proportion to
/// its size, and neither memory nor output beyond this.
pub const MAX_VIOLATIONS: usize = 100;

/// How deep arrays and objects may nest in a document. Request bodies of the API nest a few
/// levels (a partij's identificatoren: four) and the deepest answer (a klantcontact with
/// `hadBetrokkenen.wasPartij` expanded) under ten; the limit keeps a hostile document from
/// costing stack or time long before serde_json's own limit of 128.
pub const MAX_NESTING: usize = 32;

/// Parses `bytes` as JSON; malformed JSON, or JSON nested deeper than [`MAX_NESTING`], is the
/// one violation of the report, with line and column (`nonFieldErrors`, `parse_error`).
pub fn parse_json(bytes: &[u8]) -> Result<Value, Report> {
    if let Some(violation) = too_deep(bytes) {
        return Err(Report {
            violations: vec![violation],
        });
    }
    serde_json::from_slice(bytes).map_err(|e| Report {
        violations: vec![json_error(&e)],
    })
}

/// The violation for the first bracket that opens level `MAX_NESTING + 1`, if any. Brackets
/// inside strings do not count; malformed input is left to the parser.
fn too_deep(bytes: &[u8]) -> Option<Violation> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        column += 1;
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(Violation {
                        name: "nonFieldErrors".to_owned(),
                        code: "parse_error".to_owned(),
                        reason: format!(
                            "JSON parse-fout op regel {line}, kolom {column}: het document \
                             is dieper genest dan {MAX_NESTING} niveaus."
                        ),
                        rule: "document.json".to_owned(),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => (line, column) = (line + 1, 0),
            _ => {}
        }
    }
    None
}

/// Checks a document that is already parsed.
pub fn validate_value(resource: Resource, value: &Value, options: Options) -> Report {
    let mut ctx = walk::Ctx::new(options);
    ctx.object(value, resource.shape());
    Report {
        violations: ctx.into_violations(),
    }
}

/// Checks the document and, when it is valid, returns it as the typed value `T` (for example
/// [`crate::model::PartijInput`]).
pub fn parse<T: DeserializeOwned>(
    resource: Resource,
    bytes: &[u8],
    options: Options,
) -> Result<T, Report> {
    parse_value(resource, parse_json(bytes)?, options)
}

/// [`parse`] for a document that is already parsed.
pub fn parse_value<T: DeserializeOwned>(
    resource: Resource,
    value: Value,
    options: Options,
) -> Result<T, Report> {
    let report = validate_value(resource, &value, options);
    if !report.is_valid() {
        return Err(report);
    }
    let mut value = value;
    normalise::normalise(&mut value, resource.shape(), options.response);
    serde_json::from_value(value).map_err(|e| Report {
        violations: vec![Violation {
            name: "nonFieldErrors".to_owned(),
            code: "invalid".to_owned(),
            reason: format!("Het document past niet in het gevraagde type: {e}"),
            rule: "veld.type".to_owned(),
        }],
    })
}

/// A violation for JSON that cannot be parsed, with line and column.
fn json_error(e: &serde_json::Error) -> Violation {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "onverwacht einde van het document",
        serde_json::error::Category::Syntax => "ongeldige JSON-syntaxis",
        serde_json::error::Category::Io => "het document kon niet worden gelezen",
        serde_json::error::Category::Data => "ongeldige gegevens",
    };
    Violation {
        name: "nonFieldErrors".to_owned(),
        code: "parse_error".to_owned(),
        reason: format!(
            "JSON parse-fout op regel {}, kolom {}: {what}.",
            e.line(),
            e.column()
        ),
        rule: "document.json".to_owned(),
    }
}
