//! Actoren: who acted for the municipality (F5592 registreer, F5582 zoek, F5002 vraag op,
//! F9810 wijzig). AC-05: actors are deactivated rather than deleted; in the standaard profile
//! deleting an actor that is the last actor of a klantcontact or interne taak is refused.

use serde_json::Value;
use uuid::Uuid;

use super::bijlage::identificator_veld;
use super::index::Op;
use super::lezen::Lezer;
use super::record::InterneTaakRecord;
use super::schrijven::{as_json, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{flag, icontains, Filter, Page, Zoekvraag};
use super::{register_reads, register_writes, Error};
use crate::model::{
    Actor, ActorBasis, ActorId, ActorInput, ActorInputBasis, ActorKlantcontactInput, ActorVan,
    Objectidentificator,
};
use crate::register::regels::REGISTER_KLANTCONTACT_COMPLEET;
use crate::rules::Profile;
use crate::Resource;

pub(crate) fn index(_: &mut Indexes, _: Op, _: Uuid, _: &ActorInput) {}

fn basis(l: &Lezer<'_>, id: Uuid, b: &ActorInputBasis) -> ActorBasis {
    ActorBasis {
        uuid: ActorId(id),
        url: l.url(Resource::Actoren, id),
        naam: b.naam.clone(),
        indicatie_actief: b.indicatie_actief,
        actoridentificator: b.actoridentificator.clone(),
    }
}

pub(crate) fn present(l: &Lezer<'_>, id: Uuid, r: &ActorInput) -> Actor {
    match r {
        ActorInput::Medewerker(a) => Actor::Medewerker(ActorVan {
            basis: basis(l, id, &a.basis),
            actor_identificatie: a.actor_identificatie.clone(),
        }),
        ActorInput::GeautomatiseerdeActor(a) => Actor::GeautomatiseerdeActor(ActorVan {
            basis: basis(l, id, &a.basis),
            actor_identificatie: a.actor_identificatie.clone(),
        }),
        ActorInput::OrganisatorischeEenheid(a) => Actor::OrganisatorischeEenheid(ActorVan {
            basis: basis(l, id, &a.basis),
            actor_identificatie: a.actor_identificatie.clone(),
        }),
    }
}

/// AC-02: whether the actor is active (`indicatieActief`, default true).
pub(crate) fn actief(r: &ActorInput) -> bool {
    r.basis().indicatie_actief.unwrap_or(true)
}

fn ident(r: &ActorInput) -> Option<&Objectidentificator> {
    r.basis()
        .actoridentificator
        .as_ref()
        .and_then(Option::as_ref)
}

/// A filter on this collection's records.
type F = Filter<ActorInput>;

pub(super) const FILTERS: &[F] = &[
    F::text("naam", |_, _, r, v| icontains(&r.basis().naam, v)),
    F::choice(
        "soortActor",
        &[
            "medewerker",
            "geautomatiseerde_actor",
            "organisatorische_eenheid",
        ],
        |_, _, r, v| r.soort().as_str() == v,
    ),
    F::bool("indicatieActief", |_, _, r, v| actief(r) == flag(v)),
    F::text("actoridentificatorObjectId", |_, _, r, v| {
        identificator_veld(ident(r), "ObjectId") == Some(v)
    }),
    F::text("actoridentificatorCodeObjecttype", |_, _, r, v| {
        identificator_veld(ident(r), "CodeObjecttype") == Some(v)
    }),
    F::text("actoridentificatorCodeRegister", |_, _, r, v| {
        identificator_veld(ident(r), "CodeRegister") == Some(v)
    }),
    F::text("actoridentificatorCodeSoortObjectId", |_, _, r, v| {
        identificator_veld(ident(r), "CodeSoortObjectId") == Some(v)
    }),
];

impl Lezer<'_> {
    /// F5002 Vraag actor op (`GET /actoren/{uuid}`).
    pub fn vraag_actor_op(&self, id: ActorId) -> Result<Actor, Error> {
        Ok(present(self, id.0, self.haal::<ActorInput>(id.0)?))
    }

    /// F5582 Zoek actor (`GET /actoren`).
    pub fn zoek_actor(&self, q: &Zoekvraag) -> Result<Page<Actor>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(&self.state.t.actoren, FILTERS, q, None, |id, r| {
            present(self, id, r)
        })
    }
}

impl Transactie<'_> {
    /// F5592 Registreer actor (`POST /actoren`): a beheer function; actors exist before a
    /// klantcontact or interne taak refers to them (AC-03).
    pub fn registreer_actor(&mut self, body: impl IntoBody) -> Result<Actor, Error> {
        self.call(Some("F5592"), "registreer_actor", |tx| {
            let id = tx.maak(body.into_body()?, |_, _, i: ActorInput| Ok(i))?;
            tx.vraag_actor_op(ActorId(id))
        })
    }

    /// F9810 Wijzig actor (`PUT /actoren/{uuid}`).
    pub fn wijzig_actor(&mut self, id: ActorId, body: impl IntoBody) -> Result<Actor, Error> {
        self.call(Some("F9810"), "wijzig_actor", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |_, _, i: ActorInput, _: &ActorInput| Ok(i),
            )?;
            tx.vraag_actor_op(id)
        })
    }

    /// F9810 Wijzig actor, partial (`PATCH /actoren/{uuid}`); also how an actor is
    /// deactivated (`{"indicatieActief": false}`).
    pub fn wijzig_actor_deels(&mut self, id: ActorId, patch: &Value) -> Result<Actor, Error> {
        self.call(Some("F9810"), "wijzig_actor_deels", |tx| {
            tx.wijzig_deels(
                id.0,
                patch,
                as_json,
                |_, _, i: ActorInput, _: &ActorInput| Ok(i),
            )?;
            tx.vraag_actor_op(id)
        })
    }

    /// Verwijder actor (`DELETE /actoren/{uuid}`): its actor-klantcontacten go with it and it
    /// is taken off the interne taken assigned to it. In the standaard profile this is refused
    /// when it is the last actor of a klantcontact or an interne taak (deactivate it instead).
    pub fn verwijder_actor(&mut self, id: ActorId) -> Result<(), Error> {
        self.call(None, "verwijder_actor", |tx| {
            tx.haal::<ActorInput>(id.0)?;
            let koppelingen = tx.state.ix.ak_actor.get(&id.0).to_vec();
            let taken = tx.state.ix.it_actor.get(&id.0).to_vec();
            if tx.profile() == Profile::Standaard {
                let l = tx.lezer();
                let laatste_kc = koppelingen.iter().any(|ak| {
                    l.opt::<ActorKlantcontactInput>(*ak).is_some_and(|ak| {
                        l.state
                            .ix
                            .ak_klantcontact
                            .get(&ak.klantcontact.uuid.0)
                            .len()
                            == 1
                    })
                });
                let laatste_taak = taken.iter().any(|t| {
                    l.opt::<InterneTaakRecord>(*t)
                        .is_some_and(|t| t.actoren().iter().all(|a| *a == id.0))
                });
                if laatste_kc || laatste_taak {
                    return Err(Error::protected(
                        "nonFieldErrors",
                        "protected",
                        "De actor is de laatste actor van een klantcontact of interne taak; \
                         zet indicatieActief op false in plaats van te verwijderen.",
                        &REGISTER_KLANTCONTACT_COMPLEET,
                    ));
                }
            }
            for ak in koppelingen {
                tx.wis::<ActorKlantcontactInput>(ak);
            }
            for t in taken {
                let mut taak = (*tx.haal::<InterneTaakRecord>(t)?).clone();
                taak.zonder_actor(id.0);
                tx.zet(t, taak);
            }
            tx.wis::<ActorInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// F5592 Registreer actor (`POST /actoren`).
    fn registreer_actor(body: impl IntoBody) -> Actor;
    /// F9810 Wijzig actor (`PUT /actoren/{uuid}`).
    fn wijzig_actor(id: ActorId, body: impl IntoBody) -> Actor;
    /// F9810 Wijzig actor, partial (`PATCH /actoren/{uuid}`).
    fn wijzig_actor_deels(id: ActorId, patch: &Value) -> Actor;
    /// Verwijder actor (`DELETE /actoren/{uuid}`).
    fn verwijder_actor(id: ActorId) -> ();
}

register_reads! {
    /// F5002 Vraag actor op (`GET /actoren/{uuid}`).
    fn vraag_actor_op(id: ActorId) -> Actor;
    /// F5582 Zoek actor (`GET /actoren`).
    fn zoek_actor(q: &Zoekvraag) -> Page<Actor>;
}
