//! Every example body of the VNG reference documents (functions F…, cases C…), as documented
//! and mapped to API 0.9.0, in `tests/reference/*.json`: the validator must accept exactly
//! the valid ones and report exactly the expected violations (name and code) for the others.

use std::collections::BTreeSet;

use klantinteracties::rules::{validate_value, Options, Profile};
use klantinteracties::Resource;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
struct Fixture {
    source: String,
    section: String,
    resource: String,
    #[serde(default)]
    response: bool,
    #[serde(default)]
    partial: bool,
    document: Value,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Expect {
    Valid(String),
    Invalid(Vec<Expected>),
}

#[derive(Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    name: String,
    code: String,
}

#[test]
fn reference_documents() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/reference exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable fixture file");
        let fixtures: Vec<Fixture> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for f in fixtures {
            count += 1;
            let resource: Resource = f.resource.parse().expect("known resource");
            let options = Options {
                profile: Profile::Standaard,
                response: f.response,
                partial: f.partial,
            };
            let report = validate_value(resource, &f.document, options);
            let got: BTreeSet<(String, String)> = report
                .violations
                .iter()
                .map(|v| (v.name.clone(), v.code.clone()))
                .collect();
            let want: BTreeSet<(String, String)> = match &f.expect {
                Expect::Valid(s) => {
                    assert_eq!(s, "valid", "{}: expect is `valid` or a list", f.source);
                    BTreeSet::new()
                }
                Expect::Invalid(list) => list
                    .iter()
                    .map(|e| (e.name.clone(), e.code.clone()))
                    .collect(),
            };
            if got != want {
                failures.push(format!(
                    "{} [{}] {}:\n    missing: {:?}\n    unexpected: {:?}",
                    f.source,
                    f.section,
                    f.resource,
                    want.difference(&got).collect::<Vec<_>>(),
                    got.difference(&want).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(
        count > 200,
        "expected the full reference set, found {count} fixtures"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
