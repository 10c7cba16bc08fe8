//! Categorieën (API 0.9.0, EXPERIMENTAL; no F-code): names partijen can be placed in.

use serde_json::Value;
use uuid::Uuid;

use super::index::Op;
use super::lezen::Lezer;
use super::schrijven::{as_json, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{Filter, Page, Zoekvraag};
use super::{register_reads, register_writes, Error};
use crate::model::{Categorie, CategorieId, CategorieInput, CategorieRelatieInput};
use crate::Resource;

pub(crate) fn index(_: &mut Indexes, _: Op, _: Uuid, _: &CategorieInput) {}

fn present(l: &Lezer<'_>, id: Uuid, r: &CategorieInput) -> Categorie {
    Categorie {
        uuid: CategorieId(id),
        url: l.url(Resource::Categorieen, id),
        naam: r.naam.clone(),
    }
}

pub(super) const FILTERS: &[Filter<CategorieInput>] = &[];

impl Lezer<'_> {
    /// Vraag categorie op (`GET /categorieen/{uuid}`).
    pub fn vraag_categorie_op(&self, id: CategorieId) -> Result<Categorie, Error> {
        Ok(present(self, id.0, self.haal::<CategorieInput>(id.0)?))
    }

    /// Zoek categorieën (`GET /categorieen`).
    pub fn zoek_categorie(&self, q: &Zoekvraag) -> Result<Page<Categorie>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(&self.state.t.categorieen, FILTERS, q, None, |id, r| {
            present(self, id, r)
        })
    }
}

impl Transactie<'_> {
    /// Registreer categorie (`POST /categorieen`).
    pub fn registreer_categorie(&mut self, body: impl IntoBody) -> Result<Categorie, Error> {
        self.call(None, "registreer_categorie", |tx| {
            let id = tx.maak(body.into_body()?, |_, _, i: CategorieInput| Ok(i))?;
            tx.vraag_categorie_op(CategorieId(id))
        })
    }

    /// Wijzig categorie (`PUT /categorieen/{uuid}`).
    pub fn wijzig_categorie(
        &mut self,
        id: CategorieId,
        body: impl IntoBody,
    ) -> Result<Categorie, Error> {
        self.call(None, "wijzig_categorie", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |_, _, i: CategorieInput, _| Ok(i),
            )?;
            tx.vraag_categorie_op(id)
        })
    }

    /// Wijzig categorie deels (`PATCH /categorieen/{uuid}`).
    pub fn wijzig_categorie_deels(
        &mut self,
        id: CategorieId,
        patch: &Value,
    ) -> Result<Categorie, Error> {
        self.call(None, "wijzig_categorie_deels", |tx| {
            tx.wijzig_deels(id.0, patch, as_json, |_, _, i: CategorieInput, _| Ok(i))?;
            tx.vraag_categorie_op(id)
        })
    }

    /// Verwijder categorie (`DELETE /categorieen/{uuid}`): its categorie-relaties go with it
    /// (cascade).
    pub fn verwijder_categorie(&mut self, id: CategorieId) -> Result<(), Error> {
        self.call(None, "verwijder_categorie", |tx| {
            tx.haal::<CategorieInput>(id.0)?;
            for r in tx.state.ix.cr_categorie.get(&id.0).to_vec() {
                tx.wis::<CategorieRelatieInput>(r);
            }
            tx.wis::<CategorieInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// Registreer categorie (`POST /categorieen`).
    fn registreer_categorie(body: impl IntoBody) -> Categorie;
    /// Wijzig categorie (`PUT /categorieen/{uuid}`).
    fn wijzig_categorie(id: CategorieId, body: impl IntoBody) -> Categorie;
    /// Wijzig categorie deels (`PATCH /categorieen/{uuid}`).
    fn wijzig_categorie_deels(id: CategorieId, patch: &Value) -> Categorie;
    /// Verwijder categorie (`DELETE /categorieen/{uuid}`).
    fn verwijder_categorie(id: CategorieId) -> ();
}

register_reads! {
    /// Vraag categorie op (`GET /categorieen/{uuid}`).
    fn vraag_categorie_op(id: CategorieId) -> Categorie;
    /// Zoek categorieën (`GET /categorieen`).
    fn zoek_categorie(q: &Zoekvraag) -> Page<Categorie>;
}
