//! Categorie-relatie: a partij placed in a categorie for a period (EXPERIMENTAL).

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CategorieRelatieId, CategorieVerwijzing, Datum, Nullable, PartijId, Verwijzing};

/// A categorie-relatie as the API returns it (`CategorieRelatie`; no date-order constraint),
/// and the body of a create or update request ([`CategorieRelatieInput`]).
#[tweeling(
    CategorieRelatieInput,
    doc = "A categorie-relatie in a create or update request.",
    derive(Default)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategorieRelatie {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: CategorieRelatieId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The partij (`PartijForeignkeyBase`).
    #[veld(null, verwijzing)]
    pub partij: Nullable<Verwijzing<PartijId>>,
    /// The categorie.
    #[veld(null, afgeleid)]
    pub categorie: Nullable<CategorieVerwijzing>,
    /// Begin datum.
    #[veld(null)]
    pub begin_datum: Nullable<Datum>,
    /// Eind datum.
    #[veld(null)]
    pub eind_datum: Nullable<Datum>,
}
