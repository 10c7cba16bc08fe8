//! A state-machine test of the register: random sequences of F-function calls (partijen with
//! and without BSN, digitale adressen, actoren, klantcontacten with actor and betrokkene,
//! interne taken and their status, deletes of random existing objects, and calls that must
//! be refused: a duplicate BSN, unknown references, an inactive actor, the last betrokkene)
//! run against a small model of what the register should hold. After every step the
//! invariants hold, the counts match the model, and a refused call changed nothing; at the
//! end the audit log replays to the same register, and a register kept in a journal reopens
//! equal.

// Short names (a, k, p, t) for the objects of a step read best next to the model.
#![allow(clippy::many_single_char_names)]

#[path = "support/register.rs"]
mod support;

use std::collections::BTreeMap;

use klantinteracties::model::{
    ActorId, BetrokkeneId, DigitaalAdresId, InterneTaakId, KlantcontactId, PartijId,
};
use klantinteracties::register::{Error, JournalOptions, Register};
use klantinteracties::rules::Profile;
use klantinteracties::Resource;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};
use support::*;
use uuid::Uuid;

/// The `i`-th valid BSN (11-proef) of a small pool.
fn bsn(i: usize) -> String {
    let mut base = 10_000_000 + 7_919 * i as u64;
    loop {
        let digits: Vec<u64> = base
            .to_string()
            .bytes()
            .map(|b| u64::from(b - b'0'))
            .collect();
        let sum: u64 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
        let check = sum % 11;
        if check < 10 {
            return format!("{base}{check}");
        }
        base += 1;
    }
}

const BSNS: usize = 6;

#[derive(Debug, Clone)]
enum Op {
    Partij,
    PartijMetBsn(usize),
    DigitaalAdres(Index),
    Actor,
    DeactiveerActor(Index),
    Klantcontact {
        actor: Index,
        partij: Option<Index>,
    },
    InterneTaak {
        klantcontact: Index,
        actor: Index,
    },
    TaakStatus {
        taak: Index,
        verwerkt: bool,
    },
    VerwijderPartij(Index),
    VerwijderDigitaalAdres(Index),
    VerwijderActor(Index),
    VerwijderKlantcontact(Index),
    VerwijderTaak(Index),
    /// Refused in standaard: every klantcontact here has one betrokkene.
    VerwijderBetrokkene(Index),
    /// Refused: a klantcontact whose actor does not exist.
    OnbekendeActor,
    /// Refused: a digitaal adres of a partij that does not exist.
    OnbekendePartij,
    /// A transaction of several calls whose last call fails (a duplicate BSN).
    MislukteTransactie(usize),
    /// A klantcontact built up call by call in one transaction.
    LosseKlantcontact(Index),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Partij),
        4 => (0..BSNS).prop_map(Op::PartijMetBsn),
        3 => any::<Index>().prop_map(Op::DigitaalAdres),
        3 => Just(Op::Actor),
        1 => any::<Index>().prop_map(Op::DeactiveerActor),
        4 => (any::<Index>(), proptest::option::of(any::<Index>()))
            .prop_map(|(actor, partij)| Op::Klantcontact { actor, partij }),
        4 => (any::<Index>(), any::<Index>())
            .prop_map(|(klantcontact, actor)| Op::InterneTaak { klantcontact, actor }),
        3 => (any::<Index>(), any::<bool>())
            .prop_map(|(taak, verwerkt)| Op::TaakStatus { taak, verwerkt }),
        2 => any::<Index>().prop_map(Op::VerwijderPartij),
        1 => any::<Index>().prop_map(Op::VerwijderDigitaalAdres),
        1 => any::<Index>().prop_map(Op::VerwijderActor),
        1 => any::<Index>().prop_map(Op::VerwijderKlantcontact),
        1 => any::<Index>().prop_map(Op::VerwijderTaak),
        1 => any::<Index>().prop_map(Op::VerwijderBetrokkene),
        1 => Just(Op::OnbekendeActor),
        1 => Just(Op::OnbekendePartij),
        1 => (0..BSNS).prop_map(Op::MislukteTransactie),
        1 => any::<Index>().prop_map(Op::LosseKlantcontact),
    ]
}

/// What the register should hold.
#[derive(Debug, Default)]
struct Model {
    partijen: Vec<Uuid>,
    /// BSN index → the partij it identifies.
    bsn: BTreeMap<usize, Uuid>,
    /// (adres, partij).
    adressen: Vec<(Uuid, Uuid)>,
    /// (actor, actief).
    actoren: Vec<(Uuid, bool)>,
    /// (klantcontact, its actor, its betrokkene).
    klantcontacten: Vec<(Uuid, Uuid, Uuid)>,
    /// (taak, klantcontact, actor).
    taken: Vec<(Uuid, Uuid, Uuid)>,
}

impl Model {
    fn counts(&self) -> Vec<(Resource, usize)> {
        let kc = self.klantcontacten.len();
        vec![
            (Resource::Partijen, self.partijen.len()),
            (Resource::PartijIdentificatoren, self.bsn.len()),
            (Resource::DigitaleAdressen, self.adressen.len()),
            (Resource::Rekeningnummers, 0),
            (Resource::Vertegenwoordigingen, 0),
            (Resource::Categorieen, 0),
            (Resource::CategorieRelaties, 0),
            (Resource::Klantcontacten, kc),
            (Resource::Betrokkenen, kc),
            (Resource::Actorklantcontacten, kc),
            (Resource::Onderwerpobjecten, 0),
            (Resource::Bijlagen, 0),
            (Resource::Actoren, self.actoren.len()),
            (Resource::Internetaken, self.taken.len()),
        ]
    }
}

fn pick<T: Copy>(v: &[T], i: Index) -> Option<T> {
    (!v.is_empty()).then(|| v[i.index(v.len())])
}

/// An id for a pick from an empty list: nothing has it.
fn of_onbekend<T: Copy>(v: Option<T>, f: impl Fn(T) -> Uuid) -> Uuid {
    v.map_or_else(Uuid::new_v4, f)
}

/// Runs one call; returns whether the model expects it to be accepted and the outcome.
fn stap(reg: &Register, m: &mut Model, op: &Op) -> (bool, Result<(), Error>) {
    fn klaar<T>(r: Result<T, Error>) -> Result<(), Error> {
        r.map(|_| ())
    }
    match op {
        Op::Partij => {
            let r = reg.registreer_partij(persoon());
            if let Ok(p) = &r {
                m.partijen.push(uid(p));
            }
            (true, klaar(r))
        }
        Op::PartijMetBsn(b) => {
            let accept = !m.bsn.contains_key(b);
            let r = reg.registreer_partij(persoon_met_bsn(&bsn(*b)));
            if let Ok(p) = &r {
                m.partijen.push(uid(p));
                m.bsn.insert(*b, uid(p));
            }
            (accept, klaar(r))
        }
        Op::DigitaalAdres(i) => {
            let p = pick(&m.partijen, *i);
            let r = reg.registreer_digitaal_adres(email(of_onbekend(p, |p| p), "jan@example.nl"));
            if let (Ok(a), Some(p)) = (&r, p) {
                m.adressen.push((uid(a), p));
            }
            (p.is_some(), klaar(r))
        }
        Op::Actor => {
            let r = reg.registreer_actor(medewerker("Nicole"));
            if let Ok(a) = &r {
                m.actoren.push((uid(a), true));
            }
            (true, klaar(r))
        }
        Op::DeactiveerActor(i) => {
            let a = pick(&m.actoren, *i);
            let id = of_onbekend(a, |a| a.0);
            let r = reg.wijzig_actor_deels(ActorId(id), &json!({"indicatieActief": false}));
            if r.is_ok() {
                m.actoren
                    .iter_mut()
                    .filter(|x| x.0 == id)
                    .for_each(|x| x.1 = false);
            }
            (a.is_some(), klaar(r))
        }
        Op::Klantcontact { actor, partij } => {
            let a = pick(&m.actoren, *actor);
            let p = partij.as_ref().map(|i| pick(&m.partijen, *i));
            let accept = a.is_some_and(|a| a.1) && p != Some(None);
            let r = reg.registreer_klantcontact(registratie(
                of_onbekend(a, |a| a.0),
                p.map(|p| of_onbekend(p, |p| p)),
            ));
            if let Ok(d) = &r {
                m.klantcontacten.push((
                    uid(&d.klantcontact),
                    of_onbekend(a, |a| a.0),
                    uid(&d.betrokkenen[0]),
                ));
            }
            (accept, klaar(r))
        }
        Op::InterneTaak {
            klantcontact,
            actor,
        } => {
            let k = pick(&m.klantcontacten, *klantcontact);
            let a = pick(&m.actoren, *actor);
            let accept = k.is_some() && a.is_some_and(|a| a.1);
            let (k, a) = (of_onbekend(k, |k| k.0), of_onbekend(a, |a| a.0));
            let r = reg.registreer_interne_taak(taak(k, a));
            if let Ok(t) = &r {
                m.taken.push((uid(t), k, a));
            }
            (accept, klaar(r))
        }
        Op::TaakStatus { taak, verwerkt } => {
            let t = pick(&m.taken, *taak);
            let id = InterneTaakId(of_onbekend(t, |t| t.0));
            let status = if *verwerkt {
                "verwerkt"
            } else {
                "te_verwerken"
            };
            let r = reg.wijzig_interne_taak_deels(id, &json!({ "status": status }));
            if let Ok(taak) = &r {
                let v = serde_json::to_value(taak).unwrap();
                assert_eq!(v["status"], json!(status));
                assert_eq!(v["afgehandeldOp"].is_string(), *verwerkt, "{v}");
            }
            (t.is_some(), klaar(r))
        }
        Op::VerwijderPartij(i) => {
            let p = pick(&m.partijen, *i);
            let id = of_onbekend(p, |p| p);
            let r = reg.verwijder_partij(PartijId(id));
            if r.is_ok() {
                m.partijen.retain(|x| *x != id);
                m.bsn.retain(|_, x| *x != id);
                m.adressen.retain(|x| x.1 != id);
            }
            (p.is_some(), r)
        }
        Op::VerwijderDigitaalAdres(i) => {
            let a = pick(&m.adressen, *i);
            let id = of_onbekend(a, |a| a.0);
            let r = reg.verwijder_digitaal_adres(DigitaalAdresId(id));
            if r.is_ok() {
                m.adressen.retain(|x| x.0 != id);
            }
            (a.is_some(), r)
        }
        Op::VerwijderActor(i) => {
            let a = pick(&m.actoren, *i);
            let id = of_onbekend(a, |a| a.0);
            // Standaard: not the last actor of a klantcontact or a task (here: any).
            let laatste =
                m.klantcontacten.iter().any(|k| k.1 == id) || m.taken.iter().any(|t| t.2 == id);
            let r = reg.verwijder_actor(ActorId(id));
            if r.is_ok() {
                m.actoren.retain(|x| x.0 != id);
            }
            (a.is_some() && !laatste, r)
        }
        Op::VerwijderKlantcontact(i) => {
            let k = pick(&m.klantcontacten, *i);
            let id = of_onbekend(k, |k| k.0);
            let r = reg.verwijder_klantcontact(KlantcontactId(id));
            if r.is_ok() {
                m.klantcontacten.retain(|x| x.0 != id);
                m.taken.retain(|x| x.1 != id);
            }
            (k.is_some(), r)
        }
        Op::VerwijderTaak(i) => {
            let t = pick(&m.taken, *i);
            let id = of_onbekend(t, |t| t.0);
            let r = reg.verwijder_interne_taak(InterneTaakId(id));
            if r.is_ok() {
                m.taken.retain(|x| x.0 != id);
            }
            (t.is_some(), r)
        }
        Op::VerwijderBetrokkene(i) => {
            let k = pick(&m.klantcontacten, *i);
            let r = reg.verwijder_betrokkene(BetrokkeneId(of_onbekend(k, |k| k.2)));
            if let (Some(_), Err(e)) = (k, &r) {
                assert!(e.contains("nonFieldErrors", "protected"), "{e:?}");
            }
            (false, r)
        }
        Op::OnbekendeActor => {
            let r = reg.registreer_klantcontact(registratie(Uuid::new_v4(), None));
            (false, klaar(r))
        }
        Op::OnbekendePartij => {
            let r = reg.registreer_digitaal_adres(email(Uuid::new_v4(), "jan@example.nl"));
            (false, klaar(r))
        }
        Op::MislukteTransactie(b) => {
            let r = reg.transactie(|tx| {
                let p = uid(&tx.registreer_partij(persoon())?);
                tx.registreer_digitaal_adres(email(p, "jan@example.nl"))?;
                tx.registreer_actor(medewerker("Bert"))?;
                tx.registreer_partij(persoon_met_bsn(&bsn(*b)))?;
                tx.registreer_partij(persoon_met_bsn(&bsn(*b)))
            });
            (false, klaar(r))
        }
        Op::LosseKlantcontact(i) => {
            let a = pick(&m.actoren, *i);
            let accept = a.is_some_and(|a| a.1);
            let actor = of_onbekend(a, |a| a.0);
            let r = reg.transactie(|tx| {
                let k = uid(&tx.registreer_klantcontact_los(klantcontact_body())?);
                tx.koppel_actor_aan_klantcontact(json!({"actor": r(actor), "klantcontact": r(k)}))?;
                let mut b: Value = klant();
                b["hadKlantcontact"] = r(k);
                let b = uid(&tx.registreer_betrokkene(b)?);
                Ok((k, b))
            });
            if let Ok((k, b)) = &r {
                m.klantcontacten.push((*k, actor, *b));
            }
            (accept, klaar(r))
        }
    }
}

fn run(ops: &[Op], journaal: bool) {
    let dir = journaal.then(|| TempDir::new("state-machine"));
    let open = |seed| {
        let b = builder(Profile::Standaard, seed);
        match &dir {
            Some(d) => b
                .journal(JournalOptions { sync: false })
                .open(d.path())
                .unwrap(),
            None => b.in_memory(),
        }
    };
    let reg = open(1);
    let mut m = Model::default();
    for (n, op) in ops.iter().enumerate() {
        let voor = (reg.inhoud(), reg.lengte());
        let (accept, r) = stap(&reg, &mut m, op);
        match &r {
            Ok(()) => assert!(accept, "step {n} {op:?} was accepted"),
            Err(e) => {
                assert!(
                    !accept,
                    "step {n} {op:?} was refused: {e:?} {:#?}",
                    e.report()
                );
                assert!(
                    matches!(
                        e,
                        Error::Invalid(_)
                            | Error::Conflict(_)
                            | Error::Protected(_)
                            | Error::NotFound { .. }
                    ),
                    "step {n} {op:?}: {e:?}"
                );
                assert!(
                    voor == (reg.inhoud(), reg.lengte()),
                    "step {n} {op:?} changed the register"
                );
            }
        }
        let findings = reg.controleer_invarianten();
        assert!(findings.is_empty(), "step {n} {op:?}: {findings:#?}");
        assert_eq!(reg.aantallen(), m.counts(), "step {n} {op:?}");
    }
    let log = reg.audit_log().unwrap();
    assert_eq!(log.len() as u64, reg.lengte().0);
    let kopie = Register::from_audit_log(&log, builder(Profile::Standaard, 7));
    assert!(kopie.inhoud() == reg.inhoud(), "replay differs");
    assert_eq!(kopie.lengte(), reg.lengte());
    if journaal {
        let voor = (reg.inhoud(), reg.lengte(), log);
        drop(reg);
        let reg = open(1);
        assert!(
            voor == (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap()),
            "reopen differs"
        );
        assert!(reg.controleer_invarianten().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_calls_keep_the_register_consistent(
        ops in proptest::collection::vec(op(), 1..40),
        journaal in proptest::bool::weighted(0.25),
    ) {
        run(&ops, journaal);
    }
}

#[test]
fn the_bsn_pool_is_valid_and_distinct() {
    let pool: Vec<String> = (0..BSNS).map(bsn).collect();
    let reg = register();
    for b in &pool {
        reg.registreer_partij(persoon_met_bsn(b)).unwrap();
    }
    let mut sorted = pool.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), BSNS);
}
