//! Prints how the validator judges every example body of the VNG Klantinteracties documents
//! (functions and cases), as documented and mapped to API 0.9.0: a table per source document
//! and a closing count. Exits 1 when any judgement differs from the expectation.
//!
//! Run: `cargo run -p klantinteracties --example reference_report`

#[path = "../tests/support/reference.rs"]
mod reference;

use std::collections::BTreeMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let outcomes = reference::run_all();
    let mut per_source: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for o in &outcomes {
        let entry = per_source.entry(o.fixture.source.as_str()).or_default();
        match (&o.fixture.expect, o.passed()) {
            (_, false) => entry.2 += 1,
            (reference::Expect::Valid(_), true) => entry.0 += 1,
            (reference::Expect::Invalid(_), true) => entry.1 += 1,
        }
    }
    println!("Klantinteracties API 0.9.0 validation of the VNG reference documents (profile standaard)\n");
    println!(
        "{:<8} {:>9} {:>10} {:>8}",
        "source", "accepted", "rejected", "differs"
    );
    for (source, (accepted, rejected, differs)) in &per_source {
        println!("{source:<8} {accepted:>9} {rejected:>10} {differs:>8}");
    }
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed()).collect();
    for o in &failed {
        println!(
            "\nDIFFERS {} [{}] {}: missing {:?}, unexpected {:?}",
            o.fixture.source, o.fixture.section, o.fixture.resource, o.missing, o.unexpected
        );
    }
    println!(
        "\n{} passed, {} failed",
        outcomes.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
