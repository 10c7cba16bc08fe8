//! Typed errors of register operations, rendered as ZGW problem+json like a validation
//! report.

use uuid::Uuid;

use crate::regel::Rule;
use crate::rules::{Problem, Report, Violation};
use crate::Resource;

/// Why a register operation was refused. A refused operation changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The document breaks a document rule or a cross-object rule (a reference that does not
    /// resolve, a preferred address of another partij, …).
    #[error("ongeldige invoer: {0}")]
    Invalid(Report),
    /// A uniqueness rule would be broken (an identificator, a `referentienummer`, a pair).
    #[error("conflict: {0}")]
    Conflict(Report),
    /// The object is protected by another object that refers to it (Open Klant's PROTECT),
    /// or by a rule of the standaard profile (the last actor of a klantcontact).
    #[error("beschermd: {0}")]
    Protected(Report),
    /// No object of this resource has this id.
    #[error("{resource} {id} bestaat niet")]
    NotFound {
        /// The resource looked in.
        resource: Resource,
        /// The id looked for.
        id: Uuid,
    },
    /// The page asked for does not exist: a `page` past the last, or one that is not a
    /// positive number (Open Klant: 404 "Ongeldige pagina.").
    #[error("pagina {page} bestaat niet")]
    PageNotFound {
        /// The page asked for (0 when it was not a number).
        page: usize,
    },
    /// The `{uuid}` of a path is not a UUID, so it names no object (Open Klant: 404).
    #[error("{resource}: het pad noemt geen uuid")]
    NoSuchId {
        /// The resource of the path.
        resource: Resource,
    },
    /// A query parameter is unknown or has an invalid value.
    #[error("ongeldige zoekvraag: {0}")]
    Query(Report),
    /// The storage failed (I/O); the transaction was not committed.
    #[error("opslag: {0}")]
    Storage(String),
    /// The register could not do what it should always be able to do (turn one of its own
    /// values into JSON); the operation changed nothing. A defect, reported instead of
    /// hidden.
    #[error("interne fout: {0}")]
    Internal(String),
}

/// The `type` of a not-found problem.
pub const NOT_FOUND_TYPE: &str = "/ref/fouten/NotFound/";
/// The `type` of a storage problem.
pub const STORAGE_ERROR_TYPE: &str = "/ref/fouten/APIException/";

impl Error {
    /// One violation as an `Invalid` error.
    pub fn invalid(name: &str, code: &str, reason: impl Into<String>, rule: &Rule) -> Self {
        Self::Invalid(report(name, code, reason, rule))
    }

    /// One violation as a `Conflict` error.
    pub fn conflict(name: &str, code: &str, reason: impl Into<String>, rule: &Rule) -> Self {
        Self::Conflict(report(name, code, reason, rule))
    }

    /// One violation as a `Protected` error.
    pub fn protected(name: &str, code: &str, reason: impl Into<String>, rule: &Rule) -> Self {
        Self::Protected(report(name, code, reason, rule))
    }

    /// The violations, for the kinds that have them.
    pub fn report(&self) -> Option<&Report> {
        match self {
            Self::Invalid(r) | Self::Conflict(r) | Self::Protected(r) | Self::Query(r) => Some(r),
            Self::NotFound { .. }
            | Self::PageNotFound { .. }
            | Self::NoSuchId { .. }
            | Self::Storage(_)
            | Self::Internal(_) => None,
        }
    }

    /// Whether the error names this (`name`, `code`) pair.
    pub fn contains(&self, name: &str, code: &str) -> bool {
        self.report().is_some_and(|r| r.contains(name, code))
    }

    /// The short kind name: `invalid`, `conflict`, `protected`, `not_found` (also for a page
    /// or a path that names nothing), `query`, `storage`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::Conflict(_) => "conflict",
            Self::Protected(_) => "protected",
            Self::NotFound { .. } | Self::PageNotFound { .. } | Self::NoSuchId { .. } => {
                "not_found"
            }
            Self::Query(_) => "query",
            Self::Storage(_) => "storage",
            Self::Internal(_) => "internal",
        }
    }

    /// The error as ZGW problem+json. Rule violations keep Open Klant's status 400 and
    /// `invalidParams`; a missing object is a 404, a storage failure a 500.
    pub fn problem(&self) -> Problem {
        match self {
            Self::Invalid(r) | Self::Conflict(r) | Self::Protected(r) | Self::Query(r) => {
                r.problem()
            }
            // As Open Klant words it; the error's Display names the resource and id.
            Self::NotFound { .. } | Self::NoSuchId { .. } => not_found("Niet gevonden."),
            Self::PageNotFound { .. } => not_found("Ongeldige pagina."),
            Self::Storage(msg) => Problem {
                kind: STORAGE_ERROR_TYPE.to_owned(),
                code: "error".to_owned(),
                title: "Opslagfout.".to_owned(),
                status: 500,
                detail: msg.clone(),
                invalid_params: Vec::new(),
            },
            Self::Internal(msg) => Problem {
                kind: STORAGE_ERROR_TYPE.to_owned(),
                code: "error".to_owned(),
                title: "Interne fout.".to_owned(),
                status: 500,
                detail: msg.clone(),
                invalid_params: Vec::new(),
            },
        }
    }
}

/// A 404 problem with `detail`.
fn not_found(detail: &str) -> Problem {
    Problem {
        kind: NOT_FOUND_TYPE.to_owned(),
        code: "not_found".to_owned(),
        title: "Niet gevonden.".to_owned(),
        status: 404,
        detail: detail.to_owned(),
        invalid_params: Vec::new(),
    }
}

impl From<Report> for Error {
    fn from(r: Report) -> Self {
        Self::Invalid(r)
    }
}

pub(crate) fn report(name: &str, code: &str, reason: impl Into<String>, rule: &Rule) -> Report {
    Report {
        violations: vec![violation(name, code, reason, rule)],
    }
}

pub(crate) fn violation(
    name: &str,
    code: &str,
    reason: impl Into<String>,
    rule: &Rule,
) -> Violation {
    Violation {
        name: name.to_owned(),
        code: code.to_owned(),
        reason: reason.into(),
        rule: rule.id.to_owned(),
    }
}

/// A value of the register's own that did not become JSON, as [`Error::Internal`].
pub(crate) fn encoding(what: &str, e: &serde_json::Error) -> Error {
    Error::Internal(format!(
        "cannot turn {what} into JSON: {}",
        crate::rules::serde_reason(e)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_failure_is_a_500_named_internal() {
        let e = encoding(
            "a test value",
            &serde_json::from_str::<u8>("300").unwrap_err(),
        );
        assert_eq!((e.kind(), e.problem().status), ("internal", 500));
        assert!(e.report().is_none());
        assert!(e
            .to_string()
            .starts_with("interne fout: cannot turn a test value"));
        assert!(!e.to_string().contains("300"), "{e}");
    }
}
