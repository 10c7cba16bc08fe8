//! Actor: who or what acted on behalf of the municipality in a klantcontact or interne taak.
//! Polymorphic by `soortActor`: medewerker, geautomatiseerde actor, organisatorische eenheid.

use klantinteracties_macros::tweeling;
use schemars::JsonSchema;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::{
    ActorId, Actoridentificator, Emailadres, Nullable, OfLeeg, SoortActor, Telefoonnummer,
};

/// An actor as the API returns it (`Actor`: oneOf `medewerker_ActorSerializer`,
/// `geautomatiseerde_actor_ActorSerializer`, `organisatorische_eenheid_ActorSerializer`,
/// discriminated by `soortActor`).
///
/// Serializes in the API's property order, with every property: `soortActor` after `naam`,
/// `actorIdentificatie` last (`null` when the actor has none).
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(tag = "soortActor")]
pub enum Actor {
    /// Soort actor `medewerker`.
    #[serde(rename = "medewerker")]
    Medewerker(ActorVan<Medewerker>),
    /// Soort actor `geautomatiseerde_actor`.
    #[serde(rename = "geautomatiseerde_actor")]
    GeautomatiseerdeActor(ActorVan<GeautomatiseerdeActor>),
    /// Soort actor `organisatorische_eenheid`.
    #[serde(rename = "organisatorische_eenheid")]
    OrganisatorischeEenheid(ActorVan<OrganisatorischeEenheid>),
}

/// The fields of an actor response with its soort-specific `actorIdentificatie` (the VNG
/// documents' `actortype`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
#[serde(rename_all = "camelCase")]
pub struct ActorVan<I> {
    /// The fields every soort has.
    #[serde(flatten)]
    pub basis: ActorBasis,
    /// Actor-identificatie: the soort-specific data.
    #[serde(default)]
    #[schemars(with = "Option<I>")]
    pub actor_identificatie: Option<I>,
}

/// The common fields of an actor response (`Base_ActorSerializer`), and of a create or update
/// request ([`ActorInputBasis`]).
#[tweeling(ActorInputBasis, doc = "The common fields of an actor input.")]
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActorBasis {
    /// Unique (technical) identification.
    #[veld(antwoord)]
    pub uuid: ActorId,
    /// Absolute URL of this resource.
    #[veld(antwoord)]
    pub url: String,
    /// Naam (max 200).
    #[veld(verhuld)]
    pub naam: String,
    /// Indicatie actief (default true).
    #[veld(waar)]
    pub indicatie_actief: Option<bool>,
    /// Identificator of the actor in another register.
    #[veld(compleet)]
    pub actoridentificator: Nullable<Actoridentificator>,
}

/// Actor-identificatie of soort `medewerker` (`Medewerker`).
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Medewerker {
    /// Functie (max 40).
    pub functie: String,
    /// E-mailadres (max 254).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<Emailadres>")]
    pub emailadres: Option<OfLeeg<Emailadres>>,
    /// Telefoonnummer (required).
    pub telefoonnummer: Telefoonnummer,
}

super::verhuld::verhulde_debug!(Medewerker {
    functie: verhuld,
    emailadres,
    telefoonnummer
});

/// Actor-identificatie of soort `geautomatiseerde_actor` (`GeautomatiseerdeActor`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GeautomatiseerdeActor {
    /// Functie (max 40).
    pub functie: String,
    /// Omschrijving (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub omschrijving: Option<String>,
}

super::verhuld::verhulde_debug!(GeautomatiseerdeActor {
    functie: verhuld,
    omschrijving: verhuld
});

/// Actor-identificatie of soort `organisatorische_eenheid` (`OrganisatorischeEenheid`).
#[derive(Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganisatorischeEenheid {
    /// Omschrijving (max 200).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub omschrijving: Option<String>,
    /// E-mailadres (max 254).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<Emailadres>")]
    pub emailadres: Option<OfLeeg<Emailadres>>,
    /// Faxnummer (max 20, not validated).
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "String")]
    pub faxnummer: Option<String>,
    /// Telefoonnummer.
    #[serde(default, with = "super::leeg::standaard")]
    #[schemars(with = "OfLeeg<Telefoonnummer>")]
    pub telefoonnummer: Option<OfLeeg<Telefoonnummer>>,
}

super::verhuld::verhulde_debug!(OrganisatorischeEenheid {
    omschrijving: verhuld,
    emailadres,
    faxnummer: verhuld,
    telefoonnummer
});

impl Serialize for Actor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Medewerker(a) => {
                a.basis
                    .weergave(s, SoortActor::Medewerker, a.actor_identificatie.as_ref())
            }
            Self::GeautomatiseerdeActor(a) => a.basis.weergave(
                s,
                SoortActor::GeautomatiseerdeActor,
                a.actor_identificatie.as_ref(),
            ),
            Self::OrganisatorischeEenheid(a) => a.basis.weergave(
                s,
                SoortActor::OrganisatorischeEenheid,
                a.actor_identificatie.as_ref(),
            ),
        }
    }
}

impl ActorBasis {
    /// The actor with its soort and identificatie, as [`Actor`] serializes.
    fn weergave<S: Serializer, I: Serialize>(
        &self,
        s: S,
        soort: SoortActor,
        identificatie: Option<&I>,
    ) -> Result<S::Ok, S::Error> {
        let leeg = Actoridentificator::default();
        let mut m = s.serialize_struct("Actor", 7)?;
        m.serialize_field("uuid", &self.uuid)?;
        m.serialize_field("url", &self.url)?;
        m.serialize_field("naam", &self.naam)?;
        m.serialize_field("soortActor", &soort)?;
        m.serialize_field("indicatieActief", &self.indicatie_actief.unwrap_or(true))?;
        m.serialize_field(
            "actoridentificator",
            super::leeg::waarde(&self.actoridentificator).unwrap_or(&leeg),
        )?;
        m.serialize_field("actorIdentificatie", &identificatie)?;
        m.end()
    }
}

impl Actor {
    /// The actor's id.
    pub fn uuid(&self) -> ActorId {
        self.basis().uuid
    }
}

/// An actor in a create or update request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "soortActor")]
pub enum ActorInput {
    /// Soort actor `medewerker`.
    #[serde(rename = "medewerker")]
    Medewerker(ActorInputVan<Medewerker>),
    /// Soort actor `geautomatiseerde_actor`.
    #[serde(rename = "geautomatiseerde_actor")]
    GeautomatiseerdeActor(ActorInputVan<GeautomatiseerdeActor>),
    /// Soort actor `organisatorische_eenheid`.
    #[serde(rename = "organisatorische_eenheid")]
    OrganisatorischeEenheid(ActorInputVan<OrganisatorischeEenheid>),
}

/// The fields of an actor input with its soort-specific `actorIdentificatie`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
#[serde(rename_all = "camelCase")]
pub struct ActorInputVan<I> {
    /// The fields every soort has.
    #[serde(flatten)]
    pub basis: ActorInputBasis,
    /// Actor-identificatie: the soort-specific data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "I")]
    pub actor_identificatie: Option<I>,
}

per_soort!(Actor: SoortActor, ActorBasis { Medewerker, GeautomatiseerdeActor, OrganisatorischeEenheid });
per_soort!(ActorInput: SoortActor, ActorInputBasis { Medewerker, GeautomatiseerdeActor, OrganisatorischeEenheid });
