//! JSON text to a value (`document.json`), refusing what serde_json's own `Value` lets through
//! or reports only as a syntax error: a key that occurs twice in one object (the last one
//! would silently win, and the standard's JSON cannot mean both), a byte-order mark, a number
//! out of range (`1e400`), a `\u` escape that is a lone surrogate. Each is a `parse_error`
//! with line, column and its real cause; no message quotes the document.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::report::Violation;

use crate::rules::catalogue::DOCUMENT_JSON;

/// The message of the custom error for a repeated key (never the key itself).
const DUPLICATE: &str = "duplicate key";

/// Parses `bytes` as one JSON document.
pub(super) fn parse(bytes: &[u8]) -> Result<Value, Violation> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(violation(
            1,
            1,
            "het document begint met een byte-order-mark (BOM), die JSON niet toestaat",
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = Checked::deserialize(&mut de).and_then(|Checked(v)| de.end().map(|()| v));
    value.map_err(|e| json_error(&e))
}

fn violation(line: usize, column: usize, what: &str) -> Violation {
    Violation {
        name: "nonFieldErrors".to_owned(),
        code: "parse_error".to_owned(),
        reason: format!("JSON parse-fout op regel {line}, kolom {column}: {what}."),
        rule: DOCUMENT_JSON.id.to_owned(),
    }
}

/// A serde_json error as a violation: its position and cause, in words of our own (serde's
/// messages can quote the document).
fn json_error(e: &serde_json::Error) -> Violation {
    let message = e.to_string();
    let what = if message.starts_with(DUPLICATE) {
        "een sleutel komt twee keer voor in hetzelfde object"
    } else if message.starts_with("number out of range") {
        "een getal valt buiten het bereik dat JSON-getallen hier kunnen hebben"
    } else if message.contains("surrogate") || message.starts_with("unexpected end of hex escape") {
        "een \\u-escape is geen geldig Unicode-teken (een losse of onvolledige surrogaat)"
    } else if message.starts_with("recursion limit exceeded") {
        "het document is te diep genest"
    } else {
        match e.classify() {
            serde_json::error::Category::Eof => "onverwacht einde van het document",
            serde_json::error::Category::Syntax => "ongeldige JSON-syntaxis",
            serde_json::error::Category::Io => "het document kon niet worden gelezen",
            serde_json::error::Category::Data => "ongeldige gegevens",
        }
    };
    violation(e.line(), e.column(), what)
}

/// A JSON value built as serde_json builds its `Value`, but refusing a repeated key.
struct Checked(Value);

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CheckedVisitor).map(Checked)
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Checked::deserialize(d).map(|Checked(v)| v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Checked(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Checked(value) = map.next_value()?;
            // One lookup: an insert that replaces something found the key twice.
            if object.insert(key, value).is_some() {
                return Err(de::Error::custom(DUPLICATE));
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> String {
        parse(text.as_bytes()).unwrap_err().reason
    }

    #[test]
    fn values_are_those_serde_json_makes() {
        for text in [
            r#"{"a": [1, -2, 3.5, true, null, "x", {"b": {}}], "c": 18446744073709551615}"#,
            "[]",
            "\"\\u00e9\"",
            "1e300",
        ] {
            let ours = parse(text.as_bytes()).unwrap();
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn each_cause_is_named_without_quoting_the_document() {
        let r = reason(r#"{"bsn": "111222333", "bsn": "999999999"}"#);
        assert!(r.contains("twee keer") && r.contains("regel 1"), "{r}");
        assert!(!r.contains("bsn") && !r.contains("111222333"), "{r}");
        assert!(reason("\u{feff}{}").contains("byte-order-mark"));
        assert!(reason(r#"{"a": 1e400}"#).contains("bereik"));
        assert!(reason(r#"{"a": "\ud800"}"#).contains("surrogaat"));
        assert!(reason(r#"{"a": tru}"#).contains("syntaxis"));
        assert!(reason(r#"{"a": "jan@example.nl" "#).contains("einde"));
        // The same key in different objects is fine.
        assert!(parse(br#"{"a": {"x": 1}, "b": {"x": 2}}"#).is_ok());
    }
}
