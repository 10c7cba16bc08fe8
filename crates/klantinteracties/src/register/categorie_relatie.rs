//! Categorie-relaties (API 0.9.0, EXPERIMENTAL; no F-code): a partij in a categorie for a
//! period. R29: `beginDatum` defaults to today on create.

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::{ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::{id, Filter};
use super::Error;
use crate::model::{
    CategorieInput, CategorieRelatie, CategorieRelatieId, CategorieRelatieInput,
    CategorieVerwijzing, Datum, Nullable, PartijInput,
};
use crate::Resource;

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

const FILTERS: &[F] = &[
    F::uuid("partij__uuid", |_, _, r, v| partij(r) == Some(id(v)))
        .via(|l| &l.ix::<CategorieRelatieInput>().partij),
    F::url("partij__url", |_, _, r, v| partij(r) == Some(id(v)))
        .via(|l| &l.ix::<CategorieRelatieInput>().partij),
    F::text("partij__nummer", |l, _, r, v| {
        partij(r)
            .and_then(|p| l.opt::<PartijInput>(p))
            .and_then(|p| p.basis().nummer.0.clone().flatten())
            .is_some_and(|n| n == v)
    }),
    F::uuid("categorie__uuid", |_, _, r, v| categorie(r) == Some(id(v)))
        .via(|l| &l.ix::<CategorieRelatieInput>().categorie),
    F::url("categorie__url", |_, _, r, v| categorie(r) == Some(id(v)))
        .via(|l| &l.ix::<CategorieRelatieInput>().categorie),
    F::text("categorie__naam", |l, _, r, v| {
        categorie(r)
            .and_then(|c| CategorieRelatieInput::categorie_naam(l, c))
            .is_some_and(|n| n == v)
    }),
    F::date("beginDatum", |_, _, r, v| {
        r.begin_datum
            .0
            .clone()
            .flatten()
            .is_some_and(|d| d.as_str() == v)
    }),
    F::date("eindDatum", |_, _, r, v| {
        r.eind_datum
            .0
            .clone()
            .flatten()
            .is_some_and(|d| d.as_str() == v)
    }),
];

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// partij → categorie-relaties.
    pub(crate) partij: MultiIndex<Uuid>,
    /// categorie → categorie-relaties.
    pub(crate) categorie: MultiIndex<Uuid>,
}

impl Collection for CategorieRelatieInput {
    type Id = CategorieRelatieId;
    type Input = Self;
    type Ix = Ix;
    type Response = CategorieRelatie;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &CategorieRelatieInput) {
        if let Some(p) = ref_id(r.partij.as_ref()) {
            ix.partij.apply(op, p, id);
        }
        if let Some(c) = r.categorie.as_ref().and_then(Option::as_ref) {
            ix.categorie.apply(op, c.uuid.0, id);
        }
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &CategorieRelatieInput,
        _: Option<&[String]>,
    ) -> CategorieRelatie {
        let categorie = r.categorie.as_ref().map(|c| {
            c.as_ref().map(|c| CategorieVerwijzing {
                uuid: c.uuid,
                url: Some(l.url(Resource::Categorieen, c.uuid.0)),
                naam: Some(CategorieRelatieInput::categorie_naam(l, c.uuid.0).unwrap_or_default()),
            })
        });
        CategorieRelatie::uit_invoer(
            r,
            l.basis(),
            CategorieRelatieId(id),
            l.url(Resource::CategorieRelaties, id),
            Nullable(categorie),
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        _id: Uuid,
        mut r: Self::Input,
        old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        let create = old.is_none();
        let mut c = Checks::at(pad);
        if let Some(p) = partij(&r) {
            c.bestaat::<PartijInput>(tx.lezer(), "partij", p);
        }
        if let Some(k) = categorie(&r) {
            c.bestaat::<CategorieInput>(tx.lezer(), "categorie", k);
        }
        c.invalid()?;
        if create && r.begin_datum.as_ref().is_none_or(Option::is_none) {
            let today = tx.now().date_naive().format("%Y-%m-%d").to_string();
            r.begin_datum = Nullable(Some(Datum::parse(&today).ok()));
        }
        if let Some(Some(c)) = r.categorie.as_mut() {
            c.url = None;
            c.naam = None;
        }
        Ok(r)
    }
}

/// The name of a categorie, as a relatie and a partij present it.
impl CategorieRelatieInput {
    pub(crate) fn categorie_naam(l: &Lezer<'_>, c: Uuid) -> Option<String> {
        l.opt::<CategorieInput>(c).and_then(|c| c.naam.clone())
    }
}
