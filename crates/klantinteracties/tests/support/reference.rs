//! Loads the reference-document fixtures (`tests/reference/*.json`) and checks each against
//! the validator. Shared by the `reference` test and the `reference_report` example.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use klantinteracties::rules::{validate_value, Options, Profile};
use klantinteracties::Resource;
use serde::Deserialize;
use serde_json::Value;

/// One example body of a VNG document with its expected outcome.
#[derive(Debug, Deserialize)]
pub struct Fixture {
    pub source: String,
    pub section: String,
    pub resource: String,
    #[serde(default)]
    pub response: bool,
    #[serde(default)]
    pub partial: bool,
    pub document: Value,
    pub expect: Expect,
}

/// `"valid"` or the violations (name, code) the document must produce.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Expect {
    Valid(String),
    Invalid(Vec<Expected>),
}

/// One expected violation.
#[derive(Debug, Deserialize)]
pub struct Expected {
    pub name: String,
    pub code: String,
}

/// The outcome of one fixture.
#[derive(Debug)]
pub struct Outcome {
    pub fixture: Fixture,
    pub missing: Vec<(String, String)>,
    pub unexpected: Vec<(String, String)>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// The fixture directory.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

/// Runs every fixture, in file order.
pub fn run_all() -> Vec<Outcome> {
    let mut files: Vec<_> = std::fs::read_dir(dir())
        .expect("tests/reference exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable fixture file");
        let fixtures: Vec<Fixture> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        out.extend(fixtures.into_iter().map(check));
    }
    out
}

fn check(fixture: Fixture) -> Outcome {
    let resource: Resource = fixture.resource.parse().expect("known resource");
    let options = Options {
        profile: Profile::Standaard,
        response: fixture.response,
        partial: fixture.partial,
    };
    let report = validate_value(resource, &fixture.document, options);
    let got: BTreeSet<(String, String)> = report
        .violations
        .iter()
        .map(|v| (v.name.clone(), v.code.clone()))
        .collect();
    let want: BTreeSet<(String, String)> = match &fixture.expect {
        Expect::Valid(s) => {
            assert_eq!(
                s, "valid",
                "{}: expect is `valid` or a list",
                fixture.source
            );
            BTreeSet::new()
        }
        Expect::Invalid(list) => list
            .iter()
            .map(|e| (e.name.clone(), e.code.clone()))
            .collect(),
    };
    Outcome {
        missing: want.difference(&got).cloned().collect(),
        unexpected: got.difference(&want).cloned().collect(),
        fixture,
    }
}
