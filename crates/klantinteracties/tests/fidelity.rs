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
