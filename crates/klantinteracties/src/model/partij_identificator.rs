//! Partij-identificator: a number that identifies a partij in a basisregistratie.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Nullable, PartijId, PartijIdentificatorGroep, PartijIdentificatorId, Verwijzing};

/// A partij-identificator as the API returns it (`PartijIdentificator`), and the body of a
/// create or update request ([`PartijIdentificatorInput`]).
///
/// Unique over (objecttype, soort, objectId, register) unless it is a sub-identificator (a
/// vestigingsnummer under a kvk_nummer); at most one per soort per partij.
#[tweeling(
    PartijIdentificatorInput,
    doc = "A partij-identificator in a create or update request."
)]
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartijIdentificator {
    /// Unique (technical) identification (writable; not required by the spec). In a body
    /// inside a partij's `partijIdentificatoren`, the existing identificator with this id is
    /// updated and linked.
    #[veld(optioneel, afgeleid)]
    pub uuid: Option<PartijIdentificatorId>,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The partij identified.
    #[veld(null, verwijzing)]
    pub identificeerde_partij: Nullable<Verwijzing<PartijId>>,
    /// DEPRECATED: another identificator of the partij (max 200).
    #[veld(standaard, verhuld)]
    pub andere_partij_identificator: Option<String>,
    /// The identificator itself.
    pub partij_identificator: PartijIdentificatorGroep,
    /// The identificator this one is scoped under (a kvk_nummer for a vestigingsnummer).
    #[veld(null, verwijzing)]
    pub sub_identificator_van: Nullable<Verwijzing<PartijIdentificatorId>>,
}
