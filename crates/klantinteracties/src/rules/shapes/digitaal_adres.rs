//! DigitaalAdres (`/digitaleadressen`): the address checked by its soort (Open Klant R19),
//! `isStandaardAdres` only for a partij's address (R20), `referentie` a slug (R21), and in
//! the `standaard` profile always linked to a partij or a betrokkene (F1995, DA-01).

use serde_json::{Map, Value};

use super::betrokkene;
use super::common::{
    is_set, is_true, str_of, text, text_checked, text_not_blank, waarde, DATUM, REF, URL, UUID,
};
use crate::model::{Emailadres, Referentie, Telefoonnummer};
use crate::rules::catalogue::{DIGITAAL_ADRES_GEKOPPELD, DIGITAAL_ADRES_STANDAARD_ADRES};
use crate::rules::shape::{nullable, optional, required, Check, Kind, Shape, Use};
use crate::rules::walk::Ctx;

/// `SoortDigitaalAdresEnum`.
pub const SOORT_DIGITAAL_ADRES: &[&str] = &["email", "telefoonnummer", "overig"];

fn adres_per_soort(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let Some(adres) = str_of(m, "adres") else {
        return;
    };
    if adres.is_empty() || adres.chars().count() > 80 {
        return; // reported as blank / max_length
    }
    let check = match str_of(m, "soortDigitaalAdres") {
        Some("email") => waarde::<Emailadres>,
        Some("telefoonnummer") => waarde::<Telefoonnummer>,
        _ => return,
    };
    if let Err(e) = check(adres, ctx.profile) {
        ctx.report_at("adres", e.code, e.rule, e.reason);
    }
}

/// R20. In a PATCH body (F2946) an absent `verstrektDoorPartij` keeps the stored one, as
/// Open Klant reads it from the instance; only an explicit null counts there.
fn standaard_adres(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    let kept = ctx.partial && !m.contains_key("verstrektDoorPartij");
    if is_true(m, "isStandaardAdres") && !is_set(m, "verstrektDoorPartij") && !kept {
        ctx.report_at(
            "isStandaardAdres",
            "invalid",
            &DIGITAAL_ADRES_STANDAARD_ADRES,
            "`is_standaard_adres` kan alleen gezet worden als `verstrekt_door_partij` niet leeg is.",
        );
    }
}

fn gekoppeld(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if ctx.profile.is_standaard()
        && !ctx.partial
        && !is_set(m, "verstrektDoorPartij")
        && !is_set(m, "verstrektDoorBetrokkene")
    {
        ctx.report_object(
            "invalid",
            &DIGITAAL_ADRES_GEKOPPELD,
            "Een digitaal adres is altijd gekoppeld aan een partij (`verstrektDoorPartij`) of aan een betrokkene (`verstrektDoorBetrokkene`).",
        );
    }
}

/// The expanded relations of a digitaal adres.
pub static DIGITAAL_ADRES_EXPAND: Shape = Shape {
    name: "ExpandDigitaalAdres._expand",
    fields: &[nullable(
        "verstrektDoorBetrokkene",
        Kind::Object(&betrokkene::BETROKKENE),
    )],
    checks: &[],
};

/// `/digitaleadressen`.
pub static DIGITAAL_ADRES: Shape = Shape {
    name: "DigitaalAdres",
    fields: &[
        UUID,
        URL,
        nullable("verstrektDoorBetrokkene", REF),
        nullable("verstrektDoorPartij", REF),
        required("adres", text_not_blank(80)),
        required("soortDigitaalAdres", Kind::Enum(SOORT_DIGITAAL_ADRES)),
        optional("isStandaardAdres", Kind::Bool),
        optional("omschrijving", text(40)),
        optional(
            "referentie",
            text_checked(Some(50), true, waarde::<Referentie>),
        ),
        nullable("verificatieDatum", DATUM),
        optional("_expand", Kind::Object(&DIGITAAL_ADRES_EXPAND)).input(Use::ReadOnly),
    ],
    checks: &[
        Check {
            run: adres_per_soort,
        },
        Check {
            run: standaard_adres,
        },
        Check { run: gekoppeld },
    ],
};
