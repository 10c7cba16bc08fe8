//! Several runs side by side (targets, profiles, or one target over time): the counts per
//! verdict of each run, then a matrix of every scenario of any run × each run, cases first,
//! then rules. A scenario a run did not have shows `—`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::format::DeviationKind;
use crate::html::{badge, escape, page, verdict_key, verdict_label, VERDICTS};
use crate::run::{RunReport, ScenarioResult};

/// The text of a missing cell.
const MISSING: &str = "—";

/// One row of the matrix: a scenario id, its kind and title (from the first run that has it).
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    title: &'a str,
}

/// Every scenario id of any run, in the order of first appearance.
fn rows(runs: &[RunReport]) -> Vec<Row<'_>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for run in runs {
        for r in &run.results {
            if seen.insert(r.id.as_str()) {
                out.push(Row {
                    id: &r.id,
                    kind: &r.kind,
                    title: &r.title,
                });
            }
        }
    }
    out
}

/// Each run's results by scenario id.
fn index(runs: &[RunReport]) -> Vec<HashMap<&str, &ScenarioResult>> {
    runs.iter()
        .map(|run| run.results.iter().map(|r| (r.id.as_str(), r)).collect())
        .collect()
}

/// The groups of the matrix: cases, then rules, then anything else.
fn sections<'r, 'a>(rows: &'r [Row<'a>]) -> Vec<(&'static str, Vec<&'r Row<'a>>)> {
    let cases: Vec<&Row<'_>> = rows.iter().filter(|r| r.kind == "case").collect();
    let rules: Vec<&Row<'_>> = rows.iter().filter(|r| r.kind == "rule").collect();
    let other: Vec<&Row<'_>> = rows
        .iter()
        .filter(|r| r.kind != "case" && r.kind != "rule")
        .collect();
    [("Cases", cases), ("Rules", rules), ("Other", other)]
        .into_iter()
        .filter(|(_, rs)| !rs.is_empty())
        .collect()
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The runs compared as Markdown.
pub fn markdown(runs: &[RunReport]) -> String {
    let mut out = String::from("# Klantinteracties conformance: comparison\n\n");
    let heads: Vec<String> = runs
        .iter()
        .map(|r| format!("{} ({})", md_cell(&r.target), md_cell(&r.profile)))
        .collect();
    let head = |first: &str| {
        format!(
            "| {first} | {} |\n|---|{}\n",
            heads.join(" | "),
            "---|".repeat(runs.len())
        )
    };
    out.push_str("## Totals\n\n");
    out.push_str(&head("verdict"));
    for v in VERDICTS {
        let counts: Vec<String> = runs.iter().map(|r| r.count(v).to_string()).collect();
        let _ = writeln!(out, "| {} | {} |", md_cell(v.word()), counts.join(" | "));
    }
    let all: Vec<String> = runs.iter().map(|r| r.results.len().to_string()).collect();
    let _ = writeln!(out, "| scenarios | {} |", all.join(" | "));
    let results: Vec<&str> = runs
        .iter()
        .map(|r| if r.passed() { "passed" } else { "**failed**" })
        .collect();
    let _ = writeln!(out, "| result | {} |", results.join(" | "));
    if runs
        .iter()
        .any(|r| r.results.iter().any(|s| s.deviation_kind.is_some()))
    {
        out.push_str("\nListed deviations by kind:\n\n");
        out.push_str(&head("kind"));
        for kind in DeviationKind::ALL {
            let counts: Vec<String> = runs
                .iter()
                .map(|r| {
                    r.results
                        .iter()
                        .filter(|s| s.deviation_kind == Some(kind))
                        .count()
                        .to_string()
                })
                .collect();
            let _ = writeln!(out, "| {} | {} |", kind.name(), counts.join(" | "));
        }
    }
    let rows = rows(runs);
    let index = index(runs);
    for (name, of_section) in sections(&rows) {
        let _ = write!(out, "\n## {name}\n\n{}", head("scenario"));
        for row in of_section {
            let cells: Vec<String> = index
                .iter()
                .map(|results| {
                    results
                        .get(row.id)
                        .map_or(MISSING.to_owned(), |r| match r.deviation_kind {
                            Some(k) => format!("{} ({})", r.verdict.word(), k.name()),
                            None => md_cell(r.verdict.word()),
                        })
                })
                .collect();
            let _ = writeln!(out, "| `{}` | {} |", row.id, cells.join(" | "));
        }
    }
    out
}

/// The runs compared as one self-contained HTML file; a deviation's listed reason is its
/// cell's tooltip.
pub fn html(runs: &[RunReport]) -> String {
    let mut out = String::from("<h1>Klantinteracties conformance: comparison</h1>\n");
    let mut head = String::new();
    for r in runs {
        let _ = write!(
            head,
            "<th>{}<br><span class=\"muted\">{}</span></th>",
            escape(&r.target),
            escape(&r.profile)
        );
    }
    let _ = writeln!(
        out,
        "<h2>Totals</h2>\n<table id=\"counts\">\n<thead><tr><th>verdict</th>{head}</tr></thead>\n<tbody>"
    );
    for v in VERDICTS {
        let _ = write!(out, "<tr><th>{}</th>", escape(verdict_label(v)));
        for r in runs {
            let _ = write!(
                out,
                "<td class=\"num verdict-count\" data-verdict=\"{}\">{}</td>",
                verdict_key(v),
                r.count(v)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("<tr><th>scenarios</th>");
    for r in runs {
        let _ = write!(out, "<td class=\"num\">{}</td>", r.results.len());
    }
    out.push_str("</tr>\n<tr><th>result</th>");
    for r in runs {
        let _ = write!(
            out,
            "<td><span class=\"result {0}\">{0}</span></td>",
            if r.passed() { "passed" } else { "failed" }
        );
    }
    out.push_str("</tr>\n</tbody>\n</table>\n");
    let rows = rows(runs);
    let index = index(runs);
    for (name, of_section) in sections(&rows) {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{name}</h2>\n<table class=\"matrix\">\n<thead><tr><th>scenario</th>{head}</tr></thead>\n<tbody>",
            name.to_lowercase()
        );
        for row in of_section {
            let cells: Vec<Option<&&ScenarioResult>> =
                index.iter().map(|results| results.get(row.id)).collect();
            let verdicts: HashSet<Option<&str>> = cells
                .iter()
                .map(|c| c.map(|r| verdict_key(r.verdict)))
                .collect();
            let _ = write!(
                out,
                "<tr{}><td title=\"{}\"><code>{}</code></td>",
                if verdicts.len() > 1 {
                    " class=\"differs\""
                } else {
                    ""
                },
                escape(row.title),
                escape(row.id)
            );
            for cell in cells {
                match cell {
                    Some(r) => {
                        let _ = write!(out, "<td>{}</td>", badge(r.verdict, r.reason.as_deref()));
                    }
                    None => {
                        let _ = write!(out, "<td class=\"missing\">{MISSING}</td>");
                    }
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    page("Klantinteracties conformance: comparison", &out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::tests::{report, result};
    use crate::run::Verdict;

    fn runs() -> Vec<RunReport> {
        let mut deviating = result("C9167/A", "case", "C9167", Verdict::Deviation);
        deviating.reason = Some("meldt <b>geen</b> max_length".to_owned());
        vec![
            report(
                "embedded",
                "standaard",
                vec![
                    result("C9167/A", "case", "C9167", Verdict::Pass),
                    result(
                        "rules/partijen/veld.max-lengte/1",
                        "rule",
                        "veld.max-lengte",
                        Verdict::Pass,
                    ),
                ],
            ),
            report(
                "open-klant",
                "open-klant",
                vec![deviating, result("C0992/A", "case", "C0992", Verdict::Fail)],
            ),
        ]
    }

    #[test]
    fn markdown_has_the_counts_and_a_cell_per_scenario_and_run() {
        let md = markdown(&runs());
        assert!(
            md.contains(
                "| verdict | embedded (standaard) | open-klant (open-klant) |\n|---|---|---|\n"
            ),
            "{md}"
        );
        assert!(md.contains("| pass | 2 | 0 |"), "{md}");
        assert!(md.contains("| FAIL | 0 | 1 |"), "{md}");
        assert!(md.contains("| deviation | 0 | 1 |"), "{md}");
        assert!(md.contains("| result | passed | **failed** |"), "{md}");
        assert!(md.contains("| `C9167/A` | pass | deviation |"), "{md}");
        assert!(md.contains("| `C0992/A` | — | FAIL |"), "{md}");
        assert!(
            md.contains("| `rules/partijen/veld.max-lengte/1` | pass | — |"),
            "{md}"
        );
        // Cases first, in the order of first appearance, then rules.
        let (cases, rules) = (md.find("## Cases").unwrap(), md.find("## Rules").unwrap());
        let (a, b, rule) = (
            md.find("`C9167/A`").unwrap(),
            md.find("`C0992/A`").unwrap(),
            md.find("`rules/").unwrap(),
        );
        assert!(cases < a && a < b && b < rules && rules < rule, "{md}");
    }

    #[test]
    fn html_is_self_contained_with_reasons_as_tooltips() {
        let html = html(&runs());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"));
        assert!(html.contains("<th>open-klant<br><span class=\"muted\">open-klant</span></th>"));
        assert!(html.contains("data-verdict=\"pass\">2</td>"));
        assert!(html.contains(
            "<span class=\"verdict verdict-deviation\" data-verdict=\"deviation\" title=\"meldt &lt;b&gt;geen&lt;/b&gt; max_length\">deviation</span>"
        ));
        assert!(html.contains("<td class=\"missing\">—</td>"));
        assert!(html.contains(
            "<tr class=\"differs\"><td title=\"title of C9167/A\"><code>C9167/A</code></td>"
        ));
        assert!(html.find("<h2>Cases</h2>").unwrap() < html.find("<h2>Rules</h2>").unwrap());
    }

    #[test]
    fn no_runs_give_empty_tables() {
        assert!(markdown(&[]).contains("## Totals"));
        assert!(html(&[]).contains("</html>"));
    }
}
