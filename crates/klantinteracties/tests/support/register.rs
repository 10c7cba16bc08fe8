//! Shared helpers of the register tests: deterministic registers, valid bodies, and short
//! ways to take ids out of what the register answers.
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use klantinteracties::register::{KlantcontactRegistratie, Register, SeededIds, SteppingClock};
use klantinteracties::rules::Profile;
use serde::Serialize;
use serde_json::{json, Value};
use uuid::Uuid;

/// Valid BSNs (11-proef).
pub const BSN: &str = "296648875";
pub const BSN2: &str = "123456782";
pub const BSN3: &str = "111222333";

/// The moment the test clock starts at.
pub fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2024-06-01T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A deterministic register in `profile`: a clock that starts at [`start`] and advances one
/// second per reading, seeded ids.
pub fn register_in(profile: Profile) -> Register {
    builder(profile, 1).in_memory()
}

/// The builder [`register_in`] uses (also for journals and replay).
pub fn builder(profile: Profile, seed: u64) -> klantinteracties::register::RegisterBuilder {
    Register::builder()
        .profile(profile)
        .clock(SteppingClock::new(start(), Duration::seconds(1)))
        .ids(SeededIds::new(seed))
}

/// A deterministic register in the standaard profile.
pub fn register() -> Register {
    register_in(Profile::Standaard)
}

/// A deterministic register in the open-klant profile.
pub fn open_klant() -> Register {
    register_in(Profile::OpenKlant)
}

/// The `uuid` of anything the register answers with.
pub fn uid<T: Serialize>(x: &T) -> Uuid {
    let v = serde_json::to_value(x).unwrap();
    Uuid::parse_str(v["uuid"].as_str().expect("answer has a uuid")).unwrap()
}

/// `{"uuid": id}`.
pub fn r(id: Uuid) -> Value {
    json!({ "uuid": id })
}

pub fn persoon() -> Value {
    json!({"soortPartij": "persoon", "indicatieActief": true})
}

pub fn organisatie(naam: &str) -> Value {
    json!({"soortPartij": "organisatie", "indicatieActief": true,
           "partijIdentificatie": {"naam": naam}})
}

/// The identificator group of a BSN.
pub fn bsn_group(bsn: &str) -> Value {
    json!({"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
           "objectId": bsn, "codeRegister": "brp"})
}

pub fn kvk_group(kvk: &str) -> Value {
    json!({"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer",
           "objectId": kvk, "codeRegister": "hr"})
}

pub fn rsin_group(rsin: &str) -> Value {
    json!({"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "rsin",
           "objectId": rsin, "codeRegister": "hr"})
}

pub fn vestiging_group(nummer: &str) -> Value {
    json!({"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer",
           "objectId": nummer, "codeRegister": "hr"})
}

/// A persoon with a BSN identificator.
pub fn persoon_met_bsn(bsn: &str) -> Value {
    json!({"soortPartij": "persoon", "indicatieActief": true,
           "partijIdentificatoren": [{"partijIdentificator": bsn_group(bsn)}]})
}

pub fn medewerker(naam: &str) -> Value {
    json!({"naam": naam, "soortActor": "medewerker", "indicatieActief": true,
           "actorIdentificatie": {"functie": "KCC", "emailadres": "a@b.nl",
                                  "telefoonnummer": "0612345678"}})
}

pub fn klantcontact_body() -> Value {
    json!({"kanaal": "telefoon", "onderwerp": "vraag", "taal": "nld", "vertrouwelijk": false,
           "plaatsgevondenOp": "2024-01-01T10:00:00Z"})
}

pub fn klant() -> Value {
    json!({"rol": "klant", "initiator": true})
}

pub fn email(partij: Uuid, adres: &str) -> Value {
    json!({"verstrektDoorPartij": r(partij), "adres": adres, "soortDigitaalAdres": "email"})
}

pub fn taak(klantcontact: Uuid, actor: Uuid) -> Value {
    json!({"gevraagdeHandeling": "bel terug", "status": "te_verwerken",
           "aanleidinggevendKlantcontact": r(klantcontact), "toegewezenAanActoren": [r(actor)]})
}

/// A klantcontact registration with one actor and one klant betrokkene (of `partij`, if any).
pub fn registratie(actor: Uuid, partij: Option<Uuid>) -> KlantcontactRegistratie {
    let mut b = klant();
    if let Some(p) = partij {
        b["wasPartij"] = r(p);
    }
    KlantcontactRegistratie {
        klantcontact: klantcontact_body(),
        actoren: vec![klantinteracties::model::Verwijzing::naar(actor.into())],
        betrokkenen: vec![b],
        ..KlantcontactRegistratie::default()
    }
}

/// A fresh directory under the system temp dir, unique per call, removed when dropped.
#[derive(Debug)]
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(label: &str) -> Self {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "klantinteracties-{label}-{}-{n}-{}",
            std::process::id(),
            Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every object as the register presents it (with every expansion), oldest first per
/// resource: the derived lists (a partij's `digitaleAdressen`, a klantcontact's
/// `hadBetrokkenen`) come from the indexes, so two registers that present alike have the
/// same indexes too.
pub fn weergave(reg: &Register) -> Vec<Value> {
    use klantinteracties::Resource as R;
    fn v<T: Serialize>(x: Result<T, klantinteracties::register::Error>) -> Value {
        serde_json::to_value(x.unwrap()).unwrap()
    }
    let alles = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<String>>();
    let partij = alles(&["betrokkenen", "categorieRelaties", "digitaleAdressen"]);
    let klantcontact = alles(&[
        "gingOverOnderwerpobjecten",
        "hadBetrokkenen",
        "hadBetrokkenen.digitaleAdressen",
        "leiddeTotInterneTaken",
        "omvatteBijlagen",
    ]);
    reg.inhoud()
        .into_iter()
        .map(|(id, rec)| match rec.resource() {
            R::Partijen => v(reg.vraag_partij_op(id.into(), &partij)),
            R::PartijIdentificatoren => v(reg.vraag_partij_identificator_op(id.into())),
            R::DigitaleAdressen => {
                v(reg.vraag_digitaal_adres_op(id.into(), &alles(&["verstrektDoorBetrokkene"])))
            }
            R::Rekeningnummers => v(reg.vraag_rekeningnummer_op(id.into())),
            R::Vertegenwoordigingen => v(reg.vraag_vertegenwoordiging_op(id.into())),
            R::Categorieen => v(reg.vraag_categorie_op(id.into())),
            R::CategorieRelaties => v(reg.vraag_categorie_relatie_op(id.into())),
            R::Klantcontacten => v(reg.vraag_klantcontact_op(id.into(), &klantcontact)),
            R::Betrokkenen => v(reg.vraag_betrokkene_op(id.into(), &alles(&["digitaleAdressen"]))),
            R::Actorklantcontacten => v(reg.vraag_actor_klantcontact_op(id.into())),
            R::Onderwerpobjecten => v(reg.vraag_onderwerpobject_op(id.into())),
            R::Bijlagen => v(reg.vraag_bijlage_op(id.into())),
            R::Actoren => v(reg.vraag_actor_op(id.into())),
            R::Internetaken => v(reg.vraag_interne_taak_op(id.into())),
            R::MaakKlantcontact => Value::Null,
        })
        .collect()
}
