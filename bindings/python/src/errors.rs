//! The library's errors as the exceptions of `klantinteracties.exceptions` (defined in Python,
//! so they pickle, subclass and carry docstrings; raised from here with the message and the
//! problem+json dict).

use klantinteracties::register::Error;
use klantinteracties::rules::{Problem, Report};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

const MODULE: &str = "klantinteracties.exceptions";

static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NOT_FOUND: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CONFLICT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static JOURNAL_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TRANSACTION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static BASE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Which exception class an error becomes.
#[derive(Debug, Clone, Copy)]
enum Class {
    Validation,
    NotFound,
    Conflict,
    Journal,
    /// A defect of the register ([`Error::Internal`]): the base class.
    Base,
}

impl Class {
    fn of(error: &Error) -> Self {
        match error {
            Error::Invalid(_) | Error::Query(_) => Class::Validation,
            Error::Conflict(_) | Error::Protected(_) => Class::Conflict,
            Error::NotFound { .. } | Error::PageNotFound { .. } | Error::NoSuchId { .. } => {
                Class::NotFound
            }
            Error::Storage(_) => Class::Journal,
            Error::Internal(_) => Class::Base,
        }
    }

    fn get(self, py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
        let (cell, name) = match self {
            Class::Validation => (&VALIDATION_ERROR, "ValidationError"),
            Class::NotFound => (&NOT_FOUND, "NotFound"),
            Class::Conflict => (&CONFLICT, "Conflict"),
            Class::Journal => (&JOURNAL_ERROR, "JournalError"),
            Class::Base => (&BASE_ERROR, "KlantinteractiesError"),
        };
        cell.import(py, MODULE, name)
    }
}

fn raise(py: Python<'_>, class: Class, message: String, kind: &str, problem: &Problem) -> PyErr {
    let made = (|| {
        let problem = crate::convert::serialize_py(py, problem)?;
        let instance = class.get(py)?.call1((message, problem, kind))?;
        Ok::<_, PyErr>(PyErr::from_value(instance))
    })();
    made.unwrap_or_else(|e| e)
}

/// A register error as its exception.
pub(crate) fn register_error(py: Python<'_>, error: &Error) -> PyErr {
    raise(
        py,
        Class::of(error),
        error.to_string(),
        error.kind(),
        &error.problem(),
    )
}

/// A validation report with violations as a `ValidationError`.
pub(crate) fn report_error(py: Python<'_>, report: &Report) -> PyErr {
    raise(
        py,
        Class::Validation,
        format!("ongeldige invoer: {report}"),
        "invalid",
        &report.problem(),
    )
}

/// Misuse of a transaction (closed, or a call on the register from the thread that has one
/// open) as a `TransactionError`.
pub(crate) fn transaction_error(py: Python<'_>, message: &str) -> PyErr {
    match TRANSACTION_ERROR.import(py, MODULE, "TransactionError") {
        Ok(class) => match class.call1((message,)) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// Maps a register result to Python.
pub(crate) trait IntoPy<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| register_error(py, &e))
    }
}
