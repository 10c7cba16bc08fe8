//! Actoren: who acted for the municipality (F5592 registreer, F5582 zoek, F5002 vraag op,
//! F9810 wijzig). AC-05: actors are deactivated rather than deleted; in the standaard profile
//! deleting an actor that is the last actor of a klantcontact or interne taak is refused.

use uuid::Uuid;

use super::collection::Collection;
use super::lezen::Lezer;
use super::record::InterneTaakRecord;
use super::transactie::Transactie;
use super::zoeken::{flag, icontains, identificator_veld, Filter};
use super::Error;
use crate::model::{
    Actor, ActorBasis, ActorId, ActorInput, ActorInputBasis, ActorKlantcontactInput, ActorVan,
    Objectidentificator,
};
use crate::register::regels::REGISTER_KLANTCONTACT_COMPLEET;
use crate::rules::Profile;
use crate::Resource;

fn basis(l: &Lezer<'_>, id: Uuid, b: &ActorInputBasis) -> ActorBasis {
    ActorBasis::uit_invoer(b, l.basis(), ActorId(id), l.url(Resource::Actoren, id))
}

fn ident(r: &ActorInput) -> Option<&Objectidentificator> {
    r.basis()
        .actoridentificator
        .as_ref()
        .and_then(Option::as_ref)
}

/// A filter on this collection's records.
type F = Filter<ActorInput>;

const FILTERS: &[F] = &[
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
    F::bool("indicatieActief", |_, _, r, v| {
        ActorInput::actief(r) == flag(v)
    }),
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

/// Deletes actor `id`: its actor-klantcontacten go with it and it is taken off the interne
/// taken assigned to it; in the standaard profile refused when it is the last actor of a
/// klantcontact or an interne taak.
fn verwijder(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
    tx.haal::<ActorInput>(id)?;
    let koppelingen = tx.ix::<ActorKlantcontactInput>().actor.get(&id).to_vec();
    let taken = tx.ix::<InterneTaakRecord>().actor.get(&id).to_vec();
    if tx.profile() == Profile::Standaard {
        let l = tx.lezer();
        let laatste_kc = koppelingen.iter().any(|ak| {
            l.opt::<ActorKlantcontactInput>(*ak).is_some_and(|ak| {
                l.ix::<ActorKlantcontactInput>()
                    .klantcontact
                    .get(&ak.klantcontact.uuid.0)
                    .len()
                    == 1
            })
        });
        let laatste_taak = taken.iter().any(|t| {
            l.opt::<InterneTaakRecord>(*t)
                .is_some_and(|t| t.actoren().iter().all(|a| *a == id))
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
        taak.zonder_actor(id);
        tx.zet(t, taak);
    }
    tx.wis::<ActorInput>(id);
    Ok(())
}

impl Collection for ActorInput {
    type Id = ActorId;
    type Input = Self;
    type Ix = ();
    type Response = Actor;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn present(l: &Lezer<'_>, id: Uuid, r: &ActorInput, _: Option<&[String]>) -> Actor {
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
        verwijder(tx, id)
    }
}

/// What the actor-klantcontacten and interne taken ask of an actor.
impl ActorInput {
    /// AC-02: whether the actor is active (`indicatieActief`, default true).
    pub(crate) fn actief(r: &ActorInput) -> bool {
        r.basis().indicatie_actief.unwrap_or(true)
    }
}
