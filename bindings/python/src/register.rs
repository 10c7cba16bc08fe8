//! The native register: every call by method and collection (`call`), the case workflows
//! (`voer_uit`), transactions (`begin`), the audit log and the journal. The Python class
//! `klantinteracties.Register` gives each call its Rust name on top of this.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::ThreadId;
use std::time::Duration;

use klantinteracties::register::{
    self as reg, Error, JournalOptions, RegisterBuilder, Request, DEFAULT_BASE_URL,
};
use klantinteracties::workflows;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::convert::{self, Document};
use crate::errors::{self, IntoPy};
use crate::transactie::Transactie;

/// The threads that have a transaction open on a register: a direct call from one of them
/// would wait for the lock its own transaction holds. Also the process they are in: after
/// `os.fork`, a transaction that was open has no worker in the child, and the register's lock
/// stays taken there. A call from another thread waits here, for at most the register's
/// `timeout`, until those transactions end.
#[derive(Debug, Default)]
pub(crate) struct OpenThreads {
    list: Mutex<Vec<(ThreadId, u32)>>,
    ended: Condvar,
}

impl OpenThreads {
    fn list(&self) -> std::sync::MutexGuard<'_, Vec<(ThreadId, u32)>> {
        self.list.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn contains(&self, thread: ThreadId) -> bool {
        self.list().iter().any(|(t, _)| *t == thread)
    }

    /// Whether a transaction was open in another process (this one is a fork of it).
    pub(crate) fn open_before_fork(&self) -> bool {
        let me = std::process::id();
        self.list().iter().any(|(_, pid)| *pid != me)
    }

    pub(crate) fn add(&self, thread: ThreadId) {
        self.list().push((thread, std::process::id()));
    }

    pub(crate) fn remove(&self, thread: ThreadId) {
        let mut list = self.list();
        if let Some(i) = list.iter().position(|(t, _)| *t == thread) {
            list.swap_remove(i);
            self.ended.notify_all();
        }
    }

    /// Waits until no other thread has a transaction open, for at most `timeout` (`None`:
    /// without limit). `false` when the time ran out. Called with the GIL released.
    pub(crate) fn wait_for_others(&self, timeout: Option<Duration>) -> bool {
        let me = std::thread::current().id();
        let busy = |list: &mut Vec<(ThreadId, u32)>| list.iter().any(|(t, _)| *t != me);
        let list = self.list();
        match timeout {
            None => {
                drop(
                    self.ended
                        .wait_while(list, busy)
                        .unwrap_or_else(PoisonError::into_inner),
                );
                true
            }
            Some(timeout) => {
                let (_list, waited) = self
                    .ended
                    .wait_timeout_while(list, timeout, busy)
                    .unwrap_or_else(PoisonError::into_inner);
                !waited.timed_out()
            }
        }
    }
}

/// How long, in seconds, a call waits by default for a transaction open in another thread
/// before it raises `TransactionError` (Python's `sqlite3` waits 5 s for a locked database;
/// a register's transactions are short, so waiting longer means one was left open).
const DEFAULT_TIMEOUT: f64 = 30.0;

/// An embedded Klantinteracties register (in memory, or persisted in a journal).
#[pyclass(frozen, module = "klantinteracties._native")]
pub(crate) struct Register {
    inner: Arc<reg::Register>,
    open: Arc<OpenThreads>,
    /// How long a call waits for a transaction open in another thread.
    timeout: Option<Duration>,
}

/// `timeout` in seconds as a duration; a negative or non-finite one is a `ValueError`.
fn timeout_of(timeout: Option<f64>) -> PyResult<Option<Duration>> {
    timeout
        .map(|s| {
            Duration::try_from_secs_f64(s).map_err(|_| {
                pyo3::exceptions::PyValueError::new_err(
                    "timeout must be a number of seconds, 0 or more, or None",
                )
            })
        })
        .transpose()
}

fn builder(profile: &str, base_url: Option<&str>, who: Option<&str>) -> PyResult<RegisterBuilder> {
    let mut b = reg::Register::builder()
        .profile(convert::profile(profile)?)
        .base_url(base_url.unwrap_or(DEFAULT_BASE_URL));
    if let Some(who) = who {
        b = b.who(who);
    }
    Ok(b)
}

/// A request from Python's arguments; a body that does not fit is a `ValidationError`, an id
/// that is not a UUID a `NotFound`.
pub(crate) fn request(
    py: Python<'_>,
    method: &str,
    resource: &str,
    uuid: Option<&Bound<'_, PyAny>>,
    body: Option<&Bound<'_, PyAny>>,
    query: Option<Vec<(String, String)>>,
) -> PyResult<Request> {
    let mut req = Request::new(convert::method(method)?, convert::resource(resource)?);
    if let Some(id) = uuid {
        // The object addressed: an id that is not a UUID names none (`NotFound`, as Open
        // Klant answers 404 for `GET /partijen/geen-uuid`).
        req = req
            .with_path_id(&id.str()?.to_string())
            .map_err(|e| errors::register_error(py, &e))?;
    }
    if let Some(body) = body {
        req.body = Some(body_value(py, body)?);
    }
    req.query = query.unwrap_or_default();
    Ok(req)
}

/// An id given as `uuid.UUID` or text; anything else is a `ValidationError` at `uuid`.
fn uuid_of(py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<Uuid> {
    let text = id.str()?.to_string();
    text.parse().map_err(|_| {
        errors::register_error(
            py,
            &Error::Query(klantinteracties::rules::Report {
                violations: vec![klantinteracties::rules::Violation {
                    name: "uuid".to_owned(),
                    code: "invalid".to_owned(),
                    // The text is not repeated: it may be personal data, and of any length.
                    reason: "Geen geldige UUID.".to_owned(),
                    rule: klantinteracties::register::regels::ZOEKEN_PARAMETER
                        .id
                        .to_owned(),
                }],
            }),
        )
    })
}

/// A body (dict, or JSON as str/bytes) as a value.
pub(crate) fn body_value(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<Value> {
    Document::of(body)
        .value()
        .map_err(|report| errors::report_error(py, &report))
}

impl Register {
    fn guard(&self, py: Python<'_>) -> PyResult<()> {
        if self.open.open_before_fork() {
            return Err(errors::transaction_error(
                py,
                "a transaction was open on this register when the process forked: in this \
                 process it can never end, so the register cannot be used here; open it again",
            ));
        }
        if self.open.contains(std::thread::current().id()) {
            return Err(errors::transaction_error(
                py,
                "this thread has a transaction open on the register: make the call through \
                 the transaction, or end it first",
            ));
        }
        let (open, timeout) = (&*self.open, self.timeout);
        if !py.detach(|| open.wait_for_others(timeout)) {
            return Err(errors::transaction_error(
                py,
                &format!(
                    "waited {:?} for a transaction open in another thread; it was neither \
                     committed nor rolled back. A transaction that is no longer referenced but \
                     kept in a reference cycle stays open until the garbage collector runs: end \
                     each transaction with `with`, commit() or rollback()",
                    timeout.unwrap_or_default()
                ),
            ));
        }
        Ok(())
    }
}

#[pymethods]
impl Register {
    /// A register in memory.
    #[new]
    #[pyo3(signature = (*, profile = "standaard", base_url = None, who = None, timeout = Some(DEFAULT_TIMEOUT)))]
    #[pyo3(text_signature = "(*, profile='standaard', base_url=None, who=None, timeout=30.0)")]
    fn new(
        profile: &str,
        base_url: Option<&str>,
        who: Option<&str>,
        timeout: Option<f64>,
    ) -> PyResult<Self> {
        Ok(Self {
            inner: Arc::new(builder(profile, base_url, who)?.in_memory()),
            open: Arc::default(),
            timeout: timeout_of(timeout)?,
        })
    }

    /// A register persisted in the journal in directory `path` (created when missing),
    /// recovered on open.
    #[staticmethod]
    #[pyo3(signature = (path, *, profile = "standaard", base_url = None, who = None, sync = true, read_only = false, timeout = Some(DEFAULT_TIMEOUT)))]
    #[pyo3(
        text_signature = "(path, *, profile='standaard', base_url=None, who=None, sync=True, read_only=False, timeout=30.0)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn open(
        py: Python<'_>,
        path: PathBuf,
        profile: &str,
        base_url: Option<&str>,
        who: Option<&str>,
        sync: bool,
        read_only: bool,
        timeout: Option<f64>,
    ) -> PyResult<Self> {
        let timeout = timeout_of(timeout)?;
        let b = builder(profile, base_url, who)?.journal(JournalOptions { sync });
        let register = py
            .detach(move || {
                if read_only {
                    b.open_read_only(path)
                } else {
                    b.open(path)
                }
            })
            .or_raise(py)?;
        Ok(Self {
            inner: Arc::new(register),
            open: Arc::default(),
            timeout,
        })
    }

    /// Repairs a damaged journal in directory `path` (see `Journal::repair`).
    #[staticmethod]
    fn repair(py: Python<'_>, path: PathBuf) -> PyResult<Bound<'_, PyAny>> {
        let repair = py.detach(move || reg::Journal::repair(path)).or_raise(py)?;
        let value = json!({
            "offset": repair.offset,
            "cut": repair.cut,
            "reason": repair.reason,
            "side_file": repair.side_file.map(|p| p.display().to_string()),
            "snapshot_set_aside": repair.snapshot_set_aside.map(|p| p.display().to_string()),
        });
        convert::to_py(py, &value)
    }

    /// Runs one call, addressed as API 0.9.0 addresses it; returns the response body.
    #[pyo3(signature = (method, resource, uuid = None, body = None, query = None))]
    fn call<'py>(
        &self,
        py: Python<'py>,
        method: &str,
        resource: &str,
        uuid: Option<&Bound<'py, PyAny>>,
        body: Option<&Bound<'py, PyAny>>,
        query: Option<Vec<(String, String)>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.guard(py)?;
        let req = request(py, method, resource, uuid, body, query)?;
        let register = &*self.inner;
        let result = py.detach(|| register.handle(&req));
        convert::to_py(py, &result.or_raise(py)?)
    }

    /// Runs the case workflow `naam` on `invoer` as one transaction; returns its outcome.
    fn voer_uit<'py>(
        &self,
        py: Python<'py>,
        naam: &str,
        invoer: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.guard(py)?;
        let input = body_value(py, invoer)?;
        let register = &*self.inner;
        let result = py.detach(|| workflows::voer_uit(register, naam, &input));
        convert::to_py(py, &result.or_raise(py)?)
    }

    /// Opens a transaction, recorded in the audit log as made by `who`.
    #[pyo3(signature = (*, who = None))]
    fn begin(&self, py: Python<'_>, who: Option<String>) -> PyResult<Transactie> {
        self.guard(py)?;
        Transactie::begin(py, Arc::clone(&self.inner), who, Arc::clone(&self.open))
    }

    /// The audit log (B8694), oldest first; with `uuid`, the records of one object.
    #[pyo3(signature = (uuid = None))]
    fn audit_log<'py>(
        &self,
        py: Python<'py>,
        uuid: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.guard(py)?;
        let id = uuid.map(|u| uuid_of(py, u)).transpose()?;
        let register = &*self.inner;
        let records = py
            .detach(|| match id {
                Some(id) => register.audit_log_van(id),
                None => register.audit_log(),
            })
            .or_raise(py)?;
        let rows: Vec<Value> = records
            .iter()
            .map(|r| {
                let json_of = |o: &Option<reg::AnyRecord>| {
                    o.as_ref().map(reg::AnyRecord::to_json).transpose()
                };
                Ok(json!({
                    "seq": r.seq,
                    "transaction": r.transaction,
                    "time": r.time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                    "who": r.who,
                    "fcode": r.fcode,
                    "operation": r.operation,
                    "resource": r.resource.collection(),
                    "uuid": r.id.to_string(),
                    "action": r.action,
                    "before": json_of(&r.before)?,
                    "after": json_of(&r.after)?,
                }))
            })
            .collect::<Result<_, Error>>()
            .or_raise(py)?;
        convert::to_py(py, &Value::Array(rows))
    }

    /// The number of objects per collection.
    fn aantallen<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.guard(py)?;
        let register = &*self.inner;
        // Every wait for the register's lock happens without the GIL: a transaction open on
        // another thread must not freeze the interpreter.
        let counts = py.detach(|| register.aantallen());
        let dict = PyDict::new(py);
        for (resource, n) in counts {
            dict.set_item(resource.collection(), n)?;
        }
        Ok(dict)
    }

    /// `(audit records, transactions)` committed so far.
    fn lengte(&self, py: Python<'_>) -> PyResult<(u64, u64)> {
        self.guard(py)?;
        let register = &*self.inner;
        Ok(py.detach(|| register.lengte()))
    }

    /// Writes a snapshot, so the next open replays only what follows it.
    fn snapshot(&self, py: Python<'_>) -> PyResult<()> {
        self.guard(py)?;
        let register = &*self.inner;
        py.detach(|| register.snapshot()).or_raise(py)
    }

    /// Checks every cross-object invariant; the violations (empty when all hold).
    fn controleer_invarianten<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.guard(py)?;
        let register = &*self.inner;
        let violations = py.detach(|| register.controleer_invarianten());
        convert::serialize_py(py, &violations)
    }

    /// What recovery found when the register was opened.
    fn herstelrapport<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.guard(py)?;
        let register = &*self.inner;
        let report = py.detach(|| register.herstelrapport());
        convert::serialize_py(py, &report)
    }

    /// The profile the register enforces: `standaard` or `open-klant`.
    #[getter]
    fn profile(&self) -> &'static str {
        self.inner.profile().as_str()
    }

    /// Where the audit log is kept (`memory` or the journal's directory).
    #[getter]
    fn opslag(&self, py: Python<'_>) -> PyResult<String> {
        self.guard(py)?;
        let register = &*self.inner;
        Ok(py.detach(|| register.opslag()))
    }
}
