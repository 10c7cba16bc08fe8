//! Bijlage: a document that describes (part of) the content of a klantcontact.

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{BijlageId, BijlageIdentificator, KlantcontactId, Verwijzing};

/// A bijlage as the API returns it (`Bijlage`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Bijlage {
    /// Unique (technical) identification.
    pub uuid: BijlageId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The klantcontact it belongs to.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<KlantcontactId>>")]
    pub was_bijlage_van_klantcontact: Option<Option<Verwijzing<KlantcontactId>>>,
    /// Identificator of the document.
    #[serde(default, with = "super::leeg::compleet")]
    #[schemars(with = "Option<BijlageIdentificator>")]
    pub bijlageidentificator: Option<Option<BijlageIdentificator>>,
}

/// A bijlage in a create or update request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BijlageInput {
    /// The klantcontact it belongs to.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub was_bijlage_van_klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// Identificator of the document.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub bijlageidentificator: Nullable<BijlageIdentificator>,
}
