//! Onderwerpobjecten: what a klantcontact was about, a zaak or an earlier klantcontact
//! (F9322 registreer, F9829 zoek, F6039 vraag op, F5639 wijzig).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::{ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::{id, identificator_veld, Filter};
use super::Error;
use crate::model::{
    KlantcontactInput, Objectidentificator, Onderwerpobject, OnderwerpobjectId,
    OnderwerpobjectInput,
};
use crate::Resource;

fn ident(r: &OnderwerpobjectInput) -> Option<&Objectidentificator> {
    r.onderwerpobjectidentificator
        .as_ref()
        .and_then(Option::as_ref)
}

/// A filter on this collection's records.
type F = Filter<OnderwerpobjectInput>;

const FILTERS: &[F] = &[
    F::uuid("klantcontact__uuid", |_, _, r, v| {
        ref_id(r.klantcontact.as_ref()) == Some(id(v))
    })
    .via(|l| &l.ix::<OnderwerpobjectInput>().klantcontact),
    F::url("klantcontact__url", |_, _, r, v| {
        ref_id(r.klantcontact.as_ref()) == Some(id(v))
    })
    .via(|l| &l.ix::<OnderwerpobjectInput>().klantcontact),
    F::uuid("wasKlantcontact__uuid", |_, _, r, v| {
        ref_id(r.was_klantcontact.as_ref()) == Some(id(v))
    })
    .via(|l| &l.ix::<OnderwerpobjectInput>().was_klantcontact),
    F::url("wasKlantcontact__url", |_, _, r, v| {
        ref_id(r.was_klantcontact.as_ref()) == Some(id(v))
    })
    .via(|l| &l.ix::<OnderwerpobjectInput>().was_klantcontact),
    F::text("onderwerpobjectidentificatorObjectId", |_, _, r, v| {
        identificator_veld(ident(r), "ObjectId") == Some(v)
    }),
    F::text(
        "onderwerpobjectidentificatorCodeObjecttype",
        |_, _, r, v| identificator_veld(ident(r), "CodeObjecttype") == Some(v),
    ),
    F::text("onderwerpobjectidentificatorCodeRegister", |_, _, r, v| {
        identificator_veld(ident(r), "CodeRegister") == Some(v)
    }),
    F::text(
        "onderwerpobjectidentificatorCodeSoortObjectId",
        |_, _, r, v| identificator_veld(ident(r), "CodeSoortObjectId") == Some(v),
    ),
];

/// What `DELETE /onderwerpobjecten/{uuid}?cascade=true` answers: the URLs of the klantcontacten
/// that were kept because another onderwerpobject still refers to them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerwijderResultaat {
    /// URLs of the klantcontacten kept.
    pub behouden: Vec<String>,
}

impl Transactie<'_> {
    /// Verwijder onderwerpobject (`DELETE /onderwerpobjecten/{uuid}[?cascade=true]`). With
    /// `cascade`, each klantcontact it links (`klantcontact`, `wasKlantcontact`) that no other
    /// onderwerpobject refers to is deleted too, after the partij-less digitale adressen of
    /// its betrokkenen; the others are reported as kept.
    pub fn verwijder_onderwerpobject(
        &mut self,
        id: OnderwerpobjectId,
        cascade: bool,
    ) -> Result<VerwijderResultaat, Error> {
        self.call(None, "verwijder_onderwerpobject", |tx| {
            let r = tx.haal::<OnderwerpobjectInput>(id.0)?;
            tx.wis::<OnderwerpobjectInput>(id.0);
            let mut result = VerwijderResultaat::default();
            if !cascade {
                return Ok(result);
            }
            let linked = [
                ref_id(r.klantcontact.as_ref()),
                ref_id(r.was_klantcontact.as_ref()),
            ];
            for k in linked.into_iter().flatten() {
                if !tx.bestaat::<KlantcontactInput>(k) {
                    continue;
                }
                let referenced = !tx
                    .ix::<OnderwerpobjectInput>()
                    .klantcontact
                    .get(&k)
                    .is_empty()
                    || !tx
                        .ix::<OnderwerpobjectInput>()
                        .was_klantcontact
                        .get(&k)
                        .is_empty();
                if referenced {
                    result
                        .behouden
                        .push(tx.lezer().url(Resource::Klantcontacten, k));
                } else {
                    KlantcontactInput::verwijder_met_adressen(tx, k);
                }
            }
            Ok(result)
        })
    }
}

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// klantcontact → onderwerpobjecten about it (`klantcontact`).
    pub(crate) klantcontact: MultiIndex<Uuid>,
    /// klantcontact → onderwerpobjecten that were it (`wasKlantcontact`).
    pub(crate) was_klantcontact: MultiIndex<Uuid>,
}

impl Collection for OnderwerpobjectInput {
    type Id = OnderwerpobjectId;
    type Input = Self;
    type Ix = Ix;
    type Response = Onderwerpobject;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &OnderwerpobjectInput) {
        if let Some(k) = ref_id(r.klantcontact.as_ref()) {
            ix.klantcontact.apply(op, k, id);
        }
        if let Some(k) = ref_id(r.was_klantcontact.as_ref()) {
            ix.was_klantcontact.apply(op, k, id);
        }
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &OnderwerpobjectInput,
        _: Option<&[String]>,
    ) -> Onderwerpobject {
        Onderwerpobject::uit_invoer(
            r,
            l.basis(),
            OnderwerpobjectId(id),
            l.url(Resource::Onderwerpobjecten, id),
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        _id: Uuid,
        r: Self::Input,
        _old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        let mut c = Checks::at(pad);
        if let Some(k) = ref_id(r.klantcontact.as_ref()) {
            c.bestaat::<KlantcontactInput>(tx.lezer(), "klantcontact", k);
        }
        if let Some(k) = ref_id(r.was_klantcontact.as_ref()) {
            c.bestaat::<KlantcontactInput>(tx.lezer(), "wasKlantcontact", k);
        }
        c.invalid()?;
        Ok(r)
    }
}
