//! Bijlagen: references to documents or objects that were part of a klantcontact
//! (F1975 registreer, F5492 zoek, F6230 vraag op, F6260 wijzig).

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
    Bijlage, BijlageId, BijlageInput, KlantcontactInput, Objectidentificator, OpenCode,
};
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &BijlageInput) {
    if let Some(k) = ref_id(r.was_bijlage_van_klantcontact.as_ref()) {
        ix.bl_klantcontact.apply(op, k, id);
    }
}

pub(crate) fn present(l: &Lezer<'_>, id: Uuid, r: &BijlageInput) -> Bijlage {
    Bijlage {
        uuid: BijlageId(id),
        url: l.url(Resource::Bijlagen, id),
        was_bijlage_van_klantcontact: r
            .was_bijlage_van_klantcontact
            .as_ref()
            .map(|k| k.as_ref().map(|k| l.opnieuw(Resource::Klantcontacten, k))),
        bijlageidentificator: r.bijlageidentificator.clone(),
    }
}

/// The four identificator filters shared by bijlagen, onderwerpobjecten and actoren.
pub(crate) fn identificator_veld<'a>(
    i: Option<&'a Objectidentificator>,
    veld: &str,
) -> Option<&'a str> {
    let i = i?;
    match veld {
        "ObjectId" => i.object_id.as_deref(),
        "CodeObjecttype" => i.code_objecttype.as_ref().map(OpenCode::as_str),
        "CodeRegister" => i.code_register.as_ref().map(OpenCode::as_str),
        _ => i.code_soort_object_id.as_ref().map(OpenCode::as_str),
    }
}

fn ident(r: &BijlageInput) -> Option<&Objectidentificator> {
    r.bijlageidentificator.as_ref().and_then(Option::as_ref)
}

/// A filter on this collection's records.
type F = Filter<BijlageInput>;

pub(super) const FILTERS: &[F] = &[
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
    .indexed(|l, v| l.state.ix.bl_klantcontact.get(&id(v)).to_vec()),
];

impl Lezer<'_> {
    /// F6230 Vraag bijlage op (`GET /bijlagen/{uuid}`).
    pub fn vraag_bijlage_op(&self, id: BijlageId) -> Result<Bijlage, Error> {
        Ok(present(self, id.0, self.haal::<BijlageInput>(id.0)?))
    }

    /// F5492 Zoek bijlagen (`GET /bijlagen`).
    pub fn zoek_bijlage(&self, q: &Zoekvraag) -> Result<Page<Bijlage>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(&self.state.t.bijlagen, FILTERS, q, None, |id, r| {
            present(self, id, r)
        })
    }
}

pub(crate) fn build(tx: &Transactie<'_>, r: BijlageInput) -> Result<BijlageInput, Error> {
    let mut c = Checks::default();
    if let Some(k) = ref_id(r.was_bijlage_van_klantcontact.as_ref()) {
        c.reference(
            "wasBijlageVanKlantcontact",
            tx.bestaat::<KlantcontactInput>(k),
            "Klantcontact",
        );
    }
    c.invalid()?;
    Ok(r)
}

impl Transactie<'_> {
    /// F1975 Registreer bijlage (`POST /bijlagen`).
    pub fn registreer_bijlage(&mut self, body: impl IntoBody) -> Result<Bijlage, Error> {
        self.call(Some("F1975"), "registreer_bijlage", |tx| {
            let id = tx.maak(body.into_body()?, |tx, _, i| build(tx, i))?;
            tx.vraag_bijlage_op(BijlageId(id))
        })
    }

    /// F6260 Wijzig bijlage (`PUT /bijlagen/{uuid}`).
    pub fn wijzig_bijlage(&mut self, id: BijlageId, body: impl IntoBody) -> Result<Bijlage, Error> {
        self.call(Some("F6260"), "wijzig_bijlage", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |tx, _, i, _: &BijlageInput| build(tx, i),
            )?;
            tx.vraag_bijlage_op(id)
        })
    }

    /// F6260 Wijzig bijlage, partial (`PATCH /bijlagen/{uuid}`).
    pub fn wijzig_bijlage_deels(&mut self, id: BijlageId, patch: &Value) -> Result<Bijlage, Error> {
        self.call(Some("F6260"), "wijzig_bijlage_deels", |tx| {
            tx.wijzig_deels(id.0, patch, as_json, |tx, _, i, _: &BijlageInput| {
                build(tx, i)
            })?;
            tx.vraag_bijlage_op(id)
        })
    }

    /// Verwijder bijlage (`DELETE /bijlagen/{uuid}`).
    pub fn verwijder_bijlage(&mut self, id: BijlageId) -> Result<(), Error> {
        self.call(None, "verwijder_bijlage", |tx| {
            tx.haal::<BijlageInput>(id.0)?;
            tx.wis::<BijlageInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// F1975 Registreer bijlage (`POST /bijlagen`).
    fn registreer_bijlage(body: impl IntoBody) -> Bijlage;
    /// F6260 Wijzig bijlage (`PUT /bijlagen/{uuid}`).
    fn wijzig_bijlage(id: BijlageId, body: impl IntoBody) -> Bijlage;
    /// F6260 Wijzig bijlage, partial (`PATCH /bijlagen/{uuid}`).
    fn wijzig_bijlage_deels(id: BijlageId, patch: &Value) -> Bijlage;
    /// Verwijder bijlage (`DELETE /bijlagen/{uuid}`).
    fn verwijder_bijlage(id: BijlageId) -> ();
}

register_reads! {
    /// F6230 Vraag bijlage op (`GET /bijlagen/{uuid}`).
    fn vraag_bijlage_op(id: BijlageId) -> Bijlage;
    /// F5492 Zoek bijlagen (`GET /bijlagen`).
    fn zoek_bijlage(q: &Zoekvraag) -> Page<Bijlage>;
}
