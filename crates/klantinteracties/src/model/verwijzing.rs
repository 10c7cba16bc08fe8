//! Typed identifiers and references (`{uuid, url}`) between resources.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::nullable::Nullable;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// The public identifier (`uuid`) of the resource; a typed wrapper so that one
        /// resource's id cannot be used where another's is meant.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// Wraps a UUID.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// A new random (v4) id.
            pub fn new_v4() -> Self {
                Self(Uuid::new_v4())
            }

            /// The UUID.
            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "format": "uuid" })
            }
        }
    };
}

id_type!(
    /// Id of a [`Partij`](super::Partij).
    PartijId
);
id_type!(
    /// Id of a [`PartijIdentificator`](super::PartijIdentificator).
    PartijIdentificatorId
);
id_type!(
    /// Id of a [`DigitaalAdres`](super::DigitaalAdres).
    DigitaalAdresId
);
id_type!(
    /// Id of a [`Rekeningnummer`](super::Rekeningnummer).
    RekeningnummerId
);
id_type!(
    /// Id of a [`Vertegenwoordigden`](super::Vertegenwoordigden) relation.
    VertegenwoordigdenId
);
id_type!(
    /// Id of a [`Categorie`](super::Categorie).
    CategorieId
);
id_type!(
    /// Id of a [`CategorieRelatie`](super::CategorieRelatie).
    CategorieRelatieId
);
id_type!(
    /// Id of a [`Klantcontact`](super::Klantcontact).
    KlantcontactId
);
id_type!(
    /// Id of a [`Betrokkene`](super::Betrokkene) bij klantcontact.
    BetrokkeneId
);
id_type!(
    /// Id of an [`ActorKlantcontact`](super::ActorKlantcontact).
    ActorKlantcontactId
);
id_type!(
    /// Id of an [`Onderwerpobject`](super::Onderwerpobject).
    OnderwerpobjectId
);
id_type!(
    /// Id of a [`Bijlage`](super::Bijlage).
    BijlageId
);
id_type!(
    /// Id of an [`Actor`](super::Actor).
    ActorId
);
id_type!(
    /// Id of an [`InterneTaak`](super::InterneTaak).
    InterneTaakId
);
id_type!(
    /// Id of the contactpersoon record of a partij of soort `contactpersoon`
    /// ([`Contactpersoon`](super::Contactpersoon)).
    ContactpersoonId
);

/// The typed id of a collection (`PartijId`): which resource a reference with it points into.
/// The register's table of collections implements it for each row.
pub(crate) trait IdVan: Copy + Into<Uuid> + From<Uuid> {
    /// The resource.
    const RESOURCE: crate::Resource;
}

/// The URL of object `id` of `resource` in a register at `basis`.
pub(crate) fn url(basis: &str, resource: crate::Resource, id: Uuid) -> String {
    format!("{basis}/{}/{id}", resource.collection())
}

/// A stored value with its references given their URL (stored references carry none), as a
/// response shows them.
pub(crate) trait MetUrl {
    /// The value with each reference's URL under `basis`.
    #[must_use]
    fn met_url(&self, basis: &str) -> Self;
}

impl<I: IdVan> MetUrl for Verwijzing<I> {
    fn met_url(&self, basis: &str) -> Self {
        Self {
            uuid: self.uuid,
            url: Some(url(basis, I::RESOURCE, self.uuid.into())),
        }
    }
}

impl<T: MetUrl> MetUrl for Option<T> {
    fn met_url(&self, basis: &str) -> Self {
        self.as_ref().map(|v| v.met_url(basis))
    }
}

impl<T: MetUrl> MetUrl for Vec<T> {
    fn met_url(&self, basis: &str) -> Self {
        self.iter().map(|v| v.met_url(basis)).collect()
    }
}

impl<T: MetUrl> MetUrl for super::Nullable<T> {
    fn met_url(&self, basis: &str) -> Self {
        Self(self.0.met_url(basis))
    }
}

/// A reference to another resource (the spec's `*ForeignKey` schemas): written as
/// `{"uuid": ...}`, returned as `{"uuid": ..., "url": ...}` with an absolute, read-only `url`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Verwijzing<I> {
    /// The referenced resource's id.
    pub uuid: I,
    /// The absolute URL of the referenced resource (read-only; absent in input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", extend("readOnly" = true))]
    pub url: Option<String>,
}

impl<I> Verwijzing<I> {
    /// A reference by id only, as written in input.
    pub const fn naar(uuid: I) -> Self {
        Self { uuid, url: None }
    }
}

impl<I> From<I> for Verwijzing<I> {
    fn from(uuid: I) -> Self {
        Self::naar(uuid)
    }
}

/// A reference to a [`Categorie`](super::Categorie) (`CategorieForeignKey`), with its read-only
/// `naam`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CategorieVerwijzing {
    /// The categorie's id.
    pub uuid: CategorieId,
    /// The absolute URL (read-only; absent in input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", extend("readOnly" = true))]
    pub url: Option<String>,
    /// The categorie's naam (read-only; absent in input, always given in a response).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", extend("readOnly" = true))]
    pub naam: Option<String>,
}

super::verhuld::verhulde_debug!(CategorieVerwijzing {
    uuid,
    url,
    naam: verhuld
});

/// A reference to a [`CategorieRelatie`](super::CategorieRelatie)
/// (`CategorieRelatieForeignKey`), as listed in `Partij.categorieRelaties`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategorieRelatieVerwijzing {
    /// The categorie-relatie's id.
    pub uuid: CategorieRelatieId,
    /// The absolute URL (read-only; absent in input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", extend("readOnly" = true))]
    pub url: Option<String>,
    /// The naam of the related categorie (read-only, nullable; absent in input).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<String>", extend("readOnly" = true))]
    pub categorie_naam: Nullable<String>,
    /// Begin datum of the relation (nullable).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<crate::model::Datum>")]
    pub begin_datum: Nullable<crate::model::Datum>,
    /// Eind datum of the relation (nullable).
    #[serde(default, with = "super::leeg::null")]
    #[schemars(with = "Option<crate::model::Datum>")]
    pub eind_datum: Nullable<crate::model::Datum>,
}

super::verhuld::verhulde_debug!(CategorieRelatieVerwijzing {
    uuid,
    url,
    categorie_naam: verhuld,
    begin_datum,
    eind_datum
});
