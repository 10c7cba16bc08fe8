//! What the register stores of a resource beyond its input shape: [`InterneTaakRecord`], the
//! interne taak with what the register stamps. Every other collection stores its input shape
//! of API 0.9.0 as it is.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::{Datumtijd, InterneTaakInput};

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
