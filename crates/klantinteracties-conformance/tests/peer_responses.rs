//! The embedded register answers as Open Klant 2.18.0 answered: the calls of
//! `conformance/peers/open-klant-2.18/calls.json` were sent to a live Open Klant 2.18.0
//! (`scripts/record-peer`; its answers are in `responses.json`) and are replayed here against
//! the embedded register in the open-klant profile.
//!
//! Compared per call: the status; for a rejection the `invalidParams` names and codes (the
//! reasons are each implementation's own words), for a 404 the `detail`; for a success the
//! whole body, key order included. Ids, URLs and the moments each server stamps are
//! normalised first. Every difference must be listed, with its reason, in `differences.json`,
//! and every listed difference must still occur.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use klantinteracties::register::{Method, Request};
use klantinteracties::rules::Profile;
use klantinteracties::Resource;
use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::vars::Bindings;
use klantinteracties_conformance::{Body, Call, Response, Target};
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../conformance/peers/open-klant-2.18")
}

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let text = std::fs::read_to_string(dir().join(name)).expect(name);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[derive(Debug, Deserialize)]
struct Calls {
    calls: Vec<PeerCall>,
}

#[derive(Debug, Deserialize)]
struct PeerCall {
    title: String,
    method: Method,
    resource: String,
    #[serde(default)]
    uuid: Option<String>,
    #[serde(default)]
    query: BTreeMap<String, String>,
    #[serde(default)]
    body: Option<Value>,
    #[serde(default)]
    bind: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Recording {
    peer: String,
    version: String,
    base_url: String,
    answers: Vec<Answer>,
}

#[derive(Debug, Deserialize)]
struct Answer {
    title: String,
    status: u16,
    body: Value,
}

#[derive(Debug, Deserialize)]
struct Differences {
    differences: Vec<Difference>,
}

/// A known difference: the call (by title), the path in the compared answer (`*` matches any
/// run of characters), and why.
#[derive(Debug, Deserialize)]
struct Difference {
    call: String,
    path: String,
    kind: String,
    reason: String,
}

/// One side's ids, named after the bound answers they first appear in.
#[derive(Default)]
struct Names(BTreeMap<String, String>);

impl Names {
    fn learn(&mut self, name: &str, value: &Value) {
        self.walk(name, value);
    }

    fn walk(&mut self, path: &str, value: &Value) {
        match value {
            Value::Object(m) => {
                if let Some(Value::String(u)) = m.get("uuid") {
                    self.0
                        .entry(u.to_lowercase())
                        .or_insert_with(|| format!("<{path}>"));
                }
                for (k, v) in m {
                    if k != "uuid" {
                        self.walk(&format!("{path}.{k}"), v);
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.walk(&format!("{path}.{i}"), v);
                }
            }
            _ => {}
        }
    }
}

/// The dates and moments the calls give; any other a server answers with is one it stamped.
fn given_moments(calls: &Calls) -> BTreeSet<String> {
    fn walk(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::String(s) => {
                out.insert(s.clone());
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(m) => m.values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for c in &calls.calls {
        if let Some(b) = &c.body {
            walk(b, &mut out);
        }
    }
    out
}

struct Normaliser<'a> {
    base: &'a str,
    names: &'a Names,
    given: &'a BTreeSet<String>,
}

impl Normaliser<'_> {
    fn value(&self, v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.text(s)),
            Value::Array(items) => Value::Array(items.iter().map(|i| self.value(i)).collect()),
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), self.value(v)))
                    .collect::<Map<String, Value>>(),
            ),
            v => v.clone(),
        }
    }

    fn text(&self, s: &str) -> String {
        if !self.given.contains(s) {
            if chrono::DateTime::parse_from_rfc3339(s).is_ok() {
                return "<moment>".to_owned();
            }
            if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
                return "<datum>".to_owned();
            }
        }
        let mut out = s.replace(self.base, "<api>");
        // Every UUID in the text (an id, or the last segment of a URL).
        let mut i = 0;
        while i + 36 <= out.len() {
            if let Some(candidate) = out.get(i..i + 36) {
                if let Ok(u) = Uuid::try_parse(candidate) {
                    let name = self
                        .names
                        .0
                        .get(&u.hyphenated().to_string())
                        .cloned()
                        .unwrap_or_else(|| "<uuid>".to_owned());
                    out.replace_range(i..i + 36, &name);
                    i += name.len();
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

/// What is compared of an answer.
fn compared(status: u16, body: &Value, n: &Normaliser<'_>) -> Value {
    let mut out = Map::new();
    out.insert("status".to_owned(), status.into());
    match status {
        400..=499 if status != 404 => {
            let mut params: Vec<String> = body["invalidParams"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    format!(
                        "{} {}",
                        p["name"].as_str().unwrap_or_default(),
                        p["code"].as_str().unwrap_or_default()
                    )
                })
                .collect();
            params.sort();
            out.insert("invalidParams".to_owned(), params.into());
        }
        404 => {
            out.insert("detail".to_owned(), body["detail"].clone());
        }
        _ => {
            out.insert("body".to_owned(), n.value(body));
        }
    }
    Value::Object(out)
}

/// The paths at which two compared answers differ: a value, a missing or extra key, or the
/// order of the keys of an object.
fn diff(path: &str, ours: &Value, theirs: &Value, out: &mut Vec<String>) {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get(k) {
                    Some(w) => diff(&format!("{path}.{k}"), w, v, out),
                    None => out.push(format!("{path}.{k} (only theirs)")),
                }
            }
            for k in a.keys().filter(|k| !b.contains_key(*k)) {
                out.push(format!("{path}.{k} (only ours)"));
            }
            let common: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
            let theirs_order: Vec<&String> = b.keys().filter(|k| a.contains_key(*k)).collect();
            if common != theirs_order {
                out.push(format!("{path} (key order)"));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}.{i}"), x, y, out);
            }
        }
        (a, b) if a == b => {}
        _ => out.push(path.to_owned()),
    }
}

fn matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else {
                return false;
            };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else {
                return false;
            };
            rest = &rest[at + part.len()..];
        }
    }
    rest.is_empty()
}

fn call_ours(target: &mut EmbeddedTarget, b: &Bindings, c: &PeerCall) -> Response {
    let resource = Resource::from_collection(&c.resource).expect("a collection");
    let mut uuid = None;
    if let Some(u) = &c.uuid {
        let text = match b.lookup(u) {
            Some(found) => found
                .expect("bound")
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            None => u.clone(),
        };
        match Request::new(c.method, resource).with_path_id(&text) {
            Ok(req) => uuid = req.uuid,
            Err(e) => {
                return Response {
                    status: e.problem().status,
                    body: serde_json::to_value(e.problem()).unwrap_or_default(),
                }
            }
        }
    }
    let query = c
        .query
        .iter()
        .map(|(k, v)| {
            let v = match b.lookup(v) {
                Some(found) => found
                    .expect("bound")
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                None => v.clone(),
            };
            (k.clone(), v)
        })
        .collect();
    let body = c
        .body
        .as_ref()
        .map(|v| Body::Json(b.substitute(v).expect("bound")));
    target
        .call(&Call::Api {
            function: None,
            method: c.method,
            resource,
            uuid,
            body,
            query,
        })
        .expect("the embedded target answers")
}

#[test]
fn the_embedded_register_answers_as_open_klant_did() {
    let calls: Calls = load("calls.json");
    let recording: Recording = load("responses.json");
    let known: Differences = load("differences.json");
    assert_eq!(
        recording.answers.len(),
        calls.calls.len(),
        "recorded every call"
    );
    assert!(!recording.peer.is_empty() && !recording.version.is_empty());
    let given = given_moments(&calls);
    let mut target = EmbeddedTarget::new(Profile::OpenKlant);
    target.reset().expect("reset");
    let ours_base = {
        // The embedded register's API root, read off its first answer.
        let url = call_ours(&mut target, &Bindings::default(), &calls.calls[0]).body["url"]
            .as_str()
            .expect("a url")
            .to_owned();
        target.reset().expect("reset");
        url.rsplitn(3, '/').nth(2).expect("an API root").to_owned()
    };
    let mut ours_b = Bindings::default();
    let (mut ours_names, mut theirs_names) = (Names::default(), Names::default());
    let mut found: Vec<(String, String)> = Vec::new();
    for (c, theirs) in calls.calls.iter().zip(&recording.answers) {
        assert_eq!(c.title, theirs.title, "the recording follows the calls");
        let ours = call_ours(&mut target, &ours_b, c);
        if let Some(name) = &c.bind {
            ours_b.bind(name, ours.body.clone());
            ours_names.learn(name, &ours.body);
            theirs_names.learn(name, &theirs.body);
        }
        let a = compared(
            ours.status,
            &ours.body,
            &Normaliser {
                base: &ours_base,
                names: &ours_names,
                given: &given,
            },
        );
        let b = compared(
            theirs.status,
            &theirs.body,
            &Normaliser {
                base: &recording.base_url,
                names: &theirs_names,
                given: &given,
            },
        );
        let mut paths = Vec::new();
        diff("", &a, &b, &mut paths);
        for p in paths {
            found.push((c.title.clone(), p.trim_start_matches('.').to_owned()));
        }
    }
    let differing: BTreeSet<&String> = found.iter().map(|(call, _)| call).collect();
    eprintln!(
        "{} of {} answers identical to {} {}'s ({} differ, each difference listed)",
        calls.calls.len() - differing.len(),
        calls.calls.len(),
        recording.peer,
        recording.version,
        differing.len()
    );
    let unexplained: Vec<String> = found
        .iter()
        .filter(|(call, path)| {
            !known
                .differences
                .iter()
                .any(|d| matches(&d.call, call) && matches(&d.path, path))
        })
        .map(|(call, path)| format!("{call}: {path}"))
        .collect();
    let stale: Vec<String> = known
        .differences
        .iter()
        .filter(|d| {
            !found
                .iter()
                .any(|(call, path)| matches(&d.call, call) && matches(&d.path, path))
        })
        .map(|d| format!("{}: {}", d.call, d.path))
        .collect();
    for d in &known.differences {
        assert!(
            ["open-klant-defect", "decision", "standaard-only"].contains(&d.kind.as_str())
                && !d.reason.is_empty(),
            "{}: {}: a kind and a reason",
            d.call,
            d.path
        );
    }
    assert!(
        unexplained.is_empty() && stale.is_empty(),
        "differences with {} {} not in differences.json:\n  {}\nlisted but no longer found:\n  {}",
        recording.peer,
        recording.version,
        unexplained.join("\n  "),
        stale.join("\n  ")
    );
}
