//! Bijlagen: references to documents or objects that were part of a klantcontact
//! (F1975 registreer, F5492 zoek, F6230 vraag op, F6260 wijzig).

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::{ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::{id, identificator_veld, Filter};
use super::Error;
use crate::model::{Bijlage, BijlageId, BijlageInput, KlantcontactInput, Objectidentificator};
use crate::Resource;

fn ident(r: &BijlageInput) -> Option<&Objectidentificator> {
    r.bijlageidentificator.as_ref().and_then(Option::as_ref)
}

/// A filter on this collection's records.
type F = Filter<BijlageInput>;

const FILTERS: &[F] = &[
    F::text("bijlageidentificatorObjectId", |_, _, r, v| {
        identificator_veld(ident(r), "ObjectId") == Some(v)
    }),
    F::text("bijlageidentificatorCodeObjecttype", |_, _, r, v| {
        identificator_veld(ident(r), "CodeObjecttype") == Some(v)
    }),
    F::text("bijlageidentificatorCodeRegister", |_, _, r, v| {
        identificator_veld(ident(r), "CodeRegister") == Some(v)
    }),
    F::text("bijlageidentificatorCodeSoortObjectId", |_, _, r, v| {
        identificator_veld(ident(r), "CodeSoortObjectId") == Some(v)
    }),
    F::uuid("klantcontact__uuid", |_, _, r, v| {
        ref_id(r.was_bijlage_van_klantcontact.as_ref()) == Some(id(v))
    })
    .via(|l| &l.ix::<BijlageInput>().klantcontact),
];

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// klantcontact → bijlagen.
    pub(crate) klantcontact: MultiIndex<Uuid>,
}

impl Collection for BijlageInput {
    type Id = BijlageId;
    type Input = Self;
    type Ix = Ix;
    type Response = Bijlage;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &BijlageInput) {
        if let Some(k) = ref_id(r.was_bijlage_van_klantcontact.as_ref()) {
            ix.klantcontact.apply(op, k, id);
        }
    }

    fn present(l: &Lezer<'_>, id: Uuid, r: &BijlageInput, _: Option<&[String]>) -> Bijlage {
        Bijlage::uit_invoer(r, l.basis(), BijlageId(id), l.url(Resource::Bijlagen, id))
    }

    fn build(
        tx: &mut Transactie<'_>,
        _id: Uuid,
        r: Self::Input,
        _old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        let mut c = Checks::at(pad);
        if let Some(k) = ref_id(r.was_bijlage_van_klantcontact.as_ref()) {
            c.bestaat::<KlantcontactInput>(tx.lezer(), "wasBijlageVanKlantcontact", k);
        }
        c.invalid()?;
        Ok(r)
    }
}
