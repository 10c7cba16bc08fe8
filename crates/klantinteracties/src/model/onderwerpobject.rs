//! Onderwerpobject: what a klantcontact was about (a zaak, or an earlier klantcontact, C9708).

use super::nullable::Nullable;
use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{KlantcontactId, OnderwerpobjectId, Onderwerpobjectidentificator, Verwijzing};

/// An onderwerpobject as the API returns it (`Onderwerpobject`,
/// `OnderwerpobjectKlantcontactReadOnly`), and the body of a create or update request
/// ([`OnderwerpobjectInput`]).
#[tweeling(
    OnderwerpobjectInput,
    doc = "An onderwerpobject in a create or update request.",
    derive(Default)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Onderwerpobject {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: OnderwerpobjectId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The klantcontact that was about this object.
    #[veld(null, verwijzing)]
    pub klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// The klantcontact that is the object (onderwerp was klantcontact).
    #[veld(null, verwijzing)]
    pub was_klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// Identificator of the object.
    #[veld(compleet)]
    pub onderwerpobjectidentificator: Nullable<Onderwerpobjectidentificator>,
}

/// The onderwerpobject of a `maak-klantcontact` request (`OnderwerpobjectKlantcontactReadOnly`
/// as input: `klantcontact` is the one being made).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct OnderwerpobjectKlantcontactInput {
    /// The klantcontact that is the object.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub was_klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// Identificator of the object.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub onderwerpobjectidentificator: Nullable<Onderwerpobjectidentificator>,
}

/// Response of deleting an onderwerpobject (`OnderwerpobjectDeleteResponse`): the URLs of the
/// klantcontacten that are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct OnderwerpobjectDeleteResponse {
    /// URLs of the resources that were kept.
    pub behouden: Vec<String>,
}
