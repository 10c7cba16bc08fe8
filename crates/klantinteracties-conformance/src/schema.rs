//! The JSON Schemas of the file format, generated from its Rust types and checked in at
//! `conformance/schema/` (regenerate with `scripts/generate-docs`).

use serde_json::Value;

use crate::format::{CaseFile, Expectations, RuleFile};
use crate::http::TargetFile;

/// Every schema with its file name.
pub fn schemas() -> Vec<(&'static str, Value)> {
    vec![
        ("case.schema.json", with_id::<CaseFile>("case.schema.json")),
        ("rule.schema.json", with_id::<RuleFile>("rule.schema.json")),
        (
            "expectations.schema.json",
            with_id::<Expectations>("expectations.schema.json"),
        ),
        (
            "target.schema.json",
            with_id::<TargetFile>("target.schema.json"),
        ),
    ]
}

fn with_id<T: schemars::JsonSchema>(name: &str) -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default();
    if let Value::Object(map) = &mut schema {
        map.insert(
            "$id".to_owned(),
            Value::String(format!(
                "https://github.com/klantinteracties/klantinteracties/conformance/schema/{name}"
            )),
        );
    }
    klantinteracties::schema::sorted(schema)
}
