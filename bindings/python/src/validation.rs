//! `validate`, `check`, `parse`, `schema` and the catalogues: single documents against the
//! shapes and rules of a resource, in one pass in Rust.

use klantinteracties::register::{FUNCTIES, OPERATIES};
use klantinteracties::rules::{self as lib_rules, Options, Report};
use klantinteracties::schema as json_schema;
use klantinteracties::workflows as lib_workflows;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::{json, Value};

use crate::convert::{self, Document};
use crate::errors;

/// JSON text at least this long is parsed and checked with the GIL released.
const DETACH_AT: usize = 16 * 1024;

fn options(profile: &str, response: bool, partial: bool) -> PyResult<Options> {
    Ok(Options {
        profile: convert::profile(profile)?,
        response,
        partial,
    })
}

/// Parses (when it is text) and checks one document: the value, when it is JSON, and the
/// report.
fn run(
    py: Python<'_>,
    resource: &str,
    doc: Document<'_, '_>,
    options: Options,
) -> PyResult<(Option<Value>, Report)> {
    let resource = convert::resource(resource)?;
    let work = |value: Result<Value, Report>| match value {
        Ok(v) => {
            let report = lib_rules::validate_value(resource, &v, options);
            (Some(v), report)
        }
        Err(report) => (None, report),
    };
    Ok(match doc {
        Document::Bytes(b) if b.len() >= DETACH_AT => py.detach(|| work(lib_rules::parse_json(b))),
        Document::Text(t) if t.len() >= DETACH_AT => py.detach(|| work(lib_rules::parse_json(&t))),
        doc => work(doc.value()),
    })
}

/// Checks `data` (a dict, or JSON as `str`/`bytes`) as a document of `resource`; raises
/// `ValidationError` with every violation.
#[pyfunction]
#[pyo3(signature = (resource, data, *, profile = "standaard", response = false, partial = false))]
pub(crate) fn validate(
    py: Python<'_>,
    resource: &str,
    data: &Bound<'_, PyAny>,
    profile: &str,
    response: bool,
    partial: bool,
) -> PyResult<()> {
    let (_, report) = run(
        py,
        resource,
        Document::of(data),
        options(profile, response, partial)?,
    )?;
    if report.is_valid() {
        Ok(())
    } else {
        Err(errors::report_error(py, &report))
    }
}

/// Like `validate`, and returns the document as Python objects (for text, parsed once).
#[pyfunction]
#[pyo3(signature = (resource, data, *, profile = "standaard", response = false, partial = false))]
pub(crate) fn parse<'py>(
    py: Python<'py>,
    resource: &str,
    data: &Bound<'py, PyAny>,
    profile: &str,
    response: bool,
    partial: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = Document::of(data);
    let given_an_object = matches!(doc, Document::Object(_));
    let (value, report) = run(py, resource, doc, options(profile, response, partial)?)?;
    match value {
        Some(v) if report.is_valid() => {
            if given_an_object {
                Ok(data.clone())
            } else {
                convert::to_py(py, &v)
            }
        }
        _ => Err(errors::report_error(py, &report)),
    }
}

/// Like `validate`, but returns the violations (`invalidParams` dicts) instead of raising.
#[pyfunction]
#[pyo3(signature = (resource, data, *, profile = "standaard", response = false, partial = false))]
pub(crate) fn check<'py>(
    py: Python<'py>,
    resource: &str,
    data: &Bound<'py, PyAny>,
    profile: &str,
    response: bool,
    partial: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let (_, report) = run(
        py,
        resource,
        Document::of(data),
        options(profile, response, partial)?,
    )?;
    convert::serialize_py(py, &report.violations)
}

/// The JSON Schema (draft 2020-12) of a resource's request body, or of its response.
#[pyfunction]
#[pyo3(signature = (resource, *, response = false))]
pub(crate) fn schema<'py>(
    py: Python<'py>,
    resource: &str,
    response: bool,
) -> PyResult<Bound<'py, PyAny>> {
    convert::to_py(
        py,
        &json_schema::json_schema(convert::resource(resource)?, response),
    )
}

/// Every rule: document, register and workflow rules, each with `id`, `kind`,
/// `description`, `source`, `profiles` and `codes`.
#[pyfunction]
pub(crate) fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for deel in klantinteracties::catalogus::delen() {
        for rule in deel.regels {
            let mut value = serde_json::to_value(rule).unwrap_or_default();
            value["kind"] = json!(deel.soort);
            list.append(convert::to_py(py, &value)?)?;
        }
    }
    Ok(list)
}

/// The collection names of API 0.9.0 that `validate` and the register take.
#[pyfunction]
pub(crate) fn resources() -> Vec<&'static str> {
    klantinteracties::Resource::ALL
        .iter()
        .map(|r| r.collection())
        .collect()
}

/// Every register operation by its method name, with the F-functions it carries out.
#[pyfunction]
pub(crate) fn operaties(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for op in OPERATIES {
        let functies: Vec<Value> = FUNCTIES
            .iter()
            .filter(|f| f.method == op.method && f.resource == op.resource)
            // F2173 is the whole registration, not the bare POST of one klantcontact.
            .filter(|_| op.naam != "registreer_klantcontact_los")
            .map(|f| json!({"code": f.code, "naam": f.naam}))
            .collect();
        let item = PyDict::new(py);
        item.set_item("naam", op.naam)?;
        item.set_item("method", convert::method_name(op.method))?;
        item.set_item("resource", op.resource.collection())?;
        item.set_item("functies", convert::to_py(py, &Value::Array(functies))?)?;
        list.append(item)?;
    }
    Ok(list)
}

/// Every case workflow: `naam`, `casus`, `titel`, `bron`.
#[pyfunction]
pub(crate) fn workflows(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::serialize_py(py, &lib_workflows::WORKFLOWS)
}

/// The JSON Schema of a workflow's input, or of its outcome (`naam=None`).
#[pyfunction]
#[pyo3(signature = (naam = None))]
pub(crate) fn workflow_schema<'py>(
    py: Python<'py>,
    naam: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let schema = match naam {
        None => lib_workflows::uitkomst_schema(),
        Some(n) => lib_workflows::input_schema(n).ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!("unknown workflow {n:?}"))
        })?,
    };
    convert::serialize_py(py, &schema)
}
