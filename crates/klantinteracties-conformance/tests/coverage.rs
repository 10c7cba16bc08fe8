//! Traceability of the suite: every catalogued rule, every documented case and variant and
//! every F-function of the standard has at least one scenario.

use klantinteracties::register::FUNCTIES;
use klantinteracties::workflows::WORKFLOWS;
use klantinteracties_conformance::coverage::{coverage, text, DOCUMENTED_CASES};
use klantinteracties_conformance::suite::Suite;

fn suite() -> Suite {
    Suite::load(Suite::default_root()).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the suite does not load:\n{}", lines.join("\n"))
    })
}

#[test]
fn every_rule_case_and_function_has_a_scenario() {
    let c = coverage(&suite());
    let uncovered: Vec<String> = c
        .uncovered()
        .iter()
        .map(|e| format!("  {}  {}", e.id, e.title))
        .collect();
    assert!(
        uncovered.is_empty(),
        "{} without a scenario:\n{}\n\n{}",
        uncovered.len(),
        uncovered.join("\n"),
        text(&c)
    );
}

#[test]
fn the_coverage_lists_every_catalogue_entry() {
    let c = coverage(&suite());
    assert_eq!(c.functions.len(), FUNCTIES.len());
    let rules = klantinteracties::rules::catalogue::RULES.len()
        + klantinteracties::register::regels::RULES.len()
        + klantinteracties::workflows::regels::RULES.len();
    assert_eq!(c.rules.len(), rules, "a rule id is in two catalogues");
    let variants: usize = DOCUMENTED_CASES.iter().map(|(_, v)| v.len()).sum();
    assert_eq!(c.cases.len(), DOCUMENTED_CASES.len() + variants);
}

/// The documented cases are the cases the library's workflows implement.
#[test]
fn the_documented_cases_are_the_workflows_cases() {
    let mut documented: Vec<&str> = DOCUMENTED_CASES.iter().map(|(c, _)| *c).collect();
    documented.sort_unstable();
    let mut casussen: Vec<&str> = WORKFLOWS.iter().map(|w| w.casus).collect();
    casussen.sort_unstable();
    casussen.dedup();
    assert_eq!(documented, casussen);
}
