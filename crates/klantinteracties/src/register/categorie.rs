//! Categorieën (API 0.9.0, EXPERIMENTAL; no F-code): names partijen can be placed in.

use uuid::Uuid;

use super::collection::Collection;
use super::lezen::Lezer;
use super::transactie::Transactie;
use super::zoeken::Filter;
use super::Error;
use crate::model::{Categorie, CategorieId, CategorieInput, CategorieRelatieInput};
use crate::Resource;

const FILTERS: &[Filter<CategorieInput>] = &[];

impl Collection for CategorieInput {
    type Id = CategorieId;
    type Input = Self;
    type Ix = ();
    type Response = Categorie;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn present(l: &Lezer<'_>, id: Uuid, r: &CategorieInput, _: Option<&[String]>) -> Categorie {
        Categorie::uit_invoer(
            r,
            l.basis(),
            CategorieId(id),
            l.url(Resource::Categorieen, id),
        )
    }

    fn build(
        _tx: &mut Transactie<'_>,
        _id: Uuid,
        input: Self::Input,
        _old: Option<&Self>,
        _: &str,
    ) -> Result<Self, Error> {
        Ok(input)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        for r in tx.ix::<CategorieRelatieInput>().categorie.get(&id).to_vec() {
            tx.wis::<CategorieRelatieInput>(r);
        }
        tx.wis::<Self>(id);
        Ok(())
    }
}
