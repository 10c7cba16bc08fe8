//! The resources of API 0.9.0, named by their collection, with the shape and model types of
//! each: one row per resource (the register's table of collections is the other).

use std::fmt;
use std::str::FromStr;

use crate::model;
use crate::rules::shape::Shape;
use crate::rules::shapes;
use crate::schema::schema_of;

/// Generates [`Resource`] and what it knows of each resource from one row per resource: the
/// variant, the collection name, the shape its documents are checked against, and the model
/// types of its create body and response (for the JSON Schemas).
macro_rules! resources {
    ($( $variant:ident $name:literal $($shape:ident)::+, $input:ident => $output:ident; )+) => {
        /// A resource of the Klantinteracties API 0.9.0, named after its collection path.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Resource {
            $(
                #[doc = concat!("`/", $name, "`")]
                $variant,
            )+
        }

        impl Resource {
            /// Every resource, in the order of the command line help.
            pub const ALL: &'static [Resource] = &[$( Resource::$variant, )+];

            /// The collection name: `partijen`, `partij-identificatoren`, ….
            pub fn collection(self) -> &'static str {
                match self {
                    $( Resource::$variant => $name, )+
                }
            }

            /// The shape its documents are checked against.
            pub fn shape(self) -> &'static Shape {
                match self {
                    $( Resource::$variant => &shapes::$($shape)::+, )+
                }
            }

            /// The JSON Schema of its create body, or of its response when `response`.
            pub(crate) fn json_schema(self, response: bool) -> serde_json::Value {
                match (self, response) {
                    $(
                        (Resource::$variant, false) => schema_of::<model::$input>(self, false),
                        (Resource::$variant, true) => schema_of::<model::$output>(self, true),
                    )+
                }
            }
        }
    };
}

resources! {
    Partijen "partijen" partij::PARTIJ, PartijInput => Partij;
    PartijIdentificatoren "partij-identificatoren" partij_identificator::PARTIJ_IDENTIFICATOR, PartijIdentificatorInput => PartijIdentificator;
    DigitaleAdressen "digitaleadressen" digitaal_adres::DIGITAAL_ADRES, DigitaalAdresInput => DigitaalAdres;
    Rekeningnummers "rekeningnummers" rekeningnummer::REKENINGNUMMER, RekeningnummerInput => Rekeningnummer;
    Vertegenwoordigingen "vertegenwoordigingen" vertegenwoordigden::VERTEGENWOORDIGDEN, VertegenwoordigdenInput => Vertegenwoordigden;
    Categorieen "categorieen" categorie::CATEGORIE, CategorieInput => Categorie;
    CategorieRelaties "categorie-relaties" categorie_relatie::CATEGORIE_RELATIE, CategorieRelatieInput => CategorieRelatie;
    Klantcontacten "klantcontacten" klantcontact::KLANTCONTACT, KlantcontactInput => Klantcontact;
    Betrokkenen "betrokkenen" betrokkene::BETROKKENE, BetrokkeneInput => Betrokkene;
    Actorklantcontacten "actorklantcontacten" actor_klantcontact::ACTOR_KLANTCONTACT, ActorKlantcontactInput => ActorKlantcontact;
    Onderwerpobjecten "onderwerpobjecten" onderwerpobject::ONDERWERPOBJECT, OnderwerpobjectInput => Onderwerpobject;
    Bijlagen "bijlagen" bijlage::BIJLAGE, BijlageInput => Bijlage;
    Actoren "actoren" actor::ACTOR, ActorInput => Actor;
    Internetaken "internetaken" interne_taak::INTERNE_TAAK, InterneTaakInput => InterneTaak;
    MaakKlantcontact "maak-klantcontact" maak_klantcontact::MAAK_KLANTCONTACT, MaakKlantcontactInput => MaakKlantcontact;
}

impl Resource {
    /// The resource of a collection name.
    pub fn from_collection(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.collection() == name)
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
