//! Bijlage (`/bijlagen`): a digital object in another register that holds (part of) the
//! content of a klantcontact (BL-01, BL-02). In the `standaard` profile it belongs to a
//! klantcontact and identifies its object.

use serde_json::{Map, Value};

use super::common::{has_content, IDENTIFICATOR, REF, URL, UUID};
use crate::rules::catalogue::BIJLAGE_VOLLEDIG;
use crate::rules::shape::{nullable, Check, Kind, Shape};
use crate::rules::walk::Ctx;

fn volledig(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if !ctx.profile.is_standaard() || ctx.partial {
        return; // a PATCH may leave out what is already stored
    }
    for (key, reason) in [
        (
            "wasBijlageVanKlantcontact",
            "Een bijlage hoort bij een klantcontact.",
        ),
        (
            "bijlageidentificator",
            "Een bijlage identificeert een object in een ander register.",
        ),
    ] {
        if !has_content(m, key) {
            ctx.report_at(key, "required", &BIJLAGE_VOLLEDIG, reason);
        }
    }
}

/// `/bijlagen`.
pub static BIJLAGE: Shape = Shape {
    name: "Bijlage",
    fields: &[
        UUID,
        URL,
        nullable("wasBijlageVanKlantcontact", REF),
        nullable("bijlageidentificator", Kind::Object(&IDENTIFICATOR)),
    ],
    checks: &[Check { run: volledig }],
};
