//! Categorie-relaties (API 0.9.0, EXPERIMENTAL; no F-code): a partij in a categorie for a
//! period. R29: `beginDatum` defaults to today on create.

use serde_json::Value;
use uuid::Uuid;

use super::index::Op;
use super::lezen::Lezer;
use super::schrijven::{as_json, ref_id, Checks, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{id, Filter, Page, Zoekvraag};
use super::{register_reads, register_writes, Error};
use crate::model::{
    CategorieInput, CategorieRelatie, CategorieRelatieId, CategorieRelatieInput,
    CategorieVerwijzing, Datum, PartijInput,
};
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &CategorieRelatieInput) {
    if let Some(p) = ref_id(r.partij.as_ref()) {
        ix.cr_partij.apply(op, p, id);
    }
    if let Some(c) = r.categorie.as_ref().and_then(Option::as_ref) {
        ix.cr_categorie.apply(op, c.uuid.0, id);
    }
}

pub(crate) fn categorie_naam(l: &Lezer<'_>, c: Uuid) -> Option<String> {
    l.opt::<CategorieInput>(c).and_then(|c| c.naam.clone())
}

pub(crate) fn present(l: &Lezer<'_>, id: Uuid, r: &CategorieRelatieInput) -> CategorieRelatie {
    CategorieRelatie {
        uuid: CategorieRelatieId(id),
        url: l.url(Resource::CategorieRelaties, id),
        partij: r
            .partij
            .as_ref()
            .map(|p| p.as_ref().map(|p| l.opnieuw(Resource::Partijen, p))),
        categorie: r.categorie.as_ref().map(|c| {
            c.as_ref().map(|c| CategorieVerwijzing {
                uuid: c.uuid,
                url: Some(l.url(Resource::Categorieen, c.uuid.0)),
                naam: Some(categorie_naam(l, c.uuid.0).unwrap_or_default()),
            })
        }),
        begin_datum: r.begin_datum.clone(),
        eind_datum: r.eind_datum.clone(),
    }
}

fn partij(r: &CategorieRelatieInput) -> Option<Uuid> {
    ref_id(r.partij.as_ref())
}

fn categorie(r: &CategorieRelatieInput) -> Option<Uuid> {
    r.categorie
        .as_ref()
        .and_then(Option::as_ref)
        .map(|c| c.uuid.0)
}

/// A filter on this collection's records.
type F = Filter<CategorieRelatieInput>;

pub(super) const FILTERS: &[F] = &[
    F::uuid("partij__uuid", |_, _, r, v| partij(r) == Some(id(v)))
        .indexed(|l, v| l.state.ix.cr_partij.get(&id(v)).to_vec()),
    F::url("partij__url", |_, _, r, v| partij(r) == Some(id(v)))
        .indexed(|l, v| l.state.ix.cr_partij.get(&id(v)).to_vec()),
    F::text("partij__nummer", |l, _, r, v| {
        partij(r)
            .and_then(|p| l.opt::<PartijInput>(p))
            .and_then(|p| p.basis().nummer.clone().flatten())
            .is_some_and(|n| n == v)
    }),
    F::uuid("categorie__uuid", |_, _, r, v| categorie(r) == Some(id(v)))
        .indexed(|l, v| l.state.ix.cr_categorie.get(&id(v)).to_vec()),
    F::url("categorie__url", |_, _, r, v| categorie(r) == Some(id(v)))
        .indexed(|l, v| l.state.ix.cr_categorie.get(&id(v)).to_vec()),
    F::text("categorie__naam", |l, _, r, v| {
        categorie(r)
            .and_then(|c| categorie_naam(l, c))
            .is_some_and(|n| n == v)
    }),
    F::date("beginDatum", |_, _, r, v| {
        r.begin_datum
            .clone()
            .flatten()
            .is_some_and(|d| d.as_str() == v)
    }),
    F::date("eindDatum", |_, _, r, v| {
        r.eind_datum
            .clone()
            .flatten()
            .is_some_and(|d| d.as_str() == v)
    }),
];

impl Lezer<'_> {
    /// Vraag categorie-relatie op (`GET /categorie-relaties/{uuid}`).
    pub fn vraag_categorie_relatie_op(
        &self,
        id: CategorieRelatieId,
    ) -> Result<CategorieRelatie, Error> {
        Ok(present(
            self,
            id.0,
            self.haal::<CategorieRelatieInput>(id.0)?,
        ))
    }

    /// Zoek categorie-relaties (`GET /categorie-relaties`).
    pub fn zoek_categorie_relatie(&self, q: &Zoekvraag) -> Result<Page<CategorieRelatie>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(
            &self.state.t.categorie_relaties,
            FILTERS,
            q,
            None,
            |id, r| present(self, id, r),
        )
    }
}

fn build(
    tx: &mut Transactie<'_>,
    mut r: CategorieRelatieInput,
    create: bool,
) -> Result<CategorieRelatieInput, Error> {
    let mut c = Checks::default();
    if let Some(p) = partij(&r) {
        c.reference("partij", tx.bestaat::<PartijInput>(p), "Partij");
    }
    if let Some(k) = categorie(&r) {
        c.reference("categorie", tx.bestaat::<CategorieInput>(k), "Categorie");
    }
    c.invalid()?;
    if create && r.begin_datum.as_ref().is_none_or(Option::is_none) {
        let today = tx.now().date_naive().format("%Y-%m-%d").to_string();
        r.begin_datum = Some(Datum::parse(&today).ok());
    }
    if let Some(Some(c)) = r.categorie.as_mut() {
        c.url = None;
        c.naam = None;
    }
    Ok(r)
}

impl Transactie<'_> {
    /// Registreer categorie-relatie (`POST /categorie-relaties`).
    pub fn registreer_categorie_relatie(
        &mut self,
        body: impl IntoBody,
    ) -> Result<CategorieRelatie, Error> {
        self.call(None, "registreer_categorie_relatie", |tx| {
            let id = tx.maak(body.into_body()?, |tx, _, i| build(tx, i, true))?;
            tx.vraag_categorie_relatie_op(CategorieRelatieId(id))
        })
    }

    /// Wijzig categorie-relatie (`PUT /categorie-relaties/{uuid}`).
    pub fn wijzig_categorie_relatie(
        &mut self,
        id: CategorieRelatieId,
        body: impl IntoBody,
    ) -> Result<CategorieRelatie, Error> {
        self.call(None, "wijzig_categorie_relatie", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |tx, _, i, _: &CategorieRelatieInput| build(tx, i, false),
            )?;
            tx.vraag_categorie_relatie_op(id)
        })
    }

    /// Wijzig categorie-relatie deels (`PATCH /categorie-relaties/{uuid}`).
    pub fn wijzig_categorie_relatie_deels(
        &mut self,
        id: CategorieRelatieId,
        patch: &Value,
    ) -> Result<CategorieRelatie, Error> {
        self.call(None, "wijzig_categorie_relatie_deels", |tx| {
            tx.wijzig_deels(
                id.0,
                patch,
                as_json,
                |tx, _, i, _: &CategorieRelatieInput| build(tx, i, false),
            )?;
            tx.vraag_categorie_relatie_op(id)
        })
    }

    /// Verwijder categorie-relatie (`DELETE /categorie-relaties/{uuid}`).
    pub fn verwijder_categorie_relatie(&mut self, id: CategorieRelatieId) -> Result<(), Error> {
        self.call(None, "verwijder_categorie_relatie", |tx| {
            tx.haal::<CategorieRelatieInput>(id.0)?;
            tx.wis::<CategorieRelatieInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// Registreer categorie-relatie (`POST /categorie-relaties`).
    fn registreer_categorie_relatie(body: impl IntoBody) -> CategorieRelatie;
    /// Wijzig categorie-relatie (`PUT /categorie-relaties/{uuid}`).
    fn wijzig_categorie_relatie(id: CategorieRelatieId, body: impl IntoBody) -> CategorieRelatie;
    /// Wijzig categorie-relatie deels (`PATCH /categorie-relaties/{uuid}`).
    fn wijzig_categorie_relatie_deels(id: CategorieRelatieId, patch: &Value) -> CategorieRelatie;
    /// Verwijder categorie-relatie (`DELETE /categorie-relaties/{uuid}`).
    fn verwijder_categorie_relatie(id: CategorieRelatieId) -> ();
}

register_reads! {
    /// Vraag categorie-relatie op (`GET /categorie-relaties/{uuid}`).
    fn vraag_categorie_relatie_op(id: CategorieRelatieId) -> CategorieRelatie;
    /// Zoek categorie-relaties (`GET /categorie-relaties`).
    fn zoek_categorie_relatie(q: &Zoekvraag) -> Page<CategorieRelatie>;
}
