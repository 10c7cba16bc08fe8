//! What the register stores per resource: the writable fields, the input shape of API 0.9.0,
//! plus what the register stamps ([`InterneTaakRecord`]), and the [`Stored`] trait that ties a
//! record type to its table. [`AnyRecord`], one stored object of any
//! resource, is generated from the table of collections.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::{Datumtijd, InterneTaakInput};
use crate::Resource;

use super::collecties::{AnyRecord, Indexes, Tables};
use super::collection::Collection;
use super::table::Table;

/// What the register stores of an interne taak: the writable fields (with the actoren
/// always in `toegewezenAanActoren`) plus `toegewezenOp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterneTaakRecord {
    /// The writable fields.
    #[serde(flatten)]
    pub taak: InterneTaakInput,
    /// When the task was assigned (stamped on creation).
    pub toegewezen_op: Datumtijd,
}

impl InterneTaakRecord {
    /// The ids of the actoren, in assignment order.
    pub fn actoren(&self) -> Vec<Uuid> {
        self.taak
            .toegewezen_aan_actoren
            .iter()
            .flatten()
            .map(|a| a.uuid.0)
            .collect()
    }

    pub(crate) fn zonder_actor(&mut self, actor: Uuid) {
        if let Some(a) = self.taak.toegewezen_aan_actoren.as_mut() {
            a.retain(|v| v.uuid.0 != actor);
        }
    }
}

/// A stored record type: its resource and table.
pub(crate) trait Stored:
    Sized + Clone + Serialize + serde::de::DeserializeOwned + Send + Sync + 'static
{
    /// The resource.
    const RESOURCE: Resource;
    /// Its table.
    fn table(t: &Tables) -> &Table<Self>;
    /// As [`AnyRecord`].
    fn wrap(rec: Arc<Self>) -> AnyRecord;
    /// Its collection's indexes.
    fn indexes(ix: &Indexes) -> &<Self as Collection>::Ix
    where
        Self: Collection;
}
