//! Klantbeeld benchmark (C4161, issue 17): the klantbeeld of a partij read three ways from
//! the same register, side by side, with the ratio to the workflow:
//! - `toon_klantbeeld`, the read workflow (one call, one read lock);
//! - the API route of the C4161 scenario: F7927, F0138 with `expand`, each rekeningnummer,
//!   F3896 with `expand` (a call per step, a read lock each);
//! - a per-object route without `expand` (N+1): the partij, then each of its betrokkenen,
//!   their klantcontacten, and each onderwerpobject and interne taak of those.
//!
//! For a typical partij of the synthetic data (a couple of contacts) and for one with 300
//! klantcontacten, each about a zaak and a third with an interne taak.
//!
//! `cargo bench -p klantinteracties --bench klantbeeld`; `KI_BENCH_SCALE=0.1` for a smaller
//! register (default 1: 100,000 partijen, 200,000 klantcontacten).

#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::hint::black_box;
use std::time::Instant;

#[path = "support/timing.rs"]
mod timing;

use klantinteracties::model::{KlantcontactId, PartijId};
use klantinteracties::register::{KlantcontactRegistratie, Register, Zoekvraag, MAX_PAGE_SIZE};
use klantinteracties::synthetic::{self, Omvang};
use klantinteracties::workflows::{toon_klantbeeld, Klantbeeld, Klantbeeldvraag};
use serde_json::json;
use timing::{measure, us};

fn vraag(bsn: &str) -> Klantbeeldvraag {
    serde_json::from_value(json!({"partijIdentificator": {
        "codeSoortObjectId": "bsn", "objectId": bsn}}))
    .expect("valid input")
}

/// The partij with this BSN (F7927).
fn zoek(reg: &Register, bsn: &str) -> PartijId {
    let page = reg
        .zoek_partij(&Zoekvraag {
            filters: vec![
                (
                    "partijIdentificator__codeSoortObjectId".into(),
                    "bsn".into(),
                ),
                ("partijIdentificator__objectId".into(), bsn.into()),
            ],
            ..Zoekvraag::new()
        })
        .unwrap();
    page.results[0].basis().uuid
}

/// The partij's rekeningnummers, each read by reference (API 0.9.0 has no expand for them).
fn rekeningnummers(
    reg: &Register,
    partij: &klantinteracties::model::PartijBasis,
) -> Vec<klantinteracties::model::Rekeningnummer> {
    partij
        .rekeningnummers
        .iter()
        .flatten()
        .flatten()
        .map(|r| reg.vraag_rekeningnummer_op(r.uuid).unwrap())
        .collect()
}

/// The C4161 scenario's route: a call per step, the relations by `expand`. Keeps what it
/// read, as a client that shows it does; returns the number of klantcontacten.
fn api_route(reg: &Register, bsn: &str) -> usize {
    let id = zoek(reg, bsn);
    let expand = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    let partij = reg
        .vraag_partij_op(
            id,
            &expand(&["digitaleAdressen", "betrokkenen.hadKlantcontact"]),
        )
        .unwrap();
    let rekeningnummers = rekeningnummers(reg, partij.basis());
    let mut q = Zoekvraag {
        filters: vec![("hadBetrokkene__wasPartij__uuid".into(), id.0.to_string())],
        page_size: MAX_PAGE_SIZE,
        expand: expand(&[
            "hadBetrokkenen",
            "gingOverOnderwerpobjecten",
            "leiddeTotInterneTaken",
        ]),
        ..Zoekvraag::new()
    };
    let mut klantcontacten = Vec::new();
    loop {
        let page = reg.zoek_klantcontact(&q).unwrap();
        let next = page.has_next();
        klantcontacten.extend(page.results);
        if !next {
            break;
        }
        q.page += 1;
    }
    black_box((&partij, &rekeningnummers));
    klantcontacten.len()
}

/// Object by object, without `expand` (what a client does that asks per reference). Keeps
/// what it read; returns the number of klantcontacten.
fn per_object_route(reg: &Register, bsn: &str) -> usize {
    let id = zoek(reg, bsn);
    let partij = reg.vraag_partij_op(id, &[]).unwrap();
    let b = partij.basis();
    let adressen: Vec<_> = b
        .digitale_adressen
        .iter()
        .flatten()
        .flatten()
        .map(|a| reg.vraag_digitaal_adres_op(a.uuid, &[]).unwrap())
        .collect();
    let rekeningnummers = rekeningnummers(reg, b);
    let mut gelezen = Vec::new();
    for betrokkene in &b.betrokkenen {
        let bk = reg.vraag_betrokkene_op(betrokkene.uuid, &[]).unwrap();
        let kc = reg
            .vraag_klantcontact_op(bk.had_klantcontact.uuid, &[])
            .unwrap();
        let onderwerpen: Vec<_> = kc
            .ging_over_onderwerpobjecten
            .iter()
            .map(|o| reg.vraag_onderwerpobject_op(o.uuid).unwrap())
            .collect();
        let taken: Vec<_> = kc
            .leidde_tot_interne_taken
            .iter()
            .map(|t| reg.vraag_interne_taak_op(t.uuid).unwrap())
            .collect();
        gelezen.push((bk, kc, onderwerpen, taken));
    }
    black_box((&adressen, &rekeningnummers));
    gelezen.len()
}

/// One way to read a klantbeeld: returns the number of klantcontacten seen.
type Route = fn(&Register, &str) -> usize;
/// Which BSN the `i`-th run reads.
type Keuze<'a> = Box<dyn Fn(usize) -> String + 'a>;

fn workflow_route(reg: &Register, bsn: &str) -> usize {
    match toon_klantbeeld(reg, &vraag(bsn)).unwrap() {
        Klantbeeld::Getoond(b) => b.klantcontacten.len(),
        Klantbeeld::Onbekend { .. } => 0,
    }
}

/// A partij with `n` klantcontacten, each about a zaak, every third with an interne taak.
fn zware_partij(reg: &Register, actor: uuid::Uuid, bsn: &str, n: usize) {
    let p = reg
        .registreer_partij(json!({"soortPartij": "persoon", "indicatieActief": true,
            "partijIdentificatoren": [{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
                "codeSoortObjectId": "bsn", "objectId": bsn, "codeRegister": "brp"}}]}))
        .unwrap();
    let p = p.basis().uuid;
    reg.transactie(|tx| {
        for i in 0..n {
            let kanaal = ["telefoon", "e-mail", "balie"][i % 3];
            let d = tx.registreer_klantcontact(KlantcontactRegistratie {
                klantcontact: json!({"kanaal": kanaal,
                    "onderwerp": "vraag", "taal": "nld", "vertrouwelijk": false,
                    "plaatsgevondenOp": format!("2024-01-01T{:02}:{:02}:00Z", (i / 60) % 24, i % 60)}),
                actoren: vec![klantinteracties::model::Verwijzing::naar(actor.into())],
                betrokkenen: vec![json!({"rol": "klant", "initiator": true, "wasPartij": {"uuid": p}})],
                onderwerpobjecten: vec![json!({"onderwerpobjectidentificator": {
                    "objectId": format!("ZAAK-{i}"), "codeObjecttype": "zgw-Zaak",
                    "codeRegister": "openzaak", "codeSoortObjectId": "identificatie"}})],
                ..KlantcontactRegistratie::default()
            })?;
            if i % 3 == 0 {
                let kc: KlantcontactId = d.klantcontact.uuid;
                tx.registreer_interne_taak(json!({"gevraagdeHandeling": "terugbellen",
                    "status": "te_verwerken", "aanleidinggevendKlantcontact": {"uuid": kc},
                    "toegewezenAanActoren": [{"uuid": actor}]}))?;
            }
        }
        Ok(())
    })
    .unwrap();
}

fn main() {
    let scale: f64 = std::env::var("KI_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let partijen = (100_000.0 * scale) as usize;
    let reg = Register::in_memory();
    let t = Instant::now();
    let data = synthetic::vul(&reg, &Omvang::voor(partijen, 2 * partijen), 7).unwrap();
    let heavy_bsn = synthetic::bsn(9_000_000 - 1);
    zware_partij(&reg, data.actoren[0], &heavy_bsn, 300);
    eprintln!(
        "loaded {partijen} partijen in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    println!("| klantbeeld of | route | calls | median µs | p99 µs | × workflow (median) |");
    println!("|---|---|---:|---:|---:|---:|");
    let bsns = &data.bsns;
    let cases: [(&str, Keuze<'_>, usize); 2] = [
        (
            "a typical partij",
            Box::new(|i| bsns[(i * 7919) % bsns.len()].clone()),
            20_000,
        ),
        (
            "a partij with 300 klantcontacten",
            Box::new(|_| heavy_bsn.clone()),
            2_000,
        ),
    ];
    for (label, bsn, n) in &cases {
        let contacts = api_route(&reg, &bsn(0));
        assert_eq!(contacts, workflow_route(&reg, &bsn(0)));
        assert_eq!(contacts, per_object_route(&reg, &bsn(0)));
        let routes: [(&str, Route, String); 3] = [
            (
                "`toon_klantbeeld` (one call)",
                workflow_route,
                "1".to_owned(),
            ),
            (
                "API route with `expand` (C4161 steps)",
                api_route,
                "3 + rekeningnummers".to_owned(),
            ),
            (
                "per object, no `expand` (N+1)",
                per_object_route,
                "2 + 2 per klantcontact + 1 per onderwerpobject and taak".to_owned(),
            ),
        ];
        let mut base = None;
        for (route, f, calls) in routes {
            let timing::Stats { median, p99 } = measure(*n, |i| {
                black_box(f(&reg, &bsn(i)));
            });
            let ratio = us(median) / us(*base.get_or_insert(median));
            println!(
                "| {label} | {route} | {calls} | {:.1} | {:.1} | {ratio:.2} |",
                us(median),
                us(p99)
            );
        }
    }
}
