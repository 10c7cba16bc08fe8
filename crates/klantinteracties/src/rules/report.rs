//! The validation report: every violation of a document, rendered as ZGW problem+json with
//! `invalidParams`, the shape Open Klant, KISS and Open Forms already speak.

use serde::{Deserialize, Serialize};

/// One violation: where (`name`), what (`code`, as Open Klant reports it), why (`reason`, in
/// Dutch) and which rule of the catalogue (`rule`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Violation {
    /// Dotted camelCase JSON path with list indices
    /// (`partijIdentificatoren.0.partijIdentificator.objectId`), or `nonFieldErrors` for a
    /// rule that spans fields.
    pub name: String,
    /// The ZGW/DRF error code (`required`, `invalid`, `max_length`, `unknown-field`, …).
    pub code: String,
    /// Explanation for people, in Dutch.
    pub reason: String,
    /// Stable rule id from the catalogue ([`super::catalogue`]).
    pub rule: String,
}

/// All violations found in one pass over a document, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The violations; empty when the document is valid.
    pub violations: Vec<Violation>,
}

/// ZGW problem+json (RFC 9457 with the `invalidParams` extension) for a rejected document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// URI reference naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Always `invalid` for a validation problem.
    pub code: String,
    /// Short Dutch summary.
    pub title: String,
    /// HTTP status: 400.
    pub status: u16,
    /// Dutch summary with the number of violations.
    pub detail: String,
    /// Every violation.
    pub invalid_params: Vec<Violation>,
}

/// The `type` of a validation problem, the same path the ZGW APIs use, relative because an
/// embedded library has no host of its own.
pub const VALIDATION_ERROR_TYPE: &str = "/ref/fouten/ValidationError/";

impl Report {
    /// True when no rule was violated.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }

    /// The report as problem+json (also when it is valid, then with no `invalidParams`).
    pub fn problem(&self) -> Problem {
        let n = self.violations.len();
        Problem {
            kind: VALIDATION_ERROR_TYPE.to_owned(),
            code: "invalid".to_owned(),
            title: "Ongeldige invoerwaarde.".to_owned(),
            status: 400,
            detail: if n == 1 {
                "Het document overtreedt 1 regel.".to_owned()
            } else {
                format!("Het document overtreedt {n} regels.")
            },
            invalid_params: self.violations.clone(),
        }
    }

    /// Whether a violation with this `name` and `code` is in the report.
    pub fn contains(&self, name: &str, code: &str) -> bool {
        self.violations
            .iter()
            .any(|v| v.name == name && v.code == code)
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.violations.is_empty() {
            return f.write_str("geldig");
        }
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {} ({})", v.name, v.reason, v.code)?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}
