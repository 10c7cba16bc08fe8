//! Reading a workflow's input: JSON into its typed input with serde, with every error
//! reported as an [`Error::Invalid`] at the dotted JSON path where it occurred (architecture
//! §6: `name`, `code`, `reason`, `rule`), never as a panic.
//!
//! serde stops at the first error and does not say where it was; a small deserializer over
//! [`Value`] adds the path on the way out: each object key and list index an error passes
//! through is put in front of its path. A missing or unknown field names itself.

use std::fmt::{self, Display};

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Expected, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

use crate::regel::Rule;
use crate::register::Error;
use crate::workflows::regels::WORKFLOW_INVOER;

/// The rule id of an input that does not fit the workflow's input type.
pub(crate) const REGEL: &Rule = &WORKFLOW_INVOER;

/// Reads `input` as `T`; an error names the JSON path and a ZGW code (`required`,
/// `unknown-field`, `invalid_choice`, `invalid`).
pub(crate) fn lees<T: DeserializeOwned>(input: &Value) -> Result<T, Error> {
    T::deserialize(Gevolgd(input)).map_err(|f| {
        let name = if f.pad.is_empty() {
            "nonFieldErrors".to_owned()
        } else {
            f.pad.join(".")
        };
        Error::invalid(&name, f.code, f.reden, REGEL)
    })
}

/// A deserialization error with the path it occurred at.
#[derive(Debug)]
pub(crate) struct Fout {
    pad: Vec<String>,
    code: &'static str,
    reden: String,
}

impl Fout {
    fn nieuw(code: &'static str, reden: String) -> Self {
        Self {
            pad: Vec::new(),
            code,
            reden,
        }
    }

    fn onder(mut self, stap: String) -> Self {
        self.pad.insert(0, stap);
        self
    }
}

impl Display for Fout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pad.join("."), self.reden)
    }
}

impl std::error::Error for Fout {}

impl de::Error for Fout {
    fn custom<T: Display>(msg: T) -> Self {
        Self::nieuw("invalid", msg.to_string())
    }

    // serde's `Unexpected` quotes the value (`string "jan.jansen@example.nl"`); only its kind
    // is named, as the value may be personal data.
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::nieuw(
            "invalid",
            format!(
                "Ongeldig type: {} ontvangen, {exp} verwacht.",
                soort(&unexp)
            ),
        )
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::nieuw(
            "invalid",
            format!(
                "Ongeldige waarde: {} ontvangen, {exp} verwacht.",
                soort(&unexp)
            ),
        )
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        Self::nieuw(
            "invalid",
            format!("Ongeldige lengte {len}, {exp} verwacht."),
        )
    }

    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        // The value itself is not repeated: it may be personal data.
        Self::nieuw(
            "invalid_choice",
            format!("Ongeldige keuze; kies uit: {}.", expected.join(", ")),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let bekend = if expected.is_empty() {
            "geen".to_owned()
        } else {
            expected.join(", ")
        };
        // The name is the client's: only a safe identifier is repeated, as the path; another
        // (a BSN, an e-mail address) is reported on the object.
        if crate::rules::is_safe_name(field) {
            Self::nieuw(
                "unknown-field",
                format!("Onbekend veld; bekend zijn: {bekend}."),
            )
            .onder(field.to_owned())
        } else {
            Self::nieuw(
                "unknown-field",
                format!("Onbekend veld (naam weggelaten); bekend zijn: {bekend}."),
            )
            .onder("nonFieldErrors".to_owned())
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Self::nieuw("required", "Dit veld is vereist.".to_owned()).onder(field.to_owned())
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::nieuw("invalid", "Dit veld komt dubbel voor.".to_owned()).onder(field.to_owned())
    }
}

/// The kind of an unexpected value, in Dutch, without the value itself.
fn soort(unexp: &Unexpected<'_>) -> &'static str {
    match unexp {
        Unexpected::Bool(_) => "boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "geheel getal",
        Unexpected::Float(_) => "getal",
        Unexpected::Char(_) | Unexpected::Str(_) => "tekst",
        Unexpected::Bytes(_) => "bytes",
        Unexpected::Unit => "null",
        Unexpected::Option => "optionele waarde",
        Unexpected::NewtypeStruct | Unexpected::NewtypeVariant => "enkelvoudige waarde",
        Unexpected::Seq | Unexpected::TupleVariant => "lijst",
        Unexpected::Map | Unexpected::StructVariant => "object",
        Unexpected::Enum | Unexpected::UnitVariant => "keuze",
        Unexpected::Other(_) => "andere waarde",
    }
}

/// A JSON value being deserialized; errors from inside it leave with their path.
struct Gevolgd<'a>(&'a Value);

impl<'de> de::Deserializer<'de> for Gevolgd<'de> {
    type Error = Fout;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fout> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visitor.visit_seq(Lijst {
                items: a.iter().enumerate(),
            }),
            Value::Object(m) => visitor.visit_map(Object {
                items: m.iter(),
                waarde: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fout> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Fout> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fout> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
            other => de::Deserializer::deserialize_enum(other, name, variants, visitor)
                .map_err(|e| Fout::nieuw("invalid", e.to_string())),
        }
    }

    /// A struct is read from an object only (serde would also take a list of its fields).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fout> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(visitor),
            other => Err(de::Error::invalid_type(onverwacht(other), &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fout> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

fn onverwacht(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => n.as_i64().map_or_else(
            || Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
            Unexpected::Signed,
        ),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

struct Lijst<I> {
    items: I,
}

impl<'de, I: Iterator<Item = (usize, &'de Value)>> SeqAccess<'de> for Lijst<I> {
    type Error = Fout;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Fout> {
        match self.items.next() {
            None => Ok(None),
            Some((i, v)) => seed
                .deserialize(Gevolgd(v))
                .map(Some)
                .map_err(|f| f.onder(i.to_string())),
        }
    }
}

struct Object<'de> {
    items: serde_json::map::Iter<'de>,
    waarde: Option<(&'de str, &'de Value)>,
}

impl<'de> MapAccess<'de> for Object<'de> {
    type Error = Fout;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Fout> {
        match self.items.next() {
            None => Ok(None),
            Some((k, v)) => {
                self.waarde = Some((k, v));
                seed.deserialize(BorrowedStrDeserializer::new(k)).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Fout> {
        match self.waarde.take() {
            // A key that may be personal data (of a map with free keys) is left out of the
            // path: the error is reported on the map.
            Some((k, v)) => seed.deserialize(Gevolgd(v)).map_err(|f| {
                if crate::rules::is_safe_name(k) {
                    f.onder(k.to_owned())
                } else {
                    f
                }
            }),
            None => Err(Fout::nieuw("invalid", "Waarde zonder sleutel.".to_owned())),
        }
    }
}

/// The object of a body input, or an `invalid` error at `pad`.
pub(crate) fn object<'a>(body: &'a Value, pad: &str) -> Result<&'a Map<String, Value>, Error> {
    body.as_object().ok_or_else(|| {
        Error::invalid(
            pad,
            "invalid",
            "Verwacht een object (een body van API 0.9.0).",
            REGEL,
        )
    })
}
