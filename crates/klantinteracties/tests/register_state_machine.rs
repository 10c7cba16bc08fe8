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
use klantinteracties::register::{Error, JournalOptions, Register, Zoekvraag};
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
        let voor = (reg.inhoud(), reg.lengte(), weergave(&reg));
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
                    voor == (reg.inhoud(), reg.lengte(), weergave(&reg)),
                    "step {n} {op:?} changed the register"
                );
            }
        }
        let findings = reg.controleer_invarianten();
        assert!(findings.is_empty(), "step {n} {op:?}: {findings:#?}");
        assert_eq!(reg.aantallen(), m.counts(), "step {n} {op:?}");
        for b in 0..BSNS {
            let gevonden: Vec<Uuid> = reg
                .zoek_partij(&Zoekvraag::new().filter("partijIdentificator__objectId", bsn(b)))
                .unwrap()
                .results
                .iter()
                .map(uid)
                .collect();
            let verwacht: Vec<Uuid> = m.bsn.get(&b).copied().into_iter().collect();
            assert_eq!(gevonden, verwacht, "step {n} {op:?}: BSN {b}");
        }
    }
    let log = reg.audit_log().unwrap();
    assert_eq!(log.len() as u64, reg.lengte().0);
    let kopie = Register::from_audit_log(&log, builder(Profile::Standaard, 7)).unwrap();
    assert!(kopie.inhoud() == reg.inhoud(), "replay differs");
    assert_eq!(kopie.lengte(), reg.lengte());
    assert_eq!(
        weergave(&kopie),
        weergave(&reg),
        "replay presents differently"
    );
    if journaal {
        let voor = (reg.inhoud(), reg.lengte(), log, weergave(&reg));
        drop(reg);
        let reg = open(1);
        assert!(
            voor == (
                reg.inhoud(),
                reg.lengte(),
                reg.audit_log().unwrap(),
                weergave(&reg)
            ),
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

// ---------------------------------------------------------------------------------------------
// A wider walk without a model: any call on any object, checked only for what must always
// hold (invariants, a refused call changes nothing, replay and reopen give the same register).
// ---------------------------------------------------------------------------------------------

const IBANS: &[&str] = &[
    "NL91ABNA0417164300",
    "NL20INGB0001234567",
    "DE89370400440532013000",
];
const KVKS: &[&str] = &["12345678", "23456789"];
const VESTIGINGEN: &[&str] = &["000012345678", "000087654321"];

#[derive(Debug, Clone)]
enum Wijd {
    Partij {
        organisatie: bool,
        nummer: Option<usize>,
    },
    Contactpersoon(Index),
    Identificator {
        partij: Index,
        soort: u8,
        nummer: usize,
        sub: Index,
    },
    WijzigIdentificator {
        pi: Index,
        partij: Index,
        soort: u8,
        nummer: usize,
        sub: Index,
    },
    GenesteLijst {
        partij: Index,
        houden: Vec<Index>,
        nieuw: Option<(u8, usize)>,
    },
    Adres {
        partij: Option<Index>,
        betrokkene: Option<Index>,
        telefoon: bool,
        standaard: bool,
        referentie: Option<u8>,
    },
    WijzigAdres {
        adres: Index,
        partij: Option<Index>,
        standaard: bool,
        referentie: Option<u8>,
    },
    PartijAdressen {
        partij: Index,
        lijst: Vec<Index>,
        voorkeur: Option<Index>,
    },
    Rekening {
        partij: Index,
        iban: usize,
    },
    PartijRekeningen {
        partij: Index,
        lijst: Vec<Index>,
        voorkeur: Option<Index>,
    },
    WijzigRekening {
        rn: Index,
        partij: Index,
    },
    Vertegenwoordiging(Index, Index),
    WijzigSoort {
        partij: Index,
        organisatie: bool,
    },
    Categorie,
    CategorieRelatie(Index, Index),
    Actor,
    Actief(Index, bool),
    Klantcontact {
        actoren: Vec<Index>,
        partij: Option<Index>,
        referentienummer: Option<u8>,
    },
    Koppel {
        actor: Index,
        klantcontact: Index,
    },
    Betrokkene {
        klantcontact: Index,
        partij: Option<Index>,
    },
    VerplaatsBetrokkene {
        betrokkene: Index,
        klantcontact: Index,
    },
    Taak {
        klantcontact: Index,
        actoren: Vec<Index>,
        referentienummer: Option<u8>,
    },
    TaakStatus(Index, bool),
    Onderwerpobject {
        klantcontact: Index,
        was: Option<Index>,
    },
    Verwijder {
        resource: usize,
        which: Index,
        cascade: bool,
    },
    Transactie(Vec<Wijd>, bool),
}

fn wijd_enkel() -> impl Strategy<Value = Wijd> {
    let i = any::<Index>;
    let oi = || proptest::option::of(any::<Index>());
    let lijst = || proptest::collection::vec(any::<Index>(), 0..3);
    prop_oneof![
        3 => (any::<bool>(), proptest::option::of(0..BSNS))
            .prop_map(|(organisatie, nummer)| Wijd::Partij { organisatie, nummer }),
        1 => i().prop_map(Wijd::Contactpersoon),
        3 => (i(), 0..4u8, 0..BSNS, i())
            .prop_map(|(partij, soort, nummer, sub)| Wijd::Identificator { partij, soort, nummer, sub }),
        1 => (i(), i(), 0..4u8, 0..BSNS, i()).prop_map(|(pi, partij, soort, nummer, sub)| {
            Wijd::WijzigIdentificator { pi, partij, soort, nummer, sub }
        }),
        2 => (i(), lijst(), proptest::option::of((0..4u8, 0..BSNS)))
            .prop_map(|(partij, houden, nieuw)| Wijd::GenesteLijst { partij, houden, nieuw }),
        3 => (oi(), oi(), any::<bool>(), any::<bool>(), proptest::option::of(0..2u8)).prop_map(
            |(partij, betrokkene, telefoon, standaard, referentie)| Wijd::Adres {
                partij, betrokkene, telefoon, standaard, referentie,
            }
        ),
        2 => (i(), oi(), any::<bool>(), proptest::option::of(0..2u8)).prop_map(
            |(adres, partij, standaard, referentie)| Wijd::WijzigAdres { adres, partij, standaard, referentie }
        ),
        2 => (i(), lijst(), oi())
            .prop_map(|(partij, lijst, voorkeur)| Wijd::PartijAdressen { partij, lijst, voorkeur }),
        2 => (i(), 0..IBANS.len()).prop_map(|(partij, iban)| Wijd::Rekening { partij, iban }),
        1 => (i(), lijst(), oi())
            .prop_map(|(partij, lijst, voorkeur)| Wijd::PartijRekeningen { partij, lijst, voorkeur }),
        1 => (i(), i()).prop_map(|(rn, partij)| Wijd::WijzigRekening { rn, partij }),
        2 => (i(), i()).prop_map(|(a, b)| Wijd::Vertegenwoordiging(a, b)),
        1 => (i(), any::<bool>()).prop_map(|(partij, organisatie)| Wijd::WijzigSoort { partij, organisatie }),
        1 => Just(Wijd::Categorie),
        1 => (i(), i()).prop_map(|(a, b)| Wijd::CategorieRelatie(a, b)),
        3 => Just(Wijd::Actor),
        1 => (i(), any::<bool>()).prop_map(|(a, b)| Wijd::Actief(a, b)),
        4 => (proptest::collection::vec(any::<Index>(), 0..3), oi(), proptest::option::of(0..3u8))
            .prop_map(|(actoren, partij, referentienummer)| Wijd::Klantcontact { actoren, partij, referentienummer }),
        2 => (i(), i()).prop_map(|(actor, klantcontact)| Wijd::Koppel { actor, klantcontact }),
        2 => (i(), oi()).prop_map(|(klantcontact, partij)| Wijd::Betrokkene { klantcontact, partij }),
        1 => (i(), i()).prop_map(|(betrokkene, klantcontact)| Wijd::VerplaatsBetrokkene { betrokkene, klantcontact }),
        3 => (i(), lijst(), proptest::option::of(0..3u8))
            .prop_map(|(klantcontact, actoren, referentienummer)| Wijd::Taak { klantcontact, actoren, referentienummer }),
        2 => (i(), any::<bool>()).prop_map(|(a, b)| Wijd::TaakStatus(a, b)),
        1 => (i(), oi()).prop_map(|(klantcontact, was)| Wijd::Onderwerpobject { klantcontact, was }),
        5 => (0..RESOURCES.len(), i(), any::<bool>())
            .prop_map(|(resource, which, cascade)| Wijd::Verwijder { resource, which, cascade }),
    ]
}

fn wijd() -> impl Strategy<Value = Wijd> {
    prop_oneof![
        9 => wijd_enkel(),
        1 => (proptest::collection::vec(wijd_enkel(), 1..5), any::<bool>())
            .prop_map(|(ops, fail)| Wijd::Transactie(ops, fail)),
    ]
}

const RESOURCES: &[Resource] = &[
    Resource::Partijen,
    Resource::PartijIdentificatoren,
    Resource::DigitaleAdressen,
    Resource::Rekeningnummers,
    Resource::Vertegenwoordigingen,
    Resource::Categorieen,
    Resource::CategorieRelaties,
    Resource::Klantcontacten,
    Resource::Betrokkenen,
    Resource::Actorklantcontacten,
    Resource::Onderwerpobjecten,
    Resource::Actoren,
    Resource::Internetaken,
];

/// The ids per resource, oldest first.
struct Ids(Vec<(Uuid, Resource)>);

impl Ids {
    fn of(reg: &Register) -> Self {
        Self(
            reg.inhoud()
                .into_iter()
                .map(|(id, r)| (id, r.resource()))
                .collect(),
        )
    }

    /// One of the ids of `resource`, or an id nothing has.
    fn pick(&self, resource: Resource, i: Index) -> Uuid {
        let ids: Vec<Uuid> = self
            .0
            .iter()
            .filter(|x| x.1 == resource)
            .map(|x| x.0)
            .collect();
        pick(&ids, i).unwrap_or_else(Uuid::new_v4)
    }

    fn refs(&self, resource: Resource, is: &[Index]) -> Vec<Value> {
        is.iter().map(|i| r(self.pick(resource, *i))).collect()
    }
}

fn groep(soort: u8, nummer: usize) -> Value {
    match soort {
        0 => bsn_group(&bsn(nummer)),
        1 => kvk_group(KVKS[nummer % KVKS.len()]),
        2 => vestiging_group(VESTIGINGEN[nummer % VESTIGINGEN.len()]),
        _ => rsin_group(&bsn(nummer)),
    }
}

fn identificator_body(ids: &Ids, partij: Index, soort: u8, nummer: usize, sub: Index) -> Value {
    let mut body = json!({
        "identificeerdePartij": r(ids.pick(Resource::Partijen, partij)),
        "partijIdentificator": groep(soort, nummer),
    });
    if soort == 2 {
        body["subIdentificatorVan"] = r(ids.pick(Resource::PartijIdentificatoren, sub));
    }
    body
}

/// Runs one call in `tx`; the caller decides what a failure means.
fn doe(
    tx: &mut klantinteracties::register::Transactie<'_>,
    ids: &Ids,
    op: &Wijd,
) -> Result<(), Error> {
    use Resource as R;
    let p = |i: &Index| ids.pick(R::Partijen, *i);
    match op {
        Wijd::Partij {
            organisatie,
            nummer,
        } => {
            let mut body = if *organisatie {
                organisatie_body()
            } else {
                persoon()
            };
            if let Some(n) = nummer {
                let g = if *organisatie {
                    groep(1, *n)
                } else {
                    groep(0, *n)
                };
                body["partijIdentificatoren"] = json!([{ "partijIdentificator": g }]);
            }
            tx.registreer_partij(body).map(drop)
        }
        Wijd::Contactpersoon(i) => tx
            .registreer_partij(
                json!({"soortPartij": "contactpersoon", "indicatieActief": true,
                "partijIdentificatie": {"werkteVoorPartij": r(p(i)),
                    "contactnaam": {"voornaam": "Els", "achternaam": "Bos"}}}),
            )
            .map(drop),
        Wijd::Identificator {
            partij,
            soort,
            nummer,
            sub,
        } => tx
            .registreer_partij_identificator(identificator_body(
                ids, *partij, *soort, *nummer, *sub,
            ))
            .map(drop),
        Wijd::WijzigIdentificator {
            pi,
            partij,
            soort,
            nummer,
            sub,
        } => tx
            .wijzig_partij_identificator(
                ids.pick(R::PartijIdentificatoren, *pi).into(),
                identificator_body(ids, *partij, *soort, *nummer, *sub),
            )
            .map(drop),
        Wijd::GenesteLijst {
            partij,
            houden,
            nieuw,
        } => {
            let mut lijst: Vec<Value> = Vec::new();
            for i in houden {
                let id = ids.pick(R::PartijIdentificatoren, *i);
                if let Ok(pi) = tx.vraag_partij_identificator_op(id.into()) {
                    let mut v = serde_json::to_value(pi).unwrap();
                    let v = v.as_object_mut().unwrap();
                    v.remove("url");
                    v.remove("identificeerdePartij");
                    if let Some(Value::Object(s)) = v.get_mut("subIdentificatorVan") {
                        s.remove("url");
                    }
                    lijst.push(Value::Object(v.clone()));
                }
            }
            if let Some((soort, nummer)) = nieuw {
                lijst.push(json!({ "partijIdentificator": groep(*soort, *nummer) }));
            }
            tx.wijzig_partij_deels(p(partij).into(), &json!({ "partijIdentificatoren": lijst }))
                .map(drop)
        }
        Wijd::Adres {
            partij,
            betrokkene,
            telefoon,
            standaard,
            referentie,
        } => {
            let mut body = if *telefoon {
                json!({"adres": "0612345678", "soortDigitaalAdres": "telefoonnummer"})
            } else {
                json!({"adres": "jan@example.nl", "soortDigitaalAdres": "email"})
            };
            if let Some(i) = partij {
                body["verstrektDoorPartij"] = r(p(i));
                body["isStandaardAdres"] = json!(standaard);
            }
            if let Some(i) = betrokkene {
                body["verstrektDoorBetrokkene"] = r(ids.pick(R::Betrokkenen, *i));
            }
            if let Some(x) = referentie {
                body["referentie"] = json!(format!("ref-{x}"));
            }
            tx.registreer_digitaal_adres(body).map(drop)
        }
        Wijd::WijzigAdres {
            adres,
            partij,
            standaard,
            referentie,
        } => {
            let mut patch = json!({ "isStandaardAdres": standaard });
            if let Some(i) = partij {
                patch["verstrektDoorPartij"] = r(p(i));
            }
            if let Some(x) = referentie {
                patch["referentie"] = json!(format!("ref-{x}"));
            }
            tx.wijzig_digitaal_adres_deels(ids.pick(R::DigitaleAdressen, *adres).into(), &patch)
                .map(drop)
        }
        Wijd::PartijAdressen {
            partij,
            lijst,
            voorkeur,
        } => {
            let lijst = ids.refs(R::DigitaleAdressen, lijst);
            let mut patch = json!({ "digitaleAdressen": lijst });
            if let Some(i) = voorkeur {
                patch["voorkeursDigitaalAdres"] = r(ids.pick(R::DigitaleAdressen, *i));
            }
            tx.wijzig_partij_deels(p(partij).into(), &patch).map(drop)
        }
        Wijd::Rekening { partij, iban } => tx
            .registreer_rekeningnummer(json!({"partij": r(p(partij)), "iban": IBANS[*iban]}))
            .map(drop),
        Wijd::PartijRekeningen {
            partij,
            lijst,
            voorkeur,
        } => {
            let lijst = ids.refs(R::Rekeningnummers, lijst);
            let mut patch = json!({ "rekeningnummers": lijst });
            if let Some(i) = voorkeur {
                patch["voorkeursRekeningnummer"] = r(ids.pick(R::Rekeningnummers, *i));
            }
            tx.wijzig_partij_deels(p(partij).into(), &patch).map(drop)
        }
        Wijd::WijzigRekening { rn, partij } => tx
            .wijzig_rekeningnummer_deels(
                ids.pick(R::Rekeningnummers, *rn).into(),
                &json!({ "partij": r(p(partij)) }),
            )
            .map(drop),
        Wijd::Vertegenwoordiging(a, b) => tx
            .registreer_vertegenwoordiging(
                json!({"vertegenwoordigendePartij": r(p(a)), "vertegenwoordigdePartij": r(p(b))}),
            )
            .map(drop),
        Wijd::WijzigSoort {
            partij,
            organisatie,
        } => {
            let body = if *organisatie {
                organisatie_body()
            } else {
                persoon()
            };
            tx.wijzig_partij(p(partij).into(), body).map(drop)
        }
        Wijd::Categorie => tx
            .registreer_categorie(json!({"naam": "Ondernemer"}))
            .map(drop),
        Wijd::CategorieRelatie(a, c) => tx
            .registreer_categorie_relatie(
                json!({"partij": r(p(a)), "categorie": r(ids.pick(R::Categorieen, *c))}),
            )
            .map(drop),
        Wijd::Actor => tx.registreer_actor(medewerker("Nicole")).map(drop),
        Wijd::Actief(a, actief) => tx
            .wijzig_actor_deels(
                ids.pick(R::Actoren, *a).into(),
                &json!({ "indicatieActief": actief }),
            )
            .map(drop),
        Wijd::Klantcontact {
            actoren,
            partij,
            referentienummer,
        } => {
            let mut reg = registratie(Uuid::nil(), partij.as_ref().map(&p));
            reg.actoren = actoren
                .iter()
                .map(|i| klantinteracties::model::Verwijzing::naar(ids.pick(R::Actoren, *i).into()))
                .collect();
            if let Some(n) = referentienummer {
                reg.klantcontact["referentienummer"] = json!(format!("{n}"));
            }
            tx.registreer_klantcontact(reg).map(drop)
        }
        Wijd::Koppel {
            actor,
            klantcontact,
        } => tx
            .koppel_actor_aan_klantcontact(json!({
                "actor": r(ids.pick(R::Actoren, *actor)),
                "klantcontact": r(ids.pick(R::Klantcontacten, *klantcontact))}))
            .map(drop),
        Wijd::Betrokkene {
            klantcontact,
            partij,
        } => {
            let mut body = klant();
            body["hadKlantcontact"] = r(ids.pick(R::Klantcontacten, *klantcontact));
            if let Some(i) = partij {
                body["wasPartij"] = r(p(i));
            }
            tx.registreer_betrokkene(body).map(drop)
        }
        Wijd::VerplaatsBetrokkene {
            betrokkene,
            klantcontact,
        } => tx
            .wijzig_betrokkene_deels(
                ids.pick(R::Betrokkenen, *betrokkene).into(),
                &json!({ "hadKlantcontact": r(ids.pick(R::Klantcontacten, *klantcontact)) }),
            )
            .map(drop),
        Wijd::Taak {
            klantcontact,
            actoren,
            referentienummer,
        } => {
            let mut body = taak(ids.pick(R::Klantcontacten, *klantcontact), Uuid::nil());
            body["toegewezenAanActoren"] = json!(ids.refs(R::Actoren, actoren));
            if let Some(n) = referentienummer {
                body["referentienummer"] = json!(format!("{n}"));
            }
            tx.registreer_interne_taak(body).map(drop)
        }
        Wijd::TaakStatus(t, verwerkt) => {
            let status = if *verwerkt {
                "verwerkt"
            } else {
                "te_verwerken"
            };
            tx.wijzig_interne_taak_deels(
                ids.pick(R::Internetaken, *t).into(),
                &json!({ "status": status }),
            )
            .map(drop)
        }
        Wijd::Onderwerpobject { klantcontact, was } => {
            let mut body = json!({ "klantcontact": r(ids.pick(R::Klantcontacten, *klantcontact)) });
            match was {
                Some(i) => body["wasKlantcontact"] = r(ids.pick(R::Klantcontacten, *i)),
                None => {
                    body["onderwerpobjectidentificator"] = json!({"objectId": "ZAAK-1",
                        "codeObjecttype": "zgw-Zaak", "codeRegister": "openzaak",
                        "codeSoortObjectId": "identificatie"});
                }
            }
            tx.registreer_onderwerpobject(body).map(drop)
        }
        Wijd::Verwijder {
            resource,
            which,
            cascade,
        } => {
            let id = ids.pick(RESOURCES[*resource], *which);
            match RESOURCES[*resource] {
                R::Partijen => tx.verwijder_partij(id.into()),
                R::PartijIdentificatoren => tx.verwijder_partij_identificator(id.into()),
                R::DigitaleAdressen => tx.verwijder_digitaal_adres(id.into()),
                R::Rekeningnummers => tx.verwijder_rekeningnummer(id.into()),
                R::Vertegenwoordigingen => tx.verwijder_vertegenwoordiging(id.into()),
                R::Categorieen => tx.verwijder_categorie(id.into()),
                R::CategorieRelaties => tx.verwijder_categorie_relatie(id.into()),
                R::Klantcontacten => tx.verwijder_klantcontact(id.into()),
                R::Betrokkenen => tx.verwijder_betrokkene(id.into()),
                R::Actorklantcontacten => tx.verwijder_actor_klantcontact(id.into()),
                R::Onderwerpobjecten => tx.verwijder_onderwerpobject(id.into(), *cascade).map(drop),
                R::Actoren => tx.verwijder_actor(id.into()),
                _ => tx.verwijder_interne_taak(id.into()),
            }
        }
        Wijd::Transactie(..) => unreachable!("handled by the caller"),
    }
}

fn organisatie_body() -> Value {
    organisatie("X")
}

fn run_wijd(ops: &[Wijd], profile: Profile, journaal: bool) {
    let dir = journaal.then(|| TempDir::new("wijd"));
    let open = || {
        let b = builder(profile, 1);
        match &dir {
            Some(d) => b
                .journal(JournalOptions { sync: false })
                .open(d.path())
                .unwrap(),
            None => b.in_memory(),
        }
    };
    let reg = open();
    for (n, op) in ops.iter().enumerate() {
        let ids = Ids::of(&reg);
        let voor = (reg.inhoud(), reg.lengte(), weergave(&reg));
        let r = match op {
            Wijd::Transactie(inner, fail) => reg.transactie(|tx| {
                for op in inner {
                    let _ = doe(tx, &ids, op);
                }
                if *fail {
                    Err(Error::Storage("afgebroken".to_owned()))
                } else {
                    Ok(())
                }
            }),
            op => reg.transactie(|tx| doe(tx, &ids, op)),
        };
        if let Err(e) = &r {
            let forced = matches!(op, Wijd::Transactie(_, true));
            assert!(
                forced || !matches!(e, Error::Storage(_)),
                "step {n} {op:?}: {e:?}"
            );
            assert!(
                voor == (reg.inhoud(), reg.lengte(), weergave(&reg)),
                "step {n} {op:?} refused but changed"
            );
        }
        let findings = reg.controleer_invarianten();
        assert!(
            findings.is_empty(),
            "step {n} {op:?} ({r:?}): {findings:#?}"
        );
    }
    let log = reg.audit_log().unwrap();
    let kopie = Register::from_audit_log(&log, builder(profile, 7)).unwrap();
    assert!(kopie.inhoud() == reg.inhoud(), "replay differs");
    assert_eq!(
        weergave(&kopie),
        weergave(&reg),
        "replay presents differently"
    );
    assert!(kopie.controleer_invarianten().is_empty());
    if journaal {
        // Half the time through a snapshot.
        if ops.len().is_multiple_of(2) {
            reg.snapshot().unwrap();
        }
        let voor = (reg.inhoud(), reg.lengte(), weergave(&reg));
        drop(reg);
        let reg = open();
        assert!(
            voor == (reg.inhoud(), reg.lengte(), weergave(&reg)),
            "reopen differs"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_calls_keep_the_invariants_and_refusals_change_nothing(
        ops in proptest::collection::vec(wijd(), 1..40),
        open_klant in any::<bool>(),
        journaal in proptest::bool::weighted(0.25),
    ) {
        let profile = if open_klant { Profile::OpenKlant } else { Profile::Standaard };
        run_wijd(&ops, profile, journaal);
    }
}
