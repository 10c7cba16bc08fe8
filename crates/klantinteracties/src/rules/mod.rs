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
mod json;
mod normalise;
pub mod report;
pub mod shape;
pub mod shapes;
pub mod walk;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use crate::regel::Profile;
pub use report::{Problem, Report, Violation};

use crate::rules::catalogue::{DOCUMENT_JSON, VELD_MAX_LENGTE, VELD_TYPE};
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

/// Parses `bytes` as JSON; malformed JSON, JSON nested deeper than [`MAX_NESTING`], a key
/// repeated in one object, a byte-order mark or a number out of range is the one violation of
/// the report, with line, column and cause (`nonFieldErrors`, `parse_error`).
pub fn parse_json(bytes: &[u8]) -> Result<Value, Report> {
    if let Some(violation) = too_deep(bytes) {
        return Err(Report {
            violations: vec![violation],
        });
    }
    json::parse(bytes).map_err(|violation| Report {
        violations: vec![violation],
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
                        rule: DOCUMENT_JSON.id.to_owned(),
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

/// The violation of a text at `name` longer than `max` characters (`veld.max-lengte`), for a
/// value the caller composes or renames before it becomes a document's field.
pub(crate) fn te_lang(name: &str, max: usize) -> Violation {
    Violation {
        name: name.to_owned(),
        code: "max_length".to_owned(),
        reason: walk::max_lengte_reden(max),
        rule: VELD_MAX_LENGTE.id.to_owned(),
    }
}

/// Checks a document that is already parsed.
pub fn validate_value(resource: Resource, value: &Value, options: Options) -> Report {
    validate_value_at(resource, value, options, "")
}

/// [`validate_value`] for a document that sits at `base` in a larger one (`klantcontact.`,
/// with its dot; a workflow's input): the violations are named from there
/// (`klantcontact.onderwerp`).
pub fn validate_value_at(
    resource: Resource,
    value: &Value,
    options: Options,
    base: &str,
) -> Report {
    let mut ctx = walk::Ctx::at(options, base);
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
    parse_value_at(resource, value, options, "")
}

/// [`parse_value`] for a document that sits at `base` in a larger one (see
/// [`validate_value_at`]).
pub fn parse_value_at<T: DeserializeOwned>(
    resource: Resource,
    value: Value,
    options: Options,
    base: &str,
) -> Result<T, Report> {
    let report = validate_value_at(resource, &value, options, base);
    if !report.is_valid() {
        return Err(report);
    }
    let mut value = value;
    normalise::normalise(&mut value, resource.shape(), options.response);
    serde_json::from_value(value).map_err(|e| Report {
        violations: vec![Violation {
            name: format!("{base}nonFieldErrors"),
            code: "invalid".to_owned(),
            reason: format!(
                "Het document past niet in het gevraagde type: {}",
                serde_reason(&e)
            ),
            rule: VELD_TYPE.id.to_owned(),
        }],
    })
}

/// What went wrong in a serde error, in Dutch and without the value: serde's own message
/// quotes what it read (`invalid type: string "jan.jansen@example.nl"`), which may be personal
/// data. Only the kind of error is kept, with the field's name when serde names one that is a
/// safe identifier ([`is_safe_name`]), and line and column when the error has them.
pub fn serde_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "onverwacht einde van het document".to_owned(),
        Category::Syntax => "ongeldige JSON-syntaxis".to_owned(),
        Category::Io => "het document kon niet worden gelezen".to_owned(),
        Category::Data => {
            let msg = e.to_string();
            // serde's messages name a field between backticks: `missing field `naam``.
            let field = |prefix: &str| {
                msg.strip_prefix(prefix)
                    .and_then(|rest| rest.strip_prefix('`'))
                    .and_then(|rest| rest.split_once('`'))
                    .map(|(name, _)| name)
                    .filter(|name| is_safe_name(name))
            };
            if let Some(name) = field("missing field ") {
                format!("het veld `{name}` ontbreekt")
            } else if let Some(name) = field("duplicate field ") {
                format!("het veld `{name}` komt dubbel voor")
            } else if msg.starts_with("missing field") {
                "een verplicht veld ontbreekt".to_owned()
            } else if msg.starts_with("duplicate field") {
                "een veld komt dubbel voor".to_owned()
            } else if msg.starts_with("unknown field") {
                "een veld is onbekend".to_owned()
            } else if msg.starts_with("unknown variant") {
                "een waarde is geen geldige keuze".to_owned()
            } else if msg.starts_with("invalid type") {
                "een waarde heeft het verkeerde type".to_owned()
            } else if msg.starts_with("invalid length") {
                "een lijst heeft het verkeerde aantal elementen".to_owned()
            } else {
                "een waarde is ongeldig".to_owned()
            }
        }
    };
    if e.line() > 0 {
        format!("{what} (regel {}, kolom {}).", e.line(), e.column())
    } else {
        format!("{what}.")
    }
}

/// Whether a name may be repeated in a message (see [`crate::model::is_safe_name`]); kept
/// here too, where the validator uses it.
pub use crate::model::is_safe_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_reasons_leave_the_value_out() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            naam: String,
            n: Vec<u8>,
        }
        let reason =
            |v: serde_json::Value| serde_reason(&serde_json::from_value::<T>(v).unwrap_err());
        let r = reason(serde_json::json!({"naam": 111_222_333, "n": []}));
        assert_eq!(r, "een waarde heeft het verkeerde type.");
        let r = reason(serde_json::json!({"naam": "jan.jansen@example.nl"}));
        assert_eq!(r, "het veld `n` ontbreekt.");
        let e =
            serde_json::from_str::<T>("{\"naam\": \"Jan Jansen\", \"n\": \"Jan\"}").unwrap_err();
        assert_eq!(
            serde_reason(&e),
            "een waarde heeft het verkeerde type (regel 1, kolom 33)."
        );
    }
}
