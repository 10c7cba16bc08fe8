//! Rekeningnummer: a bank account of a partij.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Bic, Iban, Nullable, OfLeeg, PartijId, RekeningnummerId, Verwijzing};

/// A rekeningnummer as the API returns it (`Rekeningnummer`), and the body of a create or
/// update request ([`RekeningnummerInput`]).
#[tweeling(
    RekeningnummerInput,
    doc = "A rekeningnummer in a create or update request."
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Rekeningnummer {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: RekeningnummerId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The partij the account belongs to.
    #[veld(null, verwijzing)]
    pub partij: Nullable<Verwijzing<PartijId>>,
    /// IBAN (pattern only in Open Klant, no mod-97).
    pub iban: Iban,
    /// BIC (8..=11 characters, no spaces).
    #[veld(standaard)]
    pub bic: Option<OfLeeg<Bic>>,
}
