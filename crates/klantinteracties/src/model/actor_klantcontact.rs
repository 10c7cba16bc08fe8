//! Actor-klantcontact: an actor was involved in a klantcontact.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ActorId, ActorKlantcontactId, KlantcontactId, Verwijzing};

/// An actor-klantcontact as the API returns it (`ActorKlantcontact`); the pair is unique.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActorKlantcontact {
    /// Unique (technical) identification.
    pub uuid: ActorKlantcontactId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The actor.
    pub actor: Verwijzing<ActorId>,
    /// The klantcontact.
    pub klantcontact: Verwijzing<KlantcontactId>,
}

/// An actor-klantcontact in a create or update request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActorKlantcontactInput {
    /// The actor.
    pub actor: Verwijzing<ActorId>,
    /// The klantcontact.
    pub klantcontact: Verwijzing<KlantcontactId>,
}
