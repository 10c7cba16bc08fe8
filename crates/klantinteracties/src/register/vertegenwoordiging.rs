//! Vertegenwoordigingen (API 0.9.0 `/vertegenwoordigingen`; no F-code): one partij represents
//! another. R18: not itself, and each pair at most once.

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::Checks;
use super::transactie::Transactie;
use super::zoeken::{id, Filter};
use super::Error;
use crate::model::{
    PartijInput, Vertegenwoordigden, VertegenwoordigdenId, VertegenwoordigdenInput,
};
use crate::register::regels::{REGISTER_PAAR_UNIEK, REGISTER_VERTEGENWOORDIGING_ZELF};
use crate::Resource;

/// A filter on this collection's records.
type F = Filter<VertegenwoordigdenInput>;

const FILTERS: &[F] = &[
    F::uuid("vertegenwoordigendePartij__uuid", |_, _, r, v| {
        r.vertegenwoordigende_partij.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<VertegenwoordigdenInput>().vertegenwoordigende),
    F::url("vertegenwoordigendePartij__url", |_, _, r, v| {
        r.vertegenwoordigende_partij.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<VertegenwoordigdenInput>().vertegenwoordigende),
    F::uuid("vertegenwoordigdePartij__uuid", |_, _, r, v| {
        r.vertegenwoordigde_partij.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<VertegenwoordigdenInput>().vertegenwoordigde),
    F::url("vertegenwoordigdePartij__url", |_, _, r, v| {
        r.vertegenwoordigde_partij.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<VertegenwoordigdenInput>().vertegenwoordigde),
];

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// vertegenwoordigende partij → vertegenwoordigingen.
    pub(crate) vertegenwoordigende: MultiIndex<Uuid>,
    /// vertegenwoordigde partij → vertegenwoordigingen.
    pub(crate) vertegenwoordigde: MultiIndex<Uuid>,
}

impl Collection for VertegenwoordigdenInput {
    type Id = VertegenwoordigdenId;
    type Input = Self;
    type Ix = Ix;
    type Response = Vertegenwoordigden;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &VertegenwoordigdenInput) {
        ix.vertegenwoordigende
            .apply(op, r.vertegenwoordigende_partij.uuid.0, id);
        ix.vertegenwoordigde
            .apply(op, r.vertegenwoordigde_partij.uuid.0, id);
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &VertegenwoordigdenInput,
        _: Option<&[String]>,
    ) -> Vertegenwoordigden {
        Vertegenwoordigden::uit_invoer(
            r,
            l.basis(),
            VertegenwoordigdenId(id),
            l.url(Resource::Vertegenwoordigingen, id),
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        r: Self::Input,
        _old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        let (a, b) = (
            r.vertegenwoordigende_partij.uuid.0,
            r.vertegenwoordigde_partij.uuid.0,
        );
        let mut c = Checks::at(pad);
        c.bestaat::<PartijInput>(tx.lezer(), "vertegenwoordigendePartij", a);
        c.bestaat::<PartijInput>(tx.lezer(), "vertegenwoordigdePartij", b);
        if a == b {
            c.push(
                "vertegenwoordigdePartij",
                "invalid",
                "De partij kan niet zichzelf vertegenwoordigen.",
                &REGISTER_VERTEGENWOORDIGING_ZELF,
            );
        }
        c.invalid()?;
        let taken = tx
            .ix::<VertegenwoordigdenInput>()
            .vertegenwoordigende
            .get(&a)
            .iter()
            .any(|o| {
                *o != id
                    && tx
                        .lezer()
                        .opt::<VertegenwoordigdenInput>(*o)
                        .is_some_and(|o| o.vertegenwoordigde_partij.uuid.0 == b)
            });
        if taken {
            return Err(Error::conflict(
                &format!("{pad}nonFieldErrors"),
                "unique",
                "De velden vertegenwoordigende_partij, vertegenwoordigde_partij moeten een unieke set zijn.",
                &REGISTER_PAAR_UNIEK,
            ));
        }
        Ok(r)
    }
}
