//! What validation accepted, put in the form the model holds before the document is typed,
//! so that whatever validation accepts the register can store:
//!
//! - read-only properties in an input document are dropped: validation ignores them, as DRF
//!   does (a client may PUT back what it GOT), so their values must not reach the types;
//! - numbers in `metadata` values become text, as Open Klant stores them (R23: a `DictField`
//!   of `CharField`s stores `{"zaak": 12}` as `"12"`); the `open-klant` profile accepts them.

use serde_json::Value;

use super::shape::{Kind, Shape, Use};

/// Puts `value`, a document of `shape` that validation accepted, in the model's form, in
/// place. `response` tells the direction (read-only properties stay in a response).
pub fn normalise(value: &mut Value, shape: &Shape, response: bool) {
    let Value::Object(map) = value else {
        return;
    };
    if !response {
        map.retain(|k, _| shape.field(k).is_none_or(|f| f.input != Use::ReadOnly));
    }
    // The shapes of variant fields, chosen by their discriminator before the fields are
    // borrowed mutably.
    let chosen: Vec<Option<&'static Shape>> = shape
        .fields
        .iter()
        .map(|f| match f.kind {
            Kind::Variant {
                discriminator,
                variants,
            } => map
                .get(discriminator)
                .and_then(Value::as_str)
                .and_then(|d| variants.iter().find(|(n, _)| *n == d))
                .map(|(_, s)| *s),
            _ => None,
        })
        .collect();
    for (field, variant) in shape.fields.iter().zip(chosen) {
        if let Some(v) = map.get_mut(field.name) {
            match variant {
                Some(s) => normalise(v, s, response),
                None => kind(v, &field.kind, response),
            }
        }
    }
}

fn kind(value: &mut Value, kind_: &Kind, response: bool) {
    match (kind_, value) {
        (Kind::Object(shape), v) => normalise(v, shape, response),
        (Kind::List(item), Value::Array(items)) => {
            for i in items {
                kind(i, item, response);
            }
        }
        (Kind::Map(_), Value::Object(entries)) => {
            for v in entries.values_mut() {
                if let Value::Number(n) = v {
                    *v = Value::String(n.to_string());
                }
            }
        }
        _ => {}
    }
}
