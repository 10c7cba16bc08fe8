//! Digitaal adres: an e-mail address, telephone number or other digital address that a
//! partij or betrokkene provided for contact.

use super::nullable::Nullable;
use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Betrokkene, BetrokkeneId, Datum, DigitaalAdresId, Emailadres, OfLeeg, PartijId, Referentie,
    SoortDigitaalAdres, Telefoonnummer, Verwijzing, WaardeFout,
};

/// A digitaal adres as the API returns it (`DigitaalAdres`, `ExpandDigitaalAdres`), and the
/// body of a create or update request ([`DigitaalAdresInput`]).
#[tweeling(
    DigitaalAdresInput,
    doc = "A digitaal adres in a create or update request (F1995)."
)]
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DigitaalAdres {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: DigitaalAdresId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The betrokkene bij klantcontact that provided it (for follow-up of that contact).
    #[veld(null, verwijzing)]
    pub verstrekt_door_betrokkene: Nullable<Verwijzing<BetrokkeneId>>,
    /// The partij that provided it (for future contact).
    #[veld(null, verwijzing)]
    pub verstrekt_door_partij: Nullable<Verwijzing<PartijId>>,
    /// The address (max 80); its format depends on `soortDigitaalAdres`, see
    /// [`DigitaalAdres::getypt_adres`].
    #[veld(verhuld)]
    pub adres: String,
    /// Soort digitaal adres.
    pub soort_digitaal_adres: SoortDigitaalAdres,
    /// Whether this is the partij's default address of its soort.
    #[veld(standaard)]
    pub is_standaard_adres: Option<bool>,
    /// Omschrijving (max 40).
    #[veld(standaard, verhuld)]
    pub omschrijving: Option<String>,
    /// Referentie (slug, max 50), unique per partij and soort when filled.
    #[veld(standaard)]
    pub referentie: Option<OfLeeg<Referentie>>,
    /// Date the address was last verified.
    #[veld(null)]
    pub verificatie_datum: Nullable<Datum>,
    /// Linked resources requested with the `expand` query parameter.
    #[veld(antwoord)]
    #[serde(rename = "_expand", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DigitaalAdresExpand")]
    pub expand: Option<DigitaalAdresExpand>,
}

/// `_expand` of a digitaal adres (`ExpandDigitaalAdres`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DigitaalAdresExpand {
    /// The betrokkene that provided the address.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub verstrekt_door_betrokkene: Nullable<Box<Betrokkene>>,
}

/// The typed value of a digitaal adres, by its soort. Serializes as
/// `{"soortDigitaalAdres": ..., "adres": ...}`.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(
    tag = "soortDigitaalAdres",
    content = "adres",
    rename_all = "snake_case"
)]
pub enum GetyptAdres {
    /// Soort `email`.
    Email(Emailadres),
    /// Soort `telefoonnummer`.
    Telefoonnummer(Telefoonnummer),
    /// Soort `overig`: free text.
    Overig(String),
}

/// The address is not shown (`Overig(<redacted>)`; the typed ones redact themselves).
impl std::fmt::Debug for GetyptAdres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Email(a) => f.debug_tuple("Email").field(a).finish(),
            Self::Telefoonnummer(t) => f.debug_tuple("Telefoonnummer").field(t).finish(),
            Self::Overig(o) => f
                .debug_tuple("Overig")
                .field(&super::verhuld::Verhuld(o))
                .finish(),
        }
    }
}

fn getypt(soort: SoortDigitaalAdres, adres: &str) -> Result<GetyptAdres, WaardeFout> {
    Ok(match soort {
        SoortDigitaalAdres::Email => GetyptAdres::Email(Emailadres::parse(adres)?),
        SoortDigitaalAdres::Telefoonnummer => {
            GetyptAdres::Telefoonnummer(Telefoonnummer::parse(adres)?)
        }
        SoortDigitaalAdres::Overig => GetyptAdres::Overig(adres.to_owned()),
    })
}

impl DigitaalAdres {
    /// Parses `adres` as the kind of address `soortDigitaalAdres` names.
    pub fn getypt_adres(&self) -> Result<GetyptAdres, WaardeFout> {
        getypt(self.soort_digitaal_adres, &self.adres)
    }
}

impl DigitaalAdresInput {
    /// Parses `adres` as the kind of address `soortDigitaalAdres` names.
    pub fn getypt_adres(&self) -> Result<GetyptAdres, WaardeFout> {
        getypt(self.soort_digitaal_adres, &self.adres)
    }
}
