//! A transaction that Python code holds open across many calls (`with register.transactie()
//! as tx:`).
//!
//! The library's transaction is a closure that holds the register's write lock while it runs
//! (`Register::transactie_als`). Python's `with` block is not a closure the library can call,
//! so the closure runs on a worker thread of its own: it holds the lock, takes the calls from
//! a channel, runs each one as a savepoint (`Transactie::handle`, `voer_uit_in`) and answers
//! on a reply channel. `commit` ends the closure with success (the library commits, and may
//! still refuse, e.g. a klantcontact left without betrokkene), `rollback` with failure (the
//! library undoes every write). When the Python object is dropped without either, the channel
//! closes and the worker rolls back. The calling thread waits with the GIL released, so other
//! Python threads run meanwhile.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::{Duration, Instant};

use klantinteracties::register::{Error, Register, Request, DEFAULT_WHO};
use klantinteracties::workflows;
use pyo3::exceptions::PyResourceWarning;
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert;
use crate::errors::{self, IntoPy};
use crate::register::{body_value, request, OpenThreads};

type Reply<T> = Sender<Result<T, Error>>;

enum Opdracht {
    Call(Request, Reply<Value>),
    Workflow(String, Value, Reply<Value>),
    End { commit: bool, reply: Reply<()> },
}

/// An open transaction of a register.
#[pyclass(frozen, module = "klantinteracties._native")]
pub(crate) struct Transactie {
    sender: Mutex<Option<Sender<Opdracht>>>,
    spin: Duration,
    worker: Mutex<Option<JoinHandle<()>>>,
    thread: ThreadId,
    /// The process that opened it: after `os.fork` the worker is not in the child.
    pid: u32,
    open: Arc<OpenThreads>,
}

impl Transactie {
    pub(crate) fn begin(
        py: Python<'_>,
        register: Arc<Register>,
        who: Option<String>,
        open: Arc<OpenThreads>,
    ) -> PyResult<Self> {
        let (sender, receiver) = mpsc::channel::<Opdracht>();
        let who = who.unwrap_or_else(|| DEFAULT_WHO.to_owned());
        let spin = spin();
        let worker = thread::Builder::new()
            .name("klantinteracties-transactie".to_owned())
            .spawn(move || work(&register, &who, &receiver, spin))
            .map_err(|e| errors::transaction_error(py, &format!("cannot start: {e}")))?;
        let thread = thread::current().id();
        open.add(thread);
        Ok(Self {
            sender: Mutex::new(Some(sender)),
            spin,
            worker: Mutex::new(Some(worker)),
            thread,
            pid: std::process::id(),
            open,
        })
    }

    fn sender(&self, py: Python<'_>) -> PyResult<Sender<Opdracht>> {
        self.check_caller(py)?;
        self.sender
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| errors::transaction_error(py, "the transaction is no longer open"))
    }

    /// Refuses a caller that would wait forever: another process (after `os.fork` the worker
    /// is not there) or another thread (the transaction is the opening thread's).
    fn check_caller(&self, py: Python<'_>) -> PyResult<()> {
        if std::process::id() != self.pid {
            return Err(errors::transaction_error(
                py,
                "the transaction was opened in another process (before os.fork); it cannot go \
                 on here",
            ));
        }
        if thread::current().id() != self.thread {
            return Err(errors::transaction_error(
                py,
                "a transaction belongs to the thread that opened it; open one in this thread",
            ));
        }
        Ok(())
    }

    /// Sends one instruction and waits for its answer with the GIL released.
    fn ask<T: Send>(
        &self,
        py: Python<'_>,
        make: impl FnOnce(Reply<T>) -> Opdracht + Send,
        sender: &Sender<Opdracht>,
    ) -> PyResult<Result<T, Error>> {
        let spin = self.spin;
        let answer = py.detach(|| {
            let (reply, answer) = mpsc::channel();
            sender.send(make(reply)).ok()?;
            recv_soon(&answer, spin)
        });
        answer.ok_or_else(|| errors::transaction_error(py, "the transaction's worker stopped"))
    }

    fn end(&self, py: Python<'_>, commit: bool) -> PyResult<()> {
        self.check_caller(py)?;
        let sender = self
            .sender
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .ok_or_else(|| errors::transaction_error(py, "the transaction is no longer open"))?;
        self.open.remove(self.thread);
        let result = self.ask(py, |reply| Opdracht::End { commit, reply }, &sender);
        drop(sender);
        let worker = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(worker) = worker {
            let _ = py.detach(|| worker.join());
        }
        result?.or_raise(py)
    }
}

impl Drop for Transactie {
    fn drop(&mut self) {
        // Dropping the sender closes the channel: the worker rolls back and ends.
        let open = self
            .sender
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .is_some();
        if open {
            self.open.remove(self.thread);
            // As Python does for a file that was never closed: the program forgot to end the
            // transaction, and until the garbage collector found it every other thread waited.
            Python::attach(|py| {
                let warning = py.get_type::<PyResourceWarning>();
                if let Err(e) = PyErr::warn(
                    py,
                    &warning,
                    c"a transaction was neither committed nor rolled back; it is rolled back now",
                    1,
                ) {
                    e.write_unraisable(py, None);
                }
            });
        }
    }
}

/// The worker: runs the library's transaction until told to end it.
fn work(register: &Register, who: &str, receiver: &Receiver<Opdracht>, spin: Duration) {
    let mut end: Option<(bool, Reply<()>)> = None;
    let result = register.transactie_met(who, |tx| {
        while let Some(opdracht) = recv_soon(receiver, spin) {
            match opdracht {
                Opdracht::Call(req, reply) => {
                    let _ = reply.send(tx.handle(&req));
                }
                Opdracht::Workflow(naam, input, reply) => {
                    let _ = reply.send(workflows::voer_uit_in(tx, &naam, &input));
                }
                Opdracht::End { commit, reply } => {
                    end = Some((commit, reply));
                    return if commit {
                        Ok(())
                    } else {
                        Err(Einde::Teruggedraaid)
                    };
                }
            }
        }
        Err(Einde::Teruggedraaid)
    });
    if let Some((commit, reply)) = end {
        let _ = reply.send(match result {
            Err(Einde::Fout(e)) if commit => Err(e),
            _ => Ok(()),
        });
    }
}

/// Why the worker's transaction ended without a commit: the rollback Python asked for (or a
/// transaction that was dropped), or a failure of the register.
enum Einde {
    Teruggedraaid,
    Fout(Error),
}

impl From<Error> for Einde {
    fn from(e: Error) -> Self {
        Self::Fout(e)
    }
}

/// How long a side of the hand-off spins before it blocks. The other side usually answers
/// within microseconds (a call takes ~15 µs; Python prepares the next one in about as much),
/// while waking a blocked thread on another CPU costs tens of microseconds: measured on the
/// bulk benchmark, blocking at once made a call in a transaction 4–5× slower than on its own.
const SPIN: Duration = Duration::from_micros(200);

/// [`SPIN`] when the process may run on more than one CPU; none when it is confined to one
/// (by affinity or quota), where a spinning side would only keep the other from running.
fn spin() -> Duration {
    match thread::available_parallelism() {
        Ok(n) if n.get() > 1 => SPIN,
        _ => Duration::ZERO,
    }
}

/// Receives from `rx`: first polling for up to `spin`, then blocking. `None` when the other
/// side is gone.
fn recv_soon<T>(rx: &Receiver<T>, spin: Duration) -> Option<T> {
    let start = Instant::now();
    loop {
        match rx.try_recv() {
            Ok(v) => return Some(v),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) if start.elapsed() >= spin => return rx.recv().ok(),
            Err(TryRecvError::Empty) => std::hint::spin_loop(),
        }
    }
}

#[pymethods]
impl Transactie {
    /// Runs one call inside the transaction; when it fails, only its own writes are undone.
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
        let sender = self.sender(py)?;
        let req = request(py, method, resource, uuid, body, query)?;
        let value = self
            .ask(py, |reply| Opdracht::Call(req, reply), &sender)?
            .or_raise(py)?;
        convert::to_py(py, &value)
    }

    /// Runs the case workflow `naam` inside the transaction, as one savepoint.
    fn voer_uit<'py>(
        &self,
        py: Python<'py>,
        naam: &str,
        invoer: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let sender = self.sender(py)?;
        let input = body_value(py, invoer)?;
        let naam = naam.to_owned();
        let value = self
            .ask(py, |reply| Opdracht::Workflow(naam, input, reply), &sender)?
            .or_raise(py)?;
        convert::to_py(py, &value)
    }

    /// Commits every write; raises (and changes nothing) when the register refuses.
    fn commit(&self, py: Python<'_>) -> PyResult<()> {
        self.end(py, true)
    }

    /// Undoes every write.
    fn rollback(&self, py: Python<'_>) -> PyResult<()> {
        self.end(py, false)
    }

    /// Whether the transaction is still open.
    #[getter]
    fn open(&self) -> bool {
        self.sender
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }
}
