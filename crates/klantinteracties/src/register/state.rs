//! The register's state: the tables and their indexes, changed only through
//! [`State::apply`], so that writes, rollbacks, replay and recovery keep the indexes in step.

use uuid::Uuid;

pub(crate) use super::collecties::{AnyRecord, Indexes, Tables};
use crate::Resource;

/// Tables plus indexes.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) t: Tables,
    pub(crate) ix: Indexes,
}

impl State {
    /// See [`Tables::apply`].
    pub(crate) fn apply(
        &mut self,
        resource: Resource,
        id: Uuid,
        rec: Option<AnyRecord>,
        seq: Option<u64>,
    ) -> Option<(u64, AnyRecord)> {
        self.t.apply(&mut self.ix, resource, id, rec, seq)
    }
}
