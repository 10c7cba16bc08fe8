//! Actor (`/actoren`): a medewerker, geautomatiseerde actor or organisatorische eenheid of the
//! gemeente that takes part in klantcontacten (AC-04). In the `standaard` profile a medewerker
//! has functie, e-mailadres and telefoonnummer, a geautomatiseerde actor a functie.

use serde_json::{Map, Value};

use super::common::{
    is_set, str_of, text, text_checked, text_not_blank, waarde, IDENTIFICATOR, URL, UUID,
};
use crate::model::{Emailadres, Telefoonnummer};
use crate::rules::catalogue::ACTOR_IDENTIFICATIE;
use crate::rules::shape::{nullable, optional, required, Check, Kind, Shape};
use crate::rules::walk::Ctx;

/// `SoortActorEnum`.
pub const SOORT_ACTOR: &[&str] = &[
    "medewerker",
    "geautomatiseerde_actor",
    "organisatorische_eenheid",
];

const EMAIL: Kind = text_checked(Some(254), true, waarde::<Emailadres>);

fn medewerker_email(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if ctx.profile.is_standaard() && str_of(m, "emailadres").is_none_or(str::is_empty) {
        ctx.report_at(
            "emailadres",
            "required",
            &ACTOR_IDENTIFICATIE,
            "Een medewerker heeft een e-mailadres (AC-04).",
        );
    }
}

/// `actorIdentificatie` of a medewerker.
pub static MEDEWERKER: Shape = Shape {
    name: "Medewerker",
    fields: &[
        required("functie", text_not_blank(40)),
        optional("emailadres", EMAIL),
        required(
            "telefoonnummer",
            text_checked(Some(20), false, waarde::<Telefoonnummer>),
        ),
    ],
    checks: &[Check {
        run: medewerker_email,
    }],
};

/// `actorIdentificatie` of a geautomatiseerde actor.
pub static GEAUTOMATISEERDE_ACTOR: Shape = Shape {
    name: "GeautomatiseerdeActor",
    fields: &[
        required("functie", text_not_blank(40)),
        optional("omschrijving", text(200)),
    ],
    checks: &[],
};

/// `actorIdentificatie` of an organisatorische eenheid.
pub static ORGANISATORISCHE_EENHEID: Shape = Shape {
    name: "OrganisatorischeEenheid",
    fields: &[
        optional("omschrijving", text(200)),
        optional("emailadres", EMAIL),
        optional("faxnummer", text(20)),
        optional(
            "telefoonnummer",
            text_checked(Some(20), true, waarde::<Telefoonnummer>),
        ),
    ],
    checks: &[],
};

fn identificatie_aanwezig(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if !ctx.profile.is_standaard() || ctx.partial {
        return;
    }
    let soort = str_of(m, "soortActor");
    if matches!(soort, Some("medewerker" | "geautomatiseerde_actor"))
        && !is_set(m, "actorIdentificatie")
    {
        ctx.report_at(
            "actorIdentificatie",
            "required",
            &ACTOR_IDENTIFICATIE,
            "Een medewerker of geautomatiseerde actor heeft een `actorIdentificatie` met ten minste de functie (AC-04).",
        );
    }
}

/// `/actoren`.
pub static ACTOR: Shape = Shape {
    name: "Actor",
    fields: &[
        UUID,
        URL,
        required("naam", text_not_blank(200)),
        required("soortActor", Kind::Enum(SOORT_ACTOR)),
        optional("indicatieActief", Kind::Bool),
        nullable("actoridentificator", Kind::Object(&IDENTIFICATOR)),
        optional(
            "actorIdentificatie",
            Kind::Variant {
                discriminator: "soortActor",
                variants: &[
                    ("medewerker", &MEDEWERKER),
                    ("geautomatiseerde_actor", &GEAUTOMATISEERDE_ACTOR),
                    ("organisatorische_eenheid", &ORGANISATORISCHE_EENHEID),
                ],
            },
        ),
    ],
    checks: &[Check {
        run: identificatie_aanwezig,
    }],
};
