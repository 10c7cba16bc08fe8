//! How an answer is compared with an expectation: objects by subset, arrays element by
//! element with equal length, everything else by equality. Mismatches are reported with the
//! path where they are.
//!
//! One expected value is a pattern: `{"$any": "datetime"}` matches any date-time (for a moment
//! the implementation stamps with its own clock, such as an interne taak's `afgehandeldOp`,
//! which only a target with a deterministic clock could predict).

use serde_json::Value;

/// The first place where `actual` does not contain `expected`, as `path: reason`.
pub fn contains(actual: &Value, expected: &Value) -> Result<(), String> {
    walk(actual, expected, "")
}

fn walk(actual: &Value, expected: &Value, path: &str) -> Result<(), String> {
    let here = || if path.is_empty() { "(root)" } else { path };
    if let Some(kind) = pattern(expected) {
        return if matches_kind(actual, kind) {
            Ok(())
        } else {
            Err(format!("{}: is {actual}, expected any {kind}", here()))
        };
    }
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (k, ev) in e {
                let p = join(path, k);
                match a.get(k) {
                    Some(av) => walk(av, ev, &p)?,
                    None if ev.is_null() => {}
                    None => return Err(format!("{p}: missing, expected {ev}")),
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                return Err(format!(
                    "{}: {} items, expected {}",
                    here(),
                    a.len(),
                    e.len()
                ));
            }
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                walk(av, ev, &join(path, &i.to_string()))?;
            }
            Ok(())
        }
        (a, e) if a == e => Ok(()),
        (Value::String(a), Value::String(e)) if same_moment(a, e) => Ok(()),
        (a, e) => Err(format!("{}: is {a}, expected {e}", here())),
    }
}

/// Whether two texts are date-times of the same moment (`2023-03-01T10:00:00+01:00` and
/// `2023-03-01T09:00:00Z`): an implementation may answer a moment in another offset.
fn same_moment(a: &str, e: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(e),
    ) {
        (Ok(a), Ok(e)) => a == e,
        _ => false,
    }
}

/// The kind of an `{"$any": kind}` pattern.
fn pattern(expected: &Value) -> Option<&str> {
    match expected {
        Value::Object(m) if m.len() == 1 => m.get("$any").and_then(Value::as_str),
        _ => None,
    }
}

/// Whether `actual` is a value of `kind`: `datetime` (RFC 3339).
fn matches_kind(actual: &Value, kind: &str) -> bool {
    match (kind, actual) {
        ("datetime", Value::String(s)) => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        _ => false,
    }
}

fn join(path: &str, k: &str) -> String {
    if path.is_empty() {
        k.to_owned()
    } else {
        format!("{path}.{k}")
    }
}

/// The value at a dotted path, if any.
pub fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, part| match v {
        Value::Object(map) => map.get(part),
        Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

/// Matches each expected object to a different actual object (greedy, in order). The
/// error names the first expected object without a match and the closest reason.
pub fn each_matched(actual: &[Value], expected: &[Value]) -> Result<(), String> {
    let mut used = vec![false; actual.len()];
    for (i, e) in expected.iter().enumerate() {
        let mut reason = None;
        let found = actual.iter().enumerate().position(|(j, a)| {
            if used[j] {
                return false;
            }
            match contains(a, e) {
                Ok(()) => true,
                Err(r) => {
                    reason.get_or_insert(r);
                    false
                }
            }
        });
        match found {
            Some(j) => used[j] = true,
            None => {
                return Err(format!(
                    "expected object {i} ({e}) not found{}",
                    reason
                        .map(|r| format!("; nearest difference: {r}"))
                        .unwrap_or_default()
                ))
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn any_datetime_matches_a_moment_and_nothing_else() {
        use serde_json::json;
        let want = json!({"afgehandeldOp": {"$any": "datetime"}});
        assert!(super::contains(
            &json!({"afgehandeldOp": "2026-12-04T19:05:28.294795Z"}),
            &want
        )
        .is_ok());
        assert!(super::contains(&json!({"afgehandeldOp": null}), &want).is_err());
        assert!(super::contains(&json!({"afgehandeldOp": "gisteren"}), &want).is_err());
        assert!(super::contains(&json!({}), &want).is_err());
    }

    #[test]
    fn a_moment_matches_in_any_offset_but_not_another_moment() {
        let want = json!({"plaatsgevondenOp": "2023-03-01T10:00:00+01:00"});
        assert!(
            super::contains(&json!({"plaatsgevondenOp": "2023-03-01T09:00:00Z"}), &want).is_ok()
        );
        assert!(
            super::contains(&json!({"plaatsgevondenOp": "2023-03-01T10:00:00Z"}), &want).is_err()
        );
    }
    use super::*;
    use serde_json::json;

    #[test]
    fn subset_semantics() {
        let a = json!({"a": 1, "b": [{"c": 2, "d": 3}], "e": null});
        assert!(contains(&a, &json!({"b": [{"c": 2}]})).is_ok());
        assert!(contains(&a, &json!({"e": null, "f": null})).is_ok());
        assert_eq!(
            contains(&a, &json!({"b": [{"c": 3}]})).unwrap_err(),
            "b.0.c: is 2, expected 3"
        );
        assert!(contains(&a, &json!({"b": []})).is_err());
        assert!(contains(&a, &json!({"x": 1})).is_err());
        assert_eq!(at(&a, "b.0.d"), Some(&json!(3)));
    }

    #[test]
    fn each_expected_object_needs_its_own_match() {
        let actual = [json!({"r": "klant"}), json!({"r": "klant"})];
        assert!(each_matched(&actual, &[json!({"r": "klant"}), json!({"r": "klant"})]).is_ok());
        assert!(each_matched(
            &actual[..1],
            &[json!({"r": "klant"}), json!({"r": "klant"})]
        )
        .is_err());
    }
}
