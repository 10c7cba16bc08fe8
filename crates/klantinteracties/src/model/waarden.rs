//! Formatted values of the information model (BSN, IBAN, postcode, ...).
//!
//! TEMPORARY STUB: every value accepts any non-empty string. It will be replaced by the real
//! implementation with the identical public API; the model uses only that API.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{Deserializer, IntoDeserializer};
use serde::{Deserialize, Serialize, Serializer};

/// Why a text is not a valid formatted value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaardeFout {
    /// Machine-readable error code (e.g. `invalid`, `required`).
    pub code: &'static str,
    /// Human-readable reason.
    pub reason: String,
    /// The rule (document or validator code) that was violated.
    pub rule: &'static str,
}

macro_rules! waarde {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Parses and checks a value.
            pub fn parse(s: &str) -> Result<Self, WaardeFout> {
                if s.is_empty() {
                    return Err(WaardeFout {
                        code: "blank",
                        reason: concat!(stringify!($name), " must not be empty").to_owned(),
                        rule: "stub",
                    });
                }
                Ok(Self(s.to_owned()))
            }

            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = WaardeFout;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = WaardeFout;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                Self::parse(&s).map_err(|e| serde::de::Error::custom(e.reason))
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string" })
            }
        }
    };
}

waarde!(
    /// Burgerservicenummer (BSN), 9 digits with the elfproef.
    Bsn
);
waarde!(
    /// Rechtspersonen en Samenwerkingsverbanden Informatienummer (RSIN), 9 digits.
    Rsin
);
waarde!(
    /// KvK-nummer of the Handelsregister, 8 digits.
    KvkNummer
);
waarde!(
    /// Vestigingsnummer of the Handelsregister, 12 digits.
    Vestigingsnummer
);
waarde!(
    /// International Bank Account Number.
    Iban
);
waarde!(
    /// Bank Identifier Code (8 or 11 characters).
    Bic
);
waarde!(
    /// Telephone number (`0612345678`, `+31612345678`, `0031612345678`).
    Telefoonnummer
);
waarde!(
    /// E-mail address.
    Emailadres
);
waarde!(
    /// Dutch postcode (`1234 AB`).
    Postcode
);
waarde!(
    /// BAG identification (nummeraanduiding-id), 16 digits.
    BagId
);
waarde!(
    /// Country code, ISO 3166-1 alpha-2 upper case (`NL`).
    Landcode
);
waarde!(
    /// Language code, ISO 639-2 (`nld`).
    Taalcode
);
waarde!(
    /// Calendar date (`2024-01-24`).
    Datum
);
waarde!(
    /// Date and time, RFC 3339 (`2024-01-24T10:34:16Z`).
    Datumtijd
);
waarde!(
    /// Reference slug (`^[-a-zA-Z0-9_]+$`), e.g. `DigitaalAdres.referentie`.
    Referentie
);

/// An optional formatted text value as API 0.9.0 renders it: the empty string `""` means
/// "not filled" (Open Klant stores `CharField(blank=True)` as `""`, never `null`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfLeeg<T> {
    /// Not filled: `""` on the wire.
    Leeg,
    /// A filled, valid value.
    Waarde(T),
}

impl<T: Serialize> Serialize for OfLeeg<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Leeg => serializer.serialize_str(""),
            Self::Waarde(t) => t.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OfLeeg<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if s.is_empty() {
            return Ok(Self::Leeg);
        }
        let de: serde::de::value::StringDeserializer<D::Error> = s.into_deserializer();
        T::deserialize(de).map(Self::Waarde)
    }
}

impl<T: JsonSchema> JsonSchema for OfLeeg<T> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("OfLeeg_{}", T::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inner = generator.subschema_for::<T>();
        json_schema!({ "anyOf": [ { "const": "" }, inner ] })
    }
}
