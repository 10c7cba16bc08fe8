//! Categorie: a category partijen can be placed in (EXPERIMENTAL in API 0.9.0).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CategorieId;

/// A categorie as the API returns it (`Categorie`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Categorie {
    /// Unique (technical) identification.
    pub uuid: CategorieId,
    /// Absolute URL of this resource.
    pub url: String,
    /// Naam (max 80).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub naam: Option<String>,
}

super::verhuld::verhulde_debug!(Categorie {
    uuid,
    url,
    naam: verhuld
});

/// A categorie in a create or update request.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategorieInput {
    /// Naam (max 80).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub naam: Option<String>,
}

super::verhuld::verhulde_debug!(CategorieInput { naam: verhuld });
