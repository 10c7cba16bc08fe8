//! Debug output without personal data (issue 14, item 9).
//!
//! The value types that hold personal data (a BSN, an IBAN, an e-mail address, a postcode, …)
//! print as `Bsn(<redacted>)`; the structs with free text about a person (names, addresses,
//! notes, the `adres` of a digitaal adres, the `objectId` of an identificator) print that text
//! as `<redacted>`, keeping its shape (`None`, `Some(..)`, `""`, the length of a list) so that a
//! Debug line still says what was filled. Everything that derives `Debug` around them (a
//! [`super::PartijInput`], the register's tables) redacts with them. Display and serde are
//! unchanged: they are what the API answers are made of.

use std::collections::BTreeMap;
use std::fmt;

/// Whether a name from a document (an unknown property, a `metadata` key, a query parameter)
/// may be repeated in a message: an identifier of at most 64 ASCII letters, digits and
/// underscores that starts with a letter or underscore and has no run of five or more digits.
/// Anything else (a BSN, an e-mail address, a name with a space) may be personal data, and is
/// left out.
pub fn is_safe_name(name: &str) -> bool {
    let b = name.as_bytes();
    let mut digits = 0;
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|&c| {
            digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
            (c.is_ascii_alphanumeric() || c == b'_') && digits < 5
        })
}

/// What a redacted value prints.
pub(crate) const REDACTED: &str = "<redacted>";

/// A value printed by its shape only (see [`Vorm`]).
pub(crate) struct Verhuld<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Vorm + ?Sized> fmt::Debug for Verhuld<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.vorm(f)
    }
}

/// The shape of a value without its content.
pub(crate) trait Vorm {
    /// Writes the shape.
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl Vorm for str {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // That a text is empty says nothing about anyone.
        if self.is_empty() {
            f.write_str("\"\"")
        } else {
            f.write_str(REDACTED)
        }
    }
}

impl Vorm for String {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().vorm(f)
    }
}

impl Vorm for u32 {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: Vorm> Vorm for Option<T> {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            None => f.write_str("None"),
            Some(v) => f.debug_tuple("Some").field(&Verhuld(v)).finish(),
        }
    }
}

impl<T: Vorm> Vorm for super::Nullable<T> {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.vorm(f)
    }
}

impl<T: Vorm> Vorm for Vec<T> {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(Verhuld)).finish()
    }
}

impl<K, V> Vorm for BTreeMap<K, V> {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The keys are the client's too.
        write!(f, "{{{REDACTED}; {} entries}}", self.len())
    }
}

impl Vorm for serde_json::Value {
    fn vorm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use serde_json::Value;
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(_) => f.write_str(REDACTED),
            Value::String(s) => s.vorm(f),
            Value::Array(items) => f.debug_list().entries(items.iter().map(Verhuld)).finish(),
            Value::Object(map) => {
                let mut m = f.debug_map();
                for (k, v) in map {
                    if is_safe_name(k) {
                        m.entry(&k, &Verhuld(v));
                    } else {
                        m.entry(&format_args!("{REDACTED}"), &Verhuld(v));
                    }
                }
                m.finish()
            }
        }
    }
}

/// Implements `Debug` for a struct as `derive(Debug)` would, except that the fields marked
/// `: verhuld` print their shape only ([`Vorm`]). Every field must be listed (the struct is
/// destructured), so a field added later cannot slip past unnoticed.
macro_rules! verhulde_debug {
    ($ty:ident $(<$g:ident>)? { $($veld:ident $(: $verhuld:ident)?),* $(,)? }) => {
        impl$(<$g: std::fmt::Debug>)? std::fmt::Debug for $ty$(<$g>)? {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let Self { $($veld),* } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($veld), &$crate::model::verhuld::verhulde_debug!(@veld $veld $(, $verhuld)?)))*
                    .finish()
            }
        }
    };
    (@veld $veld:ident) => { $veld };
    (@veld $veld:ident, verhuld) => { $crate::model::verhuld::Verhuld($veld) };
}

pub(crate) use verhulde_debug;

#[cfg(test)]
mod tests {
    use super::*;

    struct Voorbeeld {
        naam: Option<String>,
        leeg: String,
        nummer: u32,
        code: &'static str,
        lijst: Vec<String>,
    }

    verhulde_debug!(Voorbeeld {
        naam: verhuld,
        leeg: verhuld,
        nummer: verhuld,
        code,
        lijst: verhuld
    });

    #[test]
    fn redacted_fields_keep_their_shape() {
        let v = Voorbeeld {
            naam: Some("Jan Jansen".to_owned()),
            leeg: String::new(),
            nummer: 12,
            code: "persoon",
            lijst: vec!["a".to_owned(), "b".to_owned()],
        };
        assert_eq!(
            format!("{v:?}"),
            "Voorbeeld { naam: Some(<redacted>), leeg: \"\", nummer: <redacted>, \
             code: \"persoon\", lijst: [<redacted>, <redacted>] }"
        );
        let json = serde_json::json!({"voornaam": "Jan", "111222333": [1, true, null]});
        assert_eq!(
            format!("{:?}", Verhuld(&json)),
            "{\"voornaam\": <redacted>, <redacted>: [<redacted>, true, null]}"
        );
    }

    #[test]
    fn safe_names() {
        for ok in [
            "naam",
            "codeKanaal",
            "code_taal",
            "_x",
            "adresregel1",
            "a1234b",
        ] {
            assert!(is_safe_name(ok), "{ok}");
        }
        for bad in [
            "",
            "111222333",
            "jan.jansen@example.nl",
            "Jan Jansen",
            "1234AB",
            "NL91ABNA0417164300",
            "x12345",
            "partij-identificator",
            &"a".repeat(65),
        ] {
            assert!(!is_safe_name(bad), "{bad}");
        }
    }
}
