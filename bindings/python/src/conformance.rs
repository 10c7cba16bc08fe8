//! The conformance suite from Python: the suite compiled into the module, run against an
//! embedded register, with the report in the runner's four formats.

use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::report::{self, Format};
use klantinteracties_conformance::run::{self, RunReport, Verdict};
use klantinteracties_conformance::suite::Suite;
use klantinteracties_conformance::target::Target;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert;

/// The results of one run of the suite.
#[pyclass(frozen, module = "klantinteracties._native")]
pub(crate) struct ConformanceRun {
    report: RunReport,
}

#[pymethods]
impl ConformanceRun {
    /// The target the suite ran against.
    #[getter]
    fn target(&self) -> &str {
        &self.report.target
    }

    /// The target's profile.
    #[getter]
    fn profile(&self) -> &str {
        &self.report.profile
    }

    /// Whether the run passes (no failure, no unsupported call, no fixed or unknown deviation).
    #[getter]
    fn passed(&self) -> bool {
        self.report.passed()
    }

    /// The whole run in milliseconds.
    #[getter]
    fn duration_ms(&self) -> f64 {
        self.report.duration.as_secs_f64() * 1000.0
    }

    /// Listed deviations that name no scenario.
    #[getter]
    fn unknown_deviations(&self) -> Vec<String> {
        self.report.unknown_deviations.clone()
    }

    /// Every scenario's result as a dict, in suite order.
    fn results<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::serialize_py(py, &self.report.results)
    }

    /// How many results have each verdict.
    fn counts(&self) -> Vec<(&'static str, usize)> {
        [
            ("pass", Verdict::Pass),
            ("fail", Verdict::Fail),
            ("deviation", Verdict::Deviation),
            ("fixed", Verdict::Fixed),
            ("unsupported", Verdict::Unsupported),
        ]
        .into_iter()
        .map(|(name, verdict)| (name, self.report.count(verdict)))
        .collect()
    }

    /// The report as `text`, `json` (lines), `junit` (XML) or `markdown`.
    fn render(&self, format: &str) -> PyResult<String> {
        let format = Format::from_name(format).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown format {format:?}; known: text, json, junit, markdown"
            ))
        })?;
        Ok(report::render(&self.report, format))
    }
}

/// Runs the scenarios whose id matches `cases` (`*` is a wildcard; `None` runs all) against
/// the embedded target `target` (`embedded` or `embedded-open-klant`), with the GIL released.
#[pyfunction]
#[pyo3(signature = (cases = None, *, target = "embedded"))]
pub(crate) fn run_conformance(
    py: Python<'_>,
    cases: Option<String>,
    target: &str,
) -> PyResult<ConformanceRun> {
    let mut embedded = EmbeddedTarget::by_name(target).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown target {target:?}; known: embedded, embedded-open-klant"
        ))
    })?;
    let outcome = py.detach(|| {
        let suite = Suite::embedded().map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("the compiled-in suite does not load: {}", lines.join("; "))
        })?;
        let expectations = suite
            .expectations(embedded.name())
            .map_err(|e| e.to_string())?;
        Ok::<_, String>(run::run(
            &suite,
            &mut embedded,
            &expectations,
            cases.as_deref(),
        ))
    });
    let report = outcome.map_err(PyValueError::new_err)?;
    if report.results.is_empty() {
        return Err(PyValueError::new_err(format!(
            "no scenario matches {:?}",
            cases.unwrap_or_default()
        )));
    }
    Ok(ConformanceRun { report })
}
