//! The address group (gegevensgroep) `bezoekadres` / `correspondentieadres`.

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{BagId, Landcode, OfLeeg, Postcode};

/// Adres: the bezoekadres or correspondentieadres of a partij or betrokkene (the spec's
/// `Bezoekadres`, `PartijBezoekadres`, `PartijCorrespondentieadres` and
/// `BetrokkeneCorrespondentieadres`, which are identical).
///
/// Every field is optional; Open Klant renders an unfilled text field as `""`. A Dutch address
/// is identified by its BAG nummeraanduiding-id, a foreign one or one without BAG entry by
/// `adresregel1..3` and `land` (B8841).
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Adres {
    /// Identificatie van de nummeraanduiding in de BAG (16 digits).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<BagId>")]
    pub nummeraanduiding_id: Option<OfLeeg<BagId>>,
    /// Straatnaam (max 255).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub straatnaam: Option<String>,
    /// Huisnummer, 1..=99999 (nullable).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<u32>")]
    pub huisnummer: Nullable<u32>,
    /// Huisnummertoevoeging (max 20).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub huisnummertoevoeging: Option<String>,
    /// Postcode (`1234 AB`).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<Postcode>")]
    pub postcode: Option<OfLeeg<Postcode>>,
    /// Stad / woonplaats (max 255).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub stad: Option<String>,
    /// Adresregel 1, for addresses without BAG id (max 80).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub adresregel1: Option<String>,
    /// Adresregel 2 (max 80).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub adresregel2: Option<String>,
    /// Adresregel 3 (max 80).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub adresregel3: Option<String>,
    /// Land, ISO 3166-1 alpha-2 upper case (`NL`).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<Landcode>")]
    pub land: Option<OfLeeg<Landcode>>,
}

super::verhuld::verhulde_debug!(Adres {
    nummeraanduiding_id,
    straatnaam: verhuld,
    huisnummer: verhuld,
    huisnummertoevoeging: verhuld,
    postcode,
    stad: verhuld,
    adresregel1: verhuld,
    adresregel2: verhuld,
    adresregel3: verhuld,
    land
});
