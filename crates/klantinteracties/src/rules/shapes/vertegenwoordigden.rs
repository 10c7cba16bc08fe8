//! Vertegenwoordigden (`/vertegenwoordigingen`): a partij that represented another; a partij
//! cannot represent itself (Open Klant R18, VT-01).

use serde_json::{Map, Value};

use super::common::{ref_uuid, reference, URL, UUID};
use crate::rules::catalogue::VERTEGENWOORDIGING_NIET_ZICHZELF;
use crate::rules::shape::{Check, Shape};
use crate::rules::walk::Ctx;

fn niet_zichzelf(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if let (Some(a), Some(b)) = (
        ref_uuid(m, "vertegenwoordigendePartij"),
        ref_uuid(m, "vertegenwoordigdePartij"),
    ) {
        if a.eq_ignore_ascii_case(b) {
            ctx.report_at(
                "vertegenwoordigdePartij",
                "invalid",
                &VERTEGENWOORDIGING_NIET_ZICHZELF,
                "De partij kan niet zichzelf vertegenwoordigen.",
            );
        }
    }
}

/// `/vertegenwoordigingen`.
pub static VERTEGENWOORDIGDEN: Shape = Shape {
    name: "Vertegenwoordigden",
    fields: &[
        UUID,
        URL,
        reference("vertegenwoordigendePartij"),
        reference("vertegenwoordigdePartij"),
    ],
    checks: &[Check { run: niet_zichzelf }],
};
