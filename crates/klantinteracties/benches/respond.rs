//! What an answer costs: reading through `Register::handle` and writing the answer as JSON
//! bytes, as a server or a binding does. Complete answers (every property, in the API's
//! order) are larger than sparse ones; this measures by how much.
//!
//! Run: `cargo bench -p klantinteracties --bench respond`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use klantinteracties::register::{KlantcontactRegistratie, Method, Register, Request};
use klantinteracties::Resource;
use serde_json::{json, Value};
use uuid::Uuid;

fn uid(v: &impl serde::Serialize) -> Uuid {
    let v = serde_json::to_value(v).expect("serializes");
    v["uuid"]
        .as_str()
        .and_then(|u| u.parse().ok())
        .expect("a uuid")
}

/// A register with 100 partijen (each with a BSN and an e-mail address) and one klantcontact
/// of the first with a betrokkene, an onderwerpobject, a bijlage and an interne taak.
fn register() -> (Register, Uuid, Uuid) {
    let reg = Register::in_memory();
    let actor = uid(&reg
        .registreer_actor(json!({"naam": "Nicole", "soortActor": "medewerker", "indicatieActief": true,
            "actorIdentificatie": {"functie": "KCC", "emailadres": "n@example.nl", "telefoonnummer": "0201234567"}}))
        .expect("actor"));
    let mut first = None;
    for i in 0..100u32 {
        // A valid BSN: eight digits and a check digit that makes the 11-proef hold.
        let digits: Vec<u32> = format!("{:08}", 10_000_000 + i * 7919)
            .chars()
            .filter_map(|c| c.to_digit(10))
            .collect();
        let sum: u32 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
        let Some(check) = (0..10).find(|c| (sum + 11 - c).is_multiple_of(11)) else {
            continue;
        };
        let bsn = format!(
            "{}{check}",
            digits.iter().map(ToString::to_string).collect::<String>()
        );
        let p = reg
            .registreer_partij(json!({"soortPartij": "persoon", "indicatieActief": true,
                "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": format!("Jansen {i}")}},
                "bezoekadres": {"straatnaam": "Dorpsstraat", "huisnummer": i + 1, "postcode": "1234 AB", "stad": "Ons Dorp", "land": "NL"},
                "partijIdentificatoren": [{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn", "objectId": bsn, "codeRegister": "brp"}}]}))
            .expect("partij");
        let p = uid(&p);
        reg.registreer_digitaal_adres(json!({"verstrektDoorPartij": {"uuid": p},
            "adres": format!("jan{i}@example.nl"), "soortDigitaalAdres": "email"}))
            .expect("adres");
        first.get_or_insert(p);
    }
    let partij = first.expect("a partij");
    let dossier = reg
        .registreer_klantcontact(KlantcontactRegistratie {
            klantcontact: json!({"kanaal": "telefoon", "onderwerp": "Afval", "inhoud": "Container niet geleegd",
                                 "taal": "nld", "vertrouwelijk": false, "plaatsgevondenOp": "2024-01-24T10:00:00Z"}),
            actoren: vec![klantinteracties::model::Verwijzing::naar(actor.into())],
            betrokkenen: vec![json!({"rol": "klant", "initiator": true, "wasPartij": {"uuid": partij}})],
            onderwerpobjecten: vec![json!({"onderwerpobjectidentificator": {"objectId": "ZAAK-1",
                "codeObjecttype": "zgw-Zaak", "codeRegister": "openzaak", "codeSoortObjectId": "identificatie"}})],
            bijlagen: vec![json!({"bijlageidentificator": {"objectId": "DOC-1", "codeObjecttype": "informatieobject",
                "codeRegister": "drc", "codeSoortObjectId": "uuid"}})],
            interne_taken: vec![json!({"gevraagdeHandeling": "Terugbellen", "status": "te_verwerken",
                "toegewezenAanActoren": [{"uuid": actor}]})],
        })
        .expect("klantcontact");
    (reg, partij, dossier.klantcontact.uuid.0)
}

fn bench(c: &mut Criterion) {
    let (reg, partij, klantcontact) = register();
    let get = |resource, id, expand: &str| {
        let mut r = Request::new(Method::Get, resource);
        r.uuid = Some(id);
        if !expand.is_empty() {
            r.query = vec![("expand".to_owned(), expand.to_owned())];
        }
        r
    };
    let mut list = Request::new(Method::List, Resource::Partijen);
    list.query = vec![("pageSize".to_owned(), "100".to_owned())];
    let cases = [
        ("GET partij", get(Resource::Partijen, partij, "")),
        (
            "GET klantcontact, every expansion",
            get(
                Resource::Klantcontacten,
                klantcontact,
                "gingOverOnderwerpobjecten,hadBetrokkenen,hadBetrokkenen.digitaleAdressen,leiddeTotInterneTaken,omvatteBijlagen",
            ),
        ),
        ("list 100 partijen", list),
    ];
    let mut group = c.benchmark_group("respond");
    for (name, request) in &cases {
        let bytes = serde_json::to_vec(&reg.handle(request).expect("answers")).expect("bytes");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let answer: Value = reg.handle(std::hint::black_box(request)).expect("answers");
                serde_json::to_vec(&answer).expect("bytes")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
