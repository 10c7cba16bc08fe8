//! Betrokkene bij klantcontact: a person or organisation involved in a klantcontact, possibly
//! a known partij.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Adres, BetrokkeneId, Contactnaam, DigitaalAdres, DigitaalAdresId, Klantcontact, KlantcontactId,
    Klantcontactrol, Nullable, Partij, PartijId, Verwijzing,
};

/// A betrokkene as the API returns it (`Betrokkene`, `ExpandBetrokkene`,
/// `BetrokkeneKlantcontactReadOnly`), and its writable fields other than `hadKlantcontact`
/// ([`BetrokkeneGegevens`]). Several betrokkenen may be registered for one klantcontact
/// (B7682).
#[tweeling(
    BetrokkeneGegevens,
    doc = "The writable fields of a betrokkene other than `hadKlantcontact`; on its own this is the betrokkene of a `maak-klantcontact` request (`BetrokkeneKlantcontactReadOnly` as input)."
)]
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Betrokkene {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: BetrokkeneId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// The partij the betrokkene was (linked only explicitly, F3246).
    #[veld(null, verwijzing)]
    pub was_partij: Nullable<Verwijzing<PartijId>>,
    /// The klantcontact.
    #[veld(antwoord)]
    pub had_klantcontact: Verwijzing<KlantcontactId>,
    /// Digitale adressen the betrokkene provided (read-only).
    #[veld(antwoord)]
    pub digitale_adressen: Vec<Verwijzing<DigitaalAdresId>>,
    /// Bezoekadres.
    #[veld(compleet)]
    pub bezoekadres: Nullable<Adres>,
    /// Correspondentieadres.
    #[veld(compleet)]
    pub correspondentieadres: Nullable<Adres>,
    /// Contactnaam.
    #[veld(compleet)]
    pub contactnaam: Nullable<Contactnaam>,
    /// Volledige naam, derived from the contactnaam (read-only).
    #[veld(antwoord, verhuld)]
    pub volledige_naam: String,
    /// Rol: klant or vertegenwoordiger.
    pub rol: Klantcontactrol,
    /// Organisatienaam (max 200).
    #[veld(standaard, verhuld)]
    pub organisatienaam: Option<String>,
    /// Whether the betrokkene initiated the contact.
    pub initiator: bool,
    /// Linked resources requested with the `expand` query parameter.
    #[veld(antwoord)]
    #[serde(rename = "_expand", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "BetrokkeneExpand")]
    pub expand: Option<BetrokkeneExpand>,
}

/// `_expand` of a betrokkene (`ExpandBetrokkene`): the relations asked for, in the order of the
/// betrokkene's properties. `wasPartij` and `hadKlantcontact` are reached from a
/// klantcontact (`hadBetrokkenen.wasPartij`), a partij (`betrokkenen.hadKlantcontact`) or a
/// digitaal adres (`verstrektDoorBetrokkene.hadKlantcontact`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BetrokkeneExpand {
    /// The partij the betrokkene was (`null` when it was none).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub was_partij: Nullable<Box<Partij>>,
    /// The klantcontact the betrokkene was involved in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Box<Klantcontact>")]
    pub had_klantcontact: Option<Box<Klantcontact>>,
    /// Digitale adressen the betrokkene provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<DigitaalAdres>")]
    pub digitale_adressen: Option<Vec<DigitaalAdres>>,
}

/// A betrokkene in a create or update request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BetrokkeneInput {
    /// The klantcontact.
    pub had_klantcontact: Verwijzing<KlantcontactId>,
    /// The other fields.
    #[serde(flatten)]
    pub gegevens: BetrokkeneGegevens,
}
