//! Playing scenarios against a target and judging the answers.

use std::time::{Duration, Instant};

use klantinteracties::register::{functie, Method};
use klantinteracties::Resource;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::exchange::Exchange;
use crate::format::{
    Deviation, DeviationKind, EndState, Expect, Expectations, InvalidParam, Outcome, Step,
};
use crate::matching::{at, contains, each_matched};
use crate::suite::{rule_call, RuleCall, Scenario, Suite};
use crate::target::{Body, Call, Description, Response, Target, TargetError};
use crate::vars::Bindings;

/// How a scenario ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every step did what was expected.
    Passed,
    /// A step did not.
    Failed,
    /// The target cannot make one of the calls.
    Unsupported,
    /// The scenario runs a case workflow of the library, which has no HTTP form: it does not
    /// apply to the target.
    NotApplicable,
    /// A value the scenario documents is already taken on a shared server (left by an earlier,
    /// interrupted run): nothing is known about the implementation.
    Blocked,
}

/// The judgement after the target's expectations are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Does not apply to the target (a workflow scenario over HTTP).
    NotApplicable,
    /// Could not be judged: a documented value is taken on the shared server.
    Blocked,
}

impl Verdict {
    /// Whether the verdict makes the run fail.
    pub fn is_failure(self) -> bool {
        matches!(self, Self::Fail | Self::Fixed | Self::Unsupported)
    }

    /// The word reports use.
    pub fn word(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "FAIL",
            Self::Deviation => "deviation",
            Self::Fixed => "FIXED",
            Self::Unsupported => "UNSUPPORTED",
            Self::NotApplicable => "n/a",
            Self::Blocked => "BLOCKED",
        }
    }
}

/// What a record of a scenario's trace is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    /// A fixture: what the case or rule presupposes.
    Fixture,
    /// A step of a case.
    Step,
    /// The call a rule test makes.
    Test,
    /// An end-state check.
    EndState,
    /// Deleting what the scenario created on a shared server.
    Cleanup,
}

/// One step of a scenario as it ran: what it proves, every exchange it made and, when it
/// failed, the expected and actual side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepRecord {
    /// What kind of step.
    pub kind: StepKind,
    /// Its title.
    pub title: String,
    /// The document and section the step proves (the rule id for a rule test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether it did what was expected.
    pub passed: bool,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What was expected (on failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Value>,
    /// What came, cut to the shape of the expectation (on failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
    /// A unified diff of the two (on failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// A `curl` command that sends the failing request again (HTTP targets, on failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curl: Option<String>,
    /// Every exchange the step made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchanges: Vec<Exchange>,
}

/// The result of one scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScenarioResult {
    /// `C9167/A` or `rules/partijen/veld.max-lengte/2`.
    pub id: String,
    /// `case` or `rule`.
    pub kind: String,
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
    /// The listed kind, for a deviation.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "deviationKind"
    )]
    pub deviation_kind: Option<DeviationKind>,
    /// How long it took, in milliseconds.
    #[serde(rename = "duration")]
    pub duration_ms: f64,
    /// Objects a cleanup on a shared server could not delete (`collection/uuid`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leftovers: Vec<String>,
    /// Every step as it ran, with its exchanges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<StepRecord>,
}

/// The harness that made a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Harness {
    /// `klantinteracties-conformance`.
    pub name: String,
    /// Its version.
    pub version: String,
}

impl Default for Harness {
    fn default() -> Self {
        Self {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// The results of a run; serialized whole, it is the run record
/// (`klantinteracties conformance --record FILE`), which every report can be rendered from
/// again.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunReport {
    /// The harness.
    #[serde(default)]
    pub harness: Harness,
    /// SHA-256 of the suite's content ([`Suite::hash`]).
    #[serde(default)]
    pub suite_hash: String,
    /// The target's name.
    pub target: String,
    /// The target's profile.
    pub profile: String,
    /// The target as checked (no secrets).
    #[serde(default)]
    pub description: Description,
    /// When the run started (RFC 3339).
    #[serde(default)]
    pub started: String,
    /// When it ended (RFC 3339).
    #[serde(default)]
    pub ended: String,
    /// Every scenario's result, in suite order.
    pub results: Vec<ScenarioResult>,
    /// Deviations listed for scenarios that do not exist (a stale expectations file).
    pub unknown_deviations: Vec<String>,
    /// The whole run, in milliseconds.
    #[serde(rename = "duration")]
    pub duration_ms: f64,
}

impl RunReport {
    /// Whether the run passes: no failure, no unsupported call, no fixed deviation, no
    /// deviation listed for a scenario that does not exist, nothing blocked.
    pub fn passed(&self) -> bool {
        self.unknown_deviations.is_empty()
            && !self
                .results
                .iter()
                .any(|r| r.verdict.is_failure() || r.verdict == Verdict::Blocked)
    }

    /// How many results have `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.results.iter().filter(|r| r.verdict == verdict).count()
    }

    #[must_use]
    /// The run without the trace of scenarios that passed: the record to publish when every
    /// exchange is more than a reader needs.
    pub fn without_passing_traces(&self) -> Self {
        let mut out = self.clone();
        for r in &mut out.results {
            if r.verdict == Verdict::Pass {
                r.trace.clear();
            }
        }
        out
    }
}

/// Where a run is: reported before each scenario.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// The scenario's number, from 1.
    pub index: usize,
    /// How many will run.
    pub total: usize,
    /// Its id.
    pub id: &'a str,
}

/// Runs the scenarios whose id matches `pattern` (`*` matches any run of characters; no
/// pattern runs everything) against `target`.
pub fn run(
    suite: &Suite,
    target: &mut dyn Target,
    expectations: &Expectations,
    pattern: Option<&str>,
) -> RunReport {
    run_with(suite, target, expectations, pattern, &mut |_| {})
}

/// [`run`], telling `progress` before each scenario.
pub fn run_with(
    suite: &Suite,
    target: &mut dyn Target,
    expectations: &Expectations,
    pattern: Option<&str>,
    progress: &mut dyn FnMut(Progress<'_>),
) -> RunReport {
    let started = Instant::now();
    let started_at = chrono::Utc::now();
    let profile = target.profile().to_owned();
    let scenarios: Vec<Scenario<'_>> = suite.scenarios_for(true, &profile);
    let selected: Vec<&Scenario<'_>> = scenarios
        .iter()
        .filter(|s| pattern.is_none_or(|p| wildcard(p, &s.id())))
        .collect();
    let mut results = Vec::new();
    for (i, scenario) in selected.iter().enumerate() {
        let id = scenario.id();
        progress(Progress {
            index: i + 1,
            total: selected.len(),
            id: &id,
        });
        let mut result = if scenario.needs_workflows() && !target.supports_workflows() {
            not_applicable(scenario)
        } else {
            run_scenario(scenario, target)
        };
        judge(
            &mut result,
            expectations.deviations.iter().find(|d| d.id == id),
        );
        results.push(result);
    }
    // Ids of every scenario of any profile: a deviation listed for a rule test of the other
    // profile is not stale.
    let ids: Vec<String> = suite.scenarios(true).iter().map(Scenario::id).collect();
    let unknown_deviations = expectations
        .deviations
        .iter()
        .filter(|d| !ids.contains(&d.id))
        .map(|d| d.id.clone())
        .collect();
    RunReport {
        harness: Harness::default(),
        suite_hash: suite.hash(),
        target: target.name().to_owned(),
        profile,
        description: target.describe(),
        started: started_at.to_rfc3339(),
        ended: chrono::Utc::now().to_rfc3339(),
        results,
        unknown_deviations,
        duration_ms: ms(started.elapsed()),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn judge(result: &mut ScenarioResult, deviation: Option<&Deviation>) {
    result.reason = deviation.map(|d| d.reason.clone());
    result.deviation_kind = deviation.and_then(|d| d.kind);
    result.verdict = result.verdict_with(deviation);
}

impl ScenarioResult {
    /// The verdict when `deviation` is (or is not) listed for this scenario.
    pub fn verdict_with(&self, deviation: Option<&Deviation>) -> Verdict {
        match (self.status, deviation.is_some()) {
            (Status::NotApplicable, _) => Verdict::NotApplicable,
            (Status::Blocked, _) => Verdict::Blocked,
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
    Failed(Box<Failure>),
    Unsupported(String),
    Blocked(String),
}

/// A failed expectation: the message, and the expected and actual side by side.
struct Failure {
    message: String,
    expected: Option<Value>,
    actual: Option<Value>,
}

impl Stop {
    fn failed(message: impl Into<String>) -> Self {
        Stop::Failed(Box::new(Failure {
            message: message.into(),
            expected: None,
            actual: None,
        }))
    }

    fn message(&self) -> &str {
        match self {
            Stop::Failed(f) => &f.message,
            Stop::Unsupported(m) | Stop::Blocked(m) => m,
        }
    }
}

impl From<TargetError> for Stop {
    fn from(e: TargetError) -> Self {
        match e {
            TargetError::Unsupported(m) => Stop::Unsupported(m),
            TargetError::Failure(m) => Stop::failed(m),
        }
    }
}

impl From<String> for Stop {
    fn from(m: String) -> Self {
        Stop::failed(m)
    }
}

fn describe(scenario: &Scenario<'_>) -> ScenarioResult {
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
    ScenarioResult {
        id: scenario.id(),
        kind: if scenario.is_case() { "case" } else { "rule" }.to_owned(),
        group,
        variant,
        title: scenario.title(),
        source: scenario.source().map(source_text),
        steps: 0,
        passed: 0,
        status: Status::Passed,
        verdict: Verdict::Fail,
        message: None,
        reason: None,
        deviation_kind: None,
        duration_ms: 0.0,
        leftovers: Vec::new(),
        trace: Vec::new(),
    }
}

fn source_text(s: &crate::format::Source) -> String {
    match &s.section {
        Some(section) => format!("{} § {section}", s.document),
        None => s.document.clone(),
    }
}

fn not_applicable(scenario: &Scenario<'_>) -> ScenarioResult {
    ScenarioResult {
        status: Status::NotApplicable,
        message: Some(
            "runs a case workflow of the library, which has no HTTP form: not applicable"
                .to_owned(),
        ),
        ..describe(scenario)
    }
}

/// One scenario in progress: the target, what is bound, the trace so far.
struct Play<'t> {
    target: &'t mut dyn Target,
    b: Bindings,
    trace: Vec<StepRecord>,
    passed: usize,
}

impl Play<'_> {
    /// Runs one step of the trace: its exchanges are recorded with it, and a failure keeps
    /// the expected and actual side by side with a diff and a `curl` line.
    fn record(
        &mut self,
        kind: StepKind,
        title: &str,
        source: Option<String>,
        what: &str,
        f: impl FnOnce(&mut Self) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        let outcome = f(self);
        let exchanges = self.target.take_exchanges();
        let mut rec = StepRecord {
            kind,
            title: title.to_owned(),
            source,
            passed: outcome.is_ok(),
            message: None,
            expected: None,
            actual: None,
            diff: None,
            curl: None,
            exchanges,
        };
        let outcome = outcome.map_err(|stop| {
            rec.message = Some(stop.message().to_owned());
            let credential = self.target.credential_hint();
            rec.curl = rec
                .exchanges
                .iter()
                .rev()
                .find(|e| e.note.is_none())
                .or(rec.exchanges.last())
                .and_then(|e| e.curl(credential.as_deref()));
            match stop {
                Stop::Failed(f) => {
                    if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
                        rec.diff = Some(crate::diff::unified(e, a));
                    }
                    rec.expected = f.expected;
                    rec.actual = f.actual;
                    Stop::Failed(Box::new(Failure {
                        message: format!("{what}: {}", f.message),
                        expected: None,
                        actual: None,
                    }))
                }
                Stop::Unsupported(m) => Stop::Unsupported(format!("{what}: {m}")),
                Stop::Blocked(m) => Stop::Blocked(format!("{what}: {m}")),
            }
        });
        if outcome.is_ok() && kind != StepKind::Cleanup {
            self.passed += 1;
        }
        self.trace.push(rec);
        outcome
    }
}

/// Runs one scenario, from a reset target to its cleanup.
pub fn run_scenario(scenario: &Scenario<'_>, target: &mut dyn Target) -> ScenarioResult {
    let started = Instant::now();
    let mut result = describe(scenario);
    let mut play = Play {
        target,
        b: Bindings::default(),
        trace: Vec::new(),
        passed: 0,
    };
    let outcome = match scenario {
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
            result.steps = file.fixtures.len()
                + variant.fixtures.len()
                + steps.len()
                + variant.end_state.len();
            run_case(
                &mut play,
                &file.fixtures,
                &variant.fixtures,
                steps,
                &variant.end_state,
            )
        }
        Scenario::Rule { file, group, .. } => {
            result.steps = file.fixtures.len() + group.setup.len() + 1;
            run_rule(&mut play, scenario)
        }
    };
    let cleanup = play.target.cleanup();
    let exchanges = play.target.take_exchanges();
    match cleanup {
        Ok(left) => result.leftovers = left.objects,
        Err(e) => result.leftovers = vec![format!("cleanup failed: {e}")],
    }
    if !exchanges.is_empty() {
        play.trace.push(StepRecord {
            kind: StepKind::Cleanup,
            title: "Delete what the scenario created".to_owned(),
            source: None,
            passed: result.leftovers.is_empty(),
            message: (!result.leftovers.is_empty())
                .then(|| format!("left behind: {}", result.leftovers.join(", "))),
            expected: None,
            actual: None,
            diff: None,
            curl: None,
            exchanges,
        });
    }
    let (status, message) = match outcome {
        Ok(()) => (Status::Passed, None),
        Err(Stop::Failed(f)) => (Status::Failed, Some(f.message)),
        Err(Stop::Unsupported(m)) => (Status::Unsupported, Some(m)),
        Err(Stop::Blocked(m)) => (Status::Blocked, Some(m)),
    };
    result.status = status;
    result.message = message;
    result.passed = play.passed;
    result.trace = play.trace;
    result.duration_ms = ms(started.elapsed());
    result
}

fn run_case(
    play: &mut Play<'_>,
    fixtures: &[Step],
    own_fixtures: &[Step],
    steps: &[Step],
    end_state: &[EndState],
) -> Result<(), Stop> {
    play.target.reset()?;
    for (kind, list) in [
        (StepKind::Fixture, fixtures),
        (StepKind::Fixture, own_fixtures),
        (StepKind::Step, steps),
    ] {
        let word = if kind == StepKind::Fixture {
            "fixture"
        } else {
            "step"
        };
        for (i, step) in list.iter().enumerate() {
            let what = format!("{word} {} `{}`", i + 1, step.title);
            let source = step.source.as_ref().map(source_text);
            play.record(kind, &step.title, source, &what, |p| run_step(p, step))?;
        }
    }
    for e in end_state {
        let title = format!("end state of {}", e.resource);
        play.record(StepKind::EndState, &title, None, &title, |p| {
            check_end_state(p, e)
        })?;
    }
    Ok(())
}

fn run_rule(play: &mut Play<'_>, scenario: &Scenario<'_>) -> Result<(), Stop> {
    let Scenario::Rule {
        file, group, test, ..
    } = scenario
    else {
        return Ok(());
    };
    play.target.reset()?;
    for (i, step) in file.fixtures.iter().chain(&group.setup).enumerate() {
        let what = format!("fixture {} `{}`", i + 1, step.title);
        let source = step.source.as_ref().map(source_text);
        play.record(StepKind::Fixture, &step.title, source, &what, |p| {
            run_step(p, step)
        })?;
    }
    let source = Some(match &group.source {
        Some(s) => format!("rule {} ({})", group.rule, source_text(s)),
        None => format!("rule {}", group.rule),
    });
    let title = format!(
        "{} ({})",
        test.description,
        if test.valid { "valid" } else { "invalid" }
    );
    play.record(StepKind::Test, &title, source, "the test's call", |p| {
        rule_test(p, group, test)
    })
}

fn rule_test(
    play: &mut Play<'_>,
    group: &crate::format::RuleGroup,
    test: &crate::format::RuleTest,
) -> Result<(), Stop> {
    let b = &play.b;
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
            input: b.substitute(&test.body)?,
        },
        RuleCall::Function(code) => api_call(b, Some(code), None, uuid, query, &[], body)?,
        RuleCall::Operation(o) => api_call(
            b,
            None,
            Some((o.method, o.resource.as_str())),
            uuid,
            query,
            &[],
            body,
        )?,
        RuleCall::Ambiguous => {
            return Err(Stop::failed("no single function, operation or workflow"))
        }
    };
    let response = play.target.call(&call)?;
    let response = judged_view(play.target, &call, response)?;
    let applies =
        group.profiles.is_empty() || group.profiles.iter().any(|p| p == play.target.profile());
    let target = &*play.target;
    let b = &play.b;
    match (&test.expect, test.valid) {
        (Some(expect), true) => check(
            target,
            &response,
            &Expect {
                outcome: Outcome::Success,
                ..expect.clone()
            },
            b,
        ),
        (None, true) => check(target, &response, &Expect::default(), b),
        (Some(expect), false) if applies && expect.outcome == Outcome::NotFound => {
            check(target, &response, expect, b)
        }
        (_, false) if applies => check(
            target,
            &response,
            &Expect {
                outcome: Outcome::Rejected,
                invalid_params: test.invalid_params.clone(),
                ..Expect::default()
            },
            b,
        ),
        (_, false) => expect_silence(&response, &test.invalid_params).map_err(|m| {
            let doc = |ps: Vec<(String, String)>| {
                json!({"invalidParams": ps.into_iter().map(|(n, c)| json!({"name": n, "code": c})).collect::<Vec<_>>()})
            };
            Stop::Failed(Box::new(Failure {
                message: m,
                expected: Some(json!({"not reported": doc(test.invalid_params.iter().map(|p| (p.name.clone(), p.code.clone())).collect())})),
                actual: Some(json!({"status": response.status, "reported": doc(params(&response.body))})),
            }))
        }),
    }
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

fn run_step(play: &mut Play<'_>, step: &Step) -> Result<(), Stop> {
    let call = if let Some(name) = &step.workflow {
        let input = play
            .b
            .substitute(step.body.as_ref().unwrap_or(&Value::Null))?;
        Call::Workflow {
            name: name.clone(),
            input,
        }
    } else {
        api_call(
            &play.b,
            step.function.as_ref(),
            step.operation
                .as_ref()
                .map(|o| (o.method, o.resource.as_str())),
            step.uuid.as_ref(),
            &step.query,
            &step.expand,
            step.body.as_ref(),
        )?
    };
    let response = play.target.call(&call)?;
    let response = judged_view(play.target, &call, response)?;
    if step.expect.outcome == Outcome::Success && play.target.owned().is_some() {
        if let Some((name, _)) = params(&response.body)
            .into_iter()
            .find(|(_, code)| code == "unique")
        {
            return Err(Stop::Blocked(format!(
                "the value of `{name}` is already taken on the server (left by an earlier run?)"
            )));
        }
    }
    check(&*play.target, &response, &step.expect, &play.b)?;
    if let Some(name) = &step.bind {
        play.b.bind(name, response.body);
    }
    Ok(())
}

/// On a shared server, a search is judged on the scenario's own objects: the answer's
/// `results` cut to them (over every page, when there are several) and `count` their number.
/// A search that pages explicitly (`page`, `pageSize`) is judged as it came.
fn judged_view(target: &mut dyn Target, call: &Call, response: Response) -> Result<Response, Stop> {
    let Call::Api {
        method: Method::List,
        resource,
        query,
        ..
    } = call
    else {
        return Ok(response);
    };
    if target.owned().is_none() || !response.is_success() {
        return Ok(response);
    }
    if query.iter().any(|(k, _)| k == "page" || k == "pageSize") {
        // Pages cannot be cut to the scenario's own objects: a paged search is judged as it
        // came, which is exact only when nothing else on the server matches it.
        let filters: Vec<(String, String)> = query
            .iter()
            .filter(|(k, _)| k != "page" && k != "pageSize")
            .cloned()
            .collect();
        let all = list_all(target, *resource, &filters)?;
        let owned = target.owned();
        if all.iter().any(|o| !is_owned(owned, o)) {
            return Err(Stop::Blocked(
                "other objects on the shared server match this paged search; it can only be \
                 judged on a server that holds none"
                    .to_owned(),
            ));
        }
        return Ok(response);
    }
    let mut body = response.body;
    let results = if body.get("next").is_some_and(|n| !n.is_null()) {
        list_all(target, *resource, query)?
    } else {
        body.get("results")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let owned = target.owned();
    let mine: Vec<Value> = results.into_iter().filter(|r| is_owned(owned, r)).collect();
    if let Value::Object(m) = &mut body {
        m.insert("count".to_owned(), json!(mine.len()));
        m.insert("next".to_owned(), Value::Null);
        m.insert("previous".to_owned(), Value::Null);
        m.insert("results".to_owned(), Value::Array(mine));
    }
    Ok(Response {
        status: response.status,
        body,
    })
}

fn is_owned(owned: Option<&std::collections::HashSet<String>>, object: &Value) -> bool {
    match owned {
        None => true,
        Some(set) => object
            .get("uuid")
            .and_then(Value::as_str)
            .is_some_and(|u| set.contains(u)),
    }
}

/// Checks an answer against a step's expectation; on failure, the expected and the actual,
/// cut to the expectation's shape, go with the message.
fn check(
    target: &dyn Target,
    response: &Response,
    expect: &Expect,
    b: &Bindings,
) -> Result<(), Stop> {
    let expected = expectation(target, expect, b)?;
    match check_against(response, expect, &expected) {
        Ok(()) => Ok(()),
        Err(message) => {
            let wanted = expected.document();
            let actual = crate::diff::actual_for(&wanted, response.status, &response.body);
            Err(Stop::Failed(Box::new(Failure {
                message,
                expected: Some(wanted),
                actual: Some(actual),
            })))
        }
    }
}

/// An expectation with every variable substituted and every documented uuid localised.
struct Expected<'e> {
    expect: &'e Expect,
    body: Option<Value>,
    contains: Vec<Value>,
    not_contains: Vec<Value>,
}

impl Expected<'_> {
    /// The expectation as one JSON document, for reports.
    fn document(&self) -> Value {
        let e = self.expect;
        let mut doc = serde_json::Map::new();
        match e.outcome {
            Outcome::Success => {
                doc.insert("status".into(), json!("2xx"));
            }
            Outcome::NotFound => {
                doc.insert("status".into(), json!(404));
            }
            Outcome::Rejected => {
                doc.insert("status".into(), json!("4xx"));
                doc.insert(
                    "invalidParams".into(),
                    json!(e
                        .invalid_params
                        .iter()
                        .map(|p| json!({"name": p.name, "code": p.code}))
                        .collect::<Vec<_>>()),
                );
            }
        }
        if let Some(body) = &self.body {
            doc.insert("body".into(), body.clone());
        }
        if let Some(n) = e.count {
            doc.insert("count".into(), json!(n));
        }
        if !self.contains.is_empty() {
            doc.insert("results".into(), Value::Array(self.contains.clone()));
        }
        if !self.not_contains.is_empty() {
            doc.insert(
                "results never contain".into(),
                Value::Array(self.not_contains.clone()),
            );
        }
        if !e.absent.is_empty() {
            doc.insert("absent".into(), json!(e.absent));
        }
        if !e.keys.is_empty() {
            doc.insert("keys".into(), json!(e.keys));
        }
        Value::Object(doc)
    }
}

fn expectation<'e>(
    target: &dyn Target,
    expect: &'e Expect,
    b: &Bindings,
) -> Result<Expected<'e>, Stop> {
    let local = |v: &Value| -> Result<Value, String> { Ok(target.localise(&b.substitute(v)?)) };
    Ok(Expected {
        expect,
        body: expect.body.as_ref().map(local).transpose()?,
        contains: expect
            .contains
            .iter()
            .map(local)
            .collect::<Result<_, _>>()?,
        not_contains: expect
            .not_contains
            .iter()
            .map(local)
            .collect::<Result<_, _>>()?,
    })
}

fn check_against(
    response: &Response,
    expect: &Expect,
    expected: &Expected<'_>,
) -> Result<(), String> {
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
    if let Some(wanted) = &expected.body {
        contains(body, wanted)?;
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
    if !expected.contains.is_empty() || !expected.not_contains.is_empty() {
        let results = body
            .get("results")
            .and_then(Value::as_array)
            .ok_or("the answer has no `results`")?;
        each_matched(results, &expected.contains)?;
        for unwanted in &expected.not_contains {
            if results.iter().any(|r| contains(r, unwanted).is_ok()) {
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

/// The `(name, code)` of every `invalidParams` entry of a problem document.
pub fn params(body: &Value) -> Vec<(String, String)> {
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
        let done = results.is_empty() || response.body.get("next").is_some_and(Value::is_null);
        out.extend(results);
        if done || out.len() as u64 >= count {
            break;
        }
    }
    Ok(out)
}

fn check_end_state(play: &mut Play<'_>, e: &EndState) -> Result<(), Stop> {
    let resource = Resource::from_collection(&e.resource)
        .ok_or_else(|| Stop::failed(format!("unknown resource `{}`", e.resource)))?;
    let mut query = Vec::new();
    for (k, v) in &e.query {
        query.push((k.clone(), play.b.substitute_str(v)?));
    }
    let objects: Vec<Value> = list_all(play.target, resource, &query)?
        .into_iter()
        .filter(|o| is_owned(play.target.owned(), o))
        .collect();
    let wanted: Vec<Value> = e
        .objects
        .iter()
        .map(|v| Ok(play.target.localise(&play.b.substitute(v)?)))
        .collect::<Result<_, String>>()?;
    let outcome = match e.count {
        Some(n) if objects.len() != n => Err(format!("{} objects, expected {n}", objects.len())),
        _ => each_matched(&objects, &wanted),
    };
    outcome.map_err(|message| {
        let mut expected = json!({ "objects": wanted });
        if let Some(n) = e.count {
            expected["count"] = json!(n);
        }
        let actual = json!({
            "count": objects.len(),
            "objects": crate::diff::project(&Value::Array(objects), &expected["objects"]),
        });
        Stop::Failed(Box::new(Failure {
            message,
            expected: Some(expected),
            actual: Some(actual),
        }))
    })
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
