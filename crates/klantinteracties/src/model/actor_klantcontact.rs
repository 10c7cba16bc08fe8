//! Actor-klantcontact: an actor was involved in a klantcontact.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ActorId, ActorKlantcontactId, KlantcontactId, Verwijzing};

/// An actor-klantcontact as the API returns it (`ActorKlantcontact`); the pair is unique.
/// The body of a create or update request is [`ActorKlantcontactInput`].
#[tweeling(
    ActorKlantcontactInput,
    doc = "An actor-klantcontact in a create or update request."
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActorKlantcontact {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: ActorKlantcontactId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The actor.
    #[veld(verwijzing)]
    pub actor: Verwijzing<ActorId>,
    /// The klantcontact.
    #[veld(verwijzing)]
    pub klantcontact: Verwijzing<KlantcontactId>,
}
