//! The conformance suite from Python: the suite compiled into the module, run against an
//! embedded register or any implementation of API 0.9.0 over HTTP, with the report in the
//! runner's formats and the run record.

use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::http::target_file::Timeouts;
use klantinteracties_conformance::http::{Authentication, HttpTarget, Registration, TargetFile};
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
        self.report.duration_ms
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
            ("not_applicable", Verdict::NotApplicable),
            ("blocked", Verdict::Blocked),
        ]
        .into_iter()
        .map(|(name, verdict)| (name, self.report.count(verdict)))
        .collect()
    }

    /// The report as `text`, `json` (lines), `junit` (XML), `markdown` or `html`.
    fn render(&self, format: &str) -> PyResult<String> {
        let format = Format::from_name(format).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown format {format:?}; known: text, json, junit, markdown, html"
            ))
        })?;
        Ok(report::render(&self.report, format))
    }

    /// The run record as JSON text: what `klantinteracties conformance --record` writes and
    /// `klantinteracties conformance report` renders again.
    fn record(&self) -> String {
        serde_json::to_string_pretty(&self.report).unwrap_or_default()
    }
}

/// The target a run names: an embedded one by name, a target file, or a base URL.
#[allow(clippy::too_many_arguments)]
fn target_of(
    target: &str,
    target_file: Option<&str>,
    base_url: Option<String>,
    token: Option<&str>,
    profile: &str,
    name: &str,
    registration: &str,
) -> Result<(Box<dyn Target + Send>, String), String> {
    if let Some(path) = target_file {
        let file = TargetFile::load(std::path::Path::new(path)).map_err(|e| e.to_string())?;
        let expectations = file
            .expectations
            .clone()
            .unwrap_or_else(|| file.name.clone());
        let mut t = HttpTarget::new(file)?;
        if let Some(token) = token {
            t = t.with_token(token);
        }
        return Ok((Box::new(t), expectations));
    }
    if let Some(base_url) = base_url {
        let registration = match registration {
            "sequence" => Registration::Sequence,
            "one-call" => Registration::OneCall,
            other => {
                return Err(format!(
                    "unknown registration {other:?}; known: sequence, one-call"
                ))
            }
        };
        let file = TargetFile {
            name: name.to_owned(),
            base_url,
            profile: profile.to_owned(),
            api_version: klantinteracties::API_VERSION.to_owned(),
            authentication: Authentication::None,
            timeouts: Timeouts::default(),
            headers: std::collections::BTreeMap::new(),
            reset: None,
            registration,
            client_uuids: klantinteracties_conformance::http::ClientUuids::Send,
            expectations: None,
        };
        let mut t = HttpTarget::new(file)?;
        if let Some(token) = token {
            t = t.with_token(token);
        }
        return Ok((Box::new(t), name.to_owned()));
    }
    let t = EmbeddedTarget::by_name(target).ok_or_else(|| {
        format!("unknown target {target:?}; known: embedded, embedded-open-klant")
    })?;
    Ok((Box::new(t), target.to_owned()))
}

/// Runs the scenarios whose id matches `cases` (`*` is a wildcard; `None` runs all) against
/// the embedded target `target` (`embedded` or `embedded-open-klant`), a target file, or an
/// implementation at `base_url` (with `token`, `profile`, `name` and `registration`), with
/// the GIL released.
#[pyfunction]
#[pyo3(signature = (cases = None, *, target = "embedded", target_file = None, base_url = None,
                    token = None, profile = "standaard", name = "http", registration = "sequence"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn run_conformance(
    py: Python<'_>,
    cases: Option<String>,
    target: &str,
    target_file: Option<&str>,
    base_url: Option<String>,
    token: Option<&str>,
    profile: &str,
    name: &str,
    registration: &str,
) -> PyResult<ConformanceRun> {
    let (mut chosen, expectations_name) = target_of(
        target,
        target_file,
        base_url,
        token,
        profile,
        name,
        registration,
    )
    .map_err(PyValueError::new_err)?;
    let outcome = py.detach(|| {
        let suite = Suite::embedded().map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("the compiled-in suite does not load: {}", lines.join("; "))
        })?;
        let expectations = suite
            .expectations(&expectations_name)
            .map_err(|e| e.to_string())?;
        Ok::<_, String>(run::run(
            &suite,
            chosen.as_mut(),
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
