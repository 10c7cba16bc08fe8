//! [`Nullable`]: a property of a create or update body that may be absent, `null` or a value,
//! three states that mean different things (API 0.9.0: a PATCH leaves an absent property
//! alone and clears a `null` one).

use std::borrow::Cow;
use std::ops::{Deref, DerefMut};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Absent (`Nullable(None)`), `null` (`Nullable(Some(None))`) or a value
/// (`Nullable(Some(Some(v)))`). It reads as the `Option<Option<T>>` it wraps (`Deref`), and
/// brings its own serde and JSON Schema, so a field needs only
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`: absent is left out,
/// `null` is written as `null`, and its schema is that of `Option<T>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nullable<T>(pub Option<Option<T>>);

impl<T> Nullable<T> {
    /// Absent.
    pub const ABSENT: Self = Self(None);
    /// `null`.
    pub const NULL: Self = Self(Some(None));

    /// Present with a value.
    pub const fn value(v: T) -> Self {
        Self(Some(Some(v)))
    }

    /// The value, if there is one (absent and `null` both give `None`).
    pub fn flatten(self) -> Option<T> {
        self.0.flatten()
    }

    /// Whether the property is absent (serde's `skip_serializing_if`).
    pub const fn is_absent(&self) -> bool {
        self.0.is_none()
    }
}

impl<T> Default for Nullable<T> {
    fn default() -> Self {
        Self::ABSENT
    }
}

impl<T> From<Option<Option<T>>> for Nullable<T> {
    fn from(v: Option<Option<T>>) -> Self {
        Self(v)
    }
}

impl<T> Deref for Nullable<T> {
    type Target = Option<Option<T>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<T> DerefMut for Nullable<T> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(Some(v)) => s.serialize_some(v),
            _ => s.serialize_none(),
        }
    }
}

/// A property that is there is `null` or a value; an absent one never reaches this (the
/// field's `#[serde(default)]` makes it absent).
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(d).map(|v| Self(Some(v)))
    }
}

/// The schema of `Option<T>` (a value or `null`), so that the published schemas are those of
/// the plain optional field.
impl<T: JsonSchema> JsonSchema for Nullable<T> {
    fn inline_schema() -> bool {
        <Option<T>>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        <Option<T>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <Option<T>>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Option<T>>::json_schema(generator)
    }

    fn _schemars_private_non_optional_json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Option<T>>::_schemars_private_non_optional_json_schema(generator)
    }

    fn _schemars_private_is_option() -> bool {
        <Option<T>>::_schemars_private_is_option()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Body {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        nummer: Nullable<String>,
    }

    #[test]
    fn absent_null_and_a_value_read_and_write_as_three_states() {
        for (json, state) in [
            ("{}", Nullable::ABSENT),
            (r#"{"nummer":null}"#, Nullable::NULL),
            (r#"{"nummer":"12"}"#, Nullable::value("12".to_owned())),
        ] {
            let body: Body = serde_json::from_str(json).expect("a body");
            assert_eq!(body.nummer, state, "{json}");
            assert_eq!(serde_json::to_string(&body).expect("json"), json);
        }
    }

    #[test]
    fn its_schema_is_the_schema_of_an_option() {
        let ours = schemars::schema_for!(Nullable<String>);
        let option = schemars::schema_for!(Option<String>);
        assert_eq!(ours, option);
        assert_ne!(ours, schemars::schema_for!(String));
    }
}
