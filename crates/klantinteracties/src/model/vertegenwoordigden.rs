//! Vertegenwoordigden: one partij represents another.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{PartijId, VertegenwoordigdenId, Verwijzing};

/// A vertegenwoordiging as the API returns it (`Vertegenwoordigden`). The two partijen must
/// differ and the pair is unique.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vertegenwoordigden {
    /// Unique (technical) identification.
    pub uuid: VertegenwoordigdenId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The partij that represents.
    pub vertegenwoordigende_partij: Verwijzing<PartijId>,
    /// The partij that is represented.
    pub vertegenwoordigde_partij: Verwijzing<PartijId>,
}

/// A vertegenwoordiging in a create or update request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VertegenwoordigdenInput {
    /// The partij that represents.
    pub vertegenwoordigende_partij: Verwijzing<PartijId>,
    /// The partij that is represented.
    pub vertegenwoordigde_partij: Verwijzing<PartijId>,
}
