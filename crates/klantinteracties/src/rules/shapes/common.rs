//! Shapes shared by several resources: `{uuid, url}` references, the address group, the
//! contactnaam group, the identificator groups of onderwerpobject, bijlage and actor, and the
//! text checks the field descriptions use.

use std::str::FromStr;

use serde_json::{Map, Value};

use crate::model::{BagId, Bic, Datum, Datumtijd, Iban, Landcode, Postcode, Taalcode, WaardeFout};
use crate::rules::catalogue::{VELD_NUMMER, VELD_URL};
use crate::rules::shape::{nullable, optional, read_only, Field, Kind, Shape, Text, Use};
pub(crate) use crate::rules::shape::{text, text_checked, text_not_blank};
use crate::rules::Profile;

// ---- text checks -------------------------------------------------------------------------

/// A value type's own check (`Postcode::parse`, …), the same in both profiles.
pub(crate) fn waarde<T: FromStr<Err = WaardeFout>>(s: &str, _: Profile) -> Result<(), WaardeFout> {
    T::from_str(s).map(drop)
}
/// IBAN: the pattern in both profiles, the mod-97 check digits in `standaard`.
pub(crate) fn iban(s: &str, p: Profile) -> Result<(), WaardeFout> {
    let iban = Iban::parse(s)?;
    if p.is_standaard() {
        iban.controleer_mod97()?;
    }
    Ok(())
}
/// BIC: no spaces in both profiles, the ISO 9362 structure in `standaard`.
pub(crate) fn bic(s: &str, p: Profile) -> Result<(), WaardeFout> {
    let bic = Bic::parse(s)?;
    if p.is_standaard() {
        bic.controleer_iso9362()?;
    }
    Ok(())
}
/// `taal` / `voorkeurstaal`: ISO 639-2 in `standaard`; Open Klant does not check it.
pub(crate) fn taal(s: &str, p: Profile) -> Result<(), WaardeFout> {
    if p.is_standaard() {
        Taalcode::parse(s)?;
    }
    Ok(())
}
/// `nummer` / `referentienummer`: Open Klant's `validate_integer` (`^-?\d+$`); the
/// `standaard` profile wants digits only (architecture decision 4).
pub(crate) fn nummer(s: &str, p: Profile) -> Result<(), WaardeFout> {
    let digits = s
        .strip_prefix('-')
        .filter(|_| !p.is_standaard())
        .unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(WaardeFout::new(
            "invalid",
            &VELD_NUMMER,
            "Een nummer mag alleen uit cijfers bestaan.",
        ))
    }
}
/// A URL in a text field that may be blank (`hoofdOnderwerpType`).
pub(crate) fn url(s: &str, _: Profile) -> Result<(), WaardeFout> {
    if crate::rules::walk::is_url(s) {
        Ok(())
    } else {
        Err(WaardeFout::new(
            "invalid",
            &VELD_URL,
            "Voer een geldige URL in.",
        ))
    }
}

// ---- kinds -------------------------------------------------------------------------------

/// A date (`format: date`).
pub(crate) const DATUM: Kind = text_checked(None, false, waarde::<Datum>);
/// A moment (`format: date-time`).
pub(crate) const DATUMTIJD: Kind = text_checked(None, false, waarde::<Datumtijd>);
/// `nummer` / `referentienummer`.
pub(crate) const NUMMER: Kind = text_checked(Some(10), true, nummer);
/// `taal` / `voorkeurstaal`.
pub(crate) const TAAL: Kind = text_checked(Some(3), true, taal);

// ---- common fields -----------------------------------------------------------------------

/// `uuid`, read-only.
pub(crate) const UUID: Field = read_only("uuid", Kind::Uuid);
/// `url`, read-only.
pub(crate) const URL: Field = read_only("url", Kind::Uri { max: 1000 });

/// A `{uuid, url}` reference to another resource (the spec's `*ForeignKey` schemas): `uuid`
/// in requests, both in responses.
pub static VERWIJZING: Shape = Shape {
    name: "ForeignKey",
    fields: &[
        Field {
            name: "uuid",
            kind: Kind::Uuid,
            input: Use::Required,
            response: Use::Required,
            nullable: false,
        },
        URL,
    ],
    checks: &[],
};

/// A reference kind.
pub(crate) const REF: Kind = Kind::Object(&VERWIJZING);
/// A list of references.
pub(crate) const REFS: Kind = Kind::List(&REF);

/// A required reference.
pub(crate) const fn reference(name: &'static str) -> Field {
    Field {
        name,
        kind: REF,
        input: Use::Required,
        response: Use::Required,
        nullable: false,
    }
}

/// A read-only list of references, required in responses.
pub(crate) const fn derived_refs(name: &'static str) -> Field {
    read_only(name, REFS)
}

/// `CategorieForeignKey`: a reference with the category's read-only `naam`.
pub static CATEGORIE_VERWIJZING: Shape = Shape {
    name: "CategorieForeignKey",
    fields: &[
        Field {
            name: "uuid",
            kind: Kind::Uuid,
            input: Use::Required,
            response: Use::Required,
            nullable: false,
        },
        URL,
        read_only(
            "naam",
            Kind::Text(Text {
                max: None,
                min: None,
                blank: true,
                check: None,
            }),
        ),
    ],
    checks: &[],
};

/// `CategorieRelatieForeignKey`: a reference with the category's name and the dates.
pub static CATEGORIE_RELATIE_VERWIJZING: Shape = Shape {
    name: "CategorieRelatieForeignKey",
    fields: &[
        Field {
            name: "uuid",
            kind: Kind::Uuid,
            input: Use::Required,
            response: Use::Required,
            nullable: false,
        },
        URL,
        read_only("categorieNaam", text(usize::MAX)).or_null(),
        nullable("beginDatum", DATUM),
        nullable("eindDatum", DATUM),
    ],
    checks: &[],
};

/// The bezoek- and correspondentieadres group (Open Klant R33): BAG id, street address,
/// address lines and country, all optional.
pub static ADRES: Shape = Shape {
    name: "Adres",
    fields: &[
        optional(
            "nummeraanduidingId",
            text_checked(Some(16), true, waarde::<BagId>),
        ),
        optional("straatnaam", text(255)),
        nullable(
            "huisnummer",
            Kind::Int {
                min: 1,
                max: 99_999,
            },
        ),
        optional("huisnummertoevoeging", text(20)),
        optional("postcode", text_checked(Some(7), true, waarde::<Postcode>)),
        optional("stad", text(255)),
        optional("adresregel1", text(80)),
        optional("adresregel2", text(80)),
        optional("adresregel3", text(80)),
        optional(
            "land",
            Kind::Text(Text {
                max: Some(2),
                min: Some(2),
                blank: true,
                check: Some(waarde::<Landcode>),
            }),
        ),
    ],
    checks: &[],
};

/// The contactnaam group: the name a person wants to be addressed by (GWB Contactnaam).
pub static CONTACTNAAM: Shape = Shape {
    name: "Contactnaam",
    fields: &[
        optional("voorletters", text(10)),
        optional("voornaam", text(200)),
        optional("voorvoegselAchternaam", text(10)),
        optional("achternaam", text(200)),
    ],
    checks: &[],
};

/// The identificator of an object in another register, as onderwerpobject, bijlage and
/// actor carry it: four optional free-text codes (open code lists).
pub static IDENTIFICATOR: Shape = Shape {
    name: "Identificator",
    fields: &[
        optional("objectId", text(200)),
        optional("codeObjecttype", text(200)),
        optional("codeRegister", text(200)),
        optional("codeSoortObjectId", text(200)),
    ],
    checks: &[],
};

// ---- helpers for object checks -----------------------------------------------------------

/// The string value of `key`, if it is a string.
pub(crate) fn str_of<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    m.get(key).and_then(Value::as_str)
}

/// True when `key` is `true`.
pub(crate) fn is_true(m: &Map<String, Value>, key: &str) -> bool {
    m.get(key).and_then(Value::as_bool) == Some(true)
}

/// True when `key` is present and not null.
pub(crate) fn is_set(m: &Map<String, Value>, key: &str) -> bool {
    m.get(key).is_some_and(|v| !v.is_null())
}

/// True when the group in `key` holds something: not null, and a member that is not `""` or
/// `null`. A response renders an unset group with every member empty, and a client that
/// sends it back has not identified anything.
pub(crate) fn has_content(m: &Map<String, Value>, key: &str) -> bool {
    match m.get(key) {
        Some(Value::Object(g)) => g.values().any(|v| !v.is_null() && v.as_str() != Some("")),
        Some(v) => !v.is_null(),
        None => false,
    }
}

/// The `uuid` of the reference in `key`, if it is one.
pub(crate) fn ref_uuid<'a>(m: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    m.get(key)
        .and_then(|v| v.get("uuid"))
        .and_then(Value::as_str)
}
