//! JSON Schemas of every resource, generated with schemars from the model types: the create
//! body (`…Input`) and the response. The schemas describe shapes and formats; the rules that
//! span fields or depend on the profile are in [`crate::rules`] and `docs/rules.md`.
//! `docs/schemas/` holds them as files, checked for staleness by a test.

use schemars::{generate::SchemaSettings, JsonSchema};
use serde_json::Value;

use crate::Resource;

pub(crate) fn schema_of<T: JsonSchema>(resource: Resource, response: bool) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    let title = format!(
        "{} ({})",
        resource.collection(),
        if response { "response" } else { "create body" }
    );
    schema.insert("title".to_owned(), Value::String(title));
    schema.insert(
        "$id".to_owned(),
        Value::String(format!(
            "klantinteracties:schema:{}:{}",
            resource.collection(),
            if response { "response" } else { "input" }
        )),
    );
    sorted(schema.to_value())
}

/// `value` with the keys of every object in name order: the canonical form in which the
/// schemas are published, whatever order the generator inserted them in.
pub fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        v => v,
    }
}

/// The JSON Schema of `resource`'s create body, or of its response when `response`.
pub fn json_schema(resource: Resource, response: bool) -> Value {
    resource.json_schema(response)
}

/// The file name under `docs/schemas/` for a resource's schema.
pub fn file_name(resource: Resource, response: bool) -> String {
    format!(
        "{}.{}.schema.json",
        resource.collection(),
        if response { "response" } else { "input" }
    )
}
