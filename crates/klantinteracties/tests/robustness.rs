//! Property tests: no input makes the validator panic, and a report always names a rule of
//! the catalogue with a non-empty path, code and reason.

use klantinteracties::rules::catalogue;
use klantinteracties::rules::{validate, validate_value, Options, Profile, Report};
use klantinteracties::Resource;
use proptest::prelude::*;
use serde_json::{Map, Value};

fn all_options() -> Vec<Options> {
    let mut out = Vec::new();
    for &profile in Profile::ALL {
        for (response, partial) in [(false, false), (true, false), (false, true)] {
            out.push(Options {
                profile,
                response,
                partial,
            });
        }
    }
    out
}

fn well_formed(report: &Report) {
    for v in &report.violations {
        assert!(
            !v.name.is_empty() && !v.code.is_empty() && !v.reason.is_empty(),
            "{v:?}"
        );
        assert!(
            catalogue::rule(&v.rule).is_some(),
            "unknown rule {}",
            v.rule
        );
    }
}

/// Arbitrary JSON, biased towards the property names of the API so that the walker goes deep.
fn json_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "soortPartij",
        "partijIdentificatie",
        "partijIdentificatoren",
        "partijIdentificator",
        "codeSoortObjectId",
        "objectId",
        "codeRegister",
        "codeObjecttype",
        "uuid",
        "url",
        "digitaleAdressen",
        "voorkeursDigitaalAdres",
        "adres",
        "soortDigitaalAdres",
        "klantcontact",
        "betrokkene",
        "onderwerpobject",
        "kanaal",
        "taal",
        "metadata",
        "bezoekadres",
        "huisnummer",
        "postcode",
        "land",
        "actorIdentificatie",
        "soortActor",
        "toegewezenAanActoren",
        "status",
        "afgehandeldOp",
        "iban",
        "bic",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,30}".prop_map(Value::String),
        prop::sample::select(vec![
            "persoon",
            "medewerker",
            "bsn",
            "vestigingsnummer",
            "email",
            "telefoonnummer",
            "verwerkt",
            ""
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|kv| Value::Object(
                kv.into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<Map<_, _>>()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        for &resource in Resource::ALL {
            let report = validate(resource, &bytes, Options::default());
            well_formed(&report);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        for &resource in Resource::ALL {
            for options in all_options() {
                well_formed(&validate_value(resource, &value, options));
            }
        }
    }

    #[test]
    fn validation_is_deterministic_and_pure(value in json_value()) {
        let before = value.clone();
        let a = validate_value(Resource::Partijen, &value, Options::default());
        let b = validate_value(Resource::Partijen, &value, Options::default());
        prop_assert_eq!(a, b);
        prop_assert_eq!(value, before);
    }
}

#[test]
fn nesting_up_to_the_limit_parses_and_one_level_more_is_refused() {
    use klantinteracties::rules::{parse_json, MAX_NESTING};
    let nested = |levels: usize| {
        // Brackets inside a string do not count towards the depth.
        "{\"a\":".repeat(levels - 1) + "[\"]]]]{{\"]" + &"}".repeat(levels - 1)
    };
    assert!(parse_json(nested(MAX_NESTING).as_bytes()).is_ok());
    let report = parse_json(nested(MAX_NESTING + 1).as_bytes()).unwrap_err();
    assert_eq!(report.violations.len(), 1);
    assert_eq!(report.violations[0].name, "nonFieldErrors");
    assert_eq!(report.violations[0].code, "parse_error");
    assert!(report.violations[0].reason.contains("genest"), "{report:?}");
}

#[test]
fn deeply_nested_json_is_a_violation_not_a_crash() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let report = validate(Resource::Partijen, deep.as_bytes(), Options::default());
    assert_eq!(report.violations[0].code, "parse_error");
}
