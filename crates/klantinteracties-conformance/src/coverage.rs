//! Traceability: from what the standard and the catalogues define to the scenarios that test
//! it. Every catalogued rule (document, register and workflow rules) to its rule tests, every
//! documented case (and documented variant) to its case scenarios, every F-function to the
//! scenarios that call it in a step, a fixture or a rule test.

use std::fmt::Write as _;

use klantinteracties::register::FUNCTIES;
use klantinteracties::workflows;
use serde::Serialize;

use crate::format::Step;
use crate::suite::{rule_call, RuleCall, Scenario, Suite};

/// The cases the standard documents with an artefact, and the variants their documents (or
/// the seed) distinguish, then the two cases the case index names without a document (C4161,
/// C3155) with the variants this project derived: what the suite must have a scenario for.
pub const DOCUMENTED_CASES: &[(&str, &[&str])] = &[
    ("C0992", &["A", "B"]),
    ("C0534", &["A", "B"]),
    ("C9167", &["A", "B", "C"]),
    ("C2984", &[]),
    ("C9761", &[]),
    ("C1199", &[]),
    ("C2138", &[]),
    ("C9853", &[]),
    ("C4390", &[]),
    ("C0359", &[]),
    ("C9018", &[]),
    ("C6114", &["A", "B"]),
    ("C2716", &[]),
    ("C9708", &[]),
    // Named in the case index by code and title only; the scenarios are derived.
    ("C4161", &["A", "B", "C"]),
    ("C3155", &["A", "B", "C"]),
];

/// How many scenario ids a line of [`text`] shows.
const SHOWN: usize = 3;

/// One thing to be tested and the scenarios that test it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The rule id (`veld.max-lengte`), case code (`C9167`) or variant (`C9167/A`), or F-code
    /// (`F7554`).
    pub id: String,
    /// What it is: the rule's description, the case's title, the function's name.
    pub title: String,
    /// The ids of the scenarios that test it, in suite order.
    pub scenarios: Vec<String>,
}

/// Every rule, documented case and F-function with the scenarios that test it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Every catalogued rule, in catalogue order (document, register, workflow rules).
    pub rules: Vec<Entry>,
    /// Every documented case, each followed by its documented variants (`C9167/A`).
    pub cases: Vec<Entry>,
    /// Every F-function of the standard.
    pub functions: Vec<Entry>,
}

impl Coverage {
    /// The entries no scenario tests: rules, then cases, then functions.
    pub fn uncovered(&self) -> Vec<&Entry> {
        self.rules
            .iter()
            .chain(&self.cases)
            .chain(&self.functions)
            .filter(|e| e.scenarios.is_empty())
            .collect()
    }

    fn sections(&self) -> [(&'static str, &[Entry]); 3] {
        [
            ("Rules", &self.rules),
            ("Cases", &self.cases),
            ("Functions", &self.functions),
        ]
    }
}

/// The coverage of `suite`: every scenario of every profile, workflow runs included.
pub fn coverage(suite: &Suite) -> Coverage {
    let scenarios = suite.scenarios(true);
    let ids: Vec<String> = scenarios.iter().map(Scenario::id).collect();
    let matching = |pred: &dyn Fn(&Scenario<'_>) -> bool| -> Vec<String> {
        scenarios
            .iter()
            .zip(&ids)
            .filter(|(s, _)| pred(s))
            .map(|(_, id)| id.clone())
            .collect()
    };

    let mut rules: Vec<Entry> = Vec::new();
    for rule in klantinteracties::catalogus::alle() {
        if rules.iter().any(|e| e.id == rule.id) {
            continue;
        }
        rules.push(Entry {
            id: rule.id.to_owned(),
            title: rule.description.to_owned(),
            scenarios: matching(
                &|s| matches!(s, Scenario::Rule { group, .. } if group.rule == rule.id),
            ),
        });
    }

    let mut cases = Vec::new();
    for (code, variants) in DOCUMENTED_CASES {
        let file = suite.cases.iter().map(|(_, f)| f).find(|f| f.case == *code);
        let title = file.map_or_else(
            || {
                workflows::WORKFLOWS
                    .iter()
                    .find(|w| w.casus == *code)
                    .map(|w| w.titel.to_owned())
                    .unwrap_or_default()
            },
            |f| f.title.clone(),
        );
        cases.push(Entry {
            id: (*code).to_owned(),
            title,
            scenarios: matching(
                &|s| matches!(s, Scenario::Case { file, .. } if file.case == *code),
            ),
        });
        for v in *variants {
            let title = file
                .and_then(|f| f.variants.iter().find(|x| x.name == *v))
                .map_or_else(|| format!("variant {v}"), |x| x.title.clone());
            cases.push(Entry {
                id: format!("{code}/{v}"),
                title,
                scenarios: matching(&|s| {
                    matches!(s, Scenario::Case { file, variant, .. }
                        if file.case == *code && variant.name == *v)
                }),
            });
        }
    }

    let functions = FUNCTIES
        .iter()
        .map(|f| Entry {
            id: f.code.to_owned(),
            title: f.naam.to_owned(),
            scenarios: matching(&|s| functions_of(s).contains(&f.code)),
        })
        .collect();

    Coverage {
        rules,
        cases,
        functions,
    }
}

/// The F-codes a scenario calls: in its fixtures, its steps (the workflow steps when it runs
/// through workflows), its group's setup and its rule test's call.
fn functions_of<'s>(scenario: &Scenario<'s>) -> Vec<&'s str> {
    let named = |steps: &mut dyn Iterator<Item = &'s Step>| -> Vec<&'s str> {
        steps.filter_map(|s| s.function.as_deref()).collect()
    };
    match *scenario {
        Scenario::Case {
            file,
            variant,
            workflow,
        } => {
            let steps = if workflow {
                &variant.via_workflow
            } else {
                &variant.steps
            };
            named(&mut file.fixtures.iter().chain(&variant.fixtures).chain(steps))
        }
        Scenario::Rule {
            file, group, test, ..
        } => {
            let mut out = named(&mut file.fixtures.iter().chain(&group.setup));
            if let RuleCall::Function(code) = rule_call(group, test) {
                out.push(code);
            }
            out
        }
    }
}

/// The first few ids of `e`, with how many more there are.
fn first_ids(e: &Entry) -> String {
    let mut shown = e
        .scenarios
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if e.scenarios.len() > SHOWN {
        let _ = write!(shown, ", … (+{})", e.scenarios.len() - SHOWN);
    }
    shown
}

/// One line per rule, case and function: its id, how many scenarios test it and the first
/// few; `UNCOVERED` where none does.
pub fn text(c: &Coverage) -> String {
    let mut out = String::new();
    for (name, entries) in c.sections() {
        let uncovered = entries.iter().filter(|e| e.scenarios.is_empty()).count();
        let _ = writeln!(out, "{name}: {} ({uncovered} uncovered)", entries.len());
        for e in entries {
            if e.scenarios.is_empty() {
                let _ = writeln!(out, "  {:<36} UNCOVERED  {}", e.id, e.title);
            } else {
                let _ = writeln!(
                    out,
                    "  {:<36} {:>9}  {}",
                    e.id,
                    e.scenarios.len(),
                    first_ids(e)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{} uncovered", c.uncovered().len());
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The coverage as Markdown: a table per section, uncovered items in bold.
pub fn markdown(c: &Coverage) -> String {
    let mut out = String::from("# Klantinteracties conformance: coverage\n\n");
    let uncovered = c.uncovered();
    if uncovered.is_empty() {
        out.push_str("Every rule, documented case and F-function has a scenario.\n");
    } else {
        let _ = writeln!(
            out,
            "**{} uncovered:** {}",
            uncovered.len(),
            uncovered
                .iter()
                .map(|e| format!("`{}`", e.id))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for (name, entries) in c.sections() {
        let _ = writeln!(
            out,
            "\n## {name}\n\n| id | title | scenarios | first scenarios |\n|---|---|---|---|"
        );
        for e in entries {
            let (count, first) = if e.scenarios.is_empty() {
                ("**UNCOVERED**".to_owned(), String::new())
            } else {
                (
                    e.scenarios.len().to_string(),
                    e.scenarios
                        .iter()
                        .take(SHOWN)
                        .map(|id| format!("`{id}`"))
                        .chain((e.scenarios.len() > SHOWN).then(|| "…".to_owned()))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {count} | {first} |",
                e.id,
                md_cell(&e.title)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{CaseFile, RuleFile};
    use serde_json::json;

    fn suite() -> Suite {
        let case: CaseFile = serde_json::from_value(json!({
            "case": "C9167", "title": "Terugbelverzoek", "source": {"document": "d"},
            "fixtures": [{"title": "actor", "function": "F5592", "body": {}}],
            "variants": [
                {"name": "A", "title": "a", "steps": [{"title": "s", "function": "F2173"}],
                 "viaWorkflow": [{"title": "w", "workflow": "registreer_terugbelverzoek"}]},
                {"name": "B", "title": "b", "steps": [{"title": "s", "function": "F3896"}]}
            ]
        }))
        .expect("a case file");
        let rules: RuleFile = serde_json::from_value(json!({
            "description": "partijen",
            "fixtures": [{"title": "partij", "function": "F7554", "body": {}}],
            "groups": [{"rule": "veld.max-lengte", "description": "d", "function": "F7554",
                "tests": [
                    {"description": "ok", "valid": true},
                    {"description": "te lang", "valid": false, "function": "F2158",
                     "invalidParams": [{"name": "naam", "code": "max_length"}]}
                ]}]
        }))
        .expect("a rule file");
        Suite {
            root: Suite::default_root(),
            embedded: false,
            cases: vec![("C9167".to_owned(), case)],
            rules: vec![("partijen".to_owned(), rules)],
        }
    }

    fn entry<'c>(entries: &'c [Entry], id: &str) -> &'c Entry {
        entries.iter().find(|e| e.id == id).expect(id)
    }

    #[test]
    fn rules_cases_and_functions_lead_to_their_scenarios() {
        let c = coverage(&suite());
        assert_eq!(
            entry(&c.rules, "veld.max-lengte").scenarios,
            [
                "rules/partijen/veld.max-lengte/1",
                "rules/partijen/veld.max-lengte/2"
            ]
        );
        assert!(entry(&c.rules, "document.json").scenarios.is_empty());
        assert_eq!(
            entry(&c.cases, "C9167").scenarios,
            ["C9167/A", "C9167/A@workflow", "C9167/B"]
        );
        assert_eq!(entry(&c.cases, "C9167").title, "Terugbelverzoek");
        assert_eq!(
            entry(&c.cases, "C9167/A").scenarios,
            ["C9167/A", "C9167/A@workflow"]
        );
        assert!(entry(&c.cases, "C9167/C").scenarios.is_empty());
        assert!(entry(&c.cases, "C0992").scenarios.is_empty());
        // A fixture counts, the workflow run's fixtures too.
        assert_eq!(
            entry(&c.functions, "F5592").scenarios,
            ["C9167/A", "C9167/A@workflow", "C9167/B"]
        );
        // The steps of the run that ran.
        assert_eq!(entry(&c.functions, "F2173").scenarios, ["C9167/A"]);
        // A group's call, a test's own call, and a rule file's fixture.
        assert_eq!(
            entry(&c.functions, "F7554").scenarios,
            [
                "rules/partijen/veld.max-lengte/1",
                "rules/partijen/veld.max-lengte/2"
            ]
        );
        assert_eq!(
            entry(&c.functions, "F2158").scenarios,
            ["rules/partijen/veld.max-lengte/2"]
        );
        assert_eq!(entry(&c.functions, "F7554").title, "Registreer partij");
        assert_eq!(c.functions.len(), FUNCTIES.len());
        let uncovered = c.uncovered();
        assert!(uncovered.iter().any(|e| e.id == "F6260"));
        assert!(uncovered.iter().all(|e| e.scenarios.is_empty()));
    }

    #[test]
    fn text_and_markdown_mark_the_uncovered() {
        let c = coverage(&suite());
        let t = text(&c);
        assert!(t.contains("C9167/A"));
        let line = t
            .lines()
            .find(|l| l.trim_start().starts_with("C9167 "))
            .unwrap();
        assert!(
            line.contains(" 3  C9167/A, C9167/A@workflow, C9167/B"),
            "{line}"
        );
        let line = t
            .lines()
            .find(|l| l.trim_start().starts_with("F6260"))
            .unwrap();
        assert!(line.contains("UNCOVERED"), "{line}");
        assert!(t.ends_with(&format!("{} uncovered\n", c.uncovered().len())));
        let md = markdown(&c);
        assert!(
            md.contains("| `F6260` | Wijzig bijlage | **UNCOVERED** |  |"),
            "{md}"
        );
        assert!(
            md.contains("| `C9167/A` | a | 2 | `C9167/A`, `C9167/A@workflow` |"),
            "{md}"
        );
        assert!(md.contains("## Functions"));
        let json = serde_json::to_value(&c).unwrap();
        assert!(json["functions"].as_array().is_some_and(|a| !a.is_empty()));
    }
}
