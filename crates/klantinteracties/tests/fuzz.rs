//! Fuzz targets, one per entry point that reads untrusted bytes: validation from bytes, and
//! journal replay from bytes (the Python conversion has its own, in
//! `bindings/python/tests/test_properties.py`). Random and mutated inputs from proptest, on
//! stable Rust: a short run in the test command (`KI_FUZZ_CASES`, default 300 per target),
//! a long one by hand (README, development notes):
//!
//! ```sh
//! KI_FUZZ_CASES=200000 cargo test --release -p klantinteracties --test fuzz
//! ```
//!
//! What each target checks: no panic; a refusal is a report or an error, never a crash; a
//! journal that is refused is left as it was; a journal that opens holds every invariant.

#[path = "support/register.rs"]
mod support;

use klantinteracties::register::Register;
use klantinteracties::rules::{self, Options, Profile};
use klantinteracties::Resource;
use proptest::prelude::*;
use serde_json::json;
use support::*;

fn cases() -> u32 {
    std::env::var("KI_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// A valid document to mutate: a partij with identificatoren, addresses and nested groups.
fn seed_document() -> Vec<u8> {
    serde_json::to_vec_pretty(&json!({
        "soortPartij": "persoon", "indicatieActief": true, "indicatieGeheimhouding": false,
        "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}},
        "partijIdentificatoren": [{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
            "codeSoortObjectId": "bsn", "objectId": "111222333", "codeRegister": "brp"}}],
        "bezoekadres": {"straatnaam": "Straat", "huisnummer": 1, "postcode": "1234AB",
            "woonplaats": "Utrecht", "land": "6030"},
        "digitaleAdressen": [{"uuid": "00000000-0000-4000-8000-000000000001"}]
    }))
    .unwrap()
}

/// One mutation of a byte string: flip, set, insert, remove, duplicate a range, cut.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    Repeat(usize, usize),
    Cut(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop::sample::select(b"{}[]\",:0-9.eE+\\u\xef\xbb\xbf \n".to_vec());
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| Mutation::Flip(at, mask)),
        (any::<usize>(), interesting.clone()).prop_map(|(at, b)| Mutation::Set(at, b)),
        (any::<usize>(), prop::collection::vec(interesting, 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<usize>(), 1usize..16).prop_map(|(at, n)| Mutation::Remove(at, n)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Mutation::Repeat(at, n)),
        any::<usize>().prop_map(Mutation::Cut),
    ]
}

fn mutate(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let at = |i: usize| i % bytes.len();
    match m {
        Mutation::Flip(i, mask) => {
            let i = at(*i);
            bytes[i] ^= mask;
        }
        Mutation::Set(i, b) => {
            let i = at(*i);
            bytes[i] = *b;
        }
        Mutation::Insert(i, new) => {
            let i = at(*i);
            bytes.splice(i..i, new.iter().copied());
        }
        Mutation::Remove(i, n) => {
            let i = at(*i);
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::Repeat(i, n) => {
            let i = at(*i);
            let end = (i + n).min(bytes.len());
            let part = bytes[i..end].to_vec();
            bytes.splice(i..i, part);
        }
        Mutation::Cut(i) => {
            let i = at(*i);
            bytes.truncate(i);
        }
    }
}

/// A small journal of a few transactions of several resources.
fn seed_journal() -> Vec<u8> {
    let dir = TempDir::new("fuzz-seed");
    let reg = builder(Profile::Standaard, 4).open(dir.path()).unwrap();
    let p = uid(&reg.registreer_partij(persoon_met_bsn(BSN)).unwrap());
    reg.registreer_digitaal_adres(email(p, "jan@example.nl"))
        .unwrap();
    reg.registreer_categorie(json!({"naam": "Ondernemer"}))
        .unwrap();
    drop(reg);
    std::fs::read(dir.path().join("journal.log")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Validation from bytes: a mutated document never panics, and every violation names a
    /// catalogued rule.
    #[test]
    fn validate_from_bytes(mutations in prop::collection::vec(mutation(), 1..6),
                           resource in prop::sample::select(Resource::ALL.to_vec())) {
        let mut bytes = seed_document();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        for &profile in Profile::ALL {
            let report = rules::validate(resource, &bytes, Options::input(profile));
            for v in &report.violations {
                prop_assert!(rules::catalogue::rule(&v.rule).is_some(), "{:?}", v.rule);
            }
        }
    }

    /// Journal replay from bytes: a mutated journal opens (and then holds every invariant)
    /// or is refused with an error and left exactly as it was; a read-only open agrees.
    #[test]
    fn journal_replay_from_bytes(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = seed_journal();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        let dir = TempDir::new("fuzz-journal");
        std::fs::write(dir.path().join("journal.log"), &bytes).unwrap();
        let read_only = builder(Profile::Standaard, 4).open_read_only(dir.path());
        prop_assert!(std::fs::read(dir.path().join("journal.log")).unwrap() == bytes);
        let opened = builder(Profile::Standaard, 4).open(dir.path());
        prop_assert_eq!(opened.is_ok(), read_only.is_ok());
        if let Ok(reg) = opened {
            prop_assert!(reg.controleer_invarianten().is_empty());
        } else {
            prop_assert!(std::fs::read(dir.path().join("journal.log")).unwrap() == bytes);
        }
    }

    /// Journal replay from arbitrary bytes after an intact first line.
    #[test]
    fn journal_replay_from_random_frames(tail in prop::collection::vec(any::<u8>(), 0..512)) {
        let seed = seed_journal();
        let line = seed.iter().position(|b| *b == b'\n').unwrap() + 1;
        let mut bytes = seed[..line].to_vec();
        bytes.extend_from_slice(&tail);
        let dir = TempDir::new("fuzz-frames");
        std::fs::write(dir.path().join("journal.log"), &bytes).unwrap();
        if let Ok(reg) = Register::builder().open(dir.path()) {
            prop_assert!(reg.controleer_invarianten().is_empty());
        }
    }
}
