//! `klantinteracties._native`: the Rust library for Python. Documents cross the boundary as
//! dicts (or JSON text, parsed and checked in one pass here), errors as the exceptions of
//! `klantinteracties.exceptions`, and long work runs with the GIL released. The Python
//! package (`python/klantinteracties`) names the register's calls after the Rust methods on
//! top of this module.

mod conformance;
mod convert;
mod errors;
mod register;
mod transactie;
mod validation;

use pyo3::prelude::*;

/// The package version, from Cargo (`0.1.0-alpha.1` becomes `0.1.0a1`).
fn version() -> String {
    env!("CARGO_PKG_VERSION")
        .replace("-alpha.", "a")
        .replace("-beta.", "b")
        .replace("-rc.", "rc")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", version())?;
    m.add_function(wrap_pyfunction!(validation::validate, m)?)?;
    m.add_function(wrap_pyfunction!(validation::parse, m)?)?;
    m.add_function(wrap_pyfunction!(validation::check, m)?)?;
    m.add_function(wrap_pyfunction!(validation::schema, m)?)?;
    m.add_function(wrap_pyfunction!(validation::rules, m)?)?;
    m.add_function(wrap_pyfunction!(validation::resources, m)?)?;
    m.add_function(wrap_pyfunction!(validation::operaties, m)?)?;
    m.add_function(wrap_pyfunction!(validation::workflows, m)?)?;
    m.add_function(wrap_pyfunction!(validation::workflow_schema, m)?)?;
    m.add_function(wrap_pyfunction!(conformance::run_conformance, m)?)?;
    m.add_class::<register::Register>()?;
    m.add_class::<transactie::Transactie>()?;
    m.add_class::<conformance::ConformanceRun>()?;
    Ok(())
}
