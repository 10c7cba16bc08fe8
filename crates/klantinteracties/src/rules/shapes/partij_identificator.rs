//! PartijIdentificator (`/partij-identificatoren`, and nested in `Partij.partijIdentificatoren`):
//! the register → objecttype → soort hierarchy (Open Klant R1), the objectId format per soort
//! (R2: BSN and RSIN with the 11-proef), the kvk parent of a vestigingsnummer (R3) and no
//! self-reference (R7).

use serde_json::{Map, Value};

use super::common::{ref_uuid, str_of, text, REF, URL};
use crate::model::{Bsn, KvkNummer, Rsin, Vestigingsnummer};
use crate::rules::catalogue::{
    PARTIJ_IDENTIFICATOREN_GENEST, PARTIJ_IDENTIFICATOR_GEEN_EIGEN_OUDER,
    PARTIJ_IDENTIFICATOR_HIERARCHIE, PARTIJ_IDENTIFICATOR_OBJECT_ID_VERPLICHT,
    PARTIJ_IDENTIFICATOR_VESTIGING_ONDER_KVK,
};
use crate::rules::shape::{nullable, optional, required, Check, Field, Kind, Shape, Use};
use crate::rules::walk::Ctx;

/// `CodeObjecttypeEnum`.
pub const CODE_OBJECTTYPE: &[&str] =
    &["natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging"];
/// `CodeSoortObjectIdEnum`.
pub const CODE_SOORT_OBJECT_ID: &[&str] = &["bsn", "vestigingsnummer", "kvk_nummer", "rsin"];
/// `CodeRegisterEnum`.
pub const CODE_REGISTER: &[&str] = &["brp", "hr"];

/// Allowed objecttypes per register (R1).
const OBJECTTYPES_PER_REGISTER: &[(&str, &[&str])] = &[
    ("brp", &["natuurlijk_persoon"]),
    ("hr", &["niet_natuurlijk_persoon", "vestiging"]),
];
/// Allowed soorten per objecttype (R1).
const SOORTEN_PER_OBJECTTYPE: &[(&str, &[&str])] = &[
    ("natuurlijk_persoon", &["bsn"]),
    ("niet_natuurlijk_persoon", &["rsin", "kvk_nummer"]),
    ("vestiging", &["vestigingsnummer"]),
];

fn allowed(
    table: &[(&str, &'static [&'static str])],
    key: &str,
) -> Option<&'static [&'static str]> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// R1 and R2 on the `partijIdentificator` group.
fn hierarchie(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let register = str_of(m, "codeRegister");
    let objecttype = str_of(m, "codeObjecttype");
    let soort = str_of(m, "codeSoortObjectId");
    if let (Some(register), Some(objecttype)) = (register, objecttype) {
        if let Some(ok) = allowed(OBJECTTYPES_PER_REGISTER, register) {
            if CODE_OBJECTTYPE.contains(&objecttype) && !ok.contains(&objecttype) {
                ctx.report_at(
                    "codeObjecttype",
                    "invalid",
                    &PARTIJ_IDENTIFICATOR_HIERARCHIE,
                    format!("voor `codeRegister` {register} zijn alleen deze waarden toegestaan: {ok:?}"),
                );
            }
        }
    }
    if let (Some(objecttype), Some(soort)) = (objecttype, soort) {
        if let Some(ok) = allowed(SOORTEN_PER_OBJECTTYPE, objecttype) {
            if CODE_SOORT_OBJECT_ID.contains(&soort) && !ok.contains(&soort) {
                ctx.report_at(
                    "codeSoortObjectId",
                    "invalid",
                    &PARTIJ_IDENTIFICATOR_HIERARCHIE,
                    format!("voor `codeObjecttype` {objecttype} zijn alleen deze waarden toegestaan: {ok:?}"),
                );
            }
        }
    }
}

fn object_id(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let (Some(soort), Some(id)) = (str_of(m, "codeSoortObjectId"), str_of(m, "objectId")) else {
        return;
    };
    if id.is_empty() {
        // Open Klant accepts an empty objectId (R2); the standard requires a value (PI-01).
        if ctx.profile.is_standaard() {
            ctx.report_at(
                "objectId",
                "blank",
                &PARTIJ_IDENTIFICATOR_OBJECT_ID_VERPLICHT,
                "Dit veld mag niet leeg zijn.",
            );
        }
        return;
    }
    if id.chars().count() > 200 {
        return; // reported as max_length
    }
    let result = match soort {
        "bsn" => Bsn::parse(id).map(drop),
        "rsin" => Rsin::parse(id).map(drop),
        "kvk_nummer" => KvkNummer::parse(id).map(drop),
        "vestigingsnummer" => Vestigingsnummer::parse(id).map(drop),
        _ => Ok(()),
    };
    if let Err(e) = result {
        ctx.report_at("objectId", e.code, e.rule, e.reason);
    }
}

/// `PartijIdentificatorGroepType`: all four keys required, the codes closed lists.
pub static GROEP: Shape = Shape {
    name: "PartijIdentificatorGroepType",
    fields: &[
        required("codeObjecttype", Kind::Enum(CODE_OBJECTTYPE)),
        required("codeSoortObjectId", Kind::Enum(CODE_SOORT_OBJECT_ID)),
        required("objectId", text(200)),
        required("codeRegister", Kind::Enum(CODE_REGISTER)),
    ],
    checks: &[Check { run: hierarchie }, Check { run: object_id }],
};

/// R3: a vestigingsnummer needs `subIdentificatorVan`; R7: not its own parent.
fn sub_identificator(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let soort = m
        .get("partijIdentificator")
        .and_then(Value::as_object)
        .and_then(|g| str_of(g, "codeSoortObjectId"));
    let parent = ref_uuid(m, "subIdentificatorVan");
    if soort == Some("vestigingsnummer") && m.get("subIdentificatorVan").is_none_or(Value::is_null)
    {
        ctx.report_at(
            "subIdentificatorVan",
            "invalid",
            &PARTIJ_IDENTIFICATOR_VESTIGING_ONDER_KVK,
            "Voor een PartijIdentificator met codeSoortObjectId = `vestigingsnummer` is het verplicht om een `sub_identifier_van` met codeSoortObjectId = `kvk_nummer` te kiezen.",
        );
    }
    if let (Some(own), Some(parent)) = (str_of(m, "uuid"), parent) {
        if own.eq_ignore_ascii_case(parent) {
            ctx.report_at(
                "subIdentificatorVan",
                "invalid",
                &PARTIJ_IDENTIFICATOR_GEEN_EIGEN_OUDER,
                "Een `Partijidentificator` kan geen `subIdentificatorVan` zijn van zichzelf.",
            );
        }
    }
}

const FIELDS_TAIL: [Field; 3] = [
    optional("anderePartijIdentificator", text(200)),
    required("partijIdentificator", Kind::Object(&GROEP)),
    nullable("subIdentificatorVan", REF),
];

/// `/partij-identificatoren`: `uuid` may be supplied (the spec does not mark it read-only).
pub static PARTIJ_IDENTIFICATOR: Shape = Shape {
    name: "PartijIdentificator",
    fields: &[
        optional("uuid", Kind::Uuid),
        URL,
        nullable("identificeerdePartij", REF),
        FIELDS_TAIL[0],
        FIELDS_TAIL[1],
        FIELDS_TAIL[2],
    ],
    checks: &[Check {
        run: sub_identificator,
    }],
};

/// R11: `identificeerdePartij` is set from the enclosing partij and must not be sent.
fn geen_identificeerde_partij(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if !ctx.response && m.contains_key("identificeerdePartij") {
        ctx.report_at(
            "identificeerdePartij",
            "invalid",
            &PARTIJ_IDENTIFICATOREN_GENEST,
            "Het veld `identificeerde_partij` wordt automatisch ingesteld en dient niet te worden opgegeven.",
        );
    }
}

/// A partij-identificator nested in `Partij.partijIdentificatoren`: an item with `uuid`
/// updates that identificator, one without is created (R10).
pub static PARTIJ_IDENTIFICATOR_GENEST: Shape = Shape {
    name: "PartijIdentificator",
    fields: &[
        optional("uuid", Kind::Uuid),
        URL,
        Field {
            name: "identificeerdePartij",
            kind: REF,
            input: Use::Optional,
            response: Use::Optional,
            nullable: true,
        },
        FIELDS_TAIL[0],
        FIELDS_TAIL[1],
        FIELDS_TAIL[2],
    ],
    checks: &[
        Check {
            run: sub_identificator,
        },
        Check {
            run: geen_identificeerde_partij,
        },
    ],
};
