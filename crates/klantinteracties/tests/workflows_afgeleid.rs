//! The workflows of the two cases the case index names without a document (derived):
//! C4161 (the klantbeeld, a read) and C3155 (information asked beforehand, and its takeover).
//! The conformance suite runs their scenarios; these tests cover what a scenario cannot
//! easily show: paging past one search page, reading under the read lock, refusals that leave
//! the register unchanged, and no personal data in Debug.

#[path = "support/register.rs"]
mod support;

use klantinteracties::model::{Taakstatus, Verwijzing};
use klantinteracties::register::{Register, MAX_PAGE_SIZE};
use klantinteracties::workflows::{
    self, output_schema, toon_klantbeeld, voer_uit, Klantbeeld, Klantbeeldvraag,
};
use serde_json::{json, Value};
use support::{bsn_group, medewerker, r, register, registratie, uid, BSN, BSN2};
use uuid::Uuid;

fn vraag(bsn: &str) -> Klantbeeldvraag {
    serde_json::from_value(json!({"partijIdentificator": bsn_group(bsn)})).expect("valid input")
}

fn automaat(reg: &Register) -> Uuid {
    uid(&reg
        .registreer_actor(json!({"naam": "Spraakmenu", "indicatieActief": true,
            "soortActor": "geautomatiseerde_actor", "actorIdentificatie": {"functie": "keuzemenu"}}))
        .unwrap())
}

fn partij(reg: &Register, bsn: &str) -> Uuid {
    uid(&reg
        .registreer_partij(support::persoon_met_bsn(bsn))
        .unwrap())
}

fn beeld(k: Klantbeeld) -> workflows::Beeld {
    match k {
        Klantbeeld::Getoond(b) => *b,
        Klantbeeld::Onbekend { reden } => panic!("expected a klantbeeld, got onbekend: {reden}"),
    }
}

#[test]
fn a_klantbeeld_pages_past_one_search_page_newest_first() {
    let reg = register();
    let kcc = uid(&reg.registreer_actor(medewerker("Nicole van Dijk")).unwrap());
    let p = partij(&reg, BSN);
    let n = MAX_PAGE_SIZE + 3;
    let begin = chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap();
    reg.transactie(|tx| {
        // Registered in an order that is not the order of the moments they took place.
        for i in 0..n {
            let minuut = i64::try_from((i * 7) % n).unwrap();
            let mut body = registratie(kcc, Some(p));
            body.klantcontact["plaatsgevondenOp"] = json!((begin
                + chrono::Duration::minutes(minuut))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string());
            tx.registreer_klantcontact(body)?;
        }
        Ok(())
    })
    .unwrap();
    let b = beeld(toon_klantbeeld(&reg, &vraag(BSN)).unwrap());
    assert_eq!(b.klantcontacten.len(), n);
    let tijden: Vec<String> = b
        .klantcontacten
        .iter()
        .map(|k| {
            serde_json::to_value(&k.klantcontact.plaatsgevonden_op)
                .unwrap()
                .to_string()
        })
        .collect();
    let mut gesorteerd = tijden.clone();
    gesorteerd.sort_by(|a, b| b.cmp(a));
    gesorteerd.dedup();
    assert_eq!(tijden, gesorteerd, "newest first, each once");
    for k in &b.klantcontacten {
        assert_eq!(k.betrokkenen.len(), 1);
        assert!(k
            .open_interne_taken
            .iter()
            .all(|t| t.status == Taakstatus::TeVerwerken));
    }
}

#[test]
fn only_the_partijs_own_betrokkenen_and_open_taken_are_shown() {
    let reg = register();
    let kcc = uid(&reg.registreer_actor(medewerker("Nicole van Dijk")).unwrap());
    let p = partij(&reg, BSN);
    let ander = partij(&reg, BSN2);
    let d = reg
        .registreer_klantcontact(registratie(kcc, Some(p)))
        .unwrap();
    let kc = d.klantcontact.uuid;
    // Another partij in the same klantcontact, and two tasks of which one is done.
    reg.registreer_betrokkene(json!({"hadKlantcontact": r(kc.0), "wasPartij": r(ander),
        "rol": "vertegenwoordiger", "initiator": false}))
        .unwrap();
    let open = reg
        .registreer_interne_taak(support::taak(kc.0, kcc))
        .unwrap();
    let klaar = reg
        .registreer_interne_taak(support::taak(kc.0, kcc))
        .unwrap();
    reg.wijzig_interne_taak_deels(klaar.uuid, &json!({"status": "verwerkt"}))
        .unwrap();
    let b = beeld(toon_klantbeeld(&reg, &vraag(BSN)).unwrap());
    assert_eq!(b.klantcontacten.len(), 1);
    let k = &b.klantcontacten[0];
    let van = |b: &klantinteracties::model::Betrokkene| {
        b.was_partij
            .clone()
            .flatten()
            .map(|v: Verwijzing<_>| v.uuid.0)
    };
    assert_eq!(k.betrokkenen.iter().map(van).collect::<Vec<_>>(), [Some(p)]);
    let taken: Vec<_> = k.open_interne_taken.iter().map(|t| t.uuid).collect();
    assert!(
        taken.contains(&open.uuid) && !taken.contains(&klaar.uuid),
        "{taken:?}"
    );
}

#[test]
fn an_unknown_identificator_shows_nothing_and_registers_nothing() {
    let reg = register();
    partij(&reg, BSN);
    let voor = reg.lengte();
    let u = voer_uit(
        &reg,
        "toon_klantbeeld",
        &json!({"partijIdentificator": bsn_group(BSN2)}),
    )
    .unwrap();
    assert_eq!(u["uitkomst"], "onbekend");
    assert!(u["reden"].as_str().unwrap().contains("C4161"));
    assert_eq!(reg.lengte(), voor);
    // Another codeRegister narrows the search: not found either.
    let mut g = bsn_group(BSN);
    g["codeRegister"] = json!("hr");
    let u = voer_uit(&reg, "toon_klantbeeld", &json!({"partijIdentificator": g})).unwrap();
    assert_eq!(u["uitkomst"], "onbekend");
}

#[test]
fn a_transaction_sees_its_own_partij_in_the_klantbeeld() {
    let reg = register();
    let gezien = reg
        .transactie(|tx| {
            tx.registreer_partij(support::persoon_met_bsn(BSN))?;
            tx.toon_klantbeeld(&vraag(BSN))
        })
        .unwrap();
    assert!(matches!(gezien, Klantbeeld::Getoond(_)));
}

#[test]
fn a_klantbeeld_input_that_does_not_fit_is_refused_at_its_path() {
    let reg = register();
    for (input, pad, code) in [
        (json!({}), "partijIdentificator", "required"),
        (
            json!({"partijIdentificator": {"codeSoortObjectId": "paspoort", "objectId": "1"}}),
            "partijIdentificator.codeSoortObjectId",
            "invalid_choice",
        ),
        (
            json!({"partijIdentificator": {"codeSoortObjectId": "bsn"}}),
            "partijIdentificator.objectId",
            "required",
        ),
    ] {
        let e = voer_uit(&reg, "toon_klantbeeld", &input).unwrap_err();
        let v = &e.report().expect("a report").violations[0];
        assert_eq!((v.name.as_str(), v.code.as_str()), (pad, code), "{input}");
    }
}

#[test]
fn the_klantbeeld_input_debug_shows_no_bsn() {
    let tekst = format!("{:?}", vraag(BSN));
    assert!(!tekst.contains(BSN), "{tekst}");
    assert!(tekst.contains("codeSoortObjectId") || tekst.contains("code_soort_object_id"));
}

#[test]
fn the_klantbeeld_output_schema_has_both_outcomes() {
    let schema = output_schema("toon_klantbeeld").unwrap();
    let tekst = schema.as_value().to_string();
    assert!(
        tekst.contains("getoond") && tekst.contains("onbekend"),
        "{tekst}"
    );
}

fn vooraf(
    reg: &Register,
    actor: Uuid,
    extra: &Value,
) -> Result<Value, klantinteracties::register::Error> {
    let mut input = json!({
        "klantcontact": {"kanaal": "telefoon", "onderwerp": "Parkeervergunning", "taal": "nld",
                         "vertrouwelijk": false, "inhoud": "Keuze 3"},
        "actor": r(actor),
        "vragen": [{"vraag": "Waar gaat uw vraag over?", "antwoord": "Parkeervergunning"},
                   {"vraag": "Heeft u een kenteken?", "antwoord": "Ja"}],
    });
    for (k, v) in extra.as_object().into_iter().flatten() {
        input[k] = v.clone();
    }
    voer_uit(reg, "sla_vooraf_uitgevraagde_informatie_op", &input)
}

#[test]
fn a_pre_intake_keeps_what_was_asked_and_answered_after_the_given_inhoud() {
    let reg = register();
    let menu = automaat(&reg);
    let u = vooraf(&reg, menu, &json!({})).unwrap();
    assert_eq!(
        u["klantcontact"]["inhoud"],
        "Keuze 3\nVraag: Waar gaat uw vraag over?\nAntwoord: Parkeervergunning\n\
         Vraag: Heeft u een kenteken?\nAntwoord: Ja"
    );
    assert_eq!(u["betrokkenen"][0]["initiator"], true);
}

#[test]
fn a_refused_or_abandoned_pre_intake_leaves_nothing() {
    let reg = register();
    let menu = automaat(&reg);
    let kcc = uid(&reg.registreer_actor(medewerker("Nicole van Dijk")).unwrap());
    let voor = (reg.inhoud(), reg.lengte());
    // Abandoned: nothing, and the outcome says why.
    let u = vooraf(
        &reg,
        menu,
        &json!({"afloop": "afgebroken", "klant": {"soort": "ongekend",
        "digitaleAdressen": [{"soortDigitaalAdres": "telefoonnummer", "adres": "0612345678",
                              "omschrijving": "terugbelnummer"}]}}),
    )
    .unwrap();
    assert_eq!(u["uitkomst"], "niets_geregistreerd");
    assert!(u["reden"].as_str().unwrap().contains("C3155"));
    // Refused: a blank answer, an actor that is no geautomatiseerde actor, an unknown actor,
    // an invalid contact detail (after the klantcontact was written in the same transaction).
    for (actor, extra, pad, code) in [
        (
            menu,
            json!({"vragen": [{"vraag": "Waarover?", "antwoord": " "}]}),
            "vragen.0.antwoord",
            "blank",
        ),
        (kcc, json!({}), "actor", "invalid_choice"),
        (Uuid::new_v4(), json!({}), "actor.uuid", "invalid"),
        (
            menu,
            json!({"klant": {"soort": "ongekend", "digitaleAdressen": [{"soortDigitaalAdres": "email",
            "adres": "geen adres", "omschrijving": "x"}]}}),
            "klant.digitaleAdressen.0.adres",
            "invalid",
        ),
    ] {
        let e = vooraf(&reg, actor, &extra).unwrap_err();
        let v = &e.report().expect("a report").violations[0];
        assert_eq!((v.name.as_str(), v.code.as_str()), (pad, code), "{e:?}");
    }
    assert_eq!((reg.inhoud(), reg.lengte()), voor);
}

#[test]
fn the_takeover_copies_the_klant_and_refers_to_the_pre_intake() {
    let reg = register();
    let menu = automaat(&reg);
    let kcc = uid(&reg.registreer_actor(medewerker("Nicole van Dijk")).unwrap());
    let p = partij(&reg, BSN);
    let u = vooraf(
        &reg,
        menu,
        &json!({"klant": {"soort": "gekend", "partij": r(p)}}),
    )
    .unwrap();
    let eerder = u["klantcontact"]["uuid"].clone();
    let o = voer_uit(
        &reg,
        "neem_vooraf_uitgevraagd_over",
        &json!({
        "vooraf": {"uuid": eerder}, "actor": r(kcc),
        "klantcontact": {"kanaal": "telefoon", "onderwerp": "Parkeervergunning", "taal": "nld",
                         "vertrouwelijk": false}}),
    )
    .unwrap();
    assert_eq!(o["betrokkenen"][0]["wasPartij"]["uuid"], json!(p));
    assert_eq!(o["betrokkenen"][0]["initiator"], true);
    assert_eq!(o["onderwerpobjecten"][0]["wasKlantcontact"]["uuid"], eerder);
    // The klantbeeld now shows both contacts of the partij.
    let b = beeld(toon_klantbeeld(&reg, &vraag(BSN)).unwrap());
    assert_eq!(b.klantcontacten.len(), 2);
}
