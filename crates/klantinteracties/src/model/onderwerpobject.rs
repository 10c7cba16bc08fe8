//! Onderwerpobject: what a klantcontact was about (a zaak, or an earlier klantcontact, C9708).

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{KlantcontactId, OnderwerpobjectId, Onderwerpobjectidentificator, Verwijzing};

/// An onderwerpobject as the API returns it (`Onderwerpobject`,
/// `OnderwerpobjectKlantcontactReadOnly`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Onderwerpobject {
    /// Unique (technical) identification.
    pub uuid: OnderwerpobjectId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The klantcontact that was about this object.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<KlantcontactId>>")]
    pub klantcontact: Option<Option<Verwijzing<KlantcontactId>>>,
    /// The klantcontact that is the object (onderwerp was klantcontact).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<KlantcontactId>>")]
    pub was_klantcontact: Option<Option<Verwijzing<KlantcontactId>>>,
    /// Identificator of the object.
    #[serde(default, with = "super::leeg::compleet")]
    #[schemars(with = "Option<Onderwerpobjectidentificator>")]
    pub onderwerpobjectidentificator: Option<Option<Onderwerpobjectidentificator>>,
}

/// An onderwerpobject in a create or update request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct OnderwerpobjectInput {
    /// The klantcontact that was about this object.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// The klantcontact that is the object.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub was_klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// Identificator of the object.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
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
