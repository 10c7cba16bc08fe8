//! Partij-identificator: a number that identifies a partij in a basisregistratie.

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{PartijId, PartijIdentificatorGroep, PartijIdentificatorId, Verwijzing};

/// A partij-identificator as the API returns it (`PartijIdentificator`).
///
/// Unique over (objecttype, soort, objectId, register) unless it is a sub-identificator (a
/// vestigingsnummer under a kvk_nummer); at most one per soort per partij.
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartijIdentificator {
    /// Unique (technical) identification (writable; not required by the spec).
    #[serde(default)]
    #[schemars(with = "PartijIdentificatorId")]
    pub uuid: Option<PartijIdentificatorId>,
    /// Absolute URL of this resource.
    pub url: String,
    /// The partij identified.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<PartijId>>")]
    pub identificeerde_partij: Option<Option<Verwijzing<PartijId>>>,
    /// DEPRECATED: another identificator of the partij (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub andere_partij_identificator: Option<String>,
    /// The identificator itself.
    pub partij_identificator: PartijIdentificatorGroep,
    /// The identificator this one is scoped under (a kvk_nummer for a vestigingsnummer).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<PartijIdentificatorId>>")]
    pub sub_identificator_van: Option<Option<Verwijzing<PartijIdentificatorId>>>,
}

super::verhuld::verhulde_debug!(PartijIdentificator {
    uuid,
    url,
    identificeerde_partij,
    andere_partij_identificator: verhuld,
    partij_identificator,
    sub_identificator_van
});

/// A partij-identificator in a create or update request.
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartijIdentificatorInput {
    /// Id: when given inside a partij's `partijIdentificatoren`, the existing identificator
    /// with this id is updated and linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "PartijIdentificatorId")]
    pub uuid: Option<PartijIdentificatorId>,
    /// The partij identified.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub identificeerde_partij: Nullable<Verwijzing<PartijId>>,
    /// DEPRECATED: another identificator of the partij (max 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub andere_partij_identificator: Option<String>,
    /// The identificator itself.
    pub partij_identificator: PartijIdentificatorGroep,
    /// The identificator this one is scoped under.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub sub_identificator_van: Nullable<Verwijzing<PartijIdentificatorId>>,
}

super::verhuld::verhulde_debug!(PartijIdentificatorInput {
    uuid,
    identificeerde_partij,
    andere_partij_identificator: verhuld,
    partij_identificator,
    sub_identificator_van
});
