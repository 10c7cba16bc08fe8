//! Documented uuids and the ones an implementation assigned. A scenario writes the uuids the
//! standard's documents give (`49b22823-…` for the KCC medewerker); an implementation that
//! chooses its own ids (Open Klant ignores a `uuid` in a body) assigns others. Every later
//! body, path, query value and expectation speaks of the assigned one.

use std::collections::HashMap;

use serde_json::Value;

/// Documented uuid → assigned uuid.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdMap {
    assigned: HashMap<String, String>,
}

impl IdMap {
    /// Records that the object created with `documented` got `assigned`.
    pub(crate) fn insert(&mut self, documented: &str, assigned: &str) {
        if documented != assigned {
            self.assigned
                .insert(documented.to_owned(), assigned.to_owned());
        }
    }

    /// Forgets every mapping (a new scenario).
    pub(crate) fn clear(&mut self) {
        self.assigned.clear();
    }

    /// `s` with every documented uuid in it replaced (a whole value or part of a URL).
    pub(crate) fn text(&self, s: &str) -> String {
        if self.assigned.is_empty() {
            return s.to_owned();
        }
        if let Some(a) = self.assigned.get(s) {
            return a.clone();
        }
        let mut out = s.to_owned();
        for (d, a) in &self.assigned {
            if out.contains(d.as_str()) {
                out = out.replace(d.as_str(), a);
            }
        }
        out
    }

    /// `v` with every documented uuid replaced, throughout.
    pub(crate) fn value(&self, v: &Value) -> Value {
        if self.assigned.is_empty() {
            return v.clone();
        }
        match v {
            Value::String(s) => Value::String(self.text(s)),
            Value::Array(items) => Value::Array(items.iter().map(|i| self.value(i)).collect()),
            Value::Object(m) => {
                Value::Object(m.iter().map(|(k, v)| (k.clone(), self.value(v))).collect())
            }
            other => other.clone(),
        }
    }
}

/// Every `uuid` in `v`, at any depth.
pub(crate) fn uuids_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(u)) = m.get("uuid") {
                out.push(u.clone());
            }
            for child in m.values() {
                uuids_in(child, out);
            }
        }
        Value::Array(items) => {
            for i in items {
                uuids_in(i, out);
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
    fn documented_uuids_become_assigned_ones_in_values_and_urls() {
        let mut m = IdMap::default();
        m.insert("d-1", "a-1");
        m.insert("same", "same");
        let v =
            json!({"actor": {"uuid": "d-1", "url": "http://h/actoren/d-1"}, "x": ["same", "d-2"]});
        assert_eq!(
            m.value(&v),
            json!({"actor": {"uuid": "a-1", "url": "http://h/actoren/a-1"}, "x": ["same", "d-2"]})
        );
        let mut found = Vec::new();
        uuids_in(&m.value(&v), &mut found);
        assert_eq!(found, vec!["a-1"]);
    }
}
