//! Regressions of the defects a comparison with a live Open Klant 2.18.0 found: behaviour
//! that clients of Open Klant (KISS, Open Formulieren, open-klant-client) depend on.

#[path = "support/register.rs"]
mod support;

use klantinteracties::model::PartijId;
use klantinteracties::register::{Error, Register};
use klantinteracties::rules::Profile;
use serde_json::{json, Value};
use support::*;
use uuid::Uuid;

/// A partij with two e-mail addresses and two rekeningnummers, preferring the first of each.
struct MetVoorkeuren {
    partij: PartijId,
    x: Uuid,
    y: Uuid,
    rx: Uuid,
    ry: Uuid,
}

fn met_voorkeuren(reg: &Register) -> MetVoorkeuren {
    let p = uid(&reg.registreer_partij(organisatie("A")).unwrap());
    let x = uid(&reg.registreer_digitaal_adres(email(p, "x@a.nl")).unwrap());
    let y = uid(&reg.registreer_digitaal_adres(email(p, "y@a.nl")).unwrap());
    let rekening = |iban: &str| json!({"partij": r(p), "iban": iban});
    let rx = uid(&reg
        .registreer_rekeningnummer(rekening("NL91ABNA0417164300"))
        .unwrap());
    let ry = uid(&reg
        .registreer_rekeningnummer(rekening("NL20INGB0001234567"))
        .unwrap());
    let partij = PartijId(p);
    reg.wijzig_partij_deels(
        partij,
        &json!({"voorkeursDigitaalAdres": r(x), "voorkeursRekeningnummer": r(rx)}),
    )
    .expect("a preference among the partij's own, sent alone in a PATCH");
    MetVoorkeuren {
        partij,
        x,
        y,
        rx,
        ry,
    }
}

fn json_of<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap()
}

/// `PATCH /partijen/{uuid}` with only a preference: the preference is checked against the
/// partij's stored addresses and accounts (Open Klant R13/R14 on PATCH), not refused because
/// the body has no list.
#[test]
fn a_patch_may_send_a_preference_alone() {
    for profile in [Profile::Standaard, Profile::OpenKlant] {
        let reg = register_in(profile);
        let m = met_voorkeuren(&reg);
        let p = json_of(&reg.vraag_partij_op(m.partij, &[]).unwrap());
        assert_eq!(p["voorkeursDigitaalAdres"]["uuid"], json!(m.x));
        assert_eq!(p["voorkeursRekeningnummer"]["uuid"], json!(m.rx));
        // Another of its own, again alone.
        reg.wijzig_partij_deels(m.partij, &json!({"voorkeursDigitaalAdres": r(m.y)}))
            .unwrap();
        let p = json_of(&reg.vraag_partij_op(m.partij, &[]).unwrap());
        assert_eq!(p["voorkeursDigitaalAdres"]["uuid"], json!(m.y));
        // The lists were not touched.
        assert_eq!(p["digitaleAdressen"].as_array().unwrap().len(), 2);
        assert_eq!(p["rekeningnummers"].as_array().unwrap().len(), 2);
    }
}

/// Once a partij has a preference, a PATCH that does not resend the lists is accepted and
/// keeps the preference.
#[test]
fn a_stored_preference_does_not_block_other_patches() {
    let reg = register();
    let m = met_voorkeuren(&reg);
    let before = reg.audit_log().unwrap().len();
    reg.wijzig_partij_deels(m.partij, &json!({"indicatieActief": false}))
        .expect("a PATCH of another field");
    let p = json_of(&reg.vraag_partij_op(m.partij, &[]).unwrap());
    assert_eq!(p["indicatieActief"], json!(false));
    assert_eq!(p["voorkeursDigitaalAdres"]["uuid"], json!(m.x));
    assert_eq!(p["voorkeursRekeningnummer"]["uuid"], json!(m.rx));
    // Only the partij was written: the addresses and accounts it did not resend stay as
    // they were.
    assert_eq!(reg.audit_log().unwrap().len(), before + 1);
}

/// A preference sent alone must still be the partij's own.
#[test]
fn a_preference_sent_alone_must_be_the_partijs_own() {
    let reg = register();
    let m = met_voorkeuren(&reg);
    let b = uid(&reg.registreer_partij(organisatie("B")).unwrap());
    let van_b = uid(&reg.registreer_digitaal_adres(email(b, "b@b.nl")).unwrap());
    let e = reg
        .wijzig_partij_deels(m.partij, &json!({"voorkeursDigitaalAdres": r(van_b)}))
        .unwrap_err();
    assert!(matches!(e, Error::Invalid(_)), "{e:?}");
    assert!(e.contains("voorkeursDigitaalAdres", "invalid"), "{e:?}");
    let p = json_of(&reg.vraag_partij_op(m.partij, &[]).unwrap());
    assert_eq!(
        p["voorkeursDigitaalAdres"]["uuid"],
        json!(m.x),
        "nothing changed"
    );
}

/// A PATCH that replaces a list without the preferred member takes the preference with it, as
/// unlinking the address or account itself does; one that keeps it keeps the preference.
#[test]
fn a_patch_that_unlinks_the_preferred_member_clears_the_preference() {
    let reg = register();
    let m = met_voorkeuren(&reg);
    reg.wijzig_partij_deels(
        m.partij,
        &json!({"digitaleAdressen": [r(m.y)], "rekeningnummers": [r(m.rx), r(m.ry)]}),
    )
    .unwrap();
    let p = json_of(&reg.vraag_partij_op(m.partij, &[]).unwrap());
    assert_eq!(p["voorkeursDigitaalAdres"], Value::Null);
    assert_eq!(p["voorkeursRekeningnummer"]["uuid"], json!(m.rx));
    assert_eq!(p["digitaleAdressen"][0]["uuid"], json!(m.y));
    assert_eq!(p["digitaleAdressen"].as_array().unwrap().len(), 1);
}

/// A PUT keeps what it leaves out in the open-klant profile, as Open Klant (DRF) does; the
/// standaard profile replaces the object.
#[test]
fn a_put_keeps_what_it_leaves_out_in_the_open_klant_profile() {
    for (profile, kept) in [(Profile::OpenKlant, true), (Profile::Standaard, false)] {
        let reg = register_in(profile);
        let p = reg
            .registreer_partij(json!({"soortPartij": "persoon", "indicatieActief": true,
                                      "interneNotitie": "Belt vaak",
                                      "bezoekadres": {"straatnaam": "Dorpsstraat", "land": "NL"}}))
            .unwrap();
        let id = PartijId(uid(&p));
        let na = json_of(
            &reg.wijzig_partij(
                id,
                json!({"soortPartij": "persoon", "indicatieActief": false}),
            )
            .unwrap(),
        );
        assert_eq!(na["indicatieActief"], json!(false));
        let (notitie, straat) = if kept {
            ("Belt vaak", "Dorpsstraat")
        } else {
            ("", "")
        };
        assert_eq!(na["interneNotitie"], json!(notitie), "{profile:?}");
        assert_eq!(
            na["bezoekadres"]["straatnaam"],
            json!(straat),
            "{profile:?}"
        );
        // A PUT still needs every required property.
        let e = reg
            .wijzig_partij(id, json!({"indicatieActief": true}))
            .unwrap_err();
        assert!(e.contains("soortPartij", "required"), "{profile:?}: {e:?}");
    }
    // The same for any resource.
    let reg = open_klant();
    let rn = uid(&reg
        .registreer_rekeningnummer(json!({"iban": "NL91ABNA0417164300", "bic": "ABNANL2A"}))
        .unwrap());
    let na = json_of(
        &reg.wijzig_rekeningnummer(rn.into(), json!({"iban": "NL20INGB0001234567"}))
            .unwrap(),
    );
    assert_eq!(na["bic"], json!("ABNANL2A"));
}

/// A maak-klantcontact with an empty onderwerpobject makes none, as Open Klant does.
#[test]
fn an_empty_onderwerpobject_in_maak_klantcontact_makes_none() {
    for profile in [Profile::OpenKlant, Profile::Standaard] {
        let reg = register_in(profile);
        let body = json!({"klantcontact": klantcontact_body(), "onderwerpobject": {}});
        let made = if profile == Profile::Standaard {
            // The standaard profile wants an actor and a betrokkene by the commit.
            let actor = uid(&reg.registreer_actor(medewerker("Nicole")).unwrap());
            reg.transactie(|tx| {
                let made = tx.maak_klantcontact(&body)?;
                let k = made.klantcontact.uuid;
                tx.koppel_actor_aan_klantcontact(
                    json!({"actor": r(actor), "klantcontact": r(k.0)}),
                )?;
                tx.registreer_betrokkene(
                    json!({"hadKlantcontact": r(k.0), "rol": "klant", "initiator": true}),
                )?;
                Ok(made)
            })
            .unwrap()
        } else {
            reg.maak_klantcontact(&body).unwrap()
        };
        let made = json_of(&made);
        assert_eq!(made["onderwerpobject"], Value::Null, "{profile:?}");
        assert_eq!(made["klantcontact"]["gingOverOnderwerpobjecten"], json!([]));
    }
}

/// A missing object is a 404 worded as Open Klant words it.
#[test]
fn not_found_is_worded_as_open_klant_words_it() {
    let reg = register();
    let e = reg.vraag_partij_op(PartijId(Uuid::nil()), &[]).unwrap_err();
    let p = e.problem();
    assert_eq!(
        (p.status, p.code.as_str(), p.detail.as_str()),
        (404, "not_found", "Niet gevonden.")
    );
    assert!(
        e.to_string().contains("partijen"),
        "the error itself names the resource"
    );
}
