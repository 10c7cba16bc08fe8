//! Loading the suite from its folder and checking it beyond what the types check: both
//! `cases/` and `rules/` hold files, every step names exactly one known function, operation
//! or workflow, every `$name` reference names a binding made before it, ids are unique, rule
//! groups have a valid and an invalid test; an expectations file is for the target it is
//! loaded for.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use klantinteracties::register::functie;
use klantinteracties::Resource;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::format::{
    CaseFile, EndState, Expect, Expectations, RuleFile, RuleGroup, RuleTest, Source, Step, Variant,
};
use crate::vars;

/// The suite: every case file and rule file of a `conformance/` folder.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The folder (`conformance/`); `<embedded>` for [`Suite::embedded`].
    pub root: PathBuf,
    /// Whether the files were compiled in ([`Suite::embedded`]) rather than read from `root`.
    pub embedded: bool,
    /// Case files by file stem (`C9167`), in name order.
    pub cases: Vec<(String, CaseFile)>,
    /// Rule files by file stem (`partijen`), in name order.
    pub rules: Vec<(String, RuleFile)>,
}

/// One runnable scenario: a case variant or a rule test.
#[derive(Debug, Clone, Copy)]
pub enum Scenario<'s> {
    /// A variant of a case.
    Case {
        /// The case file.
        file: &'s CaseFile,
        /// The variant.
        variant: &'s Variant,
        /// Whether this runs the variant's `viaWorkflow` steps instead of its `steps`.
        workflow: bool,
    },
    /// One test of a rule group.
    Rule {
        /// The rule file's stem.
        stem: &'s str,
        /// The rule file.
        file: &'s RuleFile,
        /// The group.
        group: &'s RuleGroup,
        /// The test.
        test: &'s RuleTest,
        /// Its number among the tests of the same rule in the file, from 1.
        n: usize,
    },
}

impl Scenario<'_> {
    /// The id: `C9167/A`, or `rules/partijen/veld.max-lengte/2`.
    pub fn id(&self) -> String {
        match self {
            Scenario::Case {
                file,
                variant,
                workflow,
            } => {
                let mut id = file.case.clone();
                if variant.name != "-" {
                    id = format!("{id}/{}", variant.name);
                }
                if *workflow {
                    id.push_str("@workflow");
                }
                id
            }
            Scenario::Rule { stem, group, n, .. } => format!("rules/{stem}/{}/{n}", group.rule),
        }
    }

    /// Whether a target of `profile` runs it: a rule test may be meant for one profile.
    pub fn is_for(&self, profile: &str) -> bool {
        match self {
            Scenario::Case { .. } => true,
            Scenario::Rule { test, .. } => {
                test.profiles.is_empty() || test.profiles.iter().any(|p| p == profile)
            }
        }
    }

    /// A one-line title.
    pub fn title(&self) -> String {
        match self {
            Scenario::Case { file, variant, .. } if variant.name == "-" => file.title.clone(),
            Scenario::Case { file, variant, .. } => format!("{}: {}", file.title, variant.title),
            Scenario::Rule { group, test, .. } => {
                format!(
                    "{} ({}): {}",
                    group.rule,
                    if test.valid { "valid" } else { "invalid" },
                    test.description
                )
            }
        }
    }

    /// The source document.
    pub fn source(&self) -> Option<&Source> {
        match self {
            Scenario::Case { file, variant, .. } => variant.source.as_ref().or(Some(&file.source)),
            Scenario::Rule { group, .. } => group.source.as_ref(),
        }
    }

    /// Whether it runs a case workflow of the library (`viaWorkflow` steps, a `workflow`
    /// step or a rule tested through a workflow): only targets that offer them run it.
    pub fn needs_workflows(&self) -> bool {
        match self {
            Scenario::Case {
                file,
                variant,
                workflow,
            } => {
                *workflow
                    || file
                        .fixtures
                        .iter()
                        .chain(&variant.fixtures)
                        .chain(&variant.steps)
                        .any(|s| s.workflow.is_some())
            }
            Scenario::Rule {
                file, group, test, ..
            } => {
                matches!(rule_call(group, test), RuleCall::Workflow(_))
                    || file
                        .fixtures
                        .iter()
                        .chain(&group.setup)
                        .any(|s| s.workflow.is_some())
            }
        }
    }

    /// Whether this is a case variant.
    pub fn is_case(&self) -> bool {
        matches!(self, Scenario::Case { .. })
    }
}

/// A problem with a file of the suite.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct LoadError {
    /// The file.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl Suite {
    /// Loads `root/cases/*.json` and `root/rules/*.json` and checks them; every problem found
    /// is returned, not just the first. A folder without `cases/` or `rules/`, or with no
    /// file in one of them, is refused: a run of what is left would pass without judging.
    pub fn load(root: impl AsRef<Path>) -> Result<Self, Vec<LoadError>> {
        let root = root.as_ref().to_path_buf();
        if !root.is_dir() {
            return Err(vec![LoadError {
                file: root.display().to_string(),
                message: "no such folder".to_owned(),
            }]);
        }
        let mut errors = Vec::new();
        let cases = read_dir::<CaseFile>(&root.join("cases"), "case", &mut errors);
        let rules = read_dir::<RuleFile>(&root.join("rules"), "rule", &mut errors);
        Self {
            root,
            embedded: false,
            cases,
            rules,
        }
        .checked(errors)
    }

    /// The suite as it was when this crate was built, compiled in: what an installed command
    /// line or Python wheel runs, with no folder at hand.
    pub fn embedded() -> Result<Self, Vec<LoadError>> {
        let mut errors = Vec::new();
        let cases = parse_embedded::<CaseFile>("cases/", &mut errors);
        let rules = parse_embedded::<RuleFile>("rules/", &mut errors);
        for (empty, dir, kind) in [
            (cases.is_empty(), "cases", "case"),
            (rules.is_empty(), "rules", "rule"),
        ] {
            if empty {
                errors.push(LoadError {
                    file: format!("<embedded>/{dir}"),
                    message: format!("no {kind} files (`*.json`)"),
                });
            }
        }
        Self {
            root: PathBuf::from("<embedded>"),
            embedded: true,
            cases,
            rules,
        }
        .checked(errors)
    }

    fn checked(self, mut errors: Vec<LoadError>) -> Result<Self, Vec<LoadError>> {
        errors.extend(self.check());
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }

    /// The suite's folder next to this crate (`<workspace>/conformance`).
    pub fn default_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance")
    }

    /// A fingerprint of the suite's content: the SHA-256 of every case and rule file as loaded
    /// (canonical JSON, in name order), so a run record says which suite judged it whether
    /// the files were read from disk or compiled in.
    pub fn hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (stem, file) in &self.cases {
            h.update(stem.as_bytes());
            h.update(serde_json::to_vec(file).unwrap_or_default());
        }
        for (stem, file) in &self.rules {
            h.update(stem.as_bytes());
            h.update(serde_json::to_vec(file).unwrap_or_default());
        }
        h.finalize()
            .iter()
            .fold(String::with_capacity(64), |mut out, b| {
                use std::fmt::Write as _;
                let _ = write!(out, "{b:02x}");
                out
            })
    }

    /// Every scenario a target of `profile` runs, cases first, in file order: rule tests
    /// meant for the other profile are left out (see [`Suite::scenarios`]).
    pub fn scenarios_for(&self, workflows: bool, profile: &str) -> Vec<Scenario<'_>> {
        let mut all = self.scenarios(workflows);
        all.retain(|s| s.is_for(profile));
        all
    }

    /// Every scenario, cases first, in file order. With `workflows`, each variant that has
    /// `viaWorkflow` steps also runs through them; without, rule tests that need a workflow
    /// are left out.
    pub fn scenarios(&self, workflows: bool) -> Vec<Scenario<'_>> {
        let mut out = Vec::new();
        for (_, file) in &self.cases {
            for variant in &file.variants {
                out.push(Scenario::Case {
                    file,
                    variant,
                    workflow: false,
                });
                if workflows && !variant.via_workflow.is_empty() {
                    out.push(Scenario::Case {
                        file,
                        variant,
                        workflow: true,
                    });
                }
            }
        }
        for (stem, file) in &self.rules {
            let mut counts: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            for group in &file.groups {
                for test in &group.tests {
                    let n = counts.entry(group.rule.as_str()).or_default();
                    *n += 1;
                    let scenario = Scenario::Rule {
                        stem,
                        file,
                        group,
                        test,
                        n: *n,
                    };
                    if workflows || !scenario.needs_workflows() {
                        out.push(scenario);
                    }
                }
            }
        }
        out
    }

    /// The expectations of `target` (`root/expectations/<target>.json`); none when the file
    /// does not exist. A file whose `target` names another target is refused: it lists
    /// another implementation's deviations.
    pub fn expectations(&self, target: &str) -> Result<Expectations, LoadError> {
        let (file, expectations) = if self.embedded {
            let name = format!("expectations/{target}.json");
            match embedded::FILES.iter().find(|(n, _)| *n == name) {
                Some((n, text)) => (name, parse::<Expectations>(n, text)?),
                None => return Ok(Self::no_expectations(target)),
            }
        } else {
            let path = self
                .root
                .join("expectations")
                .join(format!("{target}.json"));
            if !path.exists() {
                return Ok(Self::no_expectations(target));
            }
            (path.display().to_string(), read_file(&path)?)
        };
        if expectations.target != target {
            return Err(LoadError {
                file,
                message: format!(
                    "the file is for target `{}`, not `{target}`: the expectations of `{target}` \
                     say \"target\": \"{target}\"",
                    expectations.target
                ),
            });
        }
        Ok(expectations)
    }

    fn no_expectations(target: &str) -> Expectations {
        Expectations {
            target: target.to_owned(),
            deviations: Vec::new(),
        }
    }

    fn check(&self) -> Vec<LoadError> {
        let mut errors = Vec::new();
        for (stem, file) in &self.cases {
            let mut err = |m: String| {
                errors.push(LoadError {
                    file: format!("cases/{stem}.json"),
                    message: m,
                });
            };
            if &file.case != stem {
                err(format!("case `{}` is in a file named `{stem}`", file.case));
            }
            if file.variants.is_empty() {
                err("no variants".to_owned());
            }
            let mut names: Vec<&str> = file.variants.iter().map(|v| v.name.as_str()).collect();
            names.sort_unstable();
            if names.windows(2).any(|w| w[0] == w[1]) {
                err("two variants have the same name".to_owned());
            }
            for v in &file.variants {
                if v.steps.is_empty() {
                    err(format!("variant {}: no steps", v.name));
                }
                for e in &v.end_state {
                    if Resource::from_collection(&e.resource).is_none() {
                        err(format!(
                            "variant {}: end state of unknown resource `{}`",
                            v.name, e.resource
                        ));
                    }
                }
            }
            for m in check_case_steps(file) {
                err(format!("case {}, {m}", file.case));
            }
        }
        for (stem, file) in &self.rules {
            let mut err = |m: String| {
                errors.push(LoadError {
                    file: format!("rules/{stem}.json"),
                    message: m,
                });
            };
            let mut file_bound = Bound::default();
            for (i, step) in file.fixtures.iter().enumerate() {
                for m in file_bound.step(step) {
                    err(format!("fixture {} `{}`: {m}", i + 1, step.title));
                }
            }
            for group in &file.groups {
                let mut bound = file_bound.clone();
                for (i, step) in group.setup.iter().enumerate() {
                    for m in bound.step(step) {
                        err(format!(
                            "{}: setup step {} `{}`: {m}",
                            group.rule,
                            i + 1,
                            step.title
                        ));
                    }
                }
                for p in &group.profiles {
                    if p != "standaard" && p != "open-klant" {
                        err(format!("{}: unknown profile `{p}`", group.rule));
                    }
                }
                // A rule that refuses nothing (`antwoord.*`) is shown by valid calls only.
                let refuses = !klantinteracties::register::regels::RULES
                    .iter()
                    .any(|r| r.id == group.rule && r.codes.is_empty());
                if !group.tests.iter().any(|t| t.valid)
                    || (refuses && !group.tests.iter().any(|t| !t.valid))
                {
                    err(format!(
                        "{}: a group needs a valid and an invalid test",
                        group.rule
                    ));
                }
                for t in &group.tests {
                    for p in &t.profiles {
                        if p != "standaard" && p != "open-klant" {
                            err(format!(
                                "{}: test `{}`: unknown profile `{p}`",
                                group.rule, t.description
                            ));
                        }
                    }
                    if let Err(m) = check_call(rule_call(group, t), false) {
                        err(format!("{}: test `{}`: {m}", group.rule, t.description));
                    }
                    for m in bound.rule_test(group, t) {
                        err(format!("{}: test `{}`: {m}", group.rule, t.description));
                    }
                    let not_found = t
                        .expect
                        .as_ref()
                        .is_some_and(|e| e.outcome == crate::format::Outcome::NotFound);
                    if !t.valid && t.invalid_params.is_empty() && !not_found {
                        err(format!(
                            "{}: invalid test `{}` lists no invalidParams",
                            group.rule, t.description
                        ));
                    }
                }
            }
        }
        errors
    }
}

/// The steps of a case, as its scenarios run them: the case's fixtures, then per variant its
/// fixtures, its `steps` and its end state, and again from its fixtures its `viaWorkflow`
/// steps and its end state. Each problem as `<where>: <what>`.
fn check_case_steps(file: &CaseFile) -> Vec<String> {
    let mut out = Vec::new();
    let mut case_bound = Bound::default();
    for (i, step) in file.fixtures.iter().enumerate() {
        for m in case_bound.step(step) {
            out.push(format!("fixture {} `{}`: {m}", i + 1, step.title));
        }
    }
    for v in &file.variants {
        let mut bound = case_bound.clone();
        for (i, step) in v.fixtures.iter().enumerate() {
            for m in bound.step(step) {
                out.push(format!(
                    "variant {}, fixture {} `{}`: {m}",
                    v.name,
                    i + 1,
                    step.title
                ));
            }
        }
        let mut after_steps = bound.clone();
        for (i, step) in v.steps.iter().enumerate() {
            for m in after_steps.step(step) {
                out.push(format!(
                    "variant {}, step {} `{}`: {m}",
                    v.name,
                    i + 1,
                    step.title
                ));
            }
        }
        for (i, e) in v.end_state.iter().enumerate() {
            for m in after_steps.end_state(e, None) {
                out.push(format!(
                    "variant {}, endState {} ({}): {m}",
                    v.name,
                    i + 1,
                    e.resource
                ));
            }
        }
        if v.via_workflow.is_empty() {
            continue;
        }
        let mut after_workflow = bound;
        for (i, step) in v.via_workflow.iter().enumerate() {
            for m in after_workflow.step(step) {
                out.push(format!(
                    "variant {}, viaWorkflow step {} `{}`: {m}",
                    v.name,
                    i + 1,
                    step.title
                ));
            }
        }
        for (i, e) in v.end_state.iter().enumerate() {
            for m in after_workflow.end_state(e, Some(&after_steps)) {
                out.push(format!(
                    "variant {}, endState {} ({}) after the viaWorkflow steps: {m}",
                    v.name,
                    i + 1,
                    e.resource
                ));
            }
        }
    }
    out
}

/// The names bound so far in one scenario, while its files are checked: every `$name` and
/// `$name.path` must name a step that ran before (a step's own `bind` comes after its
/// call and its expectation are made).
#[derive(Debug, Clone, Default)]
struct Bound<'a> {
    names: HashSet<&'a str>,
}

impl<'a> Bound<'a> {
    /// The problems of a step (its call, its references), after which its `bind` is bound.
    fn step(&mut self, step: &'a Step) -> Vec<String> {
        let mut out = Vec::new();
        if let Err(m) = check_step(step) {
            out.push(m);
        }
        if let Some(u) = &step.uuid {
            self.str_refs("uuid", u, &mut out);
        }
        for (k, v) in &step.query {
            self.str_refs(&format!("query `{k}`"), v, &mut out);
        }
        if let Some(body) = &step.body {
            self.value_refs("body", body, &mut out);
        }
        self.expect_refs(&step.expect, &mut out);
        if let Some(name) = &step.bind {
            self.names.insert(name);
        }
        out
    }

    /// The unbound references of a rule test's call (its own `uuid` and `query`, else its
    /// group's) and of its `expect`.
    fn rule_test(&self, group: &RuleGroup, test: &RuleTest) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(u) = test.uuid.as_ref().or(group.uuid.as_ref()) {
            self.str_refs("uuid", u, &mut out);
        }
        let query = if test.query.is_empty() {
            &group.query
        } else {
            &test.query
        };
        for (k, v) in query {
            self.str_refs(&format!("query `{k}`"), v, &mut out);
        }
        self.value_refs("body", &test.body, &mut out);
        if let Some(expect) = &test.expect {
            self.expect_refs(expect, &mut out);
        }
        out
    }

    /// The unbound references of an end state; those `reported` already has unbound too
    /// are left out (the same end state checked after the `steps` and the `viaWorkflow`
    /// steps is reported once).
    fn end_state(&self, e: &EndState, reported: Option<&Self>) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in &e.query {
            self.str_refs(&format!("query `{k}`"), v, &mut out);
        }
        for o in &e.objects {
            self.value_refs("objects", o, &mut out);
        }
        if let Some(earlier) = reported {
            let mut again = Vec::new();
            for (k, v) in &e.query {
                earlier.str_refs(&format!("query `{k}`"), v, &mut again);
            }
            for o in &e.objects {
                earlier.value_refs("objects", o, &mut again);
            }
            out.retain(|m| !again.contains(m));
        }
        out
    }

    fn expect_refs(&self, expect: &Expect, out: &mut Vec<String>) {
        if let Some(body) = &expect.body {
            self.value_refs("expect.body", body, out);
        }
        for v in &expect.contains {
            self.value_refs("expect.contains", v, out);
        }
        for v in &expect.not_contains {
            self.value_refs("expect.notContains", v, out);
        }
    }

    fn value_refs(&self, place: &str, value: &Value, out: &mut Vec<String>) {
        for r in vars::references(value) {
            self.str_refs(place, r, out);
        }
    }

    fn str_refs(&self, place: &str, s: &str, out: &mut Vec<String>) {
        if let Some(name) = vars::reference_name(s) {
            if !self.names.contains(name) {
                out.push(format!(
                    "{place}: `{s}`: nothing is bound to `{name}` by an earlier fixture or step"
                ));
            }
        }
    }
}

fn check_step(step: &Step) -> Result<(), String> {
    check_call(
        classify(
            step.function.as_ref(),
            step.operation.as_ref(),
            step.workflow.as_ref(),
        ),
        true,
    )
}

/// Whether a call names exactly one known function, collection or (with `workflows`)
/// workflow. Rule tests leave workflow names to the run: `workflow.naam` tests an unknown one.
fn check_call(call: RuleCall<'_>, workflows: bool) -> Result<(), String> {
    match call {
        RuleCall::Function(code) if functie(code).is_none() => {
            Err(format!("unknown function `{code}`"))
        }
        RuleCall::Operation(op) if Resource::from_collection(&op.resource).is_none() => {
            Err(format!("unknown resource `{}`", op.resource))
        }
        RuleCall::Workflow(name)
            if workflows && klantinteracties::workflows::info(name).is_none() =>
        {
            Err(format!("unknown workflow `{name}`"))
        }
        RuleCall::Ambiguous => {
            Err("give exactly one of `function`, `operation`, `workflow`".to_owned())
        }
        _ => Ok(()),
    }
}

/// Every `*.json` of `dir`, parsed, by file stem; a missing or empty folder is an error
/// (`kind` names its files: `case`, `rule`).
fn read_dir<T: DeserializeOwned>(
    dir: &Path,
    kind: &str,
    errors: &mut Vec<LoadError>,
) -> Vec<(String, T)> {
    let error = |message: String| LoadError {
        file: dir.display().to_string(),
        message,
    };
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            errors.push(error(format!(
                "no such folder: a suite holds its {kind} files (`*.json`) here"
            )));
            return Vec::new();
        }
        Err(e) => {
            errors.push(error(e.to_string()));
            return Vec::new();
        }
    };
    if paths.is_empty() {
        errors.push(error(format!("no {kind} files (`*.json`)")));
    }
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        match read_file::<T>(&path) {
            Ok(file) => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((stem, file));
            }
            Err(e) => errors.push(e),
        }
    }
    out
}

fn read_file<T: DeserializeOwned>(path: &Path) -> Result<T, LoadError> {
    let file = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|e| LoadError {
        file: file.clone(),
        message: e.to_string(),
    })?;
    parse(&file, &text)
}

fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

/// The compiled-in files below `prefix` (`cases/`), parsed, by file stem.
fn parse_embedded<T: DeserializeOwned>(
    prefix: &str,
    errors: &mut Vec<LoadError>,
) -> Vec<(String, T)> {
    let mut out = Vec::new();
    for (name, text) in embedded::FILES {
        let Some(stem) = name
            .strip_prefix(prefix)
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        match parse::<T>(name, text) {
            Ok(file) => out.push((stem.to_owned(), file)),
            Err(e) => errors.push(e),
        }
    }
    out
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_suite.rs"));
}

/// The call a rule test makes: its own function, operation or workflow, else its group's.
pub fn rule_call<'a>(group: &'a RuleGroup, test: &'a RuleTest) -> RuleCall<'a> {
    if test.function.is_some() || test.operation.is_some() || test.workflow.is_some() {
        classify(
            test.function.as_ref(),
            test.operation.as_ref(),
            test.workflow.as_ref(),
        )
    } else {
        classify(
            group.function.as_ref(),
            group.operation.as_ref(),
            group.workflow.as_ref(),
        )
    }
}

fn classify<'a>(
    function: Option<&'a String>,
    operation: Option<&'a crate::format::Operation>,
    workflow: Option<&'a String>,
) -> RuleCall<'a> {
    match (function, operation, workflow) {
        (Some(f), None, None) => RuleCall::Function(f),
        (None, Some(o), None) => RuleCall::Operation(o),
        (None, None, Some(w)) => RuleCall::Workflow(w),
        _ => RuleCall::Ambiguous,
    }
}

/// What a rule test calls.
#[derive(Debug, Clone, Copy)]
pub enum RuleCall<'a> {
    /// An F-function.
    Function(&'a String),
    /// An operation without F-code.
    Operation(&'a crate::format::Operation),
    /// A case workflow.
    Workflow(&'a String),
    /// None, or more than one.
    Ambiguous,
}
