//! Values across the boundary: Python objects (dict, list, str, bytes, …) to
//! `serde_json::Value` and back, and the names Python passes (resource, profile, method).

use klantinteracties::register::Method;
use klantinteracties::rules::{self, Profile, Report};
use klantinteracties::Resource;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};
use serde_json::{Map, Value};

/// A document as Python handed it over: JSON text to parse, or an object to convert.
pub(crate) enum Document<'a, 'py> {
    /// A copy of a `bytearray`, or of a `str` that is not valid UTF-8: parsed in Rust.
    Text(Vec<u8>),
    /// The buffer of a `bytes` object or the UTF-8 of a `str` (no copy).
    Bytes(&'a [u8]),
    /// Anything else (a dict, usually): converted with pythonize.
    Object(&'a Bound<'py, PyAny>),
    /// A `str` that is not valid Unicode (a lone surrogate): refused, never altered.
    NotUnicode,
}

impl<'a, 'py> Document<'a, 'py> {
    pub(crate) fn of(data: &'a Bound<'py, PyAny>) -> Self {
        if let Ok(b) = data.cast::<PyBytes>() {
            Document::Bytes(b.as_bytes())
        } else if let Ok(s) = data.cast::<PyString>() {
            match s.to_str() {
                Ok(text) => Document::Bytes(text.as_bytes()),
                Err(_) => Document::NotUnicode,
            }
        } else if let Ok(b) = data.cast::<PyByteArray>() {
            Document::Text(b.to_vec())
        } else {
            Document::Object(data)
        }
    }

    /// The document as a JSON value; text that is not JSON, or an object that has no JSON
    /// form (a set, a float NaN, …), is a report naming `nonFieldErrors`.
    pub(crate) fn value(&self) -> Result<Value, Report> {
        match self {
            Document::Text(t) => rules::parse_json(t),
            Document::Bytes(b) => rules::parse_json(b),
            Document::Object(o) => to_value(o),
            Document::NotUnicode => Err(parse_error(
                "de tekst is geen geldige Unicode (een losse surrogaat)",
            )),
        }
    }
}

fn parse_error(what: impl std::fmt::Display) -> Report {
    Report {
        violations: vec![klantinteracties::rules::Violation {
            name: "nonFieldErrors".to_owned(),
            code: "parse_error".to_owned(),
            reason: format!("Het object heeft geen JSON-vorm: {what}."),
            rule: klantinteracties::rules::catalogue::DOCUMENT_JSON
                .id
                .to_owned(),
        }],
    }
}

/// A Python object as a JSON value: dicts with `str` keys, lists, tuples, `str`, `int` (64
/// bits), finite `float`, `bool` and `None`. Anything else (a set, a `datetime`, an integer
/// beyond 64 bits, `inf`), a `str` that is not valid Unicode, and nesting deeper than the
/// JSON text path allows ([`rules::MAX_NESTING`], which also stops a dict that contains
/// itself) has no JSON form and is a `parse_error` at `nonFieldErrors`. The message names
/// what was wrong, never the value.
///
/// Written out rather than through a serde bridge: a document is only these types, and the
/// direct walk is about twice as fast, which is most of the cost of validating a dict.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, Report> {
    json_of(obj, 0).map_err(parse_error)
}

fn json_of(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return text(s).map(Value::String);
    }
    let nested = || {
        if depth >= rules::MAX_NESTING {
            Err(format!(
                "het object is dieper genest dan {} niveaus (of bevat zichzelf)",
                rules::MAX_NESTING
            ))
        } else {
            Ok(depth + 1)
        }
    };
    if let Ok(d) = obj.cast::<PyDict>() {
        let depth = nested()?;
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| format!("een sleutel van het type {} is geen tekst", type_name(&k)))?;
            map.insert(text(key)?, json_of(&v, depth)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return obj
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| "een getal dat niet in 64 bits past".to_owned());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| "een getal dat niet eindig is (inf of nan)".to_owned());
    }
    if let Ok(l) = obj.cast::<PyList>() {
        let depth = nested()?;
        return l
            .iter()
            .map(|v| json_of(&v, depth))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        let depth = nested()?;
        return t
            .iter()
            .map(|v| json_of(&v, depth))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    Err(format!("een waarde van het type {}", type_name(obj)))
}

fn text(s: &Bound<'_, PyString>) -> Result<String, String> {
    s.to_str()
        .map(str::to_owned)
        .map_err(|_| "tekst die geen geldige Unicode is (een losse surrogaat)".to_owned())
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string_lossy().into_owned())
}

/// A JSON value as Python objects (dict, list, str, int, float, bool, None).
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serializable value as Python objects, through its JSON form.
pub(crate) fn serialize_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
    to_py(py, &json)
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
