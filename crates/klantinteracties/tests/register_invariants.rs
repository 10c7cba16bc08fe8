//! The register's cross-object rules (`register::regels::RULES`): for every rule at least one
//! accepted case and one refused case that names the error kind, `name`, `code` and `rule`,
//! and the open-klant profile leaves the standaard-only rules alone. A rule that the register
//! never refuses because it repairs the state itself (a new standaard adres demotes the old,
//! `afgehandeldOp` is stamped) or because a document rule refuses first is shown by the
//! invariant check on a register replayed from a doctored audit log.
//!
//! Also: on-delete semantics, atomicity of calls and transactions, and search.

// Short names (a, b, k, p) for the objects of a case read best next to the rules.
#![allow(clippy::many_single_char_names)]

#[path = "support/register.rs"]
mod support;

use std::collections::BTreeSet;

use klantinteracties::model::{
    ActorId, ActorKlantcontactId, BetrokkeneId, CategorieRelatieId, DigitaalAdresId, InterneTaakId,
    KlantcontactId, OnderwerpobjectId, PartijId, PartijIdentificatorId, RekeningnummerId,
    VertegenwoordigdenId,
};
use klantinteracties::register::regels::RULES;
use klantinteracties::register::{
    AuditRecord, Error, KlantcontactRegistratie, Register, Zoekvraag, MAX_PAGE_SIZE,
};
use klantinteracties::rules::{Profile, Violation};
use klantinteracties::Resource;
use serde::Serialize;
use serde_json::{json, Value};
use support::*;
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// Recording what the cases saw
// ---------------------------------------------------------------------------------------------

/// The rule ids the cases refused with (or flagged), and the standaard-only rules the
/// open-klant profile was seen to leave alone.
#[derive(Debug, Default)]
struct Seen {
    refused: BTreeSet<String>,
    codes: BTreeSet<(String, String)>,
    open_klant_silent: BTreeSet<String>,
}

impl Seen {
    /// Asserts that `e` is of `kind` and names (`name`, `code`, `rule`), and records the rule.
    #[track_caller]
    fn refused(&mut self, e: &Error, kind: &str, name: &str, code: &str, rule: &str) {
        assert_eq!(e.kind(), kind, "kind of {e:?}");
        let report = e.report().expect("a refusal with violations");
        assert!(
            report
                .violations
                .iter()
                .any(|v| v.name == name && v.code == code && v.rule == rule),
            "expected ({name}, {code}, {rule}) in {:#?}",
            report.violations
        );
        assert!(e.contains(name, code));
        self.refused.insert(rule.to_owned());
        self.codes.insert((rule.to_owned(), code.to_owned()));
    }

    /// Asserts that the invariant check flags `rule` on an object of `what`, and records it.
    #[track_caller]
    fn flagged(&mut self, findings: &[Violation], what: &str, rule: &str) {
        assert!(
            findings
                .iter()
                .any(|v| v.name.starts_with(&format!("{what}.")) && v.rule == rule),
            "expected {rule} on {what} in {findings:#?}"
        );
        self.refused.insert(rule.to_owned());
    }

    /// Records that the open-klant profile accepted what `rule` refuses in standaard.
    fn silent(&mut self, rule: &str) {
        self.open_klant_silent.insert(rule.to_owned());
    }
}

/// Runs a call that must be refused, checks that it changed nothing, and returns the error.
#[track_caller]
fn weiger<T: std::fmt::Debug>(
    reg: &Register,
    f: impl FnOnce(&Register) -> Result<T, Error>,
) -> Error {
    let before = (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap().len());
    let e = f(reg).expect_err("the call should be refused");
    let after = (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap().len());
    assert!(
        before == after,
        "a refused call changed the register: {e:?}"
    );
    assert!(reg.controleer_invarianten().is_empty());
    e
}

/// Runs a call that must be accepted, checks the invariants, and returns the answer.
#[track_caller]
fn ok<T>(reg: &Register, result: Result<T, Error>) -> T {
    let v = result.unwrap_or_else(|e| panic!("refused: {e:?} {:#?}", e.report()));
    let findings = reg.controleer_invarianten();
    assert!(findings.is_empty(), "{findings:#?}");
    v
}

fn json_of<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap()
}

fn aantal(reg: &Register, resource: Resource) -> usize {
    reg.aantallen()
        .into_iter()
        .find(|(r, _)| *r == resource)
        .map_or(0, |(_, n)| n)
}

/// A register replayed from `reg`'s audit log after `edit` changed it (as JSON).
fn vervalst(reg: &Register, edit: impl FnOnce(&mut Vec<Value>)) -> Register {
    let mut log: Vec<Value> = reg.audit_log().unwrap().iter().map(json_of).collect();
    edit(&mut log);
    let log: Vec<AuditRecord> = log
        .into_iter()
        .map(|r| serde_json::from_value(r).unwrap())
        .collect();
    Register::from_audit_log(&log, builder(reg.profile(), 99)).unwrap()
}

/// The index of the last audit record about `id`.
fn laatste(log: &[Value], id: Uuid) -> usize {
    log.iter()
        .rposition(|r| r["id"] == json!(id))
        .expect("a record of the object")
}

fn partij(reg: &Register, body: Value) -> Uuid {
    uid(&ok(reg, reg.registreer_partij(body)))
}

fn actor(reg: &Register, naam: &str) -> Uuid {
    uid(&ok(reg, reg.registreer_actor(medewerker(naam))))
}

/// A klantcontact with actor `a` and a klant betrokkene; returns (klantcontact, betrokkene,
/// actor-klantcontact).
fn klantcontact(reg: &Register, a: Uuid, p: Option<Uuid>) -> (Uuid, Uuid, Uuid) {
    let d = ok(reg, reg.registreer_klantcontact(registratie(a, p)));
    (
        uid(&d.klantcontact),
        uid(&d.betrokkenen[0]),
        uid(&d.actorklantcontacten[0]),
    )
}

fn identificator(reg: &Register, p: Option<Uuid>, group: Value, sub: Option<Uuid>) -> Uuid {
    let mut body = json!({});
    body["partijIdentificator"] = group;
    if let Some(p) = p {
        body["identificeerdePartij"] = r(p);
    }
    if let Some(s) = sub {
        body["subIdentificatorVan"] = r(s);
    }
    uid(&ok(reg, reg.registreer_partij_identificator(body)))
}

fn partij_json(reg: &Register, p: Uuid) -> Value {
    json_of(&reg.vraag_partij_op(PartijId(p), &[]).unwrap())
}

// ---------------------------------------------------------------------------------------------
// One case per rule
// ---------------------------------------------------------------------------------------------

fn verwijzing(s: &mut Seen) {
    let reg = register();
    let onbekend = Uuid::new_v4();
    let p = partij(&reg, persoon());
    let a = actor(&reg, "Nicole");
    ok(
        &reg,
        reg.registreer_digitaal_adres(email(p, "jan@example.nl")),
    );
    let (k, _, _) = klantcontact(&reg, a, Some(p));
    ok(&reg, reg.registreer_interne_taak(taak(k, a)));

    let e = weiger(&reg, |reg| {
        reg.registreer_digitaal_adres(email(onbekend, "jan@example.nl"))
    });
    s.refused(
        &e,
        "invalid",
        "verstrektDoorPartij.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_betrokkene(json!({"hadKlantcontact": r(onbekend), "rol": "klant",
                                         "initiator": true}))
    });
    s.refused(
        &e,
        "invalid",
        "hadKlantcontact.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_klantcontact(registratie(onbekend, None))
    });
    s.refused(
        &e,
        "invalid",
        "actoren.0.actor.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_klantcontact(registratie(a, Some(onbekend)))
    });
    s.refused(
        &e,
        "invalid",
        "betrokkenen.0.wasPartij.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| reg.registreer_interne_taak(taak(k, onbekend)));
    s.refused(
        &e,
        "invalid",
        "toegewezenAanActoren.0.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| reg.registreer_interne_taak(taak(onbekend, a)));
    s.refused(
        &e,
        "invalid",
        "aanleidinggevendKlantcontact.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(PartijId(p), &json!({"digitaleAdressen": [r(onbekend)]}))
    });
    s.refused(
        &e,
        "invalid",
        "digitaleAdressen.0.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_rekeningnummer(json!({"partij": r(onbekend), "iban": "NL91ABNA0417164300"}))
    });
    s.refused(
        &e,
        "invalid",
        "partij.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_onderwerpobject(
            json!({"klantcontact": r(k), "wasKlantcontact": r(onbekend)}),
        )
    });
    s.refused(
        &e,
        "invalid",
        "wasKlantcontact.uuid",
        "invalid",
        "register.verwijzing",
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(PartijId(onbekend), &json!({}))
    });
    assert!(matches!(e, Error::NotFound { resource: Resource::Partijen, id } if id == onbekend));
}

fn uuid_uniek(s: &mut Seen) {
    let reg = register();
    let id = Uuid::new_v4();
    let mut body = persoon();
    body["uuid"] = json!(id);
    let p = partij(&reg, body.clone());
    assert_eq!(p, id, "the caller's uuid is used");
    // Another resource may use the same uuid.
    let mut a = medewerker("Nicole");
    a["uuid"] = json!(id);
    ok(&reg, reg.registreer_actor(a));
    let e = weiger(&reg, |reg| reg.registreer_partij(body));
    s.refused(&e, "conflict", "uuid", "unique", "register.uuid-uniek");
}

fn identificator_uniek(s: &mut Seen) {
    let reg = register();
    let jan = partij(&reg, persoon_met_bsn(BSN));
    let e = weiger(&reg, |reg| reg.registreer_partij(persoon_met_bsn(BSN)));
    s.refused(
        &e,
        "conflict",
        "partijIdentificatoren.0.partijIdentificator",
        "unique",
        "register.identificator-uniek",
    );
    let piet = partij(&reg, persoon());
    let e = weiger(&reg, |reg| {
        reg.registreer_partij_identificator(json!({"identificeerdePartij": r(piet),
                                                   "partijIdentificator": bsn_group(BSN)}))
    });
    s.refused(
        &e,
        "conflict",
        "partijIdentificator",
        "unique",
        "register.identificator-uniek",
    );
    // The same number as another soort is another identificator.
    let org = partij(&reg, organisatie("Jan BV"));
    identificator(&reg, Some(org), rsin_group(BSN), None);
    // Moving Jan's BSN to Piet is no conflict with itself.
    let bsn = reg
        .zoek_partij_identificator(&Zoekvraag::new().filter("partijIdentificatorObjectId", BSN))
        .unwrap()
        .results
        .iter()
        .find(|i| i.partij_identificator.code_soort_object_id.as_str() == "bsn")
        .map(|i| i.uuid.unwrap().0)
        .unwrap();
    ok(
        &reg,
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(bsn),
            &json!({"identificeerdePartij": r(piet)}),
        ),
    );
    assert_eq!(partij_json(&reg, jan)["partijIdentificatoren"], json!([]));

    // Scoped by subIdentificatorVan: one vestigingsnummer under two kvk-nummers.
    let a = partij(&reg, organisatie("A"));
    let b = partij(&reg, organisatie("B"));
    let c = partij(&reg, organisatie("C"));
    let kvk_a = identificator(&reg, Some(a), kvk_group("12345678"), None);
    let kvk_b = identificator(&reg, Some(b), kvk_group("87654321"), None);
    identificator(&reg, Some(a), vestiging_group("000012345678"), Some(kvk_a));
    identificator(&reg, Some(b), vestiging_group("000012345678"), Some(kvk_b));
    let e = weiger(&reg, |reg| {
        reg.registreer_partij_identificator(json!({"identificeerdePartij": r(c),
            "partijIdentificator": vestiging_group("000012345678"), "subIdentificatorVan": r(kvk_a)}))
    });
    s.refused(
        &e,
        "conflict",
        "partijIdentificator",
        "unique",
        "register.identificator-uniek",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_partij_identificator(
            json!({"identificeerdePartij": r(c), "partijIdentificator": kvk_group("12345678")}),
        )
    });
    s.refused(
        &e,
        "conflict",
        "partijIdentificator",
        "unique",
        "register.identificator-uniek",
    );
}

fn identificator_per_partij(s: &mut Seen) {
    let reg = register();
    let jan = partij(&reg, persoon_met_bsn(BSN));
    let e = weiger(&reg, |reg| {
        reg.registreer_partij_identificator(json!({"identificeerdePartij": r(jan),
                                                   "partijIdentificator": bsn_group(BSN2)}))
    });
    s.refused(
        &e,
        "conflict",
        "partijIdentificator.codeSoortObjectId",
        "unique",
        "register.identificator-per-partij",
    );
    // Two soorten on one partij are fine.
    let org = partij(&reg, organisatie("X"));
    identificator(&reg, Some(org), kvk_group("12345678"), None);
    let rsin = identificator(&reg, Some(org), rsin_group(BSN2), None);
    // Moving the rsin to a partij that has one, via the nested list of that partij.
    let org2 = partij(&reg, organisatie("Y"));
    identificator(&reg, Some(org2), rsin_group(BSN3), None);
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(rsin),
            &json!({"identificeerdePartij": r(org2)}),
        )
    });
    s.refused(
        &e,
        "conflict",
        "partijIdentificator.codeSoortObjectId",
        "unique",
        "register.identificator-per-partij",
    );
}

fn vestiging_onder_kvk(s: &mut Seen) {
    let reg = register();
    let org = partij(&reg, organisatie("X"));
    let jan = partij(&reg, persoon());
    let kvk = identificator(&reg, Some(org), kvk_group("12345678"), None);
    let bsn = identificator(&reg, Some(jan), bsn_group(BSN), None);
    identificator(&reg, Some(org), vestiging_group("000012345678"), Some(kvk));
    let org2 = partij(&reg, organisatie("Y"));
    let e = weiger(&reg, |reg| {
        reg.registreer_partij_identificator(json!({"identificeerdePartij": r(org2),
            "partijIdentificator": vestiging_group("000087654321"), "subIdentificatorVan": r(bsn)}))
    });
    s.refused(
        &e,
        "invalid",
        "subIdentificatorVan",
        "invalid",
        "register.vestiging-onder-kvk",
    );
    // Without a parent the document rule refuses first.
    let e = weiger(&reg, |reg| {
        reg.registreer_partij_identificator(json!({"identificeerdePartij": r(org2),
            "partijIdentificator": vestiging_group("000087654321")}))
    });
    assert!(e.contains("subIdentificatorVan", "invalid"), "{e:?}");
}

fn sub_identificator_zelf(s: &mut Seen) {
    let reg = register();
    let org = partij(&reg, organisatie("X"));
    let kvk = identificator(&reg, Some(org), kvk_group("12345678"), None);
    let org2 = partij(&reg, organisatie("Y"));
    let rsin = identificator(&reg, Some(org2), rsin_group(BSN), None);
    ok(
        &reg,
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(rsin),
            &json!({"subIdentificatorVan": r(kvk)}),
        ),
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(kvk),
            &json!({"subIdentificatorVan": r(kvk)}),
        )
    });
    s.refused(
        &e,
        "invalid",
        "subIdentificatorVan",
        "invalid",
        "register.sub-identificator-zelf",
    );
}

fn sub_identificator_soort(s: &mut Seen) {
    let reg = register();
    let org = partij(&reg, organisatie("X"));
    let kvk = identificator(&reg, Some(org), kvk_group("12345678"), None);
    let vestiging = identificator(&reg, Some(org), vestiging_group("000012345678"), Some(kvk));
    // Another number of the same soort is fine.
    ok(
        &reg,
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(kvk),
            &json!({"partijIdentificator": kvk_group("12345679")}),
        ),
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(kvk),
            &json!({"partijIdentificator": rsin_group(BSN)}),
        )
    });
    s.refused(
        &e,
        "invalid",
        "partijIdentificator.codeSoortObjectId",
        "invalid",
        "register.sub-identificator-soort",
    );
    // Nested in the partij the same.
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(
            PartijId(org),
            &json!({"partijIdentificatoren": [
                {"uuid": kvk, "partijIdentificator": rsin_group(BSN)},
                {"uuid": vestiging, "partijIdentificator": vestiging_group("000012345678"),
                 "subIdentificatorVan": r(kvk)}]}),
        )
    });
    s.refused(
        &e,
        "invalid",
        "partijIdentificatoren.0.partijIdentificator.codeSoortObjectId",
        "invalid",
        "register.sub-identificator-soort",
    );
    // Without sub-identificatoren the soort may change.
    let org2 = partij(&reg, organisatie("Y"));
    let kvk2 = identificator(&reg, Some(org2), kvk_group("87654321"), None);
    ok(
        &reg,
        reg.wijzig_partij_identificator_deels(
            PartijIdentificatorId(kvk2),
            &json!({"partijIdentificator": rsin_group(BSN)}),
        ),
    );
}

fn sub_identificator_beschermd(s: &mut Seen) {
    let reg = register();
    let a = partij(&reg, organisatie("A"));
    let b = partij(&reg, organisatie("B"));
    let kvk = identificator(&reg, Some(a), kvk_group("12345678"), None);
    let eigen = identificator(&reg, Some(a), vestiging_group("000012345678"), Some(kvk));
    let e = weiger(&reg, |reg| {
        reg.verwijder_partij_identificator(PartijIdentificatorId(kvk))
    });
    s.refused(
        &e,
        "protected",
        "nonFieldErrors",
        "invalid",
        "register.sub-identificator-beschermd",
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(
            PartijId(a),
            &json!({"partijIdentificatoren": [{"uuid": eigen,
                "partijIdentificator": vestiging_group("000012345678"), "subIdentificatorVan": r(kvk)}]}),
        )
    });
    s.refused(
        &e,
        "protected",
        "partijIdentificatoren",
        "invalid",
        "register.sub-identificator-beschermd",
    );
    // A's own vestiging does not protect A's kvk from A's deletion (standaard profile).
    let reg2 = register();
    let a2 = partij(&reg2, organisatie("A"));
    let kvk2 = identificator(&reg2, Some(a2), kvk_group("12345678"), None);
    identificator(&reg2, Some(a2), vestiging_group("000012345678"), Some(kvk2));
    ok(&reg2, reg2.verwijder_partij(PartijId(a2)));
    assert_eq!(aantal(&reg2, Resource::PartijIdentificatoren), 0);
    // Leaving both out of the nested list deletes both.
    let a3 = partij(&reg2, organisatie("A"));
    let kvk3 = identificator(&reg2, Some(a3), kvk_group("12345678"), None);
    identificator(&reg2, Some(a3), vestiging_group("000012345678"), Some(kvk3));
    ok(
        &reg2,
        reg2.wijzig_partij_deels(PartijId(a3), &json!({"partijIdentificatoren": []})),
    );
    assert_eq!(aantal(&reg2, Resource::PartijIdentificatoren), 0);
    // B's vestiging under A's kvk protects it.
    identificator(&reg, Some(b), vestiging_group("000087654321"), Some(kvk));
    let e = weiger(&reg, |reg| reg.verwijder_partij(PartijId(a)));
    s.refused(
        &e,
        "protected",
        "partijIdentificatoren",
        "invalid",
        "register.sub-identificator-beschermd",
    );
    // Open klant (PROTECT) refuses even for the partij's own vestiging.
    let ok_reg = open_klant();
    let a4 = partij(&ok_reg, organisatie("A"));
    let kvk4 = identificator(&ok_reg, Some(a4), kvk_group("12345678"), None);
    identificator(
        &ok_reg,
        Some(a4),
        vestiging_group("000012345678"),
        Some(kvk4),
    );
    let e = weiger(&ok_reg, |reg| reg.verwijder_partij(PartijId(a4)));
    s.refused(
        &e,
        "protected",
        "partijIdentificatoren",
        "invalid",
        "register.sub-identificator-beschermd",
    );
}

fn voorkeursadres(s: &mut Seen) {
    let reg = register();
    let a = partij(&reg, organisatie("A"));
    let b = partij(&reg, organisatie("B"));
    let x = uid(&ok(&reg, reg.registreer_digitaal_adres(email(a, "x@a.nl"))));
    let y = uid(&ok(&reg, reg.registreer_digitaal_adres(email(a, "y@a.nl"))));
    let z = uid(&ok(&reg, reg.registreer_digitaal_adres(email(a, "z@a.nl"))));
    let voorkeur = |reg: &Register, p: Uuid| partij_json(reg, p)["voorkeursDigitaalAdres"].clone();
    let kies = |reg: &Register, p: Uuid, lijst: &[Uuid], v: Uuid| {
        let lijst: Vec<Value> = lijst.iter().map(|a| r(*a)).collect();
        reg.wijzig_partij_deels(
            PartijId(p),
            &json!({"digitaleAdressen": lijst, "voorkeursDigitaalAdres": r(v)}),
        )
    };
    // The document rule: the preference must be in the body's list.
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(PartijId(b), &json!({"voorkeursDigitaalAdres": r(x)}))
    });
    assert!(e.contains("voorkeursDigitaalAdres", "invalid"), "{e:?}");
    let e = weiger(&reg, |reg| kies(reg, a, &[y, z], x));
    assert!(e.contains("voorkeursDigitaalAdres", "invalid"), "{e:?}");
    // Own address: accepted; deleting it clears the preference.
    ok(&reg, kies(&reg, a, &[x, y, z], x));
    assert_eq!(voorkeur(&reg, a)["uuid"], json!(x));
    ok(&reg, reg.verwijder_digitaal_adres(DigitaalAdresId(x)));
    assert_eq!(voorkeur(&reg, a), Value::Null);
    // Moving the address to B clears A's preference.
    ok(&reg, kies(&reg, a, &[y, z], y));
    ok(
        &reg,
        reg.wijzig_digitaal_adres_deels(DigitaalAdresId(y), &json!({"verstrektDoorPartij": r(b)})),
    );
    assert_eq!(voorkeur(&reg, a), Value::Null);
    // So does B taking it over through its own list.
    ok(&reg, kies(&reg, a, &[z], z));
    ok(&reg, kies(&reg, b, &[y, z], z));
    assert_eq!(voorkeur(&reg, a), Value::Null);
    assert_eq!(voorkeur(&reg, b)["uuid"], json!(z));
    // Through the register's calls a preference always ends up the partij's own; a register
    // that holds another's is flagged.
    let kapot = vervalst(&reg, |log| {
        let i = laatste(log, a);
        log[i]["after"]["data"]["voorkeursDigitaalAdres"] = r(z);
    });
    s.flagged(
        &kapot.controleer_invarianten(),
        "partijen",
        "register.voorkeursadres",
    );
}

fn voorkeursrekeningnummer(s: &mut Seen) {
    let reg = register();
    let a = partij(&reg, organisatie("A"));
    let b = partij(&reg, organisatie("B"));
    let rekening = |p: Uuid, iban: &str| json!({"partij": r(p), "iban": iban});
    let x = uid(&ok(
        &reg,
        reg.registreer_rekeningnummer(rekening(a, "NL91ABNA0417164300")),
    ));
    let y = uid(&ok(
        &reg,
        reg.registreer_rekeningnummer(rekening(a, "NL20INGB0001234567")),
    ));
    let voorkeur = |reg: &Register, p: Uuid| partij_json(reg, p)["voorkeursRekeningnummer"].clone();
    let kies = |reg: &Register, p: Uuid, lijst: &[Uuid], v: Uuid| {
        let lijst: Vec<Value> = lijst.iter().map(|a| r(*a)).collect();
        reg.wijzig_partij_deels(
            PartijId(p),
            &json!({"rekeningnummers": lijst, "voorkeursRekeningnummer": r(v)}),
        )
    };
    let e = weiger(&reg, |reg| kies(reg, b, &[], x));
    assert!(e.contains("voorkeursRekeningnummer", "invalid"), "{e:?}");
    ok(&reg, kies(&reg, a, &[x, y], x));
    assert_eq!(voorkeur(&reg, a)["uuid"], json!(x));
    ok(&reg, reg.verwijder_rekeningnummer(RekeningnummerId(x)));
    assert_eq!(voorkeur(&reg, a), Value::Null);
    ok(&reg, kies(&reg, a, &[y], y));
    ok(
        &reg,
        reg.wijzig_rekeningnummer_deels(RekeningnummerId(y), &json!({"partij": r(b)})),
    );
    assert_eq!(voorkeur(&reg, a), Value::Null);
    ok(&reg, kies(&reg, b, &[y], y));
    let kapot = vervalst(&reg, |log| {
        let i = laatste(log, a);
        log[i]["after"]["data"]["voorkeursRekeningnummer"] = r(y);
    });
    s.flagged(
        &kapot.controleer_invarianten(),
        "partijen",
        "register.voorkeursrekeningnummer",
    );
}

fn standaardadres(s: &mut Seen) {
    let reg = register();
    let a = partij(&reg, organisatie("A"));
    let standaard = |adres: &str, soort: &str| {
        json!({"verstrektDoorPartij": r(a), "adres": adres, "soortDigitaalAdres": soort,
               "isStandaardAdres": true})
    };
    let e1 = uid(&ok(
        &reg,
        reg.registreer_digitaal_adres(standaard("1@a.nl", "email")),
    ));
    let t1 = uid(&ok(
        &reg,
        reg.registreer_digitaal_adres(standaard("0612345678", "telefoonnummer")),
    ));
    let e2 = uid(&ok(
        &reg,
        reg.registreer_digitaal_adres(standaard("2@a.nl", "email")),
    ));
    let is_standaard = |reg: &Register, d: Uuid| {
        json_of(
            &reg.vraag_digitaal_adres_op(DigitaalAdresId(d), &[])
                .unwrap(),
        )["isStandaardAdres"]
            .clone()
    };
    assert_eq!(
        is_standaard(&reg, e1),
        json!(false),
        "the new one demotes the old"
    );
    assert_eq!(is_standaard(&reg, e2), json!(true));
    assert_eq!(is_standaard(&reg, t1), json!(true), "another soort stays");
    // Promoting the old one again demotes the new one.
    ok(
        &reg,
        reg.wijzig_digitaal_adres_deels(DigitaalAdresId(e1), &json!({"isStandaardAdres": true})),
    );
    assert_eq!(is_standaard(&reg, e2), json!(false));
    // The register repairs rather than refuses; the invariant check finds two defaults in a
    // register replayed without the demotion.
    let kapot = vervalst(&reg, |log| {
        let i = laatste(log, e2);
        log.remove(i);
    });
    s.flagged(
        &kapot.controleer_invarianten(),
        "digitaleadressen",
        "register.standaardadres",
    );
}

fn referentie_uniek(s: &mut Seen) {
    let reg = register();
    let a = partij(&reg, organisatie("A"));
    let b = partij(&reg, organisatie("B"));
    let adres = |p: Uuid, adres: &str, soort: &str| {
        json!({"verstrektDoorPartij": r(p), "adres": adres, "soortDigitaalAdres": soort,
               "referentie": "werk"})
    };
    ok(
        &reg,
        reg.registreer_digitaal_adres(adres(a, "1@a.nl", "email")),
    );
    ok(
        &reg,
        reg.registreer_digitaal_adres(adres(a, "0612345678", "telefoonnummer")),
    );
    let d = uid(&ok(
        &reg,
        reg.registreer_digitaal_adres(adres(b, "1@b.nl", "email")),
    ));
    let e = weiger(&reg, |reg| {
        reg.registreer_digitaal_adres(adres(a, "2@a.nl", "email"))
    });
    s.refused(
        &e,
        "conflict",
        "nonFieldErrors",
        "unique",
        "register.referentie-uniek",
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_digitaal_adres_deels(DigitaalAdresId(d), &json!({"verstrektDoorPartij": r(a)}))
    });
    s.refused(
        &e,
        "conflict",
        "nonFieldErrors",
        "unique",
        "register.referentie-uniek",
    );
}

fn paar_uniek(s: &mut Seen) {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let b = actor(&reg, "Bert");
    let (k, _, _) = klantcontact(&reg, a, None);
    ok(
        &reg,
        reg.koppel_actor_aan_klantcontact(json!({"actor": r(b), "klantcontact": r(k)})),
    );
    let e = weiger(&reg, |reg| {
        reg.koppel_actor_aan_klantcontact(json!({"actor": r(a), "klantcontact": r(k)}))
    });
    s.refused(
        &e,
        "conflict",
        "nonFieldErrors",
        "unique",
        "register.paar-uniek",
    );
    let mut dubbel = registratie(a, None);
    dubbel.actoren.push(dubbel.actoren[0].clone());
    let e = weiger(&reg, |reg| reg.registreer_klantcontact(dubbel));
    s.refused(
        &e,
        "conflict",
        "actoren.1.nonFieldErrors",
        "unique",
        "register.paar-uniek",
    );

    let p = partij(&reg, persoon());
    let q = partij(&reg, persoon());
    let vt = |x: Uuid, y: Uuid| json!({"vertegenwoordigendePartij": r(x), "vertegenwoordigdePartij": r(y)});
    ok(&reg, reg.registreer_vertegenwoordiging(vt(p, q)));
    ok(&reg, reg.registreer_vertegenwoordiging(vt(q, p)));
    let e = weiger(&reg, |reg| reg.registreer_vertegenwoordiging(vt(p, q)));
    s.refused(
        &e,
        "conflict",
        "nonFieldErrors",
        "unique",
        "register.paar-uniek",
    );
}

fn vertegenwoordiging_zelf(s: &mut Seen) {
    let reg = register();
    let p = partij(&reg, persoon());
    let q = partij(&reg, persoon());
    let vt = uid(&ok(
        &reg,
        reg.registreer_vertegenwoordiging(
            json!({"vertegenwoordigendePartij": r(p), "vertegenwoordigdePartij": r(q)}),
        ),
    ));
    // The document rule refuses first, in every form of the call.
    let e = weiger(&reg, |reg| {
        reg.wijzig_vertegenwoordiging_deels(
            VertegenwoordigdenId(vt),
            &json!({"vertegenwoordigdePartij": r(p)}),
        )
    });
    assert_eq!(e.kind(), "invalid");
    assert!(e.contains("vertegenwoordigdePartij", "invalid"));
    // A register that holds one anyway is flagged.
    let kapot = vervalst(&reg, |log| {
        let i = laatste(log, vt);
        log[i]["after"]["data"]["vertegenwoordigdePartij"] = r(p);
    });
    s.flagged(
        &kapot.controleer_invarianten(),
        "vertegenwoordigingen",
        "register.vertegenwoordiging-zelf",
    );
}

fn contactpersoon_organisatie(s: &mut Seen) {
    let reg = register();
    let org = partij(&reg, organisatie("X"));
    let jan = partij(&reg, persoon());
    let contactpersoon = |werkgever: Uuid| {
        json!({"soortPartij": "contactpersoon", "indicatieActief": true,
               "partijIdentificatie": {"werkteVoorPartij": r(werkgever),
                                       "contactnaam": {"voornaam": "Els", "achternaam": "Bos"}}})
    };
    partij(&reg, contactpersoon(org));
    let e = weiger(&reg, |reg| reg.registreer_partij(contactpersoon(jan)));
    s.refused(
        &e,
        "invalid",
        "partijIdentificatie.werkteVoorPartij.uuid",
        "invalid",
        "register.contactpersoon-organisatie",
    );
    let e = weiger(&reg, |reg| reg.wijzig_partij(PartijId(org), persoon()));
    s.refused(
        &e,
        "invalid",
        "soortPartij",
        "invalid",
        "register.contactpersoon-organisatie",
    );
    // An organisatie nobody works for may change its soort.
    let org2 = partij(&reg, organisatie("Y"));
    ok(&reg, reg.wijzig_partij(PartijId(org2), persoon()));
}

fn nummer_uniek(s: &mut Seen) {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let met = |veld: &str, n: &str| {
        let mut r = registratie(a, None);
        r.klantcontact[veld] = json!(n);
        r
    };
    let k = uid(&ok(
        &reg,
        reg.registreer_klantcontact(met("referentienummer", "1001")),
    )
    .klantcontact);
    ok(&reg, reg.registreer_klantcontact(met("nummer", "1001")));
    let e = weiger(&reg, |reg| {
        reg.registreer_klantcontact(met("referentienummer", "1001"))
    });
    s.refused(
        &e,
        "conflict",
        "klantcontact.referentienummer",
        "unique",
        "register.nummer-uniek",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_klantcontact(met("nummer", "1001"))
    });
    s.refused(
        &e,
        "conflict",
        "klantcontact.nummer",
        "unique",
        "register.nummer-uniek",
    );
    // Keeping one's own number is no conflict.
    ok(
        &reg,
        reg.wijzig_klantcontact_deels(
            KlantcontactId(k),
            &json!({"referentienummer": "1001", "inhoud": "aangevuld"}),
        ),
    );

    let mut t = taak(k, a);
    t["referentienummer"] = json!("77");
    let taak_id = uid(&ok(&reg, reg.registreer_interne_taak(t.clone())));
    ok(
        &reg,
        reg.wijzig_interne_taak_deels(InterneTaakId(taak_id), &json!({"toelichting": "x"})),
    );
    let e = weiger(&reg, |reg| reg.registreer_interne_taak(t));
    s.refused(
        &e,
        "conflict",
        "referentienummer",
        "unique",
        "register.nummer-uniek",
    );

    let mut p = persoon();
    p["nummer"] = json!("42");
    partij(&reg, p.clone());
    let e = weiger(&reg, |reg| reg.registreer_partij(p));
    s.refused(&e, "conflict", "nummer", "unique", "register.nummer-uniek");
}

fn afgehandeld_op(s: &mut Seen) {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let (k, _, _) = klantcontact(&reg, a, None);
    let t = InterneTaakId(uid(&ok(&reg, reg.registreer_interne_taak(taak(k, a)))));
    let taak_json = |reg: &Register| json_of(&reg.vraag_interne_taak_op(t).unwrap());
    assert_eq!(taak_json(&reg)["afgehandeldOp"], Value::Null);
    ok(
        &reg,
        reg.wijzig_interne_taak_deels(t, &json!({"status": "verwerkt"})),
    );
    // Stamped from the clock: the moment of the transaction that made it verwerkt.
    let moment = reg.audit_log().unwrap().last().unwrap().time;
    let stamped = taak_json(&reg)["afgehandeldOp"].clone();
    let stamped_at = chrono::DateTime::parse_from_rfc3339(stamped.as_str().unwrap()).unwrap();
    assert_eq!(stamped_at, moment);
    // Other changes keep it.
    ok(
        &reg,
        reg.wijzig_interne_taak_deels(t, &json!({"toelichting": "gebeld"})),
    );
    assert_eq!(taak_json(&reg)["afgehandeldOp"], stamped);
    // Back to te_verwerken clears it; verwerkt again stamps a new moment.
    ok(
        &reg,
        reg.wijzig_interne_taak_deels(t, &json!({"status": "te_verwerken"})),
    );
    assert_eq!(taak_json(&reg)["afgehandeldOp"], Value::Null);
    let mut body = taak(k, a);
    body["status"] = json!("verwerkt");
    ok(&reg, reg.wijzig_interne_taak(t, body));
    let again = taak_json(&reg)["afgehandeldOp"].clone();
    assert!(again.is_string() && again != stamped, "{again}");
    // A PUT back to te_verwerken that still sends afgehandeldOp is refused by the
    // document rule; without it the moment is cleared.
    let mut body = taak(k, a);
    body["afgehandeldOp"] = again;
    let e = weiger(&reg, |reg| reg.wijzig_interne_taak(t, body));
    assert!(e.contains("afgehandeldOp", "invalid"), "{e:?}");
    ok(&reg, reg.wijzig_interne_taak(t, taak(k, a)));
    assert_eq!(taak_json(&reg)["afgehandeldOp"], Value::Null);

    ok(
        &reg,
        reg.wijzig_interne_taak_deels(t, &json!({"status": "verwerkt"})),
    );
    let kapot = vervalst(&reg, |log| {
        let i = laatste(log, t.0);
        log[i]["after"]["data"]["afgehandeldOp"] = Value::Null;
    });
    s.flagged(
        &kapot.controleer_invarianten(),
        "internetaken",
        "register.afgehandeld-op",
    );
}

fn klantcontact_compleet(s: &mut Seen) {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let b = actor(&reg, "Bert");
    let zonder_actor = KlantcontactRegistratie {
        actoren: Vec::new(),
        ..registratie(a, None)
    };
    let e = weiger(&reg, |reg| reg.registreer_klantcontact(zonder_actor));
    s.refused(
        &e,
        "invalid",
        "actoren",
        "required",
        "register.klantcontact-compleet",
    );
    let zonder_betrokkene = KlantcontactRegistratie {
        betrokkenen: Vec::new(),
        ..registratie(a, None)
    };
    let e = weiger(&reg, |reg| reg.registreer_klantcontact(zonder_betrokkene));
    s.refused(
        &e,
        "invalid",
        "betrokkenen",
        "required",
        "register.klantcontact-compleet",
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_klantcontact_los(klantcontact_body())
    });
    s.refused(
        &e,
        "invalid",
        "hadBetrokkenActoren",
        "required",
        "register.klantcontact-compleet",
    );
    s.refused(
        &e,
        "invalid",
        "hadBetrokkenen",
        "required",
        "register.klantcontact-compleet",
    );
    let e = weiger(&reg, |reg| {
        reg.maak_klantcontact(json!({"klantcontact": klantcontact_body(), "betrokkene": klant()}))
    });
    s.refused(
        &e,
        "invalid",
        "hadBetrokkenActoren",
        "required",
        "register.klantcontact-compleet",
    );
    // Inside one transaction with an actor and a betrokkene: accepted.
    let k = ok(
        &reg,
        reg.transactie(|tx| {
            let k = uid(&tx.registreer_klantcontact_los(klantcontact_body())?);
            tx.koppel_actor_aan_klantcontact(json!({"actor": r(a), "klantcontact": r(k)}))?;
            let mut b = klant();
            b["hadKlantcontact"] = r(k);
            tx.registreer_betrokkene(b)?;
            Ok(k)
        }),
    );
    let m = ok(
        &reg,
        reg.transactie(|tx| {
            let m = tx.maak_klantcontact(
                json!({"klantcontact": klantcontact_body(), "betrokkene": klant()}),
            )?;
            let k = uid(&m.klantcontact);
            tx.koppel_actor_aan_klantcontact(json!({"actor": r(a), "klantcontact": r(k)}))?;
            Ok(k)
        }),
    );
    assert_ne!(k, m);

    // The last actor and the last betrokkene cannot be removed; the one but last can.
    let (k, bk, ak) = klantcontact(&reg, a, None);
    let ak2 = uid(&ok(
        &reg,
        reg.koppel_actor_aan_klantcontact(json!({"actor": r(b), "klantcontact": r(k)})),
    ));
    ok(
        &reg,
        reg.verwijder_actor_klantcontact(ActorKlantcontactId(ak2)),
    );
    let e = weiger(&reg, |reg| {
        reg.verwijder_actor_klantcontact(ActorKlantcontactId(ak))
    });
    s.refused(
        &e,
        "protected",
        "nonFieldErrors",
        "protected",
        "register.klantcontact-compleet",
    );
    let (k2, _, _) = klantcontact(&reg, b, None);
    let e = weiger(&reg, |reg| {
        reg.wijzig_actor_klantcontact_deels(
            ActorKlantcontactId(ak),
            &json!({"klantcontact": r(k2)}),
        )
    });
    s.refused(
        &e,
        "protected",
        "nonFieldErrors",
        "protected",
        "register.klantcontact-compleet",
    );
    let e = weiger(&reg, |reg| reg.verwijder_actor(ActorId(a)));
    s.refused(
        &e,
        "protected",
        "nonFieldErrors",
        "protected",
        "register.klantcontact-compleet",
    );
    let e = weiger(&reg, |reg| reg.verwijder_betrokkene(BetrokkeneId(bk)));
    s.refused(
        &e,
        "protected",
        "nonFieldErrors",
        "protected",
        "register.klantcontact-compleet",
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_betrokkene_deels(BetrokkeneId(bk), &json!({"hadKlantcontact": r(k2)}))
    });
    s.refused(
        &e,
        "protected",
        "nonFieldErrors",
        "protected",
        "register.klantcontact-compleet",
    );
    let mut tweede = klant();
    tweede["hadKlantcontact"] = r(k);
    ok(&reg, reg.registreer_betrokkene(tweede));
    ok(&reg, reg.verwijder_betrokkene(BetrokkeneId(bk)));

    // Open klant: none of this is refused.
    let ok_reg = open_klant();
    let a = actor(&ok_reg, "Nicole");
    let k = uid(&ok(
        &ok_reg,
        ok_reg.registreer_klantcontact_los(klantcontact_body()),
    ));
    ok(
        &ok_reg,
        ok_reg.registreer_klantcontact(KlantcontactRegistratie {
            actoren: Vec::new(),
            betrokkenen: Vec::new(),
            ..registratie(a, None)
        }),
    );
    let (_, bk, ak) = klantcontact(&ok_reg, a, None);
    ok(
        &ok_reg,
        ok_reg.verwijder_actor_klantcontact(ActorKlantcontactId(ak)),
    );
    ok(&ok_reg, ok_reg.verwijder_betrokkene(BetrokkeneId(bk)));
    let ak = ok(
        &ok_reg,
        ok_reg.koppel_actor_aan_klantcontact(json!({"actor": r(a), "klantcontact": r(k)})),
    );
    ok(&ok_reg, ok_reg.verwijder_actor(ActorId(a)));
    assert!(ok_reg.vraag_actor_klantcontact_op(ak.uuid).is_err());
    s.silent("register.klantcontact-compleet");
}

fn taak_actor(s: &mut Seen) {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let (k, _, _) = klantcontact(&reg, a, None);
    let mut body = taak(k, a);
    let t = InterneTaakId(uid(&ok(&reg, reg.registreer_interne_taak(body.clone()))));
    body["toegewezenAanActoren"] = json!([]);
    let e = weiger(&reg, |reg| reg.registreer_interne_taak(body.clone()));
    s.refused(
        &e,
        "invalid",
        "toegewezenAanActoren",
        "required",
        "register.taak-actor",
    );
    let e = weiger(&reg, |reg| {
        reg.wijzig_interne_taak_deels(t, &json!({"toegewezenAanActoren": []}))
    });
    s.refused(
        &e,
        "invalid",
        "toegewezenAanActoren",
        "required",
        "register.taak-actor",
    );

    let ok_reg = open_klant();
    let a = actor(&ok_reg, "Nicole");
    let (k, _, _) = klantcontact(&ok_reg, a, None);
    let mut body = taak(k, a);
    body["toegewezenAanActoren"] = json!([]);
    ok(&ok_reg, ok_reg.registreer_interne_taak(body));
    s.silent("register.taak-actor");
}

fn actor_actief(s: &mut Seen) {
    for profile in [Profile::Standaard, Profile::OpenKlant] {
        let reg = register_in(profile);
        let a = actor(&reg, "Nicole");
        let b = actor(&reg, "Bert");
        let (k, _, _) = klantcontact(&reg, a, None);
        let t = InterneTaakId(uid(&ok(&reg, reg.registreer_interne_taak(taak(k, b)))));
        ok(
            &reg,
            reg.wijzig_actor_deels(ActorId(b), &json!({"indicatieActief": false})),
        );
        // A task already assigned to the inactive actor can still be changed.
        ok(
            &reg,
            reg.wijzig_interne_taak_deels(t, &json!({"status": "verwerkt"})),
        );
        let koppel = |reg: &Register| {
            reg.koppel_actor_aan_klantcontact(json!({"actor": r(b), "klantcontact": r(k)}))
        };
        if profile == Profile::OpenKlant {
            ok(&reg, koppel(&reg));
            ok(&reg, reg.registreer_interne_taak(taak(k, b)));
            ok(&reg, reg.registreer_klantcontact(registratie(b, None)));
            s.silent("register.actor-actief");
            continue;
        }
        let e = weiger(&reg, koppel);
        s.refused(
            &e,
            "invalid",
            "actor.uuid",
            "invalid",
            "register.actor-actief",
        );
        let e = weiger(&reg, |reg| reg.registreer_interne_taak(taak(k, b)));
        s.refused(
            &e,
            "invalid",
            "toegewezenAanActoren.0.uuid",
            "invalid",
            "register.actor-actief",
        );
        let e = weiger(&reg, |reg| {
            reg.registreer_klantcontact(registratie(b, None))
        });
        s.refused(
            &e,
            "invalid",
            "actoren.0.actor.uuid",
            "invalid",
            "register.actor-actief",
        );
        let t2 = InterneTaakId(uid(&ok(&reg, reg.registreer_interne_taak(taak(k, a)))));
        let e = weiger(&reg, |reg| {
            reg.wijzig_interne_taak_deels(t2, &json!({"toegewezenAanActoren": [r(a), r(b)]}))
        });
        s.refused(
            &e,
            "invalid",
            "toegewezenAanActoren.1.uuid",
            "invalid",
            "register.actor-actief",
        );
        // Reactivated, it can be linked again.
        ok(
            &reg,
            reg.wijzig_actor_deels(ActorId(b), &json!({"indicatieActief": true})),
        );
        ok(&reg, koppel(&reg));
    }
}

fn geen_toekomst(s: &mut Seen) {
    let op = |when: &str, a: Uuid| {
        let mut r = registratie(a, None);
        r.klantcontact["plaatsgevondenOp"] = json!(when);
        r
    };
    let reg = register();
    let a = actor(&reg, "Nicole");
    // The clock stands at 2024-06-01T12:00:00Z; a few minutes of clock skew are allowed.
    ok(
        &reg,
        reg.registreer_klantcontact(op("2024-06-01T12:03:00Z", a)),
    );
    let e = weiger(&reg, |reg| {
        reg.registreer_klantcontact(op("2030-01-01T10:00:00Z", a))
    });
    s.refused(
        &e,
        "invalid",
        "klantcontact.plaatsgevondenOp",
        "invalid",
        "register.geen-toekomst",
    );
    let ok_reg = open_klant();
    let a = actor(&ok_reg, "Nicole");
    ok(
        &ok_reg,
        ok_reg.registreer_klantcontact(op("2030-01-01T10:00:00Z", a)),
    );
    s.silent("register.geen-toekomst");
}

fn zoeken_parameter(s: &mut Seen) {
    let reg = register();
    partij(&reg, persoon());
    ok(
        &reg,
        reg.zoek_partij(&Zoekvraag::new().filter("soortPartij", "persoon")),
    );
    let e = reg
        .zoek_partij(&Zoekvraag::new().filter("onbekend", "x"))
        .unwrap_err();
    s.refused(
        &e,
        "query",
        "nonFieldErrors",
        "unknown-parameters",
        "zoeken.parameter",
    );
    let e = reg
        .zoek_partij(&Zoekvraag::new().filter("soortPartij", "kat"))
        .unwrap_err();
    s.refused(
        &e,
        "query",
        "soortPartij",
        "invalid_choice",
        "zoeken.parameter",
    );
    let e = reg
        .zoek_partij(&Zoekvraag::new().filter("indicatieActief", "ja"))
        .unwrap_err();
    s.refused(
        &e,
        "query",
        "indicatieActief",
        "invalid",
        "zoeken.parameter",
    );
    // The open-klant profile ignores a boolean filter that is no boolean, as Open Klant does.
    let ok_reg = open_klant();
    partij(&ok_reg, persoon());
    let alle = ok_reg
        .zoek_partij(&Zoekvraag::new().filter("indicatieActief", "ja"))
        .unwrap();
    assert_eq!(alle.count, 1);
}

fn zoeken_pagina(s: &mut Seen) {
    let reg = register();
    partij(&reg, persoon());
    assert_eq!(ok(&reg, reg.zoek_partij(&Zoekvraag::new())).count, 1);
    // Pages that cannot exist, however large (issue: `page=2**63` overflowed), are refused.
    for query in [
        "page=2",
        "page=0",
        "page=abc",
        "pageSize=1&page=2",
        "page=-1",
        "page=9223372036854775808",
        "pageSize=500&page=9223372036854775808",
        "pageSize=1&page=18446744073709551615",
        "page=18446744073709551616",
        "page=1e3",
    ] {
        let e = reg
            .zoek_partij(&Zoekvraag::from_query(query).unwrap())
            .unwrap_err();
        assert!(matches!(e, Error::PageNotFound { .. }), "{query}: {e:?}");
        assert_eq!(e.kind(), "not_found");
        let problem = e.problem();
        assert_eq!(
            (problem.status, problem.detail.as_str()),
            (404, "Ongeldige pagina.")
        );
    }
    s.refused.insert("zoeken.pagina".to_owned());
    s.codes
        .insert(("zoeken.pagina".to_owned(), "not_found".to_owned()));
}

fn zoeken_expand(s: &mut Seen) {
    let reg = register();
    partij(&reg, persoon());
    ok(
        &reg,
        reg.zoek_partij(&Zoekvraag::new().expand(&["digitaleAdressen"])),
    );
    let e = reg
        .zoek_partij(&Zoekvraag::new().expand(&["hadBetrokkenen"]))
        .unwrap_err();
    s.refused(&e, "query", "expand", "invalid_choice", "zoeken.expand");
}

type Case = fn(&mut Seen);

/// Every case, each of which records what it saw.
const CASES: &[(&str, Case)] = &[
    ("verwijzing", verwijzing),
    ("uuid_uniek", uuid_uniek),
    ("identificator_uniek", identificator_uniek),
    ("identificator_per_partij", identificator_per_partij),
    ("vestiging_onder_kvk", vestiging_onder_kvk),
    ("sub_identificator_zelf", sub_identificator_zelf),
    ("sub_identificator_soort", sub_identificator_soort),
    ("sub_identificator_beschermd", sub_identificator_beschermd),
    ("voorkeursadres", voorkeursadres),
    ("voorkeursrekeningnummer", voorkeursrekeningnummer),
    ("standaardadres", standaardadres),
    ("referentie_uniek", referentie_uniek),
    ("paar_uniek", paar_uniek),
    ("vertegenwoordiging_zelf", vertegenwoordiging_zelf),
    ("contactpersoon_organisatie", contactpersoon_organisatie),
    ("nummer_uniek", nummer_uniek),
    ("afgehandeld_op", afgehandeld_op),
    ("klantcontact_compleet", klantcontact_compleet),
    ("taak_actor", taak_actor),
    ("actor_actief", actor_actief),
    ("geen_toekomst", geen_toekomst),
    ("zoeken_parameter", zoeken_parameter),
    ("zoeken_pagina", zoeken_pagina),
    ("zoeken_expand", zoeken_expand),
];

mod regels {
    macro_rules! case_tests {
        ($($name:ident),+ $(,)?) => {
            $(
                #[test]
                fn $name() {
                    super::$name(&mut super::Seen::default());
                }
            )+
        };
    }

    case_tests!(
        verwijzing,
        uuid_uniek,
        identificator_uniek,
        identificator_per_partij,
        vestiging_onder_kvk,
        sub_identificator_zelf,
        sub_identificator_soort,
        sub_identificator_beschermd,
        voorkeursadres,
        voorkeursrekeningnummer,
        standaardadres,
        referentie_uniek,
        paar_uniek,
        vertegenwoordiging_zelf,
        contactpersoon_organisatie,
        nummer_uniek,
        afgehandeld_op,
        klantcontact_compleet,
        taak_actor,
        actor_actief,
        geen_toekomst,
        zoeken_parameter,
        zoeken_pagina,
        zoeken_expand,
    );
}

/// Every rule of the catalogue was refused (or flagged) by some case, no case refused with a
/// rule outside it, and each standaard-only rule was seen to stay silent in open klant.
#[test]
fn every_rule_has_a_refused_case() {
    let mut seen = Seen::default();
    for (name, case) in CASES {
        let before = seen.refused.len();
        case(&mut seen);
        assert!(seen.refused.len() >= before, "{name}");
    }
    // A rule without codes refuses nothing (`antwoord.volledig`: how answers render; the spec
    // round-trip test and tests/fidelity.rs hold it).
    let refusing: BTreeSet<String> = RULES
        .iter()
        .filter(|r| !r.codes.is_empty())
        .map(|r| r.id.to_owned())
        .collect();
    let catalogue: BTreeSet<String> = RULES.iter().map(|r| r.id.to_owned()).collect();
    let untested: Vec<&String> = refusing.difference(&seen.refused).collect();
    assert!(
        untested.is_empty(),
        "rules without a refused case: {untested:?}"
    );
    let unknown: Vec<&String> = seen.refused.difference(&catalogue).collect();
    assert!(
        unknown.is_empty(),
        "refused with rules outside the catalogue: {unknown:?}"
    );
    let standaard_only: BTreeSet<String> = RULES
        .iter()
        .filter(|r| !r.profiles.contains(&Profile::OpenKlant))
        .map(|r| r.id.to_owned())
        .collect();
    let loud: Vec<&String> = standaard_only.difference(&seen.open_klant_silent).collect();
    assert!(
        loud.is_empty(),
        "standaard-only rules not shown silent in open klant: {loud:?}"
    );
}

/// The codes the cases saw are among those the catalogue lists for the rule.
#[test]
fn rule_codes_are_catalogued() {
    let mut seen = Seen::default();
    for (_, case) in CASES {
        case(&mut seen);
    }
    for (rule, code) in &seen.codes {
        let entry = RULES
            .iter()
            .find(|r| r.id == rule)
            .expect("a catalogued rule");
        assert!(
            entry.codes.contains(&code.as_str()),
            "{rule} refused with code {code}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Nested partij-identificatoren (Open Klant R10)
// ---------------------------------------------------------------------------------------------

fn identificatoren_van(reg: &Register, p: Uuid) -> Vec<(Uuid, String)> {
    partij_json(reg, p)["partijIdentificatoren"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                Uuid::parse_str(i["uuid"].as_str().unwrap()).unwrap(),
                i["partijIdentificator"]["objectId"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn nested_identificatoren_are_created_updated_and_deleted_with_the_partij() {
    let reg = register();
    let org = partij(
        &reg,
        json!({"soortPartij": "organisatie", "indicatieActief": true,
               "partijIdentificatie": {"naam": "X"},
               "partijIdentificatoren": [{"partijIdentificator": kvk_group("12345678")}]}),
    );
    let ids = identificatoren_van(&reg, org);
    assert_eq!(ids.len(), 1);
    let kvk = ids[0].0;
    let stored = json_of(
        &reg.vraag_partij_identificator_op(PartijIdentificatorId(kvk))
            .unwrap(),
    );
    assert_eq!(
        stored["identificeerdePartij"]["uuid"],
        json!(org),
        "the partij sets it"
    );

    // With uuid: updated in place; without: created.
    ok(
        &reg,
        reg.wijzig_partij_deels(
            PartijId(org),
            &json!({"partijIdentificatoren": [
                {"uuid": kvk, "partijIdentificator": kvk_group("87654321")},
                {"partijIdentificator": rsin_group(BSN)}]}),
        ),
    );
    let ids = identificatoren_van(&reg, org);
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&(kvk, "87654321".to_owned())));
    let rsin = ids.iter().find(|(i, _)| *i != kvk).unwrap().0;
    // Absent: untouched. Unlisted: deleted.
    ok(
        &reg,
        reg.wijzig_partij_deels(PartijId(org), &json!({"indicatieActief": false})),
    );
    assert_eq!(identificatoren_van(&reg, org).len(), 2);
    ok(
        &reg,
        reg.wijzig_partij_deels(
            PartijId(org),
            &json!({"partijIdentificatoren": [{"uuid": rsin, "partijIdentificator": rsin_group(BSN)}]}),
        ),
    );
    assert_eq!(identificatoren_van(&reg, org), vec![(rsin, BSN.to_owned())]);
    assert!(reg
        .vraag_partij_identificator_op(PartijIdentificatorId(kvk))
        .is_err());
    // A PUT without the list deletes none; with an empty list deletes all.
    let mut body = organisatie("X");
    ok(&reg, reg.wijzig_partij(PartijId(org), body.clone()));
    assert_eq!(identificatoren_van(&reg, org).len(), 1);
    body["partijIdentificatoren"] = json!([]);
    ok(&reg, reg.wijzig_partij(PartijId(org), body));
    assert_eq!(aantal(&reg, Resource::PartijIdentificatoren), 0);

    // An unknown uuid in the list is refused; a failing item undoes the whole call.
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(
            PartijId(org),
            &json!({"partijIdentificatoren": [
                {"uuid": Uuid::new_v4(), "partijIdentificator": kvk_group("12345678")}]}),
        )
    });
    assert!(
        e.contains("partijIdentificatoren.0.uuid", "invalid"),
        "{e:?}"
    );
    partij(&reg, persoon_met_bsn(BSN2));
    let e = weiger(&reg, |reg| {
        reg.registreer_partij(
            json!({"soortPartij": "organisatie", "indicatieActief": true,
            "partijIdentificatie": {"naam": "Y"},
            "partijIdentificatoren": [{"partijIdentificator": kvk_group("11111111")},
                                      {"partijIdentificator": rsin_group(BSN2)},
                                      {"partijIdentificator": bsn_group(BSN2)}]}),
        )
    });
    assert_eq!(e.kind(), "conflict", "{e:?}");
    // Naming identificeerdePartij in the nested list is a document error.
    let e = weiger(&reg, |reg| {
        reg.registreer_partij(json!({"soortPartij": "persoon", "indicatieActief": true,
            "partijIdentificatoren": [{"identificeerdePartij": r(org),
                                       "partijIdentificator": bsn_group(BSN3)}]}))
    });
    assert_eq!(e.kind(), "invalid", "{e:?}");
}

// ---------------------------------------------------------------------------------------------
// On delete
// ---------------------------------------------------------------------------------------------

/// An organisatie with everything that can hang off a partij; returns (register, the
/// organisatie, the other partij, the contactpersoon, the betrokkene, the categorie).
fn partij_met_alles(profile: Profile) -> (Register, Uuid, Uuid, Uuid, Uuid, Uuid) {
    let reg = register_in(profile);
    let org = partij(&reg, organisatie("X"));
    let ander = partij(&reg, persoon());
    identificator(&reg, Some(org), kvk_group("12345678"), None);
    ok(&reg, reg.registreer_digitaal_adres(email(org, "info@x.nl")));
    ok(
        &reg,
        reg.registreer_rekeningnummer(json!({"partij": r(org), "iban": "NL91ABNA0417164300"})),
    );
    let categorie = uid(&ok(
        &reg,
        reg.registreer_categorie(json!({"naam": "Ondernemer"})),
    ));
    ok(
        &reg,
        reg.registreer_categorie_relatie(json!({"partij": r(org), "categorie": r(categorie)})),
    );
    for (a, b) in [(org, ander), (ander, org)] {
        ok(
            &reg,
            reg.registreer_vertegenwoordiging(
                json!({"vertegenwoordigendePartij": r(a), "vertegenwoordigdePartij": r(b)}),
            ),
        );
    }
    let cp = partij(
        &reg,
        json!({"soortPartij": "contactpersoon", "indicatieActief": true,
               "partijIdentificatie": {"werkteVoorPartij": r(org),
                                       "contactnaam": {"voornaam": "Els", "achternaam": "Bos"}}}),
    );
    let a = actor(&reg, "Nicole");
    let (_, b, _) = klantcontact(&reg, a, Some(org));
    (reg, org, ander, cp, b, categorie)
}

#[test]
fn deleting_a_partij_cascades() {
    for profile in [Profile::Standaard, Profile::OpenKlant] {
        let (reg, org, ander, cp, b, categorie) = partij_met_alles(profile);
        let before = reg.lengte();
        ok(&reg, reg.verwijder_partij(PartijId(org)));
        assert_eq!(reg.lengte().1, before.1 + 1, "one transaction");
        for resource in [
            Resource::PartijIdentificatoren,
            Resource::DigitaleAdressen,
            Resource::Rekeningnummers,
            Resource::CategorieRelaties,
            Resource::Vertegenwoordigingen,
        ] {
            assert_eq!(aantal(&reg, resource), 0, "{resource} in {profile}");
        }
        assert!(
            reg.vraag_categorie_op(categorie.into()).is_ok(),
            "the categorie stays"
        );
        assert!(reg.vraag_partij_op(PartijId(ander), &[]).is_ok());
        let cp = partij_json(&reg, cp);
        assert_eq!(cp["partijIdentificatie"]["werkteVoorPartij"], Value::Null);
        match profile {
            Profile::Standaard => {
                let b = json_of(&reg.vraag_betrokkene_op(BetrokkeneId(b), &[]).unwrap());
                assert_eq!(
                    b["wasPartij"],
                    Value::Null,
                    "kept as record, partij cleared"
                );
            }
            Profile::OpenKlant => {
                assert!(reg.vraag_betrokkene_op(BetrokkeneId(b), &[]).is_err());
            }
        }
        assert_eq!(aantal(&reg, Resource::Klantcontacten), 1);
        // Every cascaded change is in the audit log, in the delete's transaction.
        let log = reg.audit_log().unwrap();
        let last: Vec<&AuditRecord> = log
            .iter()
            .filter(|r| r.transaction == before.1 + 1)
            .collect();
        assert!(last.iter().all(|r| r.operation == "verwijder_partij"));
        assert!(last.iter().any(|r| r.id == org));
        assert!(last.len() >= 8, "{}", last.len());
    }
}

#[test]
fn deleting_a_klantcontact_cascades() {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let mut registratie = registratie(a, None);
    registratie.onderwerpobjecten = vec![json!({"onderwerpobjectidentificator": {
        "objectId": "ZAAK-1", "codeObjecttype": "zgw-Zaak", "codeRegister": "openzaak",
        "codeSoortObjectId": "identificatie"}})];
    registratie.bijlagen = vec![json!({"bijlageidentificator": {
        "objectId": "DOC-1", "codeObjecttype": "informatieobject", "codeRegister": "openzaak",
        "codeSoortObjectId": "identificatie"}})];
    registratie.interne_taken = vec![json!({"gevraagdeHandeling": "bel terug",
        "status": "te_verwerken", "toegewezenAanActoren": [r(a)]})];
    let d = ok(&reg, reg.registreer_klantcontact(registratie));
    let k = uid(&d.klantcontact);
    let b = uid(&d.betrokkenen[0]);
    let adres = uid(&ok(
        &reg,
        reg.registreer_digitaal_adres(json!({"verstrektDoorBetrokkene": r(b),
            "adres": "jan@example.nl", "soortDigitaalAdres": "email"})),
    ));
    // A later klantcontact that was about this one.
    let (k2, _, _) = klantcontact(&reg, a, None);
    let later = uid(&ok(
        &reg,
        reg.registreer_onderwerpobject(json!({"klantcontact": r(k2), "wasKlantcontact": r(k)})),
    ));
    ok(&reg, reg.verwijder_klantcontact(KlantcontactId(k)));
    assert!(reg.vraag_klantcontact_op(KlantcontactId(k), &[]).is_err());
    for resource in [Resource::Bijlagen, Resource::Internetaken] {
        assert_eq!(aantal(&reg, resource), 0, "{resource}");
    }
    assert_eq!(aantal(&reg, Resource::Betrokkenen), 1, "only k2's");
    assert_eq!(aantal(&reg, Resource::Actorklantcontacten), 1, "only k2's");
    assert_eq!(
        aantal(&reg, Resource::Onderwerpobjecten),
        0,
        "also the one about k"
    );
    assert!(reg
        .vraag_onderwerpobject_op(OnderwerpobjectId(later))
        .is_err());
    let adres = json_of(
        &reg.vraag_digitaal_adres_op(DigitaalAdresId(adres), &[])
            .unwrap(),
    );
    assert_eq!(adres["verstrektDoorBetrokkene"], Value::Null);
    assert!(reg.vraag_actor_op(ActorId(a)).is_ok(), "actors stay");
}

#[test]
fn deleting_an_onderwerpobject_with_cascade() {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let zaak = |n: &str| {
        json!({"onderwerpobjectidentificator": {"objectId": n, "codeObjecttype": "zgw-Zaak",
               "codeRegister": "openzaak", "codeSoortObjectId": "identificatie"}})
    };
    let met_onderwerpen = |n: usize| {
        let mut body = registratie(a, None);
        body.onderwerpobjecten = (0..n).map(|i| zaak(&format!("ZAAK-{i}"))).collect();
        let d = ok(&reg, reg.registreer_klantcontact(body));
        let b = uid(&d.betrokkenen[0]);
        ok(
            &reg,
            reg.registreer_digitaal_adres(json!({"verstrektDoorBetrokkene": r(b),
                "adres": "jan@example.nl", "soortDigitaalAdres": "email"})),
        );
        (
            uid(&d.klantcontact),
            d.onderwerpobjecten.iter().map(uid).collect::<Vec<_>>(),
        )
    };
    // Without cascade only the onderwerpobject goes.
    let (k0, o0) = met_onderwerpen(1);
    let res = ok(
        &reg,
        reg.verwijder_onderwerpobject(OnderwerpobjectId(o0[0]), false),
    );
    assert!(res.behouden.is_empty());
    assert!(reg.vraag_klantcontact_op(KlantcontactId(k0), &[]).is_ok());
    // With cascade the klantcontact goes too, with its betrokkene's partij-less address.
    let (k1, o1) = met_onderwerpen(1);
    let adressen = aantal(&reg, Resource::DigitaleAdressen);
    let res = ok(
        &reg,
        reg.verwijder_onderwerpobject(OnderwerpobjectId(o1[0]), true),
    );
    assert!(res.behouden.is_empty());
    assert!(reg.vraag_klantcontact_op(KlantcontactId(k1), &[]).is_err());
    assert_eq!(aantal(&reg, Resource::DigitaleAdressen), adressen - 1);
    // A klantcontact another onderwerpobject still refers to is kept and reported.
    let (k2, o2) = met_onderwerpen(2);
    let res = ok(
        &reg,
        reg.verwijder_onderwerpobject(OnderwerpobjectId(o2[0]), true),
    );
    assert_eq!(res.behouden.len(), 1);
    assert!(res.behouden[0].ends_with(&k2.to_string()));
    assert!(reg.vraag_klantcontact_op(KlantcontactId(k2), &[]).is_ok());
}

#[test]
fn deleting_a_categorie_or_actor() {
    let reg = register();
    let p = partij(&reg, persoon());
    let c = uid(&ok(
        &reg,
        reg.registreer_categorie(json!({"naam": "Ondernemer"})),
    ));
    let cr = uid(&ok(
        &reg,
        reg.registreer_categorie_relatie(json!({"partij": r(p), "categorie": r(c)})),
    ));
    ok(&reg, reg.verwijder_categorie(c.into()));
    assert!(reg
        .vraag_categorie_relatie_op(CategorieRelatieId(cr))
        .is_err());
    // An actor that is not the last of anything: its links go, it leaves its tasks.
    let a = actor(&reg, "Nicole");
    let b = actor(&reg, "Bert");
    let (k, _, _) = klantcontact(&reg, a, None);
    ok(
        &reg,
        reg.koppel_actor_aan_klantcontact(json!({"actor": r(b), "klantcontact": r(k)})),
    );
    let mut t = taak(k, a);
    t["toegewezenAanActoren"] = json!([r(a), r(b)]);
    let t = InterneTaakId(uid(&ok(&reg, reg.registreer_interne_taak(t))));
    ok(&reg, reg.verwijder_actor(ActorId(b)));
    let taak = json_of(&reg.vraag_interne_taak_op(t).unwrap());
    assert_eq!(
        taak["toegewezenAanActoren"],
        json!([{"uuid": a, "url": format!(
        "{}/actoren/{a}", klantinteracties::register::DEFAULT_BASE_URL)}])
    );
    assert_eq!(aantal(&reg, Resource::Actorklantcontacten), 1);
}

// ---------------------------------------------------------------------------------------------
// Atomicity
// ---------------------------------------------------------------------------------------------

#[test]
fn a_failing_call_changes_nothing() {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let p = partij(&reg, persoon_met_bsn(BSN));
    // Everything but the last nested interne taak is fine.
    let mut body = registratie(a, Some(p));
    body.interne_taken = vec![
        json!({"gevraagdeHandeling": "bel terug", "status": "te_verwerken",
                                     "toegewezenAanActoren": [r(Uuid::new_v4())]}),
    ];
    let e = weiger(&reg, |reg| reg.registreer_klantcontact(body));
    assert!(
        e.contains("interneTaken.0.toegewezenAanActoren.0.uuid", "invalid"),
        "{e:?}"
    );
    assert_eq!(aantal(&reg, Resource::Klantcontacten), 0);
    assert_eq!(aantal(&reg, Resource::Betrokkenen), 0);
    // A delete with cascades that is refused halfway.
    let org = partij(&reg, organisatie("A"));
    let ander = partij(&reg, organisatie("B"));
    let kvk = identificator(&reg, Some(org), kvk_group("12345678"), None);
    identificator(
        &reg,
        Some(ander),
        vestiging_group("000012345678"),
        Some(kvk),
    );
    ok(&reg, reg.registreer_digitaal_adres(email(org, "info@a.nl")));
    weiger(&reg, |reg| reg.verwijder_partij(PartijId(org)));
    // Not found changes nothing either.
    weiger(&reg, |reg| {
        reg.verwijder_klantcontact(KlantcontactId(Uuid::new_v4()))
    });
}

#[test]
fn presented_lists_keep_their_order_through_changes_and_refusals() {
    let reg = register();
    let p = partij(&reg, organisatie("P"));
    let q = partij(&reg, organisatie("Q"));
    identificator(&reg, Some(q), kvk_group("12345678"), None);
    let adressen: Vec<Uuid> = ["1@p.nl", "2@p.nl", "3@p.nl"]
        .iter()
        .map(|a| uid(&ok(&reg, reg.registreer_digitaal_adres(email(p, a)))))
        .collect();
    let lijst = |reg: &Register| -> Vec<Value> {
        partij_json(reg, p)["digitaleAdressen"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["uuid"].clone())
            .collect()
    };
    let in_volgorde: Vec<Value> = adressen.iter().map(|a| json!(a)).collect();
    assert_eq!(lijst(&reg), in_volgorde);
    // Changing the first address keeps it first.
    ok(
        &reg,
        reg.wijzig_digitaal_adres_deels(
            DigitaalAdresId(adressen[0]),
            &json!({"omschrijving": "werk"}),
        ),
    );
    assert_eq!(lijst(&reg), in_volgorde);
    // A call that relinks the addresses and then fails leaves the presentation as it was.
    let voor = partij_json(&reg, p);
    let e = weiger(&reg, |reg| {
        reg.wijzig_partij_deels(
            PartijId(p),
            &json!({"digitaleAdressen": [r(adressen[2]), r(adressen[1]), r(adressen[0])],
                    "partijIdentificatoren": [{"partijIdentificator": kvk_group("12345678")}]}),
        )
    });
    assert_eq!(e.kind(), "conflict");
    assert_eq!(partij_json(&reg, p), voor);
    // And so does a replay of the audit log.
    let kopie = Register::from_audit_log(&reg.audit_log().unwrap(), builder(Profile::Standaard, 9))
        .unwrap();
    assert_eq!(partij_json(&kopie, p), voor);
}

#[test]
fn a_failing_transaction_changes_nothing() {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let before = (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap());
    let e = reg
        .transactie(|tx| {
            let p = uid(&tx.registreer_partij(persoon_met_bsn(BSN))?);
            tx.registreer_digitaal_adres(email(p, "jan@example.nl"))?;
            tx.registreer_klantcontact(registratie(a, Some(p)))?;
            tx.wijzig_actor_deels(ActorId(a), &json!({"naam": "Nicole B."}))?;
            // Seen inside the transaction…
            let found =
                tx.zoek_partij(&Zoekvraag::new().filter("partijIdentificator__objectId", BSN))?;
            assert_eq!(found.count, 1);
            // …then a call that fails ends it.
            tx.registreer_partij(persoon_met_bsn(BSN))
        })
        .unwrap_err();
    assert_eq!(e.kind(), "conflict");
    assert!(before == (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap()));
    // The caller may end it with its own error, or a panic.
    let e = reg
        .transactie(|tx| -> Result<(), Error> {
            tx.registreer_partij(persoon())?;
            Err(Error::Storage("afgebroken".to_owned()))
        })
        .unwrap_err();
    assert_eq!(e, Error::Storage("afgebroken".to_owned()));
    assert!(before == (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap()));
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = reg.transactie(|tx| -> Result<(), Error> {
            tx.registreer_partij(persoon())?;
            panic!("midden in een transactie");
        });
    }));
    assert!(panic.is_err());
    assert!(before == (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap()));
    // And the register is usable afterwards.
    ok(&reg, reg.registreer_partij(persoon()));
    // A transaction that writes nothing commits nothing.
    let lengte = reg.lengte();
    ok(&reg, reg.transactie(|tx| tx.zoek_partij(&Zoekvraag::new())));
    assert_eq!(reg.lengte(), lengte);
}

#[test]
fn a_caught_failure_inside_a_transaction_keeps_the_other_writes() {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let lengte = reg.lengte();
    let (p, weigering) = ok(
        &reg,
        reg.transactie(|tx| {
            let p = uid(&tx.registreer_partij(persoon_met_bsn(BSN))?);
            let weigering = tx.registreer_partij(persoon_met_bsn(BSN)).unwrap_err();
            let bsn2 = tx.registreer_partij(persoon_met_bsn(BSN2));
            assert!(bsn2.is_ok());
            tx.registreer_klantcontact(registratie(a, Some(p)))?;
            Ok((p, weigering))
        }),
    );
    assert_eq!(weigering.kind(), "conflict");
    assert_eq!(aantal(&reg, Resource::Partijen), 2);
    assert_eq!(aantal(&reg, Resource::PartijIdentificatoren), 2);
    assert_eq!(aantal(&reg, Resource::Klantcontacten), 1);
    assert!(reg.vraag_partij_op(PartijId(p), &[]).is_ok());
    // One transaction, holding only the writes of the calls that succeeded.
    assert_eq!(reg.lengte().1, lengte.1 + 1);
    let log = reg.audit_log().unwrap();
    let tx: Vec<&AuditRecord> = log
        .iter()
        .filter(|r| r.transaction == lengte.1 + 1)
        .collect();
    assert_eq!(tx.len() as u64, reg.lengte().0 - lengte.0);
    assert_eq!(
        tx.len(),
        2 + 2 + 3,
        "2 partijen, 2 identificatoren, kc + ak + betrokkene"
    );
    assert!(tx.windows(2).all(|w| w[1].seq == w[0].seq + 1));
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

#[test]
fn search_combines_filters_with_and_and_returns_newest_first() {
    let reg = register();
    let jan = partij(&reg, persoon_met_bsn(BSN));
    let mut inactief = persoon_met_bsn(BSN2);
    inactief["indicatieActief"] = json!(false);
    let piet = partij(&reg, inactief);
    let org = partij(&reg, organisatie("X"));
    let ids = |q: Zoekvraag| -> Vec<Uuid> {
        reg.zoek_partij(&q)
            .unwrap()
            .results
            .iter()
            .map(uid)
            .collect()
    };
    assert_eq!(ids(Zoekvraag::new()), vec![org, piet, jan]);
    assert_eq!(
        ids(Zoekvraag::new().filter("soortPartij", "persoon")),
        vec![piet, jan]
    );
    assert_eq!(
        ids(Zoekvraag::new()
            .filter("soortPartij", "persoon")
            .filter("indicatieActief", "true")),
        vec![jan]
    );
    assert_eq!(
        ids(Zoekvraag::new()
            .filter("partijIdentificator__objectId", BSN2)
            .filter("indicatieActief", "true")),
        Vec::<Uuid>::new()
    );
    assert_eq!(
        ids(Zoekvraag::new().filter("partijIdentificator__objectId", BSN)),
        vec![jan]
    );
    // Klantcontacten of a partij (F2084).
    let a = actor(&reg, "Nicole");
    let (k, _, _) = klantcontact(&reg, a, Some(jan));
    klantcontact(&reg, a, Some(piet));
    let gevonden = reg
        .zoek_klantcontact(&Zoekvraag::new().filter("hadBetrokkene__wasPartij__uuid", jan))
        .unwrap();
    assert_eq!(
        gevonden.results.iter().map(uid).collect::<Vec<_>>(),
        vec![k]
    );
}

#[test]
fn klantcontacten_are_ordered_by_plaatsgevonden_op_descending() {
    let reg = register();
    let a = actor(&reg, "Nicole");
    let op = |when: &str| {
        let mut r = registratie(a, None);
        r.klantcontact["plaatsgevondenOp"] = json!(when);
        uid(&ok(&reg, reg.registreer_klantcontact(r)).klantcontact)
    };
    let midden = op("2024-01-02T10:00:00Z");
    let laatst = op("2024-01-03T10:00:00+01:00");
    let eerst = op("2024-01-01T10:00:00Z");
    let zelfde = op("2024-01-02T10:00:00Z");
    let order: Vec<Uuid> = reg
        .zoek_klantcontact(&Zoekvraag::new())
        .unwrap()
        .results
        .iter()
        .map(uid)
        .collect();
    assert_eq!(
        order,
        vec![laatst, zelfde, midden, eerst],
        "ties: newest first"
    );
}

#[test]
fn search_pages() {
    let reg = register();
    let ids: Vec<Uuid> = (0..7).map(|_| partij(&reg, persoon())).collect();
    let newest_first: Vec<Uuid> = ids.iter().rev().copied().collect();
    let page = |n: usize, size: usize| reg.zoek_partij(&Zoekvraag::new().pagina(n, size)).unwrap();
    let p2 = page(2, 3);
    assert_eq!((p2.count, p2.page, p2.page_size), (7, 2, 3));
    assert_eq!(
        p2.results.iter().map(uid).collect::<Vec<_>>(),
        newest_first[3..6]
    );
    assert!(p2.has_next() && p2.has_previous());
    let p3 = page(3, 3);
    assert_eq!(
        p3.results.iter().map(uid).collect::<Vec<_>>(),
        newest_first[6..]
    );
    assert!(!p3.has_next());
    assert_eq!(page(1, MAX_PAGE_SIZE).results.len(), 7);
    assert!(!page(1, 100).has_previous());
    // A page size above the maximum is the maximum, 0 is the default (Open Klant).
    assert_eq!(page(1, MAX_PAGE_SIZE + 1).page_size, MAX_PAGE_SIZE);
    assert_eq!(page(1, 0).page_size, 100);
    // Past the last page, or page 0: not found (Open Klant: 404 "Ongeldige pagina.").
    for (n, size) in [
        (4, 3),
        (0, 10),
        (usize::MAX, MAX_PAGE_SIZE),
        (usize::MAX / 2 + 1, 1),
    ] {
        let e = reg
            .zoek_partij(&Zoekvraag::new().pagina(n, size))
            .unwrap_err();
        assert!(
            matches!(e, Error::PageNotFound { page } if page == n),
            "{e:?}"
        );
    }
    // The first page exists without results.
    let leeg = register();
    assert_eq!(
        leeg.zoek_partij(&Zoekvraag::new()).unwrap().results.len(),
        0
    );
}

#[test]
fn search_refuses_unknown_parameters_and_bad_values() {
    let reg = register();
    let e = reg
        .zoek_partij(
            &Zoekvraag::new()
                .filter("bsn", BSN)
                .filter("soortPartij", "persoon"),
        )
        .unwrap_err();
    assert!(matches!(e, Error::Query(_)));
    let v = &e.report().unwrap().violations;
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].name.as_str(), v[0].code.as_str(), v[0].rule.as_str()),
        ("nonFieldErrors", "unknown-parameters", "zoeken.parameter")
    );
    assert!(v[0].reason.contains("bsn"));
    for (name, value) in [
        ("indicatieActief", "ja"),
        ("vertegenwoordigdePartij__uuid", "geen-uuid"),
        ("vertegenwoordigdePartij__url", "geen url"),
    ] {
        let e = reg
            .zoek_partij(&Zoekvraag::new().filter(name, value))
            .unwrap_err();
        assert!(e.contains(name, "invalid"), "{e:?}");
    }
    let e = reg
        .zoek_klantcontact(&Zoekvraag::new().filter("plaatsgevondenOp", "gisteren"))
        .unwrap_err();
    assert!(e.contains("plaatsgevondenOp", "invalid"));
    let e = reg
        .zoek_interne_taak(&Zoekvraag::new().expand(&["hadBetrokkenen"]))
        .unwrap_err();
    assert!(e.contains("expand", "invalid_choice"));
}

#[test]
fn search_expands_relations() {
    let reg = register();
    let p = partij(&reg, persoon());
    let d = uid(&ok(
        &reg,
        reg.registreer_digitaal_adres(email(p, "jan@example.nl")),
    ));
    let a = actor(&reg, "Nicole");
    let (k, b, _) = klantcontact(&reg, a, Some(p));
    let kc = reg
        .zoek_klantcontact(&Zoekvraag::new().expand(&["hadBetrokkenen"]))
        .unwrap();
    let kc = json_of(&kc.results[0]);
    assert_eq!(kc["uuid"], json!(k));
    let expanded = &kc["_expand"]["hadBetrokkenen"];
    assert_eq!(expanded[0]["uuid"], json!(b));
    assert_eq!(expanded[0]["wasPartij"]["uuid"], json!(p));
    // A list item always carries `_expand` (`{}` when nothing is asked), as Open Klant's
    // lists do; an object read on its own only when relations are asked.
    let zonder = json_of(&reg.zoek_klantcontact(&Zoekvraag::new()).unwrap().results[0]);
    assert_eq!(zonder["_expand"], json!({}));
    let los = json_of(&reg.vraag_klantcontact_op(KlantcontactId(k), &[]).unwrap());
    assert!(los.get("_expand").is_none());
    let partij = reg
        .zoek_partij(&Zoekvraag::new().expand(&["digitaleAdressen"]))
        .unwrap();
    let partij = json_of(&partij.results[0]);
    assert_eq!(partij["_expand"]["digitaleAdressen"][0]["uuid"], json!(d));
    assert_eq!(
        partij["_expand"]["digitaleAdressen"][0]["adres"],
        json!("jan@example.nl")
    );
    let op = json_of(
        &reg.vraag_klantcontact_op(
            KlantcontactId(k),
            &[
                "hadBetrokkenen".to_owned(),
                "hadBetrokkenen.digitaleAdressen".to_owned(),
            ],
        )
        .unwrap(),
    );
    assert_eq!(op["_expand"]["hadBetrokkenen"][0]["uuid"], json!(b));
}

#[test]
fn search_from_a_query_string() {
    let q = Zoekvraag::from_query(
        "?soortPartij=persoon&indicatieActief=true&page=2&pageSize=1&expand=digitaleAdressen,betrokkenen",
    )
    .unwrap();
    assert_eq!(
        q.filters,
        vec![
            ("soortPartij".to_owned(), "persoon".to_owned()),
            ("indicatieActief".to_owned(), "true".to_owned())
        ]
    );
    assert_eq!((q.page, q.page_size), (2, 1));
    assert_eq!(q.expand, vec!["digitaleAdressen", "betrokkenen"]);
    let q = Zoekvraag::from_query("adres=jan%40example.nl&omschrijving=thuis+werk").unwrap();
    assert_eq!(q.filters[0].1, "jan@example.nl");
    assert_eq!(q.filters[1].1, "thuis werk");
    assert_eq!(Zoekvraag::from_query("").unwrap(), Zoekvraag::new());
    // Not an escape: kept as written.
    for (raw, value) in [
        ("a%+1", "a% 1"),
        ("a%zz", "a%zz"),
        ("a%4", "a%4"),
        ("a%", "a%"),
    ] {
        let q = Zoekvraag::from_query(&format!("adres={raw}")).unwrap();
        assert_eq!(q.filters[0].1, value, "{raw}");
    }
    // Paging is read as Open Klant reads it: a page that is no positive number asks for none,
    // a page size that is none is the default.
    for (query, page, size) in [
        ("pageSize=abc", 1, 100),
        ("pageSize=0", 1, 100),
        ("pageSize=1000", 1, 500),
        ("page=-1", 0, 100),
        ("page=abc", 0, 100),
    ] {
        let q = Zoekvraag::from_query(query).unwrap();
        assert_eq!((q.page, q.effective_page_size()), (page, size), "{query}");
    }
    // Used against the register.
    let reg = register();
    let jan = partij(&reg, persoon());
    partij(&reg, persoon());
    let q = Zoekvraag::from_query("soortPartij=persoon&page=2&pageSize=1").unwrap();
    let page = reg.zoek_partij(&q).unwrap();
    assert_eq!(page.count, 2);
    assert_eq!(uid(&page.results[0]), jan);
}
