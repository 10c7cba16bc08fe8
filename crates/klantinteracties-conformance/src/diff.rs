//! Expected and actual side by side: the actual answer cut to the shape of what a step
//! expected (so a diff shows the differences, not the hundred fields nobody asked about), and
//! a unified diff of the two.

use serde_json::{json, Map, Value};

use crate::matching::at;
use crate::run::params;

/// `actual` cut to the shape of `expected`: of an object only the keys `expected` has (all of
/// them when `expected` is no object), of a list each member against the expected member at
/// the same place (or the first).
pub fn project(actual: &Value, expected: &Value) -> Value {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => Value::Object(
            e.iter()
                .filter_map(|(k, ev)| a.get(k).map(|av| (k.clone(), project(av, ev))))
                .collect(),
        ),
        (Value::Array(a), Value::Array(e)) if !e.is_empty() => Value::Array(
            a.iter()
                .enumerate()
                .map(|(i, av)| project(av, e.get(i).unwrap_or(&e[0])))
                .collect(),
        ),
        _ => actual.clone(),
    }
}

/// The actual answer in the shape of an expectation document (`status`, `body`, `count`,
/// `results`, `invalidParams`, …).
pub fn actual_for(wanted: &Value, status: u16, body: &Value) -> Value {
    let mut doc = Map::new();
    doc.insert("status".into(), json!(status));
    let failed = !(200..300).contains(&status);
    if wanted.get("invalidParams").is_some() || failed {
        let reported = params(body);
        if reported.is_empty() && failed {
            if let Some(detail) = body.get("detail") {
                doc.insert("detail".into(), detail.clone());
            }
        }
        doc.insert(
            "invalidParams".into(),
            Value::Array(
                reported
                    .into_iter()
                    .map(|(n, c)| json!({"name": n, "code": c}))
                    .collect(),
            ),
        );
    }
    if failed {
        return Value::Object(doc);
    }
    if let Some(e) = wanted.get("body") {
        doc.insert("body".into(), project(body, e));
    }
    if wanted.get("count").is_some() {
        doc.insert(
            "count".into(),
            body.get("count").cloned().unwrap_or(Value::Null),
        );
    }
    let results = body.get("results").cloned().unwrap_or(Value::Null);
    if let Some(e) = wanted.get("results") {
        doc.insert("results".into(), project(&results, e));
    } else if let Some(e) = wanted.get("results never contain") {
        doc.insert("results".into(), project(&results, e));
    }
    if let Some(paths) = wanted.get("absent").and_then(Value::as_array) {
        let found: Map<String, Value> = paths
            .iter()
            .filter_map(Value::as_str)
            .map(|p| (p.to_owned(), at(body, p).cloned().unwrap_or(Value::Null)))
            .collect();
        doc.insert("absent".into(), Value::Object(found));
    }
    if let Some(keys) = wanted.get("keys").and_then(Value::as_object) {
        let found: Map<String, Value> = keys
            .keys()
            .map(|p| {
                let object = if p.is_empty() {
                    Some(body)
                } else {
                    at(body, p)
                };
                let names: Vec<Value> = object
                    .and_then(Value::as_object)
                    .map(|m| m.keys().map(|k| json!(k)).collect())
                    .unwrap_or_default();
                (p.clone(), Value::Array(names))
            })
            .collect();
        doc.insert("keys".into(), Value::Object(found));
    }
    Value::Object(doc)
}

/// A unified diff of the pretty-printed documents (`-` expected, `+` actual).
pub fn unified(expected: &Value, actual: &Value) -> String {
    let e = serde_json::to_string_pretty(expected).unwrap_or_default();
    let a = serde_json::to_string_pretty(actual).unwrap_or_default();
    similar::TextDiff::from_lines(&e, &a)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_what_was_asked_and_the_diff_shows_the_difference() {
        let actual = json!({"uuid": "u", "naam": "B", "extra": 1, "lijst": [{"a": 1, "b": 2}]});
        let expected = json!({"naam": "A", "lijst": [{"a": 1}]});
        let p = project(&actual, &expected);
        assert_eq!(p, json!({"naam": "B", "lijst": [{"a": 1}]}));
        let d = unified(&expected, &p);
        assert!(d.contains("-  \"naam\": \"A\""), "{d}");
        assert!(d.contains("+  \"naam\": \"B\""), "{d}");
        assert!(!d.contains("extra"));
    }

    #[test]
    fn a_refusal_is_shown_by_its_invalid_params() {
        let wanted = json!({"status": "2xx", "body": {"naam": "A"}});
        let body =
            json!({"invalidParams": [{"name": "naam", "code": "max_length", "reason": "…"}]});
        assert_eq!(
            actual_for(&wanted, 400, &body),
            json!({"status": 400, "invalidParams": [{"name": "naam", "code": "max_length"}]})
        );
    }
}
