//! Partij (`/partijen`): persoon, organisatie or contactpersoon (B1304), with nested
//! partij-identificatoren (Open Klant R10–R12) and the preferred digitaal adres and
//! rekeningnummer that must be among the partij's own (R13, R14; PA-10).

use serde_json::{Map, Value};

use super::common::{
    derived_refs, ref_uuid, str_of, text, ADRES, CATEGORIE_RELATIE_VERWIJZING, CONTACTNAAM, NUMMER,
    REF, REFS, TAAL, URL, UUID,
};
use super::partij_identificator::PARTIJ_IDENTIFICATOR_GENEST;
use super::{betrokkene, categorie_relatie, digitaal_adres};
use crate::regel::Rule;
use crate::rules::catalogue::{
    PARTIJ_CONTACTPERSOON, PARTIJ_IDENTIFICATOREN_UNIEK, PARTIJ_IDENTIFICATOR_SOORT_UNIEK,
    PARTIJ_VOORKEURS_DIGITAAL_ADRES, PARTIJ_VOORKEURS_REKENINGNUMMER,
};
use crate::rules::shape::{nullable, optional, read_only, required, Check, Kind, Shape, Use};
use crate::rules::walk::Ctx;

/// `SoortPartijEnum`.
pub const SOORT_PARTIJ: &[&str] = &["persoon", "organisatie", "contactpersoon"];

/// `partijIdentificatie` of a persoon.
pub static PERSOON: Shape = Shape {
    name: "Persoon",
    fields: &[
        nullable("contactnaam", Kind::Object(&CONTACTNAAM)),
        read_only("volledigeNaam", text(usize::MAX)),
    ],
    checks: &[],
};

/// `partijIdentificatie` of an organisatie.
pub static ORGANISATIE: Shape = Shape {
    name: "Organisatie",
    fields: &[optional("naam", text(200))],
    checks: &[],
};

/// PA-09: in the `standaard` profile a contactpersoon has a contactnaam (GWB cardinality 1)
/// and works for a partij (CRUD: `werkteVoorPartij` required); that the partij is an
/// organisatie is a register rule (Open Klant R17).
fn contactpersoon_volledig(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if !ctx.profile.is_standaard() {
        return;
    }
    for key in ["werkteVoorPartij", "contactnaam"] {
        if m.get(key).is_none_or(Value::is_null) {
            ctx.report_at(
                key,
                "required",
                &PARTIJ_CONTACTPERSOON,
                "Een contactpersoon heeft een contactnaam en werkte voor een organisatie.",
            );
        }
    }
}

/// `partijIdentificatie` of a contactpersoon.
pub static CONTACTPERSOON: Shape = Shape {
    name: "Contactpersoon",
    fields: &[
        optional("uuid", Kind::Uuid),
        nullable("werkteVoorPartij", REF),
        nullable("contactnaam", Kind::Object(&CONTACTNAAM)),
        read_only("volledigeNaam", text(usize::MAX)),
    ],
    checks: &[Check {
        run: contactpersoon_volledig,
    }],
};

/// The expanded relations of a partij (`?expand=`).
pub static PARTIJ_EXPAND: Shape = Shape {
    name: "ExpandPartij._expand",
    fields: &[
        nullable(
            "digitaleAdressen",
            Kind::List(&Kind::Object(&digitaal_adres::DIGITAAL_ADRES)),
        ),
        optional(
            "betrokkenen",
            Kind::List(&Kind::Object(&betrokkene::BETROKKENE)),
        ),
        optional(
            "categorieRelaties",
            Kind::List(&Kind::Object(&categorie_relatie::CATEGORIE_RELATIE)),
        ),
    ],
    checks: &[],
};

/// R13/R14: the preferred address or account must be one of the partij's own, given in the
/// same document; a preferred one without a (non-empty) list is refused too. A PATCH body may
/// send the preference alone: the register then checks it against the partij's stored
/// addresses and accounts after the merge.
fn voorkeur_in_lijst(
    m: &Map<String, Value>,
    ctx: &mut Ctx<'_>,
    voorkeur: &str,
    lijst: &str,
    rule: &Rule,
    fout: &str,
    leeg: &str,
) {
    let Some(uuid) = ref_uuid(m, voorkeur) else {
        return;
    };
    match m.get(lijst) {
        Some(Value::Array(items)) if !items.is_empty() => {
            let linked = items
                .iter()
                .filter_map(|i| i.get("uuid").and_then(Value::as_str))
                .any(|u| u.eq_ignore_ascii_case(uuid));
            if !linked {
                ctx.report_at(voorkeur, "invalid", rule, fout);
            }
        }
        None if ctx.partial => {}
        Some(Value::Array(_) | Value::Null) | None => {
            ctx.report_at(voorkeur, "invalid", rule, leeg);
        }
        Some(_) => {} // the list itself is reported
    }
}

fn voorkeuren(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    voorkeur_in_lijst(
        m,
        ctx,
        "voorkeursDigitaalAdres",
        "digitaleAdressen",
        &PARTIJ_VOORKEURS_DIGITAAL_ADRES,
        "Het voorkeurs adres moet een gelinkte digitaal adres zijn.",
        "voorkeursDigitaalAdres mag niet meegegeven worden als digitaleAdressen leeg is.",
    );
    voorkeur_in_lijst(
        m,
        ctx,
        "voorkeursRekeningnummer",
        "rekeningnummers",
        &PARTIJ_VOORKEURS_REKENINGNUMMER,
        "Het voorkeurs rekeningnummer moet een gelinkte rekeningnummer zijn.",
        "voorkeursRekeningnummer mag niet meegegeven worden als rekeningnummers leeg is.",
    );
}

/// R12: one uuid once in `partijIdentificatoren`.
fn geen_dubbele_identificatoren(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let Some(Value::Array(items)) = m.get("partijIdentificatoren") else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(uuid) = item.get("uuid").and_then(Value::as_str) else {
            continue;
        };
        if seen.iter().any(|s| s.eq_ignore_ascii_case(uuid)) {
            ctx.report_at(
                &format!("partijIdentificatoren.{i}.uuid"),
                "duplicated",
                &PARTIJ_IDENTIFICATOREN_UNIEK,
                "Duplicaat uuid kan niet worden ingevoerd voor `partij_identificatoren`.",
            );
        } else {
            seen.push(uuid);
        }
    }
}

/// At most one identificator of each soort per partij (Open Klant R6, a database constraint
/// there; within one document it is already visible).
fn een_per_soort(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let Some(Value::Array(items)) = m.get("partijIdentificatoren") else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        let soort = item
            .get("partijIdentificator")
            .and_then(Value::as_object)
            .and_then(|g| str_of(g, "codeSoortObjectId"));
        if let Some(soort) = soort {
            if seen.contains(&soort) {
                ctx.report_object(
                    "invalid",
                    &PARTIJ_IDENTIFICATOR_SOORT_UNIEK,
                    "`CodeSoortObjectId` moet uniek zijn voor de Partij.",
                );
                return;
            }
            seen.push(soort);
        }
    }
}

/// `/partijen`.
pub static PARTIJ: Shape = Shape {
    name: "Partij",
    fields: &[
        UUID,
        URL,
        nullable("nummer", NUMMER),
        optional("interneNotitie", text(1000)),
        derived_refs("betrokkenen"),
        read_only(
            "categorieRelaties",
            Kind::List(&Kind::Object(&CATEGORIE_RELATIE_VERWIJZING)),
        ),
        nullable("digitaleAdressen", REFS),
        nullable("voorkeursDigitaalAdres", REF),
        derived_refs("vertegenwoordigden"),
        nullable("rekeningnummers", REFS),
        nullable("voorkeursRekeningnummer", REF),
        nullable(
            "partijIdentificatoren",
            Kind::List(&Kind::Object(&PARTIJ_IDENTIFICATOR_GENEST)),
        ),
        required("soortPartij", Kind::Enum(SOORT_PARTIJ)),
        nullable("indicatieGeheimhouding", Kind::Bool),
        optional("voorkeurstaal", TAAL),
        required("indicatieActief", Kind::Bool),
        nullable("bezoekadres", Kind::Object(&ADRES)),
        nullable("correspondentieadres", Kind::Object(&ADRES)),
        optional(
            "partijIdentificatie",
            Kind::Variant {
                discriminator: "soortPartij",
                variants: &[
                    ("persoon", &PERSOON),
                    ("organisatie", &ORGANISATIE),
                    ("contactpersoon", &CONTACTPERSOON),
                ],
            },
        ),
        optional("_expand", Kind::Object(&PARTIJ_EXPAND)).input(Use::ReadOnly),
    ],
    checks: &[
        Check { run: voorkeuren },
        Check {
            run: geen_dubbele_identificatoren,
        },
        Check { run: een_per_soort },
    ],
};
