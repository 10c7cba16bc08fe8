//! The run as one self-contained HTML file: a header saying what was checked, the totals per
//! verdict, a summary per case variant and per rule, and every scenario expandable to its
//! steps, each step to its expected and actual answer, diff, `curl` line and exchanges.
//!
//! The file loads nothing (no stylesheet, script, font or image from anywhere) and needs no
//! JavaScript: it folds with `<details>`. Every verdict is an element with the class
//! `verdict-<verdict>` and the attribute `data-verdict="<verdict>"` (the snake_case name:
//! `pass`, `fail`, `deviation`, `fixed`, `unsupported`, `not_applicable`, `blocked`), and the
//! totals are `<dl id="totals">`, so a browser check can count them.

use std::fmt::Write as _;

use serde_json::Value;

use crate::exchange::Exchange;
use crate::report::{grouped, rule_summary};
use crate::run::{RunReport, ScenarioResult, StepKind, StepRecord, Verdict};

/// Every verdict, in the order reports list them.
pub(crate) const VERDICTS: [Verdict; 7] = [
    Verdict::Pass,
    Verdict::Fail,
    Verdict::Deviation,
    Verdict::Fixed,
    Verdict::Unsupported,
    Verdict::NotApplicable,
    Verdict::Blocked,
];

/// The verdict's snake_case name, as the run record spells it: `data-verdict` and the class.
pub(crate) fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
        Verdict::Deviation => "deviation",
        Verdict::Fixed => "fixed",
        Verdict::Unsupported => "unsupported",
        Verdict::NotApplicable => "not_applicable",
        Verdict::Blocked => "blocked",
    }
}

/// What a verdict means, for the totals.
pub(crate) fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "passed",
        Verdict::Fail => "failed",
        Verdict::Deviation => "expected deviations",
        Verdict::Fixed => "fixed deviations",
        Verdict::Unsupported => "unsupported",
        Verdict::NotApplicable => "not applicable",
        Verdict::Blocked => "blocked",
    }
}

/// `s` safe in HTML or XML text and in a quoted attribute (the JUnit report uses it too);
/// control characters other than tab and line breaks are dropped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A verdict as a badge: `<span class="verdict verdict-fail" data-verdict="fail">FAIL</span>`,
/// with `tooltip` as its title.
pub(crate) fn badge(v: Verdict, tooltip: Option<&str>) -> String {
    let title = tooltip
        .map(|t| format!(" title=\"{}\"", escape(t)))
        .unwrap_or_default();
    format!(
        "<span class=\"verdict verdict-{key}\" data-verdict=\"{key}\"{title}>{}</span>",
        escape(v.word()),
        key = verdict_key(v)
    )
}

/// The style every HTML report shares.
pub(crate) const STYLE: &str = r"
:root { --fg: #1d2125; --muted: #5f6b76; --line: #d5dbe1; --bg: #ffffff; --soft: #f4f6f8;
  --pass: #1a7f37; --fail: #c62828; --deviation: #9a6700; --fixed: #8250df;
  --unsupported: #bc4c00; --na: #6e7781; --blocked: #3d444d; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 4rem; font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
code, pre { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: .5rem .7rem; margin: .3rem 0; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #0b5cad; text-decoration: none; }
a:hover { text-decoration: underline; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; word-break: break-all; }
#totals { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
#totals div { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .8rem; min-width: 7.5rem; }
#totals dt { font-size: .8rem; color: var(--muted); }
#totals dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
.result { display: inline-block; font-weight: 700; padding: .2rem .8rem; border-radius: 4px; color: #fff; }
.result.passed { background: var(--pass); }
.result.failed { background: var(--fail); }
.verdict { display: inline-block; min-width: 4.5rem; text-align: center; font-size: .8rem; font-weight: 700; padding: 0 .4rem; border-radius: 3px; color: #fff; }
.verdict-pass { background: var(--pass); }
.verdict-fail { background: var(--fail); }
.verdict-deviation { background: var(--deviation); }
.verdict-fixed { background: var(--fixed); }
.verdict-unsupported { background: var(--unsupported); }
.verdict-not_applicable { background: var(--na); }
.verdict-blocked { background: var(--blocked); }
#totals dd.verdict-pass, #totals dd.verdict-fail, #totals dd.verdict-deviation, #totals dd.verdict-fixed,
#totals dd.verdict-unsupported, #totals dd.verdict-not_applicable, #totals dd.verdict-blocked { background: none; }
#totals dd.verdict-pass { color: var(--pass); } #totals dd.verdict-fail { color: var(--fail); }
#totals dd.verdict-deviation { color: var(--deviation); } #totals dd.verdict-fixed { color: var(--fixed); }
#totals dd.verdict-unsupported { color: var(--unsupported); } #totals dd.verdict-not_applicable { color: var(--na); }
#totals dd.verdict-blocked { color: var(--blocked); }
details { margin: .25rem 0; }
summary { cursor: pointer; }
details.scenario { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 4px; padding: .3rem .6rem; background: none; color: inherit; }
details.scenario.verdict-pass { border-left-color: var(--pass); }
details.scenario.verdict-fail { border-left-color: var(--fail); }
details.scenario.verdict-deviation { border-left-color: var(--deviation); }
details.scenario.verdict-fixed { border-left-color: var(--fixed); }
details.scenario.verdict-unsupported { border-left-color: var(--unsupported); }
details.scenario.verdict-not_applicable { border-left-color: var(--na); }
details.scenario.verdict-blocked { border-left-color: var(--blocked); }
details.scenario > summary code { font-weight: 600; }
details.step { margin-left: 1rem; border-left: 3px solid var(--pass); padding-left: .6rem; }
details.step.failed { border-left-color: var(--fail); }
details.exchange { margin-left: 1rem; border-left: 2px dotted var(--line); padding-left: .6rem; }
.muted { color: var(--muted); }
.ok { color: var(--pass); font-weight: 700; }
.ko { color: var(--fail); font-weight: 700; }
.message { color: var(--fail); white-space: pre-wrap; }
.reason { color: var(--deviation); }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
.side h4 { margin: .2rem 0; font-size: .85rem; color: var(--muted); }
.diff .add { color: #116329; background: #dafbe1; display: block; }
.diff .del { color: #82071e; background: #ffebe9; display: block; }
.diff .hunk { color: #0550ae; display: block; }
.diff .ctx { display: block; }
.headers td { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.matrix td { white-space: nowrap; }
.missing { color: var(--muted); }
tr.differs > td:first-child { background: #fff8c5; }
";

/// A whole HTML5 document with `title` and `body`.
pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// Milliseconds as a person reads them.
pub(crate) fn duration(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else {
        format!("{ms:.0} ms")
    }
}

/// The run as one self-contained HTML file.
pub fn render(report: &RunReport) -> String {
    let mut out = String::new();
    header(&mut out, report);
    totals(&mut out, report);
    summaries(&mut out, report);
    let _ = writeln!(out, "<section id=\"scenarios\">\n<h2>Scenarios</h2>");
    for r in &report.results {
        scenario(&mut out, r);
    }
    out.push_str("</section>\n");
    page(
        &format!(
            "Klantinteracties conformance: {} ({})",
            report.target, report.profile
        ),
        &out,
    )
}

fn header(out: &mut String, report: &RunReport) {
    let d = &report.description;
    let _ = writeln!(
        out,
        "<header>\n<h1>Klantinteracties conformance report</h1>\n<p><span class=\"result {}\">{}</span></p>",
        if report.passed() { "passed" } else { "failed" },
        if report.passed() { "PASSED" } else { "FAILED" }
    );
    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("Target", report.target.clone()),
        ("Profile", report.profile.clone()),
        ("Kind", or_dash(&d.kind)),
        (
            "Base URL",
            d.base_url.clone().unwrap_or_else(|| "—".to_owned()),
        ),
        (
            "Authentication",
            d.authentication.clone().unwrap_or_else(|| "—".to_owned()),
        ),
        ("Isolation", or_dash(&d.isolation)),
        ("Registration", or_dash(&d.registration)),
        ("API version", or_dash(&d.api_version)),
    ];
    if !d.extra_headers.is_empty() {
        rows.push(("Extra headers", d.extra_headers.join(", ")));
    }
    rows.extend([
        (
            "Harness",
            format!("{} {}", report.harness.name, report.harness.version),
        ),
        ("Suite hash", or_dash(&report.suite_hash)),
        ("Started", or_dash(&report.started)),
        ("Ended", or_dash(&report.ended)),
        ("Duration", duration(report.duration_ms)),
    ]);
    out.push_str("<dl class=\"meta\">\n");
    for (k, v) in rows {
        let _ = writeln!(out, "<dt>{k}</dt><dd>{}</dd>", escape(&v));
    }
    out.push_str("</dl>\n");
    if !report.unknown_deviations.is_empty() {
        out.push_str(
            "<p class=\"message\">Stale expectations: deviations are listed for scenarios that do not exist:</p>\n<ul>\n",
        );
        for id in &report.unknown_deviations {
            let _ = writeln!(out, "<li><code>{}</code></li>", escape(id));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</header>\n");
}

fn totals(out: &mut String, report: &RunReport) {
    let _ = writeln!(
        out,
        "<h2>Totals</h2>\n<p>{} scenarios in {}.</p>\n<dl id=\"totals\">",
        report.results.len(),
        duration(report.duration_ms)
    );
    for v in VERDICTS {
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd class=\"verdict-{key}\" data-verdict=\"{key}\">{}</dd></div>",
            verdict_label(v),
            report.count(v),
            key = verdict_key(v)
        );
    }
    out.push_str("</dl>\n");
}

/// An in-page link to a scenario's details.
fn link(id: &str) -> String {
    format!("<a href=\"#{0}\"><code>{0}</code></a>", escape(id))
}

fn summaries(out: &mut String, report: &RunReport) {
    let cases: Vec<&ScenarioResult> = report.results.iter().filter(|r| r.kind == "case").collect();
    if !cases.is_empty() {
        out.push_str(
            "<section id=\"cases\">\n<h2>Cases</h2>\n<table>\n<thead><tr><th>scenario</th><th>title</th><th>result</th><th class=\"num\">steps</th></tr></thead>\n<tbody>\n",
        );
        for r in cases {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}/{}</td></tr>",
                link(&r.id),
                escape(&r.title),
                badge(r.verdict, r.reason.as_deref()),
                r.passed,
                r.steps
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    let rules: Vec<&ScenarioResult> = report.results.iter().filter(|r| r.kind == "rule").collect();
    if !rules.is_empty() {
        out.push_str(
            "<section id=\"rules\">\n<h2>Rules</h2>\n<table>\n<thead><tr><th>rule</th><th>result</th><th class=\"num\">tests</th><th>scenarios</th></tr></thead>\n<tbody>\n",
        );
        for (id, of_rule) in grouped(rules, |r| r.group.clone()) {
            let (passed, worst) = rule_summary(&of_rule);
            let tests: Vec<String> = of_rule
                .iter()
                .map(|r| {
                    format!(
                        "<a href=\"#{}\" title=\"{} {}\">{}</a>",
                        escape(&r.id),
                        escape(r.verdict.word()),
                        escape(&r.title),
                        escape(r.id.rsplit('/').next().unwrap_or_default())
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{passed}/{}</td><td>{}</td></tr>",
                escape(&id),
                badge(worst, None),
                of_rule.len(),
                tests.join(" ")
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
}

fn scenario(out: &mut String, r: &ScenarioResult) {
    let open = r.verdict.is_failure() || r.verdict == Verdict::Blocked;
    let key = verdict_key(r.verdict);
    let _ = writeln!(
        out,
        "<details class=\"scenario verdict-{key}\" id=\"{}\" data-verdict=\"{key}\"{}>",
        escape(&r.id),
        if open { " open" } else { "" }
    );
    let _ = writeln!(
        out,
        "<summary>{} <code>{}</code> {} <span class=\"muted\">{}/{} steps · {}</span></summary>",
        badge(r.verdict, r.reason.as_deref()),
        escape(&r.id),
        escape(&r.title),
        r.passed,
        r.steps,
        duration(r.duration_ms)
    );
    if let Some(source) = &r.source {
        let _ = writeln!(out, "<p class=\"muted\">Source: {}</p>", escape(source));
    }
    if let Some(m) = &r.message {
        let _ = writeln!(out, "<p class=\"message\">{}</p>", escape(m));
    }
    if let Some(reason) = &r.reason {
        let kind = r
            .deviation_kind
            .map(|k| format!(" ({})", k.name()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p class=\"reason\">Listed deviation{kind}: {}</p>",
            escape(reason)
        );
    }
    if !r.leftovers.is_empty() {
        out.push_str("<p class=\"message\">Left behind on the server:</p>\n<ul>\n");
        for l in &r.leftovers {
            let _ = writeln!(out, "<li><code>{}</code></li>", escape(l));
        }
        out.push_str("</ul>\n");
    }
    for (i, step) in r.trace.iter().enumerate() {
        step_record(out, i + 1, step);
    }
    out.push_str("</details>\n");
}

fn kind_word(k: StepKind) -> &'static str {
    match k {
        StepKind::Fixture => "fixture",
        StepKind::Step => "step",
        StepKind::Test => "test",
        StepKind::EndState => "end state",
        StepKind::Cleanup => "cleanup",
    }
}

fn step_record(out: &mut String, n: usize, s: &StepRecord) {
    let _ = writeln!(
        out,
        "<details class=\"step {}\"{}>",
        if s.passed { "passed" } else { "failed" },
        if s.passed { "" } else { " open" }
    );
    let _ = writeln!(
        out,
        "<summary>{} <span class=\"muted\">{n}. {}</span> {}</summary>",
        if s.passed {
            "<span class=\"ok\">✓ pass</span>"
        } else {
            "<span class=\"ko\">✗ fail</span>"
        },
        kind_word(s.kind),
        escape(&s.title)
    );
    if let Some(source) = &s.source {
        let _ = writeln!(out, "<p class=\"muted\">Proves: {}</p>", escape(source));
    }
    if let Some(m) = &s.message {
        let _ = writeln!(out, "<p class=\"message\">{}</p>", escape(m));
    }
    if s.expected.is_some() || s.actual.is_some() {
        let pretty = |v: Option<&Value>| {
            v.map_or_else(
                || "—".to_owned(),
                |v| serde_json::to_string_pretty(v).unwrap_or_default(),
            )
        };
        let _ = writeln!(
            out,
            "<div class=\"side\"><div><h4>expected</h4><pre class=\"expected\">{}</pre></div><div><h4>actual</h4><pre class=\"actual\">{}</pre></div></div>",
            escape(&pretty(s.expected.as_ref())),
            escape(&pretty(s.actual.as_ref()))
        );
    }
    if let Some(diff) = &s.diff {
        out.push_str("<h4>diff</h4>\n<pre class=\"diff\">");
        for line in diff.lines() {
            let class =
                if line.starts_with("@@") || line.starts_with("--- ") || line.starts_with("+++ ") {
                    "hunk"
                } else if line.starts_with('-') {
                    "del"
                } else if line.starts_with('+') {
                    "add"
                } else {
                    "ctx"
                };
            let _ = write!(out, "<span class=\"{class}\">{}</span>", escape(line));
        }
        out.push_str("</pre>\n");
    }
    if let Some(curl) = &s.curl {
        let _ = writeln!(
            out,
            "<h4>again with curl</h4>\n<pre class=\"curl\">{}</pre>",
            escape(curl)
        );
    }
    let last = s.exchanges.len();
    for (i, e) in s.exchanges.iter().enumerate() {
        exchange(out, e, !s.passed && i + 1 == last);
    }
    out.push_str("</details>\n");
}

/// A body pretty-printed when it is JSON, else as it came.
fn body_text(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| body.to_owned())
}

fn headers(out: &mut String, title: &str, hs: &[(String, String)]) {
    if hs.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h4>{title}</h4>\n<table class=\"headers\">");
    for (k, v) in hs {
        let _ = writeln!(out, "<tr><td>{}</td><td>{}</td></tr>", escape(k), escape(v));
    }
    out.push_str("</table>\n");
}

fn exchange(out: &mut String, e: &Exchange, open: bool) {
    let status = if e.status == 0 {
        "no answer".to_owned()
    } else {
        e.status.to_string()
    };
    let _ = writeln!(
        out,
        "<details class=\"exchange\"{}>\n<summary><code>{} {}</code> → <code>{}</code> <span class=\"muted\">{}{}</span></summary>",
        if open { " open" } else { "" },
        escape(&e.method),
        escape(&e.url),
        escape(&status),
        duration(e.duration_ms),
        e.note
            .as_deref()
            .map(|n| format!(" · {}", escape(n)))
            .unwrap_or_default()
    );
    if let Some(note) = &e.note {
        let _ = writeln!(out, "<p class=\"muted\">Note: {}</p>", escape(note));
    }
    headers(out, "request headers", &e.request_headers);
    if let Some(b) = &e.request_body {
        let _ = writeln!(
            out,
            "<h4>request body</h4>\n<pre class=\"request\">{}</pre>",
            escape(&body_text(b))
        );
    }
    let _ = writeln!(out, "<h4>status {}</h4>", escape(&status));
    headers(out, "response headers", &e.response_headers);
    if let Some(b) = &e.response_body {
        let _ = writeln!(
            out,
            "<h4>response body</h4>\n<pre class=\"response\">{}</pre>",
            escape(&body_text(b))
        );
    }
    out.push_str("</details>\n");
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::run::{Harness, Status};
    use crate::target::Description;
    use serde_json::json;

    /// A result of `kind` with `verdict`, no trace.
    pub(crate) fn result(id: &str, kind: &str, group: &str, verdict: Verdict) -> ScenarioResult {
        ScenarioResult {
            id: id.to_owned(),
            kind: kind.to_owned(),
            group: group.to_owned(),
            variant: "-".to_owned(),
            title: format!("title of {id}"),
            source: Some("achtergronddocumentatie/artefacten/9167.md".to_owned()),
            steps: 3,
            passed: if verdict == Verdict::Pass { 3 } else { 1 },
            status: if verdict == Verdict::Pass {
                Status::Passed
            } else {
                Status::Failed
            },
            verdict,
            message: (verdict != Verdict::Pass).then(|| "step 2 `x`: status 400".to_owned()),
            reason: None,
            deviation_kind: None,
            duration_ms: 12.0,
            leftovers: Vec::new(),
            trace: Vec::new(),
        }
    }

    /// A report of `target` with `results`.
    pub(crate) fn report(target: &str, profile: &str, results: Vec<ScenarioResult>) -> RunReport {
        RunReport {
            harness: Harness::default(),
            suite_hash: "abc123".to_owned(),
            target: target.to_owned(),
            profile: profile.to_owned(),
            description: Description {
                name: target.to_owned(),
                kind: "http".to_owned(),
                profile: profile.to_owned(),
                api_version: "0.9.0".to_owned(),
                base_url: Some("https://example.org/klantinteracties/api/v1".to_owned()),
                authentication: Some("token".to_owned()),
                isolation: "cleanup".to_owned(),
                registration: "sequence".to_owned(),
                extra_headers: Vec::new(),
            },
            started: "2025-01-01T10:00:00+00:00".to_owned(),
            ended: "2025-01-01T10:00:01+00:00".to_owned(),
            results,
            unknown_deviations: Vec::new(),
            duration_ms: 1000.0,
        }
    }

    /// Two scenarios: `C9167/A` passes, `rules/partijen/veld.max-lengte/1` fails with a trace
    /// whose answer holds a script.
    pub(crate) fn example() -> RunReport {
        let exchange = Exchange {
            method: "POST".to_owned(),
            url: "https://example.org/klantinteracties/api/v1/partijen".to_owned(),
            request_headers: vec![
                ("Authorization".to_owned(), "Token <redacted>".to_owned()),
                ("Content-Type".to_owned(), "application/json".to_owned()),
            ],
            request_body: Some(r#"{"soortPartij":"persoon","indicatieActief":true}"#.to_owned()),
            status: 201,
            response_headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
            response_body: Some(
                json!({"uuid": "6a1c…", "naam": "<script>alert(1)</script>"}).to_string(),
            ),
            duration_ms: 8.5,
            note: None,
        };
        let expected =
            json!({"status": "4xx", "invalidParams": [{"name": "naam", "code": "max_length"}]});
        let actual = json!({"status": 201, "invalidParams": []});
        let failing = ScenarioResult {
            trace: vec![
                StepRecord {
                    kind: StepKind::Fixture,
                    title: "Registreer partij".to_owned(),
                    source: None,
                    passed: true,
                    message: None,
                    expected: None,
                    actual: None,
                    diff: None,
                    curl: None,
                    exchanges: vec![Exchange {
                        status: 201,
                        response_body: Some("{\"uuid\":\"1\"}".to_owned()),
                        ..exchange.clone()
                    }],
                },
                StepRecord {
                    kind: StepKind::Test,
                    title: "a name of 201 characters (invalid)".to_owned(),
                    source: Some("rule veld.max-lengte (openapi.yaml)".to_owned()),
                    passed: false,
                    message: Some(
                        "status 201, expected a rejection with naam max_length".to_owned(),
                    ),
                    diff: Some(crate::diff::unified(&expected, &actual)),
                    expected: Some(expected),
                    actual: Some(actual),
                    curl: exchange.curl(Some("Token $KLANTINTERACTIES_TOKEN")),
                    exchanges: vec![exchange],
                },
            ],
            ..result(
                "rules/partijen/veld.max-lengte/1",
                "rule",
                "veld.max-lengte",
                Verdict::Fail,
            )
        };
        report(
            "open-klant",
            "open-klant",
            vec![result("C9167/A", "case", "C9167", Verdict::Pass), failing],
        )
    }

    #[test]
    fn one_document_without_resources_with_the_script_escaped_and_the_failure_open() {
        let html = render(&example());
        // Written for `scripts/check-html`, to try it on by hand.
        let path = std::env::temp_dir().join("klantinteracties-example-report.html");
        std::fs::write(&path, &html).expect("the example report is written");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<html").count(), 1);
        assert_eq!(html.matches("</html>").count(), 1);
        assert_eq!(html.matches("<body").count(), 1);
        for load in ["src=", "<link", "@import", "url("] {
            assert!(!html.contains(load), "{load}");
        }
        for attr in ["href=\"http", "href='http", "href=http", "href=\"//"] {
            assert!(!html.contains(attr), "{attr}");
        }
        assert!(html
            .split("href=\"")
            .skip(1)
            .all(|rest| rest.starts_with('#')));
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // The URL is shown as text.
        assert!(html.contains("https://example.org/klantinteracties/api/v1/partijen"));
        assert!(html.contains(
            "<details class=\"scenario verdict-fail\" id=\"rules/partijen/veld.max-lengte/1\" data-verdict=\"fail\" open>"
        ));
        assert!(html.contains(
            "<details class=\"scenario verdict-pass\" id=\"C9167/A\" data-verdict=\"pass\">"
        ));
        assert!(html.contains("<dl id=\"totals\">"));
        assert!(html.contains("data-verdict=\"pass\">1</dd>"));
        assert!(html.contains("data-verdict=\"fail\">1</dd>"));
        assert!(html.contains("data-verdict=\"blocked\">0</dd>"));
        // The failing step is open, with both sides, a coloured diff and the curl line.
        assert!(html.contains("<details class=\"step failed\" open>"));
        assert!(html.contains("<pre class=\"expected\">"));
        assert!(html.contains("<pre class=\"actual\">"));
        assert!(html.contains("<span class=\"del\">-  &quot;status&quot;: &quot;4xx&quot;,</span>"));
        assert!(html.contains("<span class=\"add\">+  &quot;status&quot;: 201,</span>"));
        assert!(html.contains("<pre class=\"curl\">curl -sS -X POST"));
        // JSON bodies pretty-printed.
        assert!(html.contains("  &quot;soortPartij&quot;: &quot;persoon&quot;"));
        // The summaries: a row per case variant and per rule.
        assert!(html.contains("<a href=\"#C9167/A\"><code>C9167/A</code></a>"));
        assert!(html.contains("<td><code>veld.max-lengte</code></td>"));
        assert!(html.contains("<td class=\"num\">0/1</td>"));
        // The header.
        for text in [
            "open-klant",
            "cleanup",
            "sequence",
            "0.9.0",
            "abc123",
            "token",
        ] {
            assert!(html.contains(text), "{text}");
        }
    }

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&#39;");
    }
}
