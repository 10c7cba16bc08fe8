//! Rekeningnummers (API 0.9.0; no F-code): bank accounts of a partij. Deleting one, or moving
//! it to another partij, clears the old partij's `voorkeursRekeningnummer` (Open Klant
//! SET_NULL, 2.11.0).

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::{ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::{id, Filter};
use super::Error;
use crate::model::{PartijInput, Rekeningnummer, RekeningnummerId, RekeningnummerInput};
use crate::Resource;

/// A filter on this collection's records.
type F = Filter<RekeningnummerInput>;

const FILTERS: &[F] = &[
    F::uuid("uuid", |_, i, _, v| i == id(v)).indexed(|_, v| vec![id(v)]),
    F::text("iban", |_, _, r, v| r.iban.as_str() == v),
    F::text("bic", |_, _, r, v| {
        r.bic
            .as_ref()
            .and_then(|b| b.waarde())
            .is_some_and(|b| b.as_str() == v)
    }),
];

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// partij → rekeningnummers.
    pub(crate) partij: MultiIndex<Uuid>,
}

impl Collection for RekeningnummerInput {
    type Id = RekeningnummerId;
    type Input = Self;
    type Ix = Ix;
    type Response = Rekeningnummer;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &RekeningnummerInput) {
        if let Some(p) = ref_id(r.partij.as_ref()) {
            ix.partij.apply(op, p, id);
        }
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &RekeningnummerInput,
        _: Option<&[String]>,
    ) -> Rekeningnummer {
        Rekeningnummer::uit_invoer(
            r,
            l.basis(),
            RekeningnummerId(id),
            l.url(Resource::Rekeningnummers, id),
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        r: Self,
        old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        let mut c = Checks::at(pad);
        let new_partij = ref_id(r.partij.as_ref());
        if let Some(p) = new_partij {
            c.bestaat::<PartijInput>(tx.lezer(), "partij", p);
        }
        c.invalid()?;
        if old.and_then(|o| ref_id(o.partij.as_ref())) != new_partij {
            PartijInput::wis_voorkeur_rn(tx, id, new_partij);
        }
        Ok(r)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        PartijInput::wis_voorkeur_rn(tx, id, None);
        tx.wis::<Self>(id);
        Ok(())
    }
}
