//! Categorie-relatie: a partij placed in a categorie for a period (EXPERIMENTAL).

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CategorieRelatieId, CategorieVerwijzing, Datum, PartijId, Verwijzing};

/// A categorie-relatie as the API returns it (`CategorieRelatie`). No date-order constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategorieRelatie {
    /// Unique (technical) identification.
    pub uuid: CategorieRelatieId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The partij (`PartijForeignkeyBase`).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<PartijId>>")]
    pub partij: Option<Option<Verwijzing<PartijId>>>,
    /// The categorie.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<CategorieVerwijzing>")]
    pub categorie: Option<Option<CategorieVerwijzing>>,
    /// Begin datum.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Datum>")]
    pub begin_datum: Option<Option<Datum>>,
    /// Eind datum.
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Datum>")]
    pub eind_datum: Option<Option<Datum>>,
}

/// A categorie-relatie in a create or update request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategorieRelatieInput {
    /// The partij.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub partij: Nullable<Verwijzing<PartijId>>,
    /// The categorie.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub categorie: Nullable<CategorieVerwijzing>,
    /// Begin datum.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub begin_datum: Nullable<Datum>,
    /// Eind datum.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub eind_datum: Nullable<Datum>,
}
