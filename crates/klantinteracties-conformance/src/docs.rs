//! `docs/cases.md`: the case catalogue, generated from the scenario files and from a run
//! against the embedded register (regenerate with `scripts/generate-docs`; a test fails when
//! it is stale).

use std::fmt::Write as _;

use klantinteracties::rules::Profile;

use crate::embedded::EmbeddedTarget;
use crate::run::{run, Verdict};
use crate::suite::Suite;

/// The catalogue as Markdown.
pub fn cases_markdown(suite: &Suite) -> String {
    let mut target = EmbeddedTarget::new(Profile::Standaard);
    let expectations = suite.expectations("embedded").unwrap_or_default();
    let report = run(suite, &mut target, &expectations, Some("C*"));
    let status = |id: &str| -> String {
        report.results.iter().find(|r| r.id == id).map_or_else(
            || "not run".to_owned(),
            |r| match r.verdict {
                Verdict::Pass => "passes".to_owned(),
                Verdict::Deviation => {
                    format!("deviation: {}", r.reason.as_deref().unwrap_or_default())
                }
                v => format!("{v:?}").to_lowercase(),
            },
        )
    };
    let mut out = String::from(
        "# Cases\n\n\
         Generated from `conformance/cases/` by `scripts/generate-docs`; do not edit. Every \
         documented case (C-code) of the standard with its variants, the document it comes \
         from, and its status against the embedded register (profile `standaard`), run through \
         the F-functions and, where the variant has them, through the library's workflows \
         (`@workflow`). A case the case index names by code and title only, without a \
         document, is *derived*: its scenario rests on the information model, the F-functions \
         and the uitgangspunten, and says so step by step.\n\n\
         | case | title | basis | variant | steps | source | status (F-functions) | status (workflow) |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for (_, file) in &suite.cases {
        for v in &file.variants {
            let id = if v.name == "-" {
                file.case.clone()
            } else {
                format!("{}/{}", file.case, v.name)
            };
            let source = v.source.as_ref().unwrap_or(&file.source);
            let source = match &source.section {
                Some(s) => format!("`{}` § {s}", source.document),
                None => format!("`{}`", source.document),
            };
            let workflow = if v.via_workflow.is_empty() {
                "–".to_owned()
            } else {
                status(&format!("{id}@workflow"))
            };
            let basis = if file.source.derived.is_some() {
                "derived from the index title"
            } else {
                "document"
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} {} | {} | {} | {} | {} |",
                file.case,
                cell(&file.title),
                basis,
                v.name,
                cell(&v.title),
                v.steps.len(),
                cell(&source),
                cell(&status(&id)),
                cell(&workflow),
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} cases, {} variants.",
        suite.cases.len(),
        suite
            .cases
            .iter()
            .map(|(_, f)| f.variants.len())
            .sum::<usize>()
    );
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
