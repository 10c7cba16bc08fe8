//! Vertegenwoordigingen (API 0.9.0 `/vertegenwoordigingen`; no F-code): one partij represents
//! another. R18: not itself, and each pair at most once.

use serde_json::Value;
use uuid::Uuid;

use super::index::Op;
use super::lezen::Lezer;
use super::schrijven::{as_json, Checks, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{id, Filter, Page, Zoekvraag};
use super::{register_reads, register_writes, Error};
use crate::model::{
    PartijInput, Vertegenwoordigden, VertegenwoordigdenId, VertegenwoordigdenInput,
};
use crate::register::regels::{REGISTER_PAAR_UNIEK, REGISTER_VERTEGENWOORDIGING_ZELF};
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &VertegenwoordigdenInput) {
    ix.vt_vertegenwoordigende
        .apply(op, r.vertegenwoordigende_partij.uuid.0, id);
    ix.vt_vertegenwoordigde
        .apply(op, r.vertegenwoordigde_partij.uuid.0, id);
}

fn present(l: &Lezer<'_>, id: Uuid, r: &VertegenwoordigdenInput) -> Vertegenwoordigden {
    Vertegenwoordigden {
        uuid: VertegenwoordigdenId(id),
        url: l.url(Resource::Vertegenwoordigingen, id),
        vertegenwoordigende_partij: l.opnieuw(Resource::Partijen, &r.vertegenwoordigende_partij),
        vertegenwoordigde_partij: l.opnieuw(Resource::Partijen, &r.vertegenwoordigde_partij),
    }
}

/// A filter on this collection's records.
type F = Filter<VertegenwoordigdenInput>;

pub(super) const FILTERS: &[F] = &[
    F::uuid("vertegenwoordigendePartij__uuid", |_, _, r, v| {
        r.vertegenwoordigende_partij.uuid.0 == id(v)
    })
    .indexed(|l, v| l.state.ix.vt_vertegenwoordigende.get(&id(v)).to_vec()),
    F::url("vertegenwoordigendePartij__url", |_, _, r, v| {
        r.vertegenwoordigende_partij.uuid.0 == id(v)
    })
    .indexed(|l, v| l.state.ix.vt_vertegenwoordigende.get(&id(v)).to_vec()),
    F::uuid("vertegenwoordigdePartij__uuid", |_, _, r, v| {
        r.vertegenwoordigde_partij.uuid.0 == id(v)
    })
    .indexed(|l, v| l.state.ix.vt_vertegenwoordigde.get(&id(v)).to_vec()),
    F::url("vertegenwoordigdePartij__url", |_, _, r, v| {
        r.vertegenwoordigde_partij.uuid.0 == id(v)
    })
    .indexed(|l, v| l.state.ix.vt_vertegenwoordigde.get(&id(v)).to_vec()),
];

impl Lezer<'_> {
    /// Vraag vertegenwoordiging op (`GET /vertegenwoordigingen/{uuid}`).
    pub fn vraag_vertegenwoordiging_op(
        &self,
        id: VertegenwoordigdenId,
    ) -> Result<Vertegenwoordigden, Error> {
        Ok(present(
            self,
            id.0,
            self.haal::<VertegenwoordigdenInput>(id.0)?,
        ))
    }

    /// Zoek vertegenwoordigingen (`GET /vertegenwoordigingen`).
    pub fn zoek_vertegenwoordiging(
        &self,
        q: &Zoekvraag,
    ) -> Result<Page<Vertegenwoordigden>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(
            &self.state.t.vertegenwoordigingen,
            FILTERS,
            q,
            None,
            |id, r| present(self, id, r),
        )
    }
}

fn build(
    tx: &Transactie<'_>,
    id: Uuid,
    r: VertegenwoordigdenInput,
) -> Result<VertegenwoordigdenInput, Error> {
    let (a, b) = (
        r.vertegenwoordigende_partij.uuid.0,
        r.vertegenwoordigde_partij.uuid.0,
    );
    let mut c = Checks::default();
    c.reference(
        "vertegenwoordigendePartij",
        tx.bestaat::<PartijInput>(a),
        "Partij",
    );
    c.reference(
        "vertegenwoordigdePartij",
        tx.bestaat::<PartijInput>(b),
        "Partij",
    );
    if a == b {
        c.push(
            "vertegenwoordigdePartij",
            "invalid",
            "De partij kan niet zichzelf vertegenwoordigen.",
            &REGISTER_VERTEGENWOORDIGING_ZELF,
        );
    }
    c.invalid()?;
    let taken = tx.state.ix.vt_vertegenwoordigende.get(&a).iter().any(|o| {
        *o != id
            && tx
                .lezer()
                .opt::<VertegenwoordigdenInput>(*o)
                .is_some_and(|o| o.vertegenwoordigde_partij.uuid.0 == b)
    });
    if taken {
        return Err(Error::conflict(
            "nonFieldErrors",
            "unique",
            "De velden vertegenwoordigende_partij, vertegenwoordigde_partij moeten een unieke set zijn.",
            &REGISTER_PAAR_UNIEK,
        ));
    }
    Ok(r)
}

impl Transactie<'_> {
    /// Registreer vertegenwoordiging (`POST /vertegenwoordigingen`).
    pub fn registreer_vertegenwoordiging(
        &mut self,
        body: impl IntoBody,
    ) -> Result<Vertegenwoordigden, Error> {
        self.call(None, "registreer_vertegenwoordiging", |tx| {
            let id = tx.maak(body.into_body()?, |tx, id, i| build(tx, id, i))?;
            tx.vraag_vertegenwoordiging_op(VertegenwoordigdenId(id))
        })
    }

    /// Wijzig vertegenwoordiging (`PUT /vertegenwoordigingen/{uuid}`).
    pub fn wijzig_vertegenwoordiging(
        &mut self,
        id: VertegenwoordigdenId,
        body: impl IntoBody,
    ) -> Result<Vertegenwoordigden, Error> {
        self.call(None, "wijzig_vertegenwoordiging", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |tx, id, i, _: &VertegenwoordigdenInput| build(tx, id, i),
            )?;
            tx.vraag_vertegenwoordiging_op(id)
        })
    }

    /// Wijzig vertegenwoordiging deels (`PATCH /vertegenwoordigingen/{uuid}`).
    pub fn wijzig_vertegenwoordiging_deels(
        &mut self,
        id: VertegenwoordigdenId,
        patch: &Value,
    ) -> Result<Vertegenwoordigden, Error> {
        self.call(None, "wijzig_vertegenwoordiging_deels", |tx| {
            tx.wijzig_deels(
                id.0,
                patch,
                as_json,
                |tx, id, i, _: &VertegenwoordigdenInput| build(tx, id, i),
            )?;
            tx.vraag_vertegenwoordiging_op(id)
        })
    }

    /// Verwijder vertegenwoordiging (`DELETE /vertegenwoordigingen/{uuid}`).
    pub fn verwijder_vertegenwoordiging(&mut self, id: VertegenwoordigdenId) -> Result<(), Error> {
        self.call(None, "verwijder_vertegenwoordiging", |tx| {
            tx.haal::<VertegenwoordigdenInput>(id.0)?;
            tx.wis::<VertegenwoordigdenInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// Registreer vertegenwoordiging (`POST /vertegenwoordigingen`).
    fn registreer_vertegenwoordiging(body: impl IntoBody) -> Vertegenwoordigden;
    /// Wijzig vertegenwoordiging (`PUT /vertegenwoordigingen/{uuid}`).
    fn wijzig_vertegenwoordiging(id: VertegenwoordigdenId, body: impl IntoBody) -> Vertegenwoordigden;
    /// Wijzig vertegenwoordiging deels (`PATCH /vertegenwoordigingen/{uuid}`).
    fn wijzig_vertegenwoordiging_deels(id: VertegenwoordigdenId, patch: &Value) -> Vertegenwoordigden;
    /// Verwijder vertegenwoordiging (`DELETE /vertegenwoordigingen/{uuid}`).
    fn verwijder_vertegenwoordiging(id: VertegenwoordigdenId) -> ();
}

register_reads! {
    /// Vraag vertegenwoordiging op (`GET /vertegenwoordigingen/{uuid}`).
    fn vraag_vertegenwoordiging_op(id: VertegenwoordigdenId) -> Vertegenwoordigden;
    /// Zoek vertegenwoordigingen (`GET /vertegenwoordigingen`).
    fn zoek_vertegenwoordiging(q: &Zoekvraag) -> Page<Vertegenwoordigden>;
}
