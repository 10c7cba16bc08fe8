//! Categorie: a category partijen can be placed in (EXPERIMENTAL in API 0.9.0).

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CategorieId;

/// A categorie as the API returns it (`Categorie`), and the body of a create or update
/// request ([`CategorieInput`]).
#[tweeling(
    CategorieInput,
    doc = "A categorie in a create or update request.",
    derive(Default)
)]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Categorie {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: CategorieId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// Naam (max 80).
    #[veld(standaard, verhuld)]
    pub naam: Option<String>,
}
