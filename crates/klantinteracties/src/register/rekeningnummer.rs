//! Rekeningnummers (API 0.9.0; no F-code): bank accounts of a partij. Deleting one, or moving
//! it to another partij, clears the old partij's `voorkeursRekeningnummer` (Open Klant
//! SET_NULL, 2.11.0).

use serde_json::Value;
use uuid::Uuid;

use super::index::Op;
use super::lezen::Lezer;
use super::schrijven::{as_json, ref_id, Checks, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{id, Filter, Page, Zoekvraag};
use super::{partij, register_reads, register_writes, Error};
use crate::model::{PartijInput, Rekeningnummer, RekeningnummerId, RekeningnummerInput};
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &RekeningnummerInput) {
    if let Some(p) = ref_id(r.partij.as_ref()) {
        ix.rn_partij.apply(op, p, id);
    }
}

fn present(l: &Lezer<'_>, id: Uuid, r: &RekeningnummerInput) -> Rekeningnummer {
    Rekeningnummer {
        uuid: RekeningnummerId(id),
        url: l.url(Resource::Rekeningnummers, id),
        partij: r
            .partij
            .as_ref()
            .map(|p| p.as_ref().map(|p| l.opnieuw(Resource::Partijen, p))),
        iban: r.iban.clone(),
        bic: r.bic.clone(),
    }
}

/// A filter on this collection's records.
type F = Filter<RekeningnummerInput>;

pub(super) const FILTERS: &[F] = &[
    F::uuid("uuid", |_, i, _, v| i == id(v)).indexed(|_, v| vec![id(v)]),
    F::text("iban", |_, _, r, v| r.iban.as_str() == v),
    F::text("bic", |_, _, r, v| {
        r.bic
            .as_ref()
            .and_then(|b| b.waarde())
            .is_some_and(|b| b.as_str() == v)
    }),
];

impl Lezer<'_> {
    /// Vraag rekeningnummer op (`GET /rekeningnummers/{uuid}`).
    pub fn vraag_rekeningnummer_op(&self, id: RekeningnummerId) -> Result<Rekeningnummer, Error> {
        Ok(present(self, id.0, self.haal::<RekeningnummerInput>(id.0)?))
    }

    /// Zoek rekeningnummers (`GET /rekeningnummers`).
    pub fn zoek_rekeningnummer(&self, q: &Zoekvraag) -> Result<Page<Rekeningnummer>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(&self.state.t.rekeningnummers, FILTERS, q, None, |id, r| {
            present(self, id, r)
        })
    }
}

fn build(
    tx: &mut Transactie<'_>,
    id: Uuid,
    r: RekeningnummerInput,
    old: Option<&RekeningnummerInput>,
) -> Result<RekeningnummerInput, Error> {
    let mut c = Checks::default();
    let new_partij = ref_id(r.partij.as_ref());
    if let Some(p) = new_partij {
        c.reference("partij", tx.bestaat::<PartijInput>(p), "Partij");
    }
    c.invalid()?;
    if old.and_then(|o| ref_id(o.partij.as_ref())) != new_partij {
        partij::wis_voorkeur_rn(tx, id, new_partij);
    }
    Ok(r)
}

impl Transactie<'_> {
    /// Registreer rekeningnummer (`POST /rekeningnummers`).
    pub fn registreer_rekeningnummer(
        &mut self,
        body: impl IntoBody,
    ) -> Result<Rekeningnummer, Error> {
        self.call(None, "registreer_rekeningnummer", |tx| {
            let id = tx.maak(body.into_body()?, |tx, id, i| build(tx, id, i, None))?;
            tx.vraag_rekeningnummer_op(RekeningnummerId(id))
        })
    }

    /// Wijzig rekeningnummer (`PUT /rekeningnummers/{uuid}`).
    pub fn wijzig_rekeningnummer(
        &mut self,
        id: RekeningnummerId,
        body: impl IntoBody,
    ) -> Result<Rekeningnummer, Error> {
        self.call(None, "wijzig_rekeningnummer", |tx| {
            tx.vervang(id.0, body.into_body()?, as_json, |tx, id, i, old| {
                build(tx, id, i, Some(old))
            })?;
            tx.vraag_rekeningnummer_op(id)
        })
    }

    /// Wijzig rekeningnummer deels (`PATCH /rekeningnummers/{uuid}`).
    pub fn wijzig_rekeningnummer_deels(
        &mut self,
        id: RekeningnummerId,
        patch: &Value,
    ) -> Result<Rekeningnummer, Error> {
        self.call(None, "wijzig_rekeningnummer_deels", |tx| {
            tx.wijzig_deels(id.0, patch, as_json, |tx, id, i, old| {
                build(tx, id, i, Some(old))
            })?;
            tx.vraag_rekeningnummer_op(id)
        })
    }

    /// Verwijder rekeningnummer (`DELETE /rekeningnummers/{uuid}`); a partij that preferred
    /// it loses its `voorkeursRekeningnummer`.
    pub fn verwijder_rekeningnummer(&mut self, id: RekeningnummerId) -> Result<(), Error> {
        self.call(None, "verwijder_rekeningnummer", |tx| {
            tx.haal::<RekeningnummerInput>(id.0)?;
            partij::wis_voorkeur_rn(tx, id.0, None);
            tx.wis::<RekeningnummerInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// Registreer rekeningnummer (`POST /rekeningnummers`).
    fn registreer_rekeningnummer(body: impl IntoBody) -> Rekeningnummer;
    /// Wijzig rekeningnummer (`PUT /rekeningnummers/{uuid}`).
    fn wijzig_rekeningnummer(id: RekeningnummerId, body: impl IntoBody) -> Rekeningnummer;
    /// Wijzig rekeningnummer deels (`PATCH /rekeningnummers/{uuid}`).
    fn wijzig_rekeningnummer_deels(id: RekeningnummerId, patch: &Value) -> Rekeningnummer;
    /// Verwijder rekeningnummer (`DELETE /rekeningnummers/{uuid}`).
    fn verwijder_rekeningnummer(id: RekeningnummerId) -> ();
}

register_reads! {
    /// Vraag rekeningnummer op (`GET /rekeningnummers/{uuid}`).
    fn vraag_rekeningnummer_op(id: RekeningnummerId) -> Rekeningnummer;
    /// Zoek rekeningnummers (`GET /rekeningnummers`).
    fn zoek_rekeningnummer(q: &Zoekvraag) -> Page<Rekeningnummer>;
}
