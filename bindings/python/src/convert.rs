//! Values across the boundary: Python objects (dict, list, str, bytes, …) to
//! `serde_json::Value` and back, and the names Python passes (resource, profile, method).

use klantinteracties::register::Method;
use klantinteracties::rules::{self, Profile, Report};
use klantinteracties::Resource;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use serde_json::Value;

/// A document as Python handed it over: JSON text to parse, or an object to convert.
pub(crate) enum Document<'a, 'py> {
    /// A copy of a `bytearray`, or of a `str` that is not valid UTF-8: parsed in Rust.
    Text(Vec<u8>),
    /// The buffer of a `bytes` object or the UTF-8 of a `str` (no copy).
    Bytes(&'a [u8]),
    /// Anything else (a dict, usually): converted with pythonize.
    Object(&'a Bound<'py, PyAny>),
}

impl<'a, 'py> Document<'a, 'py> {
    pub(crate) fn of(data: &'a Bound<'py, PyAny>) -> Self {
        if let Ok(b) = data.cast::<PyBytes>() {
            Document::Bytes(b.as_bytes())
        } else if let Ok(s) = data.cast::<PyString>() {
            match s.to_str() {
                Ok(text) => Document::Bytes(text.as_bytes()),
                Err(_) => Document::Text(s.to_string_lossy().into_owned().into_bytes()),
            }
        } else if let Ok(b) = data.cast::<PyByteArray>() {
            Document::Text(b.to_vec())
        } else {
            Document::Object(data)
        }
    }

    /// The length of JSON text, for deciding whether to release the GIL.
    pub(crate) fn text_len(&self) -> usize {
        match self {
            Document::Text(t) => t.len(),
            Document::Bytes(b) => b.len(),
            Document::Object(_) => 0,
        }
    }

    /// The document as a JSON value; text that is not JSON, or an object that has no JSON
    /// form (a set, a float NaN, …), is a report naming `nonFieldErrors`.
    pub(crate) fn value(&self) -> Result<Value, Report> {
        match self {
            Document::Text(t) => rules::parse_json(t),
            Document::Bytes(b) => rules::parse_json(b),
            Document::Object(o) => to_value(o),
        }
    }
}

/// A Python object as a JSON value.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, Report> {
    pythonize::depythonize::<Value>(obj).map_err(|e| Report {
        violations: vec![klantinteracties::rules::Violation {
            name: "nonFieldErrors".to_owned(),
            code: "parse_error".to_owned(),
            reason: format!("Het object heeft geen JSON-vorm: {e}"),
            rule: "document.json".to_owned(),
        }],
    })
}

/// A JSON value as a Python object (dicts, lists, str, int, float, bool, None).
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// Any serializable value as a Python object.
pub(crate) fn serialize_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

pub(crate) fn resource(name: &str) -> PyResult<Resource> {
    Resource::from_collection(name).ok_or_else(|| {
        let known: Vec<&str> = Resource::ALL.iter().map(|r| r.collection()).collect();
        PyValueError::new_err(format!(
            "unknown resource {name:?}; known: {}",
            known.join(", ")
        ))
    })
}

pub(crate) fn profile(name: &str) -> PyResult<Profile> {
    name.parse::<Profile>().map_err(PyValueError::new_err)
}

pub(crate) fn method(name: &str) -> PyResult<Method> {
    serde_json::from_value(Value::String(name.to_owned())).map_err(|_| {
        PyValueError::new_err(format!(
            "unknown method {name:?}; known: create, replace, patch, delete, get, list"
        ))
    })
}

pub(crate) fn method_name(method: Method) -> &'static str {
    match method {
        Method::Create => "create",
        Method::Replace => "replace",
        Method::Patch => "patch",
        Method::Delete => "delete",
        Method::Get => "get",
        Method::List => "list",
    }
}
