//! The run's reports: a terminal table, JSON lines, JUnit XML and a Markdown summary.

use std::fmt::Write as _;

use crate::html::escape as xml;
use crate::run::{RunReport, ScenarioResult, Verdict};

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table for the terminal.
    Text,
    /// One JSON object per scenario, then one summary line.
    Json,
    /// JUnit XML, for CI systems.
    Junit,
    /// A Markdown summary, for publishing.
    Markdown,
    /// One self-contained HTML file: a summary per case and rule, each step expandable to
    /// its exchanges and diff.
    Html,
}

impl Format {
    /// The format by name: `text`, `json`, `junit`, `markdown`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "text" => Some(Self::Text),
            "json" | "jsonl" => Some(Self::Json),
            "junit" => Some(Self::Junit),
            "markdown" | "md" => Some(Self::Markdown),
            "html" => Some(Self::Html),
            _ => None,
        }
    }
}

/// The report in `format`.
pub fn render(report: &RunReport, format: Format) -> String {
    match format {
        Format::Text => text(report),
        Format::Json => json_lines(report),
        Format::Junit => junit(report),
        Format::Markdown => markdown(report),
        Format::Html => crate::html::render(report),
    }
}

fn verdict_word(v: Verdict) -> &'static str {
    v.word()
}

fn totals(report: &RunReport) -> String {
    format!(
        "{} scenarios: {} passed, {} failed, {} expected deviations, {} fixed deviations, {} unsupported, {} not applicable, {} blocked",
        report.results.len(),
        report.count(Verdict::Pass),
        report.count(Verdict::Fail),
        report.count(Verdict::Deviation),
        report.count(Verdict::Fixed),
        report.count(Verdict::Unsupported),
        report.count(Verdict::NotApplicable),
        report.count(Verdict::Blocked),
    )
}

/// Cases one row per variant; rules one row per rule id (its tests summed), with failing
/// tests listed after the table.
fn text(report: &RunReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Klantinteracties conformance: target {} (profile {})\n",
        report.target, report.profile
    );
    let cases: Vec<&ScenarioResult> = report.results.iter().filter(|r| r.kind == "case").collect();
    if !cases.is_empty() {
        let _ = writeln!(
            out,
            "{:<8} {:<11} {:>7}  {:<11} title",
            "case", "variant", "steps", "result"
        );
    }
    for r in cases {
        let _ = writeln!(
            out,
            "{:<8} {:<11} {:>7}  {:<11} {}",
            r.group,
            r.variant,
            format!("{}/{}", r.passed, r.steps),
            verdict_word(r.verdict),
            short(&r.title, 70)
        );
    }
    let rules: Vec<&ScenarioResult> = report.results.iter().filter(|r| r.kind == "rule").collect();
    if !rules.is_empty() {
        let _ = writeln!(out, "\n{:<40} {:>7}  result", "rule", "tests");
        for (id, of_rule) in grouped(rules, |r| r.group.clone()) {
            let (passed, worst) = rule_summary(&of_rule);
            let _ = writeln!(
                out,
                "{:<40} {:>7}  {}",
                id,
                format!("{passed}/{}", of_rule.len()),
                verdict_word(worst)
            );
        }
    }
    let problems: Vec<&ScenarioResult> = report
        .results
        .iter()
        .filter(|r| r.verdict != Verdict::Pass)
        .collect();
    if !problems.is_empty() {
        let _ = writeln!(out);
        for r in problems {
            let _ = writeln!(
                out,
                "{} {}: {}",
                verdict_word(r.verdict),
                r.id,
                r.message.as_deref().unwrap_or("passed")
            );
            if let Some(reason) = &r.reason {
                match r.deviation_kind {
                    Some(k) => {
                        let _ = writeln!(out, "    listed deviation ({}): {reason}", k.name());
                    }
                    None => {
                        let _ = writeln!(out, "    listed deviation: {reason}");
                    }
                }
            }
            if !r.leftovers.is_empty() {
                let _ = writeln!(out, "    left on the server: {}", r.leftovers.join(", "));
            }
        }
    }
    for r in report
        .results
        .iter()
        .filter(|r| r.verdict == Verdict::Pass && !r.leftovers.is_empty())
    {
        let _ = writeln!(
            out,
            "LEFT on the server after {}: {}",
            r.id,
            r.leftovers.join(", ")
        );
    }
    for id in &report.unknown_deviations {
        let _ = writeln!(
            out,
            "STALE expectations: deviation listed for `{id}`, which is no scenario"
        );
    }
    let _ = writeln!(out, "\n{} in {:.0} ms", totals(report), report.duration_ms);
    let _ = writeln!(out, "{}", if report.passed() { "PASSED" } else { "FAILED" });
    out
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

fn json_lines(report: &RunReport) -> String {
    let mut out = String::new();
    for r in &report.results {
        // One line per scenario without its trace: the run record holds the exchanges.
        let line = ScenarioResult {
            trace: Vec::new(),
            ..r.clone()
        };
        let _ = writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default());
    }
    let summary = serde_json::json!({
        "summary": {
            "target": report.target,
            "profile": report.profile,
            "scenarios": report.results.len(),
            "passed": report.count(Verdict::Pass),
            "failed": report.count(Verdict::Fail),
            "deviations": report.count(Verdict::Deviation),
            "fixed": report.count(Verdict::Fixed),
            "unsupported": report.count(Verdict::Unsupported),
            "notApplicable": report.count(Verdict::NotApplicable),
            "blocked": report.count(Verdict::Blocked),
            "staleDeviations": report.unknown_deviations,
            "ok": report.passed(),
            "durationMs": report.duration_ms,
        }
    });
    let _ = writeln!(out, "{summary}");
    out
}

/// One `<testsuite>` per case and per rule file.
fn junit(report: &RunReport) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let failures = report
        .results
        .iter()
        .filter(|r| r.verdict.is_failure())
        .count();
    let skipped = report
        .results
        .iter()
        .filter(|r| is_skipped(r.verdict))
        .count();
    let _ = writeln!(
        out,
        "<testsuites name=\"klantinteracties conformance ({})\" tests=\"{}\" failures=\"{failures}\" skipped=\"{skipped}\" time=\"{:.3}\">",
        xml(&report.target),
        report.results.len(),
        report.duration_ms / 1000.0
    );
    let suite_of = |r: &ScenarioResult| -> String {
        if r.kind == "case" {
            r.group.clone()
        } else {
            r.id.split('/').take(2).collect::<Vec<_>>().join("/")
        }
    };
    for (name, members) in grouped(report.results.iter().collect(), suite_of) {
        let f = members.iter().filter(|r| r.verdict.is_failure()).count();
        let s = members.iter().filter(|r| is_skipped(r.verdict)).count();
        let t: f64 = members.iter().map(|r| r.duration_ms / 1000.0).sum();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{f}\" skipped=\"{s}\" time=\"{t:.3}\">",
            xml(&name),
            members.len()
        );
        for r in members {
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
                xml(&name),
                xml(&r.id),
                r.duration_ms / 1000.0
            );
            let message = r.message.as_deref().unwrap_or_default();
            match r.verdict {
                Verdict::Pass => out.push_str("/>\n"),
                Verdict::Deviation => {
                    let _ = writeln!(
                        out,
                        ">\n      <skipped message=\"expected deviation: {}\"/>\n    </testcase>",
                        xml(r.reason.as_deref().unwrap_or_default())
                    );
                }
                Verdict::NotApplicable | Verdict::Blocked => {
                    let _ = writeln!(
                        out,
                        ">\n      <skipped message=\"{}: {}\"/>\n    </testcase>",
                        r.verdict.word(),
                        xml(message)
                    );
                }
                v => {
                    let what = match v {
                        Verdict::Fixed => {
                            "a listed deviation passes; remove it from the expectations file"
                        }
                        Verdict::Unsupported => "unsupported by the target",
                        _ => "failed",
                    };
                    let _ = writeln!(
                        out,
                        ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
                        xml(what),
                        xml(message)
                    );
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn markdown(report: &RunReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Klantinteracties conformance report\n");
    let _ = writeln!(
        out,
        "Target `{}`, profile `{}`. {}.\n",
        report.target,
        report.profile,
        totals(report)
    );
    let _ = writeln!(
        out,
        "**Result: {}**\n",
        if report.passed() { "passed" } else { "failed" }
    );
    let _ = writeln!(
        out,
        "## Cases\n\n| case | variant | steps | result | title |\n|---|---|---|---|---|"
    );
    for r in report.results.iter().filter(|r| r.kind == "case") {
        let _ = writeln!(
            out,
            "| {} | {} | {}/{} | {} | {} |",
            r.group,
            r.variant,
            r.passed,
            r.steps,
            verdict_word(r.verdict),
            r.title.replace('|', "\\|")
        );
    }
    let rules: Vec<&ScenarioResult> = report.results.iter().filter(|r| r.kind == "rule").collect();
    if !rules.is_empty() {
        let _ = writeln!(
            out,
            "\n## Rules\n\n| rule | tests | passed | result |\n|---|---|---|---|"
        );
        for (id, of_rule) in grouped(rules, |r| r.group.clone()) {
            let (ok, worst) = rule_summary(&of_rule);
            let verdict = verdict_word(worst);
            let _ = writeln!(out, "| `{id}` | {} | {ok} | {verdict} |", of_rule.len());
        }
    }
    let notable: Vec<&ScenarioResult> = report
        .results
        .iter()
        .filter(|r| r.verdict != Verdict::Pass)
        .collect();
    if !notable.is_empty() {
        let _ = writeln!(out, "\n## Failures and deviations\n");
        for r in notable {
            let _ = writeln!(
                out,
                "- **{}** `{}`: {}{}",
                verdict_word(r.verdict),
                r.id,
                r.message.as_deref().unwrap_or("passed").replace('\n', " "),
                r.reason
                    .as_deref()
                    .map(|x| match r.deviation_kind {
                        Some(k) => format!(" (listed, {}: {x})", k.name()),
                        None => format!(" (listed: {x})"),
                    })
                    .unwrap_or_default()
            );
        }
    }
    out
}

fn is_skipped(v: Verdict) -> bool {
    matches!(
        v,
        Verdict::Deviation | Verdict::NotApplicable | Verdict::Blocked
    )
}

/// `results` grouped by `key`, groups in the order their first member appears.
pub(crate) fn grouped<'a>(
    results: Vec<&'a ScenarioResult>,
    key: impl Fn(&ScenarioResult) -> String,
) -> Vec<(String, Vec<&'a ScenarioResult>)> {
    let mut groups: Vec<(String, Vec<&'a ScenarioResult>)> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for r in results {
        let k = key(r);
        let i = *index.entry(k.clone()).or_insert_with(|| {
            groups.push((k, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(r);
    }
    groups
}

/// How many tests of a rule did not fail, and the rule's verdict: its first failure, else a
/// deviation, else a pass.
pub(crate) fn rule_summary(tests: &[&ScenarioResult]) -> (usize, Verdict) {
    let passed = tests.iter().filter(|r| !r.verdict.is_failure()).count();
    let worst = tests
        .iter()
        .map(|r| r.verdict)
        .find(|v| v.is_failure())
        .or_else(|| {
            tests
                .iter()
                .map(|r| r.verdict)
                .find(|v| *v == Verdict::Deviation)
        })
        .unwrap_or(Verdict::Pass);
    (passed, worst)
}
