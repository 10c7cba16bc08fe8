//! Validated value types (newtypes). Each is constructed by a fallible `parse`, so a value
//! inside the model is valid by construction. `parse` checks what both profiles agree on;
//! checks that only the `standaard` profile makes are separate methods (for example
//! [`Iban::controleer_mod97`]).
//!
//! The reasons are Dutch and follow the texts Open Klant gives for the same check (see
//! `docs/rules.md` for the rule ids).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{iso, referentielijsten};

use crate::model::regels::{
    ADRES_LAND, ADRES_NUMMERAANDUIDING_ID, ADRES_POSTCODE, DIGITAAL_ADRES_REFERENTIE,
    PARTIJ_IDENTIFICATOR_BSN, PARTIJ_IDENTIFICATOR_KVK_NUMMER, PARTIJ_IDENTIFICATOR_RSIN,
    PARTIJ_IDENTIFICATOR_VESTIGINGSNUMMER, REKENINGNUMMER_BIC, REKENINGNUMMER_IBAN,
    REKENINGNUMMER_IBAN_CONTROLEGETAL, VELD_DATUM, VELD_DATUMTIJD,
};
use crate::model::regels::{
    EMAILADRES, REKENINGNUMMER_BIC_ISO9362, TAAL_ISO_639_2, TELEFOONNUMMER,
};
use crate::regel::Rule;

/// Why a text is not a valid value: the ZGW error `code`, a Dutch `reason` and our rule id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaardeFout {
    /// The code Open Klant reports for this check (`invalid`, `max_length`, …).
    pub code: &'static str,
    /// Dutch explanation for people.
    pub reason: String,
    /// Stable rule id from the catalogue.
    pub rule: &'static Rule,
}

impl WaardeFout {
    pub(crate) fn new(code: &'static str, rule: &'static Rule, reason: impl Into<String>) -> Self {
        Self {
            code,
            reason: reason.into(),
            rule,
        }
    }
}

impl fmt::Display for WaardeFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for WaardeFout {}

/// A value type. `Debug` shows the value for the types that are not personal data (`open`:
/// a date, a language code) and `Bsn(<redacted>)` for the others (`verhuld`); `Display`,
/// [`AsRef<str>`] and serde give the value itself, as the API answers it.
macro_rules! waarde {
    ($(#[$doc:meta])* $name:ident, $schema:tt) => {
        waarde!($(#[$doc])* verhuld $name, $schema);
    };
    ($(#[$doc:meta])* open $name:ident, $schema:tt) => {
        waarde!(@type $(#[$doc])* $name, $schema);

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }
    };
    ($(#[$doc:meta])* verhuld $name:ident, $schema:tt) => {
        waarde!(@type $(#[$doc])* $name, $schema);

        /// Personal data: the value is not shown.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name))
                    .field(&format_args!("{}", super::verhuld::REDACTED))
                    .finish()
            }
        }
    };
    (@type $(#[$doc:meta])* $name:ident, $schema:tt) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The value as text, exactly as it stands in the document.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = WaardeFout;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = WaardeFout;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = Cow::<'de, str>::deserialize(d)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

fn only_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The 11-proef of BSN and RSIN: weights 9..2 for the first eight digits, −1 for the last;
/// the sum must be divisible by 11.
fn elfproef(s: &str) -> bool {
    let digits: Vec<i64> = s.bytes().map(|b| i64::from(b - b'0')).collect();
    let n = digits.len();
    let mut sum = 0;
    for (i, d) in digits.iter().enumerate() {
        let weight = if i == n - 1 {
            -1
        } else {
            i64::try_from(n - i).unwrap_or(0)
        };
        sum += weight * d;
    }
    sum % 11 == 0
}

fn nummer(
    s: &str,
    len: usize,
    rule: &'static Rule,
    elf: Option<&'static str>,
) -> Result<String, WaardeFout> {
    let fout = |reden: &str| {
        WaardeFout::new(
            "invalid",
            rule,
            format!("Deze waarde is ongeldig, reden: {reden}"),
        )
    };
    if s.chars().count() != len {
        return Err(fout(&format!("Waarde moet {len} tekens lang zijn")));
    }
    if !only_ascii_digits(s) {
        return Err(fout("Voer een numerieke waarde in"));
    }
    if let Some(naam) = elf {
        if !elfproef(s) {
            return Err(fout(&format!("Onjuist {naam} nummer")));
        }
    }
    Ok(s.to_owned())
}

waarde!(
    /// Burgerservicenummer: nine digits that pass the 11-proef (Open Klant R2).
    Bsn, {"type": "string", "pattern": "^[0-9]{9}$", "description": "Burgerservicenummer, 9 cijfers, 11-proef"}
);
impl Bsn {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        nummer(s, 9, &PARTIJ_IDENTIFICATOR_BSN, Some("BSN")).map(Self)
    }
}

waarde!(
    /// RSIN (Rechtspersonen en Samenwerkingsverbanden Informatienummer): nine digits, 11-proef.
    Rsin, {"type": "string", "pattern": "^[0-9]{9}$", "description": "RSIN, 9 cijfers, 11-proef"}
);
impl Rsin {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        nummer(s, 9, &PARTIJ_IDENTIFICATOR_RSIN, Some("RSIN")).map(Self)
    }
}

waarde!(
    /// KvK-nummer of the Handelsregister: eight digits (no 11-proef, as in Open Klant).
    KvkNummer, {"type": "string", "pattern": "^[0-9]{8}$", "description": "KvK-nummer, 8 cijfers"}
);
impl KvkNummer {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        nummer(s, 8, &PARTIJ_IDENTIFICATOR_KVK_NUMMER, None).map(Self)
    }
}

waarde!(
    /// Vestigingsnummer of the Handelsregister: twelve digits.
    Vestigingsnummer, {"type": "string", "pattern": "^[0-9]{12}$", "description": "Vestigingsnummer, 12 cijfers"}
);
impl Vestigingsnummer {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        nummer(s, 12, &PARTIJ_IDENTIFICATOR_VESTIGINGSNUMMER, None).map(Self)
    }
}

waarde!(
    /// International bank account number. `parse` checks the API 0.9.0 pattern
    /// `^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$`; the ISO 13616 mod-97 check digits are a
    /// separate check of the `standaard` profile ([`Iban::controleer_mod97`]).
    Iban, {"type": "string", "maxLength": 34, "pattern": "^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$"}
);
impl Iban {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        let b = s.as_bytes();
        let ok = b.len() >= 5
            && b.len() <= 34
            && b[..2].iter().all(u8::is_ascii_alphabetic)
            && b[2..4].iter().all(u8::is_ascii_digit)
            && b[4..].iter().all(u8::is_ascii_alphanumeric);
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &REKENINGNUMMER_IBAN,
                "Ongeldige IBAN: verwacht 2 letters (land), 2 cijfers (controlegetal) en 1 tot \
                 30 letters of cijfers.",
            ))
        }
    }

    /// The ISO 13616 check: move the first four characters to the end, replace letters by
    /// 10..35, and the number must be 1 modulo 97.
    pub fn controleer_mod97(&self) -> Result<(), WaardeFout> {
        let (head, tail) = self.0.split_at(4);
        let mut rest: u32 = 0;
        for c in tail.chars().chain(head.chars()) {
            let v = c.to_digit(36).unwrap_or(0);
            rest = if v >= 10 {
                (rest * 100 + v) % 97
            } else {
                (rest * 10 + v) % 97
            };
        }
        if rest == 1 {
            Ok(())
        } else {
            Err(WaardeFout::new(
                "invalid",
                &REKENINGNUMMER_IBAN_CONTROLEGETAL,
                "Ongeldige IBAN, het controlegetal klopt niet.",
            ))
        }
    }
}

waarde!(
    /// Bank identifier code: 8 to 11 characters without spaces (Open Klant R31). The ISO 9362
    /// structure is a separate check of the `standaard` profile ([`Bic::controleer_iso9362`]).
    Bic, {"type": "string", "minLength": 8, "maxLength": 11, "pattern": "^[\\S]+$"}
);
impl Bic {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        let n = s.chars().count();
        if n < 8 {
            return Err(WaardeFout::new(
                "min_length",
                &REKENINGNUMMER_BIC,
                "Zorg ervoor dat dit veld minimaal 8 karakters bevat.",
            ));
        }
        if n > 11 {
            return Err(WaardeFout::new(
                "max_length",
                &REKENINGNUMMER_BIC,
                "Zorg ervoor dat dit veld niet meer dan 11 karakters bevat.",
            ));
        }
        if s.chars().any(char::is_whitespace) {
            return Err(WaardeFout::new(
                "invalid",
                &REKENINGNUMMER_BIC,
                "Geen spaties toegestaan.",
            ));
        }
        Ok(Self(s.to_owned()))
    }

    /// ISO 9362: four letters (bank), two letters (country), two letters or digits
    /// (location) and optionally three letters or digits (branch), upper case.
    pub fn controleer_iso9362(&self) -> Result<(), WaardeFout> {
        let b = self.0.as_bytes();
        let ok = (b.len() == 8 || b.len() == 11)
            && b[..6].iter().all(u8::is_ascii_uppercase)
            && b[6..]
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if ok {
            Ok(())
        } else {
            Err(WaardeFout::new(
                "invalid",
                &REKENINGNUMMER_BIC_ISO9362,
                "Ongeldige BIC, verwacht 4 letters bank, 2 letters land, 2 tekens locatie en eventueel 3 tekens filiaal.",
            ))
        }
    }
}

waarde!(
    /// Telephone number as Open Klant validates it (R19): not a 0800/0900/1400/140xx number,
    /// and `^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$`.
    Telefoonnummer, {"type": "string", "maxLength": 20, "pattern": "^(0[1-9][0-9]{8}|\\+[0-9]{9,15}|00[0-9]{7,13})$"}
);
impl Telefoonnummer {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        const RULE: &Rule = &TELEFOONNUMMER;
        if ["0800", "0900", "1400", "140"]
            .iter()
            .any(|p| s.starts_with(p))
        {
            return Err(WaardeFout::new(
                "invalid",
                RULE,
                "Het opgegeven telefoonnummer is ongeldig, telefoonnummers beginnend met 0800, 0900, 1400 of 140xx zijn niet toegestaan.",
            ));
        }
        let b = s.as_bytes();
        let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
        let ok = if let Some(rest) = s.strip_prefix("00") {
            (7..=13).contains(&rest.len()) && digits(rest.as_bytes())
        } else if let Some(rest) = s.strip_prefix('+') {
            (9..=15).contains(&rest.len()) && digits(rest.as_bytes())
        } else {
            b.len() == 10 && b[0] == b'0' && (b'1'..=b'9').contains(&b[1]) && digits(&b[2..])
        };
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                RULE,
                "Het opgegeven telefoonnummer is ongeldig.",
            ))
        }
    }
}

waarde!(
    /// E-mail address, checked as Django's `EmailValidator` does (Open Klant R19): a user
    /// part of dot-atoms or a quoted string, `@`, and a domain of labels with a top-level
    /// domain, or an address literal. At most 254 characters.
    Emailadres, {"type": "string", "format": "email", "maxLength": 254}
);
impl Emailadres {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        if email_geldig(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &EMAILADRES,
                "Voer een geldig e-mailadres in.",
            ))
        }
    }
}

fn email_geldig(s: &str) -> bool {
    if s.len() > 254 {
        return false;
    }
    let Some((user, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    let user_ok = if user.len() >= 2 && user.starts_with('"') && user.ends_with('"') {
        user[1..user.len() - 1]
            .chars()
            .all(|c| c.is_ascii() && c != '"' && c != '\\' && !c.is_ascii_control())
    } else {
        !user.is_empty()
            && user
                .split('.')
                .all(|a| !a.is_empty() && a.chars().all(atext))
    };
    if !user_ok {
        return false;
    }
    if domain.starts_with('[') && domain.ends_with(']') {
        return domain[1..domain.len() - 1]
            .parse::<std::net::IpAddr>()
            .is_ok();
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld = labels[labels.len() - 1];
    labels.iter().all(|l| label_ok(l))
        && (tld.chars().all(char::is_alphabetic) && tld.chars().count() >= 2
            || tld.starts_with("xn--"))
}

waarde!(
    /// Dutch postcode `1234 AB`, with a space (Open Klant R33).
    Postcode, {"type": "string", "maxLength": 7, "pattern": "^[1-9][0-9]{3} [A-Z]{2}$"}
);
impl Postcode {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        let b = s.as_bytes();
        let ok = b.len() == 7
            && (b'1'..=b'9').contains(&b[0])
            && b[1..4].iter().all(u8::is_ascii_digit)
            && b[4] == b' '
            && b[5..].iter().all(u8::is_ascii_uppercase);
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &ADRES_POSTCODE,
                "Postcode moet aan het volgende formaat voldoen: `1234 AB` (met spatie).",
            ))
        }
    }
}

waarde!(
    /// Identification of a nummeraanduiding in the BAG: sixteen digits.
    BagId, {"type": "string", "maxLength": 16, "pattern": "^[0-9]{16}$"}
);
impl BagId {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        if s.len() == 16 && only_ascii_digits(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &ADRES_NUMMERAANDUIDING_ID,
                "Ongeldige nummeraanduiding BAG-ID: verwacht 16 cijfers.",
            ))
        }
    }
}

waarde!(
    /// Country as ISO 3166-1 alpha-2, upper case (`NL`).
    open Landcode, {"type": "string", "minLength": 2, "maxLength": 2, "pattern": "^[A-Z]{2}$"}
);
impl Landcode {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        const RULE: &Rule = &ADRES_LAND;
        if iso::LANDCODES.binary_search(&s).is_ok() {
            return Ok(Self(s.to_owned()));
        }
        let upper = s.to_ascii_uppercase();
        let reason = if iso::LANDCODES.binary_search(&upper.as_str()).is_ok() {
            format!("Ongeldige landcode, de code moet behoren tot de ISO 3166-standaard. Bedoelde u {upper}?")
        } else {
            "Ongeldige landcode, de code moet behoren tot de ISO 3166-standaard".to_owned()
        };
        Err(WaardeFout::new("invalid", RULE, reason))
    }
}

waarde!(
    /// Language as an ISO 639-2 code (`nld`), terminology or bibliographic form, or a code of
    /// the standard's referentielijst Taal.
    open Taalcode, {"type": "string", "maxLength": 3, "pattern": "^[a-z]{3}$"}
);
impl Taalcode {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        if iso::TAALCODES.binary_search(&s).is_ok() || referentielijsten::is_taal_uit_lijst(s) {
            return Ok(Self(s.to_owned()));
        }
        let lower = s.to_ascii_lowercase();
        let hint = if iso::TAALCODES.binary_search(&lower.as_str()).is_ok() {
            Some(lower)
        } else {
            referentielijsten::taalcode_voor_naam(s).map(str::to_owned)
        };
        let mut reason =
            "Ongeldige taalcode, de code moet behoren tot de ISO 639-2-standaard (bijvoorbeeld `nld`).".to_owned();
        if let Some(h) = hint {
            reason.push_str(" Bedoelde u ");
            reason.push_str(&h);
            reason.push('?');
        }
        Err(WaardeFout::new("invalid", &TAAL_ISO_639_2, reason))
    }
}

waarde!(
    /// A calendar date `YYYY-MM-DD` (NEN-ISO 8601:2019).
    open Datum, {"type": "string", "format": "date"}
);
impl Datum {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        if s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &VELD_DATUM,
                "Datum heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD.",
            ))
        }
    }

    /// The date as a chrono value.
    pub fn datum(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(&self.0, "%Y-%m-%d").unwrap_or_default()
    }
}

waarde!(
    /// A moment `YYYY-MM-DDThh:mm[:ss[.ffffff]][+HH:MM|-HH:MM|Z]` (NEN-ISO 8601:2019). As in
    /// the standard (GWB Datumtijd) and Open Klant, the offset may be left out.
    open Datumtijd, {"type": "string", "format": "date-time"}
);
impl Datumtijd {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        if Self::lees(s).is_some() {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &VELD_DATUMTIJD,
                "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
            ))
        }
    }

    fn lees(s: &str) -> Option<chrono::NaiveDateTime> {
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
            return Some(t.naive_utc());
        }
        ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|f| chrono::NaiveDateTime::parse_from_str(s, f).ok())
    }

    /// The moment in UTC; a value without an offset is taken as UTC.
    pub fn utc(&self) -> chrono::NaiveDateTime {
        Self::lees(&self.0).unwrap_or_default()
    }
}

waarde!(
    /// `DigitaalAdres.referentie`: a slug (`^[-a-zA-Z0-9_]+$`) of at most 50 characters.
    Referentie, {"type": "string", "maxLength": 50, "pattern": "^[-a-zA-Z0-9_]+$"}
);
impl Referentie {
    pub fn parse(s: &str) -> Result<Self, WaardeFout> {
        if s.len() > 50 {
            return Err(WaardeFout::new(
                "max_length",
                &DIGITAAL_ADRES_REFERENTIE,
                "Zorg ervoor dat dit veld niet meer dan 50 karakters bevat.",
            ));
        }
        if !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            Ok(Self(s.to_owned()))
        } else {
            Err(WaardeFout::new(
                "invalid",
                &DIGITAAL_ADRES_REFERENTIE,
                "Voer een geldige 'slug' in, bestaande uit letters, cijfers, liggende streepjes en verbindingsstreepjes.",
            ))
        }
    }
}

/// An optional formatted text as API 0.9.0 renders it: `""` means "not filled" (Open Klant
/// stores empty strings, not NULL), anything else must be a valid `T`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OfLeeg<T> {
    /// `""`.
    Leeg,
    /// A valid value.
    Waarde(T),
}

/// `""`: not filled.
impl<T> Default for OfLeeg<T> {
    fn default() -> Self {
        Self::Leeg
    }
}

impl<T> OfLeeg<T> {
    /// The value, if filled.
    pub fn waarde(&self) -> Option<&T> {
        match self {
            Self::Leeg => None,
            Self::Waarde(t) => Some(t),
        }
    }
}

impl<T: Serialize> Serialize for OfLeeg<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Leeg => s.serialize_str(""),
            Self::Waarde(t) => t.serialize(s),
        }
    }
}

impl<'de, T: FromStr<Err = WaardeFout>> Deserialize<'de> for OfLeeg<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        if s.is_empty() {
            Ok(Self::Leeg)
        } else {
            T::from_str(&s)
                .map(Self::Waarde)
                .map_err(serde::de::Error::custom)
        }
    }
}

impl<T: JsonSchema> JsonSchema for OfLeeg<T> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("OfLeeg{}", T::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inner = generator.subschema_for::<T>();
        json_schema!({"anyOf": [{"const": ""}, inner]})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef_examples_from_open_klant() {
        for ok in ["296648875", "123456782", "024325818", "000000000"] {
            assert!(Bsn::parse(ok).is_ok(), "{ok}");
        }
        let e = Bsn::parse("123456789").unwrap_err();
        assert_eq!(
            e.reason,
            "Deze waarde is ongeldig, reden: Onjuist BSN nummer"
        );
        assert!(Bsn::parse("12345678")
            .unwrap_err()
            .reason
            .contains("9 tekens"));
        assert!(Bsn::parse("12345678a")
            .unwrap_err()
            .reason
            .contains("numerieke"));
        assert_eq!(
            Rsin::parse("123456789").unwrap_err().reason,
            "Deze waarde is ongeldig, reden: Onjuist RSIN nummer"
        );
    }

    #[test]
    fn iban_mod97() {
        let ok = Iban::parse("NL91ABNA0417164300").unwrap();
        assert!(ok.controleer_mod97().is_ok());
        assert!(Iban::parse("nl91abna0417164300")
            .unwrap()
            .controleer_mod97()
            .is_ok());
        assert!(Iban::parse("NL92ABNA0417164300")
            .unwrap()
            .controleer_mod97()
            .is_err());
        assert!(Iban::parse("GB82WEST12345698765432")
            .unwrap()
            .controleer_mod97()
            .is_ok());
        assert!(Iban::parse("N191ABNA").is_err());
    }

    #[test]
    fn telefoon() {
        for ok in ["0612345678", "+31612345678", "0031612345678", "0881234567"] {
            assert!(Telefoonnummer::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "0800123456",
            "0900123456",
            "14020",
            "1400",
            "061234567",
            "abc",
        ] {
            assert!(Telefoonnummer::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn email() {
        for ok in [
            "jan@example.nl",
            "a.b+c@sub.example.org",
            "\"j n\"@example.nl",
            "x@[127.0.0.1]",
        ] {
            assert!(Emailadres::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "jan",
            "jan@",
            "@example.nl",
            "jan@example",
            "jan@-x.nl",
            "j..n@example.nl",
            "jan@example.1",
        ] {
            assert!(Emailadres::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn land_en_taal() {
        assert!(Landcode::parse("NL").is_ok());
        assert!(Landcode::parse("nl")
            .unwrap_err()
            .reason
            .ends_with("Bedoelde u NL?"));
        assert!(Landcode::parse("XX").is_err());
        assert!(Taalcode::parse("nld").is_ok());
        assert!(Taalcode::parse("dut").is_ok());
        assert!(Taalcode::parse("yue").is_ok());
        assert!(Taalcode::parse("Nederlands")
            .unwrap_err()
            .reason
            .ends_with("Bedoelde u nld?"));
        assert!(Taalcode::parse("xx").is_err());
    }

    #[test]
    fn datums() {
        assert!(Datum::parse("2024-01-24").is_ok());
        assert!(Datum::parse("2024-02-30").is_err());
        assert!(Datum::parse("20240124").is_err());
        for ok in [
            "2024-01-24T10:34:16Z",
            "2024-01-24T10:34:16.912+01:00",
            "2024-01-24T10:34:16",
            "2024-01-24T10:34",
        ] {
            assert!(Datumtijd::parse(ok).is_ok(), "{ok}");
        }
        assert!(Datumtijd::parse("20240124T10:34:16").is_err());
    }

    #[test]
    fn overige() {
        assert!(Postcode::parse("1234 AB").is_ok());
        assert!(Postcode::parse("1234AB").is_err());
        assert!(Postcode::parse("0234 AB").is_err());
        assert!(BagId::parse("0518200000637599").is_ok());
        assert!(BagId::parse("051820000063759").is_err());
        assert!(Bic::parse("ABNANL2A").unwrap().controleer_iso9362().is_ok());
        assert_eq!(Bic::parse("ABNANL").unwrap_err().code, "min_length");
        assert!(Bic::parse("ABNA NL2A").is_err());
        assert!(Bic::parse("abnanl2a")
            .unwrap()
            .controleer_iso9362()
            .is_err());
        assert!(Referentie::parse("mijn-adres_1").is_ok());
        assert!(Referentie::parse("mijn adres").is_err());
        assert!(KvkNummer::parse("12345678").is_ok());
        assert!(Vestigingsnummer::parse("123456789012").is_ok());
        assert!(Vestigingsnummer::parse("12345678901").is_err());
    }
}
