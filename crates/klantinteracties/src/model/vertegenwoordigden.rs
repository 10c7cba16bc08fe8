//! Vertegenwoordigden: one partij represents another.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{PartijId, VertegenwoordigdenId, Verwijzing};

/// A vertegenwoordiging as the API returns it (`Vertegenwoordigden`). The two partijen must
/// differ and the pair is unique.
/// The body of a create or update request is [`VertegenwoordigdenInput`].
#[tweeling(
    VertegenwoordigdenInput,
    doc = "A vertegenwoordiging in a create or update request."
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vertegenwoordigden {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: VertegenwoordigdenId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The partij that represents.
    #[veld(verwijzing)]
    pub vertegenwoordigende_partij: Verwijzing<PartijId>,
    /// The partij that is represented.
    #[veld(verwijzing)]
    pub vertegenwoordigde_partij: Verwijzing<PartijId>,
}
