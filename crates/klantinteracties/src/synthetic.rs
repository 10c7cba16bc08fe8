//! Synthetic, valid data for sandboxes and benchmarks: partijen with a BSN (11-proef) and a
//! digitaal adres, organisaties with a KvK-nummer and vestigingsnummer, actoren, klantcontacten
//! with one actor and one betrokkene, and interne taken, all written through the register's
//! public F-functions with every invariant on. The same seed gives the same data.

use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::model::{ActorId, Verwijzing};
use crate::progress::Progress;
use crate::register::{Error, KlantcontactRegistratie, Register, Transactie};
use crate::Resource;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Omvang {
    /// Partijen (persons with a BSN and a digitaal adres; one in 20 an organisatie with a
    /// KvK-nummer and a vestigingsnummer).
    pub partijen: usize,
    /// Klantcontacten, each with one actor and one betrokkene (a random partij).
    pub klantcontacten: usize,
    /// Interne taken, each on a random klantcontact, assigned to a random actor.
    pub interne_taken: usize,
    /// Actoren (medewerkers).
    pub actoren: usize,
    /// Calls per transaction (1: every call its own transaction).
    pub batch: usize,
    /// Every n-th partij is an organisatie (0: none, all persons with a BSN).
    pub organisatie_elke: usize,
}

impl Omvang {
    /// Sizes derived from a number of partijen and klantcontacten: a quarter as many interne
    /// taken as klantcontacten, one actor per 100 klantcontacten (at least 10).
    pub fn voor(partijen: usize, klantcontacten: usize) -> Self {
        Self {
            partijen,
            klantcontacten,
            interne_taken: klantcontacten / 4,
            actoren: (klantcontacten / 100).max(10),
            batch: 1,
            organisatie_elke: 20,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Gegenereerd {
    /// Ids of the partijen.
    pub partijen: Vec<Uuid>,
    /// The BSNs, in the order of the persons among `partijen`.
    pub bsns: Vec<String>,
    /// Ids of the actoren.
    pub actoren: Vec<Uuid>,
    /// Ids of the klantcontacten.
    pub klantcontacten: Vec<Uuid>,
    /// Ids of the interne taken.
    pub interne_taken: Vec<Uuid>,
}

/// The `n`-th valid BSN (9 digits passing the 11-proef); distinct for `n` below 9 000 000:
/// the first seven digits are `1000000 + n`, the eighth is the first that gives a check digit.
pub fn bsn(n: u64) -> String {
    let stam = 1_000_000 + n;
    (0..10)
        .find_map(|d8| {
            let k = stam * 10 + d8;
            let digits: Vec<u64> = format!("{k:08}")
                .bytes()
                .map(|b| u64::from(b - b'0'))
                .collect();
            let som: u64 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
            let check = som % 11;
            (check < 10).then(|| format!("{k:08}{check}"))
        })
        .unwrap_or_default()
}

const VOORNAMEN: &[&str] = &[
    "Jan", "Fatima", "Sanne", "Mohamed", "Anouk", "Daan", "Lotte", "Noah",
];
const ACHTERNAMEN: &[&str] = &[
    "Jansen",
    "de Vries",
    "Bakker",
    "El Amrani",
    "Visser",
    "Smit",
    "Mulder",
];
const ONDERWERPEN: &[&str] = &[
    "Vraag over afvalinzameling",
    "Melding openbare ruimte",
    "Aanvraag paspoort",
    "Vraag over parkeervergunning",
];
const KANALEN: &[&str] = &["telefoon", "email", "balie", "brief"];

fn persoon(rng: &mut SmallRng, i: usize, bsn: &str) -> Value {
    let voornaam = VOORNAMEN[rng.random_range(0..VOORNAMEN.len())];
    let achternaam = ACHTERNAMEN[rng.random_range(0..ACHTERNAMEN.len())];
    json!({
        "soortPartij": "persoon",
        "indicatieActief": true,
        "voorkeurstaal": "nld",
        "partijIdentificatie": {"contactnaam": {"voornaam": voornaam, "achternaam": achternaam}},
        "bezoekadres": {
            "straatnaam": "Dorpsstraat",
            "huisnummer": (i % 200) + 1,
            "postcode": format!("{} AB", 1000 + (i % 9000)),
            "stad": "Turfstad",
            "land": "NL"
        },
        "partijIdentificatoren": [{"partijIdentificator": {
            "codeObjecttype": "natuurlijk_persoon",
            "codeSoortObjectId": "bsn",
            "objectId": bsn,
            "codeRegister": "brp"
        }}]
    })
}

fn organisatie(i: usize) -> Value {
    json!({
        "soortPartij": "organisatie",
        "indicatieActief": true,
        "partijIdentificatie": {"naam": format!("Bedrijf {i} B.V.")},
        "partijIdentificatoren": [{"partijIdentificator": {
            "codeObjecttype": "niet_natuurlijk_persoon",
            "codeSoortObjectId": "kvk_nummer",
            "objectId": format!("{:08}", 10_000_000 + i),
            "codeRegister": "hr"
        }}]
    })
}

/// Runs `f` for `n` items in transactions of `batch` calls, reporting `stage` to `progress`.
fn in_batches(
    register: &Register,
    (stage, progress): (&str, &Progress),
    n: usize,
    batch: usize,
    mut f: impl FnMut(&mut Transactie<'_>, usize) -> Result<(), Error>,
) -> Result<(), Error> {
    let batch = batch.max(1);
    let (mut start, mut reported) = (0, 0);
    while start < n {
        let end = (start + batch).min(n);
        register.transactie(|tx| (start..end).try_for_each(|i| f(tx, i)))?;
        start = end;
        if (start - reported) as u64 >= crate::progress::EVERY || start == n {
            progress.report(stage, start as u64, n as u64);
            reported = start;
        }
    }
    Ok(())
}

/// Fills `register` with synthetic data of `omvang`, deterministically from `seed`.
pub fn vul(register: &Register, omvang: &Omvang, seed: u64) -> Result<Gegenereerd, Error> {
    vul_met_voortgang(register, omvang, seed, &Progress::none())
}

/// [`vul`], reporting each stage (`actoren`, `partijen`, `klantcontacten`, `interne taken`)
/// to `progress`.
pub fn vul_met_voortgang(
    register: &Register,
    omvang: &Omvang,
    seed: u64,
    progress: &Progress,
) -> Result<Gegenereerd, Error> {
    let mut rng = SmallRng::seed_from_u64(seed);
    let mut out = Gegenereerd::default();
    let batch = omvang.batch;
    // Data is added to what the register holds: numbering (names, identificatoren, BSNs)
    // goes on after the objects already there, so a second run does not collide with the
    // first one's unique values.
    let al = |resource: Resource| {
        register
            .aantallen()
            .into_iter()
            .find_map(|(r, n)| (r == resource).then_some(n))
            .unwrap_or(0)
    };
    let (actoren_al, partijen_al) = (al(Resource::Actoren), al(Resource::Partijen));

    in_batches(
        register,
        ("actoren", progress),
        omvang.actoren,
        batch,
        |tx, i| {
            let i = i + actoren_al;
            let a = tx.registreer_actor(json!({
            "naam": format!("Medewerker {i}"),
            "soortActor": "medewerker",
            "indicatieActief": true,
            "actoridentificator": {"objectId": format!("mdw{i}"), "codeObjecttype": "mdw", "codeRegister": "msei", "codeSoortObjectId": "email"},
            "actorIdentificatie": {"functie": "KCC-medewerker", "emailadres": format!("medewerker{i}@gemeente.nl"), "telefoonnummer": "0201234567"}
        }))?;
            out.actoren.push(a.uuid().0);
            Ok(())
        },
    )?;

    let mut bsn_n = seed.wrapping_mul(1_000_003) % 1_000_000 + partijen_al as u64;
    let mut rng_p = SmallRng::seed_from_u64(seed ^ 0x5eed);
    in_batches(
        register,
        ("partijen", progress),
        omvang.partijen,
        batch,
        |tx, i| {
            let i = i + partijen_al;
            if omvang.organisatie_elke > 0
                && i % omvang.organisatie_elke == omvang.organisatie_elke - 1
            {
                let p = tx.registreer_partij(organisatie(i))?;
                let kvk = p
                    .basis()
                    .partij_identificatoren
                    .iter()
                    .flatten()
                    .flatten()
                    .find_map(|pi| pi.uuid);
                tx.registreer_partij_identificator(json!({
                "identificeerdePartij": {"uuid": p.uuid()},
                "subIdentificatorVan": {"uuid": kvk},
                "partijIdentificator": {"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer", "objectId": format!("{:012}", 100_000_000_000_u64 + i as u64), "codeRegister": "hr"}
            }))?;
                out.partijen.push(p.uuid().0);
            } else {
                bsn_n += 1;
                let nummer = bsn(bsn_n);
                let p = tx.registreer_partij(persoon(&mut rng_p, i, &nummer))?;
                out.bsns.push(nummer);
                out.partijen.push(p.uuid().0);
            }
            let id = *out.partijen.last().unwrap_or(&Uuid::nil());
            let adres = if i % 2 == 0 {
                json!({"soortDigitaalAdres": "email", "adres": format!("inwoner{i}@example.nl"), "isStandaardAdres": true, "verstrektDoorPartij": {"uuid": id}})
            } else {
                json!({"soortDigitaalAdres": "telefoonnummer", "adres": format!("06{:08}", i % 100_000_000), "isStandaardAdres": true, "verstrektDoorPartij": {"uuid": id}})
            };
            tx.registreer_digitaal_adres(adres)?;
            Ok(())
        },
    )?;

    let start = chrono::DateTime::parse_from_rfc3339("2024-01-01T08:00:00Z")
        .unwrap_or_default()
        .to_utc();
    in_batches(
        register,
        ("klantcontacten", progress),
        omvang.klantcontacten,
        batch,
        |tx, i| {
            let actor = out.actoren[rng.random_range(0..out.actoren.len().max(1))];
            let mut betrokkene = json!({"rol": "klant", "initiator": true});
            if !out.partijen.is_empty() {
                let p = out.partijen[rng.random_range(0..out.partijen.len())];
                betrokkene["wasPartij"] = json!({"uuid": p});
            }
            let moment = start + chrono::Duration::seconds(i64::try_from(i).unwrap_or(0) * 7);
            let dossier = tx.registreer_klantcontact(KlantcontactRegistratie {
                klantcontact: json!({
                    "kanaal": KANALEN[i % KANALEN.len()],
                    "onderwerp": ONDERWERPEN[rng.random_range(0..ONDERWERPEN.len())],
                    "inhoud": "Klant heeft een vraag gesteld en antwoord gekregen.",
                    "taal": "nld",
                    "vertrouwelijk": false,
                    "indicatieContactGelukt": true,
                    "plaatsgevondenOp": moment.to_rfc3339(),
                }),
                actoren: vec![Verwijzing::naar(ActorId(actor))],
                betrokkenen: vec![betrokkene],
                ..KlantcontactRegistratie::default()
            })?;
            out.klantcontacten.push(dossier.klantcontact.uuid.0);
            Ok(())
        },
    )?;

    in_batches(
        register,
        ("interne taken", progress),
        omvang.interne_taken,
        batch,
        |tx, i| {
            let k = out.klantcontacten[rng.random_range(0..out.klantcontacten.len().max(1))];
            let actor = out.actoren[rng.random_range(0..out.actoren.len().max(1))];
            let t = tx.registreer_interne_taak(json!({
                "gevraagdeHandeling": "Klant terugbellen",
                "aanleidinggevendKlantcontact": {"uuid": k},
                "toegewezenAanActoren": [{"uuid": actor}],
                "toelichting": "Graag na 14:00 uur.",
                "status": if i % 2 == 0 { "te_verwerken" } else { "verwerkt" },
            }))?;
            out.interne_taken.push(t.uuid.0);
            Ok(())
        },
    )?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bsn;

    #[test]
    fn bsns_pass_the_11_proef_and_differ() {
        let all: Vec<String> = (0..500).map(bsn).collect();
        for b in &all {
            assert!(Bsn::parse(b).is_ok(), "{b}");
        }
        let set: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
    }

    #[test]
    fn fills_a_register_with_valid_data() {
        let register = Register::in_memory();
        let omvang = Omvang {
            batch: 7,
            ..Omvang::voor(60, 80)
        };
        let g = vul(&register, &omvang, 3).unwrap();
        assert_eq!(g.partijen.len(), 60);
        assert_eq!(g.klantcontacten.len(), 80);
        assert_eq!(g.interne_taken.len(), 20);
        assert!(register.controleer_invarianten().is_empty());
    }
}
