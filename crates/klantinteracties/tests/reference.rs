//! Every example body of the VNG reference documents (functions F…, cases C…), as documented
//! and mapped to API 0.9.0, in `tests/reference/*.json`: the validator must accept exactly
//! the valid ones and report exactly the expected violations (name and code) for the others.

#[path = "support/reference.rs"]
mod reference;

#[test]
fn reference_documents() {
    let outcomes = reference::run_all();
    let failures: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            format!(
                "{} [{}] {}:\n    missing: {:?}\n    unexpected: {:?}",
                o.fixture.source, o.fixture.section, o.fixture.resource, o.missing, o.unexpected
            )
        })
        .collect();
    assert!(
        outcomes.len() > 200,
        "expected the full reference set, found {}",
        outcomes.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        outcomes.len(),
        failures.join("\n")
    );
}
