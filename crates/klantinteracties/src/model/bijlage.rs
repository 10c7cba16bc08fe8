//! Bijlage: a document that describes (part of) the content of a klantcontact.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{BijlageId, BijlageIdentificator, KlantcontactId, Nullable, Verwijzing};

/// A bijlage as the API returns it (`Bijlage`), and the body of a create or update request
/// ([`BijlageInput`]).
#[tweeling(
    BijlageInput,
    doc = "A bijlage in a create or update request.",
    derive(Default)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Bijlage {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: BijlageId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The klantcontact it belongs to.
    #[veld(null, verwijzing)]
    pub was_bijlage_van_klantcontact: Nullable<Verwijzing<KlantcontactId>>,
    /// Identificator of the document.
    #[veld(compleet)]
    pub bijlageidentificator: Nullable<BijlageIdentificator>,
}
