//! Playing scenarios against a target and judging the answers.

use std::time::{Duration, Instant};

use klantinteracties::register::{functie, Method};
use klantinteracties::Resource;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::format::{Deviation, EndState, Expect, Expectations, InvalidParam, Outcome, Step};
use crate::matching::{at, contains, each_matched};
use crate::suite::{rule_call, RuleCall, Scenario, Suite};
use crate::target::{Body, Call, Response, Target, TargetError};
use crate::vars::Bindings;

/// How a scenario ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every step did what was expected.
    Passed,
    /// A step did not.
    Failed,
    /// The target cannot make one of the calls.
    Unsupported,
}

/// The judgement after the target's expectations are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Passed.
    Pass,
    /// Failed, and not a listed deviation.
    Fail,
    /// A listed deviation that failed (or was unsupported) as expected.
    Deviation,
    /// A listed deviation that passed: the expectations file is out of date.
    Fixed,
    /// Unsupported by the target, and not listed.
    Unsupported,
}

impl Verdict {
    /// Whether the verdict makes the run fail.
    pub fn is_failure(self) -> bool {
        matches!(self, Self::Fail | Self::Fixed | Self::Unsupported)
    }
}

/// The result of one scenario.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioResult {
    /// `C9167/A` or `rules/partijen/veld.max-lengte/2`.
    pub id: String,
    /// `case` or `rule`.
    pub kind: &'static str,
    /// The case code or the rule id.
    pub group: String,
    /// The variant name (`-` for rule tests and single-variant cases).
    pub variant: String,
    /// A one-line title.
    pub title: String,
    /// The source document.
    pub source: Option<String>,
    /// Steps (fixtures, steps and end-state checks).
    pub steps: usize,
    /// Steps that passed.
    pub passed: usize,
    /// How it ran.
    pub status: Status,
    /// The judgement.
    pub verdict: Verdict,
    /// What went wrong, where.
    pub message: Option<String>,
    /// The listed reason, for a deviation.
    pub reason: Option<String>,
    /// How long it took.
    #[serde(serialize_with = "millis")]
    pub duration: Duration,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64() * 1000.0)
}

/// The results of a run.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    /// The target's name.
    pub target: String,
    /// The target's profile.
    pub profile: String,
    /// Every scenario's result, in suite order.
    pub results: Vec<ScenarioResult>,
    /// Deviations listed for scenarios that do not exist (a stale expectations file).
    pub unknown_deviations: Vec<String>,
    /// The whole run.
    #[serde(serialize_with = "millis")]
    pub duration: Duration,
}

impl RunReport {
    /// Whether the run passes: no failure, no unsupported call, no fixed deviation, no
    /// deviation listed for a scenario that does not exist.
    pub fn passed(&self) -> bool {
        self.unknown_deviations.is_empty() && !self.results.iter().any(|r| r.verdict.is_failure())
    }

    /// How many results have `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.results.iter().filter(|r| r.verdict == verdict).count()
    }
}

/// Runs the scenarios whose id matches `pattern` (`*` matches any run of characters; no
/// pattern runs everything) against `target`.
pub fn run(
    suite: &Suite,
    target: &mut dyn Target,
    expectations: &Expectations,
    pattern: Option<&str>,
) -> RunReport {
    let started = Instant::now();
    let scenarios: Vec<Scenario<'_>> =
        suite.scenarios_for(target.supports_workflows(), target.profile());
    let mut results = Vec::new();
    for scenario in &scenarios {
        let id = scenario.id();
        if pattern.is_some_and(|p| !wildcard(p, &id)) {
            continue;
        }
        let mut result = run_scenario(scenario, target);
        judge(
            &mut result,
            expectations.deviations.iter().find(|d| d.id == id),
        );
        results.push(result);
    }
    let ids: Vec<String> = scenarios.iter().map(Scenario::id).collect();
    let unknown_deviations = expectations
        .deviations
        .iter()
        .filter(|d| !ids.contains(&d.id))
        .map(|d| d.id.clone())
        .collect();
    RunReport {
        target: target.name().to_owned(),
        profile: target.profile().to_owned(),
        results,
        unknown_deviations,
        duration: started.elapsed(),
    }
}

fn judge(result: &mut ScenarioResult, deviation: Option<&Deviation>) {
    result.reason = deviation.map(|d| d.reason.clone());
    result.verdict = result.verdict_with(deviation);
}

impl ScenarioResult {
    /// The verdict when `deviation` is (or is not) listed for this scenario.
    pub fn verdict_with(&self, deviation: Option<&Deviation>) -> Verdict {
        match (self.status, deviation.is_some()) {
            (Status::Passed, false) => Verdict::Pass,
            (Status::Passed, true) => Verdict::Fixed,
            (_, true) => Verdict::Deviation,
            (Status::Failed, false) => Verdict::Fail,
            (Status::Unsupported, false) => Verdict::Unsupported,
        }
    }
}

/// `*` matches any run of characters, everything else itself.
pub fn wildcard(pattern: &str, s: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == s;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !s.starts_with(first) || !s[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// Why a step stopped the scenario.
enum Stop {
    Failed(String),
    Unsupported(String),
}

impl From<TargetError> for Stop {
    fn from(e: TargetError) -> Self {
        match e {
            TargetError::Unsupported(m) => Stop::Unsupported(m),
            TargetError::Failure(m) => Stop::Failed(m),
        }
    }
}

/// Runs one scenario from a reset target.
pub fn run_scenario(scenario: &Scenario<'_>, target: &mut dyn Target) -> ScenarioResult {
    let started = Instant::now();
    let mut passed = 0;
    let (steps, outcome) = match scenario {
        Scenario::Case {
            file,
            variant,
            workflow,
        } => {
            let steps = if *workflow {
                &variant.via_workflow
            } else {
                &variant.steps
            };
            let total = file.fixtures.len()
                + variant.fixtures.len()
                + steps.len()
                + variant.end_state.len();
            let outcome = run_case(
                target,
                &file.fixtures,
                &variant.fixtures,
                steps,
                &variant.end_state,
                &mut passed,
            );
            (total, outcome)
        }
        Scenario::Rule { file, group, .. } => {
            let total = file.fixtures.len() + group.setup.len() + 1;
            (total, run_rule(target, scenario, &mut passed))
        }
    };
    let (group, variant) = match scenario {
        Scenario::Case {
            file,
            variant,
            workflow,
        } => (
            file.case.clone(),
            if *workflow {
                format!("{}@workflow", variant.name)
            } else {
                variant.name.clone()
            },
        ),
        Scenario::Rule { group, .. } => (group.rule.clone(), "-".to_owned()),
    };
    let (status, message) = match outcome {
        Ok(()) => (Status::Passed, None),
        Err(Stop::Failed(m)) => (Status::Failed, Some(m)),
        Err(Stop::Unsupported(m)) => (Status::Unsupported, Some(m)),
    };
    ScenarioResult {
        id: scenario.id(),
        kind: if scenario.is_case() { "case" } else { "rule" },
        group,
        variant,
        title: scenario.title(),
        source: scenario.source().map(|s| match &s.section {
            Some(section) => format!("{} § {section}", s.document),
            None => s.document.clone(),
        }),
        steps,
        passed,
        status,
        verdict: Verdict::Fail,
        message,
        reason: None,
        duration: started.elapsed(),
    }
}

fn run_case(
    target: &mut dyn Target,
    fixtures: &[Step],
    own_fixtures: &[Step],
    steps: &[Step],
    end_state: &[EndState],
    passed: &mut usize,
) -> Result<(), Stop> {
    target.reset()?;
    let mut b = Bindings::default();
    for (kind, list) in [
        ("fixture", fixtures),
        ("fixture", own_fixtures),
        ("step", steps),
    ] {
        for (i, step) in list.iter().enumerate() {
            run_step(target, &mut b, step)
                .map_err(|s| prefix(s, &format!("{kind} {} `{}`", i + 1, step.title)))?;
            *passed += 1;
        }
    }
    for e in end_state {
        check_end_state(target, &b, e)
            .map_err(|s| prefix(s, &format!("end state of {}", e.resource)))?;
        *passed += 1;
    }
    Ok(())
}

fn prefix(stop: Stop, what: &str) -> Stop {
    match stop {
        Stop::Failed(m) => Stop::Failed(format!("{what}: {m}")),
        Stop::Unsupported(m) => Stop::Unsupported(format!("{what}: {m}")),
    }
}

fn run_rule(
    target: &mut dyn Target,
    scenario: &Scenario<'_>,
    passed: &mut usize,
) -> Result<(), Stop> {
    let Scenario::Rule {
        file, group, test, ..
    } = scenario
    else {
        return Ok(());
    };
    target.reset()?;
    let mut b = Bindings::default();
    for (i, step) in file.fixtures.iter().chain(&group.setup).enumerate() {
        run_step(target, &mut b, step)
            .map_err(|s| prefix(s, &format!("fixture {} `{}`", i + 1, step.title)))?;
        *passed += 1;
    }
    let uuid = test.uuid.as_ref().or(group.uuid.as_ref());
    let query = if test.query.is_empty() {
        &group.query
    } else {
        &test.query
    };
    let body = (!test.body.is_null()).then_some(&test.body);
    let call = match rule_call(group, test) {
        RuleCall::Workflow(name) => Call::Workflow {
            name: name.clone(),
            input: b.substitute(&test.body).map_err(Stop::Failed)?,
        },
        RuleCall::Function(code) => {
            api_call(&b, Some(code), None, uuid, query, &[], body).map_err(Stop::Failed)?
        }
        RuleCall::Operation(o) => api_call(
            &b,
            None,
            Some((o.method, o.resource.as_str())),
            uuid,
            query,
            &[],
            body,
        )
        .map_err(Stop::Failed)?,
        RuleCall::Ambiguous => {
            return Err(Stop::Failed(
                "no single function, operation or workflow".to_owned(),
            ))
        }
    };
    let response = target.call(&call)?;
    let applies = group.profiles.is_empty() || group.profiles.iter().any(|p| p == target.profile());
    let result = match (&test.expect, test.valid) {
        (Some(expect), true) => check(
            &response,
            &Expect {
                outcome: Outcome::Success,
                ..expect.clone()
            },
            &b,
        ),
        (None, true) => expect_success(&response),
        (Some(expect), false) if applies && expect.outcome == Outcome::NotFound => {
            check(&response, expect, &b)
        }
        (_, false) if applies => expect_rejection(&response, &test.invalid_params),
        (_, false) => expect_silence(&response, &test.invalid_params),
    };
    result.map_err(|m| Stop::Failed(format!("the test's call: {m}")))?;
    *passed += 1;
    Ok(())
}

/// Builds the call of a step or test with every variable substituted.
fn api_call(
    b: &Bindings,
    function: Option<&String>,
    operation: Option<(Method, &str)>,
    uuid: Option<&String>,
    query: &std::collections::BTreeMap<String, String>,
    expand: &[String],
    body: Option<&Value>,
) -> Result<Call, String> {
    let (method, resource) = match (function, operation) {
        (Some(code), _) => {
            let f = functie(code).ok_or_else(|| format!("unknown function `{code}`"))?;
            (f.method, f.resource)
        }
        (None, Some((method, collection))) => (
            method,
            Resource::from_collection(collection)
                .ok_or_else(|| format!("unknown resource `{collection}`"))?,
        ),
        (None, None) => return Err("no function or operation".to_owned()),
    };
    let uuid = match uuid {
        Some(u) => {
            let text = b.substitute_str(u)?;
            Some(Uuid::parse_str(&text).map_err(|_| format!("`{u}` is `{text}`, not a uuid"))?)
        }
        None => None,
    };
    let mut pairs = Vec::new();
    for (k, v) in query {
        pairs.push((k.clone(), b.substitute_str(v)?));
    }
    if !expand.is_empty() {
        pairs.push(("expand".to_owned(), expand.join(",")));
    }
    let body = match body {
        None => None,
        Some(Value::String(s)) if !s.starts_with('$') => Some(Body::Raw(s.clone())),
        Some(v) => Some(Body::Json(b.substitute(v)?)),
    };
    Ok(Call::Api {
        function: function.cloned(),
        method,
        resource,
        uuid,
        body,
        query: pairs,
    })
}

fn run_step(target: &mut dyn Target, b: &mut Bindings, step: &Step) -> Result<(), Stop> {
    let call = if let Some(name) = &step.workflow {
        let input = b
            .substitute(step.body.as_ref().unwrap_or(&Value::Null))
            .map_err(Stop::Failed)?;
        Call::Workflow {
            name: name.clone(),
            input,
        }
    } else {
        api_call(
            b,
            step.function.as_ref(),
            step.operation
                .as_ref()
                .map(|o| (o.method, o.resource.as_str())),
            step.uuid.as_ref(),
            &step.query,
            &step.expand,
            step.body.as_ref(),
        )
        .map_err(Stop::Failed)?
    };
    let response = target.call(&call)?;
    check(&response, &step.expect, b).map_err(Stop::Failed)?;
    if let Some(name) = &step.bind {
        b.bind(name, response.body);
    }
    Ok(())
}

fn check(response: &Response, expect: &Expect, b: &Bindings) -> Result<(), String> {
    match expect.outcome {
        Outcome::Success => expect_success(response)?,
        Outcome::Rejected => return expect_rejection(response, &expect.invalid_params),
        Outcome::NotFound => {
            return if response.status == 404 {
                Ok(())
            } else {
                Err(format!("status {}, expected 404", response.status))
            }
        }
    }
    let body = &response.body;
    if let Some(expected) = &expect.body {
        contains(body, &b.substitute(expected)?)?;
    }
    for path in &expect.absent {
        if at(body, path).is_some_and(|v| !v.is_null()) {
            return Err(format!(
                "{path}: expected absent, is {}",
                at(body, path).unwrap_or(&Value::Null)
            ));
        }
    }
    for (path, wanted) in &expect.keys {
        let object = if path.is_empty() {
            Some(body)
        } else {
            at(body, path)
        };
        let keys: Vec<&str> = object
            .and_then(Value::as_object)
            .map(|m| m.keys().map(String::as_str).collect())
            .ok_or_else(|| format!("`{path}` is no object in the answer"))?;
        if keys != *wanted {
            return Err(format!(
                "the properties of `{path}` are [{}], expected [{}]",
                keys.join(", "),
                wanted.join(", ")
            ));
        }
    }
    if let Some(n) = expect.count {
        let count = body.get("count").and_then(Value::as_u64);
        if count != Some(n as u64) {
            return Err(format!(
                "count is {}, expected {n}",
                count.map_or("absent".to_owned(), |c| c.to_string())
            ));
        }
    }
    if !expect.contains.is_empty() || !expect.not_contains.is_empty() {
        let results = body
            .get("results")
            .and_then(Value::as_array)
            .ok_or("the answer has no `results`")?;
        let wanted: Vec<Value> = expect
            .contains
            .iter()
            .map(|v| b.substitute(v))
            .collect::<Result<_, _>>()?;
        each_matched(results, &wanted)?;
        for unwanted in &expect.not_contains {
            let unwanted = b.substitute(unwanted)?;
            if results.iter().any(|r| contains(r, &unwanted).is_ok()) {
                return Err(format!("a result contains {unwanted}, which it must not"));
            }
        }
    }
    Ok(())
}

fn expect_success(response: &Response) -> Result<(), String> {
    if response.is_success() {
        Ok(())
    } else {
        Err(format!(
            "rejected with status {}: {}",
            response.status,
            summary(&response.body)
        ))
    }
}

fn expect_rejection(response: &Response, wanted: &[InvalidParam]) -> Result<(), String> {
    if response.is_success() || response.status == 404 || response.status >= 500 {
        return Err(format!(
            "status {}, expected a rejection with {}",
            response.status,
            list(wanted)
        ));
    }
    let reported = params(&response.body);
    let missing: Vec<&InvalidParam> = wanted
        .iter()
        .filter(|w| !reported.iter().any(|(n, c)| *n == w.name && *c == w.code))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "rejected, but without {}; reported: {}",
            list(&missing.into_iter().cloned().collect::<Vec<_>>()),
            summary(&response.body)
        ))
    }
}

fn expect_silence(response: &Response, unwanted: &[InvalidParam]) -> Result<(), String> {
    let reported = params(&response.body);
    match unwanted
        .iter()
        .find(|w| reported.iter().any(|(n, c)| *n == w.name && *c == w.code))
    {
        Some(w) => Err(format!(
            "reports {} {}, a rule of another profile",
            w.name, w.code
        )),
        None => Ok(()),
    }
}

fn params(body: &Value) -> Vec<(String, String)> {
    body.get("invalidParams")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    let s = |k: &str| {
                        p.get(k)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned()
                    };
                    (s("name"), s("code"))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn list(ps: &[InvalidParam]) -> String {
    ps.iter()
        .map(|p| format!("{} {}", p.name, p.code))
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary(body: &Value) -> String {
    let ps = params(body);
    if ps.is_empty() {
        body.get("detail")
            .and_then(Value::as_str)
            .map_or_else(|| body.to_string(), str::to_owned)
    } else {
        ps.iter()
            .map(|(n, c)| format!("{n} {c}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every object of `resource` matching `query`, over all pages.
pub fn list_all(
    target: &mut dyn Target,
    resource: Resource,
    query: &[(String, String)],
) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    for page in 1.. {
        let mut q = query.to_vec();
        q.push(("page".to_owned(), page.to_string()));
        q.push(("pageSize".to_owned(), "500".to_owned()));
        let call = Call::Api {
            function: None,
            method: Method::List,
            resource,
            uuid: None,
            body: None,
            query: q,
        };
        let response = target.call(&call).map_err(|e| e.to_string())?;
        expect_success(&response)?;
        let results = response
            .body
            .get("results")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let count = response
            .body
            .get("count")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let done = results.is_empty();
        out.extend(results);
        if done || out.len() as u64 >= count {
            break;
        }
    }
    Ok(out)
}

fn check_end_state(target: &mut dyn Target, b: &Bindings, e: &EndState) -> Result<(), Stop> {
    let resource = Resource::from_collection(&e.resource)
        .ok_or_else(|| Stop::Failed(format!("unknown resource `{}`", e.resource)))?;
    let mut query = Vec::new();
    for (k, v) in &e.query {
        query.push((k.clone(), b.substitute_str(v).map_err(Stop::Failed)?));
    }
    let objects = list_all(target, resource, &query).map_err(Stop::Failed)?;
    if let Some(n) = e.count {
        if objects.len() != n {
            return Err(Stop::Failed(format!(
                "{} objects, expected {n}",
                objects.len()
            )));
        }
    }
    let wanted: Vec<Value> = e
        .objects
        .iter()
        .map(|v| b.substitute(v))
        .collect::<Result<_, _>>()
        .map_err(Stop::Failed)?;
    each_matched(&objects, &wanted).map_err(Stop::Failed)
}

#[cfg(test)]
mod tests {
    use super::wildcard;

    #[test]
    fn wildcards() {
        assert!(wildcard("C9167*", "C9167/A"));
        assert!(wildcard("rules/*", "rules/partijen/veld.max-lengte/1"));
        assert!(wildcard("*max-lengte*", "rules/partijen/veld.max-lengte/1"));
        assert!(wildcard("C0992/A", "C0992/A"));
        assert!(!wildcard("C0992/A", "C0992/B"));
        assert!(!wildcard("C9*B", "C9167/A"));
    }
}
