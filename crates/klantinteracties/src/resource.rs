//! The resources of API 0.9.0, named by their collection, and the shape each one has.

use std::fmt;
use std::str::FromStr;

use crate::rules::shape::Shape;
use crate::rules::shapes;

/// A resource of the Klantinteracties API 0.9.0, named after its collection path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Resource {
    /// `/partijen`
    Partijen,
    /// `/partij-identificatoren`
    PartijIdentificatoren,
    /// `/digitaleadressen`
    DigitaleAdressen,
    /// `/rekeningnummers`
    Rekeningnummers,
    /// `/vertegenwoordigingen`
    Vertegenwoordigingen,
    /// `/categorieen`
    Categorieen,
    /// `/categorie-relaties`
    CategorieRelaties,
    /// `/klantcontacten`
    Klantcontacten,
    /// `/betrokkenen`
    Betrokkenen,
    /// `/actorklantcontacten`
    Actorklantcontacten,
    /// `/onderwerpobjecten`
    Onderwerpobjecten,
    /// `/bijlagen`
    Bijlagen,
    /// `/actoren`
    Actoren,
    /// `/internetaken`
    Internetaken,
    /// `/maak-klantcontact`
    MaakKlantcontact,
}

impl Resource {
    /// Every resource, in the order of the command line help.
    pub const ALL: &'static [Resource] = &[
        Resource::Partijen,
        Resource::PartijIdentificatoren,
        Resource::DigitaleAdressen,
        Resource::Rekeningnummers,
        Resource::Vertegenwoordigingen,
        Resource::Categorieen,
        Resource::CategorieRelaties,
        Resource::Klantcontacten,
        Resource::Betrokkenen,
        Resource::Actorklantcontacten,
        Resource::Onderwerpobjecten,
        Resource::Bijlagen,
        Resource::Actoren,
        Resource::Internetaken,
        Resource::MaakKlantcontact,
    ];

    /// The collection name: `partijen`, `partij-identificatoren`, ….
    pub fn collection(self) -> &'static str {
        match self {
            Resource::Partijen => "partijen",
            Resource::PartijIdentificatoren => "partij-identificatoren",
            Resource::DigitaleAdressen => "digitaleadressen",
            Resource::Rekeningnummers => "rekeningnummers",
            Resource::Vertegenwoordigingen => "vertegenwoordigingen",
            Resource::Categorieen => "categorieen",
            Resource::CategorieRelaties => "categorie-relaties",
            Resource::Klantcontacten => "klantcontacten",
            Resource::Betrokkenen => "betrokkenen",
            Resource::Actorklantcontacten => "actorklantcontacten",
            Resource::Onderwerpobjecten => "onderwerpobjecten",
            Resource::Bijlagen => "bijlagen",
            Resource::Actoren => "actoren",
            Resource::Internetaken => "internetaken",
            Resource::MaakKlantcontact => "maak-klantcontact",
        }
    }

    /// The resource of a collection name.
    pub fn from_collection(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.collection() == name)
    }

    /// The shape its documents are checked against.
    pub fn shape(self) -> &'static Shape {
        match self {
            Resource::Partijen => &shapes::partij::PARTIJ,
            Resource::PartijIdentificatoren => &shapes::partij_identificator::PARTIJ_IDENTIFICATOR,
            Resource::DigitaleAdressen => &shapes::digitaal_adres::DIGITAAL_ADRES,
            Resource::Rekeningnummers => &shapes::rekeningnummer::REKENINGNUMMER,
            Resource::Vertegenwoordigingen => &shapes::vertegenwoordigden::VERTEGENWOORDIGDEN,
            Resource::Categorieen => &shapes::categorie::CATEGORIE,
            Resource::CategorieRelaties => &shapes::categorie_relatie::CATEGORIE_RELATIE,
            Resource::Klantcontacten => &shapes::klantcontact::KLANTCONTACT,
            Resource::Betrokkenen => &shapes::betrokkene::BETROKKENE,
            Resource::Actorklantcontacten => &shapes::actor_klantcontact::ACTOR_KLANTCONTACT,
            Resource::Onderwerpobjecten => &shapes::onderwerpobject::ONDERWERPOBJECT,
            Resource::Bijlagen => &shapes::bijlage::BIJLAGE,
            Resource::Actoren => &shapes::actor::ACTOR,
            Resource::Internetaken => &shapes::interne_taak::INTERNE_TAAK,
            Resource::MaakKlantcontact => &shapes::maak_klantcontact::MAAK_KLANTCONTACT,
        }
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.collection())
    }
}

/// An unknown collection name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown resource `{0}`; expected one of: {list}", list = Resource::ALL.iter().map(|r| r.collection()).collect::<Vec<_>>().join(", "))]
pub struct UnknownResource(pub String);

impl FromStr for Resource {
    type Err = UnknownResource;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_collection(s).ok_or_else(|| UnknownResource(s.to_owned()))
    }
}

impl serde::Serialize for Resource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.collection())
    }
}

impl<'de> serde::Deserialize<'de> for Resource {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
