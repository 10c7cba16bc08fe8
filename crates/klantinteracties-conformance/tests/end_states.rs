//! insta snapshots of the register's end state after each case variant (run through the
//! F-functions on the embedded register): every object of every resource, with ids numbered
//! in order of appearance and `url`s left out, so a change in what a case leaves behind shows
//! up in review.

use std::collections::HashMap;

use klantinteracties::rules::Profile;
use klantinteracties::Resource;
use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::run::{list_all, run_scenario, Status};
use klantinteracties_conformance::suite::Suite;
use serde_json::{Map, Value};

fn normalise(value: &Value, ids: &mut HashMap<String, String>) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != "url")
                .map(|(k, v)| (k.clone(), normalise(v, ids)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| normalise(v, ids)).collect()),
        Value::String(s) if uuid::Uuid::parse_str(s).is_ok() && s.len() == 36 => {
            let n = ids.len() + 1;
            Value::String(
                ids.entry(s.clone())
                    .or_insert_with(|| format!("<id {n}>"))
                    .clone(),
            )
        }
        other => other.clone(),
    }
}

#[test]
fn end_state_of_every_case_variant() {
    let suite = Suite::load(Suite::default_root()).expect("the suite loads");
    let scenarios = suite.scenarios(false);
    let mut cases = 0;
    for scenario in scenarios.iter().filter(|s| s.is_case()) {
        let mut target = EmbeddedTarget::new(Profile::Standaard);
        let result = run_scenario(scenario, &mut target);
        if result.status != Status::Passed {
            // tests/scenarios.rs reports the failure itself; a snapshot of a broken run would
            // only add noise.
            continue;
        }
        let mut ids = HashMap::new();
        let mut state = Map::new();
        for &resource in Resource::ALL {
            if resource == Resource::MaakKlantcontact {
                continue;
            }
            let objects = list_all(&mut target, resource, &[]).expect("listing succeeds");
            if !objects.is_empty() {
                state.insert(
                    resource.collection().to_owned(),
                    normalise(&Value::Array(objects), &mut ids),
                );
            }
        }
        let name = scenario.id().replace('/', "_");
        insta::assert_json_snapshot!(name, Value::Object(state));
        cases += 1;
    }
    assert!(
        cases > 0 || suite.cases.is_empty(),
        "no case variant passed"
    );
}
