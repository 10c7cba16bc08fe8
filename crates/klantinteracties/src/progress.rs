//! Progress of long operations, for front ends that show it: replaying a large journal when a
//! register opens, filling a register with synthetic data. The library only reports; drawing
//! (or not, when no one is watching) is the caller's.

use std::fmt;
use std::sync::Arc;

/// What a [`Progress`] calls: the stage, how much is done, the total.
type Report = dyn Fn(&str, u64, u64) + Send + Sync;

/// A progress callback: the stage (`herstel`, `partijen`, …), how much is done and the total.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<Report>>);

impl Progress {
    /// Reports to `f`.
    pub fn new(f: impl Fn(&str, u64, u64) + Send + Sync + 'static) -> Self {
        Self(Some(Arc::new(f)))
    }

    /// Reports nowhere.
    pub fn none() -> Self {
        Self(None)
    }

    /// Reports that `done` of `total` of `stage` are done.
    pub fn report(&self, stage: &str, done: u64, total: u64) {
        if let Some(f) = &self.0 {
            f(stage, done, total);
        }
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(reporting)"
        } else {
            "Progress(none)"
        })
    }
}

/// How many items pass between two reports: often enough to move a bar smoothly, rarely
/// enough to cost nothing.
pub(crate) const EVERY: u64 = 1024;
