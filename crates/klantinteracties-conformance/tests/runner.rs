//! The runner judges: a wrong expectation fails the scenario with the path of the difference,
//! a listed deviation that passes is reported as fixed, and arbitrary step bodies never make
//! it panic.

use klantinteracties::rules::Profile;
use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::format::{CaseFile, Deviation, Expectations, RuleFile};
use klantinteracties_conformance::run::{run, run_scenario, Status, Verdict};
use klantinteracties_conformance::suite::Suite;
use proptest::prelude::*;
use serde_json::{json, Value};

fn actor() -> Value {
    json!({"title": "actor", "function": "F5592", "bind": "actor", "body": {
        "naam": "Jan", "soortActor": "medewerker", "indicatieActief": true,
        "actorIdentificatie": {"functie": "KCC", "emailadres": "jan@gemeente.nl", "telefoonnummer": "0201234567"}}})
}

fn case(expected_onderwerp: &str) -> CaseFile {
    serde_json::from_value(json!({
        "case": "C0000", "title": "t", "source": {"document": "d"}, "fixtures": [actor()],
        "variants": [{"name": "-", "title": "t", "steps": [{
            "title": "register", "function": "F2173", "bind": "kc",
            "body": {"klantcontact": {"kanaal": "telefoon", "onderwerp": "Afval", "taal": "nld", "vertrouwelijk": false},
                     "actoren": [{"uuid": "$actor.uuid"}], "betrokkenen": [{"rol": "klant", "initiator": true}]},
            "expect": {"body": {"klantcontact": {"onderwerp": expected_onderwerp}}}
        }], "endState": [{"resource": "klantcontacten", "count": 1}]}]
    }))
    .expect("a case file")
}

fn suite_of(cases: Vec<CaseFile>, rules: Vec<RuleFile>) -> Suite {
    Suite {
        root: Suite::default_root(),
        embedded: false,
        cases: cases.into_iter().map(|c| (c.case.clone(), c)).collect(),
        rules: rules
            .into_iter()
            .enumerate()
            .map(|(i, r)| (format!("r{i}"), r))
            .collect(),
    }
}

#[test]
fn a_matching_expectation_passes_and_a_wrong_one_fails_with_its_path() {
    let ok = suite_of(vec![case("Afval")], vec![]);
    let report = run(
        &ok,
        &mut EmbeddedTarget::new(Profile::Standaard),
        &Expectations::default(),
        None,
    );
    assert!(report.passed(), "{:?}", report.results);
    let wrong = suite_of(vec![case("Vuilnis")], vec![]);
    let report = run(
        &wrong,
        &mut EmbeddedTarget::new(Profile::Standaard),
        &Expectations::default(),
        None,
    );
    assert!(!report.passed());
    let message = report.results[0].message.clone().unwrap_or_default();
    assert!(message.contains("klantcontact.onderwerp"), "{message}");
    assert_eq!(
        report.results[0].passed, 1,
        "the fixture passed, the step did not"
    );
}

#[test]
fn a_listed_deviation_that_passes_is_fixed_and_fails_the_run() {
    let suite = suite_of(vec![case("Afval")], vec![]);
    let expectations = Expectations {
        target: "embedded".to_owned(),
        deviations: vec![Deviation {
            id: "C0000".to_owned(),
            reason: "listed for the test".to_owned(),
            kind: None,
        }],
    };
    let report = run(
        &suite,
        &mut EmbeddedTarget::new(Profile::Standaard),
        &expectations,
        None,
    );
    assert_eq!(report.results[0].verdict, Verdict::Fixed);
    assert!(!report.passed());
}

#[test]
fn a_rule_test_with_the_wrong_code_fails() {
    let rules: RuleFile = serde_json::from_value(json!({
        "description": "d", "fixtures": [actor()],
        "groups": [{"rule": "veld.max-lengte", "description": "d", "function": "F5592", "tests": [
            {"description": "ok", "valid": true, "body": {"naam": "x", "soortActor": "medewerker", "indicatieActief": true,
             "actorIdentificatie": {"functie": "f", "emailadres": "a@b.nl", "telefoonnummer": "0201234567"}}},
            {"description": "wrong code", "valid": false, "body": {"naam": "x".repeat(201), "soortActor": "medewerker", "indicatieActief": true,
             "actorIdentificatie": {"functie": "f", "emailadres": "a@b.nl", "telefoonnummer": "0201234567"}},
             "invalidParams": [{"name": "naam", "code": "min_length"}]}
        ]}]
    }))
    .expect("a rule file");
    let suite = suite_of(vec![], vec![rules]);
    let report = run(
        &suite,
        &mut EmbeddedTarget::new(Profile::Standaard),
        &Expectations::default(),
        None,
    );
    assert_eq!(report.results[0].status, Status::Passed);
    assert_eq!(report.results[1].status, Status::Failed);
    let message = report.results[1].message.clone().unwrap_or_default();
    assert!(
        message.contains("naam min_length") && message.contains("max_length"),
        "{message}"
    );
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z$.]{0,12}".prop_map(Value::from),
        Just(json!("$actor.uuid")),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    Just("klantcontact".to_owned()),
                    Just("kanaal".to_owned()),
                    Just("soortPartij".to_owned()),
                    "[a-z]{1,8}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any body, for any function or workflow, gives a judgement, never a panic.
    #[test]
    fn arbitrary_bodies_are_judged_without_panic(
        body in arbitrary_json(),
        call in prop_oneof![
            Just(json!({"function": "F2173"})), Just(json!({"function": "F7554"})),
            Just(json!({"function": "F5241", "uuid": "$actor.uuid"})),
            Just(json!({"workflow": "registreer_terugbelverzoek"})), Just(json!({"workflow": "beantwoord_taak"})),
        ],
    ) {
        let mut step = json!({"title": "s", "body": body});
        for (k, v) in call.as_object().into_iter().flatten() {
            step[k] = v.clone();
        }
        let file: CaseFile = serde_json::from_value(json!({
            "case": "C0000", "title": "t", "source": {"document": "d"}, "fixtures": [actor()],
            "variants": [{"name": "-", "title": "t", "steps": [step]}]
        })).expect("a case file");
        let suite = suite_of(vec![file], vec![]);
        let scenarios = suite.scenarios(true);
        let result = run_scenario(&scenarios[0], &mut EmbeddedTarget::new(Profile::Standaard));
        prop_assert!(result.passed >= 1, "the fixture runs");
    }
}

/// A rule test with `expect`: its `keys` must be the answer's properties exactly and in
/// order, and a test meant for one profile is left out of the other.
#[test]
fn expected_keys_are_checked_in_order_and_profiles_select_tests() {
    let rules = |keys: Value, profiles: Value| -> RuleFile {
        serde_json::from_value(json!({
            "description": "d",
            "groups": [{"rule": "antwoord.volledig", "description": "d", "function": "F7554",
                "tests": [{"description": "t", "valid": true, "profiles": profiles,
                    "body": {"soortPartij": "organisatie", "indicatieActief": true, "partijIdentificatie": {"naam": "X"}},
                    "expect": {"keys": {"partijIdentificatie": keys}}}]}]
        }))
        .expect("a rule file")
    };
    let run_one = |file: RuleFile, profile: Profile| {
        run(
            &suite_of(vec![], vec![file]),
            &mut EmbeddedTarget::new(profile),
            &Expectations::default(),
            None,
        )
    };
    let report = run_one(rules(json!(["naam"]), json!([])), Profile::Standaard);
    assert!(report.passed(), "{:?}", report.results);
    let report = run_one(
        rules(json!(["naam", "extra"]), json!([])),
        Profile::Standaard,
    );
    assert!(!report.passed());
    let message = report.results[0].message.clone().unwrap_or_default();
    assert!(message.contains("partijIdentificatie"), "{message}");
    // Only for open-klant: a standaard target leaves it out.
    let report = run_one(
        rules(json!(["extra"]), json!(["open-klant"])),
        Profile::Standaard,
    );
    assert!(report.results.is_empty() && report.passed());
    let report = run_one(
        rules(json!(["extra"]), json!(["open-klant"])),
        Profile::OpenKlant,
    );
    assert_eq!(report.results.len(), 1);
    assert!(!report.passed());
}
