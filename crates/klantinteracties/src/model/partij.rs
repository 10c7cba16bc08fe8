//! Partij: a person or organisation the municipality has, had or will have contact with
//! (F7554 registreer partij). Polymorphic by `soortPartij`: persoon, organisatie, contactpersoon.

use super::nullable::Nullable;
use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::leeg::{lijst, tekst, waarde};

use super::{
    Adres, Betrokkene, BetrokkeneId, CategorieRelatie, CategorieRelatieVerwijzing, Contactnaam,
    ContactpersoonId, DigitaalAdres, DigitaalAdresId, PartijId, PartijIdentificator,
    PartijIdentificatorInput, RekeningnummerId, SoortPartij, Taalcode, Verwijzing,
};

/// A partij as the API returns it (`Partij`: oneOf `persoon_PartijSerializer`,
/// `organisatie_PartijSerializer`, `contactpersoon_PartijSerializer`, discriminated by
/// `soortPartij`).
///
/// B1304: the SIM object types Partij, Persoon, Contactpersoon and Organisatie are merged into
/// the one resource Partij; the subtype is the `partijIdentificatie`.
///
/// Serializes in the API's property order, with every property: `soortPartij` among the
/// common fields (after `partijIdentificatoren`), then `partijIdentificatie` (`null` when the
/// partij has none), then `_expand` when relations were expanded.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(tag = "soortPartij")]
pub enum Partij {
    /// Soort partij `persoon`: a natural person.
    #[serde(rename = "persoon")]
    Persoon(PartijVan<Persoon>),
    /// Soort partij `organisatie`.
    #[serde(rename = "organisatie")]
    Organisatie(PartijVan<Organisatie>),
    /// Soort partij `contactpersoon`: a person acting for an organisation.
    #[serde(rename = "contactpersoon")]
    Contactpersoon(PartijVan<Contactpersoon>),
}

/// The fields of a partij response with its soort-specific `partijIdentificatie` (the
/// VNG documents' `partijtype`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
#[serde(rename_all = "camelCase")]
pub struct PartijVan<I> {
    /// The fields every soort has.
    #[serde(flatten)]
    pub basis: PartijBasis,
    /// Partij-identificatie: the soort-specific data.
    #[serde(default)]
    #[schemars(with = "Option<I>")]
    pub partij_identificatie: Option<I>,
}

/// The common fields of a partij response (`Base_PartijSerializer` plus `_expand`), and of a
/// create or update request ([`PartijInputBasis`]).
#[tweeling(
    PartijInputBasis,
    doc = "The common fields of a partij input (see [`PartijBasis`] for their meaning)."
)]
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartijBasis {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: PartijId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// DEPRECATED: partij-nummer (digits, max 10, unique); no longer generated.
    #[veld(null)]
    pub nummer: Nullable<String>,
    /// Interne notitie (max 1000).
    #[veld(standaard, verhuld)]
    pub interne_notitie: Option<String>,
    /// Betrokkenen bij klantcontact that were this partij (read-only).
    #[veld(antwoord)]
    pub betrokkenen: Vec<Verwijzing<BetrokkeneId>>,
    /// Categorie-relaties of this partij (read-only; EXPERIMENTAL).
    #[veld(antwoord)]
    pub categorie_relaties: Vec<CategorieRelatieVerwijzing>,
    /// Digitale adressen the partij provided for future contact.
    #[veld(compleet, afgeleid)]
    pub digitale_adressen: Nullable<Vec<Verwijzing<DigitaalAdresId>>>,
    /// Voorkeurs digitaal adres (one of the partij's digitale adressen).
    #[veld(null, verwijzing)]
    pub voorkeurs_digitaal_adres: Nullable<Verwijzing<DigitaalAdresId>>,
    /// Partijen this partij represents (read-only).
    #[veld(antwoord)]
    pub vertegenwoordigden: Vec<Verwijzing<PartijId>>,
    /// Rekeningnummers of the partij.
    #[veld(compleet, afgeleid)]
    pub rekeningnummers: Nullable<Vec<Verwijzing<RekeningnummerId>>>,
    /// Voorkeurs rekeningnummer (one of the partij's rekeningnummers).
    #[veld(null, verwijzing)]
    pub voorkeurs_rekeningnummer: Nullable<Verwijzing<RekeningnummerId>>,
    /// Partij-identificatoren (BSN, KvK-nummer, ...) of the partij; in a body they are created
    /// or (with `uuid`) updated atomically with the partij.
    #[veld(compleet, invoer = "Nullable<Vec<PartijIdentificatorInput>>")]
    pub partij_identificatoren: Nullable<Vec<PartijIdentificator>>,
    /// Indicatie geheimhouding persoonsgegevens.
    #[veld(null)]
    pub indicatie_geheimhouding: Nullable<bool>,
    /// Voorkeurstaal, ISO 639-2/B (max 3; checked per profile, see [`PartijBasis::voorkeurstaal_code`]).
    #[veld(standaard)]
    pub voorkeurstaal: Option<String>,
    /// Indicatie actief: whether the partij is (still) active.
    pub indicatie_actief: bool,
    /// Bezoekadres.
    #[veld(compleet)]
    pub bezoekadres: Nullable<Adres>,
    /// Correspondentieadres.
    #[veld(compleet)]
    pub correspondentieadres: Nullable<Adres>,
    /// Linked resources requested with the `expand` query parameter.
    #[veld(antwoord)]
    #[serde(rename = "_expand", default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "PartijExpand")]
    pub expand: Option<PartijExpand>,
}

impl Serialize for Partij {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Persoon(p) => {
                p.basis
                    .weergave(s, SoortPartij::Persoon, p.partij_identificatie.as_ref())
            }
            Self::Organisatie(p) => {
                p.basis
                    .weergave(s, SoortPartij::Organisatie, p.partij_identificatie.as_ref())
            }
            Self::Contactpersoon(p) => p.basis.weergave(
                s,
                SoortPartij::Contactpersoon,
                p.partij_identificatie.as_ref(),
            ),
        }
    }
}

impl PartijBasis {
    /// The partij with its soort and identificatie, as [`Partij`] serializes.
    fn weergave<S: Serializer, I: Serialize>(
        &self,
        s: S,
        soort: SoortPartij,
        identificatie: Option<&I>,
    ) -> Result<S::Ok, S::Error> {
        let leeg = Adres::default();
        let mut m = s.serialize_struct("Partij", 20)?;
        m.serialize_field("uuid", &self.uuid)?;
        m.serialize_field("url", &self.url)?;
        m.serialize_field("nummer", &waarde(&self.nummer))?;
        m.serialize_field("interneNotitie", tekst(&self.interne_notitie))?;
        m.serialize_field("betrokkenen", &self.betrokkenen)?;
        m.serialize_field("categorieRelaties", &self.categorie_relaties)?;
        m.serialize_field("digitaleAdressen", lijst(&self.digitale_adressen))?;
        m.serialize_field(
            "voorkeursDigitaalAdres",
            &waarde(&self.voorkeurs_digitaal_adres),
        )?;
        m.serialize_field("vertegenwoordigden", &self.vertegenwoordigden)?;
        m.serialize_field("rekeningnummers", lijst(&self.rekeningnummers))?;
        m.serialize_field(
            "voorkeursRekeningnummer",
            &waarde(&self.voorkeurs_rekeningnummer),
        )?;
        m.serialize_field("partijIdentificatoren", lijst(&self.partij_identificatoren))?;
        m.serialize_field("soortPartij", &soort)?;
        m.serialize_field(
            "indicatieGeheimhouding",
            &waarde(&self.indicatie_geheimhouding),
        )?;
        m.serialize_field("voorkeurstaal", tekst(&self.voorkeurstaal))?;
        m.serialize_field("indicatieActief", &self.indicatie_actief)?;
        m.serialize_field("bezoekadres", waarde(&self.bezoekadres).unwrap_or(&leeg))?;
        m.serialize_field(
            "correspondentieadres",
            waarde(&self.correspondentieadres).unwrap_or(&leeg),
        )?;
        m.serialize_field("partijIdentificatie", &identificatie)?;
        match &self.expand {
            Some(e) => m.serialize_field("_expand", e)?,
            None => m.skip_field("_expand")?,
        }
        m.end()
    }

    /// The voorkeurstaal as a language code, if filled and valid.
    pub fn voorkeurstaal_code(&self) -> Option<Taalcode> {
        taalcode(self.voorkeurstaal.as_deref())
    }
}

pub(crate) fn taalcode(s: Option<&str>) -> Option<Taalcode> {
    s.filter(|s| !s.is_empty())
        .and_then(|s| Taalcode::parse(s).ok())
}

/// `_expand` of a partij (`ExpandPartij`): the relations asked for, in the order of the
/// partij's properties (as Open Klant renders them).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartijExpand {
    /// Betrokkenen bij klantcontact that were this partij (each with its `hadKlantcontact`
    /// when `betrokkenen.hadKlantcontact` is asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<Betrokkene>")]
    pub betrokkenen: Option<Vec<Betrokkene>>,
    /// The partij's categorie-relaties (EXPERIMENTAL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<CategorieRelatie>")]
    pub categorie_relaties: Option<Vec<CategorieRelatie>>,
    /// The partij's digitale adressen (`[]` when it has none).
    #[serde(
        default,
        skip_serializing_if = "Nullable::is_absent",
        with = "super::leeg::compleet"
    )]
    #[schemars(with = "Option<Vec<DigitaalAdres>>")]
    pub digitale_adressen: Nullable<Vec<DigitaalAdres>>,
}

/// Partij-identificatie of soort `persoon` (`Persoon`), and in a body ([`PersoonInput`]).
#[tweeling(
    PersoonInput,
    doc = "Partij-identificatie of soort `persoon` in input.",
    derive(Default)
)]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Persoon {
    /// Contactnaam.
    #[veld(compleet)]
    pub contactnaam: Nullable<Contactnaam>,
    /// Volledige naam, derived from the contactnaam (read-only).
    #[veld(antwoord, verhuld)]
    pub volledige_naam: String,
}

/// Partij-identificatie of soort `organisatie` (`Organisatie`); input and response alike.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Organisatie {
    /// Naam of the organisation (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub naam: Option<String>,
}

super::verhuld::verhulde_debug!(Organisatie { naam: verhuld });

/// Partij-identificatie of soort `contactpersoon` (`Contactpersoon`): a person who acts for
/// an organisation; in a body [`ContactpersoonInput`].
#[tweeling(
    ContactpersoonInput,
    doc = "Partij-identificatie of soort `contactpersoon` in input.",
    derive(Default)
)]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Contactpersoon {
    /// Unique (technical) identification of the contactpersoon record (optional in a body;
    /// generated when absent).
    #[veld(optioneel)]
    pub uuid: Option<ContactpersoonId>,
    /// The organisation the contactpersoon worked for (`PartijPolymorphic`; must be of soort
    /// organisatie).
    #[veld(null, verwijzing)]
    pub werkte_voor_partij: Nullable<Verwijzing<PartijId>>,
    /// Contactnaam.
    #[veld(compleet)]
    pub contactnaam: Nullable<Contactnaam>,
    /// Volledige naam, derived from the contactnaam (read-only).
    #[veld(antwoord, verhuld)]
    pub volledige_naam: String,
}

impl Partij {
    /// The partij's id.
    pub fn uuid(&self) -> PartijId {
        self.basis().uuid
    }
}

/// A partij as written in a create or update request (F7554 registreer partij): the request
/// body of `POST/PUT /partijen` without read-only fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "soortPartij")]
pub enum PartijInput {
    /// Soort partij `persoon`.
    #[serde(rename = "persoon")]
    Persoon(PartijInputVan<PersoonInput>),
    /// Soort partij `organisatie`.
    #[serde(rename = "organisatie")]
    Organisatie(PartijInputVan<Organisatie>),
    /// Soort partij `contactpersoon`.
    #[serde(rename = "contactpersoon")]
    Contactpersoon(PartijInputVan<ContactpersoonInput>),
}

/// The fields of a partij input with its soort-specific `partijIdentificatie`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
#[serde(rename_all = "camelCase")]
pub struct PartijInputVan<I> {
    /// The fields every soort has.
    #[serde(flatten)]
    pub basis: PartijInputBasis,
    /// Partij-identificatie: the soort-specific data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "I")]
    pub partij_identificatie: Option<I>,
}

impl PartijInputBasis {
    /// The voorkeurstaal as a language code, if filled and valid.
    pub fn voorkeurstaal_code(&self) -> Option<Taalcode> {
        taalcode(self.voorkeurstaal.as_deref())
    }
}

per_soort!(Partij: SoortPartij, PartijBasis { Persoon, Organisatie, Contactpersoon });
per_soort!(PartijInput: SoortPartij, PartijInputBasis { Persoon, Organisatie, Contactpersoon });
