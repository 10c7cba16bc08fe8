//! CategorieRelatie (`/categorie-relaties`, experimental): a partij in a categorie from
//! `beginDatum` to `eindDatum`. Open Klant checks no date order (R29); the `standaard`
//! profile wants the end not before the start.

use serde_json::{Map, Value};

use super::common::{str_of, CATEGORIE_VERWIJZING, DATUM, REF, URL, UUID};
use crate::rules::catalogue::CATEGORIE_RELATIE_DATUMVOLGORDE;
use crate::rules::shape::{nullable, Check, Kind, Shape};
use crate::rules::walk::Ctx;

fn datumvolgorde(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if !ctx.profile.is_standaard() {
        return;
    }
    let (Some(begin), Some(eind)) = (str_of(m, "beginDatum"), str_of(m, "eindDatum")) else {
        return;
    };
    let parse = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    if let (Some(b), Some(e)) = (parse(begin), parse(eind)) {
        if e < b {
            ctx.report_at(
                "eindDatum",
                "invalid",
                &CATEGORIE_RELATIE_DATUMVOLGORDE,
                "De einddatum mag niet voor de begindatum liggen.",
            );
        }
    }
}

/// `/categorie-relaties`.
pub static CATEGORIE_RELATIE: Shape = Shape {
    name: "CategorieRelatie",
    fields: &[
        UUID,
        URL,
        nullable("partij", REF),
        nullable("categorie", Kind::Object(&CATEGORIE_VERWIJZING)),
        nullable("beginDatum", DATUM),
        nullable("eindDatum", DATUM),
    ],
    checks: &[Check { run: datumvolgorde }],
};
