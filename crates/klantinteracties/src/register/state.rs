//! The register's state: the tables and their indexes, changed only through
//! [`State::apply`], so that writes, rollbacks, replay and recovery keep the indexes in step.

use uuid::Uuid;

pub(crate) use super::collecties::{AnyRecord, Tables};
use super::index::MultiIndex;
use crate::Resource;

/// Every secondary index. Each resource module adds and removes its own keys
/// (`register::<resource>::index`).
#[derive(Debug, Default)]
pub(crate) struct Indexes {
    /// partij → its partij-identificatoren.
    pub(crate) pi_partij: MultiIndex<Uuid>,
    /// `partijIdentificator.objectId` → partij-identificatoren.
    pub(crate) pi_object_id: MultiIndex<String>,
    /// partij-identificator → its sub-identificatoren.
    pub(crate) pi_sub: MultiIndex<Uuid>,
    /// partij `nummer` → partijen.
    pub(crate) partij_nummer: MultiIndex<String>,
    /// organisatie → contactpersonen (partijen) that work for it.
    pub(crate) contactpersoon_org: MultiIndex<Uuid>,
    /// digitaal adres → partijen that prefer it.
    pub(crate) voorkeur_da: MultiIndex<Uuid>,
    /// rekeningnummer → partijen that prefer it.
    pub(crate) voorkeur_rn: MultiIndex<Uuid>,
    /// partij → digitale adressen.
    pub(crate) da_partij: MultiIndex<Uuid>,
    /// betrokkene → digitale adressen.
    pub(crate) da_betrokkene: MultiIndex<Uuid>,
    /// `adres` → digitale adressen.
    pub(crate) da_adres: MultiIndex<String>,
    /// partij → rekeningnummers.
    pub(crate) rn_partij: MultiIndex<Uuid>,
    /// vertegenwoordigende partij → vertegenwoordigingen.
    pub(crate) vt_vertegenwoordigende: MultiIndex<Uuid>,
    /// vertegenwoordigde partij → vertegenwoordigingen.
    pub(crate) vt_vertegenwoordigde: MultiIndex<Uuid>,
    /// partij → categorie-relaties.
    pub(crate) cr_partij: MultiIndex<Uuid>,
    /// categorie → categorie-relaties.
    pub(crate) cr_categorie: MultiIndex<Uuid>,
    /// klantcontact `nummer` → klantcontacten.
    pub(crate) kc_nummer: MultiIndex<String>,
    /// klantcontact `referentienummer` → klantcontacten.
    pub(crate) kc_referentienummer: MultiIndex<String>,
    /// klantcontact → betrokkenen.
    pub(crate) bk_klantcontact: MultiIndex<Uuid>,
    /// partij → betrokkenen.
    pub(crate) bk_partij: MultiIndex<Uuid>,
    /// actor → actor-klantcontacten.
    pub(crate) ak_actor: MultiIndex<Uuid>,
    /// klantcontact → actor-klantcontacten.
    pub(crate) ak_klantcontact: MultiIndex<Uuid>,
    /// actor → interne taken assigned to it.
    pub(crate) it_actor: MultiIndex<Uuid>,
    /// klantcontact → interne taken it gave rise to.
    pub(crate) it_klantcontact: MultiIndex<Uuid>,
    /// interne taak `nummer` → taken.
    pub(crate) it_nummer: MultiIndex<String>,
    /// interne taak `referentienummer` → taken.
    pub(crate) it_referentienummer: MultiIndex<String>,
    /// klantcontact → onderwerpobjecten about it (`klantcontact`).
    pub(crate) oo_klantcontact: MultiIndex<Uuid>,
    /// klantcontact → onderwerpobjecten that were it (`wasKlantcontact`).
    pub(crate) oo_was_klantcontact: MultiIndex<Uuid>,
    /// klantcontact → bijlagen.
    pub(crate) bl_klantcontact: MultiIndex<Uuid>,
}

/// Tables plus indexes.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub(crate) t: Tables,
    pub(crate) ix: Indexes,
}

impl State {
    /// See [`Tables::apply`].
    pub(crate) fn apply(
        &mut self,
        resource: Resource,
        id: Uuid,
        rec: Option<AnyRecord>,
        seq: Option<u64>,
    ) -> Option<(u64, AnyRecord)> {
        self.t.apply(&mut self.ix, resource, id, rec, seq)
    }
}
