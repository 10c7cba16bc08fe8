//! How a response renders a property that holds nothing. Open Klant 2.18 renders every
//! property of a response: `""` for an unfilled text, `null` for a nullable value, `[]` for a
//! list, `{}` for `metadata`, `false` (or its declared default) for a boolean, and a complete
//! group of empty values for a gegevensgroep (`bezoekadres`, `contactnaam`, an
//! identificator). Clients read `partij["nummer"]` and `klantcontact["reactie"]` without
//! checking, so the model renders them too.
//!
//! These are serde `with` modules for the model's `Option` fields: they serialize absence as
//! the empty value and deserialize as before, so input keeps accepting absence as the spec
//! allows and a rendered response reads back to the same value.

// serde's `with` functions, and the helpers of hand-written serializers, take the field by
// reference, whatever its type.
#![allow(
    clippy::ref_option,
    clippy::option_option,
    clippy::trivially_copy_pass_by_ref
)]

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Nullable;

/// `Option<T>`: absent is `T::default()` (`""`, `false`, `{}`, an empty group), and the
/// default reads back as absent, so a stored object passes through its rendering unchanged
/// (`""` is "not filled", decision 4 of docs/decisions.md).
pub(crate) mod standaard {
    use super::{Deserialize, Deserializer, Serialize, Serializer};

    pub(crate) fn serialize<T, S>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error>
    where
        T: Serialize + Default,
        S: Serializer,
    {
        match v {
            Some(t) => t.serialize(s),
            None => T::default().serialize(s),
        }
    }

    pub(crate) fn deserialize<'de, T, D>(d: D) -> Result<Option<T>, D::Error>
    where
        T: Deserialize<'de> + Default + PartialEq,
        D: Deserializer<'de>,
    {
        Ok(Option::<T>::deserialize(d)?.filter(|t| *t != T::default()))
    }
}

/// `Option<bool>` with the API default `true` (`Actor.indicatieActief`).
pub(crate) mod waar {
    use super::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(v.unwrap_or(true))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Option::<bool>::deserialize(d)
    }
}

/// [`Nullable<T>`] (absent, `null`, a value): absent is `null`, and `null` reads back as
/// absent (inside a group, or in a response, the two mean the same).
pub(crate) mod null {
    use super::{Deserialize, Deserializer, Nullable, Serialize, Serializer};

    pub(crate) fn serialize<T, S>(v: &Nullable<T>, s: S) -> Result<S::Ok, S::Error>
    where
        T: Serialize,
        S: Serializer,
    {
        match &v.0 {
            Some(Some(t)) => s.serialize_some(t),
            _ => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, T, D>(d: D) -> Result<Nullable<T>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Nullable(Option::<T>::deserialize(d)?.map(Some)))
    }
}

/// [`Nullable<T>`] of a list or a gegevensgroep: absent and `null` are `T::default()`
/// (`[]`, a group of empty values), as Open Klant renders them.
pub(crate) mod compleet {
    use super::{Deserialize, Deserializer, Nullable, Serialize, Serializer};

    pub(crate) fn serialize<T, S>(v: &Nullable<T>, s: S) -> Result<S::Ok, S::Error>
    where
        T: Serialize + Default,
        S: Serializer,
    {
        match &v.0 {
            Some(Some(t)) => t.serialize(s),
            _ => T::default().serialize(s),
        }
    }

    pub(crate) fn deserialize<'de, T, D>(d: D) -> Result<Nullable<T>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Nullable::deserialize(d)
    }
}

/// `metadata` (`Option<BTreeMap<String, String>>`): `{}` when unset, and the keys in the order
/// Open Klant reads them back from PostgreSQL's `jsonb` (shorter keys first, then by their
/// bytes), so a client sees the same order from both.
pub(crate) mod metadata {
    use std::collections::BTreeMap;

    use serde::ser::SerializeMap;

    use super::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        v: &Option<BTreeMap<String, String>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut entries: Vec<(&String, &String)> = v.iter().flatten().collect();
        entries.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(b.0)));
        let mut m = s.serialize_map(Some(entries.len()))?;
        for (k, val) in entries {
            m.serialize_entry(k, val)?;
        }
        m.end()
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<BTreeMap<String, String>>, D::Error> {
        Option::<BTreeMap<String, String>>::deserialize(d)
    }
}

/// The value of an optional-nullable property, if it has one.
pub(crate) fn waarde<T>(v: &Nullable<T>) -> Option<&T> {
    v.as_ref().and_then(Option::as_ref)
}

/// An optional-nullable list, empty when unset.
pub(crate) fn lijst<T>(v: &Nullable<Vec<T>>) -> &[T] {
    waarde(v).map_or(&[], Vec::as_slice)
}

/// An optional text, `""` when unset.
pub(crate) fn tekst(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}
