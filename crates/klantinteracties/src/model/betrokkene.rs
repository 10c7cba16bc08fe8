//! Betrokkene bij klantcontact: a person or organisation involved in a klantcontact, possibly
//! a known partij.

use super::nullable::Nullable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Adres, BetrokkeneId, Contactnaam, DigitaalAdres, DigitaalAdresId, Klantcontact, KlantcontactId,
    Klantcontactrol, Partij, PartijId, Verwijzing,
};

/// A betrokkene as the API returns it (`Betrokkene`, `ExpandBetrokkene`,
/// `BetrokkeneKlantcontactReadOnly`). Several betrokkenen may be registered for one
/// klantcontact (B7682).
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Betrokkene {
    /// Unique (technical) identification.
    pub uuid: BetrokkeneId,
    /// Absolute URL of this resource.
    pub url: String,
    /// The partij the betrokkene was (linked only explicitly, F3246).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<Verwijzing<PartijId>>")]
    pub was_partij: Option<Option<Verwijzing<PartijId>>>,
    /// The klantcontact.
    pub had_klantcontact: Verwijzing<KlantcontactId>,
    /// Digitale adressen the betrokkene provided (read-only).
    pub digitale_adressen: Vec<Verwijzing<DigitaalAdresId>>,
    /// Bezoekadres.
    #[serde(default, with = "super::leeg::compleet")]
    #[schemars(with = "Option<Adres>")]
    pub bezoekadres: Option<Option<Adres>>,
    /// Correspondentieadres.
    #[serde(default, with = "super::leeg::compleet")]
    #[schemars(with = "Option<Adres>")]
    pub correspondentieadres: Option<Option<Adres>>,
    /// Contactnaam.
    #[serde(default, with = "super::leeg::compleet")]
    #[schemars(with = "Option<Contactnaam>")]
    pub contactnaam: Option<Option<Contactnaam>>,
    /// Volledige naam, derived from the contactnaam (read-only).
    pub volledige_naam: String,
    /// Rol: klant or vertegenwoordiger.
    pub rol: Klantcontactrol,
    /// Organisatienaam (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub organisatienaam: Option<String>,
    /// Whether the betrokkene initiated the contact.
    pub initiator: bool,
    /// Linked resources requested with the `expand` query parameter.
    #[serde(rename = "_expand", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "BetrokkeneExpand")]
    pub expand: Option<BetrokkeneExpand>,
}

super::verhuld::verhulde_debug!(Betrokkene {
    uuid,
    url,
    was_partij,
    had_klantcontact,
    digitale_adressen,
    bezoekadres,
    correspondentieadres,
    contactnaam,
    volledige_naam: verhuld,
    rol,
    organisatienaam: verhuld,
    initiator,
    expand
});

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

/// The writable fields of a betrokkene other than `hadKlantcontact`; on its own this is the
/// betrokkene of a `maak-klantcontact` request (`BetrokkeneKlantcontactReadOnly` as input).
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BetrokkeneGegevens {
    /// The partij the betrokkene was.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub was_partij: Nullable<Verwijzing<PartijId>>,
    /// Bezoekadres.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub bezoekadres: Nullable<Adres>,
    /// Correspondentieadres.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub correspondentieadres: Nullable<Adres>,
    /// Contactnaam.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub contactnaam: Nullable<Contactnaam>,
    /// Rol: klant or vertegenwoordiger.
    pub rol: Klantcontactrol,
    /// Organisatienaam (max 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub organisatienaam: Option<String>,
    /// Whether the betrokkene initiated the contact.
    pub initiator: bool,
}

super::verhuld::verhulde_debug!(BetrokkeneGegevens {
    was_partij,
    bezoekadres,
    correspondentieadres,
    contactnaam,
    rol,
    organisatienaam: verhuld,
    initiator
});
