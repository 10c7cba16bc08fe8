//! Actor-klantcontacten: which actor took part in which klantcontact (F6542 koppel actor aan
//! klantcontact). R30: each pair at most once. Standaard profile: only an active actor can be
//! linked (AC-02), and the last actor of a klantcontact cannot be unlinked (KC-01).

use serde_json::Value;
use uuid::Uuid;

use super::actor::actief;
use super::index::Op;
use super::lezen::Lezer;
use super::schrijven::{as_json, Checks, IntoBody};
use super::state::Indexes;
use super::transactie::Transactie;
use super::zoeken::{id, Filter, Page, Zoekvraag};
use super::{register_reads, register_writes, Error};
use crate::model::{
    ActorInput, ActorKlantcontact, ActorKlantcontactId, ActorKlantcontactInput, KlantcontactInput,
};
use crate::register::regels::{
    REGISTER_ACTOR_ACTIEF, REGISTER_KLANTCONTACT_COMPLEET, REGISTER_PAAR_UNIEK,
};
use crate::rules::Profile;
use crate::Resource;

pub(crate) fn index(ix: &mut Indexes, op: Op, id: Uuid, r: &ActorKlantcontactInput) {
    ix.ak_actor.apply(op, r.actor.uuid.0, id);
    ix.ak_klantcontact.apply(op, r.klantcontact.uuid.0, id);
}

fn present(l: &Lezer<'_>, id: Uuid, r: &ActorKlantcontactInput) -> ActorKlantcontact {
    ActorKlantcontact {
        uuid: ActorKlantcontactId(id),
        url: l.url(Resource::Actorklantcontacten, id),
        actor: l.opnieuw(Resource::Actoren, &r.actor),
        klantcontact: l.opnieuw(Resource::Klantcontacten, &r.klantcontact),
    }
}

/// A filter on this collection's records.
type F = Filter<ActorKlantcontactInput>;

pub(super) const FILTERS: &[F] = &[
    F::uuid("actor__uuid", |_, _, r, v| r.actor.uuid.0 == id(v))
        .indexed(|l, v| l.state.ix.ak_actor.get(&id(v)).to_vec()),
    F::url("actor__url", |_, _, r, v| r.actor.uuid.0 == id(v))
        .indexed(|l, v| l.state.ix.ak_actor.get(&id(v)).to_vec()),
    F::uuid("klantcontact__uuid", |_, _, r, v| {
        r.klantcontact.uuid.0 == id(v)
    })
    .indexed(|l, v| l.state.ix.ak_klantcontact.get(&id(v)).to_vec()),
    F::url("klantcontact__url", |_, _, r, v| {
        r.klantcontact.uuid.0 == id(v)
    })
    .indexed(|l, v| l.state.ix.ak_klantcontact.get(&id(v)).to_vec()),
];

impl Lezer<'_> {
    /// Vraag actor-klantcontact op (`GET /actorklantcontacten/{uuid}`).
    pub fn vraag_actor_klantcontact_op(
        &self,
        id: ActorKlantcontactId,
    ) -> Result<ActorKlantcontact, Error> {
        Ok(present(
            self,
            id.0,
            self.haal::<ActorKlantcontactInput>(id.0)?,
        ))
    }

    /// Zoek actor-klantcontacten (`GET /actorklantcontacten`).
    pub fn zoek_actor_klantcontact(&self, q: &Zoekvraag) -> Result<Page<ActorKlantcontact>, Error> {
        Self::check_expand(&[], &q.expand)?;
        self.zoek(
            &self.state.t.actorklantcontacten,
            FILTERS,
            q,
            None,
            |id, r| present(self, id, r),
        )
    }
}

/// Checks a link: both sides exist, the actor is active (standaard, for a new link), the
/// pair is new.
#[allow(clippy::many_single_char_names)]
pub(crate) fn build(
    tx: &Transactie<'_>,
    id: Uuid,
    r: ActorKlantcontactInput,
    old: Option<&ActorKlantcontactInput>,
) -> Result<ActorKlantcontactInput, Error> {
    let (a, k) = (r.actor.uuid.0, r.klantcontact.uuid.0);
    let mut checks = Checks::default();
    let actor = tx.lezer().opt::<ActorInput>(a);
    checks.reference("actor", actor.is_some(), "Actor");
    checks.reference(
        "klantcontact",
        tx.bestaat::<KlantcontactInput>(k),
        "Klantcontact",
    );
    let nieuw = old.is_none_or(|o| o.actor.uuid.0 != a || o.klantcontact.uuid.0 != k);
    if tx.profile() == Profile::Standaard && nieuw && actor.is_some_and(|x| !actief(x)) {
        checks.push(
            "actor.uuid",
            "invalid",
            "Alleen een actieve actor (indicatieActief) kan aan een klantcontact worden gekoppeld.",
            &REGISTER_ACTOR_ACTIEF,
        );
    }
    checks.invalid()?;
    let l = tx.lezer();
    let taken = l.state.ix.ak_actor.get(&a).iter().any(|o| {
        *o != id
            && l.opt::<ActorKlantcontactInput>(*o)
                .is_some_and(|o| o.klantcontact.uuid.0 == k)
    });
    if taken {
        return Err(Error::conflict(
            "nonFieldErrors",
            "unique",
            "De velden actor, klantcontact moeten een unieke set zijn.",
            &REGISTER_PAAR_UNIEK,
        ));
    }
    Ok(r)
}

/// KC-01 (standaard profile): refuses to take away the last actor of a klantcontact.
fn laatste_actor(
    tx: &Transactie<'_>,
    id: Uuid,
    old: &ActorKlantcontactInput,
    new_kc: Option<Uuid>,
) -> Result<(), Error> {
    let k = old.klantcontact.uuid.0;
    if tx.profile() == Profile::Standaard
        && new_kc != Some(k)
        && tx.bestaat::<KlantcontactInput>(k)
        && tx.state.ix.ak_klantcontact.get(&k).iter().all(|o| *o == id)
    {
        return Err(Error::protected(
            "nonFieldErrors",
            "protected",
            "Een klantcontact heeft minimaal één actor; de laatste actor kan niet worden ontkoppeld.",
            &REGISTER_KLANTCONTACT_COMPLEET,
        ));
    }
    Ok(())
}

impl Transactie<'_> {
    /// F6542 Koppel actor aan klantcontact (`POST /actorklantcontacten`).
    pub fn koppel_actor_aan_klantcontact(
        &mut self,
        body: impl IntoBody,
    ) -> Result<ActorKlantcontact, Error> {
        self.call(Some("F6542"), "koppel_actor_aan_klantcontact", |tx| {
            let id = tx.maak(body.into_body()?, |tx, id, i| build(tx, id, i, None))?;
            tx.vraag_actor_klantcontact_op(ActorKlantcontactId(id))
        })
    }

    /// Wijzig actor-klantcontact (`PUT /actorklantcontacten/{uuid}`).
    pub fn wijzig_actor_klantcontact(
        &mut self,
        id: ActorKlantcontactId,
        body: impl IntoBody,
    ) -> Result<ActorKlantcontact, Error> {
        self.call(None, "wijzig_actor_klantcontact", |tx| {
            tx.vervang(
                id.0,
                body.into_body()?,
                as_json,
                |tx, id, i: ActorKlantcontactInput, old| {
                    laatste_actor(tx, id, old, Some(i.klantcontact.uuid.0))?;
                    build(tx, id, i, Some(old))
                },
            )?;
            tx.vraag_actor_klantcontact_op(id)
        })
    }

    /// Wijzig actor-klantcontact deels (`PATCH /actorklantcontacten/{uuid}`).
    pub fn wijzig_actor_klantcontact_deels(
        &mut self,
        id: ActorKlantcontactId,
        patch: &Value,
    ) -> Result<ActorKlantcontact, Error> {
        self.call(None, "wijzig_actor_klantcontact_deels", |tx| {
            tx.wijzig_deels(
                id.0,
                patch,
                as_json,
                |tx, id, i: ActorKlantcontactInput, old| {
                    laatste_actor(tx, id, old, Some(i.klantcontact.uuid.0))?;
                    build(tx, id, i, Some(old))
                },
            )?;
            tx.vraag_actor_klantcontact_op(id)
        })
    }

    /// Ontkoppel actor van klantcontact (`DELETE /actorklantcontacten/{uuid}`).
    pub fn verwijder_actor_klantcontact(&mut self, id: ActorKlantcontactId) -> Result<(), Error> {
        self.call(None, "verwijder_actor_klantcontact", |tx| {
            let old = tx.haal::<ActorKlantcontactInput>(id.0)?;
            laatste_actor(tx, id.0, &old, None)?;
            tx.wis::<ActorKlantcontactInput>(id.0);
            Ok(())
        })
    }
}

register_writes! {
    /// F6542 Koppel actor aan klantcontact (`POST /actorklantcontacten`).
    fn koppel_actor_aan_klantcontact(body: impl IntoBody) -> ActorKlantcontact;
    /// Wijzig actor-klantcontact (`PUT /actorklantcontacten/{uuid}`).
    fn wijzig_actor_klantcontact(id: ActorKlantcontactId, body: impl IntoBody) -> ActorKlantcontact;
    /// Wijzig actor-klantcontact deels (`PATCH /actorklantcontacten/{uuid}`).
    fn wijzig_actor_klantcontact_deels(id: ActorKlantcontactId, patch: &Value) -> ActorKlantcontact;
    /// Ontkoppel actor van klantcontact (`DELETE /actorklantcontacten/{uuid}`).
    fn verwijder_actor_klantcontact(id: ActorKlantcontactId) -> ();
}

register_reads! {
    /// Vraag actor-klantcontact op (`GET /actorklantcontacten/{uuid}`).
    fn vraag_actor_klantcontact_op(id: ActorKlantcontactId) -> ActorKlantcontact;
    /// Zoek actor-klantcontacten (`GET /actorklantcontacten`).
    fn zoek_actor_klantcontact(q: &Zoekvraag) -> Page<ActorKlantcontact>;
}
