//! What the register stores per resource (the writable fields, the input shape of API 0.9.0,
//! plus what the register stamps), and [`AnyRecord`], one stored object of any resource, as
//! the audit log, journal and snapshots carry it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::{
    ActorInput, ActorKlantcontactInput, BetrokkeneInput, BijlageInput, CategorieInput,
    CategorieRelatieInput, Datumtijd, DigitaalAdresInput, InterneTaakInput, KlantcontactInput,
    OnderwerpobjectInput, PartijIdentificatorInput, PartijInput, RekeningnummerInput,
    VertegenwoordigdenInput,
};
use crate::Resource;

use super::index::Op;
use super::state::Indexes;
use super::table::Table;

/// What the register stores of an interne taak: the writable fields (with the actoren
/// always in `toegewezenAanActoren`) plus `toegewezenOp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterneTaakRecord {
    /// The writable fields.
    #[serde(flatten)]
    pub taak: InterneTaakInput,
    /// When the task was assigned (stamped on creation).
    pub toegewezen_op: Datumtijd,
}

impl InterneTaakRecord {
    /// The ids of the actoren, in assignment order.
    pub fn actoren(&self) -> Vec<Uuid> {
        self.taak
            .toegewezen_aan_actoren
            .iter()
            .flatten()
            .map(|a| a.uuid.0)
            .collect()
    }

    pub(crate) fn zonder_actor(&mut self, actor: Uuid) {
        if let Some(a) = self.taak.toegewezen_aan_actoren.as_mut() {
            a.retain(|v| v.uuid.0 != actor);
        }
    }
}

/// A stored record type: its resource and table.
pub(crate) trait Stored:
    Sized + Clone + Serialize + serde::de::DeserializeOwned + Send + Sync + 'static
{
    /// The resource.
    const RESOURCE: Resource;
    /// Its table.
    fn table(t: &Tables) -> &Table<Self>;
    /// As [`AnyRecord`].
    fn wrap(rec: Arc<Self>) -> AnyRecord;
}

macro_rules! records {
    ($( $variant:ident, $name:literal, $field:ident, $ty:ty, $module:ident; )+) => {
        /// One stored object of any resource.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "resource", content = "data")]
        pub enum AnyRecord {
            $(
                #[doc = concat!("A stored object of `/", $name, "`.")]
                #[serde(rename = $name)]
                $variant(Arc<$ty>),
            )+
        }

        impl AnyRecord {
            /// The resource of the object.
            pub fn resource(&self) -> Resource {
                match self {
                    $( Self::$variant(_) => Resource::$variant, )+
                }
            }

            /// The object as JSON (the stored, input-shaped fields).
            pub fn to_json(&self) -> Result<serde_json::Value, super::Error> {
                match self {
                    $( Self::$variant(r) => serde_json::to_value(&**r), )+
                }
                .map_err(|e| super::error::encoding("a stored object", &e))
            }
        }

        $(
            impl Stored for $ty {
                const RESOURCE: Resource = Resource::$variant;
                fn table(t: &Tables) -> &Table<Self> {
                    &t.$field
                }
                fn wrap(rec: Arc<Self>) -> AnyRecord {
                    AnyRecord::$variant(rec)
                }
            }
        )+

        /// The tables of every resource.
        #[derive(Debug, Default)]
        pub(crate) struct Tables {
            $( pub(crate) $field: Table<$ty>, )+
        }

        impl Tables {
            /// Sets object `id` to `rec` (its resource is the record's own) or, with `None`,
            /// removes object `id` of `resource`, and keeps the indexes in step; returns the
            /// previous object with its sequence number. A record cannot land in another
            /// resource's table: where it goes is read from the record itself.
            pub(crate) fn apply(
                &mut self,
                ix: &mut Indexes,
                resource: Resource,
                id: Uuid,
                rec: Option<AnyRecord>,
                seq: Option<u64>,
            ) -> Option<(u64, AnyRecord)> {
                let resource = rec.as_ref().map_or(resource, AnyRecord::resource);
                match resource {
                    $(
                        Resource::$variant => {
                            let new = match rec {
                                Some(AnyRecord::$variant(r)) => Some(r),
                                _ => None,
                            };
                            if let Some(old) = self.$field.get(&id) {
                                super::$module::index(ix, Op::Remove, id, &old.clone());
                            }
                            if let Some(new) = &new {
                                let at = self.$field.seq_for(&id, seq);
                                super::$module::index(ix, Op::Add(at), id, new);
                            }
                            self.$field.set(id, new, seq).map(|(s, r)| (s, AnyRecord::$variant(r)))
                        }
                    )+
                    Resource::MaakKlantcontact => None,
                }
            }

            /// Every object, per resource oldest first.
            pub(crate) fn all(&self) -> Vec<(Uuid, AnyRecord)> {
                let mut out = Vec::new();
                $(
                    out.extend(self.$field.oldest_first().map(|(id, r)| (id, AnyRecord::$variant(r.clone()))));
                )+
                out
            }

            /// Whether an object of any resource has this id.
            pub(crate) fn in_use(&self, id: &Uuid) -> bool {
                false $( || self.$field.contains(id) )+
            }

            /// Number of objects per resource.
            pub(crate) fn counts(&self) -> Vec<(Resource, usize)> {
                vec![ $( (Resource::$variant, self.$field.len()), )+ ]
            }
        }
    };
}

records! {
    Partijen, "partijen", partijen, PartijInput, partij;
    PartijIdentificatoren, "partij-identificatoren", partij_identificatoren, PartijIdentificatorInput, partij_identificator;
    DigitaleAdressen, "digitaleadressen", digitaleadressen, DigitaalAdresInput, digitaal_adres;
    Rekeningnummers, "rekeningnummers", rekeningnummers, RekeningnummerInput, rekeningnummer;
    Vertegenwoordigingen, "vertegenwoordigingen", vertegenwoordigingen, VertegenwoordigdenInput, vertegenwoordiging;
    Categorieen, "categorieen", categorieen, CategorieInput, categorie;
    CategorieRelaties, "categorie-relaties", categorie_relaties, CategorieRelatieInput, categorie_relatie;
    Klantcontacten, "klantcontacten", klantcontacten, KlantcontactInput, klantcontact;
    Betrokkenen, "betrokkenen", betrokkenen, BetrokkeneInput, betrokkene;
    Actorklantcontacten, "actorklantcontacten", actorklantcontacten, ActorKlantcontactInput, actor_klantcontact;
    Onderwerpobjecten, "onderwerpobjecten", onderwerpobjecten, OnderwerpobjectInput, onderwerpobject;
    Bijlagen, "bijlagen", bijlagen, BijlageInput, bijlage;
    Actoren, "actoren", actoren, ActorInput, actor;
    Internetaken, "internetaken", internetaken, InterneTaakRecord, interne_taak;
}
