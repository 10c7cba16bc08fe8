//! The case workflows (`klantinteracties::workflows`): for every workflow and variant the end
//! state of a happy path (which resources grew by how much, and the key field values read back
//! from the register), a failure deep inside the input that leaves the register unchanged and
//! names its path and code, parse errors with paths, composition inside one transaction, and
//! a proptest that arbitrary input never panics and, refused, changes nothing.

// Short names (k, t, v) for the objects of a case read best next to the case.
#![allow(clippy::many_single_char_names)]

#[path = "support/register.rs"]
mod support;

use std::collections::BTreeMap;

use klantinteracties::model::{InterneTaakId, KlantcontactId, Taakstatus};
use klantinteracties::register::{Error, Register, Zoekvraag};
use klantinteracties::workflows::{
    self, input_schema, output_schema, uitkomst_schema, voer_uit, Klant, Klantvraag,
    Terugbelverzoek, Uitkomst, WORKFLOWS,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use support::{bsn_group, medewerker, r, register, uid, BSN, BSN2};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// The world the cases run in
// ---------------------------------------------------------------------------------------------

/// A register with the actors of the cases and one known partij.
struct Wereld {
    reg: Register,
    /// KCC medewerker (F2173 `49b22823-…`).
    kcc: Uuid,
    /// A medewerker of afdeling vergunningen (C0534 colleague, C6114 B).
    collega: Uuid,
    /// OE "Afdeling vergunningen" (C9167).
    vergunningen: Uuid,
    /// OE "KCC" (C1199, C6114 A).
    oe_kcc: Uuid,
    /// Geautomatiseerde actor reading the mailbox, the scan-straat and app traffic.
    automaat: Uuid,
    /// Partij "Karel van Deurne" (C9167 B) with a BSN.
    partij: Uuid,
}

fn wereld() -> Wereld {
    let reg = register();
    let kcc = uid(&reg.registreer_actor(medewerker("Nicole van Dijk")).unwrap());
    let collega = uid(&reg.registreer_actor(medewerker("Piet Vergunning")).unwrap());
    let vergunningen = uid(&reg
        .registreer_actor(
            json!({"naam": "Afdeling vergunningen", "indicatieActief": true,
            "soortActor": "organisatorische_eenheid",
            "actorIdentificatie": {"omschrijving": "Vergunningen"}}),
        )
        .unwrap());
    let oe_kcc = uid(&reg
        .registreer_actor(json!({"naam": "KCC", "indicatieActief": true,
            "soortActor": "organisatorische_eenheid"}))
        .unwrap());
    let automaat = uid(&reg
        .registreer_actor(json!({"naam": "Postverwerking", "indicatieActief": true,
            "soortActor": "geautomatiseerde_actor",
            "actorIdentificatie": {"functie": "mailbox en scan-straat"}}))
        .unwrap());
    let partij = uid(&reg
        .registreer_partij(json!({"soortPartij": "persoon", "indicatieActief": true,
            "voorkeurstaal": "nld",
            "partijIdentificatie": {"contactnaam": {"voorletters": "K", "voornaam": "Karel",
                "voorvoegselAchternaam": "van", "achternaam": "Deurne"}},
            "partijIdentificatoren": [{"partijIdentificator": bsn_group(BSN)}]}))
        .unwrap());
    Wereld {
        reg,
        kcc,
        collega,
        vergunningen,
        oe_kcc,
        automaat,
        partij,
    }
}

fn klantcontact(kanaal: &str, onderwerp: &str, inhoud: &str) -> Value {
    json!({"kanaal": kanaal, "onderwerp": onderwerp, "inhoud": inhoud,
           "indicatieContactGelukt": true, "taal": "nld", "vertrouwelijk": false,
           "plaatsgevondenOp": "2024-01-24T10:00:12Z"})
}

fn vraag_kc() -> Value {
    klantcontact(
        "telefoon",
        "Vraag over de vergunning voor een overkapping",
        "Vraag: Klant wil graag een overkapping bouwen. Is een bouwvergunning nodig?",
    )
}

fn telefoon(nummer: &str) -> Value {
    json!({"adres": nummer, "soortDigitaalAdres": "telefoonnummer", "omschrijving": "Terugbelnummer"})
}

fn ongekend() -> Value {
    json!({"soort": "ongekend",
           "contactnaam": {"voorletters": "K", "voornaam": "Karel",
                           "voorvoegselAchternaam": "van", "achternaam": "Deurne"},
           "digitaleAdressen": [telefoon("0612345678")]})
}

fn gekend(partij: Uuid) -> Value {
    json!({"soort": "gekend", "partij": r(partij)})
}

fn nieuw(bsn: &str) -> Value {
    json!({"soort": "nieuw",
           "partij": {"soortPartij": "persoon", "indicatieActief": true, "voorkeurstaal": "nld",
                      "partijIdentificatie": {"contactnaam": {"voorletters": "J",
                          "voornaam": "Jan", "achternaam": "Jansen"}},
                      "partijIdentificatoren": [{"partijIdentificator": bsn_group(bsn)}]},
           "digitaleAdressen": [telefoon("0687654321")]})
}

fn taak_voor(actor: Uuid) -> Value {
    json!({"toegewezenAanActoren": [r(actor)]})
}

fn zaak(identificatie: &str) -> Value {
    json!({ "identificatie": identificatie })
}

fn bijlage(object_id: &str) -> Value {
    json!({"bijlageidentificator": {"objectId": object_id, "codeObjecttype": "informatieobject",
           "codeRegister": "drc", "codeSoortObjectId": "uuid"}})
}

// ---------------------------------------------------------------------------------------------
// Running and checking
// ---------------------------------------------------------------------------------------------

/// Number of objects per collection.
fn tellingen(reg: &Register) -> BTreeMap<&'static str, i64> {
    reg.aantallen()
        .into_iter()
        .map(|(res, n)| (res.collection(), i64::try_from(n).unwrap()))
        .collect()
}

/// Runs `naam` on `input` and asserts which collections grew by how much (all others stay).
#[track_caller]
fn voer_uit_ok(reg: &Register, naam: &str, input: &Value, groei: &[(&str, i64)]) -> Value {
    let voor = tellingen(reg);
    let uitkomst = voer_uit(reg, naam, input).unwrap_or_else(|e| panic!("{naam}: {e:#?}"));
    let na = tellingen(reg);
    let mut verschil: BTreeMap<&str, i64> = BTreeMap::new();
    for (k, n) in &na {
        let d = n - voor.get(k).copied().unwrap_or(0);
        if d != 0 {
            verschil.insert(k, d);
        }
    }
    let verwacht: BTreeMap<&str, i64> = groei.iter().copied().collect();
    assert_eq!(verschil, verwacht, "{naam}: growth per collection");
    assert!(
        reg.controleer_invarianten().is_empty(),
        "{naam}: invariants: {:#?}",
        reg.controleer_invarianten()
    );
    uitkomst
}

/// Runs `naam` on `input`, expects a refusal naming (`name`, `code`), and that nothing changed.
#[track_caller]
fn geweigerd(reg: &Register, naam: &str, input: &Value, name: &str, code: &str) -> Error {
    let voor = reg.inhoud();
    let lengte = reg.lengte();
    let e = voer_uit(reg, naam, input).expect_err(naam);
    assert!(
        e.contains(name, code),
        "{naam}: expected ({name}, {code}) in {:#?}",
        e.report()
    );
    assert_eq!(
        reg.inhoud(),
        voor,
        "{naam}: a refused workflow changed the register"
    );
    assert_eq!(
        reg.lengte(),
        lengte,
        "{naam}: a refused workflow was logged"
    );
    e
}

fn id(v: &Value) -> Uuid {
    Uuid::parse_str(v["uuid"].as_str().expect("a uuid")).unwrap()
}

fn geregistreerd(uitkomst: &Value) -> &Value {
    assert_eq!(uitkomst["uitkomst"], "geregistreerd", "{uitkomst:#}");
    uitkomst
}

/// The klantcontact with its betrokkenen (and their digitale adressen), onderwerpobjecten,
/// bijlagen and interne taken expanded, as JSON.
fn dossier(reg: &Register, k: Uuid) -> Value {
    let expand: Vec<String> = [
        "hadBetrokkenen",
        "hadBetrokkenen.digitaleAdressen",
        "gingOverOnderwerpobjecten",
        "leiddeTotInterneTaken",
        "omvatteBijlagen",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    serde_json::to_value(
        reg.vraag_klantcontact_op(KlantcontactId(k), &expand)
            .unwrap(),
    )
    .unwrap()
}

fn taken_van(reg: &Register, k: Uuid) -> Vec<Value> {
    reg.zoek_interne_taak(&Zoekvraag::new().filter("aanleidinggevendKlantcontact__uuid", k))
        .unwrap()
        .results
        .into_iter()
        .map(|t| serde_json::to_value(t).unwrap())
        .collect()
}

fn actoren_van(kc: &Value) -> Vec<Uuid> {
    kc["hadBetrokkenActoren"]
        .as_array()
        .unwrap()
        .iter()
        .map(id)
        .collect()
}

/// A C9167 call-back request of an ongekende klant, for the cases that start from a task.
fn terugbelverzoek(w: &Wereld) -> (Uuid, Uuid) {
    let u = voer_uit_ok(
        &w.reg,
        "registreer_terugbelverzoek",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": ongekend(),
                "taak": taak_voor(w.vergunningen)}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("digitaleadressen", 1),
            ("internetaken", 1),
        ],
    );
    (id(&u["klantcontact"]), id(&u["interneTaken"][0]))
}

// ---------------------------------------------------------------------------------------------
// C0992
// ---------------------------------------------------------------------------------------------

#[test]
fn c0992_a_anonymous_or_unknown_klant_registers_nothing() {
    let w = wereld();
    for klant in [json!({"soort": "anoniem"}), ongekend()] {
        let voor = w.reg.inhoud();
        let u = voer_uit_ok(
            &w.reg,
            "beantwoord_vraag_direct",
            &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": klant}),
            &[],
        );
        assert_eq!(u["uitkomst"], "niets_geregistreerd");
        assert!(u["reden"].as_str().unwrap().contains("KC-11"));
        assert_eq!(w.reg.inhoud(), voor);
    }
}

#[test]
fn c0992_b_known_partij_gets_klantcontact_actor_and_betrokkene() {
    let w = wereld();
    let input = Klantvraag {
        klantcontact: klantcontact(
            "telefoon",
            "Afvalinzameling rond kerst",
            "Klant vraagt wanneer afval wordt opgehaald. Antwoord: op zaterdag.",
        ),
        actor: klantinteracties::model::Verwijzing::naar(w.kcc.into()),
        klant: serde_json::from_value(gekend(w.partij)).unwrap(),
    };
    let voor = tellingen(&w.reg);
    let u = workflows::beantwoord_vraag_direct(&w.reg, &input).unwrap();
    let na = tellingen(&w.reg);
    assert_eq!(na["klantcontacten"] - voor["klantcontacten"], 1);
    assert_eq!(na["partijen"], voor["partijen"]);
    assert_eq!(na["internetaken"], voor["internetaken"]);
    let reg = u.registratie().expect("registered");
    assert!(reg.partij.is_none());
    let k = reg.klantcontact.as_ref().unwrap().uuid.0;
    let kc = dossier(&w.reg, k);
    assert_eq!(actoren_van(&kc), vec![w.kcc]);
    let b = &kc["_expand"]["hadBetrokkenen"][0];
    assert_eq!(b["rol"], "klant");
    assert_eq!(b["initiator"], true);
    assert_eq!(id(&b["wasPartij"]), w.partij);
    assert_eq!(kc["_expand"]["gingOverOnderwerpobjecten"], json!([]));
    assert_eq!(kc["_expand"]["leiddeTotInterneTaken"], json!([]));
}

#[test]
fn c0992_b_new_partij_is_registered_first() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "beantwoord_vraag_direct",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": nieuw(BSN2)}),
        &[
            ("partijen", 1),
            ("partij-identificatoren", 1),
            ("digitaleadressen", 1),
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
        ],
    );
    let p = id(&geregistreerd(&u)["partij"]);
    let partij = w.reg.vraag_partij_op(p.into(), &[]).unwrap();
    let partij = serde_json::to_value(partij).unwrap();
    assert_eq!(partij["digitaleAdressen"].as_array().unwrap().len(), 1);
    assert_eq!(partij["betrokkenen"].as_array().unwrap().len(), 1);
    assert_eq!(
        u["digitaleAdressen"][0]["verstrektDoorPartij"]["uuid"],
        json!(p)
    );
    assert!(u["digitaleAdressen"][0]["verstrektDoorBetrokkene"].is_null());
    assert_eq!(u["betrokkenen"][0]["wasPartij"]["uuid"], json!(p));
}

#[test]
fn c0992_refusals_deep_in_the_input_change_nothing() {
    let w = wereld();
    let mut klant = nieuw(BSN2);
    klant["digitaleAdressen"][0]["adres"] = json!("geen nummer");
    geweigerd(
        &w.reg,
        "beantwoord_vraag_direct",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": klant}),
        "klant.digitaleAdressen.0.adres",
        "invalid",
    );
    let e = geweigerd(
        &w.reg,
        "beantwoord_vraag_direct",
        &json!({"klantcontact": vraag_kc(), "actor": r(Uuid::nil()), "klant": nieuw(BSN2)}),
        "actor.uuid",
        "invalid",
    );
    assert_eq!(e.kind(), "invalid");
    geweigerd(
        &w.reg,
        "beantwoord_vraag_direct",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": gekend(Uuid::nil())}),
        "klant.partij.uuid",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "beantwoord_vraag_direct",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": nieuw("123456789")}),
        "klant.partij.partijIdentificatoren.0.partijIdentificator.objectId",
        "invalid",
    );
}

// ---------------------------------------------------------------------------------------------
// C0534
// ---------------------------------------------------------------------------------------------

#[test]
fn c0534_a_unknown_klant_is_transferred_without_registration() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "verbind_door",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": {"soort": "anoniem"}}),
        &[],
    );
    assert_eq!(u["uitkomst"], "niets_geregistreerd");
    assert!(u["reden"].as_str().unwrap().contains("C0534"));
}

#[test]
fn c0534_b_question_registered_then_answer_appended_by_colleague() {
    let w = wereld();
    let mut kc = vraag_kc();
    kc["referentienummer"] = json!("23019182");
    let u = voer_uit_ok(
        &w.reg,
        "verbind_door",
        &json!({"klantcontact": kc, "actor": r(w.kcc), "klant": gekend(w.partij)}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
        ],
    );
    let k = id(&geregistreerd(&u)["klantcontact"]);
    let gevonden = w
        .reg
        .zoek_klantcontact(&Zoekvraag::new().filter("referentienummer", "23019182"))
        .unwrap();
    assert_eq!(gevonden.results[0].uuid.0, k);
    let antwoord = "Antwoord: Aan klant doorgegeven dat voor de betreffende overkapping alleen \
                    een meldingsplicht geldt.";
    let u = voer_uit_ok(
        &w.reg,
        "beantwoord_na_doorverbinden",
        &json!({"klantcontact": r(k), "actor": r(w.collega), "antwoord": antwoord}),
        &[("actorklantcontacten", 1)],
    );
    let kc = dossier(&w.reg, k);
    assert_eq!(
        kc["inhoud"],
        json!(format!(
            "{} {antwoord}",
            vraag_kc()["inhoud"].as_str().unwrap()
        ))
    );
    assert_eq!(actoren_van(&kc), vec![w.kcc, w.collega]);
    assert_eq!(u["klantcontact"]["inhoud"], kc["inhoud"]);
    assert_eq!(
        u["actorklantcontacten"][0]["actor"]["uuid"],
        json!(w.collega)
    );
    // The audit log holds the PATCH (F0796) and the link (F6542).
    let log = w.reg.audit_log_van(k).unwrap();
    assert_eq!(log.last().unwrap().fcode.as_deref(), Some("F0796"));
    // The same colleague answering again is not linked twice.
    voer_uit_ok(
        &w.reg,
        "beantwoord_na_doorverbinden",
        &json!({"klantcontact": r(k), "actor": r(w.collega), "antwoord": "Aanvulling."}),
        &[],
    );
}

#[test]
fn c0534_refusals_change_nothing() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "verbind_door",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": gekend(w.partij)}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
        ],
    );
    let k = id(&u["klantcontact"]);
    geweigerd(
        &w.reg,
        "beantwoord_na_doorverbinden",
        &json!({"klantcontact": r(k), "actor": r(w.collega), "antwoord": "x".repeat(1000)}),
        "antwoord",
        "max_length",
    );
    geweigerd(
        &w.reg,
        "beantwoord_na_doorverbinden",
        &json!({"klantcontact": r(k), "actor": r(Uuid::nil()), "antwoord": "Antwoord: ja."}),
        "actor.uuid",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "beantwoord_na_doorverbinden",
        &json!({"klantcontact": r(Uuid::nil()), "actor": r(w.collega), "antwoord": "ja"}),
        "klantcontact.uuid",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "beantwoord_na_doorverbinden",
        &json!({"klantcontact": r(k), "actor": r(w.collega), "antwoord": "  "}),
        "antwoord",
        "blank",
    );
}

// ---------------------------------------------------------------------------------------------
// C9167
// ---------------------------------------------------------------------------------------------

#[test]
fn c9167_a_unknown_person_contact_details_on_the_betrokkene() {
    let w = wereld();
    let (k, t) = terugbelverzoek(&w);
    let kc = dossier(&w.reg, k);
    let b = &kc["_expand"]["hadBetrokkenen"][0];
    assert!(b["wasPartij"].is_null());
    assert_eq!(b["initiator"], true);
    assert_eq!(b["contactnaam"]["voornaam"], "Karel");
    assert_eq!(b["contactnaam"]["voorvoegselAchternaam"], "van");
    let adres = &b["_expand"]["digitaleAdressen"][0];
    assert_eq!(adres["adres"], "0612345678");
    assert_eq!(adres["soortDigitaalAdres"], "telefoonnummer");
    assert!(adres["verstrektDoorPartij"].is_null());
    let taken = taken_van(&w.reg, k);
    assert_eq!(taken.len(), 1);
    assert_eq!(id(&taken[0]), t);
    assert_eq!(taken[0]["gevraagdeHandeling"], "Terugbellen");
    assert_eq!(taken[0]["status"], "te_verwerken");
    assert!(taken[0]["afgehandeldOp"].is_null());
    assert_eq!(
        taken[0]["toegewezenAanActoren"][0]["uuid"],
        json!(w.vergunningen)
    );
    assert_eq!(actoren_van(&kc), vec![w.kcc]);
}

#[test]
fn c9167_b_known_partij_with_deviating_name_and_number() {
    let w = wereld();
    let klant = json!({"soort": "gekend", "partij": r(w.partij),
                       "contactnaam": {"voornaam": "Carl"},
                       "digitaleAdressen": [telefoon("0611111111")]});
    let taak = json!({"gevraagdeHandeling": "Terugbellen op maandag",
                      "toegewezenAanActoren": [r(w.collega)],
                      "toelichting": "Alleen tussen 14:00 en 16:00 bereikbaar."});
    let u = voer_uit_ok(
        &w.reg,
        "registreer_terugbelverzoek",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": klant, "taak": taak}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("digitaleadressen", 1),
            ("internetaken", 1),
        ],
    );
    let kc = dossier(&w.reg, id(&u["klantcontact"]));
    let b = &kc["_expand"]["hadBetrokkenen"][0];
    assert_eq!(id(&b["wasPartij"]), w.partij);
    assert_eq!(b["contactnaam"]["voornaam"], "Carl");
    assert_eq!(b["_expand"]["digitaleAdressen"][0]["adres"], "0611111111");
    let t = &kc["_expand"]["leiddeTotInterneTaken"][0];
    assert_eq!(t["gevraagdeHandeling"], "Terugbellen op maandag");
    assert_eq!(t["toelichting"], "Alleen tussen 14:00 en 16:00 bereikbaar.");
    assert_eq!(t["toegewezenAanActoren"][0]["uuid"], json!(w.collega));
}

#[test]
fn c9167_c_new_partij_then_as_b() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "registreer_terugbelverzoek",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": nieuw(BSN2),
                "taak": taak_voor(w.vergunningen)}),
        &[
            ("partijen", 1),
            ("partij-identificatoren", 1),
            ("digitaleadressen", 1),
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("internetaken", 1),
        ],
    );
    let p = id(&u["partij"]);
    let gevonden = w
        .reg
        .zoek_partij(&Zoekvraag::new().filter("partijIdentificator__objectId", BSN2))
        .unwrap();
    assert_eq!(gevonden.results[0].uuid().0, p);
    let kc = dossier(&w.reg, id(&u["klantcontact"]));
    let b = &kc["_expand"]["hadBetrokkenen"][0];
    assert_eq!(id(&b["wasPartij"]), p);
    assert_eq!(b["_expand"]["digitaleAdressen"], json!([]));
    assert_eq!(
        u["digitaleAdressen"][0]["verstrektDoorPartij"]["uuid"],
        json!(p)
    );
}

#[test]
fn c9167_refusals_change_nothing() {
    let w = wereld();
    let basis = json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": ongekend(),
                       "taak": taak_voor(w.vergunningen)});
    let mut anoniem = basis.clone();
    anoniem["klant"] = json!({"soort": "anoniem"});
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &anoniem,
        "klant.soort",
        "invalid_choice",
    );
    let mut adres = basis.clone();
    adres["klant"]["digitaleAdressen"][0]["omschrijving"] =
        json!("Opgenomen naar aanleiding van een telefoongesprek");
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &adres,
        "klant.digitaleAdressen.0.omschrijving",
        "max_length",
    );
    let mut eigen = basis.clone();
    eigen["klant"]["digitaleAdressen"][0]["verstrektDoorPartij"] = r(w.partij);
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &eigen,
        "klant.digitaleAdressen.0.verstrektDoorPartij",
        "invalid",
    );
    let mut taak = basis.clone();
    taak["taak"] = taak_voor(Uuid::nil());
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &taak,
        "taak.toegewezenAanActoren.0.uuid",
        "invalid",
    );
    let mut leeg = basis.clone();
    leeg["taak"] = json!({"toegewezenAanActoren": []});
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &leeg,
        "taak.toegewezenAanActoren",
        "required",
    );
    let mut status = basis.clone();
    status["taak"]["status"] = json!("verwerkt");
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &status,
        "taak.status",
        "unknown-field",
    );
    let mut kc = basis;
    kc["klantcontact"]["plaatsgevondenOp"] = json!("2999-01-01T00:00:00Z");
    geweigerd(
        &w.reg,
        "registreer_terugbelverzoek",
        &kc,
        "klantcontact.plaatsgevondenOp",
        "invalid",
    );
}

// ---------------------------------------------------------------------------------------------
// C2984, C9761
// ---------------------------------------------------------------------------------------------

fn terugbel_kc() -> Value {
    klantcontact(
        "telefoon",
        "Teruggebeld over de overkapping",
        "Klant teruggebeld: alleen een meldingsplicht.",
    )
}

#[test]
fn c2984_call_back_closes_the_task_and_registers_the_call() {
    let w = wereld();
    let (vraag, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc()}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("onderwerpobjecten", 1),
        ],
    );
    let taak = w.reg.vraag_interne_taak_op(InterneTaakId(t)).unwrap();
    assert_eq!(taak.status, Taakstatus::Verwerkt);
    assert!(taak.afgehandeld_op.flatten().is_some());
    assert_eq!(u["afgeslotenTaak"]["status"], "verwerkt");
    let antwoord = dossier(&w.reg, id(&u["klantcontact"]));
    assert_eq!(actoren_van(&antwoord), vec![w.collega]);
    let b = &antwoord["_expand"]["hadBetrokkenen"][0];
    assert_eq!(b["initiator"], false);
    assert_eq!(b["rol"], "klant");
    assert_eq!(b["contactnaam"]["achternaam"], "Deurne");
    let o = &antwoord["_expand"]["gingOverOnderwerpobjecten"][0];
    assert_eq!(id(&o["wasKlantcontact"]), vraag);
    // The question is unchanged, and now known as the onderwerp of the callback.
    assert_eq!(dossier(&w.reg, vraag)["inhoud"], vraag_kc()["inhoud"]);
    let over = w
        .reg
        .zoek_klantcontact(&Zoekvraag::new().filter("onderwerpobject__uuid", id(o)))
        .unwrap();
    assert_eq!(over.results[0].uuid.0, id(&antwoord));
}

#[test]
fn c2984_copies_the_partij_of_a_known_klant() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "registreer_terugbelverzoek",
        &json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": gekend(w.partij),
                "taak": taak_voor(w.collega)}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("internetaken", 1),
        ],
    );
    let t = id(&u["interneTaken"][0]);
    let u = voer_uit_ok(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc(),
                "toelichting": "Teruggebeld."}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("onderwerpobjecten", 1),
        ],
    );
    assert_eq!(u["betrokkenen"][0]["wasPartij"]["uuid"], json!(w.partij));
    assert_eq!(u["afgeslotenTaak"]["toelichting"], "Teruggebeld.");
}

#[test]
fn c9761_call_back_with_zaak_records_the_zaak_on_the_callback() {
    let w = wereld();
    let (vraag, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "bel_terug_met_zaak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc(),
                "zaak": zaak("ZAAK-2024-0000123")}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("onderwerpobjecten", 2),
        ],
    );
    let antwoord = dossier(&w.reg, id(&u["klantcontact"]));
    let onderwerpen = antwoord["_expand"]["gingOverOnderwerpobjecten"]
        .as_array()
        .unwrap();
    assert_eq!(id(&onderwerpen[0]["wasKlantcontact"]), vraag);
    assert_eq!(
        onderwerpen[1]["onderwerpobjectidentificator"],
        json!({"objectId": "ZAAK-2024-0000123", "codeObjecttype": "zgw-Zaak",
               "codeRegister": "openzaak", "codeSoortObjectId": "identificatie"})
    );
    let via_zaak = w
        .reg
        .zoek_klantcontact(&Zoekvraag::new().filter(
            "onderwerpobject__onderwerpobjectidentificatorObjectId",
            "ZAAK-2024-0000123",
        ))
        .unwrap();
    assert_eq!(via_zaak.results[0].uuid.0, id(&antwoord));
    assert_eq!(u["afgeslotenTaak"]["status"], "verwerkt");
}

#[test]
fn c2984_c9761_refusals_change_nothing() {
    let w = wereld();
    let (_, t) = terugbelverzoek(&w);
    geweigerd(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(t), "actor": r(Uuid::nil()), "klantcontact": terugbel_kc()}),
        "actor.uuid",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(Uuid::nil()), "actor": r(w.collega), "klantcontact": terugbel_kc()}),
        "taak.uuid",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "bel_terug_met_zaak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc(),
                "zaak": zaak(" ")}),
        "zaak.identificatie",
        "blank",
    );
    geweigerd(
        &w.reg,
        "bel_terug_met_zaak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc(),
                "zaak": zaak(&"Z".repeat(201))}),
        "zaak.identificatie",
        "max_length",
    );
    geweigerd(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc(),
                "toelichting": "x".repeat(1001)}),
        "toelichting",
        "max_length",
    );
    voer_uit(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc()}),
    )
    .unwrap();
    let e = geweigerd(
        &w.reg,
        "bel_terug",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc()}),
        "taak.uuid",
        "invalid",
    );
    assert_eq!(
        e.report().unwrap().violations[0].rule,
        "workflow.taak-te-verwerken"
    );
}

// ---------------------------------------------------------------------------------------------
// C1199, C2138, C9853
// ---------------------------------------------------------------------------------------------

fn mail_input(w: &Wereld) -> Value {
    json!({
        "klantcontact": klantcontact("e-mail", "Ophaalschema vuilnis",
            "LS, Ik vraag me af wanneer het huisvuil wordt opgehaald rond 1e kerstdag."),
        "actor": r(w.automaat),
        "afzender": {"adres": "jan.janssen@VNG.nl", "omschrijving": "Afzender e-mail"},
        "bijlagen": [bijlage("mail-1"), bijlage("flyer-1")],
        "taak": taak_voor(w.oe_kcc),
    })
}

#[test]
fn c1199_email_from_unknown_sender() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "registreer_email",
        &mail_input(&w),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("digitaleadressen", 1),
            ("bijlagen", 2),
            ("internetaken", 1),
        ],
    );
    let kc = dossier(&w.reg, id(&u["klantcontact"]));
    assert_eq!(kc["kanaal"], "e-mail");
    assert_eq!(actoren_van(&kc), vec![w.automaat]);
    let b = &kc["_expand"]["hadBetrokkenen"][0];
    assert!(b["wasPartij"].is_null());
    assert_eq!(b["initiator"], true);
    let adres = &b["_expand"]["digitaleAdressen"][0];
    assert_eq!(adres["adres"], "jan.janssen@VNG.nl");
    assert_eq!(adres["soortDigitaalAdres"], "email");
    assert!(adres["verstrektDoorPartij"].is_null());
    let bijlagen = kc["_expand"]["omvatteBijlagen"].as_array().unwrap();
    assert_eq!(bijlagen[1]["bijlageidentificator"]["objectId"], "flyer-1");
    let t = &kc["_expand"]["leiddeTotInterneTaken"][0];
    assert_eq!(t["gevraagdeHandeling"], "Lezen en bepalen benodigde actie");
    assert_eq!(
        t["toelichting"],
        "Aangemaakt naar aanleiding van een ontvangen e-mail"
    );
    assert_eq!(t["toegewezenAanActoren"][0]["uuid"], json!(w.oe_kcc));
    assert_eq!(tellingen(&w.reg)["partijen"], 1);
}

#[test]
fn c1199_refusals_change_nothing() {
    let w = wereld();
    let mut lang = mail_input(&w);
    lang["afzender"]["omschrijving"] = json!("Opgenomen naar aanleiding van een ontvangen e-mail");
    geweigerd(
        &w.reg,
        "registreer_email",
        &lang,
        "afzender.omschrijving",
        "max_length",
    );
    let mut partij = mail_input(&w);
    partij["klant"] = gekend(w.partij);
    geweigerd(
        &w.reg,
        "registreer_email",
        &partij,
        "klant.soort",
        "invalid_choice",
    );
    let mut bijlage = mail_input(&w);
    bijlage["bijlagen"][1]["wasBijlageVanKlantcontact"] = r(Uuid::nil());
    geweigerd(
        &w.reg,
        "registreer_email",
        &bijlage,
        "bijlagen.1.wasBijlageVanKlantcontact",
        "invalid",
    );
    let mut lege = mail_input(&w);
    lege["bijlagen"][0] = json!({"bijlageidentificator": null});
    geweigerd(
        &w.reg,
        "registreer_email",
        &lege,
        "bijlagen.0.bijlageidentificator",
        "required",
    );
    let mut adres = mail_input(&w);
    adres["afzender"]["adres"] = json!("geen adres");
    geweigerd(
        &w.reg,
        "registreer_email",
        &adres,
        "afzender.adres",
        "invalid",
    );
}

#[test]
fn c2138_letter_with_correspondentieadres_and_known_partij() {
    let w = wereld();
    let klant = json!({"soort": "gekend", "partij": r(w.partij),
                       "correspondentieadres": {"adresregel1": "Dennenstraat 35",
                                                "adresregel2": "3552RA Utrecht", "land": "NL"}});
    let mut kc = klantcontact("post", "Brief over de WOZ-beschikking", "");
    kc.as_object_mut().unwrap().remove("inhoud");
    let u = voer_uit_ok(
        &w.reg,
        "registreer_brief",
        &json!({"klantcontact": kc, "actor": r(w.automaat), "klant": klant,
                "bijlagen": [bijlage("scan-1")]}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("bijlagen", 1),
        ],
    );
    let b = &dossier(&w.reg, id(&u["klantcontact"]))["_expand"]["hadBetrokkenen"][0];
    assert_eq!(b["correspondentieadres"]["adresregel1"], "Dennenstraat 35");
    assert_eq!(id(&b["wasPartij"]), w.partij);
    assert_eq!(u["interneTaken"], json!([]));
}

#[test]
fn c2138_letter_from_unknown_sender_with_task() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "registreer_brief",
        &json!({"klantcontact": klantcontact("post", "Brief", "OCR-tekst"),
                "actor": r(w.automaat), "bijlagen": [bijlage("scan-2")],
                "taak": taak_voor(w.oe_kcc)}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("bijlagen", 1),
            ("internetaken", 1),
        ],
    );
    assert!(u["betrokkenen"][0]["wasPartij"].is_null());
    assert_eq!(
        u["interneTaken"][0]["toelichting"],
        "Aangemaakt naar aanleiding van een ontvangen brief"
    );
}

#[test]
fn c2138_refusals_change_nothing() {
    let w = wereld();
    geweigerd(
        &w.reg,
        "registreer_brief",
        &json!({"klantcontact": klantcontact("post", "Brief", "x"), "actor": r(w.automaat),
                "klant": nieuw(BSN2)}),
        "klant.soort",
        "invalid_choice",
    );
    geweigerd(
        &w.reg,
        "registreer_brief",
        &json!({"klantcontact": klantcontact("post", "Brief", "x"), "actor": r(w.automaat),
                "klant": {"soort": "ongekend",
                          "correspondentieadres": {"adresregel1": "x".repeat(81)}}}),
        "klant.correspondentieadres.adresregel1",
        "max_length",
    );
    geweigerd(
        &w.reg,
        "registreer_brief",
        &json!({"klantcontact": klantcontact("post", "Brief", "x"), "actor": r(w.automaat),
                "taak": {"toegewezenAanActoren": [r(w.oe_kcc)], "referentienummer": "12a"}}),
        "taak.referentienummer",
        "invalid",
    );
}

fn app_input(w: &Wereld, klant: Value) -> Value {
    let mut input = json!({"klantcontact": klantcontact("app", "Vraag via app", "Wanneer wordt het huisvuil opgehaald?"),
           "actor": r(w.automaat), 
           "appnummer": {"adres": "0622300190", "omschrijving": "App-nummer"},
           "taak": taak_voor(w.oe_kcc)});
    input["klant"] = klant;
    input
}

#[test]
fn c9853_app_of_known_partij_links_the_number_to_both() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "registreer_appgesprek",
        &app_input(&w, gekend(w.partij)),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("digitaleadressen", 1),
            ("internetaken", 1),
        ],
    );
    let b = id(&u["betrokkenen"][0]);
    let a = &u["digitaleAdressen"][0];
    assert_eq!(a["soortDigitaalAdres"], "telefoonnummer");
    assert_eq!(id(&a["verstrektDoorBetrokkene"]), b);
    assert_eq!(id(&a["verstrektDoorPartij"]), w.partij);
    let partij =
        serde_json::to_value(w.reg.vraag_partij_op(w.partij.into(), &[]).unwrap()).unwrap();
    assert_eq!(partij["digitaleAdressen"][0]["uuid"], a["uuid"]);
    assert_eq!(
        u["interneTaken"][0]["toelichting"],
        "Aangemaakt naar aanleiding van een app-gesprek"
    );
}

#[test]
fn c9853_app_of_unknown_and_new_klant() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "registreer_appgesprek",
        &app_input(&w, json!({"soort": "anoniem"})),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("digitaleadressen", 1),
            ("internetaken", 1),
        ],
    );
    assert!(u["digitaleAdressen"][0]["verstrektDoorPartij"].is_null());
    let u = voer_uit_ok(
        &w.reg,
        "registreer_appgesprek",
        &app_input(&w, nieuw(BSN2)),
        &[
            ("partijen", 1),
            ("partij-identificatoren", 1),
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("digitaleadressen", 2),
            ("internetaken", 1),
        ],
    );
    let p = id(&u["partij"]);
    assert_eq!(
        u["digitaleAdressen"][1]["verstrektDoorPartij"]["uuid"],
        json!(p)
    );
    assert_eq!(
        u["digitaleAdressen"][1]["verstrektDoorBetrokkene"]["uuid"],
        u["betrokkenen"][0]["uuid"]
    );
}

#[test]
fn c9853_refusals_change_nothing() {
    let w = wereld();
    let mut nummer = app_input(&w, gekend(w.partij));
    nummer["appnummer"]["adres"] = json!("0900-1234");
    geweigerd(
        &w.reg,
        "registreer_appgesprek",
        &nummer,
        "appnummer.adres",
        "invalid",
    );
    let mut omschrijving = app_input(&w, nieuw(BSN2));
    omschrijving["appnummer"]["omschrijving"] =
        json!("Opgenomen naar aanleiding van een plaatsgevonden app-verkeer");
    geweigerd(
        &w.reg,
        "registreer_appgesprek",
        &omschrijving,
        "appnummer.omschrijving",
        "max_length",
    );
}

// ---------------------------------------------------------------------------------------------
// C4390, C0359
// ---------------------------------------------------------------------------------------------

fn melding(w: &Wereld, klant: Value, zaaknummer: &str) -> Value {
    let mut input = json!({"klantcontact": klantcontact("telefoon", "Melding omgewaaide boom",
                                        "Boom over het fietspad aan de Dorpsstraat."),
           "actor": r(w.kcc), "zaak": zaak(zaaknummer)});
    input["klant"] = klant;
    input
}

#[test]
fn c4390_c0359_melding_with_new_and_existing_zaak() {
    let w = wereld();
    for (naam, klant) in [
        (
            "meld_openbare_ruimte_met_nieuwe_zaak",
            json!({"soort": "anoniem"}),
        ),
        ("meld_openbare_ruimte_bij_bestaande_zaak", ongekend()),
    ] {
        let extra = i64::from(naam.ends_with("bestaande_zaak"));
        let u = voer_uit_ok(
            &w.reg,
            naam,
            &melding(&w, klant, "ZAAK-2024-0000777"),
            &[
                ("klantcontacten", 1),
                ("actorklantcontacten", 1),
                ("betrokkenen", 1),
                ("onderwerpobjecten", 1),
                ("digitaleadressen", extra),
            ]
            .into_iter()
            .filter(|(_, n)| *n != 0)
            .collect::<Vec<_>>(),
        );
        let kc = dossier(&w.reg, id(&u["klantcontact"]));
        assert!(kc["_expand"]["hadBetrokkenen"][0]["wasPartij"].is_null());
        assert_eq!(
            kc["_expand"]["gingOverOnderwerpobjecten"][0]["onderwerpobjectidentificator"]
                ["objectId"],
            "ZAAK-2024-0000777"
        );
        assert_eq!(kc["_expand"]["leiddeTotInterneTaken"], json!([]));
    }
    let over_zaak = w
        .reg
        .zoek_klantcontact(&Zoekvraag::new().filter(
            "onderwerpobject__onderwerpobjectidentificatorObjectId",
            "ZAAK-2024-0000777",
        ))
        .unwrap();
    assert_eq!(over_zaak.count, 2);
}

#[test]
fn c4390_c0359_refusals_change_nothing() {
    let w = wereld();
    geweigerd(
        &w.reg,
        "meld_openbare_ruimte_met_nieuwe_zaak",
        &melding(&w, gekend(w.partij), "ZAAK-1"),
        "klant.soort",
        "invalid_choice",
    );
    let mut klant = ongekend();
    klant["contactnaam"]["voorletters"] = json!("K".repeat(11));
    geweigerd(
        &w.reg,
        "meld_openbare_ruimte_bij_bestaande_zaak",
        &melding(&w, klant, "ZAAK-1"),
        "klant.contactnaam.voorletters",
        "max_length",
    );
    let mut actor = melding(&w, json!({"soort": "anoniem"}), "ZAAK-1");
    actor["actor"] = r(w.vergunningen);
    w.reg
        .wijzig_actor_deels(w.vergunningen.into(), &json!({"indicatieActief": false}))
        .unwrap();
    geweigerd(
        &w.reg,
        "meld_openbare_ruimte_bij_bestaande_zaak",
        &actor,
        "actor.uuid",
        "invalid",
    );
}

// ---------------------------------------------------------------------------------------------
// C9018
// ---------------------------------------------------------------------------------------------

fn productaanvraag(w: &Wereld, klant: Value) -> Value {
    let mut input = json!({"klantcontact": klantcontact("telefoon", "Aanvraag parkeervergunning",
                                        "Klant vraagt een parkeervergunning aan."),
           "actor": r(w.kcc), 
           "productaanvraag": {"bijlageidentificator": {
               "objectId": "987298727729889902878", "codeObjecttype": "productaanvraag",
               "codeRegister": "objecten", "codeSoortObjectId": "uuid"}}});
    input["klant"] = klant;
    input
}

#[test]
fn c9018_product_for_known_and_new_klant() {
    let w = wereld();
    let u = voer_uit_ok(
        &w.reg,
        "vraag_product_aan",
        &productaanvraag(&w, gekend(w.partij)),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("bijlagen", 1),
        ],
    );
    assert_eq!(
        u["bijlagen"][0]["bijlageidentificator"]["objectId"],
        "987298727729889902878"
    );
    assert_eq!(id(&u["betrokkenen"][0]["wasPartij"]), w.partij);
    let mut input = productaanvraag(&w, nieuw(BSN2));
    input["taak"] = taak_voor(w.collega);
    let u = voer_uit_ok(
        &w.reg,
        "vraag_product_aan",
        &input,
        &[
            ("partijen", 1),
            ("partij-identificatoren", 1),
            ("digitaleadressen", 1),
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("bijlagen", 1),
            ("internetaken", 1),
        ],
    );
    assert_eq!(u["interneTaken"][0]["gevraagdeHandeling"], "Zaak aanmaken");
    assert_eq!(
        u["interneTaken"][0]["toegewezenAanActoren"][0]["uuid"],
        json!(w.collega)
    );
}

#[test]
fn c9018_refusals_change_nothing() {
    let w = wereld();
    for klant in [json!({"soort": "anoniem"}), ongekend()] {
        let e = geweigerd(
            &w.reg,
            "vraag_product_aan",
            &productaanvraag(&w, klant),
            "klant.soort",
            "invalid_choice",
        );
        assert_eq!(
            e.report().unwrap().violations[0].rule,
            "workflow.productaanvraag-authenticatie"
        );
    }
    let mut klant = nieuw(BSN2);
    klant["partij"]
        .as_object_mut()
        .unwrap()
        .remove("partijIdentificatoren");
    geweigerd(
        &w.reg,
        "vraag_product_aan",
        &productaanvraag(&w, klant),
        "klant.partij.partijIdentificatoren",
        "required",
    );
    let mut aanvraag = productaanvraag(&w, gekend(w.partij));
    aanvraag["productaanvraag"]["bijlageidentificator"]["objectId"] = json!("x".repeat(201));
    geweigerd(
        &w.reg,
        "vraag_product_aan",
        &aanvraag,
        "productaanvraag.bijlageidentificator.objectId",
        "max_length",
    );
    // Registering the partij again (same BSN) is a conflict: the partij of the first attempt
    // must not be left behind by a later failure either.
    let mut dubbel = productaanvraag(&w, nieuw(BSN));
    dubbel["taak"] = taak_voor(w.collega);
    let e = geweigerd(
        &w.reg,
        "vraag_product_aan",
        &dubbel,
        "klant.partij.partijIdentificatoren.0.partijIdentificator",
        "unique",
    );
    assert_eq!(e.kind(), "conflict");
}

// ---------------------------------------------------------------------------------------------
// C6114
// ---------------------------------------------------------------------------------------------

#[test]
fn c6114_a_back_to_the_kcc() {
    let w = wereld();
    let (k, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "routeer_taak_terug",
        &json!({"taak": r(t), "vervolgtaak": {"toegewezenAanActoren": [r(w.oe_kcc)],
                "toelichting": "De interne taak die was toegewezen kan ik niet uitvoeren. Gaarne her-routeren aan afdeling X.",
                "referentienummer": "19982201"}}),
        &[("internetaken", 1)],
    );
    let taken = taken_van(&w.reg, k);
    assert_eq!(taken.len(), 2);
    let oud = taken.iter().find(|x| id(x) == t).unwrap();
    let nieuw = taken.iter().find(|x| id(x) != t).unwrap();
    assert_eq!(oud["status"], "verwerkt");
    assert!(oud["afgehandeldOp"].is_string());
    assert_eq!(oud["toelichting"], workflows::TOELICHTING_TERUG);
    assert_eq!(nieuw["status"], "te_verwerken");
    assert_eq!(nieuw["gevraagdeHandeling"], "Opnieuw routeren");
    assert_eq!(nieuw["referentienummer"], "19982201");
    assert_eq!(nieuw["toegewezenAanActoren"][0]["uuid"], json!(w.oe_kcc));
    assert_eq!(u["afgeslotenTaak"]["uuid"], json!(t));
    // New task first, then the original closed (C6114 step 2).
    let log = w.reg.audit_log().unwrap();
    let n = log.len();
    assert_eq!(log[n - 2].fcode.as_deref(), Some("F2120"));
    assert_eq!(log[n - 1].fcode.as_deref(), Some("F5241"));
}

#[test]
fn c6114_b_on_to_a_colleague() {
    let w = wereld();
    let (k, t) = terugbelverzoek(&w);
    voer_uit_ok(
        &w.reg,
        "stuur_taak_door",
        &json!({"taak": r(t), "vervolgtaak": taak_voor(w.collega),
                "toelichting": "Doorgestuurd aan collega Piet."}),
        &[("internetaken", 1)],
    );
    let taken = taken_van(&w.reg, k);
    let oud = taken.iter().find(|x| id(x) == t).unwrap();
    let nieuw = taken.iter().find(|x| id(x) != t).unwrap();
    assert_eq!(oud["toelichting"], "Doorgestuurd aan collega Piet.");
    assert_eq!(nieuw["gevraagdeHandeling"], "Terugbellen");
    assert_eq!(nieuw["toegewezenAanActoren"][0]["uuid"], json!(w.collega));
    assert_eq!(dossier(&w.reg, k)["inhoud"], vraag_kc()["inhoud"]);
}

#[test]
fn c6114_refusals_change_nothing() {
    let w = wereld();
    let (_, t) = terugbelverzoek(&w);
    geweigerd(
        &w.reg,
        "stuur_taak_door",
        &json!({"taak": r(t), "vervolgtaak": taak_voor(Uuid::nil())}),
        "vervolgtaak.toegewezenAanActoren.0.uuid",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "routeer_taak_terug",
        &json!({"taak": r(t), "vervolgtaak": taak_voor(w.oe_kcc), "toelichting": "x".repeat(1001)}),
        "toelichting",
        "max_length",
    );
    voer_uit(
        &w.reg,
        "routeer_taak_terug",
        &json!({"taak": r(t), "vervolgtaak": taak_voor(w.oe_kcc)}),
    )
    .unwrap();
    geweigerd(
        &w.reg,
        "stuur_taak_door",
        &json!({"taak": r(t), "vervolgtaak": taak_voor(w.collega)}),
        "taak.uuid",
        "invalid",
    );
}

// ---------------------------------------------------------------------------------------------
// C2716, C9708
// ---------------------------------------------------------------------------------------------

fn antwoord_kc() -> Value {
    let mut kc = klantcontact(
        "e-mail",
        "Ophaalschema vuilnis",
        "Geachte, U kunt het huisvuil zaterdag 22 december aanbieden.",
    );
    kc["indicatieContactGelukt"] = Value::Null;
    kc
}

#[test]
fn c2716_zaak_from_task_recorded_on_the_question() {
    let w = wereld();
    let (vraag, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "maak_zaak_bij_taak",
        &json!({"taak": r(t), "zaak": zaak("ZAAK-2024-0000042")}),
        &[("onderwerpobjecten", 1)],
    );
    let kc = dossier(&w.reg, vraag);
    assert_eq!(
        kc["_expand"]["gingOverOnderwerpobjecten"][0]["onderwerpobjectidentificator"]
            ["codeObjecttype"],
        "zgw-Zaak"
    );
    assert!(u["klantcontact"].is_null());
    assert_eq!(
        w.reg
            .vraag_interne_taak_op(InterneTaakId(t))
            .unwrap()
            .status,
        Taakstatus::Verwerkt
    );
}

#[test]
fn c2716_with_answer_and_follow_up_task() {
    let w = wereld();
    let (vraag, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "maak_zaak_bij_taak",
        &json!({"taak": r(t), "zaak": zaak("ZAAK-2024-0000043"),
                "antwoord": {"actor": r(w.collega), "klantcontact": antwoord_kc(),
                             "bijlagen": [bijlage("reply-1")]},
                "vervolgtaak": taak_voor(w.collega)}),
        &[
            ("onderwerpobjecten", 2),
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("bijlagen", 1),
            ("internetaken", 1),
        ],
    );
    let antwoord = dossier(&w.reg, id(&u["klantcontact"]));
    assert_eq!(antwoord["indicatieContactGelukt"], Value::Null);
    assert_eq!(
        id(&antwoord["_expand"]["gingOverOnderwerpobjecten"][0]["wasKlantcontact"]),
        vraag
    );
    let taken = taken_van(&w.reg, vraag);
    assert_eq!(taken.len(), 2);
    assert!(taken.iter().any(
        |x| x["gevraagdeHandeling"] == "Opvolgen klantcontact" && x["status"] == "te_verwerken"
    ));
}

#[test]
fn c2716_refusals_change_nothing() {
    let w = wereld();
    let (_, t) = terugbelverzoek(&w);
    // The onderwerpobject and the answer come before the failing follow-up task, and are undone.
    geweigerd(
        &w.reg,
        "maak_zaak_bij_taak",
        &json!({"taak": r(t), "zaak": zaak("ZAAK-9"),
                "antwoord": {"actor": r(w.collega), "klantcontact": antwoord_kc()},
                "vervolgtaak": taak_voor(Uuid::nil())}),
        "vervolgtaak.toegewezenAanActoren.0.uuid",
        "invalid",
    );
    let mut kc = antwoord_kc();
    kc.as_object_mut().unwrap().remove("onderwerp");
    geweigerd(
        &w.reg,
        "maak_zaak_bij_taak",
        &json!({"taak": r(t), "zaak": zaak("ZAAK-9"),
                "antwoord": {"actor": r(w.collega), "klantcontact": kc}}),
        "antwoord.klantcontact.onderwerp",
        "required",
    );
    geweigerd(
        &w.reg,
        "maak_zaak_bij_taak",
        &json!({"taak": r(t), "zaak": zaak("ZAAK-9"),
                "antwoord": {"actor": r(w.collega), "klantcontact": antwoord_kc(),
                             "bijlagen": [{"bijlageidentificator": {"objectId": 7}}]}}),
        "antwoord.bijlagen.0.bijlageidentificator.objectId",
        "invalid",
    );
}

#[test]
fn c9708_a_answer_closes_the_task() {
    let w = wereld();
    let (vraag, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "beantwoord_taak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": antwoord_kc(),
                "bijlagen": [bijlage("98728a09-daa4-41cb-9d10-b44c0d89ebe8")]}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("onderwerpobjecten", 1),
            ("bijlagen", 1),
        ],
    );
    let antwoord = dossier(&w.reg, id(&u["klantcontact"]));
    let b = &antwoord["_expand"]["hadBetrokkenen"][0];
    assert_eq!(b["initiator"], false);
    assert_eq!(b["contactnaam"]["voornaam"], "Karel");
    assert_eq!(
        id(&antwoord["_expand"]["gingOverOnderwerpobjecten"][0]["wasKlantcontact"]),
        vraag
    );
    assert_eq!(actoren_van(&antwoord), vec![w.collega]);
    assert_eq!(u["afgeslotenTaak"]["status"], "verwerkt");
    assert_eq!(u["interneTaken"], json!([]));
}

#[test]
fn c9708_b_answer_with_follow_up_task() {
    let w = wereld();
    let (vraag, t) = terugbelverzoek(&w);
    let u = voer_uit_ok(
        &w.reg,
        "beantwoord_taak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": antwoord_kc(),
                "vervolgtaak": {"toegewezenAanActoren": [r(w.kcc)]},
                "toelichting": "Beantwoord per e-mail."}),
        &[
            ("klantcontacten", 1),
            ("actorklantcontacten", 1),
            ("betrokkenen", 1),
            ("onderwerpobjecten", 1),
            ("internetaken", 1),
        ],
    );
    assert_eq!(
        id(&u["interneTaken"][0]["aanleidinggevendKlantcontact"]),
        vraag
    );
    assert_eq!(
        u["interneTaken"][0]["gevraagdeHandeling"],
        workflows::OPVOLGEN
    );
    assert_eq!(u["afgeslotenTaak"]["toelichting"], "Beantwoord per e-mail.");
}

#[test]
fn c9708_refusals_change_nothing() {
    let w = wereld();
    let (_, t) = terugbelverzoek(&w);
    let mut kc = antwoord_kc();
    kc["taal"] = json!("xx");
    geweigerd(
        &w.reg,
        "beantwoord_taak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": kc}),
        "klantcontact.taal",
        "invalid",
    );
    geweigerd(
        &w.reg,
        "beantwoord_taak",
        &json!({"taak": r(t), "actor": r(w.collega), "klantcontact": antwoord_kc(),
                "vervolgtaak": {"toegewezenAanActoren": [r(w.kcc)], "gevraagdeHandeling": ""}}),
        "vervolgtaak.gevraagdeHandeling",
        "blank",
    );
}

// ---------------------------------------------------------------------------------------------
// Input, catalogue, composition
// ---------------------------------------------------------------------------------------------

#[test]
fn parse_errors_name_path_and_code() {
    let w = wereld();
    let basis = json!({"klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": ongekend(),
                       "taak": taak_voor(w.vergunningen)});
    let naam = "registreer_terugbelverzoek";
    let mut onbekend = basis.clone();
    onbekend["extra"] = json!(1);
    geweigerd(&w.reg, naam, &onbekend, "extra", "unknown-field");
    let mut zonder = basis.clone();
    zonder.as_object_mut().unwrap().remove("taak");
    geweigerd(&w.reg, naam, &zonder, "taak", "required");
    let mut soort = basis.clone();
    soort["klant"]["soort"] = json!("bekend");
    geweigerd(&w.reg, naam, &soort, "klant.soort", "invalid_choice");
    let mut geen_soort = basis.clone();
    geen_soort["klant"].as_object_mut().unwrap().remove("soort");
    geweigerd(&w.reg, naam, &geen_soort, "klant.soort", "required");
    let mut partij = basis.clone();
    partij["klant"] = json!({"soort": "gekend"});
    geweigerd(&w.reg, naam, &partij, "klant.partij", "required");
    let mut veld = basis.clone();
    veld["klant"]["wasPartij"] = r(w.partij);
    geweigerd(&w.reg, naam, &veld, "klant.wasPartij", "unknown-field");
    let mut actor = basis.clone();
    actor["actor"] = json!({"uuid": "geen uuid"});
    geweigerd(&w.reg, naam, &actor, "actor.uuid", "invalid");
    let mut lijst = basis.clone();
    lijst["taak"]["toegewezenAanActoren"] = json!([r(w.kcc), 7]);
    geweigerd(
        &w.reg,
        naam,
        &lijst,
        "taak.toegewezenAanActoren.1",
        "invalid",
    );
    geweigerd(&w.reg, naam, &json!([1, 2]), "nonFieldErrors", "invalid");
    geweigerd(&w.reg, naam, &Value::Null, "nonFieldErrors", "invalid");
    let mut body = basis;
    body["klantcontact"] = json!("tekst");
    geweigerd(
        &w.reg,
        naam,
        &body,
        "klantcontact.nonFieldErrors",
        "invalid",
    );
    let e = geweigerd(
        &w.reg,
        "bel_niet_terug",
        &json!({}),
        "workflow",
        "invalid_choice",
    );
    assert!(e.problem().invalid_params[0].reason.contains("bel_terug"));
}

#[test]
fn catalogue_lists_every_workflow_with_schema_and_source() {
    let mut namen: Vec<&str> = WORKFLOWS.iter().map(|w| w.naam).collect();
    assert_eq!(namen.len(), 19);
    namen.sort_unstable();
    namen.dedup();
    assert_eq!(namen.len(), 19, "names are unique");
    let casussen: std::collections::BTreeSet<&str> = WORKFLOWS.iter().map(|w| w.casus).collect();
    assert_eq!(
        casussen.into_iter().collect::<Vec<_>>(),
        vec![
            "C0359", "C0534", "C0992", "C1199", "C2138", "C2716", "C2984", "C3155", "C4161",
            "C4390", "C6114", "C9018", "C9167", "C9708", "C9761", "C9853"
        ]
    );
    for w in WORKFLOWS {
        let schema = input_schema(w.naam).expect("every workflow has an input schema");
        let schema = schema.as_value();
        assert_eq!(schema["type"], "object", "{}", w.naam);
        assert_eq!(schema["additionalProperties"], false, "{}", w.naam);
        // The two cases the index names without a document say so (C4161, C3155).
        let afgeleid = ["C4161", "C3155"].contains(&w.casus);
        assert!(if afgeleid {
            w.bron == workflows::AFGELEID
        } else {
            w.bron
                .ends_with(&format!("artefacten/{}.md", &w.casus[1..]))
        });
        assert_eq!(w.leest, w.naam == "toon_klantbeeld", "{}", w.naam);
        let output = output_schema(w.naam).expect("every workflow has an output schema");
        assert_eq!(output.as_value()["oneOf"].as_array().map(Vec::len), Some(2));
        assert!(!w.titel.is_empty());
        assert_eq!(workflows::info(w.naam), Some(w));
    }
    assert!(input_schema("onbekend").is_none());
    let klant = &input_schema("registreer_terugbelverzoek").unwrap();
    let defs = &klant.as_value()["$defs"]["Klant"];
    assert_eq!(defs["oneOf"].as_array().unwrap().len(), 4);
    let uit = uitkomst_schema();
    assert_eq!(uit.as_value()["oneOf"].as_array().unwrap().len(), 2);
}

#[test]
fn klant_round_trips_through_json() {
    for klant in [
        json!({"soort": "anoniem"}),
        ongekend(),
        gekend(Uuid::nil()),
        nieuw(BSN),
    ] {
        let k: Klant = serde_json::from_value(klant.clone()).unwrap();
        assert_eq!(serde_json::to_value(&k).unwrap(), klant);
    }
}

#[test]
fn workflows_compose_inside_one_transaction() {
    let w = wereld();
    let verzoek: Terugbelverzoek = serde_json::from_value(json!({
        "klantcontact": vraag_kc(), "actor": r(w.kcc), "klant": ongekend(),
        "taak": taak_voor(w.vergunningen)}))
    .unwrap();
    let (lengte, transacties) = w.reg.lengte();
    let (k, geweigerd) = w
        .reg
        .transactie(|tx| {
            let u = tx.registreer_terugbelverzoek(&verzoek)?;
            let k = u.registratie().unwrap().klantcontact.as_ref().unwrap().uuid;
            let t = u.registratie().unwrap().interne_taken[0].uuid;
            // A failing step inside is undone on its own; the transaction goes on.
            let fout = tx.bel_terug(
                &serde_json::from_value(json!({"taak": r(t.0), "actor": r(Uuid::nil()),
                                               "klantcontact": terugbel_kc()}))
                .unwrap(),
            );
            let u = tx.beantwoord_taak(
                &serde_json::from_value(json!({"taak": r(t.0), "actor": r(w.collega),
                                               "klantcontact": antwoord_kc()}))
                .unwrap(),
            )?;
            assert!(matches!(u, Uitkomst::Geregistreerd(_)));
            Ok((k, fout.is_err()))
        })
        .unwrap();
    assert!(geweigerd);
    assert_eq!(w.reg.lengte().1, transacties + 1, "one transaction");
    assert!(w.reg.lengte().0 > lengte);
    assert_eq!(taken_van(&w.reg, k.0)[0]["status"], "verwerkt");
    assert!(w.reg.controleer_invarianten().is_empty());
    // And a failing workflow fails the whole transaction when its error is passed on.
    let voor = w.reg.inhoud();
    let e = w.reg.transactie(|tx| {
        tx.registreer_terugbelverzoek(&verzoek)?;
        tx.registreer_terugbelverzoek(&Terugbelverzoek {
            klant: Klant::Anoniem {},
            ..verzoek.clone()
        })
    });
    assert!(e.unwrap_err().contains("klant.soort", "invalid_choice"));
    assert_eq!(w.reg.inhoud(), voor);
}

// ---------------------------------------------------------------------------------------------
// Arbitrary input
// ---------------------------------------------------------------------------------------------

/// Field names the inputs use, so that arbitrary objects reach past the first unknown field.
const VELDEN: &[&str] = &[
    "klantcontact",
    "actor",
    "klant",
    "taak",
    "soort",
    "partij",
    "uuid",
    "contactnaam",
    "digitaleAdressen",
    "toegewezenAanActoren",
    "zaak",
    "identificatie",
    "bijlagen",
    "afzender",
    "appnummer",
    "vervolgtaak",
    "antwoord",
    "toelichting",
    "productaanvraag",
    "kanaal",
    "onderwerp",
    "vragen",
    "vraag",
    "vooraf",
    "afloop",
    "partijIdentificator",
    "codeSoortObjectId",
    "objectId",
];

fn json_waarde() -> impl Strategy<Value = Value> {
    let blad = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z0-9 -]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("anoniem"),
            Just("ongekend"),
            Just("gekend"),
            Just("nieuw"),
            Just("00000000-0000-0000-0000-000000000000"),
        ]
        .prop_map(Value::from),
    ];
    blad.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(VELDEN), inner), 0..6).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_input_never_panics_and_a_refusal_changes_nothing(
        input in json_waarde(),
        kleur in 0usize..4,
    ) {
        let w = wereld();
        let (_, t) = terugbelverzoek(&w);
        // Sometimes point the references at objects that exist.
        let mut input = input;
        if let Value::Object(m) = &mut input {
            match kleur {
                1 => { m.insert("actor".to_owned(), r(w.kcc)); }
                2 => { m.insert("taak".to_owned(), r(t)); }
                3 => { m.insert("klant".to_owned(), gekend(w.partij)); }
                _ => {}
            }
        }
        for info in WORKFLOWS {
            let voor = w.reg.inhoud();
            let lengte = w.reg.lengte();
            if let Err(e) = voer_uit(&w.reg, info.naam, &input) {
                prop_assert_eq!(w.reg.inhoud(), voor, "{} changed the register", info.naam);
                prop_assert_eq!(w.reg.lengte(), lengte);
                let report = e.report();
                prop_assert!(report.is_some(), "{}: {:?} names no path", info.naam, e);
                prop_assert!(report.iter().flat_map(|r| &r.violations).all(|v| !v.name.is_empty() && !v.code.is_empty()));
            }
        }
    }
}

/// A valid input for every workflow, in a fresh world with an open call-back task.
fn geldige_invoer(naam: &str) -> (Wereld, Value) {
    let w = wereld();
    let (k, t) = terugbelverzoek(&w);
    let kc = vraag_kc();
    let input = match naam {
        "beantwoord_vraag_direct" | "verbind_door" => {
            json!({"klantcontact": kc, "actor": r(w.kcc), "klant": nieuw(BSN2)})
        }
        "beantwoord_na_doorverbinden" => {
            json!({"klantcontact": r(k), "actor": r(w.collega), "antwoord": "Antwoord: ja."})
        }
        "registreer_terugbelverzoek" => {
            json!({"klantcontact": kc, "actor": r(w.kcc), "klant": ongekend(),
                   "taak": taak_voor(w.vergunningen)})
        }
        "bel_terug" => json!({"taak": r(t), "actor": r(w.collega), "klantcontact": terugbel_kc()}),
        "bel_terug_met_zaak" => json!({"taak": r(t), "actor": r(w.collega),
                                       "klantcontact": terugbel_kc(), "zaak": zaak("ZAAK-1")}),
        "registreer_email" => mail_input(&w),
        "registreer_brief" => json!({"klantcontact": klantcontact("post", "Brief", "x"),
                                     "actor": r(w.automaat), "klant": gekend(w.partij),
                                     "bijlagen": [bijlage("scan")], "taak": taak_voor(w.oe_kcc)}),
        "registreer_appgesprek" => app_input(&w, nieuw(BSN2)),
        "meld_openbare_ruimte_met_nieuwe_zaak" | "meld_openbare_ruimte_bij_bestaande_zaak" => {
            melding(&w, ongekend(), "ZAAK-2")
        }
        "vraag_product_aan" => {
            let mut input = productaanvraag(&w, nieuw(BSN2));
            input["taak"] = taak_voor(w.collega);
            input
        }
        "routeer_taak_terug" | "stuur_taak_door" => {
            json!({"taak": r(t), "vervolgtaak": taak_voor(w.oe_kcc), "toelichting": "Terug."})
        }
        "maak_zaak_bij_taak" => json!({"taak": r(t), "zaak": zaak("ZAAK-3"),
                                       "antwoord": {"actor": r(w.collega),
                                                    "klantcontact": antwoord_kc(),
                                                    "bijlagen": [bijlage("reply")]},
                                       "vervolgtaak": taak_voor(w.kcc)}),
        "beantwoord_taak" => json!({"taak": r(t), "actor": r(w.collega),
                                    "klantcontact": antwoord_kc(),
                                    "bijlagen": [bijlage("reply")],
                                    "vervolgtaak": taak_voor(w.kcc)}),
        "sla_vooraf_uitgevraagde_informatie_op" => json!({"klantcontact": vraag_kc(),
            "actor": r(w.automaat), "klant": ongekend(), "bijlagen": [bijlage("formulier")],
            "vragen": [{"vraag": "Waar gaat uw vraag over?", "antwoord": "Een overkapping"}]}),
        "neem_vooraf_uitgevraagd_over" => {
            let vooraf = voer_uit(&w.reg, "sla_vooraf_uitgevraagde_informatie_op",
                &json!({"klantcontact": vraag_kc(), "actor": r(w.automaat), "klant": gekend(w.partij)}))
                .expect("a pre-intake");
            json!({"vooraf": {"uuid": vooraf["klantcontact"]["uuid"]}, "actor": r(w.collega),
                   "klantcontact": antwoord_kc(), "taak": taak_voor(w.vergunningen)})
        }
        "toon_klantbeeld" => json!({"partijIdentificator": bsn_group(BSN)}),
        other => panic!("no valid input for {other}"),
    };
    (w, input)
}

/// JSON pointers to every value inside `v` (not `v` itself).
fn pointers(v: &Value, pad: &str, uit: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, w) in m {
                let p = format!("{pad}/{}", k.replace('~', "~0").replace('/', "~1"));
                uit.push(p.clone());
                pointers(w, &p, uit);
            }
        }
        Value::Array(a) => {
            for (i, w) in a.iter().enumerate() {
                let p = format!("{pad}/{i}");
                uit.push(p.clone());
                pointers(w, &p, uit);
            }
        }
        _ => {}
    }
}

#[test]
fn every_valid_input_is_accepted() {
    for info in WORKFLOWS {
        let (w, input) = geldige_invoer(info.naam);
        let u =
            voer_uit(&w.reg, info.naam, &input).unwrap_or_else(|e| panic!("{}: {e:#?}", info.naam));
        let verwacht = if info.leest {
            "getoond"
        } else {
            "geregistreerd"
        };
        assert_eq!(u["uitkomst"], verwacht, "{}", info.naam);
        assert!(w.reg.controleer_invarianten().is_empty(), "{}", info.naam);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// One value anywhere inside a valid input replaced by arbitrary JSON: the workflow
    /// succeeds with the invariants intact, or is refused with named violations and changes
    /// nothing.
    #[test]
    fn a_damaged_valid_input_is_all_or_nothing(
        plek in any::<prop::sample::Index>(),
        waarde in json_waarde(),
    ) {
        for info in WORKFLOWS {
            let (w, mut input) = geldige_invoer(info.naam);
            let mut plekken = Vec::new();
            pointers(&input, "", &mut plekken);
            let p = plek.get(&plekken).clone();
            if let Some(doel) = input.pointer_mut(&p) {
                *doel = waarde.clone();
            }
            let voor = w.reg.inhoud();
            match voer_uit(&w.reg, info.naam, &input) {
                Ok(_) => prop_assert!(
                    w.reg.controleer_invarianten().is_empty(),
                    "{} at {}: invariants", info.naam, p
                ),
                Err(e) => {
                    prop_assert_eq!(w.reg.inhoud(), voor, "{} at {} changed the register", info.naam, p);
                    let report = e.report();
                    prop_assert!(report.is_some(), "{} at {}: {:?} names no path", info.naam, p, e);
                    prop_assert!(report.iter().flat_map(|r| &r.violations).all(|v| !v.name.is_empty() && !v.code.is_empty()));
                }
            }
        }
    }
}
