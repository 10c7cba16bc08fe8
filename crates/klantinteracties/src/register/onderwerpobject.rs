//! Onderwerpobjecten: what a klantcontact was about, a zaak or an earlier klantcontact
//! (F9322 registreer, F9829 zoek, F6039 vraag op, F5639 wijzig).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::bijlage::identificator_veld;
use super::index::Op;
use super::lezen::Lezer;
use super::schrijven::{as_json, ref_id, Checks, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{id, Filter, Page, Zoekvraag};
use super::{klantcontact, register_reads, register_writes, Error};
use crate::model::{
    KlantcontactId, KlantcontactInput, Objectidentificator, Onderwerpobject, OnderwerpobjectId,
    OnderwerpobjectInput,
};
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &OnderwerpobjectInput) {
    if let Some(k) = ref_id(r.klantcontact.as_ref()) {
        ix.oo_klantcontact.apply(op, k, id);
    }
    if let Some(k) = ref_id(r.was_klantcontact.as_ref()) {
        ix.oo_was_klantcontact.apply(op, k, id);
    }
}

pub(crate) fn present(l: &Lezer<'_>, id: Uuid, r: &OnderwerpobjectInput) -> Onderwerpobject {
    let kc = |k: &Option<Option<crate::model::Verwijzing<KlantcontactId>>>| {
        k.as_ref()
            .map(|k| k.as_ref().map(|k| l.opnieuw(Resource::Klantcontacten, k)))
    };
    Onderwerpobject {
        uuid: OnderwerpobjectId(id),
        url: l.url(Resource::Onderwerpobjecten, id),
        klantcontact: kc(&r.klantcontact),
        was_klantcontact: kc(&r.was_klantcontact),
        onderwerpobjectidentificator: r.onderwerpobjectidentificator.clone(),
    }
}

fn ident(r: &OnderwerpobjectInput) -> Option<&Objectidentificator> {
    r.onderwerpobjectidentificator
        .as_ref()
        .and_then(Option::as_ref)
}

/// A filter on this collection's records.
type F = Filter<OnderwerpobjectInput>;

pub(super) const FILTERS: &[F] = &[
    F::uuid("klantcontact__uuid", |_, _, r, v| {
        ref_id(r.klantcontact.as_ref()) == Some(id(v))
    })
    .indexed(|l, v| l.state.ix.oo_klantcontact.get(&id(v)).to_vec()),
    F::url("klantcontact__url", |_, _, r, v| {
        ref_id(r.klantcontact.as_ref()) == Some(id(v))
    })
    .indexed(|l, v| l.state.ix.oo_klantcontact.get(&id(v)).to_vec()),
    F::uuid("wasKlantcontact__uuid", |_, _, r, v| {
        ref_id(r.was_klantcontact.as_ref()) == Some(id(v))
    })
    .indexed(|l, v| l.state.ix.oo_was_klantcontact.get(&id(v)).to_vec()),
    F::url("wasKlantcontact__url", |_, _, r, v| {
        ref_id(r.was_klantcontact.as_ref()) == Some(id(v))
    })
    .indexed(|l, v| l.state.ix.oo_was_klantcontact.get(&id(v)).to_vec()),
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

impl Lezer<'_> {
    /// F6039 Vraag onderwerpobject op (`GET /onderwerpobjecten/{uuid}`).
    pub fn vraag_onderwerpobject_op(
        &self,
        id: OnderwerpobjectId,
    ) -> Result<Onderwerpobject, Error> {
        Ok(present(
            self,
            id.0,
            self.haal::<OnderwerpobjectInput>(id.0)?,
        ))
    }

    /// F9829 Zoek onderwerpobject (`GET /onderwerpobjecten`).
    pub fn zoek_onderwerpobject(&self, q: &Zoekvraag) -> Result<Page<Onderwerpobject>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(
            &self.state.t.onderwerpobjecten,
            FILTERS,
            q,
            None,
            |id, r| present(self, id, r),
        )
    }
}

pub(crate) fn build(
    tx: &Transactie<'_>,
    r: OnderwerpobjectInput,
) -> Result<OnderwerpobjectInput, Error> {
    let mut c = Checks::default();
    if let Some(k) = ref_id(r.klantcontact.as_ref()) {
        c.reference(
            "klantcontact",
            tx.bestaat::<KlantcontactInput>(k),
            "Klantcontact",
        );
    }
    if let Some(k) = ref_id(r.was_klantcontact.as_ref()) {
        c.reference(
            "wasKlantcontact",
            tx.bestaat::<KlantcontactInput>(k),
            "Klantcontact",
        );
    }
    c.invalid()?;
    Ok(r)
}

/// What `DELETE /onderwerpobjecten/{uuid}?cascade=true` answers: the URLs of the klantcontacten
/// that were kept because another onderwerpobject still refers to them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerwijderResultaat {
    /// URLs of the klantcontacten kept.
    pub behouden: Vec<String>,
}

impl Transactie<'_> {
    /// F9322 Registreer onderwerpobject (`POST /onderwerpobjecten`).
    pub fn registreer_onderwerpobject(
        &mut self,
        body: impl IntoBody,
    ) -> Result<Onderwerpobject, Error> {
        self.call(Some("F9322"), "registreer_onderwerpobject", |tx| {
            let id = tx.maak(body.into_body()?, |tx, _, i| build(tx, i))?;
            tx.vraag_onderwerpobject_op(OnderwerpobjectId(id))
        })
    }

    /// F5639 Wijzig onderwerpobject (`PUT /onderwerpobjecten/{uuid}`).
    pub fn wijzig_onderwerpobject(
        &mut self,
        id: OnderwerpobjectId,
        body: impl IntoBody,
    ) -> Result<Onderwerpobject, Error> {
        self.call(Some("F5639"), "wijzig_onderwerpobject", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |tx, _, i, _: &OnderwerpobjectInput| build(tx, i),
            )?;
            tx.vraag_onderwerpobject_op(id)
        })
    }

    /// F5639 Wijzig onderwerpobject, partial (`PATCH /onderwerpobjecten/{uuid}`).
    pub fn wijzig_onderwerpobject_deels(
        &mut self,
        id: OnderwerpobjectId,
        patch: &Value,
    ) -> Result<Onderwerpobject, Error> {
        self.call(Some("F5639"), "wijzig_onderwerpobject_deels", |tx| {
            tx.wijzig_deels(
                id.0,
                patch,
                as_json,
                |tx, _, i, _: &OnderwerpobjectInput| build(tx, i),
            )?;
            tx.vraag_onderwerpobject_op(id)
        })
    }

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
                let ix = &tx.state.ix;
                let referenced = !ix.oo_klantcontact.get(&k).is_empty()
                    || !ix.oo_was_klantcontact.get(&k).is_empty();
                if referenced {
                    result
                        .behouden
                        .push(tx.lezer().url(Resource::Klantcontacten, k));
                } else {
                    klantcontact::verwijder_met_adressen(tx, k);
                }
            }
            Ok(result)
        })
    }
}

register_writes! {
    /// F9322 Registreer onderwerpobject (`POST /onderwerpobjecten`).
    fn registreer_onderwerpobject(body: impl IntoBody) -> Onderwerpobject;
    /// F5639 Wijzig onderwerpobject (`PUT /onderwerpobjecten/{uuid}`).
    fn wijzig_onderwerpobject(id: OnderwerpobjectId, body: impl IntoBody) -> Onderwerpobject;
    /// F5639 Wijzig onderwerpobject, partial (`PATCH /onderwerpobjecten/{uuid}`).
    fn wijzig_onderwerpobject_deels(id: OnderwerpobjectId, patch: &Value) -> Onderwerpobject;
    /// Verwijder onderwerpobject (`DELETE /onderwerpobjecten/{uuid}[?cascade=true]`).
    fn verwijder_onderwerpobject(id: OnderwerpobjectId, cascade: bool) -> VerwijderResultaat;
}

register_reads! {
    /// F6039 Vraag onderwerpobject op (`GET /onderwerpobjecten/{uuid}`).
    fn vraag_onderwerpobject_op(id: OnderwerpobjectId) -> Onderwerpobject;
    /// F9829 Zoek onderwerpobject (`GET /onderwerpobjecten`).
    fn zoek_onderwerpobject(q: &Zoekvraag) -> Page<Onderwerpobject>;
}
