//! Actor-klantcontacten: which actor took part in which klantcontact (F6542 koppel actor aan
//! klantcontact). R30: each pair at most once. Standaard profile: only an active actor can be
//! linked (AC-02), and the last actor of a klantcontact cannot be unlinked (KC-01).

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::Checks;
use super::transactie::Transactie;
use super::zoeken::{id, Filter};
use super::Error;
use crate::model::{
    ActorInput, ActorKlantcontact, ActorKlantcontactId, ActorKlantcontactInput, KlantcontactInput,
};
use crate::register::regels::{
    REGISTER_ACTOR_ACTIEF, REGISTER_KLANTCONTACT_COMPLEET, REGISTER_PAAR_UNIEK,
};
use crate::rules::Profile;
use crate::Resource;

/// A filter on this collection's records.
type F = Filter<ActorKlantcontactInput>;

const FILTERS: &[F] = &[
    F::uuid("actor__uuid", |_, _, r, v| r.actor.uuid.0 == id(v))
        .via(|l| &l.ix::<ActorKlantcontactInput>().actor),
    F::url("actor__url", |_, _, r, v| r.actor.uuid.0 == id(v))
        .via(|l| &l.ix::<ActorKlantcontactInput>().actor),
    F::uuid("klantcontact__uuid", |_, _, r, v| {
        r.klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<ActorKlantcontactInput>().klantcontact),
    F::url("klantcontact__url", |_, _, r, v| {
        r.klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<ActorKlantcontactInput>().klantcontact),
];

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
        && tx
            .ix::<ActorKlantcontactInput>()
            .klantcontact
            .get(&k)
            .iter()
            .all(|o| *o == id)
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

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// actor → actor-klantcontacten.
    pub(crate) actor: MultiIndex<Uuid>,
    /// klantcontact → actor-klantcontacten.
    pub(crate) klantcontact: MultiIndex<Uuid>,
}

impl Collection for ActorKlantcontactInput {
    type Id = ActorKlantcontactId;
    type Input = Self;
    type Ix = Ix;
    type Response = ActorKlantcontact;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &ActorKlantcontactInput) {
        ix.actor.apply(op, r.actor.uuid.0, id);
        ix.klantcontact.apply(op, r.klantcontact.uuid.0, id);
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &ActorKlantcontactInput,
        _: Option<&[String]>,
    ) -> ActorKlantcontact {
        ActorKlantcontact::uit_invoer(
            r,
            l.basis(),
            ActorKlantcontactId(id),
            l.url(Resource::Actorklantcontacten, id),
        )
    }

    /// Checks a link: both sides exist, the actor is active (standaard, for a new link), the
    /// pair is new.
    #[allow(clippy::many_single_char_names)]
    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        r: Self::Input,
        old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        if let Some(old) = old {
            laatste_actor(tx, id, old, Some(r.klantcontact.uuid.0))?;
        }
        let (a, k) = (r.actor.uuid.0, r.klantcontact.uuid.0);
        let mut checks = Checks::at(pad);
        let actor = tx.lezer().opt::<ActorInput>(a);
        checks.reference("actor", actor.is_some(), "Actor");
        checks.bestaat::<KlantcontactInput>(tx.lezer(), "klantcontact", k);
        let nieuw = old.is_none_or(|o| o.actor.uuid.0 != a || o.klantcontact.uuid.0 != k);
        if tx.profile() == Profile::Standaard
            && nieuw
            && actor.is_some_and(|x| !ActorInput::actief(x))
        {
            checks.push(
                "actor.uuid",
                "invalid",
                "Alleen een actieve actor (indicatieActief) kan aan een klantcontact worden gekoppeld.",
                &REGISTER_ACTOR_ACTIEF,
            );
        }
        checks.invalid()?;
        let l = tx.lezer();
        let taken = l
            .ix::<ActorKlantcontactInput>()
            .actor
            .get(&a)
            .iter()
            .any(|o| {
                *o != id
                    && l.opt::<ActorKlantcontactInput>(*o)
                        .is_some_and(|o| o.klantcontact.uuid.0 == k)
            });
        if taken {
            return Err(Error::conflict(
                &format!("{pad}nonFieldErrors"),
                "unique",
                "De velden actor, klantcontact moeten een unieke set zijn.",
                &REGISTER_PAAR_UNIEK,
            ));
        }
        Ok(r)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        let old = tx.haal::<Self>(id)?;
        laatste_actor(tx, id, &old, None)?;
        tx.wis::<Self>(id);
        Ok(())
    }
}
