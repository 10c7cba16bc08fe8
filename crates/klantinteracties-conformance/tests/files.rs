//! The suite's files: each one valid against the checked-in JSON Schema of the format, the
//! schemas and `docs/cases.md` current, every catalogued rule covered, every case documented
//! in the standard present, every listed deviation naming a scenario.

use std::path::{Path, PathBuf};

use klantinteracties_conformance::suite::Suite;
use klantinteracties_conformance::{docs, schema};
use serde_json::Value;

const HINT: &str = "is stale: run `scripts/generate-docs` and commit the result";

fn root() -> PathBuf {
    Suite::default_root()
}

fn suite() -> Suite {
    Suite::load(root()).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the suite does not load:\n{}", lines.join("\n"))
    })
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn schemas_are_current() {
    for (name, generated) in schema::schemas() {
        let path = root().join("schema").join(name);
        let on_disk = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok());
        assert!(
            on_disk.as_ref() == Some(&generated),
            "{} {HINT}",
            path.display()
        );
    }
}

#[test]
fn every_file_is_valid_against_its_schema() {
    for (dir, schema_file) in [
        ("cases", "case.schema.json"),
        ("rules", "rule.schema.json"),
        ("expectations", "expectations.schema.json"),
    ] {
        let schema = read(&root().join("schema").join(schema_file));
        let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
        let files = json_files(&root().join(dir));
        assert!(!files.is_empty(), "conformance/{dir} holds no files");
        for path in files {
            let errors: Vec<String> = validator
                .iter_errors(&read(&path))
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                path.display(),
                errors.join("\n")
            );
        }
    }
}

#[test]
fn the_schema_rejects_what_the_format_rejects() {
    let schema = read(&root().join("schema").join("case.schema.json"));
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let valid = serde_json::json!({
        "case": "C0000", "title": "t", "source": {"document": "d"},
        "variants": [{"name": "-", "title": "t", "steps": [{"title": "s", "function": "F7554"}]}]
    });
    assert!(validator.is_valid(&valid));
    let mut unknown_key = valid.clone();
    unknown_key["variants"][0]["stappen"] = serde_json::json!([]);
    assert!(!validator.is_valid(&unknown_key));
    let mut bad_outcome = valid;
    bad_outcome["variants"][0]["steps"][0]["expect"] = serde_json::json!({"outcome": "ok"});
    assert!(!validator.is_valid(&bad_outcome));
}

#[test]
fn cases_md_is_current() {
    let path = root().join("../docs/cases.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == docs::cases_markdown(&suite()),
        "{} {HINT}",
        path.display()
    );
}

#[test]
fn every_documented_case_and_variant_is_a_scenario() {
    let suite = suite();
    for (case, variants) in klantinteracties_conformance::coverage::DOCUMENTED_CASES {
        let file = suite
            .cases
            .iter()
            .find(|(_, f)| f.case == *case)
            .unwrap_or_else(|| panic!("no scenario file for {case}"));
        for v in *variants {
            assert!(
                file.1.variants.iter().any(|x| x.name == *v),
                "{case} has no variant {v}"
            );
        }
    }
}

#[test]
fn every_catalogued_rule_has_a_valid_and_an_invalid_test() {
    // (an invalid one where the rule refuses something)
    let suite = suite();
    let rules = klantinteracties::catalogus::alle();
    let mut missing = Vec::new();
    for rule in rules {
        let tests: Vec<bool> = suite
            .rules
            .iter()
            .flat_map(|(_, f)| &f.groups)
            .filter(|g| g.rule == rule.id)
            .flat_map(|g| g.tests.iter().map(|t| t.valid))
            .collect();
        // A rule that refuses nothing (`antwoord.volledig`) has valid calls only.
        let refuses = !rule.codes.is_empty();
        if !tests.contains(&true) || (refuses && !tests.contains(&false)) {
            missing.push(rule.id);
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a valid and an invalid test: {missing:?}"
    );
    for (stem, file) in &suite.rules {
        for g in &file.groups {
            assert!(
                klantinteracties::catalogus::regel(&g.rule).is_some(),
                "rules/{stem}.json: `{}` is no catalogued rule",
                g.rule
            );
        }
    }
}

#[test]
fn listed_deviations_name_scenarios_and_give_reasons() {
    let suite = suite();
    for target in ["embedded", "embedded-open-klant"] {
        let ids: Vec<String> = suite
            .scenarios(true)
            .iter()
            .map(klantinteracties_conformance::suite::Scenario::id)
            .collect();
        let expectations = suite.expectations(target).expect("the expectations load");
        for d in &expectations.deviations {
            assert!(ids.contains(&d.id), "{target}: `{}` is no scenario", d.id);
            assert!(
                d.reason.trim().len() >= 10,
                "{target}: `{}` needs a real reason",
                d.id
            );
        }
    }
}

/// The compiled-in suite is the folder's suite: same files, same scenarios, same expectations.
#[test]
fn embedded_suite_is_the_folder() {
    let folder = suite();
    let embedded = Suite::embedded().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the embedded suite does not load:\n{}", lines.join("\n"))
    });
    assert!(embedded.embedded && !folder.embedded);
    let ids = |s: &Suite| -> Vec<String> {
        s.scenarios(true)
            .iter()
            .map(klantinteracties_conformance::suite::Scenario::id)
            .collect()
    };
    assert_eq!(ids(&embedded), ids(&folder));
    assert!(!ids(&embedded).is_empty());
    for target in ["embedded", "embedded-open-klant", "no-such-target"] {
        let a = embedded.expectations(target).map(|e| e.deviations.len());
        let b = folder.expectations(target).map(|e| e.deviations.len());
        assert_eq!(a, b, "{target}");
    }
}
