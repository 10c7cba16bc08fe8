//! Maak klantcontact: register a klantcontact with its betrokkene and onderwerpobject in one
//! atomic request (`POST /maak-klantcontact`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Betrokkene, BetrokkeneGegevens, Klantcontact, KlantcontactInput, Onderwerpobject,
    OnderwerpobjectKlantcontactInput,
};

/// A `maak-klantcontact` request (`MaakKlantcontact` without read-only fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MaakKlantcontactInput {
    /// The klantcontact.
    pub klantcontact: KlantcontactInput,
    /// The betrokkene bij the klantcontact (its `hadKlantcontact` is the new klantcontact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "BetrokkeneGegevens")]
    pub betrokkene: Option<BetrokkeneGegevens>,
    /// The onderwerpobject (its `klantcontact` is the new klantcontact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "OnderwerpobjectKlantcontactInput")]
    pub onderwerpobject: Option<OnderwerpobjectKlantcontactInput>,
}

/// A `maak-klantcontact` response (`MaakKlantcontact`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MaakKlantcontact {
    /// The klantcontact.
    pub klantcontact: Klantcontact,
    /// The betrokkene (`BetrokkeneKlantcontactReadOnly`), `null` when none was made.
    #[serde(default)]
    #[schemars(with = "Betrokkene")]
    pub betrokkene: Option<Betrokkene>,
    /// The onderwerpobject (`OnderwerpobjectKlantcontactReadOnly`), `null` when none was made.
    #[serde(default)]
    #[schemars(with = "Onderwerpobject")]
    pub onderwerpobject: Option<Onderwerpobject>,
}
