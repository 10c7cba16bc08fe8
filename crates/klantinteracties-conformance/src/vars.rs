//! Bound variables: a step's `bind` names its answer, and any later string that is exactly
//! `$name` or `$name.dotted.path` stands for the value found there.

use std::collections::BTreeMap;

use serde_json::Value;

/// The answers bound so far in one scenario.
#[derive(Debug, Clone, Default)]
pub struct Bindings {
    values: BTreeMap<String, Value>,
}

impl Bindings {
    /// Binds `name` to `value`.
    pub fn bind(&mut self, name: &str, value: Value) {
        self.values.insert(name.to_owned(), value);
    }

    /// The value a `$name.path` reference stands for. `None` when `s` is no reference;
    /// an error when it is one that does not resolve.
    pub fn lookup(&self, s: &str) -> Option<Result<Value, String>> {
        let reference = reference(s)?;
        let mut parts = reference.split('.');
        let name = parts.next().unwrap_or_default();
        let Some(mut value) = self.values.get(name) else {
            return Some(Err(format!("`{s}`: nothing is bound to `{name}`")));
        };
        for part in parts {
            let next = match value {
                Value::Object(map) => map.get(part),
                Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            match next {
                Some(v) => value = v,
                None => return Some(Err(format!("`{s}`: `{part}` is not in the bound value"))),
            }
        }
        Some(Ok(value.clone()))
    }

    /// `value` with every reference replaced.
    pub fn substitute(&self, value: &Value) -> Result<Value, String> {
        Ok(match value {
            Value::String(s) => match self.lookup(s) {
                Some(found) => found?,
                None => value.clone(),
            },
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|v| self.substitute(v))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| Ok((k.clone(), self.substitute(v)?)))
                    .collect::<Result<_, String>>()?,
            ),
            other => other.clone(),
        })
    }

    /// A string with its reference replaced; a non-string value found there is written as
    /// JSON text without quotes (numbers, booleans).
    pub fn substitute_str(&self, s: &str) -> Result<String, String> {
        match self.lookup(s) {
            None => Ok(s.to_owned()),
            Some(found) => Ok(match found? {
                Value::String(v) => v,
                other => other.to_string(),
            }),
        }
    }

    /// The names bound to a uuid, by uuid: for readable snapshots.
    pub fn names_of_uuids(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (name, value) in &self.values {
            collect_uuids(value, name, &mut out);
        }
        out
    }
}

/// `s` without its `$` when it is a reference (`$name` or `$name.dotted.path`); `None` for any
/// other string, including `$` alone and `$$…`.
fn reference(s: &str) -> Option<&str> {
    let reference = s.strip_prefix('$')?;
    (!reference.is_empty() && !reference.starts_with('$')).then_some(reference)
}

/// The name a reference needs bound: `kc` for `$kc` and for `$kc.lijst.0.uuid`; `None` when
/// `s` is no reference and stays as it is.
pub fn reference_name(s: &str) -> Option<&str> {
    reference(s).map(|r| r.split('.').next().unwrap_or_default())
}

/// Every reference in `value`, in document order: the strings [`Bindings::substitute`]
/// replaces. Object keys are never references (`{"$any": "datetime"}` is a pattern).
pub fn references(value: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    collect_references(value, &mut out);
    out
}

fn collect_references<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::String(s) if reference(s).is_some() => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| collect_references(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect_references(v, out)),
        _ => {}
    }
}

fn collect_uuids(value: &Value, path: &str, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(u)) = map.get("uuid") {
                out.entry(u.clone()).or_insert_with(|| format!("${path}"));
            }
            for (k, v) in map {
                if k != "uuid" {
                    collect_uuids(v, &format!("{path}.{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_uuids(v, &format!("{path}.{i}"), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_resolve_and_others_stay() {
        let mut b = Bindings::default();
        b.bind("kc", json!({"uuid": "u1", "lijst": [{"uuid": "u2"}]}));
        let v = b
            .substitute(&json!({"a": "$kc.uuid", "b": ["$kc.lijst.0.uuid"], "c": "kc", "d": "$$x"}))
            .unwrap();
        assert_eq!(v, json!({"a": "u1", "b": ["u2"], "c": "kc", "d": "$$x"}));
        assert!(b.substitute(&json!("$kc.nergens")).is_err());
        assert!(b.substitute(&json!("$onbekend.uuid")).is_err());
        assert_eq!(b.names_of_uuids()["u2"], "$kc.lijst.0");
    }

    #[test]
    fn references_are_found_in_values_only() {
        let v = json!({"a": "$kc.uuid", "$any": "datetime", "b": [{"c": "$x"}, "$$y", "$", "z"]});
        assert_eq!(references(&v), vec!["$kc.uuid", "$x"]);
        assert_eq!(reference_name("$kc.lijst.0.uuid"), Some("kc"));
        assert_eq!(reference_name("$kc"), Some("kc"));
        assert_eq!(reference_name("$$kc"), None);
        assert_eq!(reference_name("kc"), None);
    }
}
